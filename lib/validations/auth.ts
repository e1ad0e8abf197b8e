import { z } from "zod";

/** A normalised email address (trimmed, lower-cased). */
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "Email is too long")
  .pipe(z.email("Enter a valid email address"));

/** Password rules: at least 8 characters; capped so hashing stays cheap. */
export const passwordSchema = z
  .string()
  .min(8, "Password must be at least 8 characters")
  .max(200, "Password must be at most 200 characters");

/** Body of a sign-up request. */
export const signUpSchema = z.object({
  email: emailSchema,
  password: passwordSchema,
  name: z.string().trim().max(80).optional(),
});

/** Credentials submitted to sign in (only shape-checked, rules are not revealed here). */
export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(200),
});
