import type { Deployment, KObject, ReplicaSet } from "../../../model/types";
import { humanDuration, translateTimestampSince } from "../human-duration";
import { formatLabels, formatLabelSelector, labelSelectorString } from "../selectors";
import { parseTime } from "../../../runtime/clock";
import { int, layoutContainerCells, type TableDefinition } from "./table-definition";

const WIDE_TEMPLATE = [
  { name: "Containers", priority: 1 },
  { name: "Images", priority: 1 },
  { name: "Selector", priority: 1 },
] as const;

/** `kubectl get deployments`: NAME READY UP-TO-DATE AVAILABLE AGE; wide adds CONTAINERS IMAGES SELECTOR. */
export const deploymentTable: TableDefinition<Deployment> = {
  columns: [{ name: "Name", format: "name" }, { name: "Ready" }, { name: "Up-to-date" }, { name: "Available" }, { name: "Age" }, ...WIDE_TEMPLATE],
  row(d, now, wide) {
    const st = d.status ?? {};
    const desired = d.spec?.replicas ?? 1;
    const cells = [d.metadata.name, `${st.readyReplicas ?? 0}/${desired}`, int(st.updatedReplicas), int(st.availableReplicas), translateTimestampSince(d.metadata.creationTimestamp, now)];
    if (wide) cells.push(...layoutContainerCells(d.spec?.template?.spec?.containers), labelSelectorString(d.spec?.selector));
    return cells;
  },
};

/** `kubectl get replicasets`: NAME DESIRED CURRENT READY AGE; wide adds CONTAINERS IMAGES SELECTOR. */
export const replicaSetTable: TableDefinition<ReplicaSet> = {
  columns: [{ name: "Name", format: "name" }, { name: "Desired" }, { name: "Current" }, { name: "Ready" }, { name: "Age" }, ...WIDE_TEMPLATE],
  row(rs, now, wide) {
    const st = rs.status ?? { replicas: 0 };
    const cells = [rs.metadata.name, int(rs.spec?.replicas ?? 1), int(st.replicas), int(st.readyReplicas), translateTimestampSince(rs.metadata.creationTimestamp, now)];
    if (wide) cells.push(...layoutContainerCells(rs.spec?.template?.spec?.containers), formatLabelSelector(rs.spec?.selector));
    return cells;
  },
};

/** `kubectl get statefulsets`: NAME READY AGE; wide adds CONTAINERS IMAGES. */
export const statefulSetTable: TableDefinition = {
  columns: [{ name: "Name", format: "name" }, { name: "Ready" }, { name: "Age" }, { name: "Containers", priority: 1 }, { name: "Images", priority: 1 }],
  row(s, now, wide) {
    const cells = [s.metadata.name, `${s.status?.readyReplicas ?? 0}/${s.spec?.replicas ?? 1}`, translateTimestampSince(s.metadata.creationTimestamp, now)];
    if (wide) cells.push(...layoutContainerCells(s.spec?.template?.spec?.containers));
    return cells;
  },
};

/** `kubectl get daemonsets`: NAME DESIRED CURRENT READY UP-TO-DATE AVAILABLE NODE SELECTOR AGE; wide adds CONTAINERS IMAGES SELECTOR. */
export const daemonSetTable: TableDefinition = {
  columns: [
    { name: "Name", format: "name" },
    { name: "Desired" },
    { name: "Current" },
    { name: "Ready" },
    { name: "Up-to-date" },
    { name: "Available" },
    { name: "Node Selector" },
    { name: "Age" },
    ...WIDE_TEMPLATE,
  ],
  row(ds, now, wide) {
    const st = ds.status ?? {};
    const cells = [
      ds.metadata.name,
      int(st.desiredNumberScheduled),
      int(st.currentNumberScheduled),
      int(st.numberReady),
      int(st.updatedNumberScheduled),
      int(st.numberAvailable),
      formatLabels(ds.spec?.template?.spec?.nodeSelector),
      translateTimestampSince(ds.metadata.creationTimestamp, now),
    ];
    if (wide) cells.push(...layoutContainerCells(ds.spec?.template?.spec?.containers), formatLabelSelector(ds.spec?.selector));
    return cells;
  },
};

