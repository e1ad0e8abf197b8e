import type { ConfigMap, Container, KObject, Node, PersistentVolumeClaim, Pod, Secret, Service } from "../model/types";
import type { ImageSpec } from "../model/world";
import { bytes, cpuMillis } from "../model/quantity";
import type { ObjectStore } from "../runtime/store";
import { decodeBase64 } from "./base64";

/**
 * What the kubelet builds for a container before starting it: its environment (env, envFrom,
 * service links, downward API) and its volumes (ConfigMaps, Secrets, claims), with the exact
 * errors it reports when something is missing.
 */

/** One environment variable as the process sees it, in the order the kubelet sets them. */
export interface EnvEntry {
  name: string;
  value: string;
}

/**
 * Service link variables by store, while its Services are unchanged (their kind version), then
 * by namespace and whether links are enabled: every container start and config check asks.
 */
const serviceLinksByStore = new WeakMap<ObjectStore, { version: number; byKey: Map<string, readonly EnvEntry[]> }>();

/** Service link variables (`WEB_SERVICE_HOST`, `WEB_PORT_80_TCP_ADDR`…) for the Services of a namespace. */
export function serviceLinkEnv(store: ObjectStore, namespace: string, enableServiceLinks: boolean): readonly EnvEntry[] {
  const version = store.kindVersion("Service");
  let cache = serviceLinksByStore.get(store);
  if (!cache || cache.version !== version) {
    cache = { version, byKey: new Map() };
    serviceLinksByStore.set(store, cache);
  }
  const key = `${enableServiceLinks ? 1 : 0}${namespace}`;
  let env = cache.byKey.get(key);
  if (env === undefined) {
    env = Object.freeze(serviceLinkEnvUncached(store, namespace, enableServiceLinks).map((e) => Object.freeze(e)));
    cache.byKey.set(key, env);
  }
  return env;
}

function serviceLinkEnvUncached(store: ObjectStore, namespace: string, enableServiceLinks: boolean): EnvEntry[] {
  const services: Service[] = [];
  const master = store.get<Service>("Service", "default", "kubernetes");
  if (enableServiceLinks) for (const s of store.list<Service>("Service", namespace)) if (s.metadata.name !== "kubernetes" || namespace !== "default") services.push(s);
  if (master) services.push(master);
  const out: EnvEntry[] = [];
  for (const svc of services) {
    const ip = svc.spec.clusterIP;
    if (!ip || ip === "None" || svc.spec.type === "ExternalName") continue;
    const name = svc.metadata.name.toUpperCase().replace(/-/g, "_");
    const ports = svc.spec.ports ?? [];
    if (ports.length === 0) continue;
    out.push({ name: `${name}_SERVICE_HOST`, value: ip });
    out.push({ name: `${name}_SERVICE_PORT`, value: String(ports[0].port) });
    for (const p of ports) if (p.name) out.push({ name: `${name}_SERVICE_PORT_${p.name.toUpperCase().replace(/-/g, "_")}`, value: String(p.port) });
    const first = ports[0];
    const proto = (first.protocol ?? "TCP").toLowerCase();
    out.push({ name: `${name}_PORT`, value: `${proto}://${ip}:${first.port}` });
    for (const p of ports) {
      const pr = (p.protocol ?? "TCP").toUpperCase();
      const prefix = `${name}_PORT_${p.port}_${pr}`;
      out.push({ name: prefix, value: `${pr.toLowerCase()}://${ip}:${p.port}` });
      out.push({ name: `${prefix}_PROTO`, value: pr.toLowerCase() });
      out.push({ name: `${prefix}_PORT`, value: String(p.port) });
      out.push({ name: `${prefix}_ADDR`, value: ip });
    }
  }
  return out;
}

