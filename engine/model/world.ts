/**
 * The world around the API objects: the image registries and the applications inside the
 * images. Scenarios describe these as data; the kubelet reads them to decide what a
 * container does. Nothing here is an API object, so kubectl never prints it directly.
 */

/** A registry host such as `docker.io` or `registry.acme.internal`. */
export interface RegistryHost {
  host: string;
  /** False models a host that does not resolve or times out from the nodes. */
  reachable: boolean;
  /** How an unreachable host fails: a DNS miss (default) or a connect timeout. */
  failure?: "no-such-host" | "timeout";
}

/** One repository in a registry, e.g. `docker.io/library/nginx`. */
export interface ImageRepository {
  /** Fully qualified name: host and path, no tag (`docker.io/library/nginx`). */
  name: string;
  /** A private repository refuses pulls without matching credentials. */
  private?: boolean;
  /** Credentials that open a private repository (a docker-registry Secret with these for the host). */
  credentials?: { username: string; password: string };
  /** Tags and the image each names. */
  tags: Record<string, ImageSpec>;
}

/** An image: its filesystem as far as the simulation needs it, and the application it runs. */
export interface ImageSpec {
  /** `sha256:<64 hex>`; derived from the name and tag when absent. */
  digest?: string;
  sizeBytes: number;
  /** Distroless: no shell, no coreutils; `kubectl exec -- sh` fails as on a real cluster. */
  distroless?: boolean;
  entrypoint?: string[];
  cmd?: string[];
  workingDir?: string;
  /** Executables in the image: bare names are on PATH, absolute paths are files. */
  binaries: string[];
  /** Files in the image, absolute path → content (config files, the app's jar as a marker). */
  files?: Record<string, string>;
  /** Environment baked into the image (`ENV` lines). */
  env?: Record<string, string>;
  /** Id of the application model the main process runs (see `AppModel`). */
  app?: string;
  /** The user the image runs as (`USER`), for `whoami`/`id` in exec; root when absent. */
  user?: string;
  /**
   * The numeric user id of the image config's `USER` when that is a number while `user` is the
   * name `whoami` prints (distroless `:nonroot` images run as 65532). The kubelet's
   * `runAsNonRoot` check reads it; without it a numeric `user` counts, a named one cannot be
   * verified, and no user is root.
   */
  uid?: number;
}

/** The registries and repositories the nodes can pull from. */
export interface RegistryModel {
  hosts: RegistryHost[];
  repositories: ImageRepository[];
}

/**
 * A line an application writes to stdout/stderr. A plain string is logged at the process
 * start (for start-up lines, spread over the start-up time in order); the object form says
 * when, in seconds after the phase began.
 *
 * Templates expand `{time}` (RFC 3339 with ms), `{time:nginx}` (`2026/03/02 09:14:05`),
 * `{time:postgres}` (`2026-03-02 09:14:05.123 UTC`), `{time:python}` (`2026-03-02 09:14:05,123`),
 * `{time:redis}` (`02 Mar 2026 09:14:05.123`), `{time:clf}` (`02/Mar/2026:09:14:05 +0000`),
 * `{epoch}` (seconds), `{hostname}` (the pod name), `{env:NAME}`, `{setting:key}`,
 * `{file:/path}` (a file's content), `{port}` (the first listener's port),
 * `{startupSeconds}` (`3.412`), `{processSeconds}` (`3.9`), `{millis:F}` (F × start-up in ms),
 * `{springProfiles}` (Spring's "The following 1 profile is active: \"k8s\"" line), in HTTP
 * bodies `{path}`, and in failure logs `{value}`, `{name}`, `{url}`, `{host}`, `{error}`
 * (the exception or error line in the app's runtime style, e.g.
 * `java.net.UnknownHostException: customerinfo`), `{errorMessage}` (its message only) and
 * `{option}` / `{file}` for argv errors.
 */
export type AppLogLine = string | { at: number; line: string };

