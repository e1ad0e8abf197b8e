import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Deployment } from "kubernetes-models/apps/v1";
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2";
import { Job } from "kubernetes-models/batch/v1";
import { Ingress } from "kubernetes-models/networking.k8s.io/v1";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1";
import { ConfigMap, Namespace, Secret, Service } from "kubernetes-models/v1";
import type { IContainer, IPodSpec, IPodTemplateSpec } from "kubernetes-models/v1";
import { parseEnv } from "@/lib/env";
import { loadObjects, MANIFEST_DIR, manifestFiles, ROOT, type LoadedObject } from "./load-manifests";

/** The schema-checked model of each kind this project ships, keyed by `apiVersion/kind`. */
const models: Record<string, new (data: never) => { validate(): void }> = {
  "v1/Namespace": Namespace,
  "v1/ConfigMap": ConfigMap,
  "v1/Secret": Secret,
  "v1/Service": Service,
  "apps/v1/Deployment": Deployment,
  "batch/v1/Job": Job,
  "networking.k8s.io/v1/Ingress": Ingress,
  "autoscaling/v2/HorizontalPodAutoscaler": HorizontalPodAutoscaler,
  "policy/v1/PodDisruptionBudget": PodDisruptionBudget,
};

const KUSTOMIZATION = "kustomize.config.k8s.io/v1beta1/Kustomization";
const NAMESPACE = "crashcourse";

const objects = loadObjects();
const kubernetesObjects = objects.filter((o) => `${o.apiVersion}/${o.kind}` !== KUSTOMIZATION);

function only<T>(kind: string): T & LoadedObject {
  const found = kubernetesObjects.filter((o) => o.kind === kind);
  expect(found, `exactly one ${kind}`).toHaveLength(1);
  return found[0] as T & LoadedObject;
}

const deployment = only<Deployment>("Deployment");
const job = only<Job>("Job");
const service = only<Service>("Service");
const ingress = only<Ingress>("Ingress");
const hpa = only<HorizontalPodAutoscaler>("HorizontalPodAutoscaler");
const pdb = only<PodDisruptionBudget>("PodDisruptionBudget");
const configMap = only<ConfigMap>("ConfigMap");
const secret = only<Secret>("Secret");

const podTemplate = deployment.spec!.template as IPodTemplateSpec;
const podSpec = podTemplate.spec as IPodSpec;
const web = podSpec.containers[0] as IContainer;
const jobPodSpec = job.spec!.template.spec as IPodSpec;
const podLabels = podTemplate.metadata!.labels!;

function matches(selector: Record<string, string> | undefined, labels: Record<string, string>): boolean {
  const entries = Object.entries(selector ?? {});
  return entries.length > 0 && entries.every(([key, value]) => labels[key] === value);
}

describe("deploy/ manifests", () => {
  it("are all found and parsed", () => {
    expect(manifestFiles().length).toBeGreaterThanOrEqual(10);
    expect(kubernetesObjects.map((o) => o.kind).sort()).toEqual(
      ["ConfigMap", "Deployment", "HorizontalPodAutoscaler", "Ingress", "Job", "Namespace", "PodDisruptionBudget", "Secret", "Service"],
    );
  });

  it.each(kubernetesObjects.map((o) => [`${o.file}: ${o.kind}/${o.metadata?.name}`, o] as const))(
    "%s validates against the Kubernetes schema",
    (_, object) => {
      const Model = models[`${object.apiVersion}/${object.kind}`];
      expect(Model, `no schema model for ${object.apiVersion} ${object.kind}`).toBeDefined();
      const { file: _file, ...data } = object;
      expect(() => new Model(data as never).validate()).not.toThrow();
    },
  );

  it("put every namespaced object in the crashcourse namespace, and label it", () => {
    for (const object of kubernetesObjects) {
      expect(object.metadata.name, object.file).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
      if (object.kind === "Namespace") expect(object.metadata.name).toBe(NAMESPACE);
      else expect(object.metadata.namespace, `${object.file}: namespace`).toBe(NAMESPACE);
      expect(object.metadata.labels?.["app.kubernetes.io/name"], object.file).toBe("crashcourse");
    }
  });
});