/** Expands `$(VAR)` references as the kubelet does (`$$` escapes; unknown references stay as written). */
export function expandVarRefs(text: string, lookup: (name: string) => string | undefined): string {
  if (!text.includes("$")) return text;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "$" && i + 1 < text.length) {
      const n = text[i + 1];
      if (n === "$") {
        out += "$";
        i++;
        continue;
      }
      if (n === "(") {
        const close = text.indexOf(")", i + 2);
        if (close > 0) {
          const name = text.slice(i + 2, close);
          const v = lookup(name);
          out += v !== undefined ? v : text.slice(i, close + 1);
          i = close;
          continue;
        }
      }
    }
    out += c;
  }
  return out;
}

/** Reads a Secret value (base64 `data` or `stringData`). */
export function secretValue(secret: Secret, key: string): string | undefined {
  if (secret.data && key in secret.data) return decodeBase64(secret.data[key]) ?? "";
  if (secret.stringData && key in secret.stringData) return secret.stringData[key];
  return undefined;
}

/** Reads a ConfigMap value (`data`, or `binaryData` decoded). */
export function configMapValue(cm: ConfigMap, key: string): string | undefined {
  if (cm.data && key in cm.data) return cm.data[key];
  if (cm.binaryData && key in cm.binaryData) return decodeBase64(cm.binaryData[key]) ?? "";
  return undefined;
}

const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

/** A downward-API field of the pod (`metadata.name`, `status.podIP`, `metadata.labels['app']`…). */
function fieldValue(pod: Pod, path: string): string {
  const m = /^metadata\.(labels|annotations)\['([^']+)'\]$/.exec(path);
  if (m) return (m[1] === "labels" ? pod.metadata.labels : pod.metadata.annotations)?.[m[2]] ?? "";
  switch (path) {
    case "metadata.name":
      return pod.metadata.name;
    case "metadata.namespace":
      return pod.metadata.namespace ?? "default";
    case "metadata.uid":
      return pod.metadata.uid ?? "";
    case "spec.nodeName":
      return pod.spec.nodeName ?? "";
    case "spec.serviceAccountName":
      return pod.spec.serviceAccountName ?? "default";
    case "status.hostIP":
      return pod.status?.hostIP ?? "";
    case "status.podIP":
      return pod.status?.podIP ?? "";
    case "status.podIPs":
      return (pod.status?.podIPs ?? []).map((p) => p.ip).join(",");
    case "status.hostIPs":
      return (pod.status?.hostIPs ?? []).map((p) => p.ip).join(",");
    default:
      return "";
  }
}

/** A `resourceFieldRef` value: the container's limit or request, or the node's allocatable when unlimited. */
function resourceFieldValue(pod: Pod, container: Container, ref: { resource: string; containerName?: string }, node: Node | undefined): string {
  const c = ref.containerName ? pod.spec.containers.find((x) => x.name === ref.containerName) ?? container : container;
  const [kind, res] = ref.resource.split(".");
  const q = (kind === "limits" ? c.resources?.limits : c.resources?.requests)?.[res];
  if (res === "cpu") {
    const m = q !== undefined ? cpuMillis(q) : kind === "limits" ? cpuMillis(node?.status.allocatable.cpu ?? "2") : 0;
    return String(Math.max(1, Math.ceil(m / 1000)));
  }
  const b = q !== undefined ? bytes(q) : kind === "limits" ? bytes(node?.status.allocatable[res] ?? "0") : 0;
  return String(b);
}

/**
 * The container's environment, or the error the kubelet reports as CreateContainerConfigError
 * (`configmap "app-config" not found`, `couldn't find key DB_URL in ConfigMap default/app-config`).
 * Image ENV comes first, then service links, envFrom and env, each overriding earlier names.
 */
