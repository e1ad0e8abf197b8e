/**
 * API validation of the standard kinds the simulation stores, for the mistakes learners make:
 * an Ingress path without (or with an unknown) `pathType` or with a relative path, an HPA with
 * `minReplicas` below 1, `maxReplicas` below 1 or below `minReplicas`, or without a target; a
 * PriorityClass above the highest user-definable value or with an unknown preemption policy.
 */
import type { KObject } from "../../model/types";
import type { HorizontalPodAutoscaler, Ingress, PriorityClass } from "../../model/standard-kind-types";
import type { FieldError } from "./field-errors";

const PATH_TYPES = ["Exact", "ImplementationSpecific", "Prefix"];

function validateIngress(ing: Ingress, errs: FieldError[]): void {
  (ing.spec?.rules ?? []).forEach((rule, i) => {
    if (!rule.http) return;
    const base = `spec.rules[${i}].http`;
    if (!rule.http.paths || rule.http.paths.length === 0) {
      errs.push({ field: `${base}.paths`, type: "Required" });
      return;
    }
    rule.http.paths.forEach((p, j) => {
      const at = `${base}.paths[${j}]`;
      if (p.pathType === undefined || p.pathType === null) {
        errs.push({ field: `${at}.pathType`, type: "Required", detail: "pathType must be specified" });
        return;
      }
      if (!PATH_TYPES.includes(p.pathType)) {
        errs.push({ field: `${at}.pathType`, type: "Unsupported", value: JSON.stringify(p.pathType), detail: `supported values: ${PATH_TYPES.map((t) => JSON.stringify(t)).join(", ")}` });
        return;
      }
      if ((p.pathType === "Exact" || p.pathType === "Prefix") && !(p.path ?? "").startsWith("/")) {
        errs.push({ field: `${at}.path`, type: "Invalid", value: JSON.stringify(p.path ?? ""), detail: "must be an absolute path" });
      }
    });
  });
}

function validateHpa(hpa: HorizontalPodAutoscaler, errs: FieldError[]): void {
  const spec = hpa.spec ?? ({} as HorizontalPodAutoscaler["spec"]);
  const ref = spec.scaleTargetRef ?? { kind: "", name: "" };
  if (!ref.kind) errs.push({ field: "spec.scaleTargetRef.kind", type: "Required" });
  if (!ref.name) errs.push({ field: "spec.scaleTargetRef.name", type: "Required" });
  const min = spec.minReplicas;
  const max = spec.maxReplicas ?? 0;
  if (min !== undefined && min < 1) errs.push({ field: "spec.minReplicas", type: "Invalid", value: String(min), detail: "must be greater than or equal to 1" });
  if (max < 1) errs.push({ field: "spec.maxReplicas", type: "Invalid", value: String(max), detail: "must be greater than 0" });
  if (min !== undefined && max < min) errs.push({ field: "spec.maxReplicas", type: "Invalid", value: String(max), detail: "must be greater than or equal to `minReplicas`" });
}

/** `scheduling.HighestUserDefinablePriority`: the most a PriorityClass not named `system-…` may have. */
export const HIGHEST_USER_DEFINABLE_PRIORITY = 1_000_000_000;

/** `ValidatePriorityClass` (beyond the name): the value cap and `ValidatePreemptionPolicy`. */
function validatePriorityClass(pc: PriorityClass, errs: FieldError[]): void {
  if (!(pc.metadata?.name ?? "").startsWith("system-") && (pc.value ?? 0) > HIGHEST_USER_DEFINABLE_PRIORITY) {
    errs.push({ field: "value", type: "Forbidden", detail: `maximum allowed value of a user defined priority is ${HIGHEST_USER_DEFINABLE_PRIORITY}` });
  }
  const policy = pc.preemptionPolicy;
  if (policy === undefined || policy === null || policy === "PreemptLowerPriority" || policy === "Never") return;
  if (policy === "") errs.push({ field: "preemptionPolicy", type: "Required" });
  else errs.push({ field: "preemptionPolicy", type: "Unsupported", value: JSON.stringify(policy), detail: 'supported values: "PreemptLowerPriority", "Never"' });
}

/** Appends the field errors of a standard kind's object (create and update alike). */
export function validateStandardKind(obj: KObject, errs: FieldError[]): void {
  switch (obj.kind) {
    case "Ingress":
      validateIngress(obj as Ingress, errs);
      break;
    case "HorizontalPodAutoscaler":
      validateHpa(obj as HorizontalPodAutoscaler, errs);
      break;
    case "PriorityClass":
      validatePriorityClass(obj as PriorityClass, errs);
      break;
  }
}
