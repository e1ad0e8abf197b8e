/** Checks over what the learner did (the action log): workarounds used, diagnosis done. */
import { KINDS } from "../../model/kinds";
import type { LoggedAction } from "../action-log";
import type { Condition } from "../schema";
import { fail, pass, type CheckContext, type CheckOutcome } from "./context";

type CheckOf<K extends Condition["kind"]> = Extract<Condition, { kind: K }>;

function isCommand(a: LoggedAction): boolean {
  return a.type === "command" || a.type === "edit";
}

/** `noCommand`: no command the learner ran matches `pattern` (a regular expression over the raw input). */
export function noCommand(c: CheckOf<"noCommand">, ctx: CheckContext): CheckOutcome {
  const re = new RegExp(c.pattern);
  const hit = ctx.log.find((a) => isCommand(a) && a.exitCode === 0 && re.test(a.input));
  if (!hit) return pass(`no workaround command was used`);
  return fail(`\`${hit.input.split("\n")[0]}\`${c.reason ? `: ${c.reason}` : " is a workaround, not a fix"}`);
}

const kindWords = new Map<string, RegExp>();
function kindWord(kind: string): RegExp {
  let re = kindWords.get(kind);
  if (!re) {
    const info = KINDS.find((k) => k.kind.toLowerCase() === kind.toLowerCase());
    const words = info ? [info.resource, info.singular, ...info.shortNames] : [kind.toLowerCase()];
    re = new RegExp(`(^|[\\s,])(${words.join("|")})(\\.[a-z0-9.]+)?([\\s,/]|$)`, "i");
    kindWords.set(kind, re);
  }
  return re;
}

type Step = CheckOf<"diagnosed">["anyOf"][number];

/** Whether a logged action is one of the diagnosis steps. */
export function matchesStep(a: LoggedAction, step: Step): boolean {
  if (!isCommand(a) || !a.command) return false;
  if (a.command.join(" ") !== step.command) return false;
  if (step.input && !new RegExp(step.input).test(a.input)) return false;
  if (step.kinds && step.kinds.length > 0) {
    const targets = a.targets ?? [];
    const byTarget = targets.some((t) => step.kinds!.some((k) => k.toLowerCase() === t.kind.toLowerCase()));
    const byWord = step.kinds.some((k) => kindWord(k).test(a.input.split("\n")[0]));
    if (!byTarget && !byWord) return false;
  }
  return true;
}

/**
 * `diagnosed`: one of the steps was run before the first change to the cluster (or at all,
 * with `before: end`). A failing exit code still counts: `rollout status` exits 1 on a stalled
 * rollout and `logs` on a waiting container, and both are the evidence the learner needs.
 */
export function diagnosed(c: CheckOf<"diagnosed">, ctx: CheckContext): CheckOutcome {
  const firstMutation = ctx.log.findIndex((a) => a.mutating);
  const end = c.before === "firstMutation" && firstMutation >= 0 ? firstMutation : ctx.log.length;
  const wanted = c.anyOf.map((s) => `kubectl ${s.command}${s.kinds ? ` ${s.kinds.map((k) => k.toLowerCase()).join("|")}` : ""}`).join(", or ");
  for (let i = 0; i < end; i++) {
    const a = ctx.log[i];
    if (c.anyOf.some((s) => matchesStep(a, s))) return pass(`looked at the evidence first: \`${a.input.split("\n")[0]}\``);
  }
  return fail(`diagnose before changing things: ${wanted}${c.before === "firstMutation" ? " before the first change" : ""}`);
}
