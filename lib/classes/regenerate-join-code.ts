import type { SessionUser } from "../auth/session-user";
import { db } from "../db";
import { classNotFound } from "./errors";
import { generateJoinCode, isJoinCodeCollision } from "./generate-join-code";

/** Gives one of the user's classes a new join code (the old code and link stop working). */
export async function regenerateJoinCode(options: { user: SessionUser; classId: string }): Promise<{ joinCode: string }> {
  for (let tries = 0; ; tries++) {
    const joinCode = generateJoinCode();
    try {
      const { count } = await db.class.updateMany({ where: { id: options.classId, instructorId: options.user.id }, data: { joinCode } });
      if (count === 0) throw classNotFound();
      return { joinCode };
    } catch (error) {
      if (!isJoinCodeCollision(error) || tries >= 5) throw error;
    }
  }
}
