/** Container-config faults: the kubelet cannot create or start the container (CreateContainerConfigError, RunContainerError, ContainerCreating). */
import type { Check } from "../../scenario/schema";
import type { Fault, FaultContext, WorkloadModel } from "../types";
import { mainContainer, templateOf, workloadObject } from "../types";
import { READ_EVENTS, cap, describePods, healthyId, jsonPatch, mergePatch, podsShow, ref, sameAppImage, unhealthy } from "./common";

const CONFIG_WORDS = ["config", "configuration", "configmap", "configmaps", "secret", "secrets", "key", "volume", "mount", "command", "envfrom", "reference"];

function wl(ctx: FaultContext): WorkloadModel {
  if (!ctx.workload) throw new Error("fault needs a workload target");
  return ctx.workload;
}

function neverRuns(w: WorkloadModel): string {
  return `Since this morning's deploy, ${w.says} is down: its new pods never get to run.`;
}

/** A command that is not in the image. */
export const COMMAND_NOT_FOUND: Fault = {
  id: "command-not-found",
  family: "container-config",
  description: "a container command that does not exist in the image (RunContainerError)",
  distance: 0,
  causeWords: [...CONFIG_WORDS, "executable", "shell", "sh", "path", "entrypoint", "script"],
  targets: (i) => i.workloads.map((w) => ({ workload: w.role })),
  claims: (_i, t) => [t.workload!],
  apply(ctx) {
    const w = wl(ctx);
    const c = mainContainer(ctx.instance, w);
    const distroless = w.app.id.startsWith("customer");
    c.command = distroless ? ["sh", "-c", "java -jar /app/app.jar"] : [ctx.rng.pick(["/app/start.sh", "/usr/local/bin/run.sh", "/entrypoint.sh"])];
    const missing = c.command[0];
    const fix = jsonPatch(ctx, w.kind, w.name, [{ op: "remove", path: "/spec/template/spec/containers/0/command" }]);
    const check = sameAppImage(ctx, w, `${w.name} must keep running its own image`);
    return {
      report: neverRuns(w),
      symptoms: [unhealthy(ctx.instance.namespace, w)],
      checks: [check],
      symptomChecks: [healthyId(w)],
      nonFixes: [{ name: `${w.role}-swap-the-image`, description: "A shell image starts, but it is not the service.", commands: [`${ctx.k} set image ${ref(w)} ${w.container}=busybox:1.36`], fails: [check.id] }],
      hints: [
        `The container is created but never runs. Read the pods' events: what did the runtime fail to do?`,
        `\`exec: "${missing}": ${missing.startsWith("/") ? "stat " + missing + ": no such file or directory" : "executable file not found in $PATH"}\`: the Deployment sets a \`command\` the image does not have${distroless ? " (the image is distroless: no shell)" : ""}.`,
        `The image's own entrypoint is right; drop the override: \`${fix}\`.`,
      ],
      explanation: `${w.name}'s container overrides the image's entrypoint with \`${JSON.stringify(c.command)}\`, but \`${missing}\` does not exist in the image${distroless ? " (a distroless image has no shell)" : ""}. The runtime created the container and failed to start it (\`RunContainerError\`/\`StartError\`, exit code 128), again and again with a back-off. Remove the override or name an executable the image has. Prevention: run the built image with its manifests' command in CI.`,
      look: [describePods(ctx, w)],
      fix: [fix],
      diagnosis: READ_EVENTS,
    };
  },
};

