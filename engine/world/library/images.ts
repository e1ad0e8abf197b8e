import type { ImageRepository, ImageSpec } from "../../model/world";
import { NGINX_INDEX_HTML } from "./apps-infra";
import { ALPINE_BINARIES, ALPINE_OS_RELEASE, BUSYBOX_BINARIES, DEBIAN_BINARIES, DEBIAN_OS_RELEASE, DEFAULT_PATH } from "./filesystems";

/**
 * The standard image repositories: official public images on docker.io and registry.k8s.io,
 * a distroless base, and the workshop's services in a private registry
 * (`registry.acme.internal`, credentials `shop-ci` / `s3cr3t-pull-token`) with public mirrors on
 * docker.io (`acmeshop/...`).
 */

/** nginx's default server block. */
const NGINX_DEFAULT_CONF = [
  "server {",
  "    listen       80;",
  "    listen  [::]:80;",
  "    server_name  localhost;",
  "",
  "    #access_log  /var/log/nginx/host.access.log  main;",
  "",
  "    location / {",
  "        root   /usr/share/nginx/html;",
  "        index  index.html index.htm;",
  "    }",
  "",
  "    #error_page  404              /404.html;",
  "",
  "    # redirect server error pages to the static page /50x.html",
  "    #",
  "    error_page   500 502 503 504  /50x.html;",
  "    location = /50x.html {",
  "        root   /usr/share/nginx/html;",
  "    }",
  "}",
  "",
].join("\n");

/** One nginx image (Debian based) for a version. */
function nginxImage(version: string, digest: string, sizeBytes: number): ImageSpec {
  return {
    digest,
    sizeBytes,
    entrypoint: ["/docker-entrypoint.sh"],
    cmd: ["nginx", "-g", "daemon off;"],
    binaries: [...DEBIAN_BINARIES, "/docker-entrypoint.sh", "nginx", "nginx-debug", "curl", "envsubst"],
    files: {
      "/etc/os-release": DEBIAN_OS_RELEASE,
      "/etc/nginx/nginx.conf": "\nuser  nginx;\nworker_processes  auto;\n\nerror_log  /var/log/nginx/error.log notice;\npid        /var/run/nginx.pid;\n\n\nevents {\n    worker_connections  1024;\n}\n\n\nhttp {\n    include       /etc/nginx/mime.types;\n    default_type  application/octet-stream;\n\n    sendfile        on;\n    keepalive_timeout  65;\n\n    include /etc/nginx/conf.d/*.conf;\n}\n",
      "/etc/nginx/conf.d/default.conf": NGINX_DEFAULT_CONF,
      "/usr/share/nginx/html/index.html": NGINX_INDEX_HTML,
      "/usr/share/nginx/html/50x.html": "<!DOCTYPE html>\n<html>\n<head>\n<title>Error</title>\n</head>\n<body>\n<h1>An error occurred.</h1>\n</body>\n</html>\n",
    },
    env: { PATH: DEFAULT_PATH, NGINX_VERSION: version, NJS_VERSION: "0.8.4", PKG_RELEASE: "1~bookworm" },
    app: "nginx",
  };
}

const NGINX_1_27 = nginxImage("1.27.0", "sha256:cd4495bb73de9b01bf009710b80ecf4be2d298db47492f4e9e7d0b04981c4614", 72955450);

