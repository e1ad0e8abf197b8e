/**
 * Runs the real kubectl against the fake API server and the engine's kubectl against the same
 * objects, at the same second, so their outputs can be compared byte for byte.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CommandResult } from "../../../engine/kubectl/command";
import type { Endpoints, KObject, Node } from "../../../engine/model/types";
import { Cluster } from "../../../engine/runtime/cluster";
import { parseFlags } from "../../../engine/kubectl/args/parse-flags";
import { KUBECTL_GLOBAL_FLAGS } from "../../../engine/kubectl/args/global-flags";
import { describeCommand } from "../../../engine/kubectl/commands/inspect/describe";
import { nodeLease } from "../../../engine/kubectl/describe/node";
import { endpointSlicesFor } from "../../../engine/kubectl/describe/service";
import { startFakeApiServer, type FakeApiServer } from "./fake-api-server";

/** Where the real kubectl lives. */
export const KUBECTL = process.env.KUBECTL ?? "/usr/bin/kubectl";
/** Whether the real kubectl is installed. */
export const hasKubectl = existsSync(KUBECTL);

/** A cluster with no controllers holding `objects` (uids and timestamps as given). */
export function staticCluster(objects: readonly KObject[], now: number): Cluster {
  const cluster = new Cluster({ seed: 1, startMs: now, world: { registry: { hosts: [], repositories: [] }, apps: {}, clusterDomain: "cluster.local" }, controllers: [] });
  for (const o of objects) cluster.store.create(JSON.parse(JSON.stringify(o)));
  return cluster;
}

const TIMESTAMP = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d+)?Z$/;

/**
 * A deep copy of `objects` with every RFC 3339 timestamp moved by `deltaMs` (whole seconds),
 * so a cluster simulated at a virtual time can be compared with kubectl's wall clock.
 */
export function shiftTimestamps<T>(objects: T, deltaMs: number): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") {
      const m = TIMESTAMP.exec(v);
      if (!m) return v;
      const shifted = new Date(Date.parse(`${m[1]}Z`) + deltaMs).toISOString().slice(0, 19);
      return `${shifted}${m[2] ?? ""}Z`;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(objects) as T;
}

/** The objects a real API server has beside the model's: node Leases and EndpointSlices. */
export function derivedObjects(objects: readonly KObject[], now: number): KObject[] {
  const out: KObject[] = [];
  const byKey = new Map(objects.filter((o) => o.kind === "Endpoints").map((o) => [`${o.metadata.namespace}/${o.metadata.name}`, o as Endpoints]));
  // Clusters with the EndpointSlice controller carry their own slices; older object sets get derived ones.
  const hasSlices = objects.some((o) => o.kind === "EndpointSlice");
  for (const o of objects) {
    if (o.kind === "Node") {
      const lease = nodeLease(o as Node, now);
      out.push({ apiVersion: "coordination.k8s.io/v1", kind: "Lease", metadata: { name: o.metadata.name, namespace: "kube-node-lease" }, spec: { holderIdentity: lease.holderIdentity, leaseDurationSeconds: 40, renewTime: lease.renewTime?.replace(/(\.\d+)?Z$/, ".000000Z") } });
    }
    if (o.kind === "Service" && !hasSlices) {
      const slices = endpointSlicesFor({ get: (_k, ns, name) => byKey.get(`${ns}/${name}`) as never }, o.metadata.namespace, o.metadata.name);
      slices.forEach((s, i) =>
        out.push({
          apiVersion: "discovery.k8s.io/v1",
          kind: "EndpointSlice",
          metadata: { name: `${o.metadata.name}-${i}abcd`, namespace: o.metadata.namespace, labels: { "kubernetes.io/service-name": o.metadata.name } },
          addressType: "IPv4",
          ports: s.ports,
          endpoints: s.endpoints.map((e) => ({ addresses: e.addresses, conditions: { ready: e.ready }, ...(e.nodeName ? { nodeName: e.nodeName } : {}), ...(e.targetRef ? { targetRef: e.targetRef } : {}) })),
        }),
      );
    }
  }
  return out;
}

/** Serves `objects` and their derived objects (leases follow the wall clock). */
export function serve(objects: readonly KObject[]): Promise<FakeApiServer> {
  return startFakeApiServer(objects, () => derivedObjects(objects, Date.now()));
}

/** Output of one real kubectl run and the wall-clock second it ran in (undefined if it straddled seconds). */
export interface RealRun extends CommandResult {
  second?: number;
}

/** Runs the real kubectl (HOME and KUBECONFIG in a temp dir, TZ=UTC) against `port`. */
export function runRealKubectl(port: number, args: string[]): Promise<RealRun> {
  const home = mkdtempSync(join(tmpdir(), "kubectl-oracle-"));
  const env = { ...process.env, HOME: home, KUBECONFIG: join(home, "none"), TZ: "UTC" };
  const start = Date.now();
  return new Promise((resolve) => {
    execFile(KUBECTL, [`--server=http://127.0.0.1:${port}`, ...args], { env }, (err, stdout, stderr) => {
      const end = Date.now();
      const code = err ? (typeof (err as { code?: unknown }).code === "number" ? ((err as { code: number }).code) : 1) : 0;
      const second = Math.floor(start / 1000) === Math.floor(end / 1000) ? Math.floor(start / 1000) * 1000 : undefined;
      resolve({ stdout, stderr, exitCode: code, second });
    });
  });
}

/** Runs the engine's `kubectl describe …` (argv after `describe`) with the cluster's clock at `now`. */
export function runEngineDescribe(cluster: Cluster, now: number, argv: string[]): CommandResult {
  cluster.clock.advanceTo(now);
  const parsed = parseFlags(argv, [...describeCommand.flags, ...KUBECTL_GLOBAL_FLAGS] as never, { commandPath: ["describe"] });
  if (!parsed.ok) return { stdout: "", stderr: parsed.error, exitCode: 1 };
  const ns = typeof parsed.flags.namespace === "string" && parsed.flags.namespace ? parsed.flags.namespace : "default";
  return describeCommand.run({ cluster, namespace: ns, namespaceExplicit: !!parsed.flags.namespace }, { positionals: parsed.positionals, flags: parsed.flags as never, dashArgs: parsed.dashArgs });
}

/**
 * Runs `describe argv` on both sides in the same wall-clock second (retrying when kubectl's run
 * straddles a second boundary) and returns both results.
 */
export async function compareDescribe(server: FakeApiServer, cluster: Cluster, argv: string[]): Promise<{ real: RealRun; engine: CommandResult }> {
  for (let attempt = 0; ; attempt++) {
    const real = await runRealKubectl(server.port, ["describe", ...argv]);
    if (real.second === undefined && attempt < 6) continue;
    const engine = runEngineDescribe(cluster, (real.second ?? Math.floor(Date.now() / 1000) * 1000) + 500, argv);
    return { real, engine };
  }
}