/** `envFrom` names a ConfigMap that does not exist. */
export const MISSING_CONFIGMAP: Fault = {
  id: "missing-configmap",
  family: "container-config",
  description: "envFrom references a ConfigMap that does not exist (CreateContainerConfigError)",
  distance: 0,
  causeWords: CONFIG_WORDS,
  targets: (i) => i.workloads.filter((w) => w.configMapEnv).map((w) => ({ workload: w.role })),
  claims: (_i, t) => [t.workload!],
  apply(ctx) {
    const w = wl(ctx);
    const c = mainContainer(ctx.instance, w);
    const existing = w.configMapEnv!;
    const missing = ctx.rng.pick([existing.replace(/-config$/, "-settings"), `${existing}s`, existing.replace(/-config$/, "-env")]);
    const idx = c.envFrom!.findIndex((e) => e.configMapRef?.name === existing);
    c.envFrom![idx] = { configMapRef: { name: missing } };
    const fix = jsonPatch(ctx, w.kind, w.name, [{ op: "replace", path: `/spec/template/spec/containers/0/envFrom/${idx}/configMapRef/name`, value: existing }]);
    const ns = ctx.instance.namespace;
    const checks: Check[] = [
      { id: `${ctx.id}config-required`, kind: "fieldEquals", object: w.kind, name: w.name, namespace: ns, path: `spec.template.spec.containers[name=${w.container}].envFrom[${idx}].configMapRef.optional`, value: false, orAbsent: true, message: `${w.name} needs its settings: do not mark the ConfigMap optional` },
      { id: `${ctx.id}config-ref`, kind: "fieldMatches", object: w.kind, name: w.name, namespace: ns, path: `spec.template.spec.containers[name=${w.container}].envFrom[${idx}].configMapRef.name`, pattern: `${existing}|${missing}`, message: `${w.name} must read its settings from a ConfigMap` },
    ];
    return {
      report: neverRuns(w),
      symptoms: [unhealthy(ns, w), podsShow(ns, w, ["CreateContainerConfigError"])],
      checks,
      symptomChecks: [healthyId(w)],
      nonFixes: [{ name: `${w.role}-optional-config`, description: "An optional reference hides the missing settings instead of providing them.", commands: [jsonPatch(ctx, w.kind, w.name, [{ op: "add", path: `/spec/template/spec/containers/0/envFrom/${idx}/configMapRef/optional`, value: true }])], fails: [checks[0].id] }],
      hints: [
        `\`kubectl get pods\` shows the reason the containers are not created. \`describe\` a pod and read the events.`,
        `\`configmap "${missing}" not found\`. Which ConfigMaps exist in ${ns}?`,
        `Point the reference at the existing ConfigMap: \`${fix}\`.`,
      ],
      explanation: `${w.name} loads its settings with \`envFrom: configMapRef: ${missing}\`, but the ConfigMap is called \`${existing}\`. The kubelet cannot build the container's environment, so it never creates the container (\`CreateContainerConfigError\`, \`Error: configmap "${missing}" not found\`). Reference the existing ConfigMap (or create the missing one); do not mark it optional, which would start the app without its settings. Prevention: generate names with kustomize's configMapGenerator so references cannot drift.`,
      look: [describePods(ctx, w), `${ctx.k} get configmaps`],
      fix: [fix],
      diagnosis: [...READ_EVENTS, { command: "get", kinds: ["ConfigMap"] }],
    };
  },
};

/** An env var from a Secret key that does not exist. */
export const MISSING_SECRET_KEY: Fault = {
  id: "missing-secret-key",
  family: "container-config",
  description: "secretKeyRef names a key the Secret does not have (CreateContainerConfigError)",
  distance: 0,
  causeWords: CONFIG_WORDS,
  targets: (i) => i.workloads.filter((w) => w.secretKeyEnv && mainContainer(i, w).env?.some((e) => e.name === w.secretKeyEnv!.env)).map((w) => ({ workload: w.role })),
  claims: (_i, t) => [t.workload!],
  apply(ctx) {
    const w = wl(ctx);
    const c = mainContainer(ctx.instance, w);
    const { env, secret, key } = w.secretKeyEnv!;
    const idx = c.env!.findIndex((e) => e.name === env);
    const badKey = ctx.rng.pick([key.replace(/-/g, "_"), key.split("-").pop()!, env.toLowerCase()].filter((k) => k !== key));
    c.env![idx] = { name: env, valueFrom: { secretKeyRef: { name: secret, key: badKey } } };
    const ns = ctx.instance.namespace;
    const fix = jsonPatch(ctx, w.kind, w.name, [{ op: "replace", path: `/spec/template/spec/containers/0/env/${idx}/valueFrom/secretKeyRef/key`, value: key }]);
    const check: Check = { id: `${ctx.id}from-the-secret`, kind: "fieldEquals", object: w.kind, name: w.name, namespace: ns, path: `spec.template.spec.containers[name=${w.container}].env[name=${env}].valueFrom.secretKeyRef.name`, value: secret, message: `${env} must come from the Secret ${secret}` };
    return {
      report: neverRuns(w),
      symptoms: [unhealthy(ns, w), podsShow(ns, w, ["CreateContainerConfigError"])],
      checks: [check],
      symptomChecks: [healthyId(w)],
      nonFixes: [{ name: `${w.role}-paste-the-value`, description: "A pasted value leaks the secret into the Deployment.", commands: [jsonPatch(ctx, w.kind, w.name, [{ op: "replace", path: `/spec/template/spec/containers/0/env/${idx}`, value: { name: env, value: "Zr8-q2Lm-44xT" } }])], fails: [check.id] }],
      hints: [
        `The pods report an error before any container is created. \`describe\` one and read the events.`,
        `\`couldn't find key ${badKey} in Secret ${ns}/${secret}\`. Which keys does the Secret have? (\`kubectl describe secret ${secret}\`)`,
        `Reference the key that exists: \`${fix}\`.`,
      ],
      explanation: `${w.name} reads \`${env}\` from key \`${badKey}\` of the Secret \`${secret}\`, which only has the key \`${key}\`. The kubelet cannot resolve the variable and does not create the container (\`CreateContainerConfigError\`, "couldn't find key ${badKey} in Secret"). Reference the right key (or add the key to the Secret); never paste the value into the Deployment. Prevention: one naming convention for secret keys, checked by a policy.`,
      look: [describePods(ctx, w), `${ctx.k} describe secret ${secret}`],
      fix: [fix],
      diagnosis: [...READ_EVENTS, { command: "describe", kinds: ["Secret"] }],
    };
  },
};

