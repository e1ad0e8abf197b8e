import type { SessionUser } from "../auth/session-user";
import { ApiError } from "../http/errors";

/** The one answer for a class (or anything in it) that does not exist or is not the caller's. */
export function classNotFound(): ApiError {
  return new ApiError("not_found", "Class not found.");
}

/** Throws 403 unless the user may teach (instructors and admins; never guests). */
export function assertTeacher(user: SessionUser): void {
  if (user.isGuest || (user.role !== "instructor" && user.role !== "admin")) {
    throw new ApiError("forbidden", "Only instructors can do this. Ask an admin to make you an instructor.");
  }
}
