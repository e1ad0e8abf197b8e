/**
 * API server defaulting and the admission plugins that shape a new object, so that
 * `kubectl get -o yaml` shows what a real v1.32 cluster shows: the `SetDefaults_*` functions
 * of `pkg/apis/{core,apps}/v1/defaults.go`, the pod strategy's status on create, and the
 * ServiceAccount, DefaultTolerationSeconds, Priority, DefaultStorageClass and
 * StorageObjectInUseProtection admission plugins.
 *
 * kubectl create/apply/run call `applyDefaults` before storing an object; the ReplicaSet
 * controller calls `applyPodCreateDefaults` on the pods it creates.
 */
import type {
  Container,
  CronJob,
  DaemonSet,
  Deployment,
  Job,
  StatefulSet,
  KObject,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
  PodSpec,
  PodTemplateSpec,
  Probe,
  ReplicaSet,
  ServiceAccount,
  StorageClass,
  Volume,
} from "../model/types";
import type { ObjectStore } from "../runtime/store";
import type { Random } from "../runtime/random";
import { podQosClass } from "./pod-util";
import { applyStatefulSetDefaults } from "./statefulset/defaults";
import { applyDaemonSetDefaults } from "./daemonset/defaults";
import { applyJobCreateDefaults } from "./job/defaults";
import { applyCronJobDefaults } from "./cronjob/defaults";
import { applyStandardKindDefaults } from "./standard-kind-defaults";
import { admitLimitRanger } from "./limitranger";

/** The annotation that marks a StorageClass as the cluster default. */
export const DEFAULT_STORAGE_CLASS_ANNOTATION = "storageclass.kubernetes.io/is-default-class";
/** Where the ServiceAccount admission plugin mounts the API credentials. */
export const SERVICE_ACCOUNT_MOUNT_PATH = "/var/run/secrets/kubernetes.io/serviceaccount";

/** `SetDefaults_Container` image pull policy: Always for `:latest` or no tag, else IfNotPresent. */
export function defaultImagePullPolicy(image: string): "Always" | "IfNotPresent" {
  if (image.includes("@")) return "IfNotPresent";
  const lastSegment = image.slice(image.lastIndexOf("/") + 1);
  const colon = lastSegment.indexOf(":");
  if (colon < 0) return "Always";
  return lastSegment.slice(colon + 1) === "latest" ? "Always" : "IfNotPresent";
}

function defaultProbe(p: Probe | undefined): void {
  if (!p) return;
  p.timeoutSeconds ??= 1;
  p.periodSeconds ??= 10;
  p.successThreshold ??= 1;
  p.failureThreshold ??= 3;
  if (p.httpGet) {
    p.httpGet.path ??= "/";
    p.httpGet.scheme ??= "HTTP";
  }
}

function defaultContainer(c: Container): void {
  c.imagePullPolicy ??= defaultImagePullPolicy(c.image ?? "");
  c.terminationMessagePath ??= "/dev/termination-log";
  c.terminationMessagePolicy ??= "File";
  c.resources ??= {};
  for (const p of c.ports ?? []) p.protocol ??= "TCP";
  for (const e of c.env ?? []) {
    if (e.valueFrom?.fieldRef) e.valueFrom.fieldRef.apiVersion ??= "v1";
  }
  defaultProbe(c.livenessProbe);
  defaultProbe(c.readinessProbe);
  defaultProbe(c.startupProbe);
}

function defaultVolume(v: Volume): void {
  if (v.configMap) v.configMap.defaultMode ??= 420;
  else if (v.secret) v.secret.defaultMode ??= 420;
  else if (v.projected) v.projected.defaultMode ??= 420;
  else if (v.hostPath) v.hostPath.type ??= "";
  else {
    const sources = Object.keys(v).filter((k) => k !== "name");
    if (sources.length === 0) v.emptyDir = {};
  }
}

/** `SetDefaults_PodSpec` and its containers, volumes and probes: what a pod template gets. */
export function applyPodSpecDefaults(spec: PodSpec): PodSpec {
  spec.dnsPolicy ??= "ClusterFirst";
  spec.restartPolicy ??= "Always";
  spec.terminationGracePeriodSeconds ??= 30;
  spec.securityContext ??= {};
  spec.schedulerName ??= "default-scheduler";
  for (const c of spec.initContainers ?? []) defaultContainer(c);
  for (const c of spec.containers ?? []) defaultContainer(c);
  for (const v of spec.volumes ?? []) defaultVolume(v);
  return spec;
}

function applyTemplateDefaults(t: PodTemplateSpec | undefined): void {
  if (t?.spec) applyPodSpecDefaults(t.spec);
}

