/** Networking faults: the Service does not reach ready pods (no endpoints, wrong port, never Ready). */
import type { Check } from "../../scenario/schema";
import type { Fault, FaultContext, ServiceModel, TopologyInstance } from "../types";
import { mainContainer } from "../types";
import { READ_EVENTS, READ_SERVICE, cap, dependents, describePods, endpointsId, healthyId, jsonPatch, mergePatch, noEndpoints, serviceOf, unhealthy, workloadOf } from "./common";
import { httpProbe } from "../topologies/build";

const NET_WORDS = ["selector", "label", "labels", "endpoints", "endpoint", "targetport", "readiness", "probe", "probes"];

/** Services nobody calls at start-up (a fault there shows as a networking symptom, not a crash elsewhere). */
function leafServices(i: TopologyInstance): ServiceModel[] {
  return i.services.filter((s) => dependents(i, s).length === 0);
}

function svc(ctx: FaultContext): ServiceModel {
  if (!ctx.service) throw new Error("fault needs a Service target");
  return ctx.service;
}

function unreachable(ctx: FaultContext, s: ServiceModel): string {
  const w = workloadOf(ctx.instance, s);
  return `Calls from ${s.calledBy} to ${w.says} fail with 503 errors (through the Service ${s.name}), although nobody touched the pods.`;
}

/** A Service selector that matches no pod. */
export const SERVICE_SELECTOR: Fault = {
  id: "service-selector",
  family: "networking",
  description: "a Service selector that matches none of the pods' labels",
  distance: 1,
  causeWords: NET_WORDS,
  targets: (i) => leafServices(i).map((s) => ({ service: s.role })),
  claims: (_i, t) => [`service:${t.service}`],
  apply(ctx) {
    const s = svc(ctx);
    const w = workloadOf(ctx.instance, s);
    const o = ctx.instance.objects.find((x) => x.kind === "Service" && x.metadata.name === s.name)!;
    const bad = ctx.rng.pick([`${w.label}-v2`, `${w.label}-web`, w.label.replace(/-/g, "")]).replace(new RegExp(`^${w.label}$`), `${w.label}-v2`);
    o.spec.selector = { app: bad };
    const fix = mergePatch(ctx, "Service", s.name, { spec: { selector: { app: w.label } } }, "merge");
    return {
      report: unreachable(ctx, s),
      symptoms: [noEndpoints(ctx.instance.namespace, s)],
      checks: [],
      symptomChecks: [endpointsId(s)],
      nonFixes: [],
      hints: [
        `The pods are Running and Ready. Does the Service know them? \`${ctx.k} get endpoints ${s.name}\`.`,
        `The Service selects \`app=${bad}\`; compare with the pods' labels (\`${ctx.k} get pods --show-labels\`).`,
        `Make the selector match the pods: \`${fix}\`.`,
      ],
      explanation: `The Service \`${s.name}\` selects \`app=${bad}\`, but ${w.name}'s pods are labelled \`app=${w.label}\`. A Service routes only to ready pods its selector matches, so its Endpoints were empty and every request failed, while the pods themselves were perfectly healthy. Fix the selector (not the pods' labels, which the Deployment owns). Prevention: generate the Service's selector from the same labels as the Deployment (kustomize \`labels\`, a Helm helper).`,
      look: [`${ctx.k} get endpoints ${s.name}`, `${ctx.k} get pods --show-labels`],
      fix: [fix],
      diagnosis: [...READ_SERVICE, { command: "get", kinds: ["Pod"], input: "--show-labels|-L" }],
    };
  },
};