/** A ConfigMap volume naming a ConfigMap that does not exist. */
export const MISSING_CONFIGMAP_VOLUME: Fault = {
  id: "missing-configmap-volume",
  family: "container-config",
  description: "a ConfigMap volume naming a ConfigMap that does not exist (ContainerCreating, FailedMount)",
  distance: 0,
  causeWords: CONFIG_WORDS,
  targets: (i) => i.workloads.filter((w) => w.configVolume).map((w) => ({ workload: w.role })),
  claims: (_i, t) => [t.workload!],
  apply(ctx) {
    const w = wl(ctx);
    const spec = templateOf(workloadObject(ctx.instance, w)).spec;
    const { volume, configMap } = w.configVolume!;
    const idx = spec.volumes!.findIndex((v) => v.name === volume);
    const missing = ctx.rng.pick([configMap.replace(/-nginx-conf$/, "-conf"), configMap.replace(/-conf$/, "-config"), `${configMap}-v2`]);
    spec.volumes![idx] = { name: volume, configMap: { name: missing } };
    const ns = ctx.instance.namespace;
    const fix = jsonPatch(ctx, w.kind, w.name, [{ op: "replace", path: `/spec/template/spec/volumes/${idx}/configMap/name`, value: configMap }]);
    const checks: Check[] = [
      { id: `${ctx.id}mounts-the-config`, kind: "fieldMatches", object: w.kind, name: w.name, namespace: ns, path: `spec.template.spec.volumes[name=${volume}].configMap.name`, pattern: `${configMap}|${missing}`, message: `${w.name} must mount its configuration` },
      { id: `${ctx.id}volume-required`, kind: "fieldEquals", object: w.kind, name: w.name, namespace: ns, path: `spec.template.spec.volumes[name=${volume}].configMap.optional`, value: false, orAbsent: true, message: `an optional volume would start ${w.name} without its configuration` },
    ];
    return {
      report: neverRuns(w),
      symptoms: [unhealthy(ns, w), podsShow(ns, w, ["ContainerCreating"])],
      checks,
      symptomChecks: [healthyId(w)],
      nonFixes: [
        { name: `${w.role}-optional-volume`, commands: [jsonPatch(ctx, w.kind, w.name, [{ op: "add", path: `/spec/template/spec/volumes/${idx}/configMap/optional`, value: true }])], fails: [checks[1].id] },
        { name: `${w.role}-drop-the-volume`, commands: [jsonPatch(ctx, w.kind, w.name, [{ op: "replace", path: `/spec/template/spec/volumes/${idx}`, value: { name: volume, emptyDir: {} } }])], fails: [checks[0].id] },
      ],
      hints: [
        `The pods stay in \`ContainerCreating\`. What is the kubelet waiting for? Read the events.`,
        `\`MountVolume.SetUp failed for volume "${volume}" : configmap "${missing}" not found\`. Which ConfigMaps exist in ${ns}?`,
        `Mount the ConfigMap that exists: \`${fix}\`.`,
      ],
      explanation: `${w.name} mounts the volume \`${volume}\` from the ConfigMap \`${missing}\`, but the ConfigMap is called \`${configMap}\`. The kubelet cannot set up the volume (\`FailedMount\`), so the pod stays in \`ContainerCreating\` and no container ever starts. Mount the existing ConfigMap (or create the missing one); an optional or emptyDir volume would start the app without its configuration. Prevention: generated names (kustomize) and a dry-run in CI.`,
      look: [describePods(ctx, w), `${ctx.k} get configmaps`],
      fix: [fix],
      diagnosis: [...READ_EVENTS, { command: "get", kinds: ["ConfigMap"] }],
    };
  },
};

