/**
 * `kubectl describe` of HorizontalPodAutoscalers, PodDisruptionBudgets, ResourceQuotas,
 * LimitRanges, PriorityClasses, and ReplicationControllers (describe.go's
 * `describeHorizontalPodAutoscalerV2`, `describePodDisruptionBudgetV1`, `DescribeResourceQuota`,
 * `describeLimitRange`, `describePriorityClass` and `describeReplicationController`, kubectl
 * v1.32). PodTemplates have no describer of their own: kubectl describes them generically.
 */
import type { HorizontalPodAutoscaler, LimitRange, MetricSpec, MetricStatus, PodDisruptionBudget, PriorityClass, ReplicationController, ResourceQuota } from "../../model/standard-kind-types";
import { parseQuantity } from "../../model/quantity";
import { formatBinaryQuantity, formatDecimalQuantity, isBinaryQuantity } from "../../model/quantity-canonical";
import { goStringLess } from "../printers/selectors";
import { formatLabels, rfc1123z, selectorString } from "./formats";
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline } from "./multiline";
import { describePodTemplate } from "./pod-template";
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter, tabbedString } from "./prefix-writer";
import { searchEvents, type Describer } from "./source";
import { podStatusForController } from "./workload-pods";

function writeMetric(w: PrefixWriter, metric: MetricSpec, status: MetricStatus | undefined): void {
  switch (metric.type) {
    case "External": {
      const e = metric.external!;
      if (e.target.averageValue !== undefined) {
        const cur = status?.external?.current.averageValue ?? "<unknown>";
        w.write(LEVEL_1, `${JSON.stringify(e.metric.name)} (target average value):\t${cur} / ${e.target.averageValue}\n`);
      } else {
        const cur = status?.external ? (status.external.current.value ?? "0") : "<unknown>";
        w.write(LEVEL_1, `${JSON.stringify(e.metric.name)} (target value):\t${cur} / ${e.target.value ?? "0"}\n`);
      }
      return;
    }
    case "Pods": {
      const p = metric.pods!;
      const cur = status?.pods ? (status.pods.current.averageValue ?? "0") : "<unknown>";
      w.write(LEVEL_1, `${JSON.stringify(p.metric.name)} on pods:\t${cur} / ${p.target.averageValue ?? "0"}\n`);
      return;
    }
    case "Object": {
      const o = metric.object!;
      w.write(LEVEL_1, `"${o.metric.name}" on ${o.describedObject.kind}/${o.describedObject.name} `);
      if (o.target.type === "AverageValue") {
        const cur = status?.object?.current.averageValue ?? "<unknown>";
        w.write(LEVEL_0, `(target average value):\t${cur} / ${o.target.averageValue ?? "0"}\n`);
      } else {
        const cur = status?.object ? (status.object.current.value ?? "0") : "<unknown>";
        w.write(LEVEL_0, `(target value):\t${cur} / ${o.target.value ?? "0"}\n`);
      }
      return;
    }
    case "Resource":
    case "ContainerResource": {
      const r = metric.type === "Resource" ? metric.resource! : metric.containerResource!;
      const st = metric.type === "Resource" ? status?.resource : status?.containerResource;
      if (metric.type === "Resource") w.write(LEVEL_1, `resource ${r.name} on pods`);
      else w.write(LEVEL_1, `resource ${r.name} of container "${metric.containerResource!.container}" on pods`);
      if (r.target.averageValue !== undefined) {
        const cur = st ? (st.current.averageValue ?? "0") : "<unknown>";
        w.write(LEVEL_0, `:\t${cur} / ${r.target.averageValue}\n`);
      } else {
        const cur = st && st.current.averageUtilization !== undefined ? `${st.current.averageUtilization}% (${st.current.averageValue ?? "0"})` : "<unknown>";
        const target = r.target.averageUtilization !== undefined ? `${r.target.averageUtilization}%` : "<auto>";
        w.write(LEVEL_1, `(as a percentage of request):\t${cur} / ${target}\n`);
      }
      return;
    }
    default:
      w.write(LEVEL_1, `<unknown metric type ${JSON.stringify(metric.type)}>\n`);
  }
}

interface ScalingRules {
  stabilizationWindowSeconds?: number;
  selectPolicy?: string;
  policies?: { type: string; value: number; periodSeconds: number }[];
}

