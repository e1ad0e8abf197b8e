/**
 * `web`: a single web Deployment behind a Service — an nginx site with its server block in a
 * ConfigMap, or a Node.js web API with its settings in a ConfigMap and its session secret in a
 * Secret.
 */
import type { Random } from "../../runtime/random";
import { NGINX_FACTS, WEB_API_FACTS, imageOf } from "../apps";
import type { Topology, TopologyInstance, WorkloadModel } from "../types";
import { appContainer, configMap, drawNodes, namespace, secret, service, serviceModel, workload } from "./build";

const SITES = [
  { app: "landing", ns: "marketing", team: "The marketing team", system: "the marketing website", says: "the website" },
  { app: "storefront", ns: "shop", team: "The shop team", system: "the online shop's storefront", says: "the storefront" },
  { app: "docs-portal", ns: "docs", team: "The documentation team", system: "the documentation portal", says: "the docs portal" },
  { app: "status-page", ns: "ops", team: "The operations team", system: "the public status page", says: "the status page" },
  { app: "partner-api", ns: "partners", team: "The partner integrations team", system: "the partner API", says: "the partner API" },
] as const;

/** nginx's server block, as the team keeps it in a ConfigMap. */
const SERVER_BLOCK = "server {\n    listen 80;\n    location / {\n        root /usr/share/nginx/html;\n        index index.html;\n    }\n}\n";

function build(rng: Random): TopologyInstance {
  const site = rng.pick(SITES);
  const facts = rng.next() < 0.5 ? NGINX_FACTS : WEB_API_FACTS;
  const ns = site.ns;
  const name = site.app;
  const replicas = rng.int(2, 3);
  const image = imageOf(facts, rng.pick(facts.tags));
  const objects = [namespace(ns)];
  const w: WorkloadModel = { role: "web", kind: "Deployment", name, container: facts.id === "nginx" ? "nginx" : "app", image, app: facts, replicas, label: name, says: site.says };
  if (facts.id === "nginx") {
    w.configVolume = { volume: "config", configMap: `${name}-nginx-conf`, mountPath: "/etc/nginx/conf.d" };
    objects.push(configMap(w.configVolume.configMap, ns, { "default.conf": SERVER_BLOCK }));
    const c = appContainer(w.container, image, facts, { volumeMounts: [{ name: "config", mountPath: w.configVolume.mountPath }] } as never);
    objects.push(workload("Deployment", name, ns, replicas, name, c, { volumes: [{ name: "config", configMap: { name: w.configVolume.configMap } }] }));
  } else {
    w.configMapEnv = `${name}-config`;
    w.secretKeyEnv = { env: "SESSION_SECRET", secret: `${name}-secrets`, key: "session-secret" };
    objects.push(configMap(w.configMapEnv, ns, { NODE_ENV: "production", LOG_LEVEL: "info" }));
    objects.push(secret(w.secretKeyEnv.secret, ns, { "session-secret": WEB_API_FACTS.requiredEnv!.value }));
    const c = appContainer(w.container, image, facts, {
      envFrom: [{ configMapRef: { name: w.configMapEnv } }],
      env: [{ name: "SESSION_SECRET", valueFrom: { secretKeyRef: { name: w.secretKeyEnv.secret, key: w.secretKeyEnv.key } } }],
    } as never);
    objects.push(workload("Deployment", name, ns, replicas, name, c));
  }
  objects.push(service(name, ns, name, 80, facts.port));
  return {
    topology: "web",
    namespace: ns,
    system: site.system,
    team: site.team,
    objects,
    nodes: drawNodes(rng),
    workloads: [w],
    services: [serviceModel(w, name, 80, "visitors")],
    steps: [],
  };
}

/** The single web Deployment behind a Service. */
export const WEB_TOPOLOGY: Topology = {
  id: "web",
  description: "a single web Deployment (nginx or a Node.js API) behind a Service, with a ConfigMap (and a Secret)",
  build,
};
