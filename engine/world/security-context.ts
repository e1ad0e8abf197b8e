/**
 * The kubelet's `runAsNonRoot` verification before it creates a container
 * (kuberuntime's `verifyRunAsNonRoot`): the container's security context overrides the
 * pod's field by field; the image's user decides when no `runAsUser` is set.
 */
import type { Container, Pod } from "../model/types";
import type { ImageSpec } from "../model/world";

interface SecurityContextFields {
  runAsNonRoot?: unknown;
  runAsUser?: unknown;
}

/** The largest valid user id (Go's math.MaxInt32). */
const MAX_USER_ID = 2147483647;

/** kubelet's `format.Pod`: `name_namespace(uid)`. */
function formatPod(pod: Pod): string {
  return `${pod.metadata.name}_${pod.metadata.namespace ?? "default"}(${pod.metadata.uid ?? ""})`;
}

/** The effective value of one field: the container's when set, else the pod's. */
function effective(pod: Pod, container: Container, field: keyof SecurityContextFields): unknown {
  const own = (container.securityContext as SecurityContextFields | undefined)?.[field];
  if (own !== undefined && own !== null) return own;
  return (pod.spec.securityContext as SecurityContextFields | undefined)?.[field] ?? undefined;
}

/**
 * The image's user as the container runtime reports it: a numeric uid (the config's
 * `USER` when numeric; 0 when the image sets none) or a user name.
 */
function imageUser(image: ImageSpec | undefined): { uid?: number; username?: string } {
  if (image?.uid !== undefined) return { uid: image.uid };
  const user = image?.user;
  if (user === undefined || user === "") return { uid: 0 };
  const name = user.split(":")[0];
  return /^\d+$/.test(name) ? { uid: Number(name) } : { username: name };
}

/** Why the kubelet refuses to create `container` (a CreateContainerConfigError), or undefined. */
export function runAsNonRootError(pod: Pod, container: Container, image: ImageSpec | undefined): string | undefined {
  if (effective(pod, container, "runAsNonRoot") !== true) return undefined;
  const q = JSON.stringify(formatPod(pod));
  const runAsUser = effective(pod, container, "runAsUser");
  if (typeof runAsUser === "number") {
    return runAsUser === 0 ? `container's runAsUser breaks non-root policy (pod: ${q}, container: ${container.name})` : undefined;
  }
  const { uid, username } = imageUser(image);
  if (uid === undefined) return `container has runAsNonRoot and image has non-numeric user (${username}), cannot verify user is non-root (pod: ${q}, container: ${container.name})`;
  if (uid === 0) return `container has runAsNonRoot and image will run as root (pod: ${q}, container: ${container.name})`;
  if (uid < 1 || uid > MAX_USER_ID) {
    return `container has runAsNonRoot and image has an invalid user id (${uid}). (Must be 1-(${MAX_USER_ID})): must be between 0 and ${MAX_USER_ID}, inclusive (pod: ${q}, container: ${container.name})`;
  }
  return undefined;
}
