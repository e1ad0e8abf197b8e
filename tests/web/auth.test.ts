import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { createGuestUser } from "@/lib/auth/create-guest-user";
import { SIGN_UP_REFUSED, signUpUser } from "@/lib/auth/sign-up-user";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { db } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";
import { signUpSchema } from "@/lib/validations/auth";

const uniqueEmail = () => `learner-${crypto.randomBytes(5).toString("hex")}@example.test`;

describe("accounts", () => {
  it("stores an argon2id hash, never the password, and omits it from ordinary reads", async () => {
    const email = uniqueEmail();
    const user = await signUpUser({ email, password: "correct horse" });
    expect(user).not.toHaveProperty("passwordHash");
    const plain = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(plain).not.toHaveProperty("passwordHash");
    const { passwordHash } = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    expect(passwordHash).toMatch(/^\$argon2id\$/);
    expect(passwordHash).not.toContain("correct horse");
  });

  it("signs in with the right password only, with normalised emails", async () => {
    const email = uniqueEmail();
    await signUpUser({ email, password: "correct horse" });
    expect(await verifyCredentials({ email: email.toUpperCase(), password: "correct horse" })).toMatchObject({ email });
    expect(await verifyCredentials({ email, password: "wrong horse!" })).toBeNull();
    expect(await verifyCredentials({ email: uniqueEmail(), password: "correct horse" })).toBeNull();
    expect(await verifyCredentials({ email: "not an email", password: "x" })).toBeNull();
  });

  it("refuses a taken email with a message that does not say it is taken", async () => {
    const email = uniqueEmail();
    await signUpUser({ email, password: "correct horse" });
    const error = await signUpUser({ email, password: "another one" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe("conflict");
    expect((error as ApiError).message).toBe(SIGN_UP_REFUSED);
    expect(SIGN_UP_REFUSED).not.toMatch(/exists|taken|already registered/i);
  });

  it("enforces the password rules", () => {
    expect(signUpSchema.safeParse({ email: "a@example.test", password: "short" }).success).toBe(false);
    expect(signUpSchema.safeParse({ email: "a@example.test", password: "eight ch" }).success).toBe(true);
  });

  it("converts a guest into an account that keeps the guest's attempts", async () => {
    const guest = await createGuestUser();
    expect(guest).toMatchObject({ isGuest: true, email: null, role: "learner" });
    const attempt = await db.attempt.create({
      data: { userId: guest.id, scenarioId: "some-scenario", seed: 1, engineVersion: "test" },
    });
    const email = uniqueEmail();
    const account = await signUpUser({ email, password: "correct horse", guestId: guest.id });
    expect(account).toMatchObject({ id: guest.id, email, isGuest: false });
    expect(await db.attempt.findFirst({ where: { id: attempt.id, userId: account.id } })).not.toBeNull();
    expect(await verifyCredentials({ email, password: "correct horse" })).toMatchObject({ id: guest.id });
    // A converted guest is no longer a guest: a second sign-up from the same session creates a new user.
    const again = await signUpUser({ email: uniqueEmail(), password: "correct horse", guestId: guest.id });
    expect(again.id).not.toBe(guest.id);
  });
});
