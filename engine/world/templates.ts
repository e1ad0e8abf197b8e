/**
 * Expands the placeholders of application log lines and HTTP bodies (see `AppLogLine`).
 */

/** What a template may refer to. */
export interface TemplateContext {
  /** Virtual time the line is written, ms since the epoch. */
  timeMs: number;
  /** Process start, ms since the epoch (for `{epoch}`-style and process-relative values). */
  processStartMs?: number;
  startupSeconds?: number;
  env?: Record<string, string>;
  settings?: Record<string, string>;
  profiles?: string[];
  port?: number;
  hostname?: string;
  /** Extra variables: `{value}`, `{url}`, `{error}`, `{option}`, `{file}`, `{path}`… */
  vars?: Record<string, string>;
  readFile?: (path: string) => string | undefined;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function pad(n: number, w = 2): string {
  return String(n).padStart(w, "0");
}

/** Formats a virtual time in one of the named log formats. */
export function formatLogTime(ms: number, format: string | undefined): string {
  const d = new Date(ms);
  const Y = d.getUTCFullYear();
  const M = pad(d.getUTCMonth() + 1);
  const D = pad(d.getUTCDate());
  const h = pad(d.getUTCHours());
  const m = pad(d.getUTCMinutes());
  const s = pad(d.getUTCSeconds());
  const ms3 = pad(d.getUTCMilliseconds(), 3);
  switch (format) {
    case "nginx":
      return `${Y}/${M}/${D} ${h}:${m}:${s}`;
    case "postgres":
      return `${Y}-${M}-${D} ${h}:${m}:${s}.${ms3} UTC`;
    case "python":
      return `${Y}-${M}-${D} ${h}:${m}:${s},${ms3}`;
    case "redis":
      return `${D} ${MONTHS[d.getUTCMonth()]} ${Y} ${h}:${m}:${s}.${ms3}`;
    case "clf":
      return `${D}/${MONTHS[d.getUTCMonth()]}/${Y}:${h}:${m}:${s} +0000`;
    default:
      return `${Y}-${M}-${D}T${h}:${m}:${s}.${ms3}Z`;
  }
}

/** Spring Boot's profile line (`No active profile set, …` / `The following 1 profile is active: "k8s"`). */
function springProfiles(profiles: string[] | undefined): string {
  if (!profiles || profiles.length === 0) return 'No active profile set, falling back to 1 default profile: "default"';
  const list = profiles.map((p) => `"${p}"`).join(", ");
  return profiles.length === 1 ? `The following 1 profile is active: ${list}` : `The following ${profiles.length} profiles are active: ${list}`;
}

const PLACEHOLDER = /\{([a-zA-Z]+)(?::([^}]*))?\}/g;

/** Expands every known placeholder in `text`; unknown ones are left as written. */
export function expandTemplate(text: string, ctx: TemplateContext): string {
  if (!text.includes("{")) return text;
  return text.replace(PLACEHOLDER, (whole, name: string, arg: string | undefined) => {
    switch (name) {
      case "time":
        return formatLogTime(ctx.timeMs, arg);
      case "epoch":
        return String(Math.floor(ctx.timeMs / 1000));
      case "env":
        return arg !== undefined ? ctx.env?.[arg] ?? "" : whole;
      case "setting":
        return arg !== undefined ? ctx.settings?.[arg] ?? "" : whole;
      case "file":
        return arg !== undefined ? ctx.readFile?.(arg) ?? "" : whole;
      case "port":
        return ctx.port !== undefined ? String(ctx.port) : whole;
      case "hostname":
        return ctx.hostname ?? whole;
      case "startupSeconds":
        return (ctx.startupSeconds ?? 0).toFixed(3);
      case "processSeconds":
        return String(Math.round(((ctx.startupSeconds ?? 0) + 0.48) * 1000) / 1000);
      case "millis":
        return String(Math.round((ctx.startupSeconds ?? 0) * Number(arg ?? "1") * 1000));
      case "springProfiles":
        return springProfiles(ctx.profiles);
      default:
        return ctx.vars && name in ctx.vars ? ctx.vars[name] : whole;
    }
  });
}