export function resolveContainerEnv(
  store: ObjectStore,
  pod: Pod,
  container: Container,
  image: ImageSpec | undefined,
): { ok: true; env: EnvEntry[] } | { ok: false; error: string } {
  const ns = pod.metadata.namespace ?? "default";
  const declared = new Map<string, string>();
  for (const e of serviceLinkEnv(store, ns, pod.spec.enableServiceLinks !== false)) declared.set(e.name, e.value);
  for (const from of container.envFrom ?? []) {
    const prefix = from.prefix ?? "";
    if (from.configMapRef) {
      const cm = store.get<ConfigMap>("ConfigMap", ns, from.configMapRef.name);
      if (!cm) {
        if (from.configMapRef.optional) continue;
        return { ok: false, error: `configmap "${from.configMapRef.name}" not found` };
      }
      for (const k of Object.keys({ ...(cm.data ?? {}), ...(cm.binaryData ?? {}) })) {
        const name = prefix + k;
        if (ENV_NAME.test(name)) declared.set(name, configMapValue(cm, k) ?? "");
      }
    } else if (from.secretRef) {
      const s = store.get<Secret>("Secret", ns, from.secretRef.name);
      if (!s) {
        if (from.secretRef.optional) continue;
        return { ok: false, error: `secret "${from.secretRef.name}" not found` };
      }
      for (const k of Object.keys({ ...(s.data ?? {}), ...(s.stringData ?? {}) })) {
        const name = prefix + k;
        if (ENV_NAME.test(name)) declared.set(name, secretValue(s, k) ?? "");
      }
    }
  }
  let node: Node | undefined;
  for (const e of container.env ?? []) {
    if (e.valueFrom) {
      const vf = e.valueFrom;
      if (vf.configMapKeyRef) {
        const r = vf.configMapKeyRef;
        const cm = store.get<ConfigMap>("ConfigMap", ns, r.name);
        if (!cm) {
          if (r.optional) continue;
          return { ok: false, error: `configmap "${r.name}" not found` };
        }
        const v = configMapValue(cm, r.key);
        if (v === undefined) {
          if (r.optional) continue;
          return { ok: false, error: `couldn't find key ${r.key} in ConfigMap ${ns}/${r.name}` };
        }
        declared.set(e.name, v);
      } else if (vf.secretKeyRef) {
        const r = vf.secretKeyRef;
        const s = store.get<Secret>("Secret", ns, r.name);
        if (!s) {
          if (r.optional) continue;
          return { ok: false, error: `secret "${r.name}" not found` };
        }
        const v = secretValue(s, r.key);
        if (v === undefined) {
          if (r.optional) continue;
          return { ok: false, error: `couldn't find key ${r.key} in Secret ${ns}/${r.name}` };
        }
        declared.set(e.name, v);
      } else if (vf.fieldRef) declared.set(e.name, fieldValue(pod, vf.fieldRef.fieldPath));
      else if (vf.resourceFieldRef) {
        node ??= pod.spec.nodeName ? store.get<Node>("Node", undefined, pod.spec.nodeName) : undefined;
        declared.set(e.name, resourceFieldValue(pod, container, vf.resourceFieldRef, node));
      }
    } else {
      declared.set(e.name, expandVarRefs(e.value ?? "", (n) => declared.get(n)));
    }
  }
  // The image's variables, then HOSTNAME, then the declared ones, each name at its first place.
  const vars = new Map<string, string>();
  for (const [k, v] of Object.entries(image?.env ?? {})) vars.set(k, v);
  vars.set("HOSTNAME", pod.spec.hostname as string | undefined ?? pod.metadata.name);
  for (const [k, v] of declared) vars.set(k, v);
  const env: EnvEntry[] = [];
  for (const [name, value] of vars) env.push({ name, value });
  return { ok: true, env };
}

/** A volume the kubelet cannot set up yet, with the message of its `FailedMount` event. */
export interface VolumeProblem {
  volume: string;
  /** `MountVolume.SetUp failed for volume "config" : configmap "app-config" not found`, or a PVC processing error. */
  message: string;
  /** PVC problems are reported only in the periodic "Unable to attach or mount volumes" event. */
  kind: "setup" | "claim";
}