/** A targetPort where nothing listens. */
export const WRONG_TARGET_PORT: Fault = {
  id: "wrong-target-port",
  family: "networking",
  description: "a Service targetPort where the app does not listen (endpoints present, connection refused)",
  distance: 2,
  causeWords: NET_WORDS,
  targets: (i) => leafServices(i).map((s) => ({ service: s.role })),
  claims: (_i, t) => [`service:${t.service}`],
  apply(ctx) {
    const s = svc(ctx);
    const w = workloadOf(ctx.instance, s);
    const o = ctx.instance.objects.find((x) => x.kind === "Service" && x.metadata.name === s.name)!;
    const bad = ctx.rng.pick([8080, 8000, 80, 3000, 9090].filter((p) => p !== s.targetPort));
    o.spec.ports[0].targetPort = bad;
    const fix = jsonPatch(ctx, "Service", s.name, [{ op: "replace", path: "/spec/ports/0/targetPort", value: s.targetPort }]);
    const check: Check = { id: `${s.role}-service-port-kept`, kind: "fieldEquals", object: "Service", name: s.name, namespace: ctx.instance.namespace, path: "spec.ports[0].port", value: s.port, message: `Clients call port ${s.port}; keep the Service's port` };
    return {
      report: `Calls from ${s.calledBy} to the Service ${s.name} on port ${s.port} fail with "connection refused", although the pods of ${w.name} are Running and Ready.`,
      symptoms: [noEndpoints(ctx.instance.namespace, s)],
      checks: [check],
      symptomChecks: [endpointsId(s)],
      nonFixes: [{ name: `${s.role}-change-the-service-port`, commands: [jsonPatch(ctx, "Service", s.name, [{ op: "replace", path: "/spec/ports/0/port", value: s.port === 80 ? 8080 : 80 }])], fails: [check.id] }],
      hints: [
        `Endpoints exist, so the selector is fine. Which port of the pods receives the traffic? \`${ctx.k} get endpoints ${s.name}\`.`,
        `On which port does ${w.name} listen? Its logs and its containerPort say so.`,
        `${w.name} listens on ${s.targetPort}; the Service sends to ${bad}: \`${fix}\`.`,
      ],
      explanation: `The Service \`${s.name}\` forwards port ${s.port} to \`targetPort: ${bad}\`, but ${w.name} listens on ${s.targetPort}. The pods are Ready, so the Endpoints list them (as \`<ip>:${bad}\`), and every connection is refused by the pod because nothing listens there. Set \`targetPort\` to ${s.targetPort} (or to the named port \`http\`). Prevention: name container ports and target names in Services.`,
      look: [`${ctx.k} get endpoints ${s.name}`, `${ctx.k} describe service ${s.name}`],
      fix: [fix],
      diagnosis: [...READ_SERVICE, { command: "logs" }],
    };
  },
};

/** A readiness probe that never passes. */
export const READINESS_NEVER_PASSES: Fault = {
  id: "readiness-never-passes",
  family: "networking",
  description: "a readiness probe on a path that does not exist: pods Running but never Ready, no endpoints",
  distance: 1,
  causeWords: NET_WORDS,
  targets: (i) => i.workloads.filter((w) => w.app.protocol === "http" && mainContainer(i, w).readinessProbe && serviceOf(i, w)).map((w) => ({ workload: w.role })),
  claims: (_i, t) => [t.workload!, `service:${t.workload}`],
  apply(ctx) {
    const w = ctx.workload!;
    const s = serviceOf(ctx.instance, w)!;
    const c = mainContainer(ctx.instance, w);
    const badPath = w.app.wrongPath!;
    c.readinessProbe = httpProbe(badPath, w.app.port, { initialDelaySeconds: 2, periodSeconds: 5 });
    const fix = mergePatch(ctx, w.kind, w.name, { spec: { template: { spec: { containers: [{ name: w.container, readinessProbe: { httpGet: { path: w.app.readinessPath, port: w.app.port } } }] } } } });
    const check: Check = { id: `${ctx.id}keeps-readiness`, kind: "probeKept", workload: w.kind, name: w.name, namespace: ctx.instance.namespace, container: w.container, probe: "readiness" };
    return {
      report: `Calls from ${s.calledBy} to ${w.says} fail with 503 errors; its pods are Running, but the Service ${s.name} serves nothing.`,
      symptoms: [noEndpoints(ctx.instance.namespace, s), unhealthy(ctx.instance.namespace, w)],
      checks: [check],
      symptomChecks: [endpointsId(s), healthyId(w)],
      nonFixes: [{ name: `${w.role}-remove-the-probe`, description: "Without readiness, traffic reaches pods before they can serve it.", commands: [jsonPatch(ctx, w.kind, w.name, [{ op: "remove", path: "/spec/template/spec/containers/0/readinessProbe" }])], fails: [check.id] }],
      hints: [
        `The pods are Running but the READY column says 0/1. Why are they not ready? Read their events.`,
        `\`Readiness probe failed: HTTP probe failed with statuscode: 404\`: the probe asks for \`${badPath}\`, which the app does not serve.`,
        `Probe the app's readiness endpoint: \`${fix}\`.`,
      ],
      explanation: `${w.name}'s readiness probe asks for \`${badPath}\`, which the application answers with 404. The pods run, but never become Ready, so the Service \`${s.name}\` has no ready endpoints (they are listed under \`NotReadyAddresses\`) and every request fails with 503. Probe \`${w.app.readinessPath}\`; keep the probe. Prevention: check probes against the image in CI.`,
      look: [describePods(ctx, w), `${ctx.k} get endpoints ${s.name}`],
      fix: [fix],
      diagnosis: [...READ_EVENTS, ...READ_SERVICE],
    };
  },
};

/** The networking faults. */
export const NETWORKING_FAULTS: Fault[] = [SERVICE_SELECTOR, WRONG_TARGET_PORT, READINESS_NEVER_PASSES];
