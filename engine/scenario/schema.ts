/**
 * The scenario file format, as zod schemas. A scenario is data: a YAML file under
 * `scenarios/` that names its variants, its world, the manifests that break the cluster,
 * and the checks that tell a real fix from a workaround. `docs/authoring-scenarios.md`
 * explains every field to an author.
 *
 * The schemas are built twice from one definition: once for the file as written (numbers
 * may still be `{{ param }}` templates) and once for the rendered scenario of one variant
 * (numbers are numbers), which is what checks and hints evaluate.
 */
import { z } from "zod";

/** The families of the catalogue, by the symptom a learner first sees. */
export const FAMILIES = ["image-pull", "pending", "crashloop", "container-config", "networking", "rollout", "capstone"] as const;

/** A scenario family (see `FAMILIES`). */
export type Family = (typeof FAMILIES)[number];

/** How a check counts in the grade: see `engine/scenario/grade.ts`. */
export const CHECK_ROLES = ["fixed", "rootCause", "diagnosis"] as const;

/** A parameter value: what a variant assigns to a template name. */
export type ParamValue = string | number | boolean;

/** A Go-style duration as authors write it: `90s`, `10m`, `2d`, `1h30m`. */
const duration = z.string().regex(/^(\d+(d|h|m|s|ms))+$/, "expected a duration such as 90s, 10m, 2d or 1h30m");

/** A string that is only a template reference, e.g. `"{{ replicas }}"`. */
const templateRef = z.string().regex(/^\s*\{\{\s*[A-Za-z_][A-Za-z0-9_]*\s*\}\}\s*$/, "expected a number or a {{ param }} reference");

const quantity = z.union([z.string(), z.number()]).transform((v) => String(v));

