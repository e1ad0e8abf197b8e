import crypto from "node:crypto";
import { isGeneratedScenario } from "../attempts/engine-session";
import { db } from "../db";

/** Options for {@link findAssignedSeed}. */
export interface FindAssignedSeedOptions {
  userId: string;
  scenarioId: string;
  now?: Date;
}

/**
 * A learner's own seed for a per-learner generated-incident assignment: drawn once from the
 * assignment and the learner (a hash, so it needs no storage and every start gives the same
 * incident), and independent of every other learner's (two learners share one with odds of 1 in 2³¹).
 */
export function learnerIncidentSeed(assignmentId: string, userId: string): number {
  const digest = crypto.createHash("sha256").update(`${assignmentId}\0${userId}`).digest();
  return (digest.readUInt32BE(0) % (2 ** 31 - 2)) + 1;
}

/**
 * The variant a learner must play on a scenario, when one of their (active) classes assigned
 * it: the fixed seed of a fixed-variant assignment, else, for a generated incident assigned
 * per learner, the learner's own kept seed ({@link learnerIncidentSeed}); undefined for
 * per-learner catalogue variants (a fresh seed each time).
 */
export async function findAssignedSeed(options: FindAssignedSeedOptions): Promise<number | undefined> {
  const now = options.now ?? new Date();
  const where = {
    scenarioId: options.scenarioId,
    OR: [{ opensAt: null }, { opensAt: { lte: now } }],
    class: { archivedAt: null, members: { some: { userId: options.userId } } },
  };
  const fixed = await db.assignment.findFirst({
    where: { ...where, seed: { not: null } },
    orderBy: { createdAt: "desc" },
    select: { seed: true },
  });
  if (fixed?.seed != null) return fixed.seed;
  if (!isGeneratedScenario(options.scenarioId)) return undefined;
  const perLearner = await db.assignment.findFirst({ where, orderBy: { createdAt: "asc" }, select: { id: true } });
  return perLearner ? learnerIncidentSeed(perLearner.id, options.userId) : undefined;
}
