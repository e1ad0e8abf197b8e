import { db } from "../db";

/** Options for {@link findAssignedSeed}. */
export interface FindAssignedSeedOptions {
  userId: string;
  scenarioId: string;
  now?: Date;
}

/**
 * The fixed variant a learner must play on a scenario, when one of their (active)
 * classes assigned it with a fixed seed; undefined for per-learner variants.
 */
export async function findAssignedSeed(options: FindAssignedSeedOptions): Promise<number | undefined> {
  const now = options.now ?? new Date();
  const assignment = await db.assignment.findFirst({
    where: {
      scenarioId: options.scenarioId,
      seed: { not: null },
      OR: [{ opensAt: null }, { opensAt: { lte: now } }],
      class: { archivedAt: null, members: { some: { userId: options.userId } } },
    },
    orderBy: { createdAt: "desc" },
    select: { seed: true },
  });
  return assignment?.seed ?? undefined;
}
