import type { AppModel } from "../../model/world";
import {
  JAVA_ARGS,
  springDependencyFailure,
  springMissingProperty,
  springReadyLogs,
  springShutdownLogs,
  springStartupLogs,
} from "./spring";

/**
 * The workshop's services: two Spring Boot applications (`customer-gateway` calls
 * `customerinfo-app` through the `customerinfo` Service), a Node.js web API and a Python
 * worker. Plain data built once at load.
 */

/** Spring Boot's external config locations, relative to the working directory `/app`. */
const SPRING_FILES = ["/app/application.yml", "/app/application-{profile}.yml", "/app/config/application.yml", "/app/config/application-{profile}.yml"];

/** Actuator health answers (probes enabled). */
function actuatorRoutes(extra: Record<string, { status: number; body?: string; contentType?: string }> = {}): NonNullable<AppModel["listen"]>[number]["routes"] {
  return {
    "/actuator/health": { status: 200, body: '{"status":"UP","groups":["liveness","readiness"]}', contentType: "application/vnd.spring-boot.actuator.v3+json", whenUnready: { status: 503, body: '{"status":"DOWN","groups":["liveness","readiness"]}' } },
    "/actuator/health/liveness": { status: 200, body: '{"status":"UP"}', contentType: "application/vnd.spring-boot.actuator.v3+json" },
    "/actuator/health/readiness": { status: 200, body: '{"status":"UP"}', contentType: "application/vnd.spring-boot.actuator.v3+json", whenUnready: { status: 503, body: '{"status":"OUT_OF_SERVICE"}' } },
    "/actuator": { status: 200, body: '{"_links":{"self":{"href":"http://localhost:8080/actuator","templated":false},"health":{"href":"http://localhost:8080/actuator/health","templated":false}}}', contentType: "application/vnd.spring-boot.actuator.v3+json" },
    ...extra,
  };
}

/** Spring's whitelabel 404 as JSON. */
const SPRING_NOT_FOUND = { status: 404, body: '{"timestamp":"{time}","status":404,"error":"Not Found","path":"{path}"}' };

/** customer-gateway: the public API; needs `customerinfo.url` (only the `k8s` and `prod` profiles set it) and calls it at start-up. */
export const CUSTOMER_GATEWAY: AppModel = {
  id: "customer-gateway",
  description: "Spring Boot 3 API gateway in front of customerinfo-app",
  executables: ["java"],
  runtime: "java",
  args: { ...JAVA_ARGS, required: ["-jar"] },
  config: {
    defaults: {
      "spring.application.name": "customer-gateway",
      "server.port": "8080",
      "management.endpoint.health.probes.enabled": "true",
    },
    profileDefaults: {
      local: { "customerinfo.url": "http://localhost:8081" },
      k8s: { "customerinfo.url": "http://customerinfo:8080" },
      prod: { "customerinfo.url": "http://customerinfo.shop.svc.cluster.local:8080" },
    },
    files: SPRING_FILES,
    relaxedEnv: true,
    profilesSetting: "spring.profiles.active",
  },
  requirements: [
    {
      setting: "customerinfo.url",
      failure: springMissingProperty("customer-gateway", "customerinfo.url", "customerinfo", "com.acme.shop.gateway.CustomerInfoProperties", 3.1),
    },
    {
      reachable: "{setting:customerinfo.url}/api/segments",
      failure: springDependencyFailure("customer-gateway", "CustomerGatewayApplication", "com.acme.shop.gateway", 3.9),
    },
  ],
  listen: [
    {
      port: 8080,
      portSetting: "server.port",
      protocol: "http",
      routes: actuatorRoutes({ "/api/customers": { status: 200, body: '[{"id":1,"name":"Ada Lovelace","segment":"gold"},{"id":2,"name":"Alan Turing","segment":"silver"}]', contentType: "application/json" } }),
      notFound: SPRING_NOT_FOUND,
    },
  ],
  startupSeconds: 3.4,
  resources: { memoryMiB: 300, startupMemoryMiB: 320, cpuMillis: 12, startupCpuMillis: 950 },
  logs: {
    startup: springStartupLogs("customer-gateway", "CustomerGatewayApplication", "c.a.s.g.CustomerGatewayApplication", "1.4.2", 3.4),
    ready: springReadyLogs("customer-gateway", "CustomerGatewayApplication", "c.a.s.g.CustomerGatewayApplication"),
    shutdown: springShutdownLogs("customer-gateway"),
  },
};