function printDirectionBehavior(w: PrefixWriter, direction: string, rules: ScalingRules | undefined): void {
  if (!rules) return;
  w.write(LEVEL_1, `${direction}:\n`);
  if (rules.stabilizationWindowSeconds !== undefined) w.write(LEVEL_2, `Stabilization Window: ${rules.stabilizationWindowSeconds} seconds\n`);
  if ((rules.policies ?? []).length > 0) {
    w.write(LEVEL_2, `Select Policy: ${rules.selectPolicy ?? "Max"}\n`);
    w.write(LEVEL_2, "Policies:\n");
    for (const p of rules.policies!) w.write(LEVEL_3, `- Type: ${p.type}\tValue: ${p.value}\tPeriod: ${p.periodSeconds} seconds\n`);
  }
}

/** `kubectl describe hpa`. */
export const horizontalPodAutoscalerDescriber: Describer = (obj, source, settings) => {
  const hpa = obj as HorizontalPodAutoscaler;
  const spec = hpa.spec ?? { scaleTargetRef: { kind: "", name: "" }, maxReplicas: 0 };
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${hpa.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${hpa.metadata.namespace ?? ""}\n`);
    printLabelsMultiline(w, "Labels", hpa.metadata.labels);
    printAnnotationsMultiline(w, "Annotations", hpa.metadata.annotations);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(hpa.metadata.creationTimestamp)}\n`);
    w.write(LEVEL_0, `Reference:\t${spec.scaleTargetRef.kind}/${spec.scaleTargetRef.name}\n`);
    w.write(LEVEL_0, "Metrics:\t( current / target )\n");
    const statuses = hpa.status?.currentMetrics ?? [];
    (spec.metrics ?? []).forEach((m, i) => writeMetric(w, m, statuses.length > i ? statuses[i] : undefined));
    w.write(LEVEL_0, `Min replicas:\t${spec.minReplicas !== undefined ? spec.minReplicas : "<unset>"}\n`);
    w.write(LEVEL_0, `Max replicas:\t${spec.maxReplicas ?? 0}\n`);
    const behavior = spec.behavior as { scaleUp?: ScalingRules; scaleDown?: ScalingRules } | undefined;
    if (behavior) {
      w.write(LEVEL_0, "Behavior:\n");
      printDirectionBehavior(w, "Scale Up", behavior.scaleUp);
      printDirectionBehavior(w, "Scale Down", behavior.scaleDown);
    }
    w.write(LEVEL_0, `${spec.scaleTargetRef.kind} pods:\t`);
    w.write(LEVEL_0, `${hpa.status?.currentReplicas ?? 0} current / ${hpa.status?.desiredReplicas ?? 0} desired\n`);
    const conditions = hpa.status?.conditions ?? [];
    if (conditions.length > 0) {
      w.write(LEVEL_0, "Conditions:\n");
      w.write(LEVEL_1, "Type\tStatus\tReason\tMessage\n");
      w.write(LEVEL_1, "----\t------\t------\t-------\n");
      for (const c of conditions) w.write(LEVEL_1, `${c.type}\t${c.status}\t${c.reason ?? ""}\t${c.message ?? ""}\n`);
    }
    if (settings.showEvents) describeEvents(searchEvents(source, { kind: hpa.kind, ...hpa.metadata }), w, source.now);
  });
};

/** `kubectl describe pdb`. */
export const podDisruptionBudgetDescriber: Describer = (obj, source, settings) => {
  const pdb = obj as PodDisruptionBudget;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${pdb.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${pdb.metadata.namespace ?? ""}\n`);
    if (pdb.spec?.minAvailable !== undefined) w.write(LEVEL_0, `Min available:\t${pdb.spec.minAvailable}\n`);
    else if (pdb.spec?.maxUnavailable !== undefined) w.write(LEVEL_0, `Max unavailable:\t${pdb.spec.maxUnavailable}\n`);
    w.write(LEVEL_0, `Selector:\t${pdb.spec?.selector ? selectorString(pdb.spec.selector) : "<none>"}\n`);
    w.write(LEVEL_0, "Status:\n");
    w.write(LEVEL_2, `Allowed disruptions:\t${pdb.status?.disruptionsAllowed ?? 0}\n`);
    w.write(LEVEL_2, `Current:\t${pdb.status?.currentHealthy ?? 0}\n`);
    w.write(LEVEL_2, `Desired:\t${pdb.status?.desiredHealthy ?? 0}\n`);
    w.write(LEVEL_2, `Total:\t${pdb.status?.expectedPods ?? 0}\n`);
    if (settings.showEvents) describeEvents(searchEvents(source, { kind: pdb.kind, ...pdb.metadata }), w, source.now);
  });
};

const SCOPE_HELP: Record<string, string> = {
  Terminating: "Matches all pods that have an active deadline. These pods have a limited lifespan on a node before being actively terminated by the system.",
  NotTerminating: "Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.",
  BestEffort: "Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.",
  NotBestEffort: "Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.",
};

/** A used quantity re-expressed in the hard quantity's format when they differ (`NewQuantity(used.Value(), hard.Format)`). */
function usedInFormatOf(used: string, hard: string): string {
  if (isBinaryQuantity(used) === isBinaryQuantity(hard)) return used;
  const v = Math.ceil(parseQuantity(used));
  if (Number.isNaN(v)) return used;
  return isBinaryQuantity(hard) ? formatBinaryQuantity(v) : formatDecimalQuantity(v);
}

/** `kubectl describe quota` (no events). */
export const resourceQuotaDescriber: Describer = (obj) => {
  const q = obj as ResourceQuota;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${q.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${q.metadata.namespace ?? ""}\n`);
    const scopes = [...(q.spec?.scopes ?? [])].sort(goStringLess);
    if (scopes.length > 0) {
      w.write(LEVEL_0, `Scopes:\t${scopes.join(", ")}\n`);
      for (const s of scopes) if (SCOPE_HELP[s]) w.write(LEVEL_0, `* ${SCOPE_HELP[s]}\n`);
    }
    w.write(LEVEL_0, "Resource\tUsed\tHard\n");
    w.write(LEVEL_0, "--------\t----\t----\n");
    const hard = q.status?.hard ?? {};
    for (const r of Object.keys(hard).sort(goStringLess)) {
      const used = q.status?.used?.[r] ?? "0";
      w.write(LEVEL_0, `${r}\t${usedInFormatOf(used, hard[r])}\t${hard[r]}\n`);
    }
  });
};

