/**
 * The whole catalogue, end to end through the real session (kubectl dispatcher, controllers,
 * kubelet): for every scenario and three seeds, the broken state shows its family's symptom,
 * doing nothing fails, the reference solution passes every check, and each non-fix fails the
 * checks it names, with a message saying why. Variants differ across seeds.
 */
import { describe, expect, it } from "vitest";
import { loadCatalogue } from "../../../engine/scenario/load-files";
import { FAMILIES, type Family } from "../../../engine/scenario/schema";
import { drawParams } from "../../../engine/scenario/params";
import { Session } from "../../../engine/session";
import type { Grade } from "../../../engine/scenario/grade";
import type { Deployment, Event, Pod } from "../../../engine/model/types";
import { podSummary } from "../../../engine/kubectl/printers/pod-status";

const catalogue = loadCatalogue();
const SEEDS = [1, 2, 3];
const STEP_MS = 2_000;

/** Runs lines one after another, then grades after `waitSeconds`. */
function play(session: Session, lines: string[], waitSeconds: number): { grade: Grade; outputs: string[] } {
  let t = STEP_MS;
  const outputs: string[] = [];
  for (const line of lines) {
    outputs.push(session.run(line, t).output);
    t += STEP_MS;
  }
  return { grade: session.check(t + waitSeconds * 1000), outputs };
}

/** The STATUS column of every pod outside kube-system, as `kubectl get pods -A` prints it. */
function statuses(session: Session): string[] {
  const out = session.run("kubectl get pods -A --no-headers", 0).output;
  return out
    .split("\n")
    .filter((l) => l && !l.startsWith("kube-system"))
    .map((l) => l.trim().split(/\s+/)[3]);
}

/** What a learner must see when arriving, per family. */
const SYMPTOMS: Record<Family, (s: Session) => void> = {
  "image-pull": (s) => expect(statuses(s).some((x) => ["ErrImagePull", "ImagePullBackOff", "InvalidImageName"].includes(x))).toBe(true),
  pending: (s) => {
    expect(statuses(s)).toContain("Pending");
    expect(s.run("kubectl get events -A", 0).output).toMatch(/FailedScheduling/);
  },
  crashloop: (s) => {
    const pods = s.cluster.store.list<Pod>("Pod").filter((p) => p.metadata.namespace !== "kube-system");
    const restarted = pods.some((p) => (p.status.containerStatuses ?? []).some((c) => c.restartCount > 0));
    expect(restarted).toBe(true);
    expect(statuses(s).some((x) => ["CrashLoopBackOff", "Error", "OOMKilled", "Running"].includes(x))).toBe(true);
  },
  "container-config": (s) => {
    const st = statuses(s);
    expect(st.some((x) => ["CreateContainerConfigError", "RunContainerError", "CrashLoopBackOff", "ContainerCreating", "StartError"].includes(x))).toBe(true);
    const reasons = s.cluster.store.list<Event>("Event").map((e) => e.reason);
    expect(reasons.some((r) => r === "Failed" || r === "FailedMount")).toBe(true);
  },
  networking: (s) => {
    const g = s.instance;
    const svcChecks = g.checks.filter((c) => c.kind === "serviceHasEndpoints");
    expect(svcChecks.length).toBeGreaterThan(0);
    expect(s.check(0).checks.filter((c) => svcChecks.some((x) => x.id === c.id)).some((c) => !c.passed)).toBe(true);
  },
  rollout: (s) => {
    const deps = s.cluster.store.list<Deployment>("Deployment").filter((d) => d.metadata.namespace !== "kube-system");
    const stalled = deps.some((d) => (d.status.conditions ?? []).some((c) => c.type === "Progressing" && c.status === "False" && c.reason === "ProgressDeadlineExceeded"));
    expect(stalled).toBe(true);
    expect(s.run(`kubectl rollout status deployment/${deps[0].metadata.name} -n ${deps[0].metadata.namespace}`, 0).output).toMatch(/exceeded its progress deadline/);
  },
  capstone: (s) => {
    const now = s.cluster.now();
    const gateway = s.cluster.store.list<Pod>("Pod").filter((p) => p.metadata.labels?.app === "customer-gateway");
    expect(gateway.length).toBeGreaterThan(0);
    expect(gateway.every((p) => podSummary(p, now).status !== "Running" || (p.status.containerStatuses ?? []).some((c) => c.restartCount > 0))).toBe(true);
  },
};

describe("the catalogue", () => {
  it("has at least 24 scenarios, every family at least 4 root causes", () => {
    const all = catalogue.list();
    expect(all.length).toBeGreaterThanOrEqual(24);
    for (const f of FAMILIES) {
      const n = all.filter((s) => s.family === f).reduce((k, s) => k + (s.family === "capstone" ? 2 : 1), 0);
      expect(n, `family ${f}`).toBeGreaterThanOrEqual(4);
    }
  });
});

for (const scenario of catalogue.list()) {
  describe(scenario.id, () => {
    it("draws different variants for different seeds", () => {
      const drawn = new Set(Array.from({ length: 12 }, (_, i) => JSON.stringify(drawParams(scenario.file, i + 1).values)));
      expect(drawn.size).toBeGreaterThan(1);
    });
    for (const seed of SEEDS) {
      it(`seed ${seed}: symptom, idle, solution, non-fixes`, { timeout: 60_000 }, () => {
        const idle = new Session({ scenario, seed });
        SYMPTOMS[scenario.family](idle);
        const nothing = idle.check(idle.instance.solutionWaitSeconds * 1000);
        expect(nothing.passed).toBe(false);
        expect(nothing.score).toBeLessThan(50);

        const solved = new Session({ scenario, seed });
        const { grade, outputs } = play(solved, solved.instance.solution, solved.instance.solutionWaitSeconds);
        const failing = grade.checks.filter((c) => !c.passed).map((c) => `${c.id}: ${c.message}`);
        expect(failing, `solution outputs:\n${outputs.join("\n")}`).toEqual([]);
        expect(grade.passed).toBe(true);
        expect(grade.score).toBeGreaterThanOrEqual(90);

        for (const nf of solved.instance.nonFixes) {
          const s = new Session({ scenario, seed });
          const g = play(s, nf.commands, nf.waitSeconds).grade;
          expect(g.passed, `non-fix ${nf.name}`).toBe(false);
          for (const id of nf.fails) {
            const c = g.checks.find((x) => x.id === id)!;
            expect(c.passed, `non-fix ${nf.name} must fail ${id}`).toBe(false);
            expect(c.message.length).toBeGreaterThan(10);
          }
        }
      });
    }
  });
}
