/**
 * Fills a database with a demo class: one instructor, 300 learners, 30 assigned
 * scenarios and realistic attempts (about 500,000 recorded actions), for trying the
 * instructor dashboard and for the web benchmark. Rows go in with multi-row
 * `INSERT … SELECT FROM unnest(...)` batches through `pg`, not row by row.
 *
 * Realistic means: every command's output, check grade and hint text comes from a
 * real engine session of the scenario (diagnosis, a wrong fix, the reference fix),
 * learners differ in skill and scenarios in difficulty, and the per-attempt
 * aggregates are computed from the actions with the same code recordAction uses.
 */
import crypto from "node:crypto";
import pg from "pg";
import { ENGINE_VERSION, listScenarios, openSession, solutionFor, type Grade } from "../engine/index";
import { hashPassword } from "../lib/auth/password";
import { summarizeActions } from "../lib/classes/summarize-actions";
import { generateJoinCode } from "../lib/classes/generate-join-code";
import { describeGrade } from "../lib/attempts/engine-session";

/** Options for {@link seedDemoData}. */
export interface SeedDemoOptions {
  databaseUrl: string;
  learners?: number;
  scenarios?: number;
  /** Roughly how many actions to record in all. */
  targetActions?: number;
  /** PRNG seed: the same seed gives the same data (ids aside). */
  seed?: number;
  log?: (line: string) => void;
}

/** What the seeder made, for the bench and the console. */
export interface SeedDemoResult {
  classId: string;
  joinCode: string;
  instructorEmail: string;
  instructorPassword: string;
  learners: number;
  assignments: number;
  attempts: number;
  actions: number;
  /** An attempt with many actions, for the replay benchmark. */
  sampleAttemptId: string;
  ms: number;
}

/** Email domain of every demo account (re-seeding deletes them first). */
export const DEMO_DOMAIN = "demo.crashcourse.test";
const INSTRUCTOR_EMAIL = `instructor@${DEMO_DOMAIN}`;
const INSTRUCTOR_PASSWORD = "crashcourse-demo";

type ActionType = "command" | "hint" | "check" | "edit" | "reset" | "give_up";
interface Step {
  type: ActionType;
  input: string;
  output: string;
  exitCode: number;
  grade: Grade | null;
}
interface Transcript {
  diagnosis: Step[];
  nonFix: Step;
  failedCheck: Step;
  fix: Step[];
  passedCheck: Step;
  hints: Step[];
}

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const cuid = () => `c${crypto.randomBytes(12).toString("hex").slice(0, 24)}`;

/** Plays a scenario variant once with the engine: diagnosis, a wrong fix, the reference fix. */
function recordTranscript(scenarioId: string, seed: number): Transcript {
  const session = openSession({ scenarioId, seed });
  let t = 0;
  const run = (line: string): Step => {
    const r = session.run(line, (t += 4000));
    return { type: "command", input: line, output: r.output, exitCode: r.exitCode, grade: null };
  };
  const pods = session.run("kubectl get pods -A --no-headers", 0).output.split("\n").map((l) => l.trim().split(/\s+/)).filter((c) => c.length >= 4 && c[0] !== "kube-system");
  const broken = pods.find((p) => p[3] !== "Running") ?? pods[0] ?? ["default", "web"];
  const [ns, pod] = broken;
  const diagnosis = [
    "kubectl get pods",
    "kubectl get pods -A",
    `kubectl get pods -n ${ns} -o wide`,
    `kubectl describe pod ${pod} -n ${ns}`,
    `kubectl get events -n ${ns}`,
    `kubectl logs ${pod} -n ${ns}`,
    `kubectl get deployments -n ${ns}`,
    `kubectl get svc -n ${ns}`,
    "kubectl get nodes",
    `kubectl get endpoints -n ${ns}`,
  ].map(run);
  const hints: Step[] = [];
  for (let i = 0; i < 2; i++) {
    const h = session.hint((t += 2000));
    if (h) hints.push({ type: "hint", input: "", output: `Hint ${h.index}: ${h.text}`, exitCode: 0, grade: null });
  }
  const nonFix = run(`kubectl delete pod ${pod} -n ${ns}`);
  const failedGrade = session.check((t += 2000));
  const failedCheck: Step = { type: "check", input: "", output: describeGrade(failedGrade), exitCode: failedGrade.passed ? 0 : 1, grade: failedGrade };
  const fix = solutionFor(scenarioId, seed).map(run);
  const passedGrade = session.check((t += 30_000));
  const passedCheck: Step = { type: "check", input: "", output: describeGrade(passedGrade), exitCode: passedGrade.passed ? 0 : 1, grade: passedGrade };
  return { diagnosis, nonFix, failedCheck, fix, passedCheck, hints };
}

