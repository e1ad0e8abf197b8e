import type { ServerResponse } from "node:http";
import { errorStatus, type ApiErrorBody, type ErrorCode } from "../http/errors";

/**
 * Answers a node request with the API's one error shape (lib/http/errors.ts) — for the server
 * worker's own refusals, made before any route handler (which answers through `errorResponse`) runs.
 */
export function answerError(res: ServerResponse, code: ErrorCode, message: string): void {
  const body: ApiErrorBody = { error: { code, message } };
  const text = JSON.stringify(body);
  res.writeHead(errorStatus[code], { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}
