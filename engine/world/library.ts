import type { AppModel, RegistryHost, World } from "../model/world";
import { NGINX, PAUSE, POSTGRES, REDIS } from "./library/apps-infra";
import { CUSTOMER_GATEWAY, CUSTOMERINFO_APP, DB_MIGRATE, WEB_API, reportWorker } from "./library/apps-shop";
import { STANDARD_REPOSITORIES } from "./library/images";

/**
 * The standard library of images and applications every scenario starts from. A scenario
 * names images from here (`nginx:1.27`, `registry.acme.internal/shop/customer-gateway:1.4.2`)
 * and may add its own repositories, apps and hosts on top (see `standardWorld`).
 *
 * Images: nginx 1.25/1.26/1.27/latest, busybox 1.36/latest, postgres 16/latest, redis 7/latest,
 * registry.k8s.io/pause 3.9/3.10, curlimages/curl 8.8.0/latest, gcr.io/distroless/static-debian12,
 * registry.acme.internal/shop/{customer-gateway:1.4.1,1.4.2, customerinfo-app:2.1.0} (private)
 * and their docker.io/acmeshop mirrors, acmeshop/web-api:2.3.0, acmeshop/report-worker:1.0.3
 * and 1.1.0 (leaks memory), acmeshop/db-migrate:1.0.0.
 */

export { ACME_REGISTRY_CREDENTIALS, STANDARD_REPOSITORIES } from "./library/images";

/** Application models by id. */
export const STANDARD_APPS: Readonly<Record<string, AppModel>> = {
  nginx: NGINX,
  postgres: POSTGRES,
  redis: REDIS,
  pause: PAUSE,
  "customer-gateway": CUSTOMER_GATEWAY,
  "customerinfo-app": CUSTOMERINFO_APP,
  "web-api": WEB_API,
  "report-worker": reportWorker("report-worker", 0),
  "report-worker-leaky": reportWorker("report-worker-leaky", 24),
  "db-migrate": DB_MIGRATE,
};

/** Registry hosts the nodes can reach. Any other host does not resolve. */
export const STANDARD_HOSTS: readonly RegistryHost[] = [
  { host: "docker.io", reachable: true },
  { host: "registry.k8s.io", reachable: true },
  { host: "gcr.io", reachable: true },
  { host: "ghcr.io", reachable: true },
  { host: "quay.io", reachable: true },
  { host: "registry.acme.internal", reachable: true },
];

/** What a scenario adds to the standard world. */
export interface WorldAdditions {
  repositories?: World["registry"]["repositories"];
  hosts?: RegistryHost[];
  apps?: Record<string, AppModel>;
  externalHosts?: World["externalHosts"];
  clusterDomain?: string;
}

/**
 * The standard world with a scenario's additions. A repository or host with the same name as
 * a standard one replaces it (a scenario can make `registry.acme.internal` unreachable).
 */
export function standardWorld(additions: WorldAdditions = {}): World {
  const repos = new Map(STANDARD_REPOSITORIES.map((r) => [r.name, r]));
  for (const r of additions.repositories ?? []) repos.set(r.name, r);
  const hosts = new Map(STANDARD_HOSTS.map((h) => [h.host, h]));
  for (const h of additions.hosts ?? []) hosts.set(h.host, h);
  return {
    registry: { hosts: [...hosts.values()], repositories: [...repos.values()] },
    apps: { ...STANDARD_APPS, ...(additions.apps ?? {}) },
    clusterDomain: additions.clusterDomain ?? "cluster.local",
    externalHosts: { ...(additions.externalHosts ?? {}) },
  };
}
