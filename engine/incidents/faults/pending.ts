/** Pending faults: the scheduler finds no node for the pods (FailedScheduling). */
import type { Check } from "../../scenario/schema";
import type { Fault, FaultContext, WorkloadModel } from "../types";
import { mainContainer, templateOf, workloadObject } from "../types";
import { READ_EVENTS, cap, describePods, healthyId, jsonPatch, mergePatch, podsShow, ref, unhealthy } from "./common";

const SCHEDULING_WORDS = ["scheduler", "scheduling", "node", "nodes", "capacity", "insufficient"];

function wl(ctx: FaultContext): WorkloadModel {
  if (!ctx.workload) throw new Error("fault needs a workload target");
  return ctx.workload;
}

function neverStarted(w: WorkloadModel): string {
  return `${cap(w.says)} was redeployed this morning, and none of its new pods has started since.`;
}

function pendingSymptoms(ctx: FaultContext, w: WorkloadModel) {
  return [unhealthy(ctx.instance.namespace, w), podsShow(ctx.instance.namespace, w, ["Pending"])];
}

const byWorkload = (i: { workloads: WorkloadModel[] }) => i.workloads.map((w) => ({ workload: w.role }));

/** A CPU request larger than any node. */
export const CPU_OVER_CAPACITY: Fault = {
  id: "cpu-over-capacity",
  family: "pending",
  description: "a CPU request larger than any node's allocatable CPU",
  distance: 0,
  causeWords: [...SCHEDULING_WORDS, "cpu", "request", "requests", "resources"],
  targets: byWorkload,
  claims: (_i, t) => [t.workload!],
  apply(ctx) {
    const w = wl(ctx);
    const c = mainContainer(ctx.instance, w);
    const bad = ctx.rng.pick(["6", "8", "5500m"]);
    c.resources!.requests!.cpu = bad;
    const good = w.app.resources.requests.cpu;
    const fix = `${ctx.k} set resources ${ref(w)} -c ${w.container} --requests=cpu=${good}`;
    const check: Check = { id: `${ctx.id}cpu-request`, kind: "resourcesKept", workload: w.kind, name: w.name, namespace: ctx.instance.namespace, container: w.container, requests: { cpu: good }, message: `${w.name} needs a CPU request so the scheduler can place it` };
    return {
      report: neverStarted(w),
      symptoms: pendingSymptoms(ctx, w),
      checks: [check],
      symptomChecks: [healthyId(w)],
      nonFixes: [{ name: `${w.role}-drop-the-requests`, description: "Without a request the scheduler cannot plan capacity.", commands: [jsonPatch(ctx, w.kind, w.name, [{ op: "remove", path: "/spec/template/spec/containers/0/resources/requests" }])], fails: [check.id] }],
      hints: [
        `The pods of ${w.name} are Pending: the scheduler says why in their events.`,
        `No node has ${bad} CPU to give: compare the container's request with \`kubectl describe nodes\` (Allocatable).`,
        `Request what the app needs: \`${fix}\`.`,
      ],
      explanation: `The container of ${w.name} requests \`cpu: ${bad}\`, more than any node can allocate (4 CPUs each, minus what runs there). The scheduler filtered every node out (\`Insufficient cpu\`) and the pods stayed Pending. Requests are reservations, not usage: set one close to what the app uses (${good}). Prevention: a LimitRange with a max per container, and reviews of resource changes.`,
      look: [describePods(ctx, w), "kubectl describe nodes"],
      fix: [fix],
      diagnosis: READ_EVENTS,
    };
  },
};

