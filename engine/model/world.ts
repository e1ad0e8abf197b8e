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
}

/** The registries and repositories the nodes can pull from. */
export interface RegistryModel {
  hosts: RegistryHost[];
  repositories: ImageRepository[];
}

/**
 * What an application does once its process starts: when it listens, what it answers,
 * how much memory it uses, what it needs to start, and what it logs. The kubelet evaluates
 * these requirements against the container's real env, files, args and the cluster's
 * Services, so a symptom follows from the configuration and any valid fix cures it.
 */
export interface AppModel {
  id: string;
  /** Which argv starts the application (matched against the effective command + args). See the kubelet. */
  [field: string]: unknown;
}

/** The whole static world of a scenario. */
export interface World {
  registry: RegistryModel;
  apps: Record<string, AppModel>;
  /** Cluster DNS domain, normally `cluster.local`. */
  clusterDomain: string;
}