/** What an application does when one of its rules fails: it logs and (at start-up) exits. */
export interface AppFailure {
  logs: AppLogLine[];
  /** Exit code of the process (start-up failures); 1 when absent. */
  exitCode?: number;
  /** Seconds after the process start at which it exits; the app's `startupSeconds` × 0.8 when absent. */
  afterSeconds?: number;
}

/** One option an application accepts on its command line. */
export interface AppOption {
  /** `-g`, `--port`, `-jar`; with `prefix`, any argument starting with it (`-Xmx`, `-D`). */
  name: string;
  prefix?: boolean;
  /** The option takes a value (`--port 8080` or `--port=8080`). */
  takesValue?: boolean;
  /** The value is a file that must exist in the container (`-jar /app/app.jar`). */
  file?: boolean;
  /** The value sets this setting (`--port` → `server.port`). */
  setting?: string;
  /** Everything after this option (and its value) is the application's own arguments. */
  endsOptions?: boolean;
}

/** How an application reads its command line (after the executable). */
export interface AppArgvRules {
  options?: AppOption[];
  /** `--key=value` arguments set settings (Spring Boot command-line properties). */
  propertyArgs?: boolean;
  /**
   * What bare arguments are: `none` (an error), `any` (ignored), or `file` (a script the
   * program runs, which must exist: `node server.js`, `python worker.py`).
   */
  positionals?: "none" | "any" | "file";
  /** Where a relative positional file is looked up (the working directory); `/` when absent. */
  baseDir?: string;
  /** An option the program does not know (`{option}`). */
  unknownOption?: AppFailure;
  /** A file argument that is missing (`{file}`). */
  missingFile?: AppFailure;
  /** Options that must be given (`java` needs `-jar`); otherwise `missingArguments`. */
  required?: string[];
  /** Argv the program requires but did not get (e.g. `java` without `-jar`). */
  missingArguments?: AppFailure;
  /** A bare argument where none is accepted (`{option}`); `unknownOption` when absent. */
  unknownPositional?: AppFailure;
}

/**
 * How an application builds its settings, lowest precedence first: `defaults`, then each
 * properties file that exists in the container (`{profile}` expands once per active profile,
 * in order), then environment variables, then command-line properties.
 */
export interface AppConfigRules {
  defaults?: Record<string, string>;
  /**
   * Settings packaged in the application per profile (Spring's `classpath:application-k8s.yml`),
   * applied after `defaults` for each active profile in order.
   */
  profileDefaults?: Record<string, Record<string, string>>;
  /** Files read (`.yml`/`.yaml` or `.properties`); missing files are skipped. */
  files?: string[];
  /** Environment variables mapped to settings (`PORT` → `server.port`). */
  env?: Record<string, string>;
  /** Spring Boot relaxed binding: `SERVER_PORT` → `server.port`, `CUSTOMERINFO_URL` → `customerinfo.url`. */
  relaxedEnv?: boolean;
  /** The setting that lists the active profiles (`spring.profiles.active`), comma-separated. */
  profilesSetting?: string;
}

/**
 * Something an application needs. Exactly one of `env`, `setting`, `file`, `reachable` says
 * what is checked; `matches`/`oneOf` constrain the value of an env var or setting.
 */
export interface AppRequirement {
  /** An environment variable that must be set and non-empty. */
  env?: string;
  /** A setting that must resolve to a non-empty value. */
  setting?: string;
  /** A file that must exist in the container (image or mounted volume); templates allowed. */
  file?: string;
  /**
   * A URL that must answer (`http://…` needs a 2xx/3xx/4xx answer, `tcp://host:port` needs a
   * listener); templates allowed, e.g. `{setting:customerinfo.url}/actuator/health`.
   */
  reachable?: string;
  /** The value must match this regular expression (whole string). */
  matches?: string;
  /** The value must be one of these. */
  oneOf?: string[];
  /** Check this requirement only when that env var / setting has a non-empty value. */
  onlyIf?: { env?: string; setting?: string };
  /**
   * `startup` (default): checked when the process starts; failing it the process logs and exits.
   * `running`: checked continuously; failing it the app stays up but reports itself not ready
   * (its `whenUnready` HTTP answers) and logs the failure.
   */
  when?: "startup" | "running";
  failure: AppFailure;
}