function hasJobCondition(job: KObject, type: string): boolean {
  return ((job.status?.conditions ?? []) as { type: string; status: string }[]).some((c) => c.type === type && c.status === "True");
}

/** `kubectl get jobs`: NAME STATUS COMPLETIONS DURATION AGE; wide adds CONTAINERS IMAGES SELECTOR. */
export const jobTable: TableDefinition = {
  columns: [{ name: "Name", format: "name" }, { name: "Status" }, { name: "Completions" }, { name: "Duration" }, { name: "Age" }, ...WIDE_TEMPLATE],
  row(job, now, wide) {
    const spec = job.spec ?? {};
    const st = job.status ?? {};
    const succeeded = st.succeeded ?? 0;
    let completions: string;
    if (spec.completions !== undefined && spec.completions !== null) completions = `${succeeded}/${spec.completions}`;
    else {
      const parallelism = spec.parallelism ?? 0;
      completions = parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
    }
    let duration = "";
    const start = parseTime(st.startTime);
    if (!Number.isNaN(start)) {
      const end = parseTime(st.completionTime);
      duration = humanDuration((Number.isNaN(end) ? now : end) - start);
    }
    let status = "Running";
    if (hasJobCondition(job, "Complete")) status = "Complete";
    else if (hasJobCondition(job, "Failed")) status = "Failed";
    else if (job.metadata.deletionTimestamp) status = "Terminating";
    else if (hasJobCondition(job, "Suspended")) status = "Suspended";
    else if (hasJobCondition(job, "FailureTarget")) status = "FailureTarget";
    else if (hasJobCondition(job, "SuccessCriteriaMet")) status = "SuccessCriteriaMet";
    const cells = [job.metadata.name, status, completions, duration, translateTimestampSince(job.metadata.creationTimestamp, now)];
    if (wide) cells.push(...layoutContainerCells(spec.template?.spec?.containers), formatLabelSelector(spec.selector));
    return cells;
  },
};

/** `kubectl get cronjobs`: NAME SCHEDULE TIMEZONE SUSPEND ACTIVE LAST SCHEDULE AGE; wide adds CONTAINERS IMAGES SELECTOR. */
export const cronJobTable: TableDefinition = {
  columns: [
    { name: "Name", format: "name" },
    { name: "Schedule" },
    { name: "Timezone" },
    { name: "Suspend" },
    { name: "Active" },
    { name: "Last Schedule" },
    { name: "Age" },
    ...WIDE_TEMPLATE,
  ],
  row(cj, now, wide) {
    const spec = cj.spec ?? {};
    const st = cj.status ?? {};
    const last = st.lastScheduleTime ? translateTimestampSince(st.lastScheduleTime, now) : "<none>";
    const suspend = spec.suspend === undefined || spec.suspend === null ? "<unset>" : spec.suspend ? "True" : "False";
    const cells = [
      cj.metadata.name,
      String(spec.schedule ?? ""),
      spec.timeZone ? String(spec.timeZone) : "<none>",
      suspend,
      String((st.active ?? []).length),
      last,
      translateTimestampSince(cj.metadata.creationTimestamp, now),
    ];
    if (wide) {
      const tmpl = spec.jobTemplate?.spec;
      cells.push(...layoutContainerCells(tmpl?.template?.spec?.containers), formatLabelSelector(tmpl?.selector));
    }
    return cells;
  },
};

/**
 * `kubectl get controllerrevisions`: NAME CONTROLLER REVISION AGE, the controller as
 * `statefulset.apps/web` (`formatResourceName` of its controller reference's group and kind).
 */
export const controllerRevisionTable: TableDefinition = {
  columns: [{ name: "Name", format: "name" }, { name: "Controller" }, { name: "Revision" }, { name: "Age" }],
  row(cr, now) {
    const ref = cr.metadata.ownerReferences?.find((r) => r.controller);
    let controller = "<none>";
    if (ref) {
      const slash = ref.apiVersion.indexOf("/");
      const group = slash > 0 ? ref.apiVersion.slice(0, slash) : "";
      const kind = group ? `${ref.kind}.${group}` : ref.kind;
      controller = kind ? `${kind.toLowerCase()}/${ref.name}` : ref.name;
    }
    return [cr.metadata.name, controller, String(cr.revision ?? 0), translateTimestampSince(cr.metadata.creationTimestamp, now)];
  },
};
