/**
 * The API server's validation of objects written by a learner (pkg/apis/<group>/validation), for
 * the fields the simulation models: names, labels, selectors and templates, containers,
 * ports, env, volumes and mounts, resources, Services, ConfigMap/Secret keys, and the update
 * rules (immutable selectors, a Pod's mostly immutable spec).
 */
import type { Container, Deployment, KObject, LabelSelector, Pod, PodSpec, Service, Volume } from "../../model/types";
import { matchesSelector } from "../../model/labels";
import { cpuMillis, bytes, parseQuantity } from "../../model/quantity";
import { deepEqual } from "../patch/json-value";
import { cronScheduleError, isKnownTimeZone } from "../../controllers/cronjob/cron-schedule";
import { semanticEqual } from "../describe/workload-pods";
import { goLabelSelector, goStringMap, goValue, type FieldError } from "./field-errors";
import { RBAC_KINDS, pathSegmentNameErrors, validateRbac, validateRbacUpdate } from "./rbac-validation";
import { validateStandardKind } from "./standard-kind-validation";

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;
const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1035_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const QUALIFIED_NAME_MSG =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const CONFIG_KEY_MSG =
  "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";
const ENV_NAME_MSG =
  "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')";

/** Validates a new object as the API server does on create. */
export function validateCreate(obj: KObject): FieldError[] {
  const errs: FieldError[] = [];
  validateMeta(obj, errs);
  switch (obj.kind) {
    case "Deployment":
    case "ReplicaSet":
    case "StatefulSet":
    case "DaemonSet":
      validateWorkload(obj as Deployment, errs);
      break;
    case "Pod":
      validatePodSpec((obj as Pod).spec, "spec", errs);
      break;
    case "Job":
      validateJobTemplate(obj.spec?.template, "spec.template", errs);
      break;
    case "CronJob":
      validateCronJob(obj, errs);
      break;
    case "Service":
      validateService(obj as Service, errs);
      break;
    case "ConfigMap":
    case "Secret":
      validateDataKeys(obj, errs);
      break;
    case "Role":
    case "ClusterRole":
    case "RoleBinding":
    case "ClusterRoleBinding":
      validateRbac(obj, errs);
      break;
    default:
      validateStandardKind(obj, errs);
  }
  return errs;
}

/** Validates an update of `old` to `next` (create rules plus the kind's immutability rules). */
export function validateUpdate(old: KObject, next: KObject): FieldError[] {
  const errs = validateCreate(next);
  switch (next.kind) {
    case "Deployment":
    case "ReplicaSet":
    case "StatefulSet":
    case "DaemonSet":
      if (!deepEqual(old.spec?.selector, next.spec?.selector)) {
        errs.push({ field: "spec.selector", type: "Invalid", value: goLabelSelector(next.spec?.selector), detail: "field is immutable" });
      }
      if (next.kind === "StatefulSet" && !statefulSetSpecUpdatable(old, next)) {
        errs.push({ field: "spec", type: "Forbidden", detail: STATEFULSET_SPEC_FORBIDDEN });
      }
      break;
    case "Pod":
      validatePodUpdate(old as Pod, next as Pod, errs);
      break;
    case "RoleBinding":
    case "ClusterRoleBinding":
      validateRbacUpdate(old, next, errs);
      break;
    case "Service":
      if (old.spec?.clusterIP && next.spec?.clusterIP !== undefined && next.spec.clusterIP !== "" && next.spec.clusterIP !== old.spec.clusterIP) {
        errs.push({ field: "spec.clusterIPs[0]", type: "Invalid", value: goValue(next.spec.clusterIP), detail: "may not change once set" });
      }
      break;
  }
  return errs;
}

function validateMeta(obj: KObject, errs: FieldError[]): void {
  const m = obj.metadata;
  if (!m.name && !m.generateName) errs.push({ field: "metadata.name", type: "Required", detail: "name or generateName is required" });
  else if (m.name && RBAC_KINDS.has(obj.kind)) {
    for (const msg of pathSegmentNameErrors(m.name)) errs.push({ field: "metadata.name", type: "Invalid", value: goValue(m.name), detail: msg });
  } else if (m.name) {
    const dns1035 = obj.kind === "Service";
    const label = obj.kind === "Namespace";
    const re = dns1035 ? DNS1035_LABEL : label ? DNS1123_LABEL : DNS1123_SUBDOMAIN;
    if (!re.test(m.name) || m.name.length > (label || dns1035 ? 63 : 253)) {
      errs.push({ field: "metadata.name", type: "Invalid", value: goValue(m.name), detail: dns1035 ? DNS1035_MSG : label ? LABEL_MSG : SUBDOMAIN_MSG });
    }
  }
  validateLabels(m.labels, "metadata.labels", errs);
  for (const k of Object.keys(m.annotations ?? {})) validateQualifiedKey(k, "metadata.annotations", errs);
}