/** A `runAsNonRoot` hardening on an image that runs as root or as a user name the kubelet cannot verify. */
export const RUN_AS_NON_ROOT: Fault = {
  id: "run-as-non-root",
  family: "container-config",
  description: "runAsNonRoot set on a workload whose image runs as root or as a named user (CreateContainerConfigError)",
  distance: 0,
  causeWords: [...CONFIG_WORDS, "root", "nonroot", "non-root", "runasnonroot", "runasuser", "uid", "securitycontext"],
  targets: (i) => i.workloads.filter((w) => w.app.nonRoot).map((w) => ({ workload: w.role })),
  claims: (_i, t) => [t.workload!],
  apply(ctx) {
    const w = wl(ctx);
    const nonRoot = w.app.nonRoot!;
    const spec = templateOf(workloadObject(ctx.instance, w)).spec;
    spec.securityContext = { ...spec.securityContext, runAsNonRoot: true };
    const ns = ctx.instance.namespace;
    const kubeletSays = nonRoot.imageUser === "root" ? "image will run as root" : `image has non-numeric user (${nonRoot.imageUser.name}), cannot verify user is non-root`;
    const fix = mergePatch(ctx, w.kind, w.name, { spec: { template: { spec: { securityContext: { runAsUser: nonRoot.uid } } } } });
    const check: Check = { id: `${ctx.id}policy-kept`, kind: "fieldEquals", object: w.kind, name: w.name, namespace: ns, path: "spec.template.spec.securityContext.runAsNonRoot", value: true, message: `${w.name} must keep runAsNonRoot; run it as a non-root user instead` };
    return {
      report: neverRuns(w),
      symptoms: [unhealthy(ns, w), podsShow(ns, w, ["CreateContainerConfigError"])],
      checks: [check],
      symptomChecks: [healthyId(w)],
      nonFixes: [
        { name: `${w.role}-drop-the-policy`, description: "The pods start, without the hardening.", commands: [jsonPatch(ctx, w.kind, w.name, [{ op: "remove", path: "/spec/template/spec/securityContext/runAsNonRoot" }])], fails: [check.id] },
        { name: `${w.role}-run-as-root`, description: "runAsUser 0 breaks the same policy.", commands: [mergePatch(ctx, w.kind, w.name, { spec: { template: { spec: { securityContext: { runAsUser: 0 } } } } })], fails: [healthyId(w)] },
      ],
      hints: [
        `The pods report an error before any container is created. \`describe\` one and read the events.`,
        `\`container has runAsNonRoot and ${kubeletSays}\`: with \`runAsNonRoot\` the kubelet must prove the process will not run as uid 0, from a numeric user in the image or from \`runAsUser\`.`,
        `Keep the policy and name the user (${nonRoot.why}): \`${fix}\`.`,
      ],
      explanation: `${w.name}'s pods were hardened with \`runAsNonRoot: true\`, but no \`runAsUser\` is set, so the kubelet asks the image: ${nonRoot.imageUser === "root" ? "it sets no user, so it would run as root" : `its user is the name \`${nonRoot.imageUser.name}\`, which the kubelet cannot check without the image's /etc/passwd`}. The kubelet refuses to create the container (\`CreateContainerConfigError\`, "container has runAsNonRoot and ${kubeletSays}"). Keep the policy and give the user as a number: \`runAsUser: ${nonRoot.uid}\` (${nonRoot.why}). Dropping \`runAsNonRoot\` undoes the hardening; \`runAsUser: 0\` is refused too. Prevention: build images with a numeric \`USER\`.`,
      look: [describePods(ctx, w)],
      fix: [fix],
      diagnosis: READ_EVENTS,
    };
  },
};

/** The container-config faults. */
export const CONTAINER_CONFIG_FAULTS: Fault[] = [COMMAND_NOT_FOUND, MISSING_CONFIGMAP, MISSING_SECRET_KEY, MISSING_CONFIGMAP_VOLUME, RUN_AS_NON_ROOT];
