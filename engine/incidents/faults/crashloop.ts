/** Crash-loop faults: the container starts and dies (CrashLoopBackOff, Error, OOMKilled, liveness kills). */
import type { Check } from "../../scenario/schema";
import type { Fault, FaultContext, WorkloadModel } from "../types";
import { mainContainer } from "../types";
import { READ_EVENTS, READ_LOGS, cap, dependents, describePods, endpointsId, healthyId, jsonPatch, mergePatch, noEndpoints, ref, sameAppImage, unhealthy, workloadOf } from "./common";
import { httpProbe } from "../topologies/build";

const CRASH_WORDS = ["crash", "exit", "exits"];

function wl(ctx: FaultContext): WorkloadModel {
  if (!ctx.workload) throw new Error("fault needs a workload target");
  return ctx.workload;
}

function restarting(w: WorkloadModel): string {
  return `Since this morning's deploy, ${w.says} keeps restarting and never stays up.`;
}

function logsOf(ctx: FaultContext, w: WorkloadModel): string {
  return `${ctx.k} logs ${ref(w)} --previous`;
}

/** A Spring profile that does not configure the backend URL. */
export const WRONG_SPRING_PROFILE: Fault = {
  id: "wrong-spring-profile",
  family: "crashloop",
  description: "SPRING_PROFILES_ACTIVE names a profile without customerinfo.url",
  distance: 1,
  causeWords: [...CRASH_WORDS, "profile", "spring_profiles_active", "environment", "env", "property", "url"],
  targets: (i) => i.workloads.filter((w) => w.app.id === "customer-gateway").map((w) => ({ workload: w.role })),
  claims: (_i, t) => [t.workload!],
  apply(ctx) {
    const w = wl(ctx);
    const c = mainContainer(ctx.instance, w);
    const bad = ctx.rng.pick(["dev", "kubernetes", "local", "production"]);
    c.env = (c.env ?? []).map((e) => (e.name === "SPRING_PROFILES_ACTIVE" ? { name: e.name, value: bad } : e));
    const fix = `${ctx.k} set env ${ref(w)} SPRING_PROFILES_ACTIVE=k8s`;
    const symptom = bad === "local" ? "`I/O error on GET request for \"http://localhost:8081/api/segments\": Connection refused`" : "`Binding to target ... failed: Property: customerinfo.url ... must not be blank`";
    return {
      report: restarting(w),
      symptoms: [unhealthy(ctx.instance.namespace, w)],
      checks: [sameAppImage(ctx, w)],
      symptomChecks: [healthyId(w)],
      nonFixes: [{ name: `${w.role}-restart-it`, description: "Restarting runs the same configuration again.", commands: [`${ctx.k} rollout restart ${ref(w)}`], fails: [healthyId(w)] }],
      hints: [
        `A container that starts and exits tells you why in its own output: \`${logsOf(ctx, w)}\`.`,
        `The application fails at start-up: ${symptom}. Where does ${w.name} get \`customerinfo.url\` from? Look at its environment in the Deployment.`,
        `The active Spring profile is \`${bad}\`; only \`k8s\` points customerinfo.url at the \`customerinfo\` Service: \`${fix}\`.`,
      ],
      explanation: `${w.name} is a Spring Boot application whose \`customerinfo.url\` comes from the profile selected by \`SPRING_PROFILES_ACTIVE\`. The deploy set the profile \`${bad}\`, which gives no usable URL, so the application failed at start-up (${symptom}) and exited with code 1; the kubelet restarted it with a growing back-off (\`CrashLoopBackOff\`). The events only say \`Back-off restarting failed container\`; the cause is in \`kubectl logs --previous\`. Set the profile to \`k8s\`. Prevention: validate profile names in the pipeline.`,
      look: [logsOf(ctx, w)],
      fix: [fix],
      diagnosis: READ_LOGS,
    };
  },
};

