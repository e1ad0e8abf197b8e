/**
 * `kubectl set env RESOURCE/NAME KEY=VALUE … KEY-` with `-e`, `--from=configmap/x|secret/y`
 * (`--prefix`, `--keys`), `-c` (wildcards) and `--list`.
 */
import type { ConfigMap, Container, EnvVar, KObject, Secret } from "../../../model/types";
import type { CommandContext, CommandResult, ParsedArgs } from "../../command";
import { flagBool, flagString, flagStrings } from "../../args";
import { notFound } from "../../errors";
import { dryRunOf, outputOf, podTemplateOf, resolveTargets, result, writeCommand } from "./common";
import { patchMutation } from "./mutate";
import { resourcesAndPairs } from "./set-image";

/** A shell-style wildcard (`*`, `?`) as `-c` accepts it. */
export function wildcardMatch(pattern: string, name: string): boolean {
  const re = new RegExp("^" + pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".") + "$");
  return re.test(name);
}

function envFromMessage(e: EnvVar): string {
  const v = e.valueFrom!;
  if (v.configMapKeyRef) return `config map ${v.configMapKeyRef.name}, key ${v.configMapKeyRef.key}`;
  if (v.secretKeyRef) return `secret ${v.secretKeyRef.name}, key ${v.secretKeyRef.key}`;
  if (v.fieldRef) return `field path ${v.fieldRef.fieldPath}`;
  if (v.resourceFieldRef) return `resource ${v.resourceFieldRef.resource}`;
  return "unknown source";
}

function listEnv(obj: KObject, containers: Container[]): string {
  let out = "";
  for (const c of containers) {
    out += `# ${obj.kind} ${obj.metadata.name}, container ${c.name}\n`;
    for (const e of c.envFrom ?? []) {
      if (e.configMapRef) out += `# ${e.prefix ? e.prefix + " " : ""}configmap ${e.configMapRef.name}\n`;
      if (e.secretRef) out += `# ${e.prefix ? e.prefix + " " : ""}secret ${e.secretRef.name}\n`;
    }
    for (const e of c.env ?? []) {
      if (e.valueFrom) out += `# ${e.name} from ${envFromMessage(e)}\n`;
      else out += `${e.name}=${e.value ?? ""}\n`;
    }
  }
  return out;
}

/** kubectl's conversion of a ConfigMap/Secret key to a variable name. */
function keyToEnvName(key: string): string {
  return key.toUpperCase().replace(/[^A-Z0-9_]/g, "_");
}

function run(ctx: CommandContext, args: ParsedArgs): CommandResult {
  const split = resourcesAndPairs(args.positionals, "env");
  if (!split.ok) return result("", split.error);
  const dry = dryRunOf(args);
  if (!dry.ok) return result("", dry.error);
  const out = outputOf(args);
  if (!out.ok) return result("", out.error);
  const list = flagBool(args.flags, "list");
  const from = flagString(args.flags, "from");
  const prefix = flagString(args.flags, "prefix");
  const keys = flagStrings(args.flags, "keys");
  const selector = flagString(args.flags, "containers", "*");
  const overwrite = flagBool(args.flags, "overwrite", true);
  const envArgs = [...split.pairs, ...flagStrings(args.flags, "env")];
  const set: EnvVar[] = [];
  const remove: string[] = [];
  for (const p of envArgs) {
    const eq = p.indexOf("=");
    if (eq > 0) set.push({ name: p.slice(0, eq), value: p.slice(eq + 1) });
    else if (p.endsWith("-")) remove.push(p.slice(0, -1));
    else return result("", `error: environment variables must be of the form key=value and can only contain letters, numbers, and underscores\n`);
  }
  if (!list && set.length === 0 && remove.length === 0 && from === "") return result("", "error: at least one environment variable must be provided\n");
  const targets = resolveTargets(ctx, args, { positionals: split.resources, selectors: true });
  if (!targets.ok) return result("", targets.error);
  let warnings = "";
  if (from !== "") {
    const slash = from.indexOf("/");
    const kind = from.slice(0, slash).toLowerCase();
    const name = from.slice(slash + 1);
    const isCm = ["configmap", "configmaps", "cm"].includes(kind);
    const isSecret = ["secret", "secrets"].includes(kind);
    if (slash <= 0 || (!isCm && !isSecret)) return result("", `error: unsupported resource specified in --from\n`);
    const source = ctx.cluster.store.get<ConfigMap | Secret>(isCm ? "ConfigMap" : "Secret", ctx.namespace, name);
    if (!source) return result("", notFound(isCm ? "ConfigMap" : "Secret", name) + "\n");
    const dataKeys = [...Object.keys(source.data ?? {}), ...Object.keys((source as ConfigMap).binaryData ?? {})].sort();
    for (const k of dataKeys) {
      if (keys.length > 0 && !keys.includes(k)) continue;
      const envName = prefix + keyToEnvName(k);
      const ref = { name, key: k };
      set.push(isCm ? { name: envName, valueFrom: { configMapKeyRef: ref } } : { name: envName, valueFrom: { secretKeyRef: ref } });
    }
  }
  let stdout = "";
  let stderr = "";
  for (const obj of targets.objects) {
    const template = podTemplateOf(obj);
    if (!template) {
      stderr += `error: ${obj.kind.toLowerCase()}s/${obj.metadata.name} the object is not a pod or does not have a pod template\n`;
      continue;
    }
    const matching = (t: typeof template) => [...(t.spec.initContainers ?? []), ...(t.spec.containers ?? [])].filter((c) => wildcardMatch(selector, c.name));
    if (list) {
      stdout += listEnv(obj, matching(template));
      continue;
    }
    if (matching(template).length === 0) {
      warnings += `warning: ${obj.kind.toLowerCase()}/${obj.metadata.name} does not have any containers matching ${JSON.stringify(selector)}\n`;
      continue;
    }
    const errors: string[] = [];
    const o = patchMutation(
      ctx,
      args,
      ["set", "env"],
      obj,
      (copy) => {
        for (const c of matching(podTemplateOf(copy)!)) {
          const env = [...(c.env ?? [])];
          for (const e of set) {
            const at = env.findIndex((x) => x.name === e.name);
            if (at >= 0) {
              if (!overwrite) {
                errors.push(`error: '${e.name}' already has a value (${env[at].value ?? ""}), and --overwrite is false\n`);
                continue;
              }
              env[at] = e;
            } else env.push(e);
          }
          const kept = env.filter((e) => !remove.includes(e.name));
          if (kept.length > 0) c.env = kept;
          else delete c.env;
        }
        return true;
      },
      "env updated",
      out.output,
      dry.dryRun,
      "failed to patch env update to pod template: ",
    );
    stdout += o.stdout;
    stderr += o.stderr + errors.join("");
  }
  return result(stdout, warnings + stderr + targets.errors.join(""), stderr !== "" || targets.errors.length > 0);
}

/** `kubectl set env`. */
export const setEnvCommand = writeCommand("set env", run);
