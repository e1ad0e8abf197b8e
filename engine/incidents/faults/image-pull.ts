/** Image-pull faults: the kubelet cannot get the image (ErrImagePull, ImagePullBackOff, InvalidImageName). */
import type { Fault, FaultContext, TopologyInstance, WorkloadModel } from "../types";
import { mainContainer, templateOf, workloadObject } from "../types";
import { READ_EVENTS, cap, describePods, healthyId, podsShow, ref, sameAppImage, unhealthy } from "./common";

const PULL_WORDS = ["image", "tag", "registry", "repository", "pull", "typo", "version"];

function allWorkloads(i: TopologyInstance) {
  return i.workloads.map((w) => ({ workload: w.role }));
}

function wl(ctx: FaultContext): WorkloadModel {
  if (!ctx.workload) throw new Error("fault needs a workload target");
  return ctx.workload;
}

function noPods(w: WorkloadModel): string {
  return `Since this morning's deploy, ${w.says} has no running pods at all.`;
}

function setImage(ctx: FaultContext, w: WorkloadModel, image: string): string {
  return `${ctx.k} set image ${ref(w)} ${w.container}=${image}`;
}

/** A typo in the repository name. */
export const IMAGE_TYPO: Fault = {
  id: "image-typo",
  family: "image-pull",
  description: "a typo in the image's repository name (the registry answers not found)",
  distance: 0,
  causeWords: PULL_WORDS,
  targets: allWorkloads,
  claims: (_i, t) => [t.workload!],
  apply(ctx) {
    const w = wl(ctx);
    const c = mainContainer(ctx.instance, w);
    const tag = w.image.slice(w.image.lastIndexOf(":") + 1);
    const bad = `${ctx.rng.pick(w.app.typos)}:${tag}`;
    c.image = bad;
    return {
      report: noPods(w),
      symptoms: [unhealthy(ctx.instance.namespace, w), podsShow(ctx.instance.namespace, w, ["ErrImagePull", "ImagePullBackOff"])],
      checks: [sameAppImage(ctx, w, `${w.name} must run its own application's image`)],
      symptomChecks: [healthyId(w)],
      nonFixes: [{ name: `${w.role}-swap-the-image`, description: "Another application's image starts, but it is not the service.", commands: [setImage(ctx, w, "busybox:1.36")], fails: [`${ctx.id}image`] }],
      hints: [
        `Start from the events of ${w.name}'s pods: what does the kubelet try to do, and what does it get back?`,
        `The pull of \`${bad}\` fails because that repository does not exist. Compare the name letter by letter with the application's real repository.`,
        `Correct the repository: \`${setImage(ctx, w, w.image)}\`.`,
      ],
      explanation: `The ${w.kind} ${w.name} referenced \`${bad}\`, a misspelling of \`${w.image}\`. The registry has no such repository, so every pull failed (\`ErrImagePull\`, then \`ImagePullBackOff\` with a growing back-off) and no container ever started. The pods' events show the exact reference and the registry's answer. Fix the name in the Deployment; prevention: pin images by digest from the build pipeline instead of typing them.`,
      look: [describePods(ctx, w)],
      fix: [setImage(ctx, w, w.image)],
      diagnosis: READ_EVENTS,
    };
  },
};

/** A tag that was never published. */
export const IMAGE_MISSING_TAG: Fault = {
  id: "image-missing-tag",
  family: "image-pull",
  description: "a version tag the registry does not have",
  distance: 0,
  causeWords: PULL_WORDS,
  targets: allWorkloads,
  claims: (_i, t) => [t.workload!],
  apply(ctx) {
    const w = wl(ctx);
    const c = mainContainer(ctx.instance, w);
    const bad = `${w.app.repository}:${ctx.rng.pick(w.app.missingTags)}`;
    c.image = bad;
    return {
      report: noPods(w),
      symptoms: [unhealthy(ctx.instance.namespace, w), podsShow(ctx.instance.namespace, w, ["ErrImagePull", "ImagePullBackOff"])],
      checks: [sameAppImage(ctx, w, `${w.name} must run a published version of its own image`)],
      symptomChecks: [healthyId(w)],
      nonFixes: [],
      hints: [
        `Look at the events of ${w.name}'s pods: the kubelet says what it tried to pull.`,
        `The repository exists, but the registry answers \`not found\` for \`${bad}\`. Which versions does it have?`,
        `Go back to a published version: \`${setImage(ctx, w, w.image)}\`.`,
      ],
      explanation: `The ${w.kind} ${w.name} was changed to \`${bad}\`, a version nobody pushed to the registry. The repository exists, so the registry answered \`not found\` for the manifest and the kubelet kept retrying with a growing back-off (\`ImagePullBackOff\`). Use a tag that exists (\`${w.image}\`); prevention: deploy only tags your pipeline has just pushed.`,
      look: [describePods(ctx, w)],
      fix: [setImage(ctx, w, w.image)],
      diagnosis: READ_EVENTS,
    };
  },
};

