import crypto from "node:crypto";
import { JOIN_CODE_ALPHABET } from "../validations/class";

/** A random 8-character join code from the unambiguous alphabet (31^8 ≈ 8.5e11 codes). */
export function generateJoinCode(): string {
  let code = "";
  for (let i = 0; i < 8; i++) code += JOIN_CODE_ALPHABET[crypto.randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

/** Whether a Prisma error is a unique violation on the join code (a collision: draw again). */
export function isJoinCodeCollision(error: unknown): boolean {
  const e = error as { code?: string; meta?: { target?: unknown } };
  return e?.code === "P2002";
}
