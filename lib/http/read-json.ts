import type { z } from "zod";
import { ApiError, validationError } from "./errors";

/** Largest request body any API route accepts. */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * Reads a JSON request body of at most {@link MAX_BODY_BYTES} and parses it with
 * `schema`: 415 unless sent as JSON, 413 when too large, 400 when not JSON, 422 when it does not fit.
 */
export async function readJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  // Only JSON: a cross-site HTML form cannot send it, which keeps cookie-authenticated POSTs same-site.
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) {
    throw new ApiError("unsupported_media_type", "Send the request body as application/json.");
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const text = await readLimited(request);
  let data: unknown;
  try {
    data = text.length === 0 ? {} : JSON.parse(text);
  } catch {
    throw new ApiError("bad_request", "Request body is not valid JSON.");
  }
  const result = schema.safeParse(data);
  if (!result.success) throw validationError(result.error, "Request body");
  return result.data;
}

function tooLarge(): ApiError {
  return new ApiError("payload_too_large", `Request body is larger than ${MAX_BODY_BYTES / 1024} KiB.`);
}

async function readLimited(request: Request): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Parses route params or search params with `schema`; 404 for malformed ids is the caller's choice. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what = "Request"): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(result.error, what);
  return result.data;
}
