import "../classes/async-local-storage";
import { beforeAll, describe, expect, it } from "vitest";
import { catalogue } from "@/lib/attempts/engine-session";
import { createAttempt } from "@/lib/attempts/create-attempt";
import { db } from "@/lib/db";
import { MAX_BODY_BYTES } from "@/lib/http/read-json";
import { createUser } from "../classes/fixtures";
import { apiRouteFiles, HTTP_METHODS, rawCall, type RouteHandler } from "../security/raw-call";

/**
 * HTTP fuzz of every route file under app/api (found on disk, so a new route is fuzzed
 * without editing this file): malformed JSON, wrong types, bodies over the limit, unicode
 * and control characters, hostile route params and query strings, as anonymous and as a
 * learner, an instructor and an admin who own real attempts and classes. Whatever comes
 * in, the answer is never a 5xx, and every 4xx is the API's JSON error shape.
 *
 * FUZZ_ROUNDS (default 8) random requests per route, method and caller are added to the
 * fixed cases; FUZZ_SEED picks the sequence. `FUZZ_ROUNDS=500 npx vitest run tests/web/fuzz`
 * is the long version.
 */
process.env.NEXTAUTH_URL ??= "http://localhost";
const ROUNDS = Number(process.env.FUZZ_ROUNDS ?? 8);
const SEED = Number(process.env.FUZZ_SEED ?? 20261126);
const site = "http://localhost";

/** mulberry32: a small seeded generator, so a failure can be replayed with FUZZ_SEED. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOSTILE_STRINGS = [
  "",
  " ",
  "\u0000",
  "\u0000\u0001\u0007\b\u001b[31mred\u001b[0m\r\n",
  "🚀💥 ünïcödé ﷽ \u202eevil\u202c",
  "\ud800", // a lone surrogate
  "../../../../etc/passwd",
  "%00%ff%fe",
  "' OR 1=1 --",
  "<script>alert(1)</script>",
  "${7*7}{{7*7}}",
  "a".repeat(5000),
  "kubectl get pods; rm -rf /",
  "kubectl apply -f - <<EOF\nkind: Pod\nmetadata: {name: x}\nEOF",
];
const HOSTILE_VALUES: unknown[] = [null, true, false, 0, -1, 1e308, -0, 3.14, [], {}, [[[[]]]], { $ne: null }, { __proto__: { admin: true } }, ...HOSTILE_STRINGS];
const FIELDS = ["email", "password", "name", "scenarioId", "mode", "type", "line", "edit", "clientMs", "code", "description", "archived", "role", "dueAt", "assignmentId", "userId", "csrfToken", "json", "kind", "yaml"];

interface Payload {
  label: string;
  contentType?: string;
  body?: string | Uint8Array;
}

const FIXED_BODIES: Payload[] = [
  { label: "no body" },
  { label: "empty JSON", contentType: "application/json", body: "" },
  { label: "malformed JSON", contentType: "application/json", body: '{"type": "command", "line": ' },
  { label: "JSON null", contentType: "application/json", body: "null" },
  { label: "JSON array", contentType: "application/json", body: "[1,2,3]" },
  { label: "JSON number", contentType: "application/json", body: "123" },
  { label: "JSON string", contentType: "application/json", body: '"kubectl get pods"' },
  { label: "deep nesting", contentType: "application/json", body: "[".repeat(5000) + "]".repeat(5000) },
  { label: "wrong types", contentType: "application/json", body: JSON.stringify(Object.fromEntries(FIELDS.map((f, i) => [f, HOSTILE_VALUES[i % HOSTILE_VALUES.length]]))) },
  { label: "control characters", contentType: "application/json", body: JSON.stringify(Object.fromEntries(FIELDS.map((f) => [f, "\u0000\u001b[2J\r\u0007"]))) },
  { label: "unicode", contentType: "application/json", body: JSON.stringify({ type: "command", line: "kubectl get pods -n 🚀\u202e\ud800", name: "名前 ✓", email: "ü@exämple.test", password: "pässwörd🔑🔑", code: "ÄÖÜ€€€€€", scenarioId: "🚀" }) },
  { label: "invalid UTF-8", contentType: "application/json", body: new Uint8Array([0x7b, 0x22, 0x6c, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x22, 0x7d]) },
  { label: "a command with hostile text", contentType: "application/json", body: JSON.stringify({ type: "command", line: HOSTILE_STRINGS.join(" | ") }) },
  { label: "an edit with broken YAML", contentType: "application/json", body: JSON.stringify({ type: "edit", edit: { kind: "Pod", name: "x", namespace: "default", yaml: "metadata: [unclosed\n\t- :" } }) },
  { label: "an edit of an unknown kind", contentType: "application/json", body: JSON.stringify({ type: "edit", edit: { kind: "\u0000", name: "../x", yaml: "{}" } }) },
  { label: `over ${MAX_BODY_BYTES / 1024} KiB`, contentType: "application/json", body: JSON.stringify({ line: "x".repeat(MAX_BODY_BYTES + 10) }) },
  { label: "text/plain", contentType: "text/plain", body: "kubectl get pods" },
  { label: "form", contentType: "application/x-www-form-urlencoded", body: "email=a%40b.c&password=%00&csrfToken=x&json=true" },
  { label: "multipart", contentType: "multipart/form-data; boundary=x", body: "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--x--" },
];

/** encodeURIComponent that survives lone surrogates (sent as the invalid UTF-8 they would be). */
function enc(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return encodeURIComponent(value.replace(/[\ud800-\udfff]/g, "")) + "%ED%A0%80";
  }
}

