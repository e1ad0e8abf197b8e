/**
 * The API server's validation errors (apimachinery `field.Error`) and how kubectl prints a
 * rejected write: `The Deployment "web" is invalid: spec.selector: Required value`.
 */

/** One validation failure on one field. */
export interface FieldError {
  /** `spec.template.spec.containers[0].image` */
  field: string;
  type: "Required" | "Invalid" | "Unsupported" | "Duplicate" | "NotFound" | "Forbidden" | "TooLong";
  /** The offending value, already formatted as Go prints it (see {@link goValue}). */
  value?: string;
  detail?: string;
}

const TYPE_TEXT: Record<FieldError["type"], string> = {
  Required: "Required value",
  Invalid: "Invalid value",
  Unsupported: "Unsupported value",
  Duplicate: "Duplicate value",
  NotFound: "Not found",
  Forbidden: "Forbidden",
  TooLong: "Too long",
};

/** The text after the field name (`ErrorBody`): `Invalid value: "x": detail`. */
export function errorBody(e: FieldError): string {
  let s = TYPE_TEXT[e.type];
  if (e.type !== "Required" && e.type !== "Forbidden" && e.value !== undefined) s += `: ${e.value}`;
  if (e.detail) s += `: ${e.detail}`;
  return s;
}

/** `field: body`, as kubectl prints each cause. */
export function formatFieldError(e: FieldError): string {
  return `${e.field}: ${errorBody(e)}`;
}

/** kubectl's text for a 422: one cause on the line, several as a `* ` list. */
export function formatInvalid(kind: string, name: string, errors: FieldError[]): string {
  const prefix = `The ${kind} "${name}" is invalid: `;
  const causes = dedupe(errors.map(formatFieldError));
  if (causes.length === 1) return `${prefix}${causes[0]}\n`;
  return `${prefix}\n${causes.map((c) => `* ${c}\n`).join("")}`;
}

function dedupe(list: string[]): string[] {
  return [...new Set(list)];
}

/** Go's `%q` of a string. */
export function goQuoted(s: string): string {
  return JSON.stringify(s);
}

/** Go's `%#v` of a `map[string]string`: `map[string]string{"app":"web"}`. */
export function goStringMap(m: Record<string, string> | undefined | null): string {
  if (!m) return "map[string]string(nil)";
  const keys = Object.keys(m).sort();
  return `map[string]string{${keys.map((k) => `${goQuoted(k)}:${goQuoted(String(m[k]))}`).join(", ")}}`;
}

/** Go's `%#v` of a `v1.LabelSelector` (as `field is immutable` errors print it). */
export function goLabelSelector(sel: { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] } | undefined): string {
  if (!sel) return "null";
  const labels = sel.matchLabels ? goStringMap(sel.matchLabels) : "map[string]string(nil)";
  const exprs = sel.matchExpressions
    ? `[]v1.LabelSelectorRequirement{${sel.matchExpressions
        .map(
          (e) =>
            `v1.LabelSelectorRequirement{Key:${goQuoted(e.key)}, Operator:${goQuoted(e.operator)}, Values:${
              e.values ? `[]string{${e.values.map(goQuoted).join(", ")}}` : "[]string(nil)"
            }}`,
        )
        .join(", ")}}`
    : "[]v1.LabelSelectorRequirement(nil)";
  return `v1.LabelSelector{MatchLabels:${labels}, MatchExpressions:${exprs}}`;
}

/** How `field.Invalid` prints a simple value: strings quoted, numbers and bools bare. */
export function goValue(v: unknown): string {
  if (v === null || v === undefined) return "null";
  if (typeof v === "string") return goQuoted(v);
  return String(v);
}
