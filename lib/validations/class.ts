import { z } from "zod";
import { incidentRequestSchema } from "./attempt";

/** A cuid-like id in a URL (class, assignment, user, attempt). */
export const idSchema = z.string().regex(/^[a-z0-9]{8,40}$/, "not an id");

/** Alphabet of join codes: no 0/O, 1/I/L, so a code read aloud or on a slide is typed right. */
export const JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/** A join code as a learner types it (case and spaces forgiven). */
export const joinCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .transform((s) => s.replace(/[\s-]/g, ""))
  .pipe(z.string().regex(new RegExp(`^[${JOIN_CODE_ALPHABET}]{8}$`), "A join code has 8 letters and digits"));

/** Route params of /api/classes/[id]/... */
export const classParamsSchema = z.object({ id: idSchema });
/** Route params of /api/classes/[id]/members/[userId]. */
export const memberParamsSchema = z.object({ id: idSchema, userId: idSchema });
/** Route params of /api/classes/[id]/assignments/[assignmentId]. */
export const assignmentParamsSchema = z.object({ id: idSchema, assignmentId: idSchema });
/** Route params of /api/classes/[id]/attempts/[attemptId]. */
export const classAttemptParamsSchema = z.object({ id: idSchema, attemptId: idSchema });
/** Route params of /api/classes/[id]/learners/[userId]. */
export const learnerParamsSchema = memberParamsSchema;

/** Body of POST /api/classes. */
export const createClassSchema = z.object({
  name: z.string().trim().min(1, "Name the class").max(120),
  description: z.string().trim().max(2000).default(""),
});

/** Body of PATCH /api/classes/[id]: rename, describe, archive or unarchive. */
export const updateClassSchema = z
  .object({
    name: z.string().trim().min(1).max(120).optional(),
    description: z.string().trim().max(2000).optional(),
    archived: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, "Nothing to change");

/** Body of POST /api/classes/join. */
export const joinClassSchema = z.object({ code: joinCodeSchema });

const optionalDate = z
  .union([z.iso.datetime({ offset: true }), z.iso.date(), z.literal(""), z.null()])
  .optional()
  .transform((v) => (v ? new Date(v) : null));

/** Body of POST /api/classes/[id]/assignments. */
export const createAssignmentSchema = z
  .object({
    /** A catalogue scenario or a generated-incident distribution (`incident:<family>:<difficulty>`). */
    scenarioId: z.string().trim().min(1).max(100).optional(),
    /** Instead of `scenarioId`: a generated incident of this family and difficulty (missing: any). */
    incident: incidentRequestSchema.optional(),
    opensAt: optionalDate,
    dueAt: optionalDate,
    /** "per_learner" (default): each learner draws a variant; "fixed": everyone plays `seed`. */
    variant: z.enum(["per_learner", "fixed"]).default("per_learner"),
    /** The fixed variant's seed; drawn at random when "fixed" and omitted. */
    seed: z.number().int().min(1).max(2 ** 31 - 2).optional(),
  })
  .refine((v) => (v.scenarioId === undefined) !== (v.incident === undefined), { message: "Send either scenarioId or incident", path: ["scenarioId"] })
  .refine((v) => !v.opensAt || !v.dueAt || v.opensAt < v.dueAt, { message: "The due date must be after the open date", path: ["dueAt"] });

/** A parsed assignment request. */
export type CreateAssignmentInput = z.infer<typeof createAssignmentSchema>;

/** Body of PATCH /api/admin/users/[id]. */
export const setRoleSchema = z.object({ role: z.enum(["learner", "instructor", "admin"]) });

/** Route params of /api/admin/users/[id]. */
export const userParamsSchema = z.object({ id: idSchema });

/** Query of GET /api/admin/users. */
export const listUsersQuerySchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
});