/** A required environment variable removed. */
export const MISSING_ENV: Fault = {
  id: "missing-env",
  family: "crashloop",
  description: "an environment variable the app cannot start without was removed",
  distance: 1,
  causeWords: [...CRASH_WORDS, "env", "environment", "variable", "secret"],
  targets: (i) => i.workloads.filter((w) => w.app.requiredEnv && mainContainer(i, w).env?.some((e) => e.name === w.app.requiredEnv!.name)).map((w) => ({ workload: w.role })),
  claims: (_i, t) => [t.workload!],
  apply(ctx) {
    const w = wl(ctx);
    const c = mainContainer(ctx.instance, w);
    const name = w.app.requiredEnv!.name;
    const entry = c.env!.find((e) => e.name === name)!;
    c.env = c.env!.filter((e) => e !== entry);
    const empty = c.env.length === 0;
    if (empty) delete c.env;
    const fix = jsonPatch(ctx, w.kind, w.name, [empty ? { op: "add", path: "/spec/template/spec/containers/0/env", value: [entry] } : { op: "add", path: "/spec/template/spec/containers/0/env/-", value: entry }]);
    const checks: Check[] = [];
    const secretName = entry.valueFrom?.secretKeyRef?.name;
    if (secretName) checks.push({ id: `${ctx.id}env-from-secret`, kind: "fieldEquals", object: w.kind, name: w.name, namespace: ctx.instance.namespace, path: `spec.template.spec.containers[name=${w.container}].env[name=${name}].valueFrom.secretKeyRef.name`, value: secretName, message: `${name} must come from the Secret ${secretName}, not be pasted into the Deployment` });
    return {
      report: restarting(w),
      symptoms: [unhealthy(ctx.instance.namespace, w)],
      checks: [...checks, sameAppImage(ctx, w)],
      symptomChecks: [healthyId(w)],
      nonFixes: secretName ? [{ name: `${w.role}-paste-the-value`, description: "A pasted secret ends up in the Deployment, in git and in `kubectl get -o yaml`.", commands: [`${ctx.k} set env ${ref(w)} ${name}=hunter2`], fails: [`${ctx.id}env-from-secret`] }] : [],
      hints: [
        `Read what the container printed before it exited: \`${logsOf(ctx, w)}\`.`,
        `The application stops because \`${name}\` is not set. Compare the container's environment with what it needs (\`kubectl describe ${ref(w)}\`).`,
        `Give the variable back${secretName ? ` from the Secret ${secretName}` : ""}: \`${fix}\`.`,
      ],
      explanation: `The last change to ${w.name} dropped the environment variable \`${name}\`${secretName ? ` (read from the Secret \`${secretName}\`)` : ""}. The application refuses to start without it, logs the reason and exits with code 1, so the kubelet restarts it with a growing back-off (\`CrashLoopBackOff\`). The pods' events only show the restarts; \`kubectl logs --previous\` shows the cause. Put the variable back${secretName ? " from the Secret (never paste the value into the Deployment)" : ""}. Prevention: keep required settings in one templated base and let the app list what it needs in its README.`,
      look: [logsOf(ctx, w)],
      fix: [fix],
      diagnosis: READ_LOGS,
    };
  },
};

/** Arguments that make the program exit. */
export const WRONG_ARGS: Fault = {
  id: "wrong-args",
  family: "crashloop",
  description: "container args the program rejects (a misspelt script or config file)",
  distance: 1,
  causeWords: [...CRASH_WORDS, "args", "argument", "arguments", "command"],
  targets: (i) => i.workloads.filter((w) => w.app.badArgs).map((w) => ({ workload: w.role })),
  claims: (_i, t) => [t.workload!],
  apply(ctx) {
    const w = wl(ctx);
    const c = mainContainer(ctx.instance, w);
    c.args = [...w.app.badArgs!.args];
    const fix = jsonPatch(ctx, w.kind, w.name, [{ op: "remove", path: "/spec/template/spec/containers/0/args" }]);
    return {
      report: restarting(w),
      symptoms: [unhealthy(ctx.instance.namespace, w)],
      checks: [sameAppImage(ctx, w, `${w.name} must keep running its own image`)],
      symptomChecks: [healthyId(w)],
      nonFixes: [{ name: `${w.role}-restart-it`, description: "Restarting runs the same arguments again.", commands: [`${ctx.k} rollout restart ${ref(w)}`], fails: [healthyId(w)] }],
      hints: [
        `The container exits right after it starts. What did it print? \`${logsOf(ctx, w)}\`.`,
        `\`${w.app.badArgs!.symptom}\`: compare the container's \`args\` in the Deployment with what the image runs by default.`,
        `The image's default command is right; drop the override: \`${fix}\`.`,
      ],
      explanation: `${w.name}'s container overrides the image's arguments with \`${JSON.stringify(w.app.badArgs!.args)}\`, which the program rejects at start-up (\`${w.app.badArgs!.symptom}\`) and exits, so the kubelet restarts it with a growing back-off (\`CrashLoopBackOff\`). Remove the override (the image's own CMD is correct) or correct the argument. Prevention: run the exact container command in CI (a smoke test of the built manifests).`,
      look: [logsOf(ctx, w)],
      fix: [fix],
      diagnosis: READ_LOGS,
    };
  },
};

/** A liveness probe on a path or port where nothing answers. */
export const LIVENESS_WRONG_TARGET: Fault = {
  id: "liveness-wrong-target",
  family: "crashloop",
  description: "a liveness probe on a wrong path or port: the kubelet kills healthy containers",
  distance: 1,
  causeWords: [...CRASH_WORDS, "liveness", "probe", "probes", "healthz"],
  targets: (i) => i.workloads.filter((w) => w.app.protocol === "http" && mainContainer(i, w).livenessProbe).map((w) => ({ workload: w.role })),
  claims: (_i, t) => [t.workload!],
  apply(ctx) {
    const w = wl(ctx);
    const c = mainContainer(ctx.instance, w);
    const wrongPort = ctx.rng.next() < 0.4;
    const good = { path: w.app.livenessPath!, port: w.app.port };
    const bad = wrongPort ? { path: good.path, port: w.app.port === 8080 ? 8081 : 8080 } : { path: w.app.wrongPath!, port: good.port };
    c.livenessProbe = httpProbe(bad.path, bad.port, { initialDelaySeconds: 5, periodSeconds: 10 });
    const fix = mergePatch(ctx, w.kind, w.name, { spec: { template: { spec: { containers: [{ name: w.container, livenessProbe: { httpGet: good } }] } } } });
    const check: Check = { id: `${ctx.id}keeps-liveness`, kind: "probeKept", workload: w.kind, name: w.name, namespace: ctx.instance.namespace, container: w.container, probe: "liveness" };
    return {
      report: `${cap(w.says)} answers for a while after each restart, then goes away again; its pods restart every minute or so.`,
      symptoms: [unhealthy(ctx.instance.namespace, w, 90)],
      checks: [check],
      symptomChecks: [healthyId(w)],
      nonFixes: [{ name: `${w.role}-remove-the-probe`, description: "Without a liveness probe a hung process is never restarted.", commands: [jsonPatch(ctx, w.kind, w.name, [{ op: "remove", path: "/spec/template/spec/containers/0/livenessProbe" }])], fails: [check.id] }],
      hints: [
        `The application logs nothing wrong. Who restarts it? Read the events of ${w.name}'s pods.`,
        `\`Liveness probe failed\`: ${wrongPort ? `the probe calls port ${bad.port}, where nothing listens (the app listens on ${good.port})` : `the probe asks for \`${bad.path}\`, which the app answers with 404`}.`,
        `Point the probe at the app's liveness endpoint: \`${fix}\`.`,
      ],
      explanation: `${w.name}'s liveness probe calls \`${bad.path}\` on port ${bad.port}, where ${wrongPort ? "nothing listens (connection refused)" : "the application answers 404"}. After three failures the kubelet kills the healthy container and restarts it (\`Liveness probe failed\`, \`Killing\` in the events), forever. The application's own logs show nothing wrong: the evidence is in the events. Probe \`${good.path}\` on port ${good.port}; keep the probe rather than deleting it. Prevention: test probes against the image in CI and prefer named ports.`,
      look: [describePods(ctx, w)],
      fix: [fix],
      diagnosis: READ_EVENTS,
      stableSeconds: 90,
      waitSeconds: 150,
    };
  },
};

