import { z } from "zod";

/** The environment variables the web service reads, parsed once at start. */
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  /** A PostgreSQL server to use. Unset: `npm start` runs an embedded one under DATA_DIR. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL")
    .optional(),
  /** Where the embedded PostgreSQL cluster and generated secrets live. */
  DATA_DIR: z.string().min(1).default(".data"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("localhost"),
  /** Signs session cookies. Unset: `npm start` generates one and keeps it in DATA_DIR. */
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  /** "1": `npm start` builds only when there is no build, without comparing it to the sources. */
  SKIP_BUILD_CHECK: z.enum(["0", "1"]).default("0"),
  /** How many terminal actions one user may send per 10 seconds. */
  ACTION_RATE_LIMIT: z.coerce.number().int().positive().default(40),
  /**
   * Live engine sessions kept in memory per process (about 0.2 MB each): an attempt whose session
   * was evicted is rebuilt by replaying its actions, so this must exceed the learners active at once.
   */
  SESSION_CACHE_SIZE: z.coerce.number().int().positive().default(1000),
  /**
   * Server processes `npm start` runs (node:cluster; connections are spread over them). Unset:
   * one per CPU, at most 4. Any process serves any attempt (sessions catch up from the database).
   */
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  /** A directory: every server process `npm start` runs writes a V8 CPU profile there when it exits (for measuring). */
  PROFILE_DIR: z.string().min(1).optional(),
  /** Comma-separated emails whose accounts become admins when they open /admin (bootstraps the first admin). */
  ADMIN_EMAILS: z
    .string()
    .default("")
    .transform((v) => v.split(",").map((e) => e.trim().toLowerCase()).filter(Boolean)),
});

/** The parsed environment type. */
export type Env = z.infer<typeof envSchema>;

/** Parses an environment (process.env by default); throws a readable error when invalid. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  // An empty variable counts as unset (`DATABASE_URL= npm start` uses the embedded server).
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = envSchema.safeParse(present);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${problems}`);
  }
  return result.data;
}

/** The environment of this process. */
export const env: Env = parseEnv();