describe("the Deployment", () => {
  it("probes liveness on /api/healthz and readiness on /api/readyz, on the container's port", () => {
    expect(web.livenessProbe?.httpGet?.path).toBe("/api/healthz");
    expect(web.readinessProbe?.httpGet?.path).toBe("/api/readyz");
    expect(web.startupProbe?.httpGet?.path).toBe("/api/healthz");
    const portNames = (web.ports ?? []).map((p) => p.name);
    const portNumbers = (web.ports ?? []).map((p) => p.containerPort);
    for (const probe of [web.livenessProbe, web.readinessProbe, web.startupProbe]) {
      const port = probe?.httpGet?.port;
      expect(typeof port === "string" ? portNames : portNumbers).toContain(port);
    }
  });

  it("serves on the port the image listens on", () => {
    const port = web.ports?.find((p) => p.name === "http")?.containerPort;
    expect(port).toBe(3000);
    expect(web.env?.find((e) => e.name === "PORT")?.value).toBe(String(port));
    // Kubernetes sets HOSTNAME to the pod name; Next's standalone server would listen on it.
    expect(web.env?.find((e) => e.name === "HOSTNAME")?.value).toBe("0.0.0.0");
    expect(fs.readFileSync(path.join(ROOT, "Dockerfile"), "utf8")).toMatch(new RegExp(`^EXPOSE ${port}$`, "m"));
  });

  it("has a selector that matches its own pod template", () => {
    expect(matches(deployment.spec!.selector.matchLabels, podLabels)).toBe(true);
  });

  it("leaves the replica count to the HorizontalPodAutoscaler", () => {
    expect(deployment.spec!.replicas).toBeUndefined();
  });

  it("rolls without losing capacity", () => {
    expect(deployment.spec!.strategy?.rollingUpdate?.maxUnavailable).toBe(0);
  });
});

describe("pods (web and migration)", () => {
  const pods: [string, IPodSpec][] = [
    ["Deployment", podSpec],
    ["Job", jobPodSpec],
  ];

  it.each(pods)("%s: every container sets CPU and memory requests and a memory limit", (_, spec) => {
    for (const container of spec.containers) {
      expect(container.resources?.requests?.cpu, container.name).toBeDefined();
      expect(container.resources?.requests?.memory, container.name).toBeDefined();
      expect(container.resources?.limits?.memory, container.name).toBeDefined();
    }
  });

  it.each(pods)("%s: runs as non-root with the restricted Pod Security Standard", (_, spec) => {
    expect(spec.securityContext?.runAsNonRoot).toBe(true);
    expect(spec.securityContext?.runAsUser).toBeGreaterThan(0);
    expect(spec.securityContext?.seccompProfile?.type).toBe("RuntimeDefault");
    expect(spec.automountServiceAccountToken).toBe(false);
    for (const container of spec.containers) {
      expect(container.securityContext?.allowPrivilegeEscalation, container.name).toBe(false);
      expect(container.securityContext?.readOnlyRootFilesystem, container.name).toBe(true);
      expect(container.securityContext?.capabilities?.drop, container.name).toEqual(["ALL"]);
      expect(container.securityContext?.privileged ?? false, container.name).toBe(false);
    }
  });

  it.each(pods)("%s: mounts a writable volume for every path it writes, and only declared volumes", (_, spec) => {
    const volumes = new Set((spec.volumes ?? []).map((v) => v.name));
    for (const container of spec.containers) {
      const mounts = container.volumeMounts ?? [];
      expect(mounts.map((m) => m.mountPath)).toContain("/tmp");
      for (const mount of mounts) expect(volumes.has(mount.name), mount.name).toBe(true);
    }
  });

  it("use the same image, so the migrations match the code", () => {
    expect(jobPodSpec.containers[0].image).toBe(web.image);
    expect(web.image).toMatch(/^[^:@\s]+(:[\w.-]+)?(@sha256:[0-9a-f]{64})?$/);
    expect(web.image).not.toMatch(/:latest$/);
  });
});

describe("the Service", () => {
  it("selects the web pods (no selector mismatch)", () => {
    expect(matches(service.spec!.selector, podLabels)).toBe(true);
  });

  it("does not select the migration Job's pods", () => {
    expect(matches(service.spec!.selector, job.spec!.template.metadata!.labels!)).toBe(false);
  });

  it("targets a port the container exposes (no wrong or missing targetPort)", () => {
    for (const port of service.spec!.ports!) {
      const target = port.targetPort ?? port.port;
      const exposed =
        typeof target === "string"
          ? web.ports?.find((p) => p.name === target)
          : web.ports?.find((p) => p.containerPort === target);
      expect(exposed, `targetPort ${String(target)}`).toBeDefined();
      expect(exposed?.containerPort).toBe(3000);
    }
  });
});

