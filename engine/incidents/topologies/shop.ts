/**
 * `shop`: a three-tier shop. An nginx frontend (server block in a ConfigMap), a Node.js API
 * (settings in a ConfigMap, session secret in a Secret) and PostgreSQL as a StatefulSet whose
 * volumeClaimTemplates give it a PersistentVolumeClaim on the default StorageClass, with its
 * password in a Secret.
 */
import type { Random } from "../../runtime/random";
import { NGINX_FACTS, POSTGRES_FACTS, WEB_API_FACTS, imageOf } from "../apps";
import type { Topology, TopologyInstance, WorkloadModel } from "../types";
import { appContainer, configMap, drawNodes, namespace, secret, service, serviceModel, workload } from "./build";

const SHOPS = [
  { ns: "shop", front: "storefront", api: "catalog-api", db: "orders-db", team: "The shop team", system: "the online shop" },
  { ns: "webshop", front: "webshop-frontend", api: "cart-api", db: "cart-db", team: "The e-commerce team", system: "the web shop" },
  { ns: "bookstore", front: "bookstore-web", api: "books-api", db: "books-db", team: "The bookstore team", system: "the bookstore" },
] as const;

/** nginx's server block for the frontend. */
const SERVER_BLOCK = "server {\n    listen 80;\n    location / {\n        root /usr/share/nginx/html;\n        index index.html;\n    }\n}\n";

function build(rng: Random): TopologyInstance {
  const shop = rng.pick(SHOPS);
  const ns = shop.ns;
  const front: WorkloadModel = {
    role: "frontend",
    kind: "Deployment",
    name: shop.front,
    container: "nginx",
    image: imageOf(NGINX_FACTS, rng.pick(NGINX_FACTS.tags)),
    app: NGINX_FACTS,
    replicas: rng.int(2, 3),
    label: shop.front,
    says: "the shop frontend",
    configVolume: { volume: "config", configMap: `${shop.front}-nginx-conf`, mountPath: "/etc/nginx/conf.d" },
  };
  const api: WorkloadModel = {
    role: "api",
    kind: "Deployment",
    name: shop.api,
    container: "api",
    image: imageOf(WEB_API_FACTS),
    app: WEB_API_FACTS,
    replicas: 2,
    label: shop.api,
    says: "the checkout",
    configMapEnv: `${shop.api}-config`,
    secretKeyEnv: { env: "SESSION_SECRET", secret: `${shop.api}-secrets`, key: "session-secret" },
  };
  const db: WorkloadModel = {
    role: "db",
    kind: "StatefulSet",
    name: shop.db,
    container: "postgres",
    image: imageOf(POSTGRES_FACTS),
    app: POSTGRES_FACTS,
    replicas: 1,
    label: shop.db,
    says: "the order history",
    secretKeyEnv: { env: "POSTGRES_PASSWORD", secret: `${shop.db}-credentials`, key: "postgres-password" },
    claim: { name: "data", storageClassName: "standard" },
  };
  const objects = [
    namespace(ns),
    configMap(front.configVolume!.configMap, ns, { "default.conf": SERVER_BLOCK }),
    workload("Deployment", front.name, ns, front.replicas, front.label, appContainer("nginx", front.image, NGINX_FACTS, { volumeMounts: [{ name: "config", mountPath: "/etc/nginx/conf.d" }] } as never), { volumes: [{ name: "config", configMap: { name: front.configVolume!.configMap } }] }),
    service(front.name, ns, front.label, 80, 80),
    configMap(api.configMapEnv!, ns, { NODE_ENV: "production", LOG_LEVEL: "info", DATABASE_HOST: `${shop.db}.${ns}.svc.cluster.local` }),
    secret(api.secretKeyEnv!.secret, ns, { "session-secret": rng.hex(20) }),
    workload(
      "Deployment",
      api.name,
      ns,
      api.replicas,
      api.label,
      appContainer("api", api.image, WEB_API_FACTS, { envFrom: [{ configMapRef: { name: api.configMapEnv } }], env: [{ name: "SESSION_SECRET", valueFrom: { secretKeyRef: { name: api.secretKeyEnv!.secret, key: "session-secret" } } }] } as never),
    ),
    service(api.name, ns, api.label, 80, 3000),
    secret(db.secretKeyEnv!.secret, ns, { "postgres-password": rng.hex(16) }),
    workload(
      "StatefulSet",
      db.name,
      ns,
      1,
      db.label,
      appContainer("postgres", db.image, POSTGRES_FACTS, {
        env: [{ name: "POSTGRES_PASSWORD", valueFrom: { secretKeyRef: { name: db.secretKeyEnv!.secret, key: "postgres-password" } } }, { name: "PGDATA", value: "/var/lib/postgresql/data/pgdata" }],
        volumeMounts: [{ name: "data", mountPath: "/var/lib/postgresql/data" }],
      } as never),
      {},
      { serviceName: db.name, volumeClaimTemplates: [{ metadata: { name: "data" }, spec: { accessModes: ["ReadWriteOnce"], storageClassName: "standard", resources: { requests: { storage: "1Gi" } } } }] },
    ),
    service(db.name, ns, db.label, 5432, 5432),
  ];
  return {
    topology: "shop",
    namespace: ns,
    system: shop.system,
    team: shop.team,
    objects,
    nodes: drawNodes(rng),
    workloads: [front, api, db],
    services: [serviceModel(front, front.name, 80, "shoppers"), serviceModel(api, api.name, 80, "the storefront"), serviceModel(db, db.name, 5432, "the API")],
    steps: [],
  };
}

/** The three-tier shop. */
export const SHOP_TOPOLOGY: Topology = {
  id: "shop",
  description: "a three-tier shop: nginx frontend, Node.js API, PostgreSQL StatefulSet with a PVC, a ConfigMap and Secrets",
  build,
};