/** A memory limit below what the app needs. */
export const OOM_LIMIT: Fault = {
  id: "oom-limit",
  family: "crashloop",
  description: "a memory limit below what the application needs: OOMKilled",
  distance: 0,
  causeWords: [...CRASH_WORDS, "memory", "oom", "oomkilled", "limit", "limits", "resources"],
  targets: (i) => i.workloads.filter((w) => w.app.oomLimit).map((w) => ({ workload: w.role })),
  claims: (_i, t) => [t.workload!],
  apply(ctx) {
    const w = wl(ctx);
    const c = mainContainer(ctx.instance, w);
    c.resources = { requests: { ...c.resources!.requests, memory: w.app.oomLimit! }, limits: { memory: w.app.oomLimit! } };
    const good = w.app.resources;
    const fix = `${ctx.k} set resources ${ref(w)} -c ${w.container} --requests=memory=${good.requests.memory} --limits=memory=${good.limits.memory}`;
    const check: Check = { id: `${ctx.id}keeps-a-limit`, kind: "resourcesKept", workload: w.kind, name: w.name, namespace: ctx.instance.namespace, container: w.container, limits: { memory: w.app.oomLimit! }, message: `${w.name} must keep a memory limit` };
    return {
      report: restarting(w),
      symptoms: [unhealthy(ctx.instance.namespace, w, 60)],
      checks: [check],
      symptomChecks: [healthyId(w)],
      nonFixes: [{ name: `${w.role}-remove-the-limit`, description: "Without a limit a leak takes the node down.", commands: [jsonPatch(ctx, w.kind, w.name, [{ op: "remove", path: "/spec/template/spec/containers/0/resources/limits" }])], fails: [check.id] }],
      hints: [
        `The logs end abruptly. Look at the last state of the container in \`kubectl describe pod\`: why did it terminate?`,
        `\`OOMKilled\`: the kernel killed the process at the container's memory limit of ${w.app.oomLimit}. How much does the app use?`,
        `Give it room: \`${fix}\`.`,
      ],
      explanation: `${w.name}'s memory limit was lowered to ${w.app.oomLimit}, below what the application uses, so the kernel's OOM killer ended it (\`Last State: Terminated, Reason: OOMKilled, Exit Code: 137\`) and the kubelet restarted it with a growing back-off. The logs stop mid-sentence; the reason is in \`kubectl describe pod\`. Raise the limit (here ${good.limits.memory}) instead of removing it. Prevention: size limits from observed usage (\`kubectl top\`) plus headroom.`,
      look: [describePods(ctx, w)],
      fix: [fix],
      diagnosis: [{ command: "describe", kinds: ["Pod"] }, { command: "get", input: "-o (yaml|json|jsonpath)" }],
      stableSeconds: 60,
    };
  },
};