class Batch {
  readonly columns: unknown[][];
  constructor(
    private readonly client: pg.PoolClient,
    private readonly sql: string,
    width: number,
    private readonly size = 5000,
    /** A batch whose rows these rows reference: flushed first. */
    private readonly after?: Batch,
  ) {
    this.columns = Array.from({ length: width }, () => []);
  }
  async push(...row: unknown[]): Promise<void> {
    row.forEach((v, i) => this.columns[i].push(v));
    if (this.columns[0].length >= this.size) await this.flush();
  }
  async flush(): Promise<void> {
    await this.after?.flush();
    if (this.columns[0].length === 0) return;
    await this.client.query(this.sql, this.columns);
    for (const c of this.columns) c.length = 0;
  }
}

/** Seeds the demo class (replacing an earlier demo); see the file comment. */
export async function seedDemoData(options: SeedDemoOptions): Promise<SeedDemoResult> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const learnerCount = options.learners ?? 300;
  const targetActions = options.targetActions ?? 500_000;
  const random = rng(options.seed ?? 2026);
  const scenarios = listScenarios().slice(0, options.scenarios ?? 30);

  log(`Recording ${scenarios.length} reference sessions with the engine…`);
  const transcripts = new Map(scenarios.map((s, i) => [s.id, { seed: 1000 + i, t: recordTranscript(s.id, 1000 + i) }]));

  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 2 });
  const client = await pool.connect();
  let attempts = 0;
  let actions = 0;
  let sample = { id: "", actions: 0 };
  try {
    await client.query("BEGIN");
    await client.query(`DELETE FROM "User" WHERE email LIKE $1`, [`%@${DEMO_DOMAIN}`]);
    const instructorId = cuid();
    await client.query(`INSERT INTO "User" (id, email, "passwordHash", name, role, "updatedAt") VALUES ($1, $2, $3, 'Demo Instructor', 'instructor', now())`, [
      instructorId,
      INSTRUCTOR_EMAIL,
      await hashPassword(INSTRUCTOR_PASSWORD),
    ]);
    const learnerIds = Array.from({ length: learnerCount }, cuid);
    await client.query(
      `INSERT INTO "User" (id, email, name, role, "updatedAt", "createdAt")
       SELECT id, email, name, 'learner', now(), now() FROM unnest($1::text[], $2::text[], $3::text[]) AS t(id, email, name)`,
      [
        learnerIds,
        learnerIds.map((_, i) => `learner${String(i + 1).padStart(3, "0")}@${DEMO_DOMAIN}`),
        learnerIds.map((_, i) => `Learner ${String(i + 1).padStart(3, "0")}`),
      ],
    );
    const classId = cuid();
    const joinCode = generateJoinCode();
    await client.query(`INSERT INTO "Class" (id, "instructorId", name, description, "joinCode", "updatedAt") VALUES ($1, $2, $3, $4, $5, now())`, [
      classId,
      instructorId,
      "Demo class: Kubernetes troubleshooting",
      `${learnerCount} learners, ${scenarios.length} scenarios (seeded by npm run seed:demo)`,
      joinCode,
    ]);
    await client.query(
      `INSERT INTO "ClassMember" ("classId", "userId", "joinedAt") SELECT $1, u, now() - interval '30 days' FROM unnest($2::text[]) u`,
      [classId, learnerIds],
    );
    const now = Date.now();
    const day = 24 * 3600_000;
    await client.query(
      `INSERT INTO "Assignment" (id, "classId", "scenarioId", "opensAt", "dueAt", seed, "createdAt")
       SELECT id, $1, sid, opens, due, seed, now() - interval '30 days' + (n * interval '1 second')
       FROM unnest($2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::int[], $7::int[]) AS t(id, sid, opens, due, seed, n)`,
      [
        classId,
        scenarios.map(cuid),
        scenarios.map((s) => s.id),
        scenarios.map((_, i) => new Date(now - (30 - i) * day)),
        scenarios.map((_, i) => new Date(now + (i - 20) * day)), // the first 20 are past due
        scenarios.map((s) => (transcripts.get(s.id)!.seed)), // a fixed variant: the demo outputs match it
        scenarios.map((_, i) => i),
      ],
    );

    // Mean actions per attempt so that the total lands near the target.
    // (about 1.05 attempts per learner × scenario; skill shortens the diagnosis by 0.75 on average).
    const expectedAttempts = learnerCount * scenarios.length * 1.05;
    const meanDiagnosis = Math.max(3, (targetActions / expectedAttempts - 6) / 0.75);
    const attemptBatch = new Batch(
      client,
      `INSERT INTO "Attempt" (id, "userId", "scenarioId", seed, "engineVersion", status, score, "lastVirtualMs", "startedAt", "finishedAt",
                              "commandCount", "hintCount", "checkCount", "nonFixes", "solveLead")
       SELECT id, u, s, seed, $15, st::"AttemptStatus", score, ms, started, finished, cc, hc, kc,
              CASE WHEN nf = '' THEN ARRAY[]::text[] ELSE string_to_array(nf, E'\\x1f') END,
              CASE WHEN sl = '' THEN ARRAY[]::text[] ELSE string_to_array(sl, E'\\x1f') END
       FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[], $6::int[], $7::int[], $8::timestamptz[], $9::timestamptz[],
                   $10::int[], $11::int[], $12::int[], $13::text[], $14::text[])
            AS t(id, u, s, seed, st, score, ms, started, finished, cc, hc, kc, nf, sl)`.replace("$15", `'${ENGINE_VERSION}'`),
      14,
      2000,
    );
    const actionBatch = new Batch(
      client,
      `INSERT INTO "Action" (id, "attemptId", seq, type, input, output, "exitCode", "virtualMs", grade, "createdAt")
       SELECT id, a, seq, ty::"ActionType", inp, outp, ec, ms, g::jsonb, created
       FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::int[], $8::int[], $9::text[], $10::timestamptz[])
            AS t(id, a, seq, ty, inp, outp, ec, ms, g, created)`,
      10,
      10_000,
      attemptBatch,
    );

    for (const [li, userId] of learnerIds.entries()) {
      const skill = 0.35 + 0.6 * random();
      for (const [si, scenario] of scenarios.entries()) {
        const { seed, t } = transcripts.get(scenario.id)!;
        const pSolve = Math.min(0.95, skill * (1.25 - 0.2 * scenario.difficulty));
        const engaged = random() < 0.25 + 0.7 * skill;
        if (!engaged) continue;
        const tries = 1 + (random() < 0.4 ? 1 : 0) + (random() < 0.15 ? 1 : 0);
        for (let k = 0; k < tries; k++) {
          const last = k === tries - 1;
          const outcome = last ? (random() < pSolve ? "passed" : random() < 0.5 ? "in_progress" : random() < 0.5 ? "failed" : "gave_up") : random() < 0.6 ? "failed" : "gave_up";
          const steps: Step[] = [];
          const n = Math.max(1, Math.round(meanDiagnosis * (0.4 + 1.2 * random()) * (1.4 - skill)));
          for (let i = 0; i < n; i++) steps.push(t.diagnosis[Math.floor(random() * t.diagnosis.length)]);
          if (random() < 0.3 && t.hints[0]) steps.splice(Math.floor(n / 2), 0, t.hints[0]);
          if (outcome !== "gave_up" || random() < 0.5) steps.push(t.nonFix, t.failedCheck);
          if (outcome === "passed") steps.push(...t.fix, t.passedCheck);
          if (outcome === "failed") steps.push({ type: "give_up", input: "", output: "You gave up on this attempt.", exitCode: 0, grade: null });
          if (outcome === "gave_up") steps.push({ type: "give_up", input: "", output: "You gave up on this attempt.", exitCode: 0, grade: null });

          const attemptId = cuid();
          const startedAt = new Date(now - (30 - si) * day + li * 60_000 + k * 3600_000);
          let ms = 0;
          const times = steps.map(() => (ms += 3000 + Math.floor(random() * 25_000)));
          const agg = summarizeActions(steps);
          const lastGrade = [...steps].reverse().find((s) => s.grade)?.grade;
          const score = outcome === "passed" ? t.passedCheck.grade!.score : outcome === "in_progress" ? null : outcome === "failed" ? (lastGrade?.score ?? 0) : 0;
          await attemptBatch.push(
            attemptId, userId, scenario.id, seed, outcome, score, ms, startedAt,
            outcome === "in_progress" ? null : new Date(startedAt.getTime() + ms),
            agg.commandCount, agg.hintCount, agg.checkCount, agg.nonFixes.join("\x1f"), agg.solveLead.join("\x1f"),
          );
          for (const [i, s] of steps.entries()) {
            await actionBatch.push(cuid(), attemptId, i + 1, s.type, s.input, s.output, s.exitCode, times[i], s.grade ? JSON.stringify(s.grade) : null, new Date(startedAt.getTime() + times[i]));
          }
          attempts++;
          actions += steps.length;
          if (steps.length > sample.actions && steps.length < 120) sample = { id: attemptId, actions: steps.length };
        }
      }
      if ((li + 1) % 50 === 0) log(`  ${li + 1}/${learnerIds.length} learners, ${actions} actions`);
    }
    await attemptBatch.flush();
    await actionBatch.flush();
    await client.query("COMMIT");
    await client.query(`ANALYZE "Attempt"; ANALYZE "Action"; ANALYZE "ClassMember"; ANALYZE "Assignment"`);
    return {
      classId,
      joinCode,
      instructorEmail: INSTRUCTOR_EMAIL,
      instructorPassword: INSTRUCTOR_PASSWORD,
      learners: learnerCount,
      assignments: scenarios.length,
      attempts,
      actions,
      sampleAttemptId: sample.id,
      ms: Date.now() - started,
    };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
    await pool.end();
  }
}