/** `kubectl describe limitrange` (no events; resources in name order where kubectl walks a Go map). */
export const limitRangeDescriber: Describer = (obj) => {
  const lr = obj as LimitRange;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${lr.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${lr.metadata.namespace ?? ""}\n`);
    w.write(LEVEL_0, "Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n");
    w.write(LEVEL_0, "----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n");
    for (const item of lr.spec?.limits ?? []) {
      const names = new Set<string>();
      for (const m of [item.max, item.min, item.default, item.defaultRequest, item.maxLimitRequestRatio]) for (const k of Object.keys(m ?? {})) names.add(k);
      for (const k of [...names].sort(goStringLess)) {
        const v = (m: Record<string, string> | undefined) => (m?.[k] !== undefined ? String(m[k]) : "-");
        w.write(LEVEL_0, `${item.type}\t${k}\t${v(item.min)}\t${v(item.max)}\t${v(item.defaultRequest)}\t${v(item.default)}\t${v(item.maxLimitRequestRatio)}\n`);
      }
    }
  });
};

/** `kubectl describe priorityclass`. */
export const priorityClassDescriber: Describer = (obj, source, settings) => {
  const pc = obj as PriorityClass;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${pc.metadata.name}\n`);
    w.write(LEVEL_0, `Value:\t${pc.value ?? 0}\n`);
    w.write(LEVEL_0, `GlobalDefault:\t${pc.globalDefault ?? false}\n`);
    w.write(LEVEL_0, `PreemptionPolicy:\t${pc.preemptionPolicy ?? ""}\n`);
    w.write(LEVEL_0, `Description:\t${pc.description ?? ""}\n`);
    w.write(LEVEL_0, `Annotations:\t${formatLabels(pc.metadata.annotations)}\n`);
    if (settings.showEvents) describeEvents(searchEvents(source, { kind: pc.kind, ...pc.metadata }), w, source.now);
  });
};

/** `kubectl describe rc`. */
export const replicationControllerDescriber: Describer = (obj, source, settings) => {
  const rc = obj as ReplicationController;
  const pods = podStatusForController(source, rc.metadata.namespace, { matchLabels: rc.spec?.selector ?? {} }, rc.metadata.uid);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${rc.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${rc.metadata.namespace ?? ""}\n`);
    w.write(LEVEL_0, `Selector:\t${formatLabels(rc.spec?.selector)}\n`);
    printLabelsMultiline(w, "Labels", rc.metadata.labels);
    printAnnotationsMultiline(w, "Annotations", rc.metadata.annotations);
    w.write(LEVEL_0, `Replicas:\t${rc.status?.replicas ?? 0} current / ${rc.spec?.replicas ?? 1} desired\n`);
    w.write(LEVEL_0, `Pods Status:\t${pods.running} Running / ${pods.waiting} Waiting / ${pods.succeeded} Succeeded / ${pods.failed} Failed\n`);
    describePodTemplate(rc.spec?.template, w);
    if (settings.showEvents) describeEvents(searchEvents(source, { kind: rc.kind, ...rc.metadata }), w, source.now);
  });
};
