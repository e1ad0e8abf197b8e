/**
 * What every terminal line's result must look like, whatever the input: a string of output,
 * an integer exit code, kubectl- or bash-style error text with a non-zero exit, and no trace
 * of the JavaScript underneath (stack frames, `undefined`, `[object Object]`, `NaN`, engine
 * exceptions reported as InternalError).
 */
import { parseShellLine, isFilter } from "../../../engine/kubectl/shell";
import { MAX_LINE_BYTES, utf8Length } from "../../../engine/kubectl/terminal";

/** The result shape the invariants read (`Session.run`'s). */
export interface LineResult {
  output: string;
  exitCode: number;
}

/** Error text as kubectl, cobra, bash, the text filters or a container's shell print it. */
const ERROR_TEXT = [
  /^error: \S/m,
  /^Error: \S/m,
  /^Error from server( \([A-Za-z]+\))?: \S/m,
  /^bash: /m,
  // after output that did not end its line (a template without "\n"), as a terminal shows it
  /bash: \S+: command not found$/m,
  /^(grep|head|tail|wc|sort|uniq|cut|awk|tr|base64|cat|less|sed|sh|ls|env|wget|curl|nslookup|ping|ps|[a-z0-9-]+): \S/m,
  /^command terminated with exit code \d+$/m,
  /^Unable to connect to the server/m,
  /^unable to \S/m,
  /^The \w+ "[^"]*" is invalid: /m,
  /^Usage:$/m,
  /^See 'kubectl .*--help' for usage\.$/m,
  /^Waiting for deployment .* rollout to finish/m,
  /^timed out waiting/m,
  /^The request is invalid: /m,
  /^failed to patch \S/m,
  /^E\d{4} [\d:.]+ +\d+ [\w.]+:\d+\] "command failed" err=/m,
  /^the server doesn't have a resource type "/m,
];

/** Fragments that only a JavaScript value or exception leaking into the output produces. */
const JS_LEAKS: { re: RegExp; unlessInInput?: RegExp }[] = [
  { re: /\n\s+at \S+ \(.*:\d+:\d+\)/ },
  { re: /\n\s+at (file|node):/ },
  { re: /\b(TypeError|ReferenceError|RangeError|SyntaxError|InternalError)\b/, unlessInInput: /(TypeError|ReferenceError|RangeError|SyntaxError|InternalError)/ },
  { re: /Cannot read propert(y|ies) of/ },
  { re: /is not a function|is not iterable|is not defined|Maximum call stack/ },
  { re: /in JSON at position|Unexpected token .* in JSON|Unexpected end of JSON input/ },
  { re: /\[object Object\]/, unlessInInput: /\[object Object\]/ },
  { re: /\bundefined\b/, unlessInInput: /undefined/i },
  { re: /\bNaN\b/, unlessInInput: /nan/i },
  { re: /(^|[^\w.])Infinity\b/, unlessInInput: /infinity|1e[3-9]\d\d|e\+?\d{3}|\d{309}/i },
];

/**
 * Whether a silent non-zero exit is expected of this line: its last stage may be a filter
 * that found nothing (`grep`), `false`, or a kubectl command whose exit code is an answer
 * (`diff`, `auth can-i`).
 */
function mayFailSilently(line: string): boolean {
  const parsed = parseShellLine(line);
  if (!parsed.ok) return false;
  for (const step of parsed.steps) {
    for (const stage of step.pipeline) {
      const name = stage.argv[0];
      if (name === undefined) continue;
      if (name === "false" || isFilter(name)) return true;
      if (name === "kubectl" && stage.argv.some((a) => a === "diff" || a === "can-i" || a === "exec" || a === "debug" || a === "run")) return true;
    }
  }
  return false;
}

/** Problems with one line's result; empty when the result is one a real terminal could show. */
export function problemsOf(input: string, r: LineResult): string[] {
  const problems: string[] = [];
  if (typeof r.output !== "string") return [`output is ${typeof r.output}, not a string`];
  if (!Number.isInteger(r.exitCode) || r.exitCode < 0 || r.exitCode > 255) problems.push(`exit code ${String(r.exitCode)}`);
  // `kubectl logs` prints the application's own output: a crashing Node.js or Java app's stack trace is the evidence.
  const showsAppOutput = /\bkubectl\b[^|;&]*\blogs\b/.test(input);
  for (const { re, unlessInInput } of showsAppOutput ? [] : JS_LEAKS) {
    if (re.test(r.output) && !(unlessInInput && unlessInInput.test(input))) problems.push(`output leaks JavaScript (${re.source}): ${excerpt(r.output, re)}`);
  }
  if (utf8Length(input) > MAX_LINE_BYTES) {
    if (r.exitCode === 0 || !/input too long/.test(r.output)) problems.push("oversized line not refused with a clear error");
    return problems;
  }
  if (r.exitCode !== 0 && !ERROR_TEXT.some((re) => re.test(r.output)) && !mayFailSilently(input)) {
    problems.push(`exit ${r.exitCode} without error text: ${JSON.stringify(r.output.slice(0, 300))}`);
  }
  return problems;
}

function excerpt(text: string, re: RegExp): string {
  const m = re.exec(text);
  const at = m ? m.index : 0;
  return JSON.stringify(text.slice(Math.max(0, at - 120), at + 120));
}
