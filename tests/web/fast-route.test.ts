/**
 * The server worker's fast route (lib/server/fast-route.ts) over real HTTP on loopback: the
 * action route's own handler answers, with the headers next.config.js adds to every answer,
 * and what is not that route is left to the next handler (Next.js in the worker).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGuestUser } from "@/lib/auth/create-guest-user";
import { catalogue, ENGINE_VERSION } from "@/lib/attempts/engine-session";
import { db } from "@/lib/db";
import { serveFastRoute } from "@/lib/server/fast-route";

let server: http.Server;
let base = "";

/** One request on a fresh connection; the whole answer. */
function send(path: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer[] } = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }>((resolve, reject) => {
    const req = http.request(`${base}${path}`, { method: options.method ?? "POST", headers: options.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", reject);
    if (Array.isArray(options.body)) {
      for (const chunk of options.body) req.write(chunk); // no content-length: sent chunked
      req.end();
    } else req.end(options.body);
  });
}

async function signedInAttempt() {
  const user = await createGuestUser();
  const scenarioId = (catalogue().find((s) => s.difficulty === 1) ?? catalogue()[0]).id;
  const attempt = await db.attempt.create({ data: { userId: user.id, scenarioId, seed: 77, engineVersion: ENGINE_VERSION } });
  const token = await encode({ token: { sub: user.id }, secret: process.env.NEXTAUTH_SECRET! });
  return { attempt, cookie: `next-auth.session-token=${token}` };
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (serveFastRoute(req, res)) return;
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("left to Next.js");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe("the server worker's fast route", () => {
  it("answers a learner's command through the route's own handler and stores it", async () => {
    const { attempt, cookie } = await signedInAttempt();
    const answer = await send(`/api/attempts/${attempt.id}/actions`, {
      headers: { cookie, "content-type": "application/json", origin: base, "sec-fetch-site": "same-origin" },
      body: JSON.stringify({ type: "command", line: "kubectl get pods" }),
    });
    expect(answer.status).toBe(201);
    const body = JSON.parse(answer.text) as { seq: number; output: string; exitCode: number };
    expect(body).toMatchObject({ seq: 1, exitCode: 0 });
    expect(body.output).toMatch(/^NAME\s+READY\s+STATUS/);
    expect(answer.headers["content-type"]).toContain("application/json");
    expect(answer.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(answer.headers["x-content-type-options"]).toBe("nosniff");
    expect(answer.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    const stored = await db.action.findMany({ where: { attemptId: attempt.id } });
    expect(stored.map((a) => [a.seq, a.input])).toEqual([[1, "kubectl get pods"]]);
  });

  it("answers as the handler does without a session, or cross-site", async () => {
    const anonymous = await send("/api/attempts/c000000000000000000000000/actions", { headers: { "content-type": "application/json" }, body: "{}" });
    expect(anonymous.status).toBe(401);
    expect(JSON.parse(anonymous.text)).toEqual({ error: { code: "unauthorized", message: expect.any(String) } });
    const { attempt, cookie } = await signedInAttempt();
    const crossSite = await send(`/api/attempts/${attempt.id}/actions`, {
      headers: { cookie, "content-type": "application/json", origin: "https://elsewhere.example", "sec-fetch-site": "cross-site" },
      body: JSON.stringify({ type: "command", line: "kubectl delete pods --all" }),
    });
    expect(crossSite.status).toBe(403);
    expect(await db.action.count({ where: { attemptId: attempt.id } })).toBe(0);
  });

  it("refuses a body over 64 KiB, sent without a length, with a 413 and keeps serving", async () => {
    const { attempt, cookie } = await signedInAttempt();
    const chunks = Array.from({ length: 80 }, () => Buffer.alloc(1024, "x"));
    const huge = await send(`/api/attempts/${attempt.id}/actions`, { headers: { cookie, "content-type": "application/json" }, body: chunks });
    expect(huge.status).toBe(413);
    expect(JSON.parse(huge.text).error.code).toBe("payload_too_large");
    const next = await send(`/api/attempts/${attempt.id}/actions`, {
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify({ type: "command", line: "kubectl get nodes" }),
    });
    expect(next.status).toBe(201);
  });

  it("answers a Host header that names no host with a 400, not a 500", async () => {
    const answer = await send("/api/attempts/c000000000000000000000000/actions", { headers: { host: "a b", "content-type": "application/json" }, body: "{}" });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text).error.code).toBe("bad_request");
  });

  it("leaves every other request to the next handler", async () => {
    for (const [method, path] of [
      ["GET", "/api/attempts/c000000000000000000000000/actions"],
      ["POST", "/api/attempts/c000000000000000000000000/completions"],
      ["POST", "/api/attempts/c000000000000000000000000/actions/"],
      ["POST", "/api/attempts"],
    ]) {
      const answer = await send(path, { method, headers: { "content-type": "application/json" }, body: method === "GET" ? undefined : "{}" });
      expect([method, path, answer.status, answer.text]).toEqual([method, path, 404, "left to Next.js"]);
    }
  });
});