const BUSYBOX_1_36: ImageSpec = {
  digest: "sha256:ab512471e34f10e894cfa69eec441e1412a1c418f681cdb04b15c219c8b1dd67",
  sizeBytes: 2160406,
  cmd: ["sh"],
  binaries: [...BUSYBOX_BINARIES],
  files: { "/etc/os-release": 'NAME="BusyBox"\nVERSION="1.36.1"\n' },
  env: { PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" },
};

const POSTGRES_16: ImageSpec = {
  digest: "sha256:59ab5ab3c94d2f5bf4f2895b2c7d1ee62ccb27127ac7f9da36862593d17ed34e",
  sizeBytes: 158866521,
  entrypoint: ["docker-entrypoint.sh"],
  cmd: ["postgres"],
  binaries: [...DEBIAN_BINARIES, "docker-entrypoint.sh", "postgres", "psql", "pg_ctl", "initdb", "pg_isready", "pg_dump", "gosu"],
  files: { "/etc/os-release": DEBIAN_OS_RELEASE },
  env: { PATH: `${DEFAULT_PATH}:/usr/lib/postgresql/16/bin`, PG_MAJOR: "16", PG_VERSION: "16.3-1.pgdg120+1", PGDATA: "/var/lib/postgresql/data", LANG: "en_US.utf8" },
  app: "postgres",
};

const REDIS_7: ImageSpec = {
  digest: "sha256:00ed341fa17da659b63730e405322fbaa9be1e0edc43f9a46d6c173037feabce",
  sizeBytes: 40935523,
  entrypoint: ["docker-entrypoint.sh"],
  cmd: ["redis-server"],
  workingDir: "/data",
  binaries: [...DEBIAN_BINARIES, "docker-entrypoint.sh", "redis-server", "redis-cli", "redis-benchmark", "gosu"],
  files: { "/etc/os-release": DEBIAN_OS_RELEASE },
  env: { PATH: DEFAULT_PATH, REDIS_VERSION: "7.2.5" },
  app: "redis",
};

const PAUSE_3_10: ImageSpec = {
  digest: "sha256:9af7f33f85f345caa8c68730e7500ebb07c35116d5927d0319ca98631fee3436",
  sizeBytes: 320368,
  distroless: true,
  entrypoint: ["/pause"],
  binaries: ["/pause"],
  user: "65535",
  app: "pause",
};

const CURL_8_8: ImageSpec = {
  digest: "sha256:7bbf61f429b71f8b16943253835a37859f28462ef84bfbe01efb2a70522d3594",
  sizeBytes: 11092513,
  entrypoint: ["/entrypoint.sh"],
  cmd: ["curl"],
  binaries: [...ALPINE_BINARIES, "/entrypoint.sh", "curl"],
  files: { "/etc/os-release": ALPINE_OS_RELEASE },
  env: { PATH: DEFAULT_PATH, CURL_VERSION: "8.8.0" },
  user: "curl_user",
};

const DISTROLESS_STATIC: ImageSpec = {
  digest: "sha256:61e4bab55ecbb8b261a6627a5c4c93a21d17d56064d73ffac42a50231dcf278f",
  sizeBytes: 991000,
  distroless: true,
  binaries: [],
  files: { "/etc/os-release": 'PRETTY_NAME="Distroless"\nNAME="Debian GNU/Linux"\nID="debian"\nVERSION_ID="12"\nVERSION="Debian GNU/Linux 12 (bookworm)"\nHOME_URL="https://github.com/GoogleContainerTools/distroless"\n' },
  env: { PATH: DEFAULT_PATH, SSL_CERT_FILE: "/etc/ssl/certs/ca-certificates.crt" },
  user: "nonroot",
  uid: 65532,
};

/** `gcr.io/distroless/static-debian12:latest`: the same files, no `USER` (root). */
const DISTROLESS_STATIC_ROOT: ImageSpec = {
  ...DISTROLESS_STATIC,
  digest: "sha256:3d0f463de06b7ddff27684ec3bfd0b54a425149d0f8685308b1fdf297b0b1ac6",
  user: undefined,
  uid: undefined,
};

/** A Spring Boot service on `gcr.io/distroless/java17-debian12:nonroot`: only `java`, no shell. */
function springImage(app: string, version: string, digest: string, sizeBytes: number): ImageSpec {
  return {
    digest,
    sizeBytes,
    distroless: true,
    entrypoint: ["java", "-jar", "/app/app.jar"],
    workingDir: "/app",
    binaries: ["java", "/usr/lib/jvm/java-17-openjdk-amd64/bin/java"],
    files: {
      "/app/app.jar": `PK\u0003\u0004 ${app}-${version}.jar (Spring Boot executable jar)`,
      "/etc/os-release": 'PRETTY_NAME="Distroless"\nNAME="Debian GNU/Linux"\nID="debian"\nVERSION_ID="12"\nVERSION="Debian GNU/Linux 12 (bookworm)"\nHOME_URL="https://github.com/GoogleContainerTools/distroless"\n',
    },
    env: { PATH: DEFAULT_PATH, JAVA_VERSION: "17.0.11", LANG: "C.UTF-8" },
    user: "nonroot",
  uid: 65532,
    app,
  };
}

/** A service on `node:20-bookworm-slim`. */
const WEB_API_2_3: ImageSpec = {
  digest: "sha256:5b039f18875c3858fdfc001649906c3459763cd8bf81c745ec93157db9ab0f1a",
  sizeBytes: 64218830,
  entrypoint: ["docker-entrypoint.sh"],
  cmd: ["node", "server.js"],
  workingDir: "/app",
  binaries: [...DEBIAN_BINARIES, "docker-entrypoint.sh", "node", "npm", "npx"],
  files: { "/app/server.js": "// web-api 2.3.0\n", "/app/package.json": '{\n  "name": "web-api",\n  "version": "2.3.0",\n  "main": "server.js"\n}\n', "/etc/os-release": DEBIAN_OS_RELEASE },
  env: { PATH: DEFAULT_PATH, NODE_VERSION: "20.14.0", YARN_VERSION: "1.22.19", NODE_ENV: "production" },
  user: "node",
  app: "web-api",
};

/** A worker on `python:3.12-slim`. */
function workerImage(app: string, digest: string): ImageSpec {
  return {
    digest,
    sizeBytes: 52413077,
    cmd: ["python", "-u", "worker.py"],
    workingDir: "/app",
    binaries: [...DEBIAN_BINARIES, "python", "python3", "pip"],
    files: { "/app/worker.py": "# report worker\n", "/app/requirements.txt": "redis==5.0.4\n", "/etc/os-release": DEBIAN_OS_RELEASE },
    env: { PATH: DEFAULT_PATH, PYTHON_VERSION: "3.12.4", LANG: "C.UTF-8" },
    app,
  };
}

const DB_MIGRATE_1_0: ImageSpec = {
  digest: "sha256:3089e46679aaade4e01e853f640de0920c3a87dc5fc61b3b1ab3ad9bf06426cb",
  sizeBytes: 9834211,
  distroless: true,
  entrypoint: ["/app/migrate"],
  cmd: ["up"],
  binaries: ["/app/migrate"],
  files: { "/app/migrations/041_customers.sql": "-- 41\n", "/app/migrations/042_segments.sql": "-- 42\n", "/app/migrations/043_segment_index.sql": "-- 43\n" },
  env: { PATH: DEFAULT_PATH },
  user: "nonroot",
  uid: 65532,
  app: "db-migrate",
};

const GATEWAY_1_4_2 = springImage("customer-gateway", "1.4.2", "sha256:794f7417858e93bf5e752f171b24f30c309436345fc2d062cda5efdc86cda508", 98311402);
const GATEWAY_1_4_1 = springImage("customer-gateway", "1.4.1", "sha256:66a4def8213da3298b7a54a0c7b0311e26d0bfa2655640ea759679cb942c8fce", 98296114);
const CUSTOMERINFO_2_1_0 = springImage("customerinfo-app", "2.1.0", "sha256:f4949b2ae1162513bceb5e0e3a203199fd6690fa9639772918f5bdbf667f89b6", 96120554);
const WORKER_1_0_3 = workerImage("report-worker", "sha256:b9fb44d76761ce5b4890688aac8dd23b770a68c41575d13e07ac6811f2de5af8");
const WORKER_1_1_0 = workerImage("report-worker-leaky", "sha256:5365ede29b54096c7772d8e158dbd19fd534bbdf1e97337d78d49ce8fd909aa9");

/** Credentials of the private workshop registry. */
export const ACME_REGISTRY_CREDENTIALS = { username: "shop-ci", password: "s3cr3t-pull-token" } as const;

/** Every repository of the standard library. */
export const STANDARD_REPOSITORIES: readonly ImageRepository[] = [
  {
    name: "docker.io/library/nginx",
    tags: {
      "1.25": nginxImage("1.25.5", "sha256:251ad31786bae2bdf8f9435a21b808b3ddba91ac4bf8d995c416368ed5881c7a", 70544740),
      "1.26": nginxImage("1.26.1", "sha256:6355e5cf538d38e88f7506826155f832071e0d08c64f01a3fe9b13054b9865cb", 71010466),
      "1.27": NGINX_1_27,
      latest: NGINX_1_27,
    },
  },
  { name: "docker.io/library/busybox", tags: { "1.36": BUSYBOX_1_36, latest: BUSYBOX_1_36 } },
  { name: "docker.io/library/postgres", tags: { "16": POSTGRES_16, latest: POSTGRES_16 } },
  { name: "docker.io/library/redis", tags: { "7": REDIS_7, latest: REDIS_7 } },
  { name: "registry.k8s.io/pause", tags: { "3.10": PAUSE_3_10, "3.9": PAUSE_3_10 } },
  { name: "docker.io/curlimages/curl", tags: { "8.8.0": CURL_8_8, latest: CURL_8_8 } },
  // `:nonroot` runs as 65532; `:latest` sets no user, so it runs as root.
  { name: "gcr.io/distroless/static-debian12", tags: { nonroot: DISTROLESS_STATIC, latest: DISTROLESS_STATIC_ROOT } },
  {
    name: "registry.acme.internal/shop/customer-gateway",
    private: true,
    credentials: { ...ACME_REGISTRY_CREDENTIALS },
    tags: { "1.4.2": GATEWAY_1_4_2, "1.4.1": GATEWAY_1_4_1 },
  },
  {
    name: "registry.acme.internal/shop/customerinfo-app",
    private: true,
    credentials: { ...ACME_REGISTRY_CREDENTIALS },
    tags: { "2.1.0": CUSTOMERINFO_2_1_0 },
  },
  { name: "docker.io/acmeshop/customer-gateway", tags: { "1.4.2": GATEWAY_1_4_2, "1.4.1": GATEWAY_1_4_1 } },
  { name: "docker.io/acmeshop/customerinfo-app", tags: { "2.1.0": CUSTOMERINFO_2_1_0 } },
  { name: "docker.io/acmeshop/web-api", tags: { "2.3.0": WEB_API_2_3 } },
  { name: "docker.io/acmeshop/report-worker", tags: { "1.0.3": WORKER_1_0_3, "1.1.0": WORKER_1_1_0 } },
  { name: "docker.io/acmeshop/db-migrate", tags: { "1.0.0": DB_MIGRATE_1_0 } },
];