function requestsFromLimits(c: Container): void {
  const limits = c.resources?.limits;
  if (!limits) return;
  const req = (c.resources!.requests ??= {});
  for (const [k, v] of Object.entries(limits)) if (req[k] === undefined) req[k] = v;
}

/**
 * Everything the API server adds to a new pod: spec defaults, requests copied from limits,
 * the service account and its `kube-api-access-xxxxx` projected volume, the default
 * NoExecute tolerations, priority, and `status` (phase Pending, qosClass).
 */
export function applyPodCreateDefaults(pod: Pod, rng: Random): Pod {
  const spec = applyPodSpecDefaults(pod.spec);
  for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) requestsFromLimits(c);
  spec.enableServiceLinks ??= true;
  spec.preemptionPolicy ??= "PreemptLowerPriority";
  spec.priority ??= 0;
  spec.serviceAccountName ??= spec.serviceAccount ?? "default";
  spec.serviceAccount = spec.serviceAccountName;
  addDefaultTolerations(spec);
  if (spec.automountServiceAccountToken !== false) addServiceAccountVolume(spec, rng);
  pod.status = { phase: "Pending", qosClass: podQosClass(pod) };
  return pod;
}

function addDefaultTolerations(spec: PodSpec): void {
  const tolerations = (spec.tolerations ??= []);
  for (const key of ["node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"]) {
    const has = tolerations.some((t) => (t.key === key || (!t.key && t.operator === "Exists")) && (!t.effect || t.effect === "NoExecute"));
    if (!has) tolerations.push({ effect: "NoExecute", key, operator: "Exists", tolerationSeconds: 300 });
  }
}

function addServiceAccountVolume(spec: PodSpec, rng: Random): void {
  const containers = [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
  if (containers.some((c) => c.volumeMounts?.some((m) => m.mountPath === SERVICE_ACCOUNT_MOUNT_PATH))) return;
  const name = `kube-api-access-${rng.chars(5)}`;
  (spec.volumes ??= []).push({
    name,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: "token" } },
        { configMap: { items: [{ key: "ca.crt", path: "ca.crt" }], name: "kube-root-ca.crt" } },
        { downwardAPI: { items: [{ fieldRef: { apiVersion: "v1", fieldPath: "metadata.namespace" }, path: "namespace" }] } },
      ],
    },
  });
  for (const c of containers) (c.volumeMounts ??= []).push({ mountPath: SERVICE_ACCOUNT_MOUNT_PATH, name, readOnly: true });
}

/**
 * The ServiceAccount admission plugin's refusal when a pod names a service account that does
 * not exist: `error looking up service account shop/api: serviceaccount "api" not found`.
 * Undefined when the pod may be created.
 */
export function serviceAccountAdmissionError(store: ObjectStore, namespace: string, spec: PodSpec): string | undefined {
  const name = spec.serviceAccountName ?? spec.serviceAccount ?? "default";
  if (store.get<ServiceAccount>("ServiceAccount", namespace, name)) return undefined;
  return `error looking up service account ${namespace}/${name}: serviceaccount "${name}" not found`;
}

/**
 * The most pods a simulated cluster holds. A real cluster would accept `--replicas=1000000` and
 * drown; the simulation refuses pods past this many as a ResourceQuota would, so one command
 * cannot exhaust the server's memory.
 */
export const MAX_PODS_PER_CLUSTER = 500;

/**
 * The refusal, worded as the ResourceQuota admission plugin's, of a pod past
 * {@link MAX_PODS_PER_CLUSTER}: `exceeded quota: cluster-capacity, requested: pods=1, used: pods=500, limited: pods=500`.
 * Undefined when there is room.
 */
export function podCapacityAdmissionError(store: ObjectStore): string | undefined {
  const used = store.count("Pod");
  if (used < MAX_PODS_PER_CLUSTER) return undefined;
  return `exceeded quota: cluster-capacity, requested: pods=1, used: pods=${used}, limited: pods=${MAX_PODS_PER_CLUSTER}`;
}

/** `SetDefaults_Deployment` (apps/v1): replicas, strategy, history limit, progress deadline, template. */
export function applyDeploymentDefaults(d: Deployment): Deployment {
  const spec = d.spec;
  spec.replicas ??= 1;
  spec.strategy ??= {};
  spec.strategy.type ??= "RollingUpdate";
  if (spec.strategy.type === "RollingUpdate") {
    spec.strategy.rollingUpdate ??= {};
    spec.strategy.rollingUpdate.maxUnavailable ??= "25%";
    spec.strategy.rollingUpdate.maxSurge ??= "25%";
  }
  spec.revisionHistoryLimit ??= 10;
  spec.progressDeadlineSeconds ??= 600;
  applyTemplateDefaults(spec.template);
  return d;
}