function validateQualifiedKey(key: string, field: string, errs: FieldError[]): void {
  const slash = key.lastIndexOf("/");
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  const prefix = slash >= 0 ? key.slice(0, slash) : "";
  if (!QUALIFIED_NAME.test(name) || name.length > 63) errs.push({ field, type: "Invalid", value: goValue(key), detail: QUALIFIED_NAME_MSG });
  else if (slash >= 0 && !DNS1123_SUBDOMAIN.test(prefix)) errs.push({ field, type: "Invalid", value: goValue(key), detail: `prefix part ${SUBDOMAIN_MSG}` });
}

function validateLabels(labels: Record<string, string> | undefined, field: string, errs: FieldError[]): void {
  for (const [k, v] of Object.entries(labels ?? {})) {
    validateQualifiedKey(k, field, errs);
    if (typeof v === "string" && (!LABEL_VALUE.test(v) || v.length > 63)) errs.push({ field, type: "Invalid", value: goValue(v), detail: LABEL_VALUE_MSG });
  }
}

function selectorEmpty(sel: LabelSelector | undefined): boolean {
  return !sel || (Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0);
}

function validateWorkload(obj: Deployment, errs: FieldError[]): void {
  const spec = obj.spec ?? ({} as Deployment["spec"]);
  if (spec.replicas !== undefined && spec.replicas < 0) errs.push({ field: "spec.replicas", type: "Invalid", value: String(spec.replicas), detail: "must be greater than or equal to 0" });
  if (!spec.selector) errs.push({ field: "spec.selector", type: "Required" });
  else if (selectorEmpty(spec.selector)) errs.push({ field: "spec.selector", type: "Invalid", value: goLabelSelector(spec.selector), detail: `empty selector is invalid for ${obj.kind.toLowerCase()}` });
  const template = spec.template;
  if (!template) {
    errs.push({ field: "spec.template", type: "Required" });
    return;
  }
  const labels = template.metadata?.labels;
  if (spec.selector && !selectorEmpty(spec.selector) && !matchesSelector(labels ?? {}, spec.selector)) {
    errs.push({ field: "spec.template.metadata.labels", type: "Invalid", value: goStringMap(labels ?? null), detail: "`selector` does not match template `labels`" });
  }
  validateLabels(labels, "spec.template.labels", errs);
  if (obj.kind === "Deployment") {
    const strategy = obj.spec.strategy;
    if (strategy?.type === "Recreate" && strategy.rollingUpdate) {
      errs.push({ field: "spec.strategy.rollingUpdate", type: "Forbidden", detail: "may not be specified when strategy `type` is 'Recreate'" });
    }
    if (strategy?.type && strategy.type !== "Recreate" && strategy.type !== "RollingUpdate") {
      errs.push({ field: "spec.strategy.type", type: "Unsupported", value: goValue(strategy.type), detail: 'supported values: "Recreate", "RollingUpdate"' });
    }
  }
  if (!template.spec) {
    errs.push({ field: "spec.template.spec.containers", type: "Required" });
    return;
  }
  const restart = template.spec.restartPolicy;
  if (restart !== undefined && restart !== "Always") {
    errs.push({ field: "spec.template.spec.restartPolicy", type: "Unsupported", value: goValue(restart), detail: 'supported values: "Always"' });
  }
  // A StatefulSet's containers may mount its volume claim templates.
  const claimTemplates = (obj as KObject).kind === "StatefulSet" ? ((obj.spec as { volumeClaimTemplates?: { metadata?: { name?: string } }[] }).volumeClaimTemplates ?? []).map((t) => t.metadata?.name ?? "") : [];
  validatePodSpec(template.spec, "spec.template.spec", errs, claimTemplates);
}

