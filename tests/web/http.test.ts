import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ApiError, errorResponse } from "@/lib/http/errors";
import { MAX_BODY_BYTES, readJson } from "@/lib/http/read-json";
import { RateLimiter } from "@/lib/http/rate-limit";
import { safeReturnPath } from "@/lib/http/safe-redirect";

const schema = z.object({ line: z.string().max(10) });
const post = (body: string, type = "application/json") =>
  new Request("http://localhost/x", { method: "POST", body, headers: { "content-type": type } });

async function errorOf(promise: Promise<unknown>) {
  const error = await promise.catch((e: unknown) => e);
  const response = errorResponse(error);
  return { status: response.status, body: (await response.json()) as { error: { code: string; message: string } } };
}

describe("request parsing", () => {
  it("parses a valid body", async () => {
    await expect(readJson(post('{"line":"ok"}'), schema)).resolves.toEqual({ line: "ok" });
  });

  it("answers 415 for a body not sent as JSON (what a cross-site form would send)", async () => {
    const { status, body } = await errorOf(readJson(post('{"line":"ok"}', "text/plain"), schema));
    expect(status).toBe(415);
    expect(body.error.code).toBe("unsupported_media_type");
  });

  it("answers 400 for malformed JSON", async () => {
    const { status, body } = await errorOf(readJson(post("{nope"), schema));
    expect(status).toBe(400);
    expect(body.error).toEqual({ code: "bad_request", message: "Request body is not valid JSON." });
  });

  it("answers 422 naming the field for a body that does not fit", async () => {
    const { status, body } = await errorOf(readJson(post('{"line":"far too long a line"}'), schema));
    expect(status).toBe(422);
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.message).toMatch(/^Request body is invalid: line: /);
  });

  it("answers 413 for a body over the limit, without reading it all", async () => {
    const { status, body } = await errorOf(readJson(post(`{"line":"${"x".repeat(MAX_BODY_BYTES)}"}`), schema));
    expect(status).toBe(413);
    expect(body.error.code).toBe("payload_too_large");
  });

  it("hides unexpected errors behind a 500 with the same shape", async () => {
    const original = console.error;
    console.error = () => undefined;
    const { status, body } = await errorOf(Promise.reject(new Error("secret internals")));
    console.error = original;
    expect(status).toBe(500);
    expect(body.error.code).toBe("internal");
    expect(body.error.message).not.toContain("secret");
  });

  it("keeps ApiError codes", async () => {
    const { status } = await errorOf(Promise.reject(new ApiError("not_found", "Attempt not found.")));
    expect(status).toBe(404);
  });
});

describe("RateLimiter", () => {
  it("allows `limit` hits per window per key, then says how long to wait", () => {
    const limiter = new RateLimiter(2, 1000);
    expect(limiter.take("a", 0)).toBe(0);
    expect(limiter.take("a", 100)).toBe(0);
    expect(limiter.take("a", 200)).toBe(800);
    expect(limiter.take("b", 200)).toBe(0);
    expect(limiter.take("a", 1001)).toBe(0);
  });
});

describe("safeReturnPath", () => {
  it("keeps local paths and refuses everything else", () => {
    expect(safeReturnPath("/attempts/1")).toBe("/attempts/1");
    expect(safeReturnPath("//evil.example")).toBe("/scenarios");
    expect(safeReturnPath("https://evil.example")).toBe("/scenarios");
    expect(safeReturnPath(undefined)).toBe("/scenarios");
  });
});
