/**
 * `kubectl create quota NAME [--hard=key1=value1,key2=value2] [--scopes=Scope1,Scope2]`, as
 * kubectl v1.32's `create_quota.go` builds the ResourceQuota: each hard limit parsed as a
 * quantity (kept as written when apimachinery keeps it, else in canonical form), the scopes
 * passed on unchecked for the API server to validate.
 */
import type { KObject } from "../../../model/types";
import type { CommandContext, CommandResult, CommandSpec, ParsedArgs } from "../../command";
import { flagString } from "../../args";
import { canonicalQuantity } from "../../describe/formats";
import { result } from "./common";
import { CREATE_GENERATOR_FLAGS, createGeneratedObject, nameFromArgs } from "./create-job-common";

/** apimachinery's `ErrFormatWrong` text. */
export const QUANTITY_FORMAT_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
/** apimachinery's `ErrSuffix` text. */
export const QUANTITY_SUFFIX_ERROR = "unable to parse quantity's suffix";

const DECIMAL_SI_EXPONENT: Record<string, number> = { n: -9, u: -6, m: -3, "": 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SI_EXPONENT: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const SUFFIX_LETTERS = "eEinumkKMGTP";
const MAX_INT64 = 2n ** 63n - 1n;

/** `parseQuantityString`: the numerator without leading zeros, the decimals and the suffix. */
function splitQuantity(str: string): { num: string; denom: string; suffix: string } | undefined {
  let pos = 0;
  const end = str.length;
  if (str[0] === "-" || str[0] === "+") pos++;
  while (pos < end && str[pos] === "0") pos++;
  if (pos >= end) return { num: "0", denom: "", suffix: "" };
  const numStart = pos;
  while (pos < end && str[pos] >= "0" && str[pos] <= "9") pos++;
  const num = str.slice(numStart, pos) || "0";
  let denom = "";
  if (pos < end && str[pos] === ".") {
    const denomStart = ++pos;
    while (pos < end && str[pos] >= "0" && str[pos] <= "9") pos++;
    denom = str.slice(denomStart, pos);
  }
  const suffixStart = pos;
  while (pos < end && SUFFIX_LETTERS.includes(str[pos])) pos++;
  if (pos < end && (str[pos] === "-" || str[pos] === "+")) pos++;
  while (pos < end && str[pos] >= "0" && str[pos] <= "9") pos++;
  if (pos < end) return undefined;
  return { num, denom, suffix: str.slice(suffixStart) };
}

/** The suffixer's `interpret`: the exponent a suffix stands for, and whether it is binary. */
function interpretSuffix(suffix: string): { exponent: number; format: "BinarySI" | "DecimalSI" | "DecimalExponent" } | undefined {
  if (suffix in DECIMAL_SI_EXPONENT) return { exponent: DECIMAL_SI_EXPONENT[suffix], format: "DecimalSI" };
  if (suffix in BINARY_SI_EXPONENT) return { exponent: BINARY_SI_EXPONENT[suffix], format: "BinarySI" };
  if (suffix.length > 1 && (suffix[0] === "e" || suffix[0] === "E") && /^[+-]?\d+$/.test(suffix.slice(1))) {
    return { exponent: Number(suffix.slice(1)), format: "DecimalExponent" };
  }
  return undefined;
}

/**
 * `resource.ParseQuantity(str)` as it serializes: the text as written when apimachinery's fast
 * path finds it canonical (`1e3`, `+5`, `1Ki`), else the canonical form (`1.5Gi` → `1536Mi`).
 */
export function parsedQuantityText(str: string): { ok: true; text: string } | { ok: false; error: string } {
  if (str === "") return { ok: false, error: QUANTITY_FORMAT_ERROR };
  if (str === "0") return { ok: true, text: str };
  const parts = splitQuantity(str);
  if (!parts) return { ok: false, error: QUANTITY_FORMAT_ERROR };
  const suffix = interpretSuffix(parts.suffix);
  if (!suffix) return { ok: false, error: QUANTITY_SUFFIX_ERROR };
  const { num, denom } = parts;
  let precision: number;
  let scale = 0;
  let mantissa = 1n;
  if (suffix.format === "BinarySI") {
    if (denom.length === 0) {
      mantissa = 1n << BigInt(suffix.exponent);
      precision = 15 - num.length - Math.trunc((suffix.exponent * 3) / 10) - 1;
    } else precision = -1;
  } else {
    scale = suffix.exponent;
    precision = 18 - (num.length + denom.length);
  }
  if (precision >= 0) {
    scale -= denom.length;
    if (scale >= -9) {
      const shifted = num + denom;
      const value = BigInt(shifted);
      if (value * mantissa <= MAX_INT64) {
        const keep = suffix.format === "BinarySI" ? suffix.exponent % 10 === 0 && (value & 7n) !== 0n : scale % 3 === 0 && !shifted.endsWith("000") && shifted[0] !== "0";
        if (keep) return { ok: true, text: str };
      }
    }
  }
  return { ok: true, text: canonicalQuantity(str) };
}

/** `populateResourceListV1`: `resource=quantity` pairs, comma-separated. */
function hardLimits(spec: string): { ok: true; hard?: Record<string, string> } | { ok: false; error: string } {
  if (spec === "") return { ok: true };
  const hard: Record<string, string> = {};
  for (const statement of spec.split(",")) {
    const parts = statement.split("=");
    if (parts.length !== 2) return { ok: false, error: `error: Invalid argument syntax ${statement}, expected <resource>=<value>\n` };
    const q = parsedQuantityText(parts[1]);
    if (!q.ok) return { ok: false, error: `error: ${q.error}\n` };
    hard[parts[0]] = q.text;
  }
  return { ok: true, hard };
}

/** `parseScopes`: comma-separated, none empty. */
function scopesOf(spec: string): { ok: true; scopes?: string[] } | { ok: false; error: string } {
  if (spec === "") return { ok: true };
  const scopes = spec.split(",");
  if (scopes.includes("")) return { ok: false, error: 'error: invalid resource quota scope ""\n' };
  return { ok: true, scopes };
}

function run(ctx: CommandContext, args: ParsedArgs): CommandResult {
  const n = nameFromArgs(args, "kubectl create quota");
  if (!n.ok) return result("", n.error);
  const hard = hardLimits(flagString(args.flags, "hard"));
  if (!hard.ok) return result("", hard.error);
  const scopes = scopesOf(flagString(args.flags, "scopes"));
  if (!scopes.ok) return result("", scopes.error);
  const spec: Record<string, unknown> = {};
  if (hard.hard) spec.hard = hard.hard;
  if (scopes.scopes) spec.scopes = scopes.scopes;
  const quota = { apiVersion: "v1", kind: "ResourceQuota", metadata: { name: n.name }, spec, status: {} } as KObject;
  return createGeneratedObject(ctx, args, quota, "failed to create quota:");
}

/** `kubectl create quota` (alias `resourcequota`). */
export const createQuotaCommand: CommandSpec = {
  path: ["create", "quota"],
  short: "Create a quota with the specified name",
  usage: "kubectl create quota NAME [--hard=key1=value1,key2=value2] [--scopes=Scope1,Scope2] [--dry-run=server|client|none] [options]",
  flags: [
    ...CREATE_GENERATOR_FLAGS.slice(0, 3),
    { name: "hard", type: "string", default: "", description: "A comma-delimited set of resource=quantity pairs that define a hard limit." },
    ...CREATE_GENERATOR_FLAGS.slice(3, 5),
    { name: "scopes", type: "string", default: "", description: "A comma-delimited set of quota scopes that must all match each object tracked by the quota." },
    ...CREATE_GENERATOR_FLAGS.slice(5),
  ],
  run,
};