const FIXED_QUERIES = ["", "?line=", "?line=kubectl%20get%20po", `?line=${enc(HOSTILE_STRINGS.join(""))}`, "?line=%ff%fe%00", `?line=${"x".repeat(20_000)}`, "?format=csv&limit=-1&page=abc", "?line=a&line=b&status=%F0%9F%9A%80"];

function randomValue(next: () => number, depth = 0): unknown {
  const r = next();
  if (depth > 2 || r < 0.5) return HOSTILE_VALUES[Math.floor(next() * HOSTILE_VALUES.length)];
  if (r < 0.75) return Array.from({ length: Math.floor(next() * 4) }, () => randomValue(next, depth + 1));
  return Object.fromEntries(Array.from({ length: Math.floor(next() * 5) }, () => [FIELDS[Math.floor(next() * FIELDS.length)], randomValue(next, depth + 1)]));
}

function randomPayload(next: () => number): Payload {
  const value = Object.fromEntries(FIELDS.filter(() => next() < 0.3).map((f) => [f, randomValue(next)]));
  if (next() < 0.3) value.type = ["command", "edit", "hint", "check", "reset", "give_up", "nope"][Math.floor(next() * 7)];
  let body = JSON.stringify(value);
  if (next() < 0.15) body = body.slice(0, Math.floor(next() * body.length)); // truncated
  return { label: `random ${body.slice(0, 60)}`, contentType: next() < 0.9 ? "application/json" : "text/plain", body };
}

interface World {
  callers: Record<string, string | undefined>;
  ids: Record<string, string>;
}

async function buildWorld(): Promise<World> {
  const learner = await createUser("learner");
  const instructor = await createUser("instructor");
  const admin = await createUser("admin");
  const scenarioId = catalogue()[0].id;
  const attempt = await createAttempt({ userId: learner.id, scenarioId, mode: "new" });
  const created = await db.class.create({
    data: {
      instructorId: instructor.id,
      name: "Fuzz class",
      joinCode: `FZ${Math.random().toString(36).slice(2, 8).toUpperCase().replace(/[01IOL]/g, "A")}`.padEnd(8, "A"),
      members: { create: { userId: learner.id } },
      assignments: { create: { scenarioId } },
    },
    include: { assignments: true },
  });
  return {
    callers: { anonymous: undefined, learner: learner.id, instructor: instructor.id, admin: admin.id },
    ids: { attempt: attempt.id, class: created.id, assignment: created.assignments[0].id, user: learner.id },
  };
}

/** Route params: the world's real ids for each segment, then hostile ones. */
function paramSets(pattern: string, segments: string[], world: World): Record<string, string | string[]>[] {
  const real = (segment: string): string => {
    if (segment === "attemptId") return world.ids.attempt;
    if (segment === "assignmentId") return world.ids.assignment;
    if (segment === "userId") return world.ids.user;
    if (pattern.startsWith("/api/attempts")) return world.ids.attempt;
    if (pattern.startsWith("/api/classes")) return world.ids.class;
    return world.ids.user;
  };
  if (segments.includes("nextauth")) {
    return [["csrf"], ["session"], ["providers"], ["signin"], ["signout"], ["callback", "credentials"], ["callback", "guest"], ["callback", "nope"], ["error"], ["nonsense", "\u0000"], ["signin", "../../x"], []].map((nextauth) => ({ nextauth }));
  }
  if (segments.length === 0) return [{}];
  const sets = [Object.fromEntries(segments.map((s) => [s, real(s)]))];
  for (const hostile of ["", "../../etc/passwd", "\u0000", "🚀", "a".repeat(300), "' OR 1=1 --", "c000000000000000000000000", "%2e%2e%2f"]) {
    sets.push(Object.fromEntries(segments.map((s, i) => [s, i === segments.length - 1 ? hostile : real(s)])));
  }
  return sets;
}