/** The volumes of a pod that cannot be mounted right now. */
export function volumeProblems(store: ObjectStore, pod: Pod): VolumeProblem[] {
  const ns = pod.metadata.namespace ?? "default";
  const out: VolumeProblem[] = [];
  for (const v of pod.spec.volumes ?? []) {
    if (v.configMap) {
      const cm = store.get<ConfigMap>("ConfigMap", ns, v.configMap.name);
      if (!cm) {
        if (!v.configMap.optional) out.push({ volume: v.name, kind: "setup", message: `MountVolume.SetUp failed for volume "${v.name}" : configmap "${v.configMap.name}" not found` });
        continue;
      }
      for (const it of v.configMap.items ?? []) {
        if (configMapValue(cm, it.key) === undefined && !v.configMap.optional) {
          out.push({ volume: v.name, kind: "setup", message: `MountVolume.SetUp failed for volume "${v.name}" : configmap references non-existent config key: ${it.key}` });
          break;
        }
      }
    } else if (v.secret) {
      const s = store.get<Secret>("Secret", ns, v.secret.secretName);
      if (!s) {
        if (!v.secret.optional) out.push({ volume: v.name, kind: "setup", message: `MountVolume.SetUp failed for volume "${v.name}" : secret "${v.secret.secretName}" not found` });
        continue;
      }
      for (const it of v.secret.items ?? []) {
        if (secretValue(s, it.key) === undefined && !v.secret.optional) {
          out.push({ volume: v.name, kind: "setup", message: `MountVolume.SetUp failed for volume "${v.name}" : references non-existent secret key: ${it.key}` });
          break;
        }
      }
    } else if (v.persistentVolumeClaim) {
      const claim = store.get<PersistentVolumeClaim>("PersistentVolumeClaim", ns, v.persistentVolumeClaim.claimName);
      if (!claim) out.push({ volume: v.name, kind: "claim", message: `error processing PVC ${ns}/${v.persistentVolumeClaim.claimName}: failed to fetch PVC from API server: persistentvolumeclaims "${v.persistentVolumeClaim.claimName}" not found` });
      else if (claim.status?.phase !== "Bound") out.push({ volume: v.name, kind: "claim", message: `error processing PVC ${ns}/${v.persistentVolumeClaim.claimName}: PVC is not bound` });
    }
  }
  return out;
}

/** Files a volume projects, relative to its mount point. */
function volumeFiles(store: ObjectStore, pod: Pod, volumeName: string): Map<string, string> | undefined {
  const ns = pod.metadata.namespace ?? "default";
  const v = pod.spec.volumes?.find((x) => x.name === volumeName);
  if (!v) return undefined;
  const out = new Map<string, string>();
  if (v.configMap) {
    const cm = store.get<ConfigMap>("ConfigMap", ns, v.configMap.name);
    if (cm) {
      const items = v.configMap.items ?? Object.keys({ ...(cm.data ?? {}), ...(cm.binaryData ?? {}) }).map((k) => ({ key: k, path: k }));
      for (const it of items) {
        const val = configMapValue(cm, it.key);
        if (val !== undefined) out.set(it.path, val);
      }
    }
  } else if (v.secret) {
    const s = store.get<Secret>("Secret", ns, v.secret.secretName);
    if (s) {
      const items = v.secret.items ?? Object.keys({ ...(s.data ?? {}), ...(s.stringData ?? {}) }).map((k) => ({ key: k, path: k }));
      for (const it of items) {
        const val = secretValue(s, it.key);
        if (val !== undefined) out.set(it.path, val);
      }
    }
  } else if (v.projected) {
    for (const src of (v.projected as { sources?: any[] }).sources ?? []) {
      if (src.serviceAccountToken) out.set(src.serviceAccountToken.path ?? "token", serviceAccountToken(pod));
      if (src.configMap) {
        const cm = store.get<ConfigMap>("ConfigMap", ns, src.configMap.name);
        for (const it of src.configMap.items ?? Object.keys(cm?.data ?? {}).map((k: string) => ({ key: k, path: k }))) {
          const val = cm ? configMapValue(cm, it.key) : undefined;
          if (val !== undefined) out.set(it.path, val);
        }
      }
      if (src.downwardAPI) for (const it of src.downwardAPI.items ?? []) if (it.fieldRef) out.set(it.path, fieldValue(pod, it.fieldRef.fieldPath));
      if (src.secret) {
        const s = store.get<Secret>("Secret", ns, src.secret.name);
        for (const it of src.secret.items ?? Object.keys(s?.data ?? {}).map((k: string) => ({ key: k, path: k }))) {
          const val = s ? secretValue(s, it.key) : undefined;
          if (val !== undefined) out.set(it.path, val);
        }
      }
    }
  }
  return out;
}

