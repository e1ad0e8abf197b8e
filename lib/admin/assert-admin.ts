import type { SessionUser } from "../auth/session-user";
import { ApiError } from "../http/errors";

/** Throws 403 unless the user is an admin. */
export function assertAdmin(user: SessionUser): void {
  if (user.role !== "admin" || user.isGuest) throw new ApiError("forbidden", "Only admins can do this.");
}
