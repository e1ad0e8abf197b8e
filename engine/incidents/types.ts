/**
 * The vocabulary of generated incidents: a topology (a healthy application system as data),
 * the fault injectors that break it, and what a fault contributes to the incident (checks,
 * hints, explanation, reference fix, non-fixes). See `docs/authoring-scenarios.md`,
 * "Generated incidents".
 */
import type { Container, KObject, PodTemplateSpec } from "../model/types";
import type { Random } from "../runtime/random";
import type { Check, Condition, NodeSpec } from "../scenario/schema";
import type { AppFacts } from "./apps";

/** The fault families, by the symptom a learner first sees (the catalogue's families minus `capstone`). */
export const INCIDENT_FAMILY_IDS = ["image-pull", "pending", "crashloop", "container-config", "networking", "rollout"] as const;

/** A fault family. */
export type IncidentFamily = (typeof INCIDENT_FAMILY_IDS)[number];

/** One workload of a topology instance and what it consumes (the places faults can reach). */
export interface WorkloadModel {
  /** The workload's stable role in its topology (`web`, `api`, `db`, `gateway`…): fault targets name it. */
  role: string;
  kind: "Deployment" | "StatefulSet";
  name: string;
  /** The main container's name. */
  container: string;
  /** The healthy image. */
  image: string;
  app: AppFacts;
  replicas: number;
  /** The value of the pods' `app` label. */
  label: string;
  /** How a user talks about it ("the storefront", "the checkout API"). */
  says: string;
  /** `envFrom` ConfigMap this workload reads, if any. */
  configMapEnv?: string;
  /** An env var read from a Secret key, if any. */
  secretKeyEnv?: { env: string; secret: string; key: string };
  /** A ConfigMap mounted as a volume, if any. */
  configVolume?: { volume: string; configMap: string; mountPath: string };
  /** A PersistentVolumeClaim (template) the workload needs, if any. */
  claim?: { name: string; storageClassName: string };
  /** Roles of the Services this workload calls at start-up (a fault there shows here). */
  dependsOn?: string[];
}

/** One Service of a topology instance. */
export interface ServiceModel {
  /** The Service's stable role (the role of the workload behind it). */
  role: string;
  name: string;
  /** Role of the workload it selects. */
  workload: string;
  port: number;
  /** The container port the app listens on (what `targetPort` must reach). */
  targetPort: number;
  /** Who calls it, as a user says ("customers", "the storefront"). */
  calledBy: string;
}

/** A CronJob of a topology instance (one container). */
export interface CronJobModel {
  name: string;
  container: string;
  image: string;
  /** The `app` label of its pods. */
  label: string;
  /** How a user talks about it ("the report batch"). */
  says: string;
}

/** A history step beyond the manifests (nodes cordoned before the deploy). */
export interface ExtraStep {
  agoMs: number;
  cordon?: string[];
}

/** A healthy system, drawn for one seed: the objects, the nodes, and a map of its parts. */
export interface TopologyInstance {
  topology: string;
  namespace: string;
  /** What the system is, for the brief ("the marketing website", "the customer system"). */
  system: string;
  /** Who reports the incident ("The marketing team"). */
  team: string;
  /** The objects (Namespace first), mutated in place by faults. */
  objects: KObject[];
  nodes: NodeSpec[];
  workloads: WorkloadModel[];
  services: ServiceModel[];
  cronJobs?: CronJobModel[];
  steps: ExtraStep[];
}

/** A healthy application system as data: builds its instance for a seed. */
export interface Topology {
  id: string;
  /** One line for documentation and the CLI. */
  description: string;
  build(rng: Random): TopologyInstance;
}

/** Where a fault applies: a workload or a Service, by role, or a CronJob by name. */
export interface FaultTarget {
  workload?: string;
  service?: string;
  cronjob?: string;
}

/** A diagnosis step (what `diagnosed` checks accept). */
export type DiagnosisStep = Extract<Condition, { kind: "diagnosed" }>["anyOf"][number];