/** One HTTP path an application serves. */
export interface AppHttpRoute {
  status: number;
  body?: string;
  contentType?: string;
  /** The answer while a `running` requirement fails (Spring's readiness group → 503 OUT_OF_SERVICE). */
  whenUnready?: { status: number; body?: string };
}

/** A port the application listens on once started. */
export interface AppListener {
  /** The port when no setting overrides it. */
  port: number;
  /** A setting that overrides the port (`server.port`). */
  portSetting?: string;
  protocol?: "http" | "tcp";
  /** HTTP paths (exact match) and their answers; unknown paths get `notFound`. */
  routes?: Record<string, AppHttpRoute>;
  /** Answer for a path not in `routes` (404 when absent). */
  notFound?: { status: number; body?: string };
}

/** Resource use of the process, for OOM kills and `kubectl top`. */
export interface AppResources {
  /** Resident memory once started, MiB. */
  memoryMiB: number;
  /** Peak memory during start-up (the JVM loading classes), MiB; `memoryMiB` when absent. */
  startupMemoryMiB?: number;
  /** A leak: MiB gained per minute of running. */
  memoryGrowthMiBPerMinute?: number;
  /** CPU once started, millicores. */
  cpuMillis: number;
  /** CPU during start-up, millicores. */
  startupCpuMillis?: number;
}

/**
 * What an application does once its process starts: when it listens, what it answers,
 * how much memory it uses, what it needs to start, and what it logs. The kubelet evaluates
 * these requirements against the container's real env, files, args and the cluster's
 * Services, so a symptom follows from the configuration and any valid fix cures it.
 * Pure data: a scenario can write one in YAML.
 */
export interface AppModel {
  id: string;
  description?: string;
  /**
   * The executables that run this application, as argv[0] (a bare name on PATH or an
   * absolute path): `["nginx"]`, `["java"]`, `["node"]`.
   */
  executables: string[];
  /**
   * Entrypoint scripts that end with `exec "$@"` (`/docker-entrypoint.sh`): they run their
   * arguments, or the first executable when given none.
   */
  wrappers?: string[];
  /** The language runtime, which decides how connection errors read in logs (`{error}`). */
  runtime?: "java" | "node" | "python" | "go" | "native";
  args?: AppArgvRules;
  config?: AppConfigRules;
  requirements?: AppRequirement[];
  listen?: AppListener[];
  /** Seconds from process start until it listens and logs its ready lines; 0 when absent. */
  startupSeconds?: number;
  /** A batch program: exits by itself this many seconds after start-up. Absent: runs until stopped. */
  runSeconds?: number;
  /** Exit code when it exits by itself (`runSeconds`); 0 when absent. */
  exitCode?: number;
  resources?: AppResources;
  logs?: {
    /** Written during start-up. */
    startup?: AppLogLine[];
    /** Written when start-up completes (the app listens). */
    ready?: AppLogLine[];
    /** Written when a batch program finishes. */
    exit?: AppLogLine[];
    /** Written on SIGTERM. */
    shutdown?: AppLogLine[];
    /** Written once per minute while running (a heartbeat or a worker's progress). */
    periodic?: string;
  };
}

/** The whole static world of a scenario. */
export interface World {
  registry: RegistryModel;
  apps: Record<string, AppModel>;
  /** Cluster DNS domain, normally `cluster.local`. */
  clusterDomain: string;
  /**
   * Hosts outside the cluster the pods can reach (`api.stripe.com`), name → whether they answer.
   * Names not listed do not resolve.
   */
  externalHosts?: Record<string, { reachable: boolean; status?: number; body?: string }>;
}
