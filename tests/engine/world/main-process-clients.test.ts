import { describe, expect, it } from "vitest";
import { openSession } from "../../../engine/index";
import type { Pod } from "../../../engine/model/types";

/**
 * Network clients run as a pod's main process (`kubectl run x --image=busybox -- wget -qO- …`,
 * then `kubectl logs x`) print what the same client prints in a shell: the answer of the
 * cluster network model. capstone-customer-system (seed 1), namespace customers: customerinfo-app
 * pods are healthy, the `customerinfo` Service selects no pod.
 */
const SCENARIO = { scenarioId: "capstone-customer-system", seed: 1 };

function started() {
  const s = openSession(SCENARIO);
  const app = s.cluster.store.list<Pod>("Pod", "customers").find((p) => p.metadata.name.startsWith("customerinfo-app-") && p.status.podIP)!;
  return { s, app, ip: app.status.podIP! };
}

const phase = (s: ReturnType<typeof openSession>, name: string) => s.cluster.store.get<Pod>("Pod", "customers", name)?.status.containerStatuses?.[0]?.state?.terminated;

describe("network clients as a container's main process", () => {
  it("wget -qO- prints the application's answer to the log, exactly as in a shell of the same pod network", () => {
    const { s, app, ip } = started();
    s.run(`kubectl run probe -n customers --image=busybox:1.36 --restart=Never -- wget -qO- http://${ip}:8080/actuator/health`, 0);
    const logs = s.run("kubectl logs probe -n customers", 10_000);
    const shell = s.run(`kubectl exec -n customers ${app.metadata.name} -c customerinfo-app -- wget -qO- http://${ip}:8080/actuator/health`, 11_000);
    const debug = s.run(`kubectl debug -n customers ${app.metadata.name} -it --image=busybox:1.36 -- wget -qO- http://${ip}:8080/actuator/health`, 12_000);
    expect(logs.output).toMatch(/^\{"status":"UP","groups":\["liveness","readiness"\]\}\n?$/);
    expect(debug.output.endsWith('{"status":"UP","groups":["liveness","readiness"]}')).toBe(true);
    expect(shell.exitCode).not.toBe(0); // the application image has no wget: the comparison is the debug container's
    expect(phase(s, "probe")).toMatchObject({ exitCode: 0, reason: "Completed" });
  });

  it("a Service without endpoints refuses the connection: the error is the log and the pod ends in Error", () => {
    const { s } = started();
    s.run("kubectl run probe -n customers --image=busybox:1.36 --restart=Never -- wget -qO- http://customerinfo:8080/", 0);
    const svcIP = s.cluster.store.get<{ spec: { clusterIP: string } } & Pod>("Service", "customers", "customerinfo")!.spec.clusterIP;
    expect(s.run("kubectl logs probe -n customers", 10_000).output).toBe(`wget: can't connect to remote host (${svcIP}): Connection refused\n`);
    expect(phase(s, "probe")).toMatchObject({ exitCode: 1, reason: "Error" });
  });

  it("nslookup and curl, alone and inside sh -c, log what they print", () => {
    const { s, ip } = started();
    s.run("kubectl run dns -n customers --image=busybox:1.36 --restart=Never -- nslookup customerinfo", 0);
    s.run("kubectl run nx -n customers --image=busybox:1.36 --restart=Never -- nslookup nope", 0);
    s.run(`kubectl run c -n customers --image=curlimages/curl:8.8.0 --restart=Never --command -- sh -c "echo checking; curl -s http://${ip}:8080/actuator/health"`, 0);
    expect(s.run("kubectl logs dns -n customers", 30_000).output).toMatch(/^Server:\t\t10\.96\.0\.10\nAddress:\t10\.96\.0\.10:53\n\nName:\tcustomerinfo\.customers\.svc\.cluster\.local\nAddress: 10\.96\.\d+\.\d+\n/);
    expect(phase(s, "dns")).toMatchObject({ exitCode: 0 });
    expect(s.run("kubectl logs nx -n customers", 30_000).output).toContain("** server can't find nope.customers.svc.cluster.local: NXDOMAIN\n");
    expect(phase(s, "nx")).toMatchObject({ exitCode: 1 });
    // (Logs are kept as lines: the answer, which has no final newline, is shown as a whole line.)
    expect(s.run("kubectl logs c -n customers", 30_000).output).toMatch(/^checking\n\{"status":"UP","groups":\["liveness","readiness"\]\}\n?$/);
    expect(phase(s, "c")).toMatchObject({ exitCode: 0 });
  });
});
