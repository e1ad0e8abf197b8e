import type { SessionUser } from "../auth/session-user";
import { db } from "../db";
import { assertTeacher } from "./errors";
import { generateJoinCode, isJoinCodeCollision } from "./generate-join-code";

/** Options for {@link createClass}. */
export interface CreateClassOptions {
  user: SessionUser;
  name: string;
  description: string;
}

/** A class as its instructor sees it in lists. */
export interface ClassSummary {
  id: string;
  name: string;
  description: string;
  joinCode: string;
  archivedAt: string | null;
  createdAt: string;
}

/** Creates a class taught by the user (instructors and admins) with a fresh join code. */
export async function createClass(options: CreateClassOptions): Promise<ClassSummary> {
  assertTeacher(options.user);
  for (let tries = 0; ; tries++) {
    try {
      const created = await db.class.create({
        data: { instructorId: options.user.id, name: options.name, description: options.description, joinCode: generateJoinCode() },
      });
      return {
        id: created.id,
        name: created.name,
        description: created.description,
        joinCode: created.joinCode,
        archivedAt: null,
        createdAt: created.createdAt.toISOString(),
      };
    } catch (error) {
      if (!isJoinCodeCollision(error) || tries >= 5) throw error;
    }
  }
}