/** An image reference that does not parse. */
export const IMAGE_INVALID_NAME: Fault = {
  id: "image-invalid-name",
  family: "image-pull",
  description: "an image reference that is not valid (upper case in the repository): InvalidImageName",
  distance: 0,
  causeWords: [...PULL_WORDS, "invalid", "uppercase", "lowercase", "reference"],
  targets: allWorkloads,
  claims: (_i, t) => [t.workload!],
  apply(ctx) {
    const w = wl(ctx);
    const c = mainContainer(ctx.instance, w);
    const tag = w.image.slice(w.image.lastIndexOf(":") + 1);
    const bad = `${w.app.invalid}:${tag}`;
    c.image = bad;
    return {
      report: noPods(w),
      symptoms: [unhealthy(ctx.instance.namespace, w), podsShow(ctx.instance.namespace, w, ["InvalidImageName"])],
      checks: [sameAppImage(ctx, w, `${w.name} must run its own application's image`)],
      symptomChecks: [healthyId(w)],
      nonFixes: [],
      hints: [
        `\`kubectl get pods\` shows an unusual status for ${w.name}; \`describe\` the pods and read the events.`,
        `The kubelet refuses the reference \`${bad}\` before contacting any registry: repository names must be lower case.`,
        `Write the reference in lower case: \`${setImage(ctx, w, w.image)}\`.`,
      ],
      explanation: `The image reference \`${bad}\` is not valid: the repository part of a reference must be lower case. The kubelet rejected it without pulling (\`InvalidImageName\`, "couldn't parse image name"), so no container could start. Use \`${w.image}\`; prevention: lint manifests (kubeconform or a CI dry run) before they reach the cluster.`,
      look: [describePods(ctx, w)],
      fix: [setImage(ctx, w, w.image)],
      diagnosis: READ_EVENTS,
    };
  },
};

/** A private repository without the pull secret. */
export const IMAGE_PRIVATE_NO_SECRET: Fault = {
  id: "image-private-no-secret",
  family: "image-pull",
  description: "a private repository, but the pod template lost its imagePullSecrets",
  distance: 1,
  causeWords: [...PULL_WORDS, "secret", "credentials", "private", "unauthorized", "authentication"],
  targets: (i) => i.workloads.filter((w) => w.app.privateImage && templateOf(workloadObject(i, w)).spec.imagePullSecrets).map((w) => ({ workload: w.role })),
  claims: (_i, t) => [t.workload!],
  apply(ctx) {
    const w = wl(ctx);
    const spec = templateOf(workloadObject(ctx.instance, w)).spec;
    const secretName = spec.imagePullSecrets![0].name;
    delete spec.imagePullSecrets;
    const patch = { spec: { template: { spec: { imagePullSecrets: [{ name: secretName }] } } } };
    const fix = `${ctx.k} patch ${w.kind.toLowerCase()} ${w.name} --type=merge -p '${JSON.stringify(patch)}'`;
    const mirror = w.image.replace("registry.acme.internal/shop/", "docker.io/acmeshop/");
    return {
      report: noPods(w),
      symptoms: [unhealthy(ctx.instance.namespace, w), podsShow(ctx.instance.namespace, w, ["ErrImagePull", "ImagePullBackOff"])],
      checks: [sameAppImage(ctx, w, `${w.name} must keep pulling from the company registry`)],
      symptomChecks: [healthyId(w)],
      nonFixes: [{ name: `${w.role}-public-mirror`, description: "The public mirror is not the image the company ships.", commands: [setImage(ctx, w, mirror)], fails: [`${ctx.id}image`] }],
      hints: [
        `Read the events of ${w.name}'s pods: why does the pull fail?`,
        `The registry \`registry.acme.internal\` answers that the pull is not authorized. Which Secrets exist in namespace ${ctx.instance.namespace}, and does the pod template reference one?`,
        `Give the pod template the existing pull secret: \`${fix}\`.`,
      ],
      explanation: `\`${w.image}\` lives in a private repository. The namespace has the docker-registry Secret \`${secretName}\`, but the last change to ${w.name} dropped \`imagePullSecrets\` from its pod template, so the kubelet pulled anonymously and the registry refused (\`unauthorized: authentication required\`). Add the secret back to the pod template (or to the namespace's default ServiceAccount); prevention: attach pull secrets to the ServiceAccount so a template cannot forget them.`,
      look: [describePods(ctx, w), `${ctx.k} get secrets`],
      fix: [fix],
      diagnosis: READ_EVENTS,
    };
  },
};


