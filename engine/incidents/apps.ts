/**
 * What the incident library knows about each application of the standard world
 * (`engine/world/library.ts`): its images, where it listens, its health endpoints, the
 * resources it needs and the ways its start-up can be broken. Faults read these facts to
 * decide whether they apply and how to break and fix a container; the behaviour itself comes
 * from the application models the kubelet runs.
 */

/** Facts about one application image. */
export interface AppFacts {
  id: string;
  /** The repository as manifests write it (`nginx`, `docker.io/acmeshop/web-api`). */
  repository: string;
  /** Tags the registry has. */
  tags: string[];
  /** Tags the registry does not have (a version nobody published). */
  missingTags: string[];
  /** A typo of the repository that does not exist. */
  typos: string[];
  /** The image with an invalid reference (upper case in the repository). */
  invalid: string;
  /** A regular expression matching every good image of this app (for `imageIs`). */
  goodPattern: string;
  port: number;
  protocol: "http" | "tcp";
  /** An HTTP path answering 200 for liveness, and one for readiness (http apps). */
  livenessPath?: string;
  readinessPath?: string;
  /** A path that does not exist (404). */
  wrongPath?: string;
  /** Healthy requests and limits. */
  resources: { requests: { cpu: string; memory: string }; limits: { memory: string } };
  /** A memory limit below what it needs (OOMKilled), and how much it needs, in words. */
  oomLimit?: string;
  /** An env var the app cannot start without, and a value. */
  requiredEnv?: { name: string; value: string };
  /** `args` that make it exit at start-up, and the log line that shows it. */
  badArgs?: { args: string[]; symptom: string };
  /** Whether the registry also serves it from a private repository needing a pull secret. */
  privateImage?: string;
  /**
   * For a `runAsNonRoot` hardening: the image's user as the kubelet sees it (root, or a name it
   * cannot verify), and a numeric uid the app runs as just as well (and why).
   */
  nonRoot?: { imageUser: "root" | { name: string }; uid: number; why: string };
}

/** nginx (official image). */
export const NGINX_FACTS: AppFacts = {
  id: "nginx",
  repository: "nginx",
  tags: ["1.25", "1.26", "1.27"],
  missingTags: ["1.27.9", "1.28.1", "1.29"],
  typos: ["ngnix", "nignx", "nginx-official"],
  invalid: "Nginx",
  goodPattern: "(docker\\.io/)?(library/)?nginx:(1\\.25|1\\.26|1\\.27|latest)",
  port: 80,
  protocol: "http",
  livenessPath: "/",
  readinessPath: "/index.html",
  wrongPath: "/healthz",
  resources: { requests: { cpu: "50m", memory: "64Mi" }, limits: { memory: "128Mi" } },
  badArgs: { args: ["nginx", "-c", "/etc/nginx/nginx.cnf"], symptom: 'open() "/etc/nginx/nginx.cnf" failed (2: No such file or directory)' },
};

/** acmeshop/web-api (Node.js, port 3000, needs SESSION_SECRET). */
export const WEB_API_FACTS: AppFacts = {
  id: "web-api",
  nonRoot: { imageUser: { name: "node" }, uid: 1000, why: "the image's user `node` is uid 1000 in Node.js images" },
  repository: "acmeshop/web-api",
  tags: ["2.3.0"],
  missingTags: ["2.3.1", "2.4.0", "2.3.0-rc1"],
  typos: ["acmeshop/webapi", "acmeshop/web-apl", "acmshop/web-api"],
  invalid: "acmeshop/Web-API",
  goodPattern: "(docker\\.io/)?acmeshop/web-api:2\\.3\\.0",
  port: 3000,
  protocol: "http",
  livenessPath: "/healthz",
  readinessPath: "/healthz",
  wrongPath: "/health",
  resources: { requests: { cpu: "50m", memory: "128Mi" }, limits: { memory: "256Mi" } },
  oomLimit: "48Mi",
  requiredEnv: { name: "SESSION_SECRET", value: "2e7b9d4c1a" },
  badArgs: { args: ["node", "sever.js"], symptom: "Error: Cannot find module '/app/sever.js'" },
};