/** A memory request larger than any node. */
export const MEMORY_OVER_CAPACITY: Fault = {
  id: "memory-over-capacity",
  family: "pending",
  description: "a memory request larger than any node's allocatable memory",
  distance: 0,
  causeWords: [...SCHEDULING_WORDS, "memory", "request", "requests", "resources", "gi"],
  targets: byWorkload,
  claims: (_i, t) => [t.workload!],
  apply(ctx) {
    const w = wl(ctx);
    const c = mainContainer(ctx.instance, w);
    const bad = ctx.rng.pick(["12Gi", "16Gi", "10Gi"]);
    c.resources!.requests!.memory = bad;
    c.resources!.limits!.memory = bad;
    const good = w.app.resources;
    const fix = `${ctx.k} set resources ${ref(w)} -c ${w.container} --requests=memory=${good.requests.memory} --limits=memory=${good.limits.memory}`;
    const check: Check = { id: `${ctx.id}memory-request`, kind: "resourcesKept", workload: w.kind, name: w.name, namespace: ctx.instance.namespace, container: w.container, requests: { memory: good.requests.memory }, limits: { memory: good.limits.memory }, message: `${w.name} needs memory requests and limits` };
    return {
      report: neverStarted(w),
      symptoms: pendingSymptoms(ctx, w),
      checks: [check],
      symptomChecks: [healthyId(w)],
      nonFixes: [{ name: `${w.role}-drop-the-resources`, description: "Without requests and limits one pod can starve a node.", commands: [jsonPatch(ctx, w.kind, w.name, [{ op: "remove", path: "/spec/template/spec/containers/0/resources" }])], fails: [check.id] }],
      hints: [
        `The pods of ${w.name} are Pending. Read the scheduler's message in their events.`,
        `Every node reports \`Insufficient memory\`: ${bad} is more than a node has (8Gi each, minus what already runs).`,
        `Ask for what the app needs: \`${fix}\`.`,
      ],
      explanation: `The ${w.kind} ${w.name} requests \`memory: ${bad}\`, more than any node can allocate, so the scheduler rejected every node (\`Insufficient memory\`) and the pods stayed Pending. The application uses a few hundred MiB at most: request ${good.requests.memory} with a limit of ${good.limits.memory}. Prevention: size requests from \`kubectl top\` and enforce maxima with a LimitRange.`,
      look: [describePods(ctx, w), "kubectl describe nodes"],
      fix: [fix],
      diagnosis: READ_EVENTS,
    };
  },
};

/** A nodeSelector (or required node affinity) no node matches. */
export const UNMATCHED_PLACEMENT: Fault = {
  id: "unmatched-node-selector",
  family: "pending",
  description: "a nodeSelector or required node affinity that no node matches",
  distance: 1,
  causeWords: [...SCHEDULING_WORDS, "selector", "nodeselector", "affinity", "label", "labels", "ssd", "zone", "disk", "disktype"],
  targets: byWorkload,
  claims: (_i, t) => [t.workload!],
  apply(ctx) {
    const w = wl(ctx);
    const spec = templateOf(workloadObject(ctx.instance, w)).spec;
    const nodes = ctx.instance.nodes;
    const worker = nodes.find((n) => n.role === "worker")!;
    worker.labels = { ...(worker.labels ?? {}), disk: "ssd" };
    let fix: string;
    let clue: string;
    if (ctx.rng.next() < 0.5) {
      spec.nodeSelector = { disktype: "ssd" };
      fix = mergePatch(ctx, w.kind, w.name, { spec: { template: { spec: { nodeSelector: { disktype: null, disk: "ssd" } } } } }, "merge");
      clue = "the nodeSelector asks for `disktype=ssd`, but the SSD node is labelled `disk=ssd` (`kubectl get nodes --show-labels`)";
    } else {
      spec.affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: "topology.kubernetes.io/zone", operator: "In", values: ["eu-west-1c"] }] }] } } };
      fix = jsonPatch(ctx, w.kind, w.name, [{ op: "replace", path: "/spec/template/spec/affinity/nodeAffinity/requiredDuringSchedulingIgnoredDuringExecution/nodeSelectorTerms/0/matchExpressions/0/values", value: ["eu-west-1a", "eu-west-1b"] }]);
      clue = "the required node affinity asks for zone `eu-west-1c`, and the nodes are in `eu-west-1a` and `eu-west-1b` (`kubectl get nodes -L topology.kubernetes.io/zone`)";
    }
    const check: Check = { id: `${ctx.id}no-pinning`, kind: "noCommand", pattern: "nodeName", reason: "setting nodeName bypasses the scheduler instead of fixing the placement rule" };
    return {
      report: neverStarted(w),
      symptoms: pendingSymptoms(ctx, w),
      checks: [check],
      symptomChecks: [healthyId(w)],
      nonFixes: [],
      hints: [
        `The pods of ${w.name} are Pending. What does the scheduler say in their events?`,
        `\`didn't match Pod's node affinity/selector\`: ${clue}.`,
        `Make the placement rule match the nodes: \`${fix}\`.`,
      ],
      explanation: `The pod template of ${w.name} carries a placement rule no node satisfies: ${clue}. The scheduler filtered out every worker (\`node(s) didn't match Pod's node affinity/selector\`) and the pods stayed Pending. Correct the rule to the labels the nodes really have (or label the intended nodes). Prevention: keep node labels and workload placement in the same change review.`,
      look: [describePods(ctx, w), "kubectl get nodes --show-labels"],
      fix: [fix],
      diagnosis: [...READ_EVENTS, { command: "get", kinds: ["Node"] }],
    };
  },
};

