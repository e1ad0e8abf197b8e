/**
 * The template syntax of scenario files: `{{ name }}` inserts a parameter, and filters
 * transform it: `{{ password | b64 }}` (base64), `| upper`, `| lower`, `| json` (a quoted
 * JSON/YAML string). Anything else between braces is left alone, so a kubectl
 * `-o jsonpath='{.items[*]}'` in a solution needs no escaping.
 */
import type { ParamValue } from "./schema";

const TEMPLATE = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*((?:\|\s*[a-z0-9]+\s*)*)\}\}/g;
const WHOLE = /^\s*\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}\s*$/;

/** Filters a template may apply, by name. */
export const TEMPLATE_FILTERS: Record<string, (v: string) => string> = {
  b64: (v) => base64(v),
  upper: (v) => v.toUpperCase(),
  lower: (v) => v.toLowerCase(),
  json: (v) => JSON.stringify(v),
};

/** Raised when a template names a parameter or filter that does not exist. */
export class TemplateError extends Error {}

/** Renders every `{{ … }}` in `text` from `params`; throws `TemplateError` for an unknown name. */
export function renderText(text: string, params: Record<string, ParamValue>): string {
  if (!text.includes("{{")) return text;
  return text.replace(TEMPLATE, (_m, name: string, filters: string) => {
    if (!(name in params)) throw new TemplateError(`unknown parameter "${name}"`);
    let v = String(params[name]);
    for (const f of filters.split("|").map((s) => s.trim()).filter(Boolean)) {
      const fn = TEMPLATE_FILTERS[f];
      if (!fn) throw new TemplateError(`unknown template filter "${f}"`);
      v = fn(v);
    }
    return v;
  });
}

/**
 * Renders templates in every string (and mapping key) of a parsed structure. A string that is nothing but
 * `{{ name }}` takes the parameter's own type (so `min: "{{ replicas }}"` becomes a number).
 */
export function renderDeep<T>(value: T, params: Record<string, ParamValue>): T {
  if (typeof value === "string") {
    const whole = WHOLE.exec(value);
    if (whole) {
      if (!(whole[1] in params)) throw new TemplateError(`unknown parameter "${whole[1]}"`);
      return params[whole[1]] as T;
    }
    return renderText(value, params) as T;
  }
  if (Array.isArray(value)) return value.map((v) => renderDeep(v, params)) as T;
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[renderText(k, params)] = renderDeep(v, params);
    return out as T;
  }
  return value;
}

/** Base64 of a UTF-8 string, without Node's Buffer (the engine also runs in the browser). */
export function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  const abc = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += abc[(n >> 18) & 63] + abc[(n >> 12) & 63];
    out += i + 1 < bytes.length ? abc[(n >> 6) & 63] : "=";
    out += i + 2 < bytes.length ? abc[n & 63] : "=";
  }
  return out;
}
