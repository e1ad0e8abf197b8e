import { ZodError } from "zod";
import { DATABASE_RETRY_AFTER_S, isDatabaseUnavailable } from "./database-unavailable";

/** The error codes an API response can carry, with their HTTP status. */
export const errorStatus = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

/** One of the API error codes. */
export type ErrorCode = keyof typeof errorStatus;

/** The one error shape every API route returns: `{ error: { code, message, issues? } }`. */
export interface ApiErrorBody {
  error: { code: ErrorCode; message: string; issues?: { path: string; message: string }[] };
}

/** An error a route handler throws to answer with a given code and message. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: { path: string; message: string }[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** Turns a ZodError into a 422 ApiError listing each issue. */
export function validationError(error: ZodError, what = "Request"): ApiError {
  const issues = error.issues.map((i) => ({ path: i.path.join(".") || "(root)", message: i.message }));
  const first = issues[0];
  const summary = first ? `${first.path === "(root)" ? "" : `${first.path}: `}${first.message}` : "invalid";
  return new ApiError("validation_failed", `${what} is invalid: ${summary}`, issues);
}

/** The 503 answered while the database is unreachable, with a retry hint. */
export function databaseUnavailable(): ApiError {
  return new ApiError(
    "unavailable",
    `The database is unreachable right now. Try again in ${DATABASE_RETRY_AFTER_S} s.`,
    undefined,
    { "Retry-After": String(DATABASE_RETRY_AFTER_S) },
  );
}

/**
 * Maps anything thrown in a route handler to the error shape: a lost database becomes
 * a 503 with `Retry-After`; other unknown errors are logged and hidden behind a 500.
 */
export function errorResponse(error: unknown): Response {
  let apiError: ApiError;
  if (error instanceof ApiError) apiError = error;
  else if (error instanceof ZodError) apiError = validationError(error);
  else if (isDatabaseUnavailable(error)) {
    console.error(`database unavailable: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
    apiError = databaseUnavailable();
  } else {
    console.error(error);
    apiError = new ApiError("internal", "Something went wrong on our side. Please try again.");
  }
  const body: ApiErrorBody = { error: { code: apiError.code, message: apiError.message } };
  if (apiError.issues) body.error.issues = apiError.issues;
  return Response.json(body, { status: errorStatus[apiError.code], headers: apiError.headers });
}
