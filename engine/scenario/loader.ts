/**
 * Loading scenario files: YAML → zod validation → a check that every variant renders (all
 * template names known, every manifest parses, every rendered check is well-formed).
 * Pure: works on `{ path, text }` pairs, so the web build can bundle the YAML. Reading
 * the `scenarios/` folder from disk is in `load-files.ts`.
 */
import { parse as parseYaml, YAMLParseError } from "yaml";
import { z } from "zod";
import { scenarioFileSchema, renderedSchemas, type Family, type ScenarioFile } from "./schema";
import { everyVariant } from "./params";
import { renderDeep, renderText, TemplateError } from "./template";
import { ManifestError, parseManifests } from "./manifests";
import { parseDuration } from "./duration";

/** A validated scenario, ready to instantiate. */
export interface Scenario {
  id: string;
  title: string;
  family: Family;
  difficulty: 1 | 2 | 3;
  tags: string[];
  /** Where it was loaded from (for messages). */
  path: string;
  file: ScenarioFile;
  /**
   * Drawn for one seed (a generated incident): each instance is simulated for itself instead
   * of restored from a simulation kept for the scenario's variant (scenario-snapshot.ts).
   */
  oneOff?: boolean;
}

/** A scenario file's text and where it came from. */
export interface ScenarioSource {
  path: string;
  text: string;
}

/**
 * Raised for invalid scenario files. `issues` has one line per problem, each starting with
 * the file's path and the field at fault: `scenarios/pending-cpu.yaml: checks[2].kind: …`.
 */
export class ScenarioError extends Error {
  constructor(readonly issues: string[]) {
    super(issues.join("\n"));
    this.name = "ScenarioError";
  }
}

/** All loaded scenarios, by id and in catalogue order (family, difficulty, id). */
export class Catalogue {
  private readonly byId = new Map<string, Scenario>();
  /** Scenarios in catalogue order. */
  readonly scenarios: readonly Scenario[];

  constructor(scenarios: Scenario[]) {
    for (const s of scenarios) this.byId.set(s.id, s);
    this.scenarios = [...scenarios].sort(compareScenarios);
  }

  /** The scenario with this id, or undefined. */
  get(id: string): Scenario | undefined {
    return this.byId.get(id);
  }

  /** Scenarios in catalogue order. */
  list(): readonly Scenario[] {
    return this.scenarios;
  }
}

const FAMILY_ORDER: Record<Family, number> = { "image-pull": 0, pending: 1, crashloop: 2, "container-config": 3, networking: 4, rollout: 5, capstone: 6 };

function compareScenarios(a: Scenario, b: Scenario): number {
  return FAMILY_ORDER[a.family] - FAMILY_ORDER[b.family] || a.difficulty - b.difficulty || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Formats a zod issue path as `checks[2].kind`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : out === "" ? String(p) : `.${String(p)}`;
  return out || "(root)";
}

/** Parses and validates one scenario file; throws `ScenarioError` listing every problem. */
export function parseScenario(source: ScenarioSource): Scenario {
  const { path, text } = source;
  let data: unknown;
  try {
    data = parseYaml(text, { prettyErrors: true });
  } catch (e) {
    const msg = e instanceof YAMLParseError ? e.message.split("\n")[0] : String(e);
    throw new ScenarioError([`${path}: ${msg}`]);
  }
  const parsed = scenarioFileSchema.safeParse(data);
  if (!parsed.success) throw new ScenarioError(parsed.error.issues.map((i) => `${path}: ${formatPath(i.path)}: ${i.message}`));
  const file = parsed.data;
  const issues = semanticIssues(file).map((m) => `${path}: ${m}`);
  if (issues.length > 0) throw new ScenarioError(issues);
  return { id: file.id, title: file.title, family: file.family, difficulty: file.difficulty as 1 | 2 | 3, tags: file.tags, path, file };
}

