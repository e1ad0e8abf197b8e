/**
 * Fidelity across engine-produced clusters: every scenario, broken and after its reference
 * fix, on seeds the describe oracle does not use; the objects the simulation made are served
 * to the real kubectl v1.32, and our `get -o yaml|json|jsonpath|custom-columns|name` and
 * `describe` must print the same bytes. (`describe` of ConfigMaps and Secrets is left out:
 * kubectl ranges over their data maps in Go's random order.) The catalogue is split over
 * `fidelity-<n>.test.ts` files so that vitest runs the parts side by side.
 */
import { afterAll, describe, expect, it } from "vitest";
import { listScenarios, openSession, solutionFor } from "../../../engine/index";
import type { Session } from "../../../engine/session";
import { runKubectl } from "../../../engine/kubectl/kubectl";
import type { FakeApiServer } from "../oracle/fake-api-server";
import { compareDescribe, hasKubectl, runRealKubectl, serve, shiftTimestamps, staticCluster } from "../oracle/harness";

/** How many test files share the catalogue. */
export const FIDELITY_PARTS = 3;

/** The `get` shapes compared; none prints an age, so no clock is involved. */
function getCommands(ns: string): string[][] {
  return [
    ["get", "pods", "-n", ns, "-o", "yaml"],
    ["get", "deploy,rs", "-n", ns, "-o", "json"],
    ["get", "svc,ep,cm,secrets,sa", "-n", ns, "-o", "yaml"],
    ["get", "nodes", "-o", "yaml"],
    ["get", "pvc,pv", "-A", "-o", "yaml"],
    ["get", "events", "-n", ns, "-o", "json"],
    ["get", "pods", "-n", ns, "-o", 'jsonpath={range .items[*]}{.metadata.name}{"\\t"}{.status.phase}{"\\t"}{.status.containerStatuses[*].restartCount}{"\\t"}{.status.conditions[?(@.type=="Ready")].status}{"\\n"}{end}'],
    ["get", "pods", "-n", ns, "-o", "custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[*].image,NODE:.spec.nodeName,READY:.status.containerStatuses[0].ready,REASON:.status.containerStatuses[*].state.waiting.reason"],
    ["get", "deploy", "-n", ns, "-o", "jsonpath={.items[*].status}"],
    ["get", "pods,deploy,svc", "-n", ns, "-o", "name"],
    ["get", "nodes", "-o", "jsonpath={.items[*].spec.taints}"],
    ["get", "pods", "-A", "-o", "jsonpath={.items[0].spec.containers[0]}"],
  ];
}

/** A session of the scenario, broken (11 minutes in) or three minutes after its reference fix. */
function clusterOf(scenarioId: string, seed: number, phase: "broken" | "fixed"): Session {
  const s = openSession({ scenarioId, seed });
  if (phase === "fixed") {
    let t = 5_000;
    for (const line of solutionFor(scenarioId, seed)) s.run(line, (t += 5_000));
    s.run("true", t + 180_000);
  } else s.run("true", 11 * 60_000);
  return s;
}

/** Runs `tasks` with at most `n` at a time. */
async function pooled<T>(tasks: (() => Promise<T>)[], n: number): Promise<T[]> {
  const out: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(Array.from({ length: n }, async () => {
    while (next < tasks.length) {
      const i = next++;
      out[i] = await tasks[i]();
    }
  }));
  return out;
}

/** Defines the fidelity tests for every `FIDELITY_PARTS`-th scenario of the catalogue, from `part`. */
export function fidelitySuite(part: number): void {
  const scenarios = listScenarios()
    .map((s) => s.id)
    .filter((_, i) => i % FIDELITY_PARTS === part);
  describe.skipIf(!hasKubectl)(`engine-produced clusters render as the real kubectl v1.32 renders them (part ${part + 1} of ${FIDELITY_PARTS})`, () => {
    const servers: FakeApiServer[] = [];
    afterAll(async () => {
      for (const s of servers) await s.close();
    });

    for (const scenarioId of scenarios) {
      it(`${scenarioId}: get -o yaml/json/jsonpath/custom-columns/name, broken and fixed (seed 2)`, async () => {
        for (const phase of ["broken", "fixed"] as const) {
          const session = clusterOf(scenarioId, 2, phase);
          const ns = session.instance.defaultNamespace ?? "default";
          const server = await serve(session.cluster.store.all());
          servers.push(server);
          const commands = getCommands(ns);
          const real = await pooled(commands.map((argv) => () => runRealKubectl(server.port, argv)), 4);
          commands.forEach((argv, i) => {
            const ours = runKubectl(session.cluster, argv, undefined, { namespace: "default" });
            expect({ phase, argv, stdout: ours.stdout, stderr: ours.stderr }).toEqual({ phase, argv, stdout: real[i].stdout, stderr: real[i].stderr });
          });
        }
      }, 120_000);

      it(`${scenarioId}: describe after the fix and long after the failure (seed 5)`, async () => {
        for (const phase of ["broken", "fixed"] as const) {
          const session = clusterOf(scenarioId, 5, phase);
          const ns = session.instance.defaultNamespace ?? "default";
          const wall = Math.floor(Date.now() / 1000) * 1000;
          const objects = shiftTimestamps(session.cluster.store.all(), wall - Math.floor(session.cluster.now() / 1000) * 1000);
          const server = await serve(objects);
          servers.push(server);
          const cluster = staticCluster(objects, wall);
          for (const line of [`pods -n ${ns}`, `deploy -n ${ns}`, `rs -n ${ns}`, `svc -n ${ns}`, `ep -n ${ns}`, "nodes", `ns ${ns}`, `sa -n ${ns}`]) {
            const { real, engine } = await compareDescribe(server, cluster, line.split(" "));
            expect({ phase, line, stdout: engine.stdout, stderr: engine.stderr }).toEqual({ phase, line, stdout: real.stdout, stderr: real.stderr });
          }
        }
      }, 120_000);
    }
  });
}