/** customerinfo-app: the customer data service behind the `customerinfo` Service; the `prod` profile uses PostgreSQL. */
export const CUSTOMERINFO_APP: AppModel = {
  id: "customerinfo-app",
  description: "Spring Boot 3 customer data service",
  executables: ["java"],
  runtime: "java",
  args: { ...JAVA_ARGS, required: ["-jar"] },
  config: {
    defaults: {
      "spring.application.name": "customerinfo-app",
      "server.port": "8080",
      "management.endpoint.health.probes.enabled": "true",
    },
    profileDefaults: {
      prod: { "db.host": "postgres", "db.port": "5432" },
    },
    files: SPRING_FILES,
    relaxedEnv: true,
    profilesSetting: "spring.profiles.active",
  },
  requirements: [
    {
      onlyIf: { setting: "db.host" },
      reachable: "tcp://{setting:db.host}:{setting:db.port}",
      when: "running",
      failure: {
        logs: [
          "{time}  WARN 1 --- [customerinfo-app] [           main] com.zaxxer.hikari.pool.HikariPool        : HikariPool-1 - Exception during pool initialization.",
          "",
          "org.postgresql.util.PSQLException: Connection to {host} refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.",
          "Caused by: {error}",
        ],
      },
    },
  ],
  listen: [
    {
      port: 8080,
      portSetting: "server.port",
      protocol: "http",
      routes: actuatorRoutes({
        "/api/segments": { status: 200, body: '[{"segment":"gold","discount":15},{"segment":"silver","discount":5}]', contentType: "application/json" },
        "/api/customers/1": { status: 200, body: '{"id":1,"name":"Ada Lovelace","segment":"gold"}', contentType: "application/json" },
      }),
      notFound: SPRING_NOT_FOUND,
    },
  ],
  startupSeconds: 2.8,
  resources: { memoryMiB: 260, startupMemoryMiB: 280, cpuMillis: 8, startupCpuMillis: 900 },
  logs: {
    startup: springStartupLogs("customerinfo-app", "CustomerInfoApplication", "c.a.s.c.CustomerInfoApplication", "2.1.0", 2.8),
    ready: springReadyLogs("customerinfo-app", "CustomerInfoApplication", "c.a.s.c.CustomerInfoApplication"),
    shutdown: springShutdownLogs("customerinfo-app"),
  },
};

/** A Node.js stack frame prefix for the web API's crashes. */
const NODE_VERSION_LINE = "Node.js v20.14.0";

/** web: a Node.js API on `PORT` (3000) that needs `SESSION_SECRET` and reports not ready while Redis is unreachable. */
export const WEB_API: AppModel = {
  id: "web-api",
  description: "Node.js (Express) web API",
  executables: ["node"],
  wrappers: ["docker-entrypoint.sh"],
  runtime: "node",
  args: {
    options: [{ name: "--max-old-space-size=", prefix: true }, { name: "--enable-source-maps" }, { name: "--require", takesValue: true }],
    positionals: "file",
    baseDir: "/app",
    unknownOption: { exitCode: 9, afterSeconds: 0.05, logs: ["node: bad option: {option}"] },
    missingFile: {
      exitCode: 1,
      afterSeconds: 0.1,
      logs: [
        "node:internal/modules/cjs/loader:1148",
        "  throw err;",
        "  ^",
        "",
        "Error: Cannot find module '{file}'",
        "    at Module._resolveFilename (node:internal/modules/cjs/loader:1145:15)",
        "    at Module._load (node:internal/modules/cjs/loader:986:27)",
        "    at Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:174:12)",
        "    at node:internal/main/run_main_module:28:49 {",
        "  code: 'MODULE_NOT_FOUND',",
        "  requireStack: []",
        "}",
        "",
        NODE_VERSION_LINE,
      ],
    },
  },
  config: { defaults: { port: "3000", "redis.url": "redis://redis:6379" }, env: { PORT: "port", REDIS_URL: "redis.url" } },
  requirements: [
    {
      env: "SESSION_SECRET",
      failure: {
        exitCode: 1,
        afterSeconds: 0.4,
        logs: [
          "/app/server.js:14",
          "    throw new Error(`missing required environment variable ${name}`);",
          "    ^",
          "",
          "Error: missing required environment variable SESSION_SECRET",
          "    at requireEnv (/app/server.js:14:11)",
          "    at Object.<anonymous> (/app/server.js:21:24)",
          "    at Module._compile (node:internal/modules/cjs/loader:1369:14)",
          "    at Module._extensions..js (node:internal/modules/cjs/loader:1427:10)",
          "    at Module.load (node:internal/modules/cjs/loader:1206:32)",
          "    at Module._load (node:internal/modules/cjs/loader:1022:12)",
          "    at Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:135:12)",
          "    at node:internal/main/run_main_module:28:49",
          "",
          NODE_VERSION_LINE,
        ],
      },
    },
    {
      reachable: "{setting:redis.url}",
      when: "running",
      failure: { logs: ['{"level":"error","time":"{time}","msg":"redis connection failed","err":"{errorMessage}"}'] },
    },
  ],
  listen: [
    {
      port: 3000,
      portSetting: "port",
      protocol: "http",
      routes: {
        "/healthz": { status: 200, body: "ok", contentType: "text/plain; charset=utf-8" },
        "/readyz": { status: 200, body: "ready", contentType: "text/plain; charset=utf-8", whenUnready: { status: 503, body: "redis unavailable" } },
        "/api/products": { status: 200, body: '[{"sku":"A-100","name":"Mug","price":9.5}]', contentType: "application/json; charset=utf-8" },
      },
      notFound: { status: 404, body: "Cannot GET {path}" },
    },
  ],
  startupSeconds: 0.6,
  resources: { memoryMiB: 85, startupMemoryMiB: 70, cpuMillis: 5, startupCpuMillis: 300 },
  logs: {
    startup: ['{"level":"info","time":"{time}","msg":"loading configuration","env":"{env:NODE_ENV}"}'],
    ready: ['{"level":"info","time":"{time}","msg":"server listening","port":{port}}'],
    shutdown: ['{"level":"info","time":"{time}","msg":"SIGTERM received, closing server"}'],
  },
};

