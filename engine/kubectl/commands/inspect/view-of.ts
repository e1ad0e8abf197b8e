/** The container view exec, debug and attached shells use: the runtime's knowledge when it has it, else the API objects'. */
import type { Pod } from "../../../model/types";
import type { Cluster } from "../../../runtime/cluster";
import { containerView, type ContainerView } from "./container-view";
import { inspectRuntime } from "./runtime-hooks";

/** The view of `container` in `pod` now, or undefined when the pod has no such container. */
export function viewOf(cluster: Cluster, pod: Pod, container: string): ContainerView | undefined {
  const rt = inspectRuntime();
  return containerView(cluster, pod, container, rt.network(cluster), rt.containerFilesystem?.(cluster, pod, container));
}