/** The workshop's customer-gateway (Spring Boot, port 8080). */
export const GATEWAY_FACTS: AppFacts = {
  id: "customer-gateway",
  repository: "registry.acme.internal/shop/customer-gateway",
  tags: ["1.4.2", "1.4.1"],
  missingTags: ["1.4.3", "1.5.0"],
  typos: ["registry.acme.internal/shop/customer-gatway", "registry.acme.internal/shop/customergateway"],
  invalid: "registry.acme.internal/shop/Customer-Gateway",
  goodPattern: "registry\\.acme\\.internal/shop/customer-gateway:1\\.4\\.[12]",
  port: 8080,
  protocol: "http",
  livenessPath: "/actuator/health/liveness",
  readinessPath: "/actuator/health/readiness",
  wrongPath: "/health",
  resources: { requests: { cpu: "100m", memory: "384Mi" }, limits: { memory: "512Mi" } },
  oomLimit: "256Mi",
  privateImage: "registry.acme.internal/shop/customer-gateway",
};

/** The workshop's customerinfo-app (Spring Boot, port 8080). */
export const CUSTOMERINFO_FACTS: AppFacts = {
  id: "customerinfo-app",
  repository: "registry.acme.internal/shop/customerinfo-app",
  tags: ["2.1.0"],
  missingTags: ["2.1.1", "2.2.0"],
  typos: ["registry.acme.internal/shop/customerinfo", "registry.acme.internal/shop/custmerinfo-app"],
  invalid: "registry.acme.internal/shop/CustomerInfo-App",
  goodPattern: "registry\\.acme\\.internal/shop/customerinfo-app:2\\.1\\.0",
  port: 8080,
  protocol: "http",
  livenessPath: "/actuator/health/liveness",
  readinessPath: "/actuator/health/readiness",
  wrongPath: "/actuator/health/live",
  resources: { requests: { cpu: "100m", memory: "384Mi" }, limits: { memory: "512Mi" } },
  oomLimit: "256Mi",
  privateImage: "registry.acme.internal/shop/customerinfo-app",
};

/** PostgreSQL 16 (needs POSTGRES_PASSWORD). */
export const POSTGRES_FACTS: AppFacts = {
  id: "postgres",
  repository: "postgres",
  tags: ["16"],
  missingTags: ["16.9", "17.2"],
  typos: ["postgress", "postgre"],
  invalid: "Postgres",
  goodPattern: "(docker\\.io/)?(library/)?postgres:(16|latest)",
  port: 5432,
  protocol: "tcp",
  resources: { requests: { cpu: "100m", memory: "256Mi" }, limits: { memory: "512Mi" } },
  oomLimit: "32Mi",
  requiredEnv: { name: "POSTGRES_PASSWORD", value: "local-dev-only" },
};

/** Redis 7. */
export const REDIS_FACTS: AppFacts = {
  id: "redis",
  repository: "redis",
  tags: ["7"],
  missingTags: ["7.4.8", "8.0"],
  typos: ["rediss", "redis-server"],
  invalid: "Redis",
  goodPattern: "(docker\\.io/)?(library/)?redis:(7|latest)",
  port: 6379,
  protocol: "tcp",
  resources: { requests: { cpu: "50m", memory: "64Mi" }, limits: { memory: "128Mi" } },
};

/** acmeshop/report-worker (Python queue consumer, needs Redis at start-up). */
export const WORKER_FACTS: AppFacts = {
  id: "report-worker",
  nonRoot: { imageUser: "root", uid: 10001, why: "the worker needs no particular account; any unprivileged uid will do" },
  repository: "acmeshop/report-worker",
  tags: ["1.0.3"],
  missingTags: ["1.0.4", "1.2.0"],
  typos: ["acmeshop/report-wroker", "acmeshop/reports-worker"],
  invalid: "acmeshop/Report-Worker",
  goodPattern: "(docker\\.io/)?acmeshop/report-worker:1\\.0\\.3",
  port: 0,
  protocol: "tcp",
  resources: { requests: { cpu: "50m", memory: "128Mi" }, limits: { memory: "256Mi" } },
  oomLimit: "32Mi",
  badArgs: { args: ["python", "-u", "wroker.py"], symptom: "python: can't open file '/app/wroker.py': [Errno 2] No such file or directory" },
};

/** The image reference of `facts` at `tag`. */
export function imageOf(facts: AppFacts, tag = facts.tags[0]): string {
  return `${facts.repository}:${tag}`;
}
