import { parse as parseYaml } from "yaml";
import type { AppModel } from "../model/world";

/**
 * An application's settings, built as its framework would: defaults, packaged profile
 * settings, external config files, environment variables, command-line properties.
 */

/** Reads a file of the container, or undefined when it does not exist. */
export type FileReader = (path: string) => string | undefined;

const parsedFiles = new Map<string, Record<string, string>>();

/** Flattens nested YAML maps to dotted keys (`customerinfo: {url: x}` → `customerinfo.url`). */
function flatten(value: unknown, prefix: string, out: Record<string, string>): void {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    out[prefix] = value.map(String).join(",");
    value.forEach((v, i) => flatten(v, `${prefix}[${i}]`, out));
    return;
  }
  if (typeof value === "object") {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
    return;
  }
  out[prefix] = String(value);
}

/** Parses a `.yml`/`.yaml` or `.properties` file to flat settings (cached by content). A file that does not parse gives none. */
export function parseSettingsFile(path: string, content: string): Record<string, string> {
  const cacheKey = `${path.endsWith(".properties") ? "p" : "y"}\u0000${content}`;
  const cached = parsedFiles.get(cacheKey);
  if (cached) return cached;
  const out: Record<string, string> = {};
  if (path.endsWith(".properties")) {
    for (const raw of content.split("\n")) {
      const line = raw.trim();
      if (!line || line.startsWith("#") || line.startsWith("!")) continue;
      const m = /^([^=:\s]+)\s*[=:]\s*(.*)$/.exec(line);
      if (m) out[m[1]] = m[2];
    }
  } else {
    try {
      flatten(parseYaml(content), "", out);
    } catch {
      // an unparsable file contributes nothing
    }
  }
  if (parsedFiles.size > 500) parsedFiles.clear();
  parsedFiles.set(cacheKey, out);
  return out;
}

/** Spring Boot relaxed binding of an environment variable name (`CUSTOMERINFO_URL` → `customerinfo.url`). */
export function relaxedName(envName: string): string {
  return envName.toLowerCase().replace(/_/g, ".");
}

/** Active profiles of an app given its settings so far. */
/** Relaxed names of upper-case variable names (null for other names), by name: pure and asked at every start. Bounded. */
const relaxedByEnvName = new Map<string, string | null>();

function relaxedSettingOf(envName: string): string | null {
  let name = relaxedByEnvName.get(envName);
  if (name === undefined) {
    name = /^[A-Z0-9_]+$/.test(envName) ? relaxedName(envName) : null;
    if (relaxedByEnvName.size >= 5_000) relaxedByEnvName.clear();
    relaxedByEnvName.set(envName, name);
  }
  return name;
}

function activeProfiles(app: AppModel, s: Record<string, string>): string[] {
  const key = app.config?.profilesSetting;
  if (!key) return [];
  const v = s[key];
  return v ? v.split(",").map((p) => p.trim()).filter(Boolean) : [];
}

/** Settings and the profiles that produced them. */
export interface ResolvedSettings {
  settings: Record<string, string>;
  profiles: string[];
}

/**
 * Resolves an application's settings from its config rules, the process environment, the
 * container's files and the command-line properties (`argSettings`).
 */
export function resolveSettings(app: AppModel, env: Record<string, string>, readFile: FileReader, argSettings: Record<string, string>): ResolvedSettings {
  const cfg = app.config ?? {};
  const fromEnv: Record<string, string> = {};
  if (cfg.relaxedEnv) {
    for (const [k, v] of Object.entries(env)) {
      const name = relaxedSettingOf(k);
      if (name !== null) fromEnv[name] = v;
    }
  }
  for (const [k, setting] of Object.entries(cfg.env ?? {})) if (env[k] !== undefined) fromEnv[setting] = env[k];
  const s: Record<string, string> = { ...(cfg.defaults ?? {}) };
  // The profiles themselves come from the highest-precedence sources first.
  const probe = { ...s };
  const baseFiles = (cfg.files ?? []).filter((f) => !f.includes("{profile}"));
  for (const f of baseFiles) {
    const c = readFile(f);
    if (c !== undefined) Object.assign(probe, parseSettingsFile(f, c));
  }
  Object.assign(probe, fromEnv, argSettings);
  const profiles = activeProfiles(app, probe);
  for (const p of profiles) Object.assign(s, cfg.profileDefaults?.[p] ?? {});
  for (const f of cfg.files ?? []) {
    const paths = f.includes("{profile}") ? profiles.map((p) => f.replace("{profile}", p)) : [f];
    for (const path of paths) {
      const c = readFile(path);
      if (c !== undefined) Object.assign(s, parseSettingsFile(path, c));
    }
  }
  Object.assign(s, fromEnv, argSettings);
  return { settings: s, profiles };
}