/** Python traceback lines for the worker's Redis connection failure. */
const WORKER_REDIS_FAILURE = {
  exitCode: 1,
  afterSeconds: 1.2,
  logs: [
    "Traceback (most recent call last):",
    '  File "/app/worker.py", line 41, in <module>',
    "    main()",
    '  File "/app/worker.py", line 33, in main',
    "    queue.ping()",
    '  File "/usr/local/lib/python3.12/site-packages/redis/commands/core.py", line 1216, in ping',
    '    return self.execute_command("PING", **kwargs)',
    '  File "/usr/local/lib/python3.12/site-packages/redis/connection.py", line 357, in connect',
    "    raise ConnectionError(self._error_message(e))",
    "redis.exceptions.ConnectionError: {errorMessage}",
  ],
};

/** report-worker: a Python queue consumer; 1.1.0 leaks memory (OOMKilled under a small limit). */
export function reportWorker(id: string, leakMiBPerMinute: number): AppModel {
  return {
    id,
    description: "Python 3.12 background worker reading jobs from Redis",
    executables: ["python", "python3"],
    runtime: "python",
    args: {
      options: [{ name: "-u" }, { name: "-O" }],
      positionals: "file",
      baseDir: "/app",
      unknownOption: { exitCode: 2, afterSeconds: 0.05, logs: ["unknown option {option}", "usage: python [option] ... [-c cmd | -m mod | file | -] [arg] ...", "Try `python -h' for more information."] },
      missingFile: { exitCode: 2, afterSeconds: 0.05, logs: ["python: can't open file '{file}': [Errno 2] No such file or directory"] },
    },
    config: { defaults: { "redis.url": "redis://redis:6379/0" }, env: { REDIS_URL: "redis.url" } },
    requirements: [{ reachable: "{setting:redis.url}", failure: WORKER_REDIS_FAILURE }],
    startupSeconds: 1,
    resources: { memoryMiB: 60, memoryGrowthMiBPerMinute: leakMiBPerMinute, cpuMillis: 40, startupCpuMillis: 200 },
    logs: {
      startup: ["{time:python} INFO worker: connecting to {setting:redis.url}"],
      ready: ["{time:python} INFO worker: waiting for jobs on queue 'reports'"],
      periodic: "{time:python} INFO worker: processed report batch",
      shutdown: ["{time:python} INFO worker: received SIGTERM, finishing current job"],
    },
  };
}

/** db-migrate: a batch program that applies schema migrations and exits 0 (for Jobs). */
export const DB_MIGRATE: AppModel = {
  id: "db-migrate",
  description: "Schema migration job (Flyway-style)",
  executables: ["/app/migrate"],
  runtime: "go",
  config: { defaults: { "db.host": "postgres", "db.port": "5432" }, env: { DB_HOST: "db.host", DB_PORT: "db.port" } },
  requirements: [
    { env: "DB_PASSWORD", failure: { exitCode: 1, afterSeconds: 0.2, logs: ['{time} level=ERROR msg="missing configuration" key=DB_PASSWORD'] } },
    { reachable: "tcp://{setting:db.host}:{setting:db.port}", failure: { exitCode: 1, afterSeconds: 5.2, logs: ['{time} level=ERROR msg="cannot connect to database" err="{errorMessage}"'] } },
  ],
  startupSeconds: 0.3,
  runSeconds: 6,
  exitCode: 0,
  resources: { memoryMiB: 18, cpuMillis: 20 },
  logs: {
    startup: ['{time} level=INFO msg="connecting to database" host={setting:db.host}'],
    ready: ['{time} level=INFO msg="current schema version" version=41'],
    exit: ['{time} level=INFO msg="migrated schema" from=41 to=43', '{time} level=INFO msg="done"'],
  },
};
