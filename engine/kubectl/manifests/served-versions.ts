/**
 * Versions the API server also serves for kinds it keeps in another one. An object sent in
 * such a version is converted to the kept version on the way in, as the API server converts
 * it. Only what learners meet: autoscaling/v1 HorizontalPodAutoscalers, as older tutorials
 * and the workshop notes write them (`targetCPUUtilizationPercentage`).
 *
 * `hpaV2ToV1` is how the API answers a v1 client (`kubectl autoscale`). Not modelled: reading
 * back in the old version (`kubectl get hpa.v1.autoscaling`); the last-applied annotation of
 * `kubectl apply` holds the converted object, not the one sent.
 */

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** autoscaling/v1 → autoscaling/v2: the CPU utilisation target becomes a Resource metric. */
function hpaV1ToV2(v1: Json): Json {
  const { apiVersion: _v, spec, status: _status, ...rest } = v1;
  if (!isObject(spec)) return { ...rest, apiVersion: "autoscaling/v2" };
  const { targetCPUUtilizationPercentage: cpu, ...others } = spec;
  const converted: Json = { ...others };
  if (cpu !== undefined) converted.metrics = [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: cpu } } }];
  return { ...rest, apiVersion: "autoscaling/v2", spec: converted };
}

/**
 * autoscaling/v2 → autoscaling/v1, as the API answers a v1 client: a CPU utilisation metric
 * becomes `targetCPUUtilizationPercentage`; the status is the v1 one (its counts, 0 until the
 * controller writes them).
 */
export function hpaV2ToV1(v2: Json): Json {
  const spec = (isObject(v2.spec) ? v2.spec : {}) as Json & { metrics?: { type?: string; resource?: { name?: string; target?: { type?: string; averageUtilization?: number } } }[] };
  const { metrics, ...others } = spec;
  const cpu = metrics?.find((m) => m.type === "Resource" && m.resource?.name === "cpu" && m.resource.target?.type === "Utilization");
  const utilization = cpu?.resource?.target?.averageUtilization;
  return {
    apiVersion: "autoscaling/v1",
    kind: v2.kind,
    metadata: v2.metadata,
    spec: { ...others, ...(utilization !== undefined ? { targetCPUUtilizationPercentage: utilization } : {}) },
    status: { currentReplicas: 0, desiredReplicas: 0 },
  };
}

const CONVERSIONS: Record<string, (obj: Json) => Json> = {
  "autoscaling/v1/HorizontalPodAutoscaler": hpaV1ToV2,
};

/** `obj` in the version the API keeps its kind in, or undefined when its version is not one served here. */
export function toKeptVersion(obj: Json): Json | undefined {
  const convert = CONVERSIONS[`${String(obj.apiVersion)}/${String(obj.kind)}`];
  return convert ? convert(obj) : undefined;
}