/** Dedicated (tainted) workers and a workload without the toleration. */
export const UNTOLERATED_TAINT: Fault = {
  id: "untolerated-taint",
  family: "pending",
  description: "the workers are dedicated to the team with a NoSchedule taint and the workload lacks the toleration",
  distance: 1,
  causeWords: [...SCHEDULING_WORDS, "taint", "taints", "toleration", "tolerations", "dedicated"],
  targets: byWorkload,
  claims: (_i, t) => [t.workload!, "nodes"],
  conflicts: ["cordoned-nodes"],
  apply(ctx) {
    const w = wl(ctx);
    const team = ctx.instance.namespace;
    const toleration = { key: "dedicated", operator: "Equal" as const, value: team, effect: "NoSchedule" as const };
    const workers = ctx.instance.nodes.filter((n) => n.role === "worker");
    for (const n of workers) n.taints = [...(n.taints ?? []), { key: "dedicated", value: team, effect: "NoSchedule" }];
    for (const other of ctx.instance.workloads) {
      if (other === w) continue;
      const spec = templateOf(workloadObject(ctx.instance, other)).spec;
      spec.tolerations = [...(spec.tolerations ?? []), { ...toleration }];
    }
    const fix = jsonPatch(ctx, w.kind, w.name, [{ op: "add", path: "/spec/template/spec/tolerations", value: [toleration] }]);
    const checks: Check[] = workers.map((n) => ({ id: `${n.name}-still-dedicated`, kind: "fieldEquals", object: "Node", name: n.name, path: "spec.taints[key=dedicated].value", value: team, message: `${n.name} is dedicated to ${team}: keep its taint` }));
    return {
      report: neverStarted(w),
      symptoms: pendingSymptoms(ctx, w),
      checks,
      symptomChecks: [healthyId(w)],
      nonFixes: [{ name: "untaint-the-nodes", description: "The nodes are dedicated on purpose.", commands: workers.map((n) => `kubectl taint nodes ${n.name} dedicated-`), fails: checks.map((c) => c.id) }],
      hints: [
        `The pods of ${w.name} are Pending: read the scheduler's message in their events.`,
        `\`untolerated taint(s)\`: the workers carry \`dedicated=${team}:NoSchedule\` (\`kubectl describe node ${workers[0].name}\`). The team's other workloads tolerate it; ${w.name} does not.`,
        `Add the toleration: \`${fix}\`.`,
      ],
      explanation: `The workers are dedicated to team ${team} with the taint \`dedicated=${team}:NoSchedule\`. The team's other workloads carry the matching toleration, but ${w.name}'s pod template does not, so the scheduler could place its pods nowhere (the control plane has its own taint). Add the toleration rather than removing the taint, which other teams rely on. Prevention: a shared base manifest (kustomize component) that adds the team's toleration.`,
      look: [describePods(ctx, w), `kubectl describe node ${workers[0].name}`],
      fix: [fix],
      diagnosis: [...READ_EVENTS, { command: "describe", kinds: ["Node"] }],
    };
  },
};

/** Every worker cordoned before the deploy. */
export const CORDONED_NODES: Fault = {
  id: "cordoned-nodes",
  family: "pending",
  description: "every worker was cordoned for maintenance and never uncordoned before the deploy",
  distance: 2,
  changesTemplate: false,
  causeWords: [...SCHEDULING_WORDS, "cordon", "cordoned", "uncordon", "unschedulable", "maintenance", "drain"],
  targets: (i) => [{ workload: i.workloads[0].role }],
  claims: () => ["*"],
  apply(ctx) {
    const workers = ctx.instance.nodes.filter((n) => n.role === "worker").map((n) => n.name);
    ctx.instance.steps.push({ agoMs: ctx.rng.int(8, 14) * 60_000, cordon: workers });
    const ns = ctx.instance.namespace;
    const fix = `kubectl uncordon ${workers.join(" ")}`;
    return {
      report: `Nothing of ${ctx.instance.system} has started since this morning's deploy.`,
      symptoms: [...ctx.instance.workloads.map((w) => unhealthy(ns, w)), { kind: "podsNotIn", namespace: ns, statuses: ["Pending"] }],
      checks: workers.map((n) => ({ id: `${n}-schedulable`, kind: "fieldEquals", object: "Node", name: n, path: "spec.unschedulable", value: false, orAbsent: true, message: `${n} must take pods again` }) as Check),
      symptomChecks: ctx.instance.workloads.map(healthyId),
      nonFixes: [],
      hints: [
        `Every pod in ${ns} is Pending. What does the scheduler say in their events?`,
        `\`node(s) were unschedulable\`: look at the STATUS column of \`kubectl get nodes\`.`,
        `The maintenance is over: \`${fix}\`.`,
      ],
      explanation: `All workers (${workers.join(", ")}) were cordoned for maintenance (\`spec.unschedulable: true\`, \`SchedulingDisabled\` in \`kubectl get nodes\`) and nobody uncordoned them. Pods already running stayed, but every pod created by the deploy was filtered out (\`node(s) were unschedulable\`) and stayed Pending. Uncordon the nodes. Prevention: make uncordoning the last step of the maintenance runbook and alert on nodes unschedulable for more than an hour.`,
      look: [`${ctx.k} describe pods`, "kubectl get nodes"],
      fix: [fix],
      diagnosis: [...READ_EVENTS, { command: "get", kinds: ["Node"] }],
    };
  },
};

