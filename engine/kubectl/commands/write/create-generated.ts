/**
 * `kubectl create configmap|secret generic|secret docker-registry|deployment|namespace|
 * serviceaccount NAME …`: objects built from flags as kubectl's generators build them,
 * created through the API (or printed with `--dry-run=client -o yaml`).
 */
import type { Container, KObject } from "../../../model/types";
import type { CommandContext, CommandResult, ParsedArgs } from "../../command";
import { flagInt, flagString, flagStrings } from "../../args";
import { createGeneratedObject } from "./create-job-common";
import { base64Encode } from "../../manifests/base64";
import { goJsonCompact } from "../../printers/go-json";
import { commandFailed, result, writeCommand } from "./common";

function exactlyOneName(args: ParsedArgs): { ok: true; name: string } | { ok: false; error: string } {
  if (args.positionals.length !== 1) return { ok: false, error: `error: exactly one NAME is required, got ${args.positionals.length}\nSee 'kubectl create -h' for help and examples\n` };
  return { ok: true, name: args.positionals[0] };
}

/** Creates `obj` as every `create` generator does; `wrap` is kubectl's prefix for the server's error, when it adds one. */
function createGenerated(ctx: CommandContext, args: ParsedArgs, obj: KObject, wrap?: string): CommandResult {
  // A Namespace is cluster-scoped: `-n` does not name it.
  return createGeneratedObject(obj.kind === "Namespace" ? { ...ctx, namespaceExplicit: false } : ctx, args, obj, wrap);
}

function fileSourceError(args: ParsedArgs): string | undefined {
  const files = [...flagStrings(args.flags, "from-file"), ...flagStrings(args.flags, "from-env-file")];
  if (files.length === 0) return undefined;
  const f = files[0];
  const path = f.includes("=") ? f.slice(f.indexOf("=") + 1) : f;
  return `error: error reading ${path}: no such file or directory\n`;
}

function literals(args: ParsedArgs, kind: string, name: string): { ok: true; data: Record<string, string> } | { ok: false; error: string } {
  const data: Record<string, string> = {};
  for (const l of flagStrings(args.flags, "from-literal")) {
    const eq = l.indexOf("=");
    if (eq <= 0) return { ok: false, error: `error: invalid literal source ${l}, expected key=value\n` };
    const key = l.slice(0, eq);
    if (key in data) return { ok: false, error: `error: cannot add key ${key}, another key by that name already exists in Data for ${kind} "${name}"\n` };
    data[key] = l.slice(eq + 1);
  }
  return { ok: true, data };
}

function runConfigMap(ctx: CommandContext, args: ParsedArgs): CommandResult {
  const n = exactlyOneName(args);
  if (!n.ok) return result("", n.error);
  const fileErr = fileSourceError(args);
  if (fileErr) return result("", fileErr);
  const lit = literals(args, "ConfigMap", n.name);
  if (!lit.ok) return result("", lit.error);
  const obj: KObject = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: n.name } };
  if (Object.keys(lit.data).length > 0) obj.data = lit.data;
  return createGenerated(ctx, args, obj, "failed to create configmap:");
}

function runSecretGeneric(ctx: CommandContext, args: ParsedArgs): CommandResult {
  const n = exactlyOneName(args);
  if (!n.ok) return result("", n.error);
  const fileErr = fileSourceError(args);
  if (fileErr) return result("", fileErr);
  const lit = literals(args, "Secret", n.name);
  if (!lit.ok) return result("", lit.error);
  const obj: KObject = { apiVersion: "v1", kind: "Secret", metadata: { name: n.name } };
  if (Object.keys(lit.data).length > 0) obj.data = Object.fromEntries(Object.entries(lit.data).map(([k, v]) => [k, base64Encode(v)]));
  const type = flagString(args.flags, "type");
  if (type !== "") obj.type = type;
  return createGenerated(ctx, args, obj, "failed to create secret:");
}

/** The `.dockerconfigjson` kubectl writes: `{"auths":{server:{username,password,email?,auth}}}`. */
export function dockerConfigJson(server: string, username: string, password: string, email: string): string {
  const entry: Record<string, string> = { username, password };
  if (email !== "") entry.email = email;
  entry.auth = base64Encode(`${username}:${password}`);
  // Go's encoder keeps struct field order (username, password, email, auth), not sorted keys.
  const inner = Object.entries(entry)
    .map(([k, v]) => `${JSON.stringify(k)}:${goJsonCompact(v)}`)
    .join(",");
  return `{"auths":{${goJsonCompact(server)}:{${inner}}}}`;
}