/** A fault-specific workaround that must fail, with the ids of the checks it must fail. */
export interface FaultNonFix {
  name: string;
  description?: string;
  commands: string[];
  fails: string[];
  waitSeconds?: number;
}

/** What one applied fault contributes to its incident. */
export interface AppliedFault {
  /** `<faultId>@<role>`, as stored in the generator inputs. */
  key: string;
  family: IncidentFamily;
  /** What users see, in their words (never the cause); one sentence for the brief. */
  report: string;
  /** Conditions that must FAIL on the settled broken cluster (the declared symptom). */
  symptoms: Condition[];
  /** Extra checks proving the root cause fixed (ids unique within the incident). */
  checks: Check[];
  /** The `fixed` check ids that must fail while the fault is present (doing nothing, deleting pods). */
  symptomChecks: string[];
  nonFixes: FaultNonFix[];
  hints: string[];
  explanation: string;
  /** Commands that show the evidence (part of the reference solution). */
  look: string[];
  /** Commands that fix it. */
  fix: string[];
  diagnosis: DiagnosisStep[];
  /** Seconds the cluster needs after the fix before the checks pass. */
  waitSeconds?: number;
  /** A `workloadHealthy.stableSeconds` for the target, when a restart loop must be proven over. */
  stableSeconds?: number;
}

/** Everything a fault sees while it is applied. */
export interface FaultContext {
  instance: TopologyInstance;
  target: FaultTarget;
  rng: Random;
  /** The target workload (when the target names one). */
  workload?: WorkloadModel;
  service?: ServiceModel;
  /** `kubectl -n <ns>`. */
  k: string;
  /** The check id prefix (`<role>-`). */
  id: string;
}

/** A fault injector: a transformation of a healthy topology into a broken one. */
export interface Fault {
  id: string;
  family: IncidentFamily;
  /** What it models, for documentation. */
  description: string;
  /** How far the symptom shows from the cause: 0 the pod says it, 1 you read logs/specs, 2 it shows elsewhere. */
  distance: 0 | 1 | 2;
  /** Words naming the cause, which the brief must not contain. */
  causeWords: string[];
  /** The targets it can apply to in this instance. */
  targets(instance: TopologyInstance): FaultTarget[];
  /** Slots it occupies (roles, `service:<role>`, `nodes`, `*` for everything): faults of an incident never share one. */
  claims(instance: TopologyInstance, target: FaultTarget): string[];
  /** Fault ids it cannot be combined with. */
  conflicts?: string[];
  /** False when the fix does not touch the pod template (no stuck StatefulSet pod to delete). */
  changesTemplate?: boolean;
  /** Whether the fault rewrites history (a rollout: healthy version first). */
  rollout?: boolean;
  apply(ctx: FaultContext): Omit<AppliedFault, "key" | "family">;
}

/** Finds a workload object of the instance. */
export function workloadObject(instance: TopologyInstance, w: WorkloadModel): KObject {
  const o = instance.objects.find((x) => x.kind === w.kind && x.metadata.name === w.name);
  if (!o) throw new Error(`topology ${instance.topology}: no ${w.kind} ${w.name}`);
  return o;
}

/** The pod template of a workload object. */
export function templateOf(obj: KObject): PodTemplateSpec {
  return obj.spec.template as PodTemplateSpec;
}

/** The main container of a workload. */
export function mainContainer(instance: TopologyInstance, w: WorkloadModel): Container {
  const c = templateOf(workloadObject(instance, w)).spec.containers.find((x) => x.name === w.container);
  if (!c) throw new Error(`no container ${w.container} in ${w.name}`);
  return c;
}

/** Finds a Service object of the instance. */
export function serviceObject(instance: TopologyInstance, s: ServiceModel): KObject {
  const o = instance.objects.find((x) => x.kind === "Service" && x.metadata.name === s.name);
  if (!o) throw new Error(`no Service ${s.name}`);
  return o;
}