/** Validates a pod spec at `path` (`spec` or `spec.template.spec`); `extraVolumes` are names mounted from elsewhere (claim templates). */
export function validatePodSpec(spec: PodSpec | undefined, path: string, errs: FieldError[], extraVolumes: readonly string[] = []): void {
  if (!spec) {
    errs.push({ field: `${path}.containers`, type: "Required" });
    return;
  }
  const volumes = new Set<string>();
  (spec.volumes ?? []).forEach((v, i) => validateVolume(v, `${path}.volumes[${i}]`, volumes, errs));
  for (const v of extraVolumes) volumes.add(v);
  if (!spec.containers || spec.containers.length === 0) errs.push({ field: `${path}.containers`, type: "Required" });
  const names = new Set<string>();
  (spec.initContainers ?? []).forEach((c, i) => validateContainer(c, `${path}.initContainers[${i}]`, names, volumes, errs));
  (spec.containers ?? []).forEach((c, i) => validateContainer(c, `${path}.containers[${i}]`, names, volumes, errs));
  if (spec.restartPolicy !== undefined && !["Always", "OnFailure", "Never"].includes(spec.restartPolicy)) {
    errs.push({ field: `${path}.restartPolicy`, type: "Unsupported", value: goValue(spec.restartPolicy), detail: 'supported values: "Always", "OnFailure", "Never"' });
  }
  (spec.tolerations ?? []).forEach((t, i) => {
    if (t.operator === "Exists" && t.value) errs.push({ field: `${path}.tolerations[${i}].operator`, type: "Invalid", value: goValue(t.value), detail: "value must be empty when `operator` is 'Exists'" });
    if (t.effect && !["NoSchedule", "PreferNoSchedule", "NoExecute"].includes(t.effect)) {
      errs.push({ field: `${path}.tolerations[${i}].effect`, type: "Unsupported", value: goValue(t.effect), detail: 'supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"' });
    }
  });
}

const VOLUME_SOURCES = ["configMap", "secret", "persistentVolumeClaim", "emptyDir", "projected", "hostPath", "downwardAPI", "nfs", "csi", "ephemeral"];

function validateVolume(v: Volume, path: string, names: Set<string>, errs: FieldError[]): void {
  if (!v.name) errs.push({ field: `${path}.name`, type: "Required" });
  else if (!DNS1123_LABEL.test(v.name)) errs.push({ field: `${path}.name`, type: "Invalid", value: goValue(v.name), detail: LABEL_MSG });
  else if (names.has(v.name)) errs.push({ field: `${path}.name`, type: "Duplicate", value: goValue(v.name) });
  if (v.name) names.add(v.name);
  const sources = VOLUME_SOURCES.filter((s) => v[s] !== undefined && v[s] !== null);
  if (sources.length === 0) errs.push({ field: path, type: "Required", detail: "must specify a volume type" });
  else if (sources.length > 1) errs.push({ field: `${path}.${sources[1]}`, type: "Forbidden", detail: `may not specify more than 1 volume type` });
  if (v.configMap && !v.configMap.name) errs.push({ field: `${path}.configMap.name`, type: "Required" });
  if (v.secret && !v.secret.secretName) errs.push({ field: `${path}.secret.secretName`, type: "Required" });
  if (v.persistentVolumeClaim && !v.persistentVolumeClaim.claimName) errs.push({ field: `${path}.persistentVolumeClaim.claimName`, type: "Required" });
}

