/**
 * The PersistentVolume controller (`pv_controller.go`) with an external provisioner standing
 * in for the CSI/local-path sidecar: binds claims to matching Available volumes, provisions
 * `pvc-<uid>` volumes through the claim's StorageClass (after a consumer is scheduled for
 * WaitForFirstConsumer classes), reports why a claim stays Pending (re-emitted every 15s,
 * the controller's resync period), releases or deletes volumes whose claim is gone, and
 * removes the protection finalizers of deleted claims no running pod uses.
 */
import type { Node, PersistentVolume, PersistentVolumeClaim, Pod, StorageClass } from "../../model/types";
import type { Controller, ControllerContext } from "../../runtime/controller";
import { defaultStorageClass } from "../defaults";
import { isPodTerminal } from "../pod-util";
import { claimClass, findMatchingVolume, isDelayBinding, NO_PROVISIONER, SELECTED_NODE_ANNOTATION } from "./volume-matching";

/** The component name on the PV controller's events. */
export const PERSISTENT_VOLUME_CONTROLLER = "persistentvolume-controller";
/** The PV controller's resync period: pending claims are looked at (and their events repeated) this often. */
export const PV_RESYNC_MS = 15_000;

const BOUND_BY_CONTROLLER = "pv.kubernetes.io/bound-by-controller";
const BIND_COMPLETED = "pv.kubernetes.io/bind-completed";
const PROVISIONED_BY = "pv.kubernetes.io/provisioned-by";
const STORAGE_PROVISIONER = "volume.kubernetes.io/storage-provisioner";
const BETA_STORAGE_PROVISIONER = "volume.beta.kubernetes.io/storage-provisioner";

interface ClaimState {
  /** When the controller may next report on this claim. */
  nextReport: number;
}

function reportOncePerResync(ctx: ControllerContext, pvc: PersistentVolumeClaim, report: () => void): void {
  const st = ctx.state<ClaimState>(PERSISTENT_VOLUME_CONTROLLER, pvc.metadata.uid!, () => ({ nextReport: ctx.now }));
  if (ctx.now >= st.nextReport) {
    report();
    st.nextReport = ctx.now + PV_RESYNC_MS;
  }
  ctx.wakeAt(st.nextReport);
}

function bindClaim(ctx: ControllerContext, pvc: PersistentVolumeClaim, pv: PersistentVolume, boundByController: boolean): void {
  if (!pv.spec.claimRef || pv.spec.claimRef.uid !== pvc.metadata.uid) {
    pv.spec.claimRef = {
      apiVersion: "v1",
      kind: "PersistentVolumeClaim",
      name: pvc.metadata.name,
      namespace: pvc.metadata.namespace!,
      resourceVersion: pvc.metadata.resourceVersion,
      uid: pvc.metadata.uid,
    } as PersistentVolume["spec"]["claimRef"];
    if (boundByController) pv.metadata.annotations = { ...(pv.metadata.annotations ?? {}), [BOUND_BY_CONTROLLER]: "yes" };
  }
  pv.status = { ...(pv.status ?? {}), phase: "Bound" };
  ctx.store.touch(pv);
  pvc.spec.volumeName = pv.metadata.name;
  const annotations: Record<string, string> = { ...(pvc.metadata.annotations ?? {}), [BIND_COMPLETED]: "yes" };
  if (boundByController) annotations[BOUND_BY_CONTROLLER] = "yes";
  pvc.metadata.annotations = annotations;
  pvc.status = { phase: "Bound", accessModes: [...(pv.spec.accessModes ?? [])], capacity: { ...(pv.spec.capacity ?? {}) } };
  ctx.store.touch(pvc);
  ctx.dropState(PERSISTENT_VOLUME_CONTROLLER, pvc.metadata.uid!);
}

/** The identity an external provisioner reports events under (`<provisioner>_<pod>_<uuid>`). */
function provisionerIdentity(ctx: ControllerContext, provisioner: string): string {
  return ctx.state(PERSISTENT_VOLUME_CONTROLLER, `identity/${provisioner}`, () => {
    const pod = ctx.store.list<Pod>("Pod").find((p) => p.metadata.name.startsWith("local-path-provisioner-") || p.metadata.name.includes("provisioner"));
    const host = pod?.metadata.name ?? `${provisioner.slice(provisioner.lastIndexOf("/") + 1)}-provisioner-${ctx.rng.chars(10)}-${ctx.rng.chars(5)}`;
    return `${provisioner}_${host}_${ctx.rng.uuid()}`;
  });
}

