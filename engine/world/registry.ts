import type { Secret } from "../model/types";
import type { ImageRepository, ImageSpec, World } from "../model/world";
import { decodeBase64 } from "./base64";
import { parseImageReference, type ImageReference } from "./image-reference";
import { sha256Hex } from "./sha256";

/** Registry credentials for one host, from an image pull secret. */
export interface RegistryCredential {
  host: string;
  username: string;
  password: string;
}

/** A pull that succeeded: the image and how the runtime names it. */
export interface ResolvedImage {
  ref: ImageReference;
  repository: ImageRepository;
  spec: ImageSpec;
  /** `sha256:<hex>`. */
  digest: string;
  /** The repo digest containerd reports as imageID (`docker.io/library/nginx@sha256:…`). */
  imageID: string;
  sizeBytes: number;
}

/** Why a pull failed, with the runtime's error text (the part after `Failed to pull image "x": `). */
export interface PullFailure {
  reason: "InvalidImageName" | "NotFound" | "Unauthorized" | "Unreachable";
  /** The containerd/CRI error, e.g. `rpc error: code = NotFound desc = failed to pull and unpack image …`. */
  message: string;
}

/** The node's resolver, as containerd reports DNS failures. */
const NODE_RESOLVER = "127.0.0.53:53";

/** The digest of an image: its own, or one derived from repository and tag. */
export function imageDigest(repository: string, tag: string | undefined, spec: ImageSpec): string {
  return spec.digest ?? `sha256:${sha256Hex(`${repository}:${tag ?? ""}`)}`;
}

/** Normalises a docker config `auths` key (`https://index.docker.io/v1/`, `registry.acme.internal`) to a host. */
function authHost(key: string): string {
  let h = key.replace(/^[a-z]+:\/\//, "").split("/")[0];
  if (h === "index.docker.io" || h === "registry-1.docker.io" || h === "registry.hub.docker.com") h = "docker.io";
  return h;
}

/**
 * Reads registry credentials from image pull secrets (`kubernetes.io/dockerconfigjson` with a
 * base64 `.dockerconfigjson`, or the legacy `kubernetes.io/dockercfg`). Malformed secrets are
 * skipped, as the kubelet does.
 */
export function credentialsFromSecrets(secrets: readonly Secret[]): RegistryCredential[] {
  const out: RegistryCredential[] = [];
  for (const s of secrets) {
    const raw = s.data?.[".dockerconfigjson"] ?? s.data?.[".dockercfg"];
    const text = raw !== undefined ? decodeBase64(raw) : s.stringData?.[".dockerconfigjson"] ?? s.stringData?.[".dockercfg"];
    if (!text) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      continue;
    }
    if (!parsed || typeof parsed !== "object") continue;
    const auths = ((parsed as { auths?: unknown }).auths ?? parsed) as Record<string, { username?: string; password?: string; auth?: string }>;
    if (!auths || typeof auths !== "object") continue;
    for (const [key, entry] of Object.entries(auths)) {
      if (!entry || typeof entry !== "object") continue;
      let { username, password } = entry;
      if ((username === undefined || password === undefined) && typeof entry.auth === "string") {
        const decoded = decodeBase64(entry.auth);
        const colon = decoded?.indexOf(":") ?? -1;
        if (decoded && colon > 0) {
          username = decoded.slice(0, colon);
          password = decoded.slice(colon + 1);
        }
      }
      if (typeof username === "string" && typeof password === "string") out.push({ host: authHost(key), username, password });
    }
  }
  return out;
}

/** The `rpc error` prefix containerd's CRI puts on pull failures. */
function pullError(code: "NotFound" | "Unknown", ref: ImageReference, detail: string): string {
  return `rpc error: code = ${code} desc = failed to pull and unpack image "${ref.normalized}": failed to resolve reference "${ref.normalized}": ${detail}`;
}

/** The address a registry host resolves to, for i/o timeout messages. */
function fakeRegistryAddress(host: string): string {
  const h = sha256Hex(host);
  return `${parseInt(h.slice(0, 2), 16) % 200 + 20}.${parseInt(h.slice(2, 4), 16)}.${parseInt(h.slice(4, 6), 16)}.${parseInt(h.slice(6, 8), 16) % 250 + 2}`;
}

