import { z } from "zod";

/** Longest terminal line (a pasted heredoc included) the server accepts. */
export const MAX_LINE_CHARS = 16 * 1024;
/** Longest YAML an editor save may carry. */
export const MAX_YAML_CHARS = 60 * 1024;

/** An attempt id in a URL (a cuid). */
export const attemptIdSchema = z.string().regex(/^[a-z0-9]{8,40}$/, "not an attempt id");

/** Route params of /api/attempts/[id]/... */
export const attemptParamsSchema = z.object({ id: attemptIdSchema });

/** Body of POST /api/attempts: start (or resume) a scenario, or draw a new variant. */
export const createAttemptSchema = z.object({
  scenarioId: z.string().trim().min(1).max(100),
  /** "resume" reopens the latest attempt in progress when there is one; "new" always draws a new seed. */
  mode: z.enum(["resume", "new"]).default("resume"),
});

const clientMs = z.number().int().min(0).max(365 * 24 * 3600 * 1000).optional();

/** Body of POST /api/attempts/[id]/actions: one learner action. */
export const actionSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("command"), line: z.string().max(MAX_LINE_CHARS, `A command line is limited to ${MAX_LINE_CHARS / 1024} KiB`), clientMs }),
  z.object({
    type: z.literal("edit"),
    edit: z.object({
      kind: z.string().min(1).max(100),
      namespace: z.string().max(253).optional(),
      name: z.string().min(1).max(253),
      yaml: z.string().max(MAX_YAML_CHARS, `An edited object is limited to ${MAX_YAML_CHARS / 1024} KiB`),
    }),
    clientMs,
  }),
  z.object({ type: z.literal("hint"), clientMs }),
  z.object({ type: z.literal("check"), clientMs }),
  z.object({ type: z.literal("reset"), clientMs }),
  z.object({ type: z.literal("give_up"), clientMs }),
]);

/** A parsed action request. */
export type ActionInput = z.infer<typeof actionSchema>;

/** Query of GET /api/attempts/[id]/completions. */
export const completionQuerySchema = z.object({ line: z.string().max(MAX_LINE_CHARS) });

/** Query of the catalogue page. */
export const catalogueQuerySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  family: z.string().trim().max(100).optional().catch(undefined),
  difficulty: z.coerce.number().int().min(1).max(3).optional().catch(undefined),
  status: z.enum(["not_started", "in_progress", "passed", "attempted"]).optional().catch(undefined),
});
