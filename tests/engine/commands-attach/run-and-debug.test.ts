import { describe, expect, it } from "vitest";
import { openSession, replaySession, type RecordedAction } from "../../../engine/index";

/**
 * `kubectl run -i/-it [--rm]` and `kubectl debug -it` wait for their container on the virtual
 * clock and attach, as the real ones do. crash-missing-env (seed 1), namespace checkout: a
 * healthy redis Deployment behind the Service `redis`.
 */
const SCENARIO = { scenarioId: "crash-missing-env", seed: 1 };

describe("kubectl run attached", () => {
  it("-it --rm -- sh: waits for the pod, opens a shell in it, and deletes the pod when the shell exits", () => {
    const s = openSession(SCENARIO);
    const open = s.run("kubectl run tmp --rm -it --restart=Never --image=busybox:1.36 -- sh", 0);
    expect(open.output).toBe("If you don't see a command prompt, try pressing enter.\n");
    expect(open.exitCode).toBe(0);
    expect(s.cluster.store.get("Pod", "checkout", "tmp")).toBeDefined();
    const lookup = s.run("nslookup redis", 1000);
    expect(lookup.output).toMatch(/^Server:\t\t10\.96\.0\.10\n/);
    expect(lookup.output).toContain("Name:\tredis.checkout.svc.cluster.local\n");
    expect(s.run("exit", 2000).output).toBe('pod "tmp" deleted\n');
    expect(s.run("kubectl get pod tmp", 3000).output).toMatch(/^tmp +0\/1 +Terminating|Error from server \(NotFound\): pods "tmp" not found/m);
  });

  it("-i --rm -- CMD: shows the command's output, then deletes the pod", () => {
    const s = openSession(SCENARIO);
    const r = s.run("kubectl run probe --rm -i --restart=Never --image=busybox:1.36 -- nslookup redis", 0);
    expect(r.output).toContain("Name:\tredis.checkout.svc.cluster.local\n");
    expect(r.output.endsWith('pod "probe" deleted\n')).toBe(true);
  });

  it("-it without --rm tells how to re-attach once the shell ends", () => {
    const s = openSession(SCENARIO);
    s.run("kubectl run keep -it --image=busybox:1.36 -- sh", 0);
    expect(s.run("exit", 1000).output).toBe("Session ended, resume using 'kubectl attach keep -c keep -i -t' command when the pod is running\n");
    expect(s.cluster.store.get("Pod", "checkout", "keep")).toBeDefined();
  });

  it("gives up after --pod-running-timeout when the pod never runs, with the clock moved that far", () => {
    const s = openSession(SCENARIO);
    const before = s.cluster.now();
    const r = s.run("kubectl run broken --rm -it --image=busybox:9.9.9 --pod-running-timeout=20s -- sh", 0);
    expect(r.output).toBe('pod "broken" deleted\nerror: timed out waiting for the condition\n');
    expect(r.exitCode).toBe(1);
    expect(s.cluster.now() - before).toBe(20_000);
  });

  it("refuses what kubectl refuses", () => {
    const s = openSession(SCENARIO);
    expect(s.run("kubectl run a --rm --image=busybox:1.36", 0).output).toBe("error: --rm should only be used for attached containers\n");
    expect(s.run("kubectl run a -t --image=busybox:1.36", 0).output).toBe("error: -i/--stdin is required for containers with -t/--tty=true\n");
    expect(s.run("kubectl run a -i --dry-run=client --image=busybox:1.36", 0).output).toBe(
      "error: --dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)\n",
    );
    expect(s.run("kubectl run a --image=busybox:1.36 --image-pull-policy=Sometimes", 0).output).toBe("error: invalid image pull policy: Sometimes\n");
  });

  it("replays to the same outputs and the same cluster", () => {
    const lines = ["kubectl run tmp --rm -it --restart=Never --image=busybox:1.36 -- sh", "wget -qO- http://redis:6379", "exit", "kubectl get pods"];
    const actions: RecordedAction[] = lines.map((input, i) => ({ type: "command", input, virtualMs: i * 1000 }));
    const one = openSession(SCENARIO);
    const two = openSession(SCENARIO);
    for (const a of actions) if (a.type === "command") expect(two.run(a.input, a.virtualMs)).toEqual(one.run(a.input, a.virtualMs));
    const replayed = replaySession(SCENARIO, actions);
    expect(replayed.run("kubectl get pods -A -o yaml", 10_000).output).toBe(one.run("kubectl get pods -A -o yaml", 10_000).output);
  });
});

describe("kubectl debug -it", () => {
  it("node/NAME: waits for the node debugging pod to run, then attaches", () => {
    const s = openSession(SCENARIO);
    const r = s.run("kubectl debug node/worker-1 -it --image=busybox:1.36", 0);
    expect(r.output).toMatch(/^Creating debugging pod node-debugger-worker-1-[a-z0-9]{5} with container debugger on node worker-1\.\nIf you don't see a command prompt, try pressing enter\.\n$/m);
    expect(s.run("hostname", 1000).exitCode).toBe(0);
  });
});

describe("the order of a command's output and errors", () => {
  it("kubectl wait prints the objects it waited for, then the errors, as the real one does", () => {
    const s = openSession(SCENARIO);
    const [redis] = s.run("kubectl get pods -l app=redis -o name", 0).output.trim().split("\n");
    const r = s.run(`kubectl wait --for=condition=Ready ${redis} pod/nope --timeout=5s`, 0);
    expect(r.output).toBe(`${redis} condition met\nError from server (NotFound): pods "nope" not found\n`);
    expect(r.exitCode).toBe(1);
  });
});
