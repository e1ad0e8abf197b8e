import type { AppModel } from "../../model/world";

/**
 * Application models of common public images: nginx, PostgreSQL, Redis and the pause
 * container. Log lines follow what these images print on a real node.
 */

/** The nginx 404 page (nginx answers with CRLF line ends). */
const NGINX_404 = "<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/{env:NGINX_VERSION}</center>\r\n</body>\r\n</html>\r\n";

/** The default nginx welcome page. */
export const NGINX_INDEX_HTML = [
  "<!DOCTYPE html>",
  "<html>",
  "<head>",
  "<title>Welcome to nginx!</title>",
  "<style>",
  "html { color-scheme: light dark; }",
  "body { width: 35em; margin: 0 auto;",
  "font-family: Tahoma, Verdana, Arial, sans-serif; }",
  "</style>",
  "</head>",
  "<body>",
  "<h1>Welcome to nginx!</h1>",
  "<p>If you see this page, the nginx web server is successfully installed and",
  "working. Further configuration is required.</p>",
  "",
  "<p>For online documentation and support please refer to",
  '<a href="http://nginx.org/">nginx.org</a>.<br/>',
  "Commercial support is available at",
  '<a href="http://nginx.com/">nginx.com</a>.</p>',
  "",
  "<p><em>Thank you for using nginx.</em></p>",
  "</body>",
  "</html>",
  "",
].join("\n");

/** nginx from the official image: `/docker-entrypoint.sh nginx -g 'daemon off;'`, port 80. */
export const NGINX: AppModel = {
  id: "nginx",
  description: "nginx web server (official image)",
  executables: ["nginx", "nginx-debug"],
  wrappers: ["/docker-entrypoint.sh"],
  runtime: "native",
  args: {
    options: [
      { name: "-g", takesValue: true },
      { name: "-c", takesValue: true, file: true },
      { name: "-p", takesValue: true },
      { name: "-e", takesValue: true },
      { name: "-s", takesValue: true },
      { name: "-t" },
      { name: "-T" },
      { name: "-q" },
      { name: "-v" },
      { name: "-V" },
    ],
    positionals: "none",
    unknownOption: { exitCode: 1, afterSeconds: 0.05, logs: ['nginx: invalid option: "{option}"'] },
    missingFile: { exitCode: 1, afterSeconds: 0.05, logs: ['{time:nginx} [emerg] 1#1: open() "{file}" failed (2: No such file or directory)', 'nginx: [emerg] open() "{file}" failed (2: No such file or directory)'] },
  },
  listen: [
    {
      port: 80,
      protocol: "http",
      routes: {
        "/": { status: 200, body: "{file:/usr/share/nginx/html/index.html}", contentType: "text/html" },
        "/index.html": { status: 200, body: "{file:/usr/share/nginx/html/index.html}", contentType: "text/html" },
      },
      notFound: { status: 404, body: NGINX_404 },
    },
  ],
  startupSeconds: 0.1,
  resources: { memoryMiB: 3, startupMemoryMiB: 3, cpuMillis: 1, startupCpuMillis: 5 },
  logs: {
    startup: [
      "/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration",
      "/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/",
      "/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh",
      "10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf",
      "10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf",
      "/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh",
      "/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh",
      "/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh",
      "/docker-entrypoint.sh: Configuration complete; ready for start up",
    ],
    ready: [
      '{time:nginx} [notice] 1#1: using the "epoll" event method',
      "{time:nginx} [notice] 1#1: nginx/{env:NGINX_VERSION}",
      "{time:nginx} [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14) ",
      "{time:nginx} [notice] 1#1: OS: Linux 6.1.0-18-cloud-amd64",
      "{time:nginx} [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576",
      "{time:nginx} [notice] 1#1: start worker processes",
      "{time:nginx} [notice] 1#1: start worker process 29",
      "{time:nginx} [notice] 1#1: start worker process 30",
    ],
    shutdown: [
      "{time:nginx} [notice] 1#1: signal 3 (SIGQUIT) received, shutting down",
      "{time:nginx} [notice] 29#29: gracefully shutting down",
      "{time:nginx} [notice] 29#29: exiting",
      "{time:nginx} [notice] 29#29: exit",
      "{time:nginx} [notice] 1#1: signal 17 (SIGCHLD) received from 29",
      "{time:nginx} [notice] 1#1: worker process 29 exited with code 0",
      "{time:nginx} [notice] 1#1: exit",
    ],
  },
};