function build<N extends z.ZodType<number | string>>(num: N) {
  const kindName = { kind: z.string().min(1), name: z.string().min(1), namespace: z.string().optional() };
  const workloadRef = { kind: z.string().default("Deployment"), name: z.string().min(1), namespace: z.string().optional() };
  const quantities = z.object({ cpu: quantity.optional(), memory: quantity.optional() }).strict();

  const diagnosisStep = z
    .object({
      /** The kubectl command path, space-joined: `describe`, `logs`, `get`, `rollout history`, `events`. */
      command: z.string().min(1),
      /** Kinds the command must name (any of), e.g. [Pod, Event]. */
      kinds: z.array(z.string()).optional(),
      /** A regular expression the raw input must match, e.g. `(--previous|-p)\b`. */
      input: z.string().optional(),
    })
    .strict();

  const specs = {
    workloadHealthy: z.object({ kind: z.literal("workloadHealthy"), workload: z.string().default("Deployment"), name: z.string().min(1), namespace: z.string().optional(), minReplicas: num.optional(), stableSeconds: num.optional() }).strict(),
    serviceHasEndpoints: z.object({ kind: z.literal("serviceHasEndpoints"), name: z.string().min(1), namespace: z.string().optional(), minReady: num.optional(), port: num.optional() }).strict(),
    namespaceHealthy: z.object({ kind: z.literal("namespaceHealthy"), namespace: z.string().min(1), stableSeconds: num.optional() }).strict(),
    podsNotIn: z.object({ kind: z.literal("podsNotIn"), namespace: z.string().min(1), selector: z.string().optional(), statuses: z.array(z.string()).min(1) }).strict(),
    sameUid: z.object({ kind: z.literal("sameUid"), object: z.string().min(1), name: z.string().min(1), namespace: z.string().optional() }).strict(),
    objectExists: z.object({ kind: z.literal("objectExists"), object: z.string().min(1), name: z.string().min(1), namespace: z.string().optional() }).strict(),
    replicasAtLeast: z.object({ kind: z.literal("replicasAtLeast"), workload: workloadRef.kind, name: workloadRef.name, namespace: workloadRef.namespace, min: num }).strict(),
    resourcesKept: z.object({ kind: z.literal("resourcesKept"), workload: workloadRef.kind, name: workloadRef.name, namespace: workloadRef.namespace, container: z.string().min(1), requests: quantities.optional(), limits: quantities.optional() }).strict(),
    probeKept: z.object({ kind: z.literal("probeKept"), workload: workloadRef.kind, name: workloadRef.name, namespace: workloadRef.namespace, container: z.string().min(1), probe: z.enum(["liveness", "readiness", "startup"]) }).strict(),
    imageIs: z.object({ kind: z.literal("imageIs"), workload: workloadRef.kind, name: workloadRef.name, namespace: workloadRef.namespace, container: z.string().min(1), image: z.string().optional(), pattern: z.string().optional() }).strict(),
    fieldEquals: z.object({ kind: z.literal("fieldEquals"), object: kindName.kind, name: kindName.name, namespace: kindName.namespace, path: z.string().min(1), value: z.unknown(), orAbsent: z.boolean().optional() }).strict(),
    fieldMatches: z.object({ kind: z.literal("fieldMatches"), object: kindName.kind, name: kindName.name, namespace: kindName.namespace, path: z.string().min(1), pattern: z.string().min(1), orAbsent: z.boolean().optional() }).strict(),
    noCommand: z.object({ kind: z.literal("noCommand"), pattern: z.string().min(1), reason: z.string().optional() }).strict(),
    diagnosed: z.object({ kind: z.literal("diagnosed"), anyOf: z.array(diagnosisStep).min(1), before: z.enum(["firstMutation", "end"]).default("firstMutation") }).strict(),
  };

  const common = {
    /** A stable id, shown to the learner next to the check's message. */
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "expected a kebab-case id"),
    role: z.enum(CHECK_ROLES).optional(),
    /** What the learner reads when the check fails (templates allowed); a generated message otherwise. */
    message: z.string().optional(),
    /** What the learner reads when it passes. */
    passMessage: z.string().optional(),
  };

  const condition = z.discriminatedUnion("kind", [
    specs.workloadHealthy, specs.serviceHasEndpoints, specs.namespaceHealthy, specs.podsNotIn, specs.sameUid,
    specs.objectExists, specs.replicasAtLeast, specs.resourcesKept, specs.probeKept, specs.imageIs,
    specs.fieldEquals, specs.fieldMatches, specs.noCommand, specs.diagnosed,
  ]);
  const check = z.discriminatedUnion("kind", [
    specs.workloadHealthy.extend(common), specs.serviceHasEndpoints.extend(common), specs.namespaceHealthy.extend(common),
    specs.podsNotIn.extend(common), specs.sameUid.extend(common), specs.objectExists.extend(common),
    specs.replicasAtLeast.extend(common), specs.resourcesKept.extend(common), specs.probeKept.extend(common),
    specs.imageIs.extend(common), specs.fieldEquals.extend(common), specs.fieldMatches.extend(common),
    specs.noCommand.extend(common), specs.diagnosed.extend(common),
  ]);

  const hint = z.union([
    z.string().min(1),
    z
      .object({
        text: z.string().min(1),
        /** Shown only while this condition holds; `otherwise` is shown instead. */
        when: condition.optional(),
        /** Shown when `when` does not hold. */
        otherwise: z.string().optional(),
      })
      .strict()
      .refine((h) => !h.when || h.otherwise !== undefined, { message: "a hint with `when` needs `otherwise`", path: ["otherwise"] }),
  ]);

  return { condition, check, hint };
}

const raw = build(z.union([z.number(), templateRef]));
const rendered = build(z.number());

/** One node of the scenario's cluster. */
const nodeSchema = z
  .object({
    name: z.string().min(1),
    role: z.enum(["control-plane", "worker"]).default("worker"),
    cpu: quantity.default("4"),
    memory: quantity.default("8Gi"),
    pods: z.number().int().positive().optional(),
    labels: z.record(z.string(), z.string()).optional(),
    taints: z.array(z.object({ key: z.string(), value: z.string().optional(), effect: z.enum(["NoSchedule", "PreferNoSchedule", "NoExecute"]) }).strict()).optional(),
    unschedulable: z.boolean().optional(),
  })
  .strict();