const routes = apiRouteFiles();
let world: World;
beforeAll(async () => {
  world = await buildWorld();
});

describe("HTTP fuzz of every API route", () => {
  it("covers every route file, each exporting only HTTP methods (Next.js answers 405 for the others)", async () => {
    expect(routes.length).toBeGreaterThanOrEqual(20);
    const config = new Set(["dynamic", "runtime", "revalidate", "fetchCache", "preferredRegion", "maxDuration", "dynamicParams"]);
    for (const route of routes) {
      const exported = Object.keys(await import(route.file));
      const unknown = exported.filter((k) => !(HTTP_METHODS as readonly string[]).includes(k) && !config.has(k));
      expect(unknown, route.pattern).toEqual([]);
    }
  });

  for (const route of routes) {
    it(`${route.pattern}: never a 5xx, every 4xx a JSON error`, { timeout: 60_000 }, async () => {
      const mod = (await import(route.file)) as Partial<Record<(typeof HTTP_METHODS)[number], RouteHandler>>;
      const next = random(SEED ^ route.pattern.length * 7919);
      const isNextAuth = route.segments.includes("nextauth");
      let calls = 0;
      const failures: string[] = [];
      for (const method of HTTP_METHODS) {
        const handler = mod[method];
        if (!handler) continue;
        const bodyless = method === "GET" || method === "HEAD";
        for (const [who, userId] of Object.entries(world.callers)) {
          for (const params of paramSets(route.pattern, route.segments, world)) {
            const path = isNextAuth ? `/api/auth/${(params.nextauth as string[]).map(enc).join("/")}` : route.pattern;
            const payloads: (Payload & { query?: string })[] = bodyless
              ? FIXED_QUERIES.map((query) => ({ label: `query ${query.slice(0, 40)}`, query }))
              : [...FIXED_BODIES, ...Array.from({ length: ROUNDS }, () => randomPayload(next))];
            if (bodyless) for (let i = 0; i < ROUNDS; i++) payloads.push({ label: "random query", query: `?line=${enc(String(randomValue(next)))}` });
            for (const payload of payloads) {
              const headers: Record<string, string> = { origin: site, "sec-fetch-site": "same-origin", "x-forwarded-for": `198.51.100.${calls % 250}` };
              if (payload.contentType) headers["content-type"] = payload.contentType;
              const label = `${who} ${method} ${path} ${JSON.stringify(params).slice(0, 80)} ${payload.label.slice(0, 80)}`;
              let response: Response;
              try {
                response = await rawCall(handler, { method, url: `${site}${path}${payload.query ?? ""}`, headers, body: payload.body, params, userId });
              } catch (error) {
                failures.push(`${label}: threw ${String(error).slice(0, 200)}`);
                continue;
              }
              calls++;
              const text = await response.text();
              if (response.status >= 500) failures.push(`${label}: ${response.status} ${text.slice(0, 200)}`);
              else if (response.status >= 400 && !isNextAuth) {
                let body: { error?: { code?: unknown; message?: unknown } } | undefined;
                try {
                  body = JSON.parse(text) as typeof body;
                } catch {
                  body = undefined;
                }
                if (typeof body?.error?.code !== "string" || typeof body.error.message !== "string" || body.error.message.length === 0) {
                  failures.push(`${label}: ${response.status} without a JSON error: ${text.slice(0, 200)}`);
                }
              }
            }
          }
        }
      }
      // One example per kind of failure (status and start of the answer), so distinct bugs all show.
      const kinds = new Map<string, string>();
      for (const f of failures) kinds.set(f.replace(/^.*?: /, "").slice(0, 60), f);
      expect([...kinds.values()].slice(0, 12), `${failures.length} bad answers of ${calls}`).toEqual([]);
    });
  }
});