/** PostgreSQL 16 from the official image: refuses to initialise without `POSTGRES_PASSWORD`. */
export const POSTGRES: AppModel = {
  id: "postgres",
  description: "PostgreSQL 16 (official image)",
  executables: ["postgres"],
  wrappers: ["docker-entrypoint.sh"],
  runtime: "native",
  args: {
    options: [{ name: "-c", takesValue: true }, { name: "-p", takesValue: true, setting: "port" }, { name: "-D", takesValue: true }, { name: "-N", takesValue: true }],
    positionals: "none",
    unknownOption: { exitCode: 1, afterSeconds: 0.05, logs: ["postgres: invalid option -- '{option}'", 'Try "postgres --help" for more information.'] },
  },
  config: { defaults: { port: "5432" }, env: { PGPORT: "port" } },
  requirements: [
    {
      env: "POSTGRES_PASSWORD",
      failure: {
        exitCode: 1,
        afterSeconds: 0.05,
        logs: [
          "Error: Database is uninitialized and superuser password is not specified.",
          "       You must specify POSTGRES_PASSWORD to a non-empty value for the",
          '       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".',
          "",
          '       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all',
          "       connections without a password. This is *not* recommended.",
          "",
          '       See PostgreSQL documentation about "trust":',
          "       https://www.postgresql.org/docs/current/auth-trust.html",
        ],
      },
    },
  ],
  listen: [{ port: 5432, portSetting: "port", protocol: "tcp" }],
  startupSeconds: 2.5,
  resources: { memoryMiB: 40, startupMemoryMiB: 60, cpuMillis: 3, startupCpuMillis: 250 },
  logs: {
    startup: [
      'The files belonging to this database system will be owned by user "postgres".',
      "This user must also own the server process.",
      "",
      'The database cluster will be initialized with locale "en_US.utf8".',
      'The default database encoding has accordingly been set to "UTF8".',
      'The default text search configuration will be set to "english".',
      "",
      "Data page checksums are disabled.",
      "",
      "fixing permissions on existing directory /var/lib/postgresql/data ... ok",
      "creating subdirectories ... ok",
      "selecting dynamic shared memory implementation ... posix",
      "selecting default max_connections ... 100",
      "selecting default shared_buffers ... 128MB",
      "selecting default time zone ... Etc/UTC",
      "creating configuration files ... ok",
      "running bootstrap script ... ok",
      "performing post-bootstrap initialization ... ok",
      "syncing data to disk ... ok",
      "",
      "",
      "Success. You can now start the database server using:",
      "",
      "    pg_ctl -D /var/lib/postgresql/data -l logfile start",
      "",
      "initdb: warning: enabling \"trust\" authentication for local connections",
      "initdb: hint: You can change this by editing pg_hba.conf or using the option -A, or --auth-local and --auth-host, the next time you run initdb.",
      "waiting for server to start....{time:postgres} [48] LOG:  starting PostgreSQL 16.3 (Debian 16.3-1.pgdg120+1) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit",
      "{time:postgres} [48] LOG:  listening on Unix socket \"/var/run/postgresql/.s.PGSQL.5432\"",
      "{time:postgres} [51] LOG:  database system was shut down at {time:postgres}",
      "{time:postgres} [48] LOG:  database system is ready to accept connections",
      " done",
      "server started",
      "",
      "/usr/local/bin/docker-entrypoint.sh: ignoring /docker-entrypoint-initdb.d/*",
      "",
      "waiting for server to shut down....{time:postgres} [48] LOG:  received fast shutdown request",
      "{time:postgres} [48] LOG:  database system is shut down",
      " done",
      "server stopped",
      "",
      "PostgreSQL init process complete; ready for start up.",
      "",
    ],
    ready: [
      "{time:postgres} [1] LOG:  starting PostgreSQL 16.3 (Debian 16.3-1.pgdg120+1) on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit",
      '{time:postgres} [1] LOG:  listening on IPv4 address "0.0.0.0", port {port}',
      '{time:postgres} [1] LOG:  listening on IPv6 address "::", port {port}',
      '{time:postgres} [1] LOG:  listening on Unix socket "/var/run/postgresql/.s.PGSQL.{port}"',
      "{time:postgres} [62] LOG:  database system was shut down at {time:postgres}",
      "{time:postgres} [1] LOG:  database system is ready to accept connections",
    ],
    shutdown: [
      "{time:postgres} [1] LOG:  received fast shutdown request",
      "{time:postgres} [1] LOG:  aborting any active transactions",
      "{time:postgres} [1] LOG:  database system is shut down",
    ],
  },
};

/** Redis 7 from the official image, port 6379. */
export const REDIS: AppModel = {
  id: "redis",
  description: "Redis 7 (official image)",
  executables: ["redis-server"],
  wrappers: ["docker-entrypoint.sh"],
  runtime: "native",
  args: { options: [{ name: "--port", takesValue: true, setting: "port" }, { name: "--", prefix: true }], positionals: "any" },
  config: { defaults: { port: "6379" } },
  listen: [{ port: 6379, portSetting: "port", protocol: "tcp" }],
  startupSeconds: 0.1,
  resources: { memoryMiB: 4, cpuMillis: 2, startupCpuMillis: 10 },
  logs: {
    startup: [
      "1:C {time:redis} # WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.",
      "1:C {time:redis} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo",
      "1:C {time:redis} * Redis version=7.2.5, bits=64, commit=00000000, modified=0, pid=1, just started",
      "1:C {time:redis} # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf",
      "1:M {time:redis} * monotonic clock: POSIX clock_gettime",
      "1:M {time:redis} * Running mode=standalone, port={port}.",
    ],
    ready: ["1:M {time:redis} * Server initialized", "1:M {time:redis} * Ready to accept connections tcp"],
    shutdown: [
      "1:signal-handler ({epoch}) Received SIGTERM scheduling shutdown...",
      "1:M {time:redis} * User requested shutdown...",
      "1:M {time:redis} * Saving the final RDB snapshot before exiting.",
      "1:M {time:redis} * DB saved on disk",
      "1:M {time:redis} # Redis is now ready to exit, bye bye...",
    ],
  },
};

/** The pause container: sleeps until killed. */
export const PAUSE: AppModel = {
  id: "pause",
  description: "registry.k8s.io/pause",
  executables: ["/pause"],
  runtime: "native",
  resources: { memoryMiB: 0.3, cpuMillis: 0 },
};