/**
 * Pulls `image` (as written in the pod spec) from the registry model with the given
 * credentials: the image, or the failure containerd would report.
 */
export function resolvePull(world: World, image: string, credentials: readonly RegistryCredential[]): { ok: true; image: ResolvedImage } | { ok: false; failure: PullFailure } {
  const parsed = parseImageReference(image);
  if (!parsed.ok) return { ok: false, failure: { reason: "InvalidImageName", message: parsed.error } };
  const ref = parsed.ref;
  const hostName = ref.domain.split(":")[0];
  const host = world.registry.hosts.find((h) => h.host === ref.domain || h.host === hostName);
  const manifestUrl = `https://${ref.domain === "docker.io" ? "registry-1.docker.io" : ref.domain}/v2/${ref.path}/manifests/${ref.digest ?? ref.tag}`;
  if (!host || !host.reachable) {
    const detail =
      host?.failure === "timeout"
        ? `failed to do request: Head "${manifestUrl}": dial tcp ${fakeRegistryAddress(hostName)}:443: i/o timeout`
        : `failed to do request: Head "${manifestUrl}": dial tcp: lookup ${hostName} on ${NODE_RESOLVER}: no such host`;
    return { ok: false, failure: { reason: "Unreachable", message: pullError("Unknown", ref, detail) } };
  }
  const repository = world.registry.repositories.find((r) => r.name === ref.repository);
  const denied = (): { ok: false; failure: PullFailure } => {
    const detail =
      ref.domain === "docker.io"
        ? "pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed"
        : `failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://${ref.domain}/service/token?scope=repository%3A${encodeURIComponent(ref.path)}%3Apull&service=${ref.domain}: 401 Unauthorized`;
    return { ok: false, failure: { reason: "Unauthorized", message: pullError("Unknown", ref, detail) } };
  };
  if (!repository) return denied();
  if (repository.private) {
    const creds = credentials.filter((c) => c.host === ref.domain || c.host === hostName);
    if (creds.length === 0) return denied();
    const want = repository.credentials;
    if (!want || !creds.some((c) => c.username === want.username && c.password === want.password)) {
      const detail =
        ref.domain === "docker.io"
          ? "failed to authorize: failed to fetch oauth token: unexpected status from POST request to https://auth.docker.io/token: 401 Unauthorized"
          : `failed to authorize: failed to fetch oauth token: unexpected status from POST request to https://${ref.domain}/service/token: 401 Unauthorized`;
      return { ok: false, failure: { reason: "Unauthorized", message: pullError("Unknown", ref, detail) } };
    }
  }
  let tag = ref.tag;
  let spec: ImageSpec | undefined;
  if (ref.digest) {
    for (const [t, s] of Object.entries(repository.tags)) {
      if (imageDigest(repository.name, t, s) === ref.digest) {
        spec = s;
        tag = ref.tag ?? t;
        break;
      }
    }
  } else if (tag !== undefined) spec = repository.tags[tag];
  if (!spec) {
    const shown = ref.digest ? `${ref.repository}@${ref.digest}` : ref.normalized;
    return { ok: false, failure: { reason: "NotFound", message: pullError("NotFound", ref, `${shown}: not found`) } };
  }
  const digest = ref.digest ?? imageDigest(repository.name, tag, spec);
  return {
    ok: true,
    image: { ref, repository, spec, digest, imageID: `${ref.repository}@${digest}`, sizeBytes: spec.sizeBytes },
  };
}

/** The image spec an image reference names in the registry (its tag, else its digest); undefined when there is none. */
export function imageSpecByReference(world: World, image: string): ImageSpec | undefined {
  const parsed = parseImageReference(image);
  if (!parsed.ok) return undefined;
  const repo = world.registry.repositories.find((r) => r.name === parsed.ref.repository);
  if (!repo) return undefined;
  if (parsed.ref.tag && repo.tags[parsed.ref.tag]) return repo.tags[parsed.ref.tag];
  return Object.values(repo.tags).find((t) => parsed.ref.digest && t.digest === parsed.ref.digest);
}
