import type { Container, Pod, Secret, ServiceAccount } from "../../model/types";
import type { ControllerContext } from "../../runtime/controller";
import { goDuration } from "../../world/go-duration";
import { parseImageReference } from "../../world/image-reference";
import { credentialsFromSecrets, resolvePull } from "../../world/registry";
import { nodeRuntime, type ContainerRuntime } from "./state";

/**
 * The kubelet's image manager: pull policy, the node's image cache, pulls against the
 * registry model with the pod's pull secrets, and the events it records.
 */

/** The pull policy the API server defaults: Always for `:latest` or no tag, else IfNotPresent. */
export function pullPolicy(c: Container): "Always" | "IfNotPresent" | "Never" {
  if (c.imagePullPolicy) return c.imagePullPolicy;
  const parsed = parseImageReference(c.image);
  if (!parsed.ok) return "IfNotPresent";
  const last = c.image.split("/").pop() ?? "";
  if (parsed.ref.digest) return "IfNotPresent";
  return !last.includes(":") || parsed.ref.tag === "latest" ? "Always" : "IfNotPresent";
}

/** Pull secrets of a pod: its own `imagePullSecrets`, then its ServiceAccount's. Missing secrets are skipped. */
export function pullSecrets(ctx: ControllerContext, pod: Pod): Secret[] {
  const ns = pod.metadata.namespace ?? "default";
  const names = (pod.spec.imagePullSecrets ?? []).map((s) => s.name);
  const sa = ctx.store.get<ServiceAccount>("ServiceAccount", ns, pod.spec.serviceAccountName ?? pod.spec.serviceAccount ?? "default");
  for (const s of sa?.imagePullSecrets ?? []) if (!names.includes(s.name)) names.push(s.name);
  const out: Secret[] = [];
  for (const n of names) {
    const s = ctx.store.get<Secret>("Secret", ns, n);
    if (s) out.push(s);
  }
  return out;
}

/** Whether the node already has the image (by normalised reference or as written). */
export function imagePresent(ctx: ControllerContext, node: string, image: string): boolean {
  const parsed = parseImageReference(image);
  const images = nodeRuntime(ctx, node).images;
  return images.includes(image) || (parsed.ok && images.includes(parsed.ref.normalized));
}

/** Starts a pull at `atMs`: records `Pulling` and decides its outcome and duration. */
export function startPull(ctx: ControllerContext, pod: Pod, c: Container, cr: ContainerRuntime, atMs: number, cached: boolean): void {
  const result = resolvePull(ctx.world, c.image, credentialsFromSecrets(pullSecrets(ctx, pod)));
  let durationMs: number;
  if (result.ok) {
    const size = result.image.sizeBytes;
    durationMs = cached ? 250 + ctx.rng.int(0, 600) : 700 + Math.round(size / 32_000) + ctx.rng.int(0, 900);
    cr.pull = { startedMs: atMs, doneMs: atMs + durationMs, ok: true };
    cr.image = { spec: c.image, normalized: result.image.ref.normalized, imageID: result.image.imageID, repository: result.image.repository.name, tag: result.image.ref.tag };
  } else {
    durationMs = result.failure.reason === "Unreachable" && result.failure.message.includes("i/o timeout") ? 30_000 + ctx.rng.int(0, 800) : 400 + ctx.rng.int(0, 1400);
    cr.pull = { startedMs: atMs, doneMs: atMs + durationMs, ok: false, message: result.failure.message };
  }
}

/** The `Pulled` message of a finished pull. */
export function pulledMessage(image: string, durationMs: number, sizeBytes: number): string {
  const d = goDuration(durationMs);
  return `Successfully pulled image "${image}" in ${d} (${d} including waiting). Image size: ${sizeBytes} bytes.`;
}

/** Remembers that the node has an image now. */
export function addNodeImage(ctx: ControllerContext, node: string, names: string[]): void {
  const images = nodeRuntime(ctx, node).images;
  for (const n of names) if (!images.includes(n)) images.push(n);
}
