/**
 * A per-container memo of process plans. A container that restarts (a crash loop, a config
 * retry) usually starts the same process from the same inputs again; planning it is pure, so
 * its last plan is reused when everything the planner read is unchanged: the argv, the
 * environment, the image, the memory limit, stdin, the hostname, and the answers it got from
 * `readFile`, `isExecutable`, `reach` and `netClient` (asked again now, and compared).
 */
import type { ImageSpec } from "../../model/world";
import type { ClientResult } from "../../world/net-clients";
import type { ConnectError } from "../../world/network";
import { planProcess, type ProcessInput } from "../../world/process";

type Planned = ReturnType<typeof planProcess>;
type Reach = { ok: true } | { ok: false; error: ConnectError };

/** What one planning read, and what it gave. */
interface PlanMemo {
  image: ImageSpec | undefined;
  argv: string[];
  env: Record<string, string>;
  memoryLimitBytes: number | undefined;
  stdin: boolean;
  hostname: string;
  files: [string, string | undefined][];
  executables: [string, boolean][];
  reaches: [string, Reach][];
  clients: [string, string[], ClientResult][];
  result: Planned;
}

/** Memos by container runtime (the kubelet's per-container state object). */
const memos = new WeakMap<object, PlanMemo>();

function sameArray(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameRecord(a: Record<string, string>, b: Record<string, string>): boolean {
  let n = 0;
  for (const k in a) {
    if (a[k] !== b[k] || !(k in b)) return false;
    n++;
  }
  for (const _ in b) n--;
  return n === 0;
}

function sameReach(a: Reach, b: Reach): boolean {
  if (a.ok || b.ok) return a.ok === b.ok;
  const x = a.error as Partial<{ kind: string; host: string; ip: string; port: number }>;
  const y = b.error as Partial<{ kind: string; host: string; ip: string; port: number }>;
  return x.kind === y.kind && x.host === y.host && x.ip === y.ip && x.port === y.port;
}

function sameClientResult(a: ClientResult, b: ClientResult): boolean {
  return a.code === b.code && a.stdout === b.stdout && a.stderr === b.stderr;
}

/**
 * `planProcess(input)` for the container whose runtime state is `owner`, reusing the plan of
 * its last start when the planner would read the same answers. `image` is the image spec the
 * input was built from (undefined when the image is unknown), compared by identity.
 */
export function planProcessFor(owner: object, image: ImageSpec | undefined, input: ProcessInput): Planned {
  const memo = memos.get(owner);
  if (
    memo !== undefined &&
    memo.image === image &&
    memo.memoryLimitBytes === input.memoryLimitBytes &&
    memo.stdin === input.stdin &&
    memo.hostname === input.hostname &&
    sameArray(memo.argv, input.argv) &&
    sameRecord(memo.env, input.env) &&
    memo.files.every(([p, c]) => input.readFile(p) === c) &&
    memo.executables.every(([n, x]) => input.isExecutable(n) === x) &&
    memo.reaches.every(([u, r]) => sameReach(input.reach(u), r)) &&
    memo.clients.every(([p, a, r]) => sameClientResult(input.netClient(p, a), r))
  ) {
    return memo.result;
  }
  const files: [string, string | undefined][] = [];
  const executables: [string, boolean][] = [];
  const reaches: [string, Reach][] = [];
  const clients: [string, string[], ClientResult][] = [];
  const result = planProcess({
    ...input,
    readFile(p) {
      const c = input.readFile(p);
      files.push([p, c]);
      return c;
    },
    isExecutable(n) {
      const x = input.isExecutable(n);
      executables.push([n, x]);
      return x;
    },
    reach(u) {
      const r = input.reach(u);
      reaches.push([u, r]);
      return r;
    },
    netClient(p, a) {
      const r = input.netClient(p, a);
      clients.push([p, a, r]);
      return r;
    },
  });
  memos.set(owner, { image, argv: input.argv, env: input.env, memoryLimitBytes: input.memoryLimitBytes, stdin: input.stdin, hostname: input.hostname, files, executables, reaches, clients, result });
  return result;
}
