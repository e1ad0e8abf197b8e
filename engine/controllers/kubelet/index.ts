import type { Node, Pod } from "../../model/types";
import type { Controller, ControllerContext } from "../../runtime/controller";
import { KUBELET, trackedPods, type PodRuntime } from "./state";
import { forgetPod, syncPod } from "./sync-pod";

/** Kinds whose changes can change what the kubelet does for a pod (config, network, nodes). */
const INPUT_KINDS = ["ConfigMap", "Secret", "Service", "Endpoints", "PersistentVolumeClaim", "ServiceAccount", "Node"] as const;

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
    const seen = ctx.state<Record<string, string>>(KUBELET, "seen", () => ({}));
    let inputs = `${ctx.now}`;
    for (const k of INPUT_KINDS) inputs += `|${ctx.store.kindVersion(k)}`;
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
      // Another pass at the same instant with nothing new for this pod changes nothing.
      const uid = pod.metadata.uid!;
      const key = `${inputs}|${pod.metadata.resourceVersion}`;
      if (seen[uid] === key) continue;
      syncPod(ctx, pod, node, lookup);
      const after = ctx.store.get<Pod>("Pod", pod.metadata.namespace, pod.metadata.name);
      if (after) seen[uid] = `${inputs}|${after.metadata.resourceVersion}`;
      else delete seen[uid];
    }
    const index = trackedPods(ctx);
    for (const uid of [...index.uids]) {
      if (live.has(uid)) continue;
      const pr = lookup(uid);
      delete seen[uid];
      if (pr) forgetPod(ctx, pr);
      else index.uids.splice(index.uids.indexOf(uid), 1);
    }
  },
};