/** `SetDefaults_ReplicaSet`: replicas 1 and template defaults. */
export function applyReplicaSetDefaults(rs: ReplicaSet): ReplicaSet {
  rs.spec.replicas ??= 1;
  applyTemplateDefaults(rs.spec.template);
  return rs;
}

/** The default StorageClass (annotated `is-default-class: "true"`), newest first when several claim it. */
export function defaultStorageClass(store: ObjectStore): StorageClass | undefined {
  const defaults = store
    .list<StorageClass>("StorageClass")
    .filter((sc) => sc.metadata.annotations?.[DEFAULT_STORAGE_CLASS_ANNOTATION] === "true");
  defaults.sort((a, b) => (a.metadata.creationTimestamp! < b.metadata.creationTimestamp! ? 1 : a.metadata.creationTimestamp! > b.metadata.creationTimestamp! ? -1 : 0));
  return defaults[0];
}

/** PVC defaults and admission: volumeMode, the default StorageClass, the pvc-protection finalizer. */
export function applyPersistentVolumeClaimDefaults(pvc: PersistentVolumeClaim, store?: ObjectStore): PersistentVolumeClaim {
  pvc.spec.volumeMode ??= "Filesystem";
  if (pvc.spec.storageClassName === undefined && store) {
    const sc = defaultStorageClass(store);
    if (sc) pvc.spec.storageClassName = sc.metadata.name;
  }
  addFinalizer(pvc, "kubernetes.io/pvc-protection");
  pvc.status ??= { phase: "Pending" };
  return pvc;
}

/** PV defaults and admission: reclaim policy Retain, volumeMode, the pv-protection finalizer. */
export function applyPersistentVolumeDefaults(pv: PersistentVolume): PersistentVolume {
  pv.spec.persistentVolumeReclaimPolicy ??= "Retain";
  pv.spec.volumeMode ??= "Filesystem";
  addFinalizer(pv, "kubernetes.io/pv-protection");
  pv.status ??= { phase: "Pending" };
  return pv;
}

/** StorageClass defaults: reclaimPolicy Delete, volumeBindingMode Immediate. */
export function applyStorageClassDefaults(sc: StorageClass): StorageClass {
  sc.reclaimPolicy ??= "Delete";
  sc.volumeBindingMode ??= "Immediate";
  return sc;
}

function addFinalizer(obj: KObject, finalizer: string): void {
  const f = (obj.metadata.finalizers ??= []);
  if (!f.includes(finalizer)) f.push(finalizer);
}

/** Options for `applyDefaults`. */
export interface DefaultingOptions {
  /** Randomness for generated names (the pod's `kube-api-access-xxxxx` volume). */
  rng: Random;
  /** The store, for admission plugins that read other objects (the default StorageClass). */
  store?: ObjectStore;
}

/**
 * API server defaulting for a new object of any kind the simulation models; other kinds are
 * returned untouched. Mutates and returns `obj`.
 */
export function applyDefaults<T extends KObject>(obj: T, options: DefaultingOptions): T {
  switch (obj.kind) {
    case "Pod":
      if (obj.spec) applyPodCreateDefaults(obj as unknown as Pod, options.rng);
      if (obj.spec && options.store) admitLimitRanger(options.store, obj as unknown as Pod);
      break;
    case "Deployment":
      if (obj.spec) applyDeploymentDefaults(obj as unknown as Deployment);
      break;
    case "ReplicaSet":
      if (obj.spec) applyReplicaSetDefaults(obj as unknown as ReplicaSet);
      break;
    case "PersistentVolumeClaim":
      if (obj.spec) applyPersistentVolumeClaimDefaults(obj as unknown as PersistentVolumeClaim, options.store);
      break;
    case "PersistentVolume":
      if (obj.spec) applyPersistentVolumeDefaults(obj as unknown as PersistentVolume);
      break;
    case "StorageClass":
      applyStorageClassDefaults(obj as unknown as StorageClass);
      break;
    case "StatefulSet":
      if (obj.spec) applyStatefulSetDefaults(obj as unknown as StatefulSet);
      break;
    case "DaemonSet":
      if (obj.spec) applyDaemonSetDefaults(obj as unknown as DaemonSet);
      break;
    case "Job":
      if (obj.spec) applyJobCreateDefaults(obj as unknown as Job, options.rng);
      break;
    case "CronJob":
      if (obj.spec) applyCronJobDefaults(obj as unknown as CronJob);
      break;
    default:
      applyStandardKindDefaults(obj);
  }
  return obj;
}
