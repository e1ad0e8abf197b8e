import type { z } from "zod";
import { ApiError, validationError } from "./errors";

/** Largest request body any API route accepts. */
export const MAX_BODY_BYTES = 64 * 1024;
/** Deepest nesting of arrays and objects a request body may have. */
export const MAX_JSON_DEPTH = 32;

/**
 * Reads a JSON request body of at most {@link MAX_BODY_BYTES} and parses it with
 * `schema`: 415 unless sent as JSON, 413 when too large, 400 when not JSON (or nested too deep, or
 * holding U+0000), 422 when it does not fit. Lone surrogates become U+FFFD.
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
  const result = schema.safeParse(cleanText(data));
  if (!result.success) throw validationError(result.error, "Request body");
  return result.data;
}

/**
 * Makes every string (and key) of a parsed JSON value well-formed (a lone surrogate becomes
 * U+FFFD, as UTF-8 would store it) and refuses U+0000, which PostgreSQL text cannot hold.
 */
function cleanText(value: unknown, depth = 0): unknown {
  if (depth > MAX_JSON_DEPTH) throw new ApiError("bad_request", `Request body is nested more than ${MAX_JSON_DEPTH} levels deep.`);
  if (typeof value === "string") {
    if (value.includes("\u0000")) throw nulRefused();
    return wellFormed(value);
  }
  if (Array.isArray(value)) return value.map((child) => cleanText(child, depth + 1));
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      if (key.includes("\u0000")) throw nulRefused();
      out[wellFormed(key)] = cleanText(child, depth + 1);
    }
    return out;
  }
  return value;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, "\ufffd");
}

function nulRefused(): ApiError {
  return new ApiError("bad_request", "Request body contains a NUL character (U+0000), which text cannot hold.");
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
