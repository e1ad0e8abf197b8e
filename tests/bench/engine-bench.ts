/**
 * Engine benchmarks (issue: engine performance targets). Run with `npm run bench:engine`
 * (node --expose-gc via tsx). Prints medians; the figures go in docs/benchmarks.md.
 */
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { listScenarios, openSession, replaySession, Session, type RecordedAction } from "../../engine/index";
import { getCatalogue } from "../../engine/catalogue";

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
function p99(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.99))];
}
function time(fn: () => void, runs: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return out;
}
const fmt = (ms: number) => `${ms.toFixed(3)} ms`;

const scenarios = listScenarios();
const results: string[] = [];

// 1. Start a scenario and settle it into its broken steady state. Each variant of a scenario
// is simulated on its first open and restored for every later seed that draws it
// (engine/scenario/scenario-snapshot.ts), so three figures: opens as learners make them (30
// new seeds per scenario, variants simulated on first use: the target's median), opens that
// simulate (a scenario object the cache has not seen), and opens that restore.
{
  for (const s of scenarios) openSession({ scenarioId: s.id, seed: 1 }); // warm-up
  const perScenario: { id: string; median: number }[] = [];
  const all: number[] = [];
  let seed = 100;
  for (const s of scenarios) {
    const xs = time(() => openSession({ scenarioId: s.id, seed: seed++ }), 30);
    all.push(...xs);
    perScenario.push({ id: s.id, median: median(xs) });
  }
  const worst = perScenario.reduce((a, b) => (b.median > a.median ? b : a));
  results.push(`start+settle, all ${scenarios.length} scenarios × 30 new seeds (each variant simulated on its first open): median ${fmt(median(all))}, p99 ${fmt(p99(all))}, slowest scenario ${worst.id} median ${fmt(worst.median)} (target < 2 ms median)`);
  const catalogue = getCatalogue().list();
  const cold: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const s of catalogue) {
      const fresh = { ...s };
      const t = performance.now();
      new Session({ scenario: fresh, seed: 200 + round });
      cold.push(performance.now() - t);
    }
  }
  const warm: number[] = [];
  for (let round = 0; round < 10; round++) for (const s of scenarios) warm.push(...time(() => openSession({ scenarioId: s.id, seed: 100 + round }), 1));
  results.push(`  of which: an open that simulates its variant (first use): median ${fmt(median(cold))}, p99 ${fmt(p99(cold))}; an open that restores a simulated variant: median ${fmt(median(warm))}, p99 ${fmt(p99(warm))}`);
}

// 2. get pods / describe pod on a 50-pod cluster.
{
  const s = openSession({ scenarioId: scenarios[0].id, seed: 7 });
  const deploy = s.cluster.store.list("Deployment").find((d) => d.metadata.namespace !== "kube-system")!;
  const ns = deploy.metadata.namespace!;
  s.run(`kubectl config set-context --current --namespace=${ns}`, 0);
  s.run(`kubectl scale deployment ${deploy.metadata.name} --replicas=50`, 1000);
  s.run("kubectl get pods", 120_000);
  const pods = s.cluster.store.list("Pod", ns);
  const name = pods[pods.length - 1].metadata.name;
  const run = (line: string) => s.run(line, 120_000);
  for (let i = 0; i < 200; i++) run("kubectl get pods");
  const get = time(() => run("kubectl get pods"), 2000);
  for (let i = 0; i < 200; i++) run(`kubectl describe pod ${name}`);
  const desc = time(() => run(`kubectl describe pod ${name}`), 2000);
  results.push(`kubectl get pods, ${pods.length} pods: median ${fmt(median(get))}, p99 ${fmt(p99(get))} (target < 0.3 ms)`);
  results.push(`kubectl describe pod, ${pods.length}-pod cluster: median ${fmt(median(desc))}, p99 ${fmt(p99(desc))} (target < 0.3 ms)`);
}

// 3. Replay a 300-action attempt.
{
  const id = scenarios[0].id;
  const s = openSession({ scenarioId: id, seed: 3 });
  const first = s.cluster.store.list("Pod").find((p) => p.metadata.namespace !== "kube-system")!;
  const pod = first.metadata.name;
  s.run(`kubectl config set-context --current --namespace=${first.metadata.namespace}`, 0);
  const lines = ["kubectl get pods", `kubectl describe pod ${pod}`, "kubectl get events --sort-by=.lastTimestamp", "kubectl get deploy -o wide", `kubectl logs ${pod} --previous`, "kubectl get svc,ep"];
  const actions: RecordedAction[] = [];
  actions.push({ type: "command", input: `kubectl config set-context --current --namespace=${first.metadata.namespace}`, virtualMs: 0 });
  for (let i = 1; i < 300; i++) actions.push({ type: "command", input: lines[i % lines.length], virtualMs: i * 2000 });
  replaySession({ scenarioId: id, seed: 3 }, actions);
  const xs = time(() => replaySession({ scenarioId: id, seed: 3 }, actions), 30);
  results.push(`replay of a 300-action attempt (${id}): median ${fmt(median(xs))}, p99 ${fmt(p99(xs))} (target < 50 ms)`);
}