/** A service account token shaped like a real one (a JWT header and a stable body). */
function serviceAccountToken(pod: KObject): string {
  const sa = (pod.spec as { serviceAccountName?: string }).serviceAccountName ?? "default";
  return `eyJhbGciOiJSUzI1NiIsImtpZCI6IjRjN2YxIn0.${btoaAscii(`{"sub":"system:serviceaccount:${pod.metadata.namespace}:${sa}","kubernetes.io":{"pod":{"name":"${pod.metadata.name}"}}}`)}.c2lnbmF0dXJl`;
}

function btoaAscii(text: string): string {
  const A = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  let out = "";
  for (let i = 0; i < text.length; i += 3) {
    const n = (text.charCodeAt(i) << 16) | ((text.charCodeAt(i + 1) || 0) << 8) | (text.charCodeAt(i + 2) || 0);
    out += A[(n >> 18) & 63] + A[(n >> 12) & 63] + (i + 1 < text.length ? A[(n >> 6) & 63] : "") + (i + 2 < text.length ? A[n & 63] : "");
  }
  return out;
}

/** The cluster's CA bundle as pods see it (a marker, not a real certificate). */
const CA_CERT = "-----BEGIN CERTIFICATE-----\nMIIDBTCCAe2gAwIBAgIIcrashcoursecaMA0GCSqGSIb3DQEBCwUAMBUxEzARBgNV\n-----END CERTIFICATE-----\n";

/**
 * The container's filesystem as a process sees it: the image's files, the volumes mounted
 * over them, and what the kubelet adds (`/etc/hosts`, `/etc/hostname`, `/etc/resolv.conf`,
 * the service account token). Paths are absolute; directories are implied.
 */
export function containerFiles(store: ObjectStore, pod: Pod, container: Container, image: ImageSpec | undefined, clusterDomain: string): Map<string, string> {
  const files = new Map<string, string>(Object.entries(image?.files ?? {}));
  const ns = pod.metadata.namespace ?? "default";
  const ip = pod.status?.podIP ?? "";
  files.set("/etc/hostname", `${pod.metadata.name}\n`);
  files.set(
    "/etc/hosts",
    `# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n${ip}\t${pod.metadata.name}\n`,
  );
  files.set("/etc/resolv.conf", `search ${ns}.svc.${clusterDomain} svc.${clusterDomain} ${clusterDomain}\nnameserver 10.96.0.10\noptions ndots:5\n`);
  files.set("/dev/termination-log", "");
  const automount = (pod.spec as { automountServiceAccountToken?: boolean }).automountServiceAccountToken !== false;
  const hasApiAccessVolume = (pod.spec.volumes ?? []).some((v) => v.projected && (v.projected as { sources?: any[] }).sources?.some((s) => s.serviceAccountToken));
  if (automount && !hasApiAccessVolume) {
    const dir = "/var/run/secrets/kubernetes.io/serviceaccount";
    files.set(`${dir}/token`, serviceAccountToken(pod));
    files.set(`${dir}/ca.crt`, CA_CERT);
    files.set(`${dir}/namespace`, ns);
  }
  for (const m of container.volumeMounts ?? []) {
    const vf = volumeFiles(store, pod, m.name);
    if (!vf) continue;
    const base = m.mountPath.replace(/\/+$/, "");
    if (m.subPath) {
      const val = vf.get(m.subPath);
      if (val !== undefined) files.set(base, val);
      continue;
    }
    for (const key of [...files.keys()]) if (key.startsWith(`${base}/`)) files.delete(key);
    for (const [rel, val] of vf) files.set(`${base}/${rel}`, val);
    const v = pod.spec.volumes?.find((x) => x.name === m.name);
    if (v?.projected && (v.projected as { sources?: any[] }).sources?.some((s) => s.serviceAccountToken) && !vf.has("ca.crt")) files.set(`${base}/ca.crt`, CA_CERT);
  }
  return files;
}
