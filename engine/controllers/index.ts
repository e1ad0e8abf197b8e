import type { Controller } from "../runtime/controller";
import { namespaceController } from "./namespace/namespace-controller";
import { garbageCollector } from "./garbage-collector/garbage-collector";
import { deploymentController } from "./deployment/deployment-controller";
import { replicaSetController } from "./replicaset/replicaset-controller";
import { persistentVolumeController } from "./persistent-volume/pv-controller";
import { scheduler } from "./scheduler/scheduler";
import { endpointsController } from "./endpoints/endpoints-controller";
import { kubeletController } from "./kubelet";
import { statefulSetController } from "./statefulset/statefulset-controller";
import { jobController } from "./job/job-controller";
import { cronJobController } from "./cronjob/cronjob-controller";
import { daemonSetController } from "./daemonset/daemonset-controller";
import { endpointSliceController } from "./endpointslice/endpointslice-controller";
import { disruptionController } from "./disruption/disruption-controller";
import { resourceQuotaController } from "./resourcequota/resource-quota-controller";
import { horizontalPodAutoscalerController } from "./podautoscaler/horizontal-pod-autoscaler-controller";

/**
 * The controllers of the simulated control plane and nodes, in the order they run within a
 * reconcile pass. Each lives in its own folder and is a pure reconcile function over the model.
 */
export function defaultControllers(): Controller[] {
  return [
    // controller owners add their controllers here, in pipeline order:
    // namespace/serviceaccount → garbage collector → deployment → replicaset → pv binder →
    // scheduler → kubelet → endpoints
    namespaceController,
    garbageCollector,
    deploymentController,
    replicaSetController,
    statefulSetController,
    cronJobController,
    jobController,
    daemonSetController,
    persistentVolumeController,
    scheduler,
    kubeletController,
    endpointsController,
    endpointSliceController,
    disruptionController,
    resourceQuotaController,
    horizontalPodAutoscalerController,
  ];
}
