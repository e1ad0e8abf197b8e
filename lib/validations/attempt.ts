import { z } from "zod";
import { INCIDENT_DIFFICULTIES, INCIDENT_FAMILIES } from "../attempts/engine-session";

/** Longest terminal line (a pasted heredoc included) the server accepts. */
export const MAX_LINE_CHARS = 16 * 1024;
/** Longest YAML an editor save may carry. */
export const MAX_YAML_CHARS = 60 * 1024;

/** An attempt id in a URL (a cuid). */
export const attemptIdSchema = z.string().regex(/^[a-z0-9]{8,40}$/, "not an attempt id");

/** Route params of /api/attempts/[id]/... */
export const attemptParamsSchema = z.object({ id: attemptIdSchema });

/** "any", an empty select and null all mean "no preference". */
const anyToUndefined = (v: unknown) => (v === "any" || v === "" || v === null ? undefined : v);

/**
 * A generated-incident distribution: optional fault family and difficulty (missing or
 * "any": any). Difficulty may come as a number or as a select's string.
 */
export const incidentRequestSchema = z
  .object({
    family: z.preprocess(
      anyToUndefined,
      z.enum(INCIDENT_FAMILIES as unknown as [string, ...string[]], { error: `family must be one of any, ${INCIDENT_FAMILIES.join(", ")}` }).optional(),
    ),
    difficulty: z.preprocess(
      (v) => {
        const w = anyToUndefined(v);
        return typeof w === "string" && /^\d+$/.test(w.trim()) ? Number(w) : w;
      },
      z
        .union(
          INCIDENT_DIFFICULTIES.map((d) => z.literal(d)) as unknown as [z.ZodLiteral<1>, z.ZodLiteral<2>, z.ZodLiteral<3>],
          { error: `difficulty must be one of any, ${INCIDENT_DIFFICULTIES.join(", ")}` },
        )
        .optional(),
    ),
  })
  .strict();

/** A parsed generated-incident request. */
export type IncidentRequestInput = z.infer<typeof incidentRequestSchema>;

/**
 * Body of POST /api/attempts: start (or resume) a scenario, or draw a new variant; or,
 * with `incident` instead of `scenarioId`, start a new generated incident (a server-drawn seed).
 */
export const createAttemptSchema = z
  .object({
    scenarioId: z.string().trim().min(1).max(100).optional(),
    incident: incidentRequestSchema.optional(),
    /** "resume" reopens the latest attempt in progress when there is one; "new" always draws a new seed. */
    mode: z.enum(["resume", "new"]).default("resume"),
  })
  .refine((v) => (v.scenarioId === undefined) !== (v.incident === undefined), {
    message: "Send either scenarioId or incident",
    path: ["scenarioId"],
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