describe("the Ingress, autoscaler and disruption budget", () => {
  it("Ingress backends name the Service and one of its ports", () => {
    const servicePorts = service.spec!.ports!;
    for (const rule of ingress.spec!.rules ?? []) {
      for (const p of rule.http?.paths ?? []) {
        const backend = p.backend.service!;
        expect(backend.name).toBe(service.metadata!.name);
        const port = backend.port!;
        expect(servicePorts.some((sp) => (port.name ? sp.name === port.name : sp.port === port.number))).toBe(true);
      }
    }
    expect(ingress.spec!.tls?.length).toBeGreaterThan(0);
  });

  it("HorizontalPodAutoscaler scales the Deployment, from at least two replicas", () => {
    expect(hpa.spec!.scaleTargetRef).toEqual({ apiVersion: "apps/v1", kind: "Deployment", name: deployment.metadata!.name });
    expect(hpa.spec!.minReplicas).toBeGreaterThanOrEqual(2);
    expect(hpa.spec!.maxReplicas).toBeGreaterThan(hpa.spec!.minReplicas!);
    // The HPA needs CPU requests to compute utilisation.
    expect(web.resources?.requests?.cpu).toBeDefined();
  });

  it("PodDisruptionBudget selects the web pods and leaves room to evict one", () => {
    expect(matches(pdb.spec!.selector!.matchLabels, podLabels)).toBe(true);
    expect(pdb.spec!.minAvailable).toBeLessThan(hpa.spec!.minReplicas!);
  });
});

describe("configuration and secrets", () => {
  const secretData = secret.stringData ?? {};

  it("Secret template holds DATABASE_URL and NEXTAUTH_SECRET, as placeholders only", () => {
    expect(Object.keys(secretData).sort()).toEqual(["DATABASE_URL", "NEXTAUTH_SECRET"]);
    expect(secret.data).toBeUndefined();
    for (const [key, value] of Object.entries(secretData)) expect(value, key).toContain("CHANGE-ME");
    expect(secret.file).toMatch(/\.example\.yaml$/);
  });

  it("ConfigMap and Secret together make a valid production environment for lib/env.ts", () => {
    const environment = { NODE_ENV: "production", ...configMap.data, ...secretData };
    const parsed = parseEnv(environment);
    for (const key of Object.keys(environment)) expect(Object.keys(parsed), `${key} is read by lib/env.ts`).toContain(key);
    expect(parsed.DATABASE_URL).toBe(secretData.DATABASE_URL);
  });

  it("pods read the Secret and ConfigMap these manifests define", () => {
    const refs = [
      ...(web.envFrom ?? []).map((e) => e.secretRef?.name ?? e.configMapRef?.name),
      ...jobPodSpec.containers.flatMap((c) => (c.env ?? []).map((e) => e.valueFrom?.secretKeyRef?.name).filter(Boolean)),
    ];
    expect(refs.length).toBeGreaterThan(0);
    for (const name of refs) expect([secret.metadata!.name, configMap.metadata!.name]).toContain(name);
    const jobKeys = jobPodSpec.containers.flatMap((c) => (c.env ?? []).map((e) => e.valueFrom?.secretKeyRef?.key));
    for (const key of jobKeys) expect(Object.keys(secretData)).toContain(key);
  });

  it("no manifest carries a real-looking credential", () => {
    for (const file of manifestFiles()) {
      const text = fs.readFileSync(path.join(ROOT, file), "utf8");
      expect(text, file).not.toMatch(/-----BEGIN [A-Z ]*PRIVATE KEY-----/);
      for (const url of text.match(/postgres(?:ql)?:\/\/[^\s'"]+/g) ?? []) {
        const password = /\/\/[^:/@]+:([^@]+)@/.exec(url)?.[1];
        if (password) expect(password, `${file}: ${url}`).toMatch(/CHANGE-ME|PASSWORD/);
      }
    }
  });
});

describe("the migration Job", () => {
  it("runs prisma migrate deploy once, without restarting forever", () => {
    expect(jobPodSpec.containers[0].command).toEqual(["node", "prisma/cli.mjs", "migrate", "deploy"]);
    expect(fs.existsSync(path.join(ROOT, "prisma", "cli.mjs"))).toBe(true);
    expect(["Never", "OnFailure"]).toContain(jobPodSpec.restartPolicy);
    expect(job.spec!.backoffLimit).toBeLessThanOrEqual(3);
    expect(job.spec!.activeDeadlineSeconds).toBeGreaterThan(0);
  });
});

describe("kustomization and rollout script", () => {
  const kustomization = objects.find((o) => `${o.apiVersion}/${o.kind}` === KUSTOMIZATION) as unknown as { resources: string[] };

  it("lists every long-running manifest, and leaves out the Secret template and the migration Job", () => {
    const listed = [...kustomization.resources].sort();
    const all = fs.readdirSync(MANIFEST_DIR).filter((f) => f.endsWith(".yaml") && f !== "kustomization.yaml");
    expect(listed).toEqual(all.filter((f) => f !== "secret.example.yaml" && f !== "migrate-job.yaml").sort());
  });

  it("rollout.sh substitutes the image the manifests carry", () => {
    const script = fs.readFileSync(path.join(ROOT, "deploy", "rollout.sh"), "utf8");
    expect(script).toContain(`placeholder='${web.image}'`);
    expect(script).toMatch(/migrate-job\.yaml/);
    expect(script.indexOf("crashcourse-migrate")).toBeLessThan(script.indexOf("rollout status"));
  });
});