function runSecretDockerRegistry(ctx: CommandContext, args: ParsedArgs): CommandResult {
  const n = exactlyOneName(args);
  if (!n.ok) return result("", n.error);
  const user = flagString(args.flags, "docker-username");
  const password = flagString(args.flags, "docker-password");
  const server = flagString(args.flags, "docker-server", "https://index.docker.io/v1/");
  const email = flagString(args.flags, "docker-email");
  const fileErr = fileSourceError(args);
  if (fileErr) return result("", fileErr);
  if (user === "" || password === "" || server === "") {
    return result("", "error: either --from-file or the combination of --docker-username, --docker-password and --docker-server is required\n");
  }
  const obj: KObject = {
    apiVersion: "v1",
    kind: "Secret",
    metadata: { name: n.name },
    data: { ".dockerconfigjson": base64Encode(dockerConfigJson(server, user, password, email)) },
    type: "kubernetes.io/dockerconfigjson",
  };
  return createGenerated(ctx, args, obj, "failed to create secret");
}

/** The container name kubectl derives from an image (`registry/team/app:1.0` → `app`). */
export function containerNameFromImage(image: string): string {
  let name = image.split("/").pop() ?? image;
  if (name.includes(":")) name = name.split(":")[0];
  if (name.includes("@")) name = name.split("@")[0];
  return name.replace(/_/g, "-");
}

function runDeployment(ctx: CommandContext, args: ParsedArgs): CommandResult {
  const n = exactlyOneName(args);
  if (!n.ok) return result("", n.error);
  const images = flagStrings(args.flags, "image");
  if (images.length === 0) return commandFailed(ctx, 'required flag(s) "image" not set');
  if (images.length > 1 && args.dashArgs.length > 0) return result("", "error: cannot specify multiple --image options and command\n");
  const used = new Map<string, number>();
  const containers: Container[] = images.map((image) => {
    let name = containerNameFromImage(image);
    const seen = used.get(name) ?? 0;
    used.set(name, seen + 1);
    if (seen > 0) name = `${name}-${seen + 1}`;
    const c: Container = { name, image, resources: {} };
    if (args.dashArgs.length > 0) c.command = [...args.dashArgs];
    return c;
  });
  const port = flagInt(args.flags, "port", -1);
  if (port >= 0) containers[0].ports = [{ containerPort: port }];
  const labels = { app: n.name };
  const obj: KObject = {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: n.name, labels },
    spec: {
      replicas: flagInt(args.flags, "replicas", 1),
      selector: { matchLabels: { ...labels } },
      strategy: {},
      template: { metadata: { creationTimestamp: null, labels: { ...labels } }, spec: { containers } },
    },
    status: {},
  };
  return createGenerated(ctx, args, obj, "failed to create deployment:");
}

function runNamespace(ctx: CommandContext, args: ParsedArgs): CommandResult {
  const n = exactlyOneName(args);
  if (!n.ok) return result("", n.error);
  return createGenerated(ctx, args, { apiVersion: "v1", kind: "Namespace", metadata: { name: n.name }, spec: {}, status: {} });
}

function runServiceAccount(ctx: CommandContext, args: ParsedArgs): CommandResult {
  const n = exactlyOneName(args);
  if (!n.ok) return result("", n.error);
  return createGenerated(ctx, args, { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: n.name } }, "failed to create serviceaccount:");
}

/** `kubectl create configmap` (alias `cm`). */
export const createConfigMapCommand = writeCommand("create configmap", runConfigMap, ["cm"]);
/** `kubectl create secret generic`. */
export const createSecretGenericCommand = writeCommand("create secret generic", runSecretGeneric);
/** `kubectl create secret docker-registry`. */
export const createSecretDockerRegistryCommand = writeCommand("create secret docker-registry", runSecretDockerRegistry);
/** `kubectl create deployment` (alias `deploy`). */
export const createDeploymentCommand = writeCommand("create deployment", runDeployment, ["deploy"]);
/** `kubectl create namespace` (alias `ns`). */
export const createNamespaceCommand = writeCommand("create namespace", runNamespace, ["ns"]);
/** `kubectl create serviceaccount` (alias `sa`). */
export const createServiceAccountCommand = writeCommand("create serviceaccount", runServiceAccount, ["sa"]);
