/**
 * What a process started by `kubectl exec` (or in a debug container) sees: its environment,
 * the container's filesystem (image files, mounted ConfigMaps, Secrets, the service account
 * token), the executables in the image, the processes, and the cluster network.
 */
import type { Container, Pod } from "../../../model/types";
import type { ImageSpec, World } from "../../../model/world";
import type { Cluster } from "../../../runtime/cluster";
import { containerFiles, resolveContainerEnv } from "../../../world/container-config";
import { imageSpecByReference } from "../../../world/registry";
import type { NetworkContext } from "../../../world/network";
import type { RuntimeContainerFilesystem } from "./runtime-hooks";
import { effectiveArgv } from "../../../world/process";

/** One process in the container (`ps`). */
export interface ProcessEntry {
  pid: number;
  user: string;
  argv: string[];
}

/** Everything the simulated shell reads; plain data plus the network. */
export interface ContainerView {
  pod: Pod;
  containerName: string;
  hostname: string;
  env: Record<string, string>;
  /** Absolute path → content; directories are implied by the paths. */
  files: Map<string, string>;
  /** Executables: bare names on PATH and absolute paths. */
  binaries: Set<string>;
  /** No shell and no coreutils in the image. */
  distroless: boolean;
  user: string;
  workingDir: string;
  processes: ProcessEntry[];
  /** Virtual now, ms since the epoch. */
  now: number;
  network: NetworkContext;
}

const BIN_DIRS = ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"];

/** Whether `name` (bare, or an absolute path in a bin directory) is an executable of the view. */
export function isExecutable(view: Pick<ContainerView, "binaries" | "files">, name: string): boolean {
  if (view.binaries.has(name)) return true;
  if (name.startsWith("/")) {
    const base = name.slice(name.lastIndexOf("/") + 1);
    const dir = name.slice(0, name.lastIndexOf("/")) || "/";
    return BIN_DIRS.includes(dir) && view.binaries.has(base);
  }
  return false;
}

/** The argv of the running process: entrypoint wrappers that `exec "$@"` are replaced by what they run. */
function processArgv(world: World, image: ImageSpec | undefined, argv: string[]): string[] {
  const app = image?.app ? world.apps[image.app] : undefined;
  if (app && argv.length > 0 && (app.wrappers ?? []).includes(argv[0])) {
    const rest = argv.slice(1);
    return rest.length > 0 ? rest : [app.executables[0]];
  }
  return argv;
}

/**
 * Builds the view of `container` in `pod` at the cluster's current time, with the network of
 * `network`. Returns undefined when the container is not in the pod.
 */
export function containerView(cluster: Cluster, pod: Pod, containerName: string, network: NetworkContext, runtime?: RuntimeContainerFilesystem): ContainerView | undefined {
  const container: Container | undefined =
    pod.spec.containers.find((c) => c.name === containerName) ??
    pod.spec.initContainers?.find((c) => c.name === containerName) ??
    pod.spec.ephemeralContainers?.find((c) => c.name === containerName);
  if (!container) return undefined;
  const image = imageSpecByReference(cluster.world, container.image);
  const env: Record<string, string> = {};
  const imagePath = image?.env?.PATH ?? "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
  env.PATH = imagePath;
  env.HOSTNAME = pod.metadata.name;
  const resolved = resolveContainerEnv(cluster.store, pod, container, image);
  if (resolved.ok) for (const e of resolved.env) env[e.name] = e.value;
  env.HOME ??= image?.user && image.user !== "root" ? `/home/${image.user}` : "/root";
  const files = containerFiles(cluster.store, pod, container, image, cluster.world.clusterDomain);
  const user = image?.user ?? "root";
  const main = pod.spec.containers[0];
  const mainImage = main ? imageSpecByReference(cluster.world, main.image) : undefined;
  const shareProcesses = (pod.spec as { shareProcessNamespace?: boolean }).shareProcessNamespace === true;
  const target = (container as { targetContainerName?: string }).targetContainerName;
  const processes: ProcessEntry[] = [];
  const own = processArgv(cluster.world, image, effectiveArgv(image, container.command, container.args));
  if (target || shareProcesses) {
    const t = pod.spec.containers.find((c) => c.name === (target ?? main?.name)) ?? main;
    const tImage = t ? imageSpecByReference(cluster.world, t.image) : mainImage;
    if (t) processes.push({ pid: 1, user: tImage?.user ?? "root", argv: processArgv(cluster.world, tImage, effectiveArgv(tImage, t.command, t.args)) });
    processes.push({ pid: 7, user, argv: own.length > 0 ? own : ["sh"] });
  } else {
    processes.push({ pid: 1, user, argv: own.length > 0 ? own : ["sh"] });
  }
  if (runtime) {
    const rtProcesses = runtime.processes.map((p) => ({ pid: p.pid, user: p.user, argv: p.command.split(" ") }));
    return {
      pod,
      containerName,
      hostname: pod.metadata.name,
      env: { PATH: env.PATH, HOSTNAME: pod.metadata.name, ...runtime.env, HOME: runtime.env.HOME ?? env.HOME },
      files: runtime.files,
      binaries: new Set(runtime.binaries),
      distroless: runtime.distroless,
      user: runtime.user,
      workingDir: runtime.workingDir,
      processes: target || shareProcesses ? [...processes.filter((p) => p.pid === 1), ...rtProcesses.map((p) => ({ ...p, pid: p.pid === 1 ? 7 : p.pid }))] : rtProcesses.length > 0 ? rtProcesses : processes,
      now: cluster.now(),
      network,
    };
  }
  return {
    pod,
    containerName,
    hostname: pod.metadata.name,
    env,
    files,
    binaries: new Set(image?.binaries ?? []),
    distroless: image?.distroless === true,
    user,
    workingDir: container.workingDir ?? image?.workingDir ?? "/",
    processes,
    now: cluster.now(),
    network,
  };
}