/** Problems zod cannot see: templates, manifests and checks of every variant, cross-references. */
function semanticIssues(file: ScenarioFile): string[] {
  const issues = new Set<string>();
  const ids = new Set<string>();
  file.checks.forEach((c, i) => {
    if (ids.has(c.id)) issues.add(`checks[${i}].id: duplicate check id "${c.id}"`);
    ids.add(c.id);
  });
  file.nonFixes.forEach((n, i) =>
    n.fails.forEach((id, j) => {
      if (!ids.has(id)) issues.add(`nonFixes[${i}].fails[${j}]: no check with id "${id}"`);
    }),
  );
  if (!file.checks.some((c) => (c.role ?? defaultRoleOf(c.kind)) === "fixed")) issues.add(`checks: at least one check must have role fixed`);
  const variants = file.params.variants ?? [];
  if (variants.length > 0 && variants.length < 3) issues.add(`params.variants: a scenario needs at least 3 variants (has ${variants.length})`);
  for (const drawn of everyVariant(file)) {
    const where = `variant "${drawn.variant}"`;
    const p = drawn.values;
    const texts: [string, string][] = [];
    if (file.manifests !== undefined) texts.push(["manifests", file.manifests]);
    file.history?.forEach((h, i) => h.manifests !== undefined && texts.push([`history[${i}].manifests`, h.manifests]));
    for (const [field, t] of texts) {
      try {
        parseManifests(renderText(t, p));
      } catch (e) {
        if (e instanceof TemplateError || e instanceof ManifestError) issues.add(`${field} (${where}): ${e.message}`);
        else throw e;
      }
    }
    const deep: [string, unknown, z.ZodType | undefined][] = [
      ["brief", file.brief, undefined],
      ["explanation", file.explanation, undefined],
      ["solution", file.solution, undefined],
      ["nonFixes", file.nonFixes, undefined],
      ["world", file.world, undefined],
      ["history", file.history, undefined],
      ["checks", file.checks, z.array(renderedSchemas.check)],
      ["hints", file.hints, z.array(renderedSchemas.hint)],
    ];
    for (const [field, value, schema] of deep) {
      let rendered: unknown;
      try {
        rendered = renderDeep(value, p);
      } catch (e) {
        if (e instanceof TemplateError) {
          issues.add(`${field} (${where}): ${e.message}`);
          continue;
        }
        throw e;
      }
      if (field === "history" && Array.isArray(rendered)) {
        rendered.forEach((h: { ago: string }, i: number) => {
          try {
            parseDuration(h.ago);
          } catch {
            issues.add(`history[${i}].ago (${where}): "${h.ago}" is not a duration such as 90s, 10m, 2d or 1h30m`);
          }
        });
      }
      if (schema) {
        const r = schema.safeParse(rendered);
        if (!r.success) for (const i of r.error.issues) issues.add(`${formatPath([field, ...i.path])} (${where}): ${i.message}`);
      }
    }
  }
  return [...issues];
}

/** The role a check has when the file does not say: `fixed` for symptom checks, `diagnosis` for `diagnosed`, else `rootCause`. */
export function defaultRoleOf(kind: string): "fixed" | "rootCause" | "diagnosis" {
  if (kind === "diagnosed") return "diagnosis";
  if (kind === "workloadHealthy" || kind === "serviceHasEndpoints" || kind === "namespaceHealthy" || kind === "podsNotIn") return "fixed";
  return "rootCause";
}

/**
 * Builds a catalogue from in-memory sources (what the web build bundles). Every file is
 * validated; all problems of all files are reported together. Duplicate ids are an error.
 */
export function loadCatalogueFromSources(sources: ScenarioSource[]): Catalogue {
  const issues: string[] = [];
  const scenarios: Scenario[] = [];
  const seen = new Map<string, string>();
  for (const src of [...sources].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    try {
      const s = parseScenario(src);
      const other = seen.get(s.id);
      if (other) issues.push(`${src.path}: id: "${s.id}" is already used by ${other}`);
      else {
        seen.set(s.id, src.path);
        scenarios.push(s);
      }
    } catch (e) {
      if (e instanceof ScenarioError) issues.push(...e.issues);
      else throw e;
    }
  }
  if (issues.length > 0) throw new ScenarioError(issues);
  return new Catalogue(scenarios);
}