/** A claim naming a StorageClass that does not exist. */
export const PVC_NO_STORAGECLASS: Fault = {
  id: "pvc-no-storageclass",
  family: "pending",
  description: "a PersistentVolumeClaim (template) naming a StorageClass that does not exist: unbound claim, Pending pod",
  distance: 1,
  changesTemplate: false,
  causeWords: [...SCHEDULING_WORDS, "storage", "storageclass", "class", "pvc", "claim", "volume", "persistentvolumeclaim", "provisioner", "unbound", "bound"],
  targets: (i) => i.workloads.filter((w) => w.claim && w.kind === "StatefulSet").map((w) => ({ workload: w.role })),
  claims: (_i, t) => [t.workload!],
  apply(ctx) {
    const w = wl(ctx);
    const obj = workloadObject(ctx.instance, w);
    const cls = ctx.rng.pick(["fast-ssd", "premium-rwo", "gp3"]);
    obj.spec.volumeClaimTemplates[0].spec.storageClassName = cls;
    const pvc = `${w.claim!.name}-${w.name}-0`;
    const ns = ctx.instance.namespace;
    const fix = `kubectl apply -f - <<EOF\napiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: ${cls}\nprovisioner: rancher.io/local-path\nreclaimPolicy: Delete\nvolumeBindingMode: WaitForFirstConsumer\nEOF`;
    const checks: Check[] = [
      { id: `${ctx.id}claim-bound`, kind: "fieldEquals", object: "PersistentVolumeClaim", name: pvc, namespace: ns, path: "status.phase", value: "Bound", role: "fixed", message: `The claim ${pvc} must be bound` },
      { id: `${ctx.id}claim-class-kept`, kind: "fieldEquals", object: w.kind, name: w.name, namespace: ns, path: "spec.volumeClaimTemplates[0].spec.storageClassName", value: cls, message: `${w.name} asks for ${cls} storage on purpose` },
    ];
    return {
      report: neverStarted(w),
      symptoms: pendingSymptoms(ctx, w),
      checks,
      symptomChecks: [healthyId(w), checks[0].id],
      nonFixes: [],
      hints: [
        `The pod of ${w.name} is Pending. Read the scheduler's message, then look at the pod's volumes.`,
        `\`pod has unbound immediate PersistentVolumeClaims\`: \`kubectl describe pvc ${pvc}\` says the StorageClass \`${cls}\` does not exist (\`kubectl get storageclass\`).`,
        `Provide the StorageClass the claim asks for (the cluster's provisioner is rancher.io/local-path): \`kubectl apply\` a StorageClass named ${cls}.`,
      ],
      explanation: `The volumeClaimTemplates of ${w.name} ask for the StorageClass \`${cls}\`, which this cluster does not have, so the claim \`${pvc}\` stayed Pending (\`storageclass.storage.k8s.io "${cls}" not found\`) and the scheduler could not place the pod (\`unbound immediate PersistentVolumeClaims\`). volumeClaimTemplates cannot be edited in place, so create the StorageClass (here with the cluster's local-path provisioner); the claim binds and the pod starts. Prevention: install StorageClasses with the cluster, and check \`kubectl get sc\` in the deploy pipeline.`,
      look: [describePods(ctx, w), `${ctx.k} describe pvc ${pvc}`, "kubectl get storageclass"],
      fix: [fix],
      diagnosis: [...READ_EVENTS, { command: "describe", kinds: ["PersistentVolumeClaim"] }, { command: "get", kinds: ["StorageClass", "PersistentVolumeClaim"] }],
    };
  },
};

/** The pending faults. */
export const PENDING_FAULTS: Fault[] = [CPU_OVER_CAPACITY, MEMORY_OVER_CAPACITY, UNMATCHED_PLACEMENT, UNTOLERATED_TAINT, CORDONED_NODES, PVC_NO_STORAGECLASS];