function provision(ctx: ControllerContext, pvc: PersistentVolumeClaim, sc: StorageClass, nodeName: string | undefined): void {
  const identity = provisionerIdentity(ctx, sc.provisioner);
  const ns = pvc.metadata.namespace!;
  ctx.events.record(pvc, "Normal", "Provisioning", `External provisioner is provisioning volume for claim "${ns}/${pvc.metadata.name}"`, { component: identity });
  const name = `pvc-${pvc.metadata.uid}`;
  const spec: PersistentVolume["spec"] = {
    accessModes: [...(pvc.spec.accessModes ?? ["ReadWriteOnce"])],
    capacity: { storage: pvc.spec.resources?.requests?.storage ?? "1Gi" },
    persistentVolumeReclaimPolicy: sc.reclaimPolicy ?? "Delete",
    storageClassName: sc.metadata.name,
    volumeMode: pvc.spec.volumeMode ?? "Filesystem",
    claimRef: { apiVersion: "v1", kind: "PersistentVolumeClaim", name: pvc.metadata.name, namespace: ns, resourceVersion: pvc.metadata.resourceVersion, uid: pvc.metadata.uid } as PersistentVolume["spec"]["claimRef"],
  };
  const annotations: Record<string, string> = { [PROVISIONED_BY]: sc.provisioner };
  if (nodeName) {
    spec.hostPath = { path: `/var/local-path-provisioner/${name}_${ns}_${pvc.metadata.name}`, type: "DirectoryOrCreate" } as PersistentVolume["spec"]["hostPath"];
    spec.nodeAffinity = { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: "kubernetes.io/hostname", operator: "In", values: [nodeName] }] }] } };
    annotations["local.path.provisioner/selected-node"] = nodeName;
  } else {
    spec.hostPath = { path: `/tmp/hostpath-provisioner/${ns}/${pvc.metadata.name}`, type: "" } as PersistentVolume["spec"]["hostPath"];
  }
  const pv: PersistentVolume = {
    apiVersion: "v1",
    kind: "PersistentVolume",
    metadata: { name, annotations, finalizers: ["kubernetes.io/pv-protection"] },
    spec,
    status: { phase: "Bound" },
  };
  ctx.store.create(pv);
  ctx.events.record(pvc, "Normal", "ProvisioningSucceeded", `Successfully provisioned volume ${name}`, { component: identity });
  bindClaim(ctx, pvc, pv, true);
}

function setClaimProvisioner(ctx: ControllerContext, pvc: PersistentVolumeClaim, provisioner: string): void {
  const a = pvc.metadata.annotations ?? {};
  if (a[STORAGE_PROVISIONER] === provisioner && a[BETA_STORAGE_PROVISIONER] === provisioner) return;
  pvc.metadata.annotations = { ...a, [BETA_STORAGE_PROVISIONER]: provisioner, [STORAGE_PROVISIONER]: provisioner };
  ctx.store.touch(pvc);
}

/** Pods in the claim's namespace that mount it and are not yet scheduled. */
function unscheduledConsumers(ctx: ControllerContext, pvc: PersistentVolumeClaim): string[] {
  return ctx.store
    .list<Pod>("Pod", pvc.metadata.namespace)
    .filter((p) => !p.spec.nodeName && !isPodTerminal(p) && (p.spec.volumes ?? []).some((v) => v.persistentVolumeClaim?.claimName === pvc.metadata.name))
    .map((p) => p.metadata.name);
}

