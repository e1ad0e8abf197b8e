/**
 * The disruption controller (`pkg/controller/disruption`): each PodDisruptionBudget's status
 * from the pods its selector matches in its namespace — `currentHealthy` (ready, not being
 * deleted), `desiredHealthy` (minAvailable, or the expected scale less maxUnavailable),
 * `expectedPods`, `disruptionsAllowed` and the DisruptionAllowed condition (SufficientPods /
 * InsufficientPods). The expected scale of a percentage or a maxUnavailable is the sum of the
 * `spec.replicas` of the pods' controllers (Deployment through its ReplicaSet, ReplicaSet,
 * StatefulSet, ReplicationController).
 */
import type { Deployment, KObject, Pod } from "../../model/types";
import type { PodDisruptionBudget } from "../../model/standard-kind-types";
import { matchesSelector } from "../../model/labels";
import { rfc3339 } from "../../runtime/clock";
import type { Controller, ControllerContext } from "../../runtime/controller";
import { controllerOf } from "../../runtime/controller";
import { skipWhenUnchanged } from "../skip-when-unchanged";
import { isPodReady } from "../pod-util";

const ONLY_OWN_KIND = ["PodDisruptionBudget"] as const;
const INPUT_KINDS = ["PodDisruptionBudget", "Pod", "ReplicaSet", "Deployment", "StatefulSet", "ReplicationController"] as const;
const CONTROLLER = "disruption-controller";

/** `intstr.GetScaledValueFromIntOrPercent`, rounding up. */
function scaled(v: number | string, total: number): number {
  if (typeof v === "number") return v;
  const m = /^(\d+)%$/.exec(v);
  if (m) return Math.ceil((Number(m[1]) * total) / 100);
  return Number(v) || 0;
}

/** The summed `spec.replicas` of the pods' controllers, or undefined when a pod has none. */
function expectedScale(ctx: ControllerContext, ns: string, pods: Pod[]): number | undefined {
  const seen = new Map<string, number>();
  for (const pod of pods) {
    const ref = controllerOf(pod);
    if (!ref) return undefined;
    let owner: KObject | undefined = ctx.store.get(ref.kind, ns, ref.name);
    if (!owner) return undefined;
    if (owner.kind === "ReplicaSet") {
      const dref = controllerOf(owner);
      const d = dref?.kind === "Deployment" ? ctx.store.get<Deployment>("Deployment", ns, dref.name) : undefined;
      if (d) owner = d;
    }
    if (!["Deployment", "ReplicaSet", "StatefulSet", "ReplicationController"].includes(owner.kind)) return undefined;
    seen.set(owner.metadata.uid!, (owner.spec as { replicas?: number } | undefined)?.replicas ?? 1);
  }
  let sum = 0;
  for (const n of seen.values()) sum += n;
  return sum;
}

/** The disruption controller. */
export const disruptionController: Controller = skipWhenUnchanged(
  {
    name: CONTROLLER,
    reconcile(ctx: ControllerContext): void {
      for (const pdb of ctx.store.list<PodDisruptionBudget>("PodDisruptionBudget")) {
        const ns = pdb.metadata.namespace!;
        const selector = pdb.spec?.selector;
        const pods = selector ? ctx.store.list<Pod>("Pod", ns).filter((p) => matchesSelector(p.metadata.labels, selector)) : [];
        const currentHealthy = pods.filter((p) => !p.metadata.deletionTimestamp && isPodReady(p)).length;
        let expected: number | undefined;
        let desiredHealthy = 0;
        const { minAvailable, maxUnavailable } = pdb.spec ?? {};
        if (maxUnavailable !== undefined) {
          expected = expectedScale(ctx, ns, pods);
          if (expected !== undefined) desiredHealthy = Math.max(0, expected - scaled(maxUnavailable, expected));
        } else if (typeof minAvailable === "number") {
          expected = pods.length;
          desiredHealthy = minAvailable;
        } else if (typeof minAvailable === "string") {
          expected = expectedScale(ctx, ns, pods);
          if (expected !== undefined) desiredHealthy = scaled(minAvailable, expected);
        } else {
          expected = pods.length;
          desiredHealthy = 0;
        }
        if (expected === undefined) continue; // the real controller records an error event and leaves the status
        const allowed = Math.max(0, currentHealthy - desiredHealthy);
        const previous = pdb.status?.conditions?.find((c) => c.type === "DisruptionAllowed");
        const status = allowed > 0 ? "True" : "False";
        const reason = allowed > 0 ? "SufficientPods" : "InsufficientPods";
        const generation = pdb.metadata.generation ?? 1;
        const condition = {
          lastTransitionTime: previous && previous.status === status ? previous.lastTransitionTime : rfc3339(ctx.now),
          message: "",
          observedGeneration: generation,
          reason,
          status,
          type: "DisruptionAllowed",
        };
        const next: PodDisruptionBudget["status"] = {
          conditions: [condition],
          currentHealthy,
          desiredHealthy,
          disruptionsAllowed: allowed,
          expectedPods: expected,
          observedGeneration: generation,
        };
        if (JSON.stringify(pdb.status) === JSON.stringify(next)) continue;
        pdb.status = next;
        ctx.store.touch(pdb);
      }
    },
  },
  {
    // With no PodDisruptionBudget in the cluster only a new one can give the controller work.
    kinds: (ctx) => (ctx.store.count("PodDisruptionBudget") === 0 ? ONLY_OWN_KIND : INPUT_KINDS),
    clock: false,
  },
);
