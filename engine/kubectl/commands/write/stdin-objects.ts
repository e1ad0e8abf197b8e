/**
 * The objects of `-f -` for apply, create and replace: parsed from stdin, with the namespace
 * kubectl's builder gives them (the object's own, else `-n`/the context's), and its errors.
 */
import type { KObject } from "../../../model/types";
import type { CommandContext, ParsedArgs } from "../../command";
import { flagStrings } from "../../args";
import { parseManifests } from "../../manifests/parse-manifests";
import { deepClone } from "../../patch";
import { ensureNewline, pathDoesNotExist } from "./common";

/** Objects read from `-f -`, errors for the ones kubectl skipped, or a fatal error. */
export type StdinObjects = { ok: true; objects: KObject[]; errors: string[] } | { ok: false; error: string };

/** Reads `-f` for a command that needs it (`apply`, `create -f`, `replace`). */
export function stdinObjects(ctx: CommandContext, args: ParsedArgs, verb: string): StdinObjects {
  const files = flagStrings(args.flags, "filename");
  if (files.length === 0) return { ok: false, error: "error: must specify one of -f and -k\n" };
  const objects: KObject[] = [];
  const errors: string[] = [];
  for (const f of files) {
    if (f !== "-") return { ok: false, error: pathDoesNotExist(f) };
    const parsed = parseManifests(ctx.stdin ?? "");
    if (!parsed.ok) return { ok: false, error: ensureNewline(parsed.error) };
    errors.push(...parsed.errors.map(ensureNewline));
    for (const { obj, info } of parsed.objects) {
      const copy = deepClone(obj);
      if (info.namespaced) {
        const own = copy.metadata.namespace;
        if (own && ctx.namespaceExplicit && own !== ctx.namespace) {
          return {
            ok: false,
            error: `error: the namespace from the provided object "${own}" does not match the namespace "${ctx.namespace}". You must pass '--namespace=${own}' to perform this operation.\n`,
          };
        }
        copy.metadata.namespace = own || ctx.namespace;
      }
      objects.push(copy);
    }
  }
  if (objects.length === 0 && errors.length === 0) return { ok: false, error: `error: no objects passed to ${verb}\n` };
  return { ok: true, objects, errors };
}
