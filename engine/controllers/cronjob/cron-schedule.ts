/**
 * Cron schedules as the CronJob controller reads them (robfig/cron's standard parser): five
 * fields (minute, hour, day of month, month, day of week) with `*`, `?`, lists, ranges, steps
 * and month/day names, or a descriptor (`@yearly`, `@annually`, `@monthly`, `@weekly`,
 * `@daily`, `@midnight`, `@hourly`), evaluated in UTC or in an IANA time zone (`timeZone`).
 * Time zones use the runtime's Intl data: pure functions of the instant, no clock reads.
 */

/** A parsed schedule: the allowed values of each field as bit sets, and whether day fields were `*`. */
export interface CronSchedule {
  minutes: bigint;
  hours: bigint;
  dom: bigint;
  months: bigint;
  dow: bigint;
  domStar: boolean;
  dowStar: boolean;
}

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
const DAYS: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };

const DESCRIPTORS: Record<string, string> = {
  "@yearly": "0 0 1 1 *",
  "@annually": "0 0 1 1 *",
  "@monthly": "0 0 1 * *",
  "@weekly": "0 0 * * 0",
  "@daily": "0 0 * * *",
  "@midnight": "0 0 * * *",
  "@hourly": "0 * * * *",
};

interface Bounds {
  min: number;
  max: number;
  names?: Record<string, number>;
}
const FIELDS: Bounds[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: MONTHS },
  { min: 0, max: 6, names: DAYS },
];

function parseValue(text: string, b: Bounds): number {
  const named = b.names?.[text.toLowerCase()];
  if (named !== undefined) return named;
  if (!/^\d+$/.test(text)) throw new Error(`failed to parse int from ${text}: strconv.Atoi: parsing "${text}": invalid syntax`);
  return Number(text);
}

/** One field (`*\/15`, `1-5`, `mon,wed,fri`) to a bit set; `star` when it began with `*` or `?`. */
function parseField(field: string, b: Bounds): { bits: bigint; star: boolean } {
  let bits = 0n;
  let star = false;
  for (const part of field.split(",")) {
    const [range, stepText, extra] = part.split("/");
    if (extra !== undefined) throw new Error(`too many slashes: ${part}`);
    let lo: number;
    let hi: number;
    if (range === "*" || range === "?") {
      lo = b.min;
      hi = b.max;
      star = true;
    } else {
      const [a, z, more] = range.split("-");
      if (more !== undefined) throw new Error(`too many hyphens: ${range}`);
      lo = parseValue(a, b);
      hi = z === undefined ? lo : parseValue(z, b);
      if (z === undefined && stepText !== undefined) hi = b.max;
    }
    let step = 1;
    if (stepText !== undefined) {
      if (!/^\d+$/.test(stepText)) throw new Error(`failed to parse int from ${stepText}: strconv.Atoi: parsing "${stepText}": invalid syntax`);
      step = Number(stepText);
      if (step === 0) throw new Error(`step of range should be a positive number: ${part}`);
    }
    if (lo < b.min) throw new Error(`beginning of range (${lo}) below minimum (${b.min}): ${part}`);
    if (hi > b.max) throw new Error(`end of range (${hi}) above maximum (${b.max}): ${part}`);
    if (lo > hi) throw new Error(`beginning of range (${lo}) beyond end of range (${hi}): ${part}`);
    for (let v = lo; v <= hi; v += step) bits |= 1n << BigInt(v);
  }
  return { bits, star };
}

/** Parses a schedule, or throws with robfig/cron's message. */
export function parseCronSchedule(spec: string): CronSchedule {
  let text = spec.trim();
  if (text.startsWith("@")) {
    const d = DESCRIPTORS[text.toLowerCase()];
    if (!d) throw new Error(`unrecognized descriptor: ${text}`);
    text = d;
  }
  const fields = text.split(/\s+/).filter(Boolean);
  if (fields.length !== 5) throw new Error(`expected exactly 5 fields, found ${fields.length}: [${fields.join(" ")}]`);
  const [mi, h, dom, mo, dow] = fields.map((f, i) => parseField(f, FIELDS[i]));
  return { minutes: mi.bits, hours: h.bits, dom: dom.bits, months: mo.bits, dow: dow.bits, domStar: dom.star, dowStar: dow.star };
}

/** Whether `spec` parses. */
export function cronScheduleError(spec: string): string | undefined {
  try {
    parseCronSchedule(spec);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

const has = (bits: bigint, v: number) => ((bits >> BigInt(v)) & 1n) === 1n;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Minutes east of UTC of `zone` at instant `ms` (0 for UTC, or an unknown zone). */
export function zoneOffsetMinutes(zone: string | undefined, ms: number): number {
  if (!zone || zone === "UTC" || zone === "Etc/UTC") return 0;
  let f = formatters.get(zone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
    } catch {
      return 0;
    }
    formatters.set(zone, f);
  }
  const parts: Record<string, number> = {};
  for (const p of f.formatToParts(new Date(ms))) if (p.type !== "literal") parts[p.type] = Number(p.value);
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

/** Whether `zone` is a time zone the runtime knows. */
export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function dayMatches(s: CronSchedule, d: Date): boolean {
  const domOk = has(s.dom, d.getUTCDate());
  const dowOk = has(s.dow, d.getUTCDay());
  if (s.domStar || s.dowStar) return domOk && dowOk;
  return domOk || dowOk;
}

/**
 * The first schedule time strictly after `afterMs` (`Schedule.Next`), in `zone`; Infinity when
 * none falls within five years.
 */
export function nextScheduleTime(s: CronSchedule, afterMs: number, zone?: string): number {
  // Walk the wall clock of the zone, expressed as a UTC date, and convert back at the end.
  const offset0 = zoneOffsetMinutes(zone, afterMs);
  const wall = new Date(Math.floor((afterMs + offset0 * 60_000) / 60_000) * 60_000 + 60_000);
  const limit = wall.getUTCFullYear() + 5;
  while (wall.getUTCFullYear() <= limit) {
    if (!has(s.months, wall.getUTCMonth() + 1)) {
      wall.setUTCMonth(wall.getUTCMonth() + 1, 1);
      wall.setUTCHours(0, 0, 0, 0);
      continue;
    }
    if (!dayMatches(s, wall)) {
      wall.setUTCDate(wall.getUTCDate() + 1);
      wall.setUTCHours(0, 0, 0, 0);
      continue;
    }
    if (!has(s.hours, wall.getUTCHours())) {
      wall.setUTCHours(wall.getUTCHours() + 1, 0, 0, 0);
      continue;
    }
    if (!has(s.minutes, wall.getUTCMinutes())) {
      wall.setUTCMinutes(wall.getUTCMinutes() + 1, 0, 0);
      continue;
    }
    const guess = wall.getTime() - offset0 * 60_000;
    const offset = zoneOffsetMinutes(zone, guess);
    const at = wall.getTime() - offset * 60_000;
    if (at > afterMs) return at;
    wall.setUTCMinutes(wall.getUTCMinutes() + 1, 0, 0);
  }
  return Infinity;
}