function validateContainer(c: Container, path: string, names: Set<string>, volumes: Set<string>, errs: FieldError[]): void {
  if (!c.name) errs.push({ field: `${path}.name`, type: "Required" });
  else if (!DNS1123_LABEL.test(c.name)) errs.push({ field: `${path}.name`, type: "Invalid", value: goValue(c.name), detail: LABEL_MSG });
  else if (names.has(c.name)) errs.push({ field: `${path}.name`, type: "Duplicate", value: goValue(c.name) });
  if (c.name) names.add(c.name);
  if (!c.image) errs.push({ field: `${path}.image`, type: "Required" });
  if (c.imagePullPolicy !== undefined && !["Always", "IfNotPresent", "Never"].includes(c.imagePullPolicy)) {
    errs.push({ field: `${path}.imagePullPolicy`, type: "Unsupported", value: goValue(c.imagePullPolicy), detail: 'supported values: "Always", "IfNotPresent", "Never"' });
  }
  (c.ports ?? []).forEach((p, i) => {
    const pp = `${path}.ports[${i}]`;
    if (!p.containerPort) errs.push({ field: `${pp}.containerPort`, type: "Required" });
    else if (p.containerPort < 1 || p.containerPort > 65535) errs.push({ field: `${pp}.containerPort`, type: "Invalid", value: String(p.containerPort), detail: "must be between 1 and 65535, inclusive" });
    if (p.protocol !== undefined && !["TCP", "UDP", "SCTP"].includes(p.protocol)) errs.push({ field: `${pp}.protocol`, type: "Unsupported", value: goValue(p.protocol), detail: 'supported values: "SCTP", "TCP", "UDP"' });
  });
  (c.env ?? []).forEach((e, i) => {
    const ep = `${path}.env[${i}]`;
    if (!e.name) errs.push({ field: `${ep}.name`, type: "Required" });
    else if (!ENV_NAME.test(e.name)) errs.push({ field: `${ep}.name`, type: "Invalid", value: goValue(e.name), detail: ENV_NAME_MSG });
    if (e.valueFrom) {
      const sources = ["configMapKeyRef", "secretKeyRef", "fieldRef", "resourceFieldRef"].filter((s) => (e.valueFrom as Record<string, unknown>)[s] !== undefined);
      if (e.value) errs.push({ field: `${ep}.valueFrom`, type: "Invalid", value: '""', detail: "may not be specified when `value` is not empty" });
      if (sources.length === 0) errs.push({ field: `${ep}.valueFrom`, type: "Invalid", value: '""', detail: "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`" });
      const ref = e.valueFrom.configMapKeyRef ?? e.valueFrom.secretKeyRef;
      const refName = e.valueFrom.configMapKeyRef ? "configMapKeyRef" : "secretKeyRef";
      if (ref && !ref.key) errs.push({ field: `${ep}.valueFrom.${refName}.key`, type: "Required" });
      if (ref && !ref.name) errs.push({ field: `${ep}.valueFrom.${refName}.name`, type: "Required" });
    }
  });
  const mountPaths = new Set<string>();
  (c.volumeMounts ?? []).forEach((m, i) => {
    const mp = `${path}.volumeMounts[${i}]`;
    if (!m.name) errs.push({ field: `${mp}.name`, type: "Required" });
    else if (!volumes.has(m.name)) errs.push({ field: `${mp}.name`, type: "NotFound", value: goValue(m.name) });
    if (!m.mountPath) errs.push({ field: `${mp}.mountPath`, type: "Required" });
    else if (mountPaths.has(m.mountPath)) errs.push({ field: `${mp}.mountPath`, type: "Invalid", value: goValue(m.mountPath), detail: "must be unique" });
    if (m.mountPath) mountPaths.add(m.mountPath);
  });
  validateResources(c, `${path}.resources`, errs);
}

function validateResources(c: Container, path: string, errs: FieldError[]): void {
  const req = c.resources?.requests ?? {};
  const lim = c.resources?.limits ?? {};
  for (const [name, map] of [["requests", req], ["limits", lim]] as const) {
    for (const [res, q] of Object.entries(map)) {
      if (parseQuantity(q) < 0) errs.push({ field: `${path}.${name}[${res}]`, type: "Invalid", value: goValue(String(q)), detail: "must be greater than or equal to 0" });
    }
  }
  for (const res of Object.keys(req)) {
    if (lim[res] === undefined) continue;
    const r = res === "cpu" ? cpuMillis(req[res]) : bytes(req[res]);
    const l = res === "cpu" ? cpuMillis(lim[res]) : bytes(lim[res]);
    if (r > l) errs.push({ field: `${path}.requests`, type: "Invalid", value: goValue(String(req[res])), detail: `must be less than or equal to ${res} limit of ${lim[res]}` });
  }
}

function validatePodUpdate(old: Pod, next: Pod, errs: FieldError[]): void {
  const a = structuredClone(old.spec ?? {}) as PodSpec;
  const b = structuredClone(next.spec ?? {}) as PodSpec;
  // The fields a pod update may change are copied over before comparing, as the API server does.
  const copyImages = (from?: Container[], to?: Container[]) => {
    if (!from || !to || from.length !== to.length) return;
    for (let i = 0; i < from.length; i++) to[i].image = from[i].image;
  };
  copyImages(b.containers, a.containers);
  copyImages(b.initContainers, a.initContainers);
  a.activeDeadlineSeconds = b.activeDeadlineSeconds;
  a.tolerations = b.tolerations;
  a.terminationGracePeriodSeconds = b.terminationGracePeriodSeconds;
  if (!deepEqual(a, b)) {
    errs.push({
      field: "spec",
      type: "Forbidden",
      detail:
        "pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)",
    });
  }
  const oldTol = old.spec?.tolerations ?? [];
  const newTol = next.spec?.tolerations ?? [];
  if (!oldTol.every((t) => newTol.some((n) => deepEqual(n, t)))) {
    errs.push({ field: "spec.tolerations", type: "Forbidden", detail: "existing toleration can not be modified except its tolerationSeconds" });
  }
}