// 4. Memory held by one live attempt.
{
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    const held: unknown[] = [];
    gc();
    const before = process.memoryUsage().heapUsed;
    const n = 200;
    for (let i = 0; i < n; i++) {
      const s = openSession({ scenarioId: scenarios[i % scenarios.length].id, seed: 1000 + i });
      s.run("kubectl get pods", 1000);
      held.push(s);
    }
    gc();
    const per = (process.memoryUsage().heapUsed - before) / n;
    results.push(`memory per live attempt (${n} attempts over all scenarios, after one command each): ${(per / 1024 / 1024).toFixed(3)} MB (target < 2 MB)`);
    if (held.length !== n) throw new Error("unreachable");
    // What the simulated variants hold, shared by every attempt (each catalogue variant once).
    const copies = getCatalogue().list().map((s) => ({ ...s }));
    gc();
    const beforeTemplates = process.memoryUsage().heapUsed;
    let variants = 0;
    for (const c of copies) {
      const seen = new Set<string>();
      for (let seed = 0; seed < 400; seed++) {
        const sess = new Session({ scenario: c, seed });
        seen.add(`${sess.instance.variant}\u0000${JSON.stringify(sess.instance.params)}`);
      }
      variants += seen.size;
    }
    gc();
    const templates = process.memoryUsage().heapUsed - beforeTemplates;
    results.push(`memory of the simulated variants (${variants} variants of ${copies.length} scenarios, shared by all attempts): ${(templates / 1024 / 1024).toFixed(1)} MB, ${(templates / variants / 1024).toFixed(0)} KB per variant`);
    if (copies.length === 0) throw new Error("unreachable");
  } else results.push("memory per live attempt: skipped (run with node --expose-gc)");
}

console.log(`# engine benchmarks — node ${process.version}, ${new Date().toISOString().slice(0, 16)} UTC, load average ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
for (const r of results) console.log(`- ${r}`);

// 5. Optional: the same start+settle, interleaved with another checkout of the engine (a
// before/after on a shared machine, where separate runs are not comparable). Set
// ENGINE_BENCH_BASE to that checkout's root (e.g. a `git worktree add /tmp/base <commit>`
// with node_modules linked); ENGINE_BENCH_SEEDS seeds per scenario (default 30, from 101).
// Each open is timed in CPU time (process.cpuUsage), alternating which tree goes first.
const baseRoot = process.env.ENGINE_BENCH_BASE;
if (baseRoot) {
  void (async () => {
    const base = (await import(`${baseRoot.replace(/\/$/, "")}/engine/index.ts`)) as typeof import("../../engine/index");
    const seeds = Number(process.env.ENGINE_BENCH_SEEDS ?? 30);
    // Both trees first open every (scenario, seed) the comparison uses, once: the tree under
    // test already ran the sections above, and its caches (parsed manifest documents, process
    // plans) and JIT state would otherwise favour it.
    for (let seed = 101; seed < 101 + seeds; seed++) {
      for (const s of scenarios) {
        base.openSession({ scenarioId: s.id, seed });
        openSession({ scenarioId: s.id, seed });
      }
    }
    const cpu = (fn: () => void) => {
      const t = process.cpuUsage();
      fn();
      const u = process.cpuUsage(t);
      return (u.user + u.system) / 1000;
    };
    const before: number[] = [];
    const after: number[] = [];
    let i = 0;
    for (let seed = 101; seed < 101 + seeds; seed++) {
      for (const s of scenarios) {
        const opts = { scenarioId: s.id, seed };
        if (i++ % 2 === 0) {
          after.push(cpu(() => openSession(opts)));
          before.push(cpu(() => base.openSession(opts)));
        } else {
          before.push(cpu(() => base.openSession(opts)));
          after.push(cpu(() => openSession(opts)));
        }
      }
    }
    const change = (a: number, b: number) => `${(((b - a) / a) * 100).toFixed(1)} %`;
    console.log(`- interleaved with ${baseRoot} (${before.length} opens each, CPU time, load average ${loadavg()[0].toFixed(2)}): start+settle median ${fmt(median(before))} → ${fmt(median(after))} (${change(median(before), median(after))}), p99 ${fmt(p99(before))} → ${fmt(p99(after))} (${change(p99(before), p99(after))})`);
  })();
}