/** A change to the cluster some time before the learner arrives. */
const historyStep = z
  .object({
    /** How long before the learner's time 0 this happened (a duration, or a `{{ param }}` holding one). */
    ago: z.union([duration, templateRef]),
    /** Kubernetes YAML (multi-document), applied like `kubectl apply` (text templates allowed). */
    manifests: z.string().optional(),
    /** Objects deleted, as `Kind/name` or `Kind/namespace/name`. */
    delete: z.array(z.string()).optional(),
    /** Nodes cordoned (spec.unschedulable) at that time. */
    cordon: z.array(z.string()).optional(),
  })
  .strict();

const paramValue = z.union([z.string(), z.number(), z.boolean()]);

/** The scenario file as written (before any variant is rendered). */
export const scenarioFileSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "expected a kebab-case id"),
    title: z.string().min(1),
    family: z.enum(FAMILIES),
    difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    tags: z.array(z.string()).default([]),
    brief: z.string().min(1),
    params: z
      .object({
        variants: z.array(z.object({ name: z.string().min(1), values: z.record(z.string(), paramValue) }).strict()).min(1).optional(),
        choices: z.record(z.string(), z.array(paramValue).min(1)).optional(),
      })
      .strict()
      .default({}),
    /** The namespace the learner's kubeconfig context points at (`default` when absent). */
    contextNamespace: z.string().optional(),
    world: z
      .object({
        nodes: z.array(nodeSchema).min(1).optional(),
        /** Extra registry hosts (or overrides of the library's, by host). */
        hosts: z.array(z.object({ host: z.string(), reachable: z.boolean(), failure: z.enum(["no-such-host", "timeout"]).optional() }).strict()).optional(),
        /** Extra repositories (or overrides of the library's, by name). */
        repositories: z.array(z.record(z.string(), z.unknown())).optional(),
        /** Extra application models (or overrides of the library's, by id). */
        apps: z.array(z.record(z.string(), z.unknown())).optional(),
        externalHosts: z.record(z.string(), z.object({ reachable: z.boolean(), status: z.number().optional(), body: z.string().optional() }).strict()).optional(),
        /** How long the cluster has existed before the learner arrives (nodes, system objects). */
        clusterAge: duration.optional(),
      })
      .strict()
      .default({}),
    manifests: z.string().optional(),
    /** When `manifests` were applied, before the learner's time 0 (default 6m). */
    appliedAgo: duration.optional(),
    history: z.array(historyStep).min(1).optional(),
    hints: z.array(raw.hint).min(3),
    checks: z.array(raw.check).min(1),
    par: z.number().int().positive(),
    explanation: z.string().min(1),
    solution: z.array(z.string().min(1)).min(1),
    nonFixes: z
      .array(
        z
          .object({
            name: z.string().min(1),
            description: z.string().optional(),
            commands: z.array(z.string().min(1)).min(1),
            /** Ids of checks this non-fix must fail (tested). */
            fails: z.array(z.string()).min(1),
            /** Virtual seconds to wait after the commands before grading (default 120). */
            waitSeconds: z.number().optional(),
          })
          .strict(),
      )
      .min(1),
    /** Virtual seconds the reference solution needs before its checks pass (default 120). */
    solutionWaitSeconds: z.number().optional(),
  })
  .strict()
  .refine((s) => (s.manifests === undefined) !== (s.history === undefined), {
    message: "give either `manifests` (with optional `appliedAgo`) or `history`, not both",
    path: ["manifests"],
  });

/** A scenario file as parsed (templates not yet rendered). */
export type ScenarioFile = z.infer<typeof scenarioFileSchema>;

/** Schemas of the rendered parts of a scenario (numbers resolved). */
export const renderedSchemas = rendered;

/** A check of one rendered variant. */
export type Check = z.infer<typeof rendered.check>;

/** A check's condition without id and role (used by hints). */
export type Condition = z.infer<typeof rendered.condition>;

/** A hint of one rendered variant. */
export type HintSpec = z.infer<typeof rendered.hint>;

/** A node as the scenario declares it. */
export type NodeSpec = z.infer<typeof nodeSchema>;

/** A history step as the scenario declares it. */
export type HistoryStep = z.infer<typeof historyStep>;