function validateService(svc: Service, errs: FieldError[]): void {
  const spec = svc.spec ?? ({} as Service["spec"]);
  const type = spec.type ?? "ClusterIP";
  if (!["ClusterIP", "NodePort", "LoadBalancer", "ExternalName"].includes(type)) {
    errs.push({ field: "spec.type", type: "Unsupported", value: goValue(type), detail: 'supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"' });
  }
  if (type !== "ExternalName" && (!spec.ports || spec.ports.length === 0) && spec.clusterIP !== "None") errs.push({ field: "spec.ports", type: "Required" });
  const names = new Set<string>();
  (spec.ports ?? []).forEach((p, i) => {
    const pp = `spec.ports[${i}]`;
    if ((spec.ports?.length ?? 0) > 1 && !p.name) errs.push({ field: `${pp}.name`, type: "Required" });
    if (p.name) {
      if (names.has(p.name)) errs.push({ field: `${pp}.name`, type: "Duplicate", value: goValue(p.name) });
      names.add(p.name);
    }
    if (!p.port) errs.push({ field: `${pp}.port`, type: "Required" });
    else if (p.port < 1 || p.port > 65535) errs.push({ field: `${pp}.port`, type: "Invalid", value: String(p.port), detail: "must be between 1 and 65535, inclusive" });
    if (typeof p.targetPort === "number" && (p.targetPort < 1 || p.targetPort > 65535)) {
      errs.push({ field: `${pp}.targetPort`, type: "Invalid", value: String(p.targetPort), detail: "must be between 1 and 65535, inclusive" });
    }
    if (p.nodePort !== undefined && type === "ClusterIP") errs.push({ field: `${pp}.nodePort`, type: "Forbidden", detail: "may not be used when `type` is 'ClusterIP'" });
  });
  validateLabels(spec.selector, "spec.selector", errs);
}

function validateDataKeys(obj: KObject, errs: FieldError[]): void {
  for (const field of ["data", "binaryData", "stringData"]) {
    const m = obj[field] as Record<string, unknown> | undefined;
    for (const k of Object.keys(m ?? {})) {
      if (!CONFIG_KEY.test(k)) errs.push({ field: `${field}[${k}]`, type: "Invalid", value: goValue(k), detail: CONFIG_KEY_MSG });
    }
  }
}

/** A Job's (or a CronJob's job template's) pod template: restartPolicy OnFailure or Never, and a valid pod spec. */
function validateJobTemplate(template: { spec?: PodSpec } | undefined, path: string, errs: FieldError[]): void {
  if (!template?.spec) {
    errs.push({ field: `${path}.spec.containers`, type: "Required" });
    return;
  }
  const restart = template.spec.restartPolicy;
  if (restart !== "OnFailure" && restart !== "Never") {
    errs.push({ field: `${path}.spec.restartPolicy`, type: "Unsupported", value: goValue(restart ?? ""), detail: 'supported values: "OnFailure", "Never"' });
  }
  validatePodSpec(template.spec, `${path}.spec`, errs);
}

/** A CronJob: a schedule robfig/cron parses, a known time zone, and a valid job template. */
function validateCronJob(obj: KObject, errs: FieldError[]): void {
  const spec = obj.spec ?? {};
  const schedule = String(spec.schedule ?? "");
  if (!schedule) errs.push({ field: "spec.schedule", type: "Required" });
  else {
    const err = cronScheduleError(schedule);
    if (err) errs.push({ field: "spec.schedule", type: "Invalid", value: goValue(schedule), detail: err });
  }
  if (typeof spec.timeZone === "string" && !isKnownTimeZone(spec.timeZone)) {
    errs.push({ field: "spec.timeZone", type: "Invalid", value: goValue(spec.timeZone), detail: `unknown time zone ${spec.timeZone}` });
  }
  validateJobTemplate(spec.jobTemplate?.spec?.template, "spec.jobTemplate.spec.template", errs);
}

/** The API server's refusal of a StatefulSet update that touches an immutable spec field. */
const STATEFULSET_SPEC_FORBIDDEN =
  "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden";
const STATEFULSET_MUTABLE = new Set(["replicas", "ordinals", "template", "updateStrategy", "revisionHistoryLimit", "persistentVolumeClaimRetentionPolicy", "minReadySeconds", "selector"]);

/** Whether a StatefulSet update changes only the fields `ValidateStatefulSetUpdate` lets change (nil and empty alike). */
function statefulSetSpecUpdatable(old: KObject, next: KObject): boolean {
  const strip = (spec: Record<string, unknown> | undefined) => Object.fromEntries(Object.entries(spec ?? {}).filter(([k]) => !STATEFULSET_MUTABLE.has(k)));
  return semanticEqual(strip(old.spec), strip(next.spec));
}
