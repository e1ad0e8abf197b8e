/**
 * logs, exec, debug and port-forward against a static cluster, as transcripts checked into
 * golden files (UPDATE_GOLDEN=1 rewrites them), plus focused assertions on kubectl's exact texts.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Pod } from "../../../engine/model/types";
import { openShell, setInspectRuntime, shellLine } from "../../../engine/kubectl/commands/inspect";
import { expectGolden } from "../describe/golden-file";
import { inspectCluster, kubectl, NOW, transcript } from "./fixture";

const LOGS: string[] = [
  "logs web-a",
  "logs web-a --tail 2",
  "logs web-a --timestamps --tail=1",
  "logs web-a --since 2m",
  "logs tools-x",
  "logs tools-x -c sidecar",
  "logs tools-x -c nope",
  "logs tools-x --all-containers --prefix",
  "logs crash-c",
  "logs crash-c -p",
  "logs web-a -p",
  "logs pull-p",
  "logs new-n",
  "logs nope",
  "logs deploy/web",
  "logs -l app=web",
  "logs",
];

const EXEC: string[] = [
  "exec tools-x -- env",
  "exec tools-x -c shell -- printenv LOG_LEVEL DB_PASSWORD",
  "exec tools-x -c shell -- cat /etc/app/app.properties",
  "exec tools-x -c shell -- cat /etc/nope",
  "exec tools-x -c shell -- ls /etc/app",
  "exec tools-x -c shell -- ps",
  "exec tools-x -c shell -- hostname",
  "exec tools-x -c shell -- id",
  "exec tools-x -c shell -- nslookup web",
  "exec tools-x -c shell -- nslookup nope",
  "exec tools-x -c shell -- wget -qO- http://web/",
  "exec tools-x -c shell -- wget -O- http://web.shop.svc.cluster.local/",
  "exec tools-x -c shell -- wget -qO- http://api:8080/",
  "exec tools-x -c shell -- wget -qO- http://nope:8080/",
  "exec tools-x -c shell -- wget -qO- http://10.99.99.99/",
  "exec tools-x -c shell -- wget -T 5 -qO- http://10.99.99.99/",
  "exec tools-x -c shell -- nc -zv 10.99.99.99 80",
  "exec tools-x -c shell -- sh -c 'echo $LOG_LEVEL && exit 3'",
  "exec tools-x -c shell -- sh -c 'env | grep LOG'",
  "exec tools-x -c shell -- nosuchcmd",
  "exec tools-x -c shell -it -- sh",
  "exec static-z -- sh",
  "exec static-z -- ls /",
  "exec new-n -- ls",
  "exec done-d -- ls",
  "exec tools-x ls",
  "exec tools-x",
  "exec nope -- ls",
  "exec tools-x -c nope -- ls",
  "port-forward web-a 8080:80",
  "port-forward svc/web 8080:80",
  "port-forward pull-p 8080",
];

describe("inspect commands", () => {
  beforeAll(() => {
    setInspectRuntime({
      containerLogs: (_cluster, q) => {
        const base = NOW - 300_000;
        const id = `${q.pod.metadata.name}/${q.container}${q.previous ? " (previous)" : ""}`;
        return [0, 1, 2, 3].map((i) => ({ timeMs: base + i * 60_000 + 123, text: `line ${i + 1} of ${id}` }));
      },
    });
  });
  afterAll(() => setInspectRuntime({}));

  it("logs transcript", () => {
    const cluster = inspectCluster();
    expectGolden(join(__dirname, "golden", "logs.txt"), LOGS.map((l) => transcript(l, kubectl(cluster, l))).join(""));
  });

  it("exec and port-forward transcript", () => {
    const cluster = inspectCluster();
    expectGolden(join(__dirname, "golden", "exec.txt"), EXEC.map((l) => transcript(l, kubectl(cluster, l))).join(""));
  });

  it("uses kubectl's exact texts", () => {
    const cluster = inspectCluster();
    expect(kubectl(cluster, "logs tools-x").stderr).toBe('Defaulted container "shell" out of: shell, sidecar\n');
    expect(kubectl(cluster, "logs pull-p").stderr).toBe('Error from server (BadRequest): container "app" in pod "pull-p" is waiting to start: trying and failing to pull image\n');
    expect(kubectl(cluster, "logs new-n").stderr).toBe('Error from server (BadRequest): container "app" in pod "new-n" is waiting to start: ContainerCreating\n');
    expect(kubectl(cluster, "logs web-a -p").stderr).toBe('Error from server (BadRequest): previous terminated container "nginx" in pod "web-a" not found\n');
    expect(kubectl(cluster, "logs deploy/web").stderr).toBe("Found 2 pods, using pod/web-b\n");
    const distroless = kubectl(cluster, "exec static-z -- sh");
    expect(distroless.exitCode).toBe(1);
    expect(distroless.stderr).toMatch(/^error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "sh": executable file not found in \$PATH: unknown\n$/);
    expect(kubectl(cluster, "exec new-n -- ls").stderr).toBe('error: unable to upgrade connection: container not found ("app")\n');
    const failing = kubectl(cluster, "exec tools-x -c shell -- sh -c 'exit 3'");
    expect(failing.stderr).toBe("command terminated with exit code 3\n");
    expect(failing.exitCode).toBe(3);
  });

  it("debug adds an ephemeral container and attaches to its shell", () => {
    const cluster = inspectCluster();
    const r = kubectl(cluster, "debug web-a -it --image=busybox:1.36 --target=nginx");
    expect(r.stderr).toMatch(/^--profile=legacy is deprecated and will be removed in the future\. It is recommended to explicitly specify a profile, for example "--profile=general"\.\nDefaulting debug container name to debugger-[bcdfghjklmnpqrstvwxz2456789]{5}\.\nIf you don't see a command prompt, try pressing enter\.\n$/);
    expect(r.attach?.pod).toBe("web-a");
    const pod = cluster.store.get<Pod>("Pod", "shop", "web-a")!;
    const ec = pod.spec.ephemeralContainers![0];
    expect(ec).toMatchObject({ image: "busybox:1.36", targetContainerName: "nginx", stdin: true, tty: true });
    expect(pod.status.ephemeralContainerStatuses?.[0].state.running).toBeDefined();
    const shell = openShell(cluster, r.attach!);
    expect(shell.ok && shell.prompt).toBe("/ # ");
    if (!shell.ok) return;
    const ps = shellLine(cluster, r.attach!, shell.state, "ps");
    expect(ps.stdout).toContain("    1 root      0:00 nginx -g daemon off;");
    const dns = shellLine(cluster, r.attach!, ps.state, "nslookup web");
    expect(dns.stdout).toContain("Name:\tweb.shop.svc.cluster.local\nAddress: 10.96.120.15\n");
    const cd = shellLine(cluster, r.attach!, dns.state, "cd /etc && pwd");
    expect(cd.stdout).toBe("/etc\n");
    expect(cd.prompt).toBe("/etc # ");
    const bye = shellLine(cluster, r.attach!, cd.state, "exit");
    expect(bye.exit).toBe(true);
  });

  it("debug runs a one-shot command, copies pods and debugs nodes", () => {
    const cluster = inspectCluster();
    cluster.store.create({ apiVersion: "v1", kind: "Node", metadata: { name: "kind-worker" }, spec: {}, status: { capacity: {}, allocatable: {}, conditions: [], addresses: [], nodeInfo: {} } } as never);
    const once = kubectl(cluster, "debug web-a --image=busybox:1.36 -c probe --profile=general -- nslookup web");
    expect(once.stderr).toBe("");
    expect(once.stdout).toContain("Address: 10.96.120.15");
    const copy = kubectl(cluster, "debug web-a --copy-to=web-debug --set-image=*=nginx:1.26 --profile=general");
    expect(copy).toMatchObject({ stdout: "", stderr: "", exitCode: 0 });
    const copied = cluster.store.get<Pod>("Pod", "shop", "web-debug")!;
    expect(copied.spec.containers[0].image).toBe("nginx:1.26");
    expect(copied.spec.shareProcessNamespace).toBe(true);
    expect(copied.spec.nodeName).toBeUndefined();
    expect(kubectl(cluster, "debug web-a --copy-to=web-debug --profile=general").stderr).toBe('Error from server (AlreadyExists): pods "web-debug" already exists\n');
    const node = kubectl(cluster, "debug node/kind-worker --image=busybox:1.36 --profile=general");
    expect(node.stderr).toMatch(/^Creating debugging pod node-debugger-kind-worker-[a-z0-9]{5} with container debugger on node kind-worker\.\n$/);
    expect(kubectl(cluster, "debug nope --image=busybox").stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
  });
});
