import type { Controller } from "../runtime/controller";

/**
 * The controllers of the simulated control plane and nodes, in the order they run within a
 * reconcile pass. Each lives in its own folder and is a pure reconcile function over the model.
 */
export function defaultControllers(): Controller[] {
  return [
    // controller owners add their controllers here, in pipeline order:
    // namespace/serviceaccount → garbage collector → deployment → replicaset → pv binder →
    // scheduler → kubelet → endpoints
  ];
}
