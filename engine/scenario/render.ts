/**
 * Rendering one variant of a scenario: every template in the file filled in with the drawn
 * parameters, and the rendered checks and hints validated. Cached per scenario and
 * parameter set, so sessions of the same variant share the work.
 */
import type { AppModel, ImageRepository } from "../model/world";
import type { Scenario } from "./loader";
import { renderedSchemas, type Check, type HintSpec, type NodeSpec, type ParamValue, type ScenarioFile } from "./schema";
import { renderDeep, renderText } from "./template";
import { parseDuration } from "./duration";

/** A non-fix of one variant: commands that must not pass grading. */
export interface NonFix {
  name: string;
  description?: string;
  commands: string[];
  /** Ids of the checks it must fail. */
  fails: string[];
  waitSeconds: number;
}

/** A history step of one variant, with its time resolved. */
export interface RenderedStep {
  /** Ms before the learner's time 0. */
  agoMs: number;
  manifests?: string;
  delete?: string[];
  cordon?: string[];
}

/** Everything of one scenario variant that does not depend on the seed beyond the parameters. */
export interface RenderedScenario {
  brief: string;
  explanation: string;
  solution: string[];
  nonFixes: NonFix[];
  checks: Check[];
  hints: HintSpec[];
  nodes?: NodeSpec[];
  repositories: ImageRepository[];
  apps: Record<string, AppModel>;
  hosts: { host: string; reachable: boolean; failure?: "no-such-host" | "timeout" }[];
  externalHosts?: Record<string, { reachable: boolean; status?: number; body?: string }>;
  clusterAgeMs?: number;
  steps: RenderedStep[];
  contextNamespace?: string;
  solutionWaitSeconds: number;
}

const cache = new WeakMap<Scenario, Map<string, RenderedScenario>>();

/** Renders (or returns the cached rendering of) `scenario` with `params`. */
export function renderScenario(scenario: Scenario, params: Record<string, ParamValue>): RenderedScenario {
  let perScenario = cache.get(scenario);
  if (!perScenario) {
    perScenario = new Map();
    cache.set(scenario, perScenario);
  }
  const key = JSON.stringify(Object.entries(params).sort(([a], [b]) => (a < b ? -1 : 1)));
  let r = perScenario.get(key);
  if (!r) {
    r = renderUncached(scenario.file, params);
    perScenario.set(key, r);
  }
  return r;
}

function renderUncached(f: ScenarioFile, p: Record<string, ParamValue>): RenderedScenario {
  const world = renderDeep(f.world, p);
  const steps: RenderedStep[] = f.history
    ? f.history.map((h) => ({ agoMs: parseDuration(renderText(h.ago, p)), manifests: h.manifests !== undefined ? renderText(h.manifests, p) : undefined, delete: h.delete?.map((d) => renderText(d, p)), cordon: h.cordon?.map((d) => renderText(d, p)) }))
    : [{ agoMs: parseDuration(f.appliedAgo ?? "6m"), manifests: renderText(f.manifests ?? "", p) }];
  steps.sort((a, b) => b.agoMs - a.agoMs);
  const apps: Record<string, AppModel> = {};
  for (const a of world.apps ?? []) apps[String(a.id)] = a as unknown as AppModel;
  return {
    brief: renderText(f.brief, p),
    explanation: renderText(f.explanation, p),
    solution: f.solution.map((s) => renderText(s, p)),
    nonFixes: f.nonFixes.map((n) => ({ name: n.name, description: n.description && renderText(n.description, p), commands: n.commands.map((c) => renderText(c, p)), fails: n.fails, waitSeconds: n.waitSeconds ?? 120 })),
    checks: renderedSchemas.check.array().parse(renderDeep(f.checks, p)),
    hints: renderedSchemas.hint.array().parse(renderDeep(f.hints, p)),
    nodes: world.nodes,
    repositories: (world.repositories ?? []) as unknown as ImageRepository[],
    apps,
    hosts: world.hosts ?? [],
    externalHosts: world.externalHosts,
    clusterAgeMs: world.clusterAge ? parseDuration(world.clusterAge) : undefined,
    steps,
    contextNamespace: f.contextNamespace ? renderText(f.contextNamespace, p) : undefined,
    solutionWaitSeconds: f.solutionWaitSeconds ?? 120,
  };
}