/** The Service a workload calls at start-up selects no pod: the caller crashes. */
export const DEPENDENCY_SELECTOR: Fault = {
  id: "dependency-selector",
  family: "crashloop",
  description: "the Service a workload calls at start-up has a selector matching no pod, so the caller crashes",
  distance: 2,
  causeWords: [...CRASH_WORDS, "selector", "label", "labels", "endpoints"],
  targets: (i) => i.services.filter((s) => dependents(i, s).length > 0).map((s) => ({ service: s.role })),
  claims: (i, t) => [`service:${t.service}`, ...dependents(i, i.services.find((s) => s.role === t.service)!).map((w) => w.role)],
  apply(ctx) {
    const s = ctx.service!;
    const callers = dependents(ctx.instance, s);
    const backend = workloadOf(ctx.instance, s);
    const svc = ctx.instance.objects.find((o) => o.kind === "Service" && o.metadata.name === s.name)!;
    const bad = ctx.rng.pick([`${backend.label}-v2`, backend.label.replace(/-app$/, ""), `${backend.label.replace(/-/g, "")}`]);
    svc.spec.selector = { app: bad === backend.label ? `${bad}-v2` : bad };
    const fix = mergePatch(ctx, "Service", s.name, { spec: { selector: { app: backend.label } } }, "merge");
    const caller = callers[0];
    return {
      report: restarting(caller),
      symptoms: [...callers.map((w) => unhealthy(ctx.instance.namespace, w)), noEndpoints(ctx.instance.namespace, s)],
      checks: [],
      symptomChecks: [...callers.map(healthyId), endpointsId(s)],
      nonFixes: [],
      hints: [
        `The logs of ${caller.name} say why it exits: \`${logsOf(ctx, caller)}\`.`,
        `It cannot connect to \`${s.name}\` while ${backend.name} itself is healthy. What does \`kubectl get endpoints ${s.name}\` say, and does the Service's selector match ${backend.name}'s pod labels?`,
        `Make the selector match the pods: \`${fix}\`.`,
      ],
      explanation: `The Service \`${s.name}\` selects \`app=${svc.spec.selector.app}\`, but ${backend.name}'s pods are labelled \`app=${backend.label}\`. The Service had no endpoints, so ${caller.name}, which calls ${s.name} at start-up, got "connection refused", logged the exception and exited; the kubelet restarted it with a growing back-off (\`CrashLoopBackOff\`). The symptom shows in the caller, the cause is in the dependency's Service: \`kubectl get endpoints\` is empty. Fix the selector; ${caller.name} recovers at its next restart. Prevention: deploy the Service with the workload it selects, from one template.`,
      look: [logsOf(ctx, caller), `${ctx.k} get endpoints ${s.name}`, `${ctx.k} get pods --show-labels`],
      fix: [fix],
      diagnosis: [...READ_LOGS, { command: "get", kinds: ["Endpoints"] }, { command: "describe", kinds: ["Service", "Endpoints"] }],
      waitSeconds: 360,
    };
  },
};

/** The crash-loop faults. */
export const CRASHLOOP_FAULTS: Fault[] = [WRONG_SPRING_PROFILE, MISSING_ENV, WRONG_ARGS, LIVENESS_WRONG_TARGET, OOM_LIMIT, DEPENDENCY_SELECTOR];
