import type { Node, Pod } from "../../model/types";
import type { Controller, ControllerContext } from "../../runtime/controller";
import { KUBELET, trackedPods, type PodRuntime } from "./state";
import { forgetPod, syncPod } from "./sync-pod";

/**
 * The kubelet of every node: runs the pods bound to Ready nodes against the registry and
 * application models (image pulls, config, processes, probes, restarts), reports their
 * status and events, and finishes graceful deletions. Nodes that are not Ready have no
 * working kubelet: their pods keep their last status.
 */
export const kubeletController: Controller = {
  name: KUBELET,
  reconcile(ctx: ControllerContext): void {
    const lookup = (uid: string) => ctx.state<PodRuntime | undefined>(KUBELET, `pod/${uid}`, () => undefined);
    const nodes = new Map<string, Node | null>();
    const live = new Set<string>();
    for (const pod of ctx.store.list<Pod>("Pod")) {
      const nodeName = pod.spec.nodeName;
      if (pod.metadata.uid) live.add(pod.metadata.uid);
      if (!nodeName) {
        if (pod.metadata.deletionTimestamp) ctx.store.remove("Pod", pod.metadata.namespace, pod.metadata.name);
        continue;
      }
      let node = nodes.get(nodeName);
      if (node === undefined) {
        node = ctx.store.get<Node>("Node", undefined, nodeName) ?? null;
        nodes.set(nodeName, node);
      }
      if (!node) continue;
      const ready = node.status?.conditions?.find((c) => c.type === "Ready");
      if (ready && ready.status !== "True") continue;
      syncPod(ctx, pod, node, lookup);
    }
    const index = trackedPods(ctx);
    for (const uid of [...index.uids]) {
      if (live.has(uid)) continue;
      const pr = lookup(uid);
      if (pr) forgetPod(ctx, pr);
      else index.uids.splice(index.uids.indexOf(uid), 1);
    }
  },
};