/** A CronJob whose image has a typo: its Job's pod never pulls, and (Forbid) no later run starts. */
export const CRONJOB_IMAGE_TYPO: Fault = {
  id: "cronjob-image-typo",
  family: "image-pull",
  description: "a typo in a CronJob's image: the Job's pod never starts, and with concurrencyPolicy Forbid the stuck Job blocks every later run",
  distance: 1,
  causeWords: PULL_WORDS,
  targets: (i) => (i.cronJobs ?? []).map((c) => ({ cronjob: c.name })),
  claims: (_i, t) => [`cronjob:${t.cronjob}`],
  apply(ctx) {
    const cj = ctx.instance.cronJobs!.find((c) => c.name === ctx.target.cronjob)!;
    const obj = ctx.instance.objects.find((o) => o.kind === "CronJob" && o.metadata.name === cj.name)!;
    const container = obj.spec.jobTemplate.spec.template.spec.containers[0];
    const bad = ctx.rng.pick(["busybox:1.36.9", "busybx:1.36", "bussybox:1.36"]);
    container.image = bad;
    const ns = ctx.instance.namespace;
    const setImage = `${ctx.k} set image cronjob/${cj.name} ${cj.container}=${cj.image}`;
    const deleteJobs = `${ctx.k} delete jobs --all`;
    const ran = { id: "cronjob-ran", kind: "fieldMatches" as const, object: "CronJob", name: cj.name, namespace: ns, path: "status.lastSuccessfulTime", pattern: ".+", role: "fixed" as const, message: `${cj.name} has not completed a run yet` };
    const checks = [
      ran,
      { id: "cronjob-image", kind: "imageIs" as const, workload: "CronJob", name: cj.name, namespace: ns, container: cj.container, pattern: "(docker\\.io/)?(library/)?busybox:(1\\.36|latest)", message: `${cj.name} must run its batch image` },
      { id: "cronjob-same-object", kind: "sameUid" as const, object: "CronJob", name: cj.name, namespace: ns },
    ];
    return {
      report: `${cap(cj.says)} has not run once since this morning's change.`,
      symptoms: [podsShow(ns, { label: cj.label } as WorkloadModel, ["ErrImagePull", "ImagePullBackOff"]), { kind: "fieldMatches", object: "CronJob", name: cj.name, namespace: ns, path: "status.lastSuccessfulTime", pattern: ".+" }],
      checks,
      symptomChecks: [ran.id],
      nonFixes: [{ name: "only-fix-the-template", description: "The stuck Job stays active, and with concurrencyPolicy Forbid no new run starts.", commands: [setImage], fails: [ran.id], waitSeconds: 330 }],
      hints: [
        `A CronJob works through Jobs and their pods: \`${ctx.k} get cronjobs,jobs,pods\`. What state is the last run in?`,
        `The run's pod cannot pull \`${bad}\` (read its events). And while that Job is active, \`concurrencyPolicy: Forbid\` skips every later schedule.`,
        `Correct the image (\`${setImage}\`), then delete the stuck Job (\`${deleteJobs}\`) so the next schedule runs.`,
      ],
      explanation: `The CronJob ${cj.name} runs \`${bad}\`, a misspelling of \`${cj.image}\`. Its first Job's pod never pulled the image (\`ErrImagePull\`, \`ImagePullBackOff\`), and an image that cannot be pulled is not a failure the Job counts, so the Job stayed active forever; with \`concurrencyPolicy: Forbid\` the CronJob skipped every later run. Fixing the CronJob's template only affects future Jobs: delete the stuck Job as well, and the next scheduled run completes. Prevention: set \`activeDeadlineSeconds\` on batch Jobs so a stuck run ends, and alert on CronJobs without a recent success.`,
      look: [`${ctx.k} get cronjobs,jobs,pods`, `${ctx.k} describe pods -l app=${cj.label}`],
      fix: [setImage, deleteJobs],
      diagnosis: [...READ_EVENTS, { command: "get", kinds: ["Job", "CronJob"] }, { command: "describe", kinds: ["Job", "CronJob"] }],
      waitSeconds: 330,
    };
  },
};

/** The image-pull faults. */
export const IMAGE_PULL_FAULTS: Fault[] = [IMAGE_TYPO, IMAGE_MISSING_TAG, IMAGE_INVALID_NAME, IMAGE_PRIVATE_NO_SECRET, CRONJOB_IMAGE_TYPO];
