/**
 * Container image references, read as the docker reference grammar does
 * (`github.com/distribution/reference`): a default registry (`docker.io`), the `library/`
 * namespace for single names, a default tag (`latest`), and digests.
 */

/** A parsed image reference. */
export interface ImageReference {
  /** Registry host (`docker.io`, `registry.acme.internal:5000`). */
  domain: string;
  /** Repository path inside the registry (`library/nginx`). */
  path: string;
  /** `domain/path`, the fully qualified repository name. */
  repository: string;
  /** The tag; `latest` when neither tag nor digest was given. */
  tag?: string;
  /** `sha256:<hex>` when given. */
  digest?: string;
  /** The fully qualified reference containerd reports (`docker.io/library/nginx:1.27`). */
  normalized: string;
}

const COMPONENT = "[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*";
const DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?`;
const TAG = "[\\w][\\w.-]{0,127}";
const DIGEST = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9A-Fa-f]{32,}";
const NAME = `(?:${DOMAIN}/)?${COMPONENT}(?:/${COMPONENT})*`;
const REFERENCE = new RegExp(`^(${NAME})(?::(${TAG}))?(?:@(${DIGEST}))?$`);
const ANCHORED_IDENTIFIER = /^[a-f0-9]{64}$/;

/** Splits `name` into registry and path the way Docker does (a first component with `.` or `:`, or `localhost`, is a registry). */
function splitDomain(name: string): { domain: string; remainder: string } {
  const slash = name.indexOf("/");
  let domain: string;
  let remainder: string;
  if (slash === -1 || (!/[.:]/.test(name.slice(0, slash)) && name.slice(0, slash) !== "localhost" && name.slice(0, slash).toLowerCase() === name.slice(0, slash))) {
    domain = "docker.io";
    remainder = name;
  } else {
    domain = name.slice(0, slash);
    remainder = name.slice(slash + 1);
  }
  if (domain === "index.docker.io") domain = "docker.io";
  if (domain === "docker.io" && !remainder.includes("/")) remainder = `library/${remainder}`;
  return { domain, remainder };
}

/** A parsed reference or its error: frozen, so one result can be shared by every caller and cluster. */
export type ParsedImageReference = Readonly<{ ok: true; ref: Readonly<ImageReference> } | { ok: false; error: string }>;

/** Results by reference text: a pure function of the text, asked for at every kubelet sync. Bounded. */
const parsedByImage = new Map<string, ParsedImageReference>();
const MAX_PARSED_IMAGES = 2_000;

/**
 * Parses an image reference as the kubelet does before pulling. Returns the reference, or the
 * parser's error text (`invalid reference format`,
 * `invalid reference format: repository name (library/Nginx) must be lowercase`).
 */
export function parseImageReference(image: string): ParsedImageReference {
  let parsed = parsedByImage.get(image);
  if (parsed === undefined) {
    const result = parseUncached(image);
    if (result.ok) Object.freeze(result.ref);
    parsed = Object.freeze(result);
    if (parsedByImage.size >= MAX_PARSED_IMAGES) parsedByImage.clear();
    parsedByImage.set(image, parsed);
  }
  return parsed;
}

function parseUncached(image: string): { ok: true; ref: ImageReference } | { ok: false; error: string } {
  if (image === "") return { ok: false, error: "repository name must have at least one component" };
  if (ANCHORED_IDENTIFIER.test(image)) return { ok: false, error: `invalid repository name (${image}), cannot specify 64-byte hexadecimal strings` };
  const { domain, remainder } = splitDomain(image);
  const tagSep = remainder.indexOf(":");
  const remoteName = tagSep > -1 ? remainder.slice(0, tagSep) : remainder.split("@")[0];
  if (remoteName.toLowerCase() !== remoteName) return { ok: false, error: `invalid reference format: repository name (${remoteName}) must be lowercase` };
  const full = `${domain}/${remainder}`;
  const m = REFERENCE.exec(full);
  if (!m) return { ok: false, error: "invalid reference format" };
  const repository = m[1];
  const path = repository.slice(domain.length + 1);
  const tag = m[2];
  const digest = m[3];
  const effectiveTag = tag ?? (digest ? undefined : "latest");
  const normalized = `${repository}${effectiveTag ? `:${effectiveTag}` : ""}${digest ? `@${digest}` : ""}`;
  return { ok: true, ref: { domain, path, repository, tag: effectiveTag, digest, normalized } };
}

/** The image name with `:latest` added when it has neither tag nor digest (`applyDefaultImageTag`). */
export function withDefaultTag(image: string): string {
  const parsed = parseImageReference(image);
  if (!parsed.ok) return image;
  const hasTag = /:[\w][\w.-]*$/.test(image.split("@")[0].split("/").pop() ?? "");
  return hasTag || parsed.ref.digest ? image : `${image}:latest`;
}
