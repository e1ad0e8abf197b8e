/**
 * `kubectl create poddisruptionbudget NAME --selector=SELECTOR --min-available=N|--max-unavailable=N`,
 * as kubectl v1.32's `create_pdb.go` builds the policy/v1 PodDisruptionBudget: the selector
 * through `metav1.ParseToLabelSelector` (equality in matchLabels, set-based requirements in
 * matchExpressions, sorted by key), N a number or a percentage.
 */
import type { KObject } from "../../../model/types";
import { parseLabelQuery } from "../../../model/labels";
import type { CommandContext, CommandResult, CommandSpec, ParsedArgs } from "../../command";
import { flagString } from "../../args";
import { result } from "./common";
import { CREATE_GENERATOR_FLAGS, createGeneratedObject, nameFromArgs } from "./create-job-common";

/** One `matchExpressions` entry. */
interface SelectorRequirement {
  key: string;
  operator: "In" | "NotIn" | "Exists" | "DoesNotExist";
  values?: string[];
}

const OPERATORS = { in: "In", notin: "NotIn", exists: "Exists", "!": "DoesNotExist" } as const;

/** `metav1.ParseToLabelSelector`: the LabelSelector a `-l` style string stands for, or kubectl's error. */
export function parseToLabelSelector(selector: string): { ok: true; selector: Record<string, unknown> } | { ok: false; error: string } {
  const comparison = /(?:^|,)\s*[\w./-]+\s*([<>])/.exec(selector);
  if (comparison) return { ok: false, error: `error: "${comparison[1] === ">" ? "gt" : "lt"}" isn't supported in label selectors\n` };
  const parsed = parseLabelQuery(selector);
  if (!parsed.ok) return { ok: false, error: `error: couldn't parse the selector string "${selector}": ${parsed.error.replace(/^error: /, "")}\n` };
  const requirements = [...parsed.requirements].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const matchLabels: Record<string, string> = {};
  const matchExpressions: SelectorRequirement[] = [];
  for (const r of requirements) {
    if (r.op === "=") {
      matchLabels[r.key] = r.values[0];
      continue;
    }
    if (r.op === "!=") return { ok: false, error: 'error: "!=" is not a valid label selector operator\n' };
    const req: SelectorRequirement = { key: r.key, operator: OPERATORS[r.op] };
    const values = [...new Set(r.values)].sort();
    if (values.length > 0) req.values = values;
    matchExpressions.push(req);
  }
  const out: Record<string, unknown> = {};
  if (matchExpressions.length > 0) out.matchExpressions = matchExpressions;
  if (Object.keys(matchLabels).length > 0) out.matchLabels = matchLabels;
  return { ok: true, selector: out };
}

/** `intstr.Parse`: a number when the text is a decimal integer within int32, else the text. */
export function parseIntOrString(text: string): number | string {
  if (!/^[+-]?\d+$/.test(text)) return text;
  const n = Number(text);
  return n >= -(2 ** 31) && n <= 2 ** 31 - 1 ? n : text;
}

/** kubectl's `^[0-9]+%?$` check of --min-available and --max-unavailable. */
const BUDGET = /^[0-9]+%?$/;

function run(ctx: CommandContext, args: ParsedArgs): CommandResult {
  const n = nameFromArgs(args, "kubectl create poddisruptionbudget");
  if (!n.ok) return result("", n.error);
  const selectorText = flagString(args.flags, "selector");
  const minAvailable = flagString(args.flags, "min-available");
  const maxUnavailable = flagString(args.flags, "max-unavailable");
  if (selectorText === "") return result("", "error: a selector must be specified\n");
  if (minAvailable === "" && maxUnavailable === "") return result("", "error: one of min-available or max-unavailable must be specified\n");
  if (minAvailable !== "" && maxUnavailable !== "") return result("", "error: min-available and max-unavailable cannot be both specified\n");
  if (minAvailable !== "" && !BUDGET.test(minAvailable)) return result("", "error: invalid format specified for min-available\n");
  if (maxUnavailable !== "" && !BUDGET.test(maxUnavailable)) return result("", "error: invalid format specified for max-unavailable\n");
  const selector = parseToLabelSelector(selectorText);
  if (!selector.ok) return result("", selector.error);
  const spec: Record<string, unknown> = { selector: selector.selector };
  if (minAvailable !== "") spec.minAvailable = parseIntOrString(minAvailable);
  else spec.maxUnavailable = parseIntOrString(maxUnavailable);
  const pdb = {
    apiVersion: "policy/v1",
    kind: "PodDisruptionBudget",
    metadata: { name: n.name },
    spec,
    status: { currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 },
  } as unknown as KObject;
  return createGeneratedObject(ctx, args, pdb, "failed to create poddisruptionbudgets:");
}

/** `kubectl create poddisruptionbudget` (alias `pdb`). */
export const createPodDisruptionBudgetCommand: CommandSpec = {
  path: ["create", "poddisruptionbudget"],
  short: "Create a pod disruption budget with the specified name",
  usage: "kubectl create poddisruptionbudget NAME --selector=SELECTOR --min-available=N [--dry-run=server|client|none] [options]",
  flags: [
    ...CREATE_GENERATOR_FLAGS.slice(0, 3),
    { name: "max-unavailable", type: "string", default: "", description: "The maximum number or percentage of unavailable pods this budget requires." },
    { name: "min-available", type: "string", default: "", description: "The minimum number or percentage of available pods this budget requires." },
    ...CREATE_GENERATOR_FLAGS.slice(3, 5),
    { name: "selector", type: "string", default: "", description: "A label selector to use for this budget. Only equality-based selector requirements are supported." },
    ...CREATE_GENERATOR_FLAGS.slice(5),
  ],
  run,
};