function syncUnboundClaim(ctx: ControllerContext, pvc: PersistentVolumeClaim): void {
  if (pvc.spec.storageClassName === undefined || pvc.spec.storageClassName === null) {
    // Retroactive default StorageClass assignment.
    const sc = defaultStorageClass(ctx.store);
    if (sc) {
      pvc.spec.storageClassName = sc.metadata.name;
      ctx.store.touch(pvc, true);
    }
  }
  const delay = isDelayBinding(ctx.store, pvc);
  const selectedNode = pvc.metadata.annotations?.[SELECTED_NODE_ANNOTATION];
  const node = selectedNode ? ctx.store.get<Node>("Node", undefined, selectedNode) : undefined;
  if (delay && !selectedNode) {
    // Only the scheduler binds these, once a consumer has a node.
    reportOncePerResync(ctx, pvc, () => {
      const consumers = unscheduledConsumers(ctx, pvc);
      if (consumers.length === 0) ctx.events.record(pvc, "Normal", "WaitForFirstConsumer", "waiting for first consumer to be created before binding", { component: PERSISTENT_VOLUME_CONTROLLER });
      else if (consumers.length === 1) ctx.events.record(pvc, "Normal", "WaitForPodScheduled", `waiting for pod ${consumers[0]} to be scheduled`, { component: PERSISTENT_VOLUME_CONTROLLER });
      else ctx.events.record(pvc, "Normal", "WaitForPodScheduled", `waiting for pods ${consumers.join(",")} to be scheduled`, { component: PERSISTENT_VOLUME_CONTROLLER });
    });
    return;
  }
  const pv = findMatchingVolume(ctx.store, pvc, node);
  if (pv) {
    bindClaim(ctx, pvc, pv, !pv.spec.claimRef);
    return;
  }
  const className = claimClass(pvc);
  if (!className) {
    reportOncePerResync(ctx, pvc, () =>
      ctx.events.record(pvc, "Normal", "FailedBinding", "no persistent volumes available for this claim and no storage class is set", { component: PERSISTENT_VOLUME_CONTROLLER }),
    );
    return;
  }
  const sc = ctx.store.get<StorageClass>("StorageClass", undefined, className);
  if (!sc) {
    reportOncePerResync(ctx, pvc, () =>
      ctx.events.record(pvc, "Warning", "ProvisioningFailed", `storageclass.storage.k8s.io "${className}" not found`, { component: PERSISTENT_VOLUME_CONTROLLER }),
    );
    return;
  }
  if (sc.provisioner === NO_PROVISIONER) {
    reportOncePerResync(ctx, pvc, () =>
      ctx.events.record(pvc, "Warning", "ProvisioningFailed", `no volume plugin matched name: ${NO_PROVISIONER}`, { component: PERSISTENT_VOLUME_CONTROLLER }),
    );
    return;
  }
  setClaimProvisioner(ctx, pvc, sc.provisioner);
  ctx.events.record(
    pvc,
    "Normal",
    "ExternalProvisioning",
    `Waiting for a volume to be created either by the external provisioner '${sc.provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`,
    { component: PERSISTENT_VOLUME_CONTROLLER },
  );
  provision(ctx, pvc, sc, node?.metadata.name);
}

function claimInUse(ctx: ControllerContext, pvc: PersistentVolumeClaim): boolean {
  return ctx.store
    .list<Pod>("Pod", pvc.metadata.namespace)
    .some((p) => !isPodTerminal(p) && (p.spec.volumes ?? []).some((v) => v.persistentVolumeClaim?.claimName === pvc.metadata.name));
}

function syncDeletedClaim(ctx: ControllerContext, pvc: PersistentVolumeClaim): void {
  if (claimInUse(ctx, pvc)) return;
  ctx.store.remove("PersistentVolumeClaim", pvc.metadata.namespace, pvc.metadata.name);
  ctx.dropState(PERSISTENT_VOLUME_CONTROLLER, pvc.metadata.uid!);
}

function syncVolume(ctx: ControllerContext, pv: PersistentVolume): void {
  const ref = pv.spec.claimRef;
  if (!ref) {
    if (pv.status?.phase !== "Available") {
      pv.status = { ...(pv.status ?? {}), phase: "Available" };
      ctx.store.touch(pv);
    }
    return;
  }
  const claim = ctx.store.get<PersistentVolumeClaim>("PersistentVolumeClaim", ref.namespace, ref.name);
  if (claim && (!ref.uid || claim.metadata.uid === ref.uid)) return;
  if (!ref.uid) return;
  // The claim is gone: release, then apply the reclaim policy.
  if ((pv.spec.persistentVolumeReclaimPolicy ?? "Retain") === "Delete") {
    ctx.store.remove("PersistentVolume", undefined, pv.metadata.name);
    return;
  }
  if (pv.status?.phase !== "Released") {
    pv.status = { ...(pv.status ?? {}), phase: "Released" };
    ctx.store.touch(pv);
  }
}

/** The PersistentVolume controller. */
export const persistentVolumeController = {
  name: PERSISTENT_VOLUME_CONTROLLER,
  reconcile(ctx: ControllerContext): void {
    for (const pvc of ctx.store.list<PersistentVolumeClaim>("PersistentVolumeClaim")) {
      if (pvc.metadata.deletionTimestamp) {
        syncDeletedClaim(ctx, pvc);
        continue;
      }
      if (pvc.spec.volumeName) {
        const pv = ctx.store.get<PersistentVolume>("PersistentVolume", undefined, pvc.spec.volumeName);
        if (!pv && pvc.status?.phase === "Bound") {
          pvc.status = { ...pvc.status, phase: "Lost" };
          ctx.store.touch(pvc);
        } else if (pv && pvc.status?.phase !== "Bound") {
          bindClaim(ctx, pvc, pv, false);
        }
        continue;
      }
      syncUnboundClaim(ctx, pvc);
    }
    for (const pv of ctx.store.list<PersistentVolume>("PersistentVolume")) {
      if (pv.metadata.deletionTimestamp) {
        if (pv.status?.phase !== "Bound") ctx.store.remove("PersistentVolume", undefined, pv.metadata.name);
        continue;
      }
      syncVolume(ctx, pv);
    }
  },
} satisfies Controller;
