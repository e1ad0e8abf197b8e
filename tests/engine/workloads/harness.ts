/**
 * A scenario world built from manifests, with the real controllers and kubelet, for the
 * workload controllers' tests: `world(manifests)` instantiates a one-variant scenario and
 * `kubectl(w, "get pods -n shop")` runs a command at the cluster's current time.
 */
// The session module wires kubectl's logs/exec/top to the kubelet's simulated processes.
import "../../../engine/session";
import { parseScenario } from "../../../engine/scenario/loader";
import { instantiate, type Instance } from "../../../engine/scenario/instantiate";
import { runKubectl } from "../../../engine/kubectl/kubectl";
import type { Cluster } from "../../../engine/runtime/cluster";
import type { Event, KObject } from "../../../engine/model/types";

/** Indents a block for a YAML literal. */
function indent(text: string, by: string): string {
  return text
    .trim()
    .split("\n")
    .map((l) => by + l)
    .join("\n");
}

/** A scenario instance whose only objects are `manifests` (plus the system ones). */
export function world(manifests: string, seed = 1): Instance {
  const text = `id: workload-test
title: Workload test
family: pending
difficulty: 1
tags: [test]
brief: test
params:
  variants:
    - name: a
      values: { ns: shop }
    - name: b
      values: { ns: shop }
    - name: c
      values: { ns: shop }
manifests: |
${indent(manifests, "  ")}
hints:
  - one
  - two
  - three
checks:
  - id: looked
    kind: diagnosed
    anyOf:
      - { command: get }
  - id: ns
    kind: fieldEquals
    object: Namespace
    name: shop
    path: status.phase
    value: Active
    role: fixed
    message: no namespace
par: 3
explanation: test
solution:
  - kubectl get pods
nonFixes:
  - name: nothing
    commands:
      - kubectl get pods
    fails: [looked]
`;
  return instantiate(parseScenario({ path: "workload-test.yaml", text }), seed);
}

/** Runs one kubectl command line (simple whitespace split, no quoting) in namespace `shop` by default. */
export function kubectl(cluster: Cluster, line: string, stdin?: string): { stdout: string; stderr: string; exitCode: number } {
  const r = runKubectl(cluster, line.split(/\s+/).filter(Boolean), stdin, { namespace: "shop" });
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
}

/** `reason: message` of the events about `obj`, oldest first. */
export function eventsOf(cluster: Cluster, obj: KObject): string[] {
  return cluster.store
    .list<Event>("Event", obj.metadata.namespace)
    .filter((e) => e.involvedObject.uid === obj.metadata.uid)
    .sort((a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion))
    .map((e) => `${e.reason}: ${e.message}`);
}
