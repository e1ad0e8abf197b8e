import { ApiError } from "../http/errors";

/** The one answer for an attempt that does not exist or belongs to someone else. */
export function attemptNotFound(): ApiError {
  return new ApiError("not_found", "Attempt not found.");
}
