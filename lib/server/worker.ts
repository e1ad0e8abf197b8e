/**
 * One server process: `npm start` forks WEB_CONCURRENCY of them (lib/server/start.ts;
 * node:cluster shares the listening socket), the container image runs one. It serves the
 * production build with Next.js, except the terminal's action route, which it hands straight
 * to that route's own handler (lib/server/fast-route.ts): the same code, without the
 * framework's per-request pipeline. `npm run build` bundles this file into
 * `.next/server-worker.mjs` (scripts/build-worker.mjs).
 *
 * Environment, as Next's standalone server reads it: PORT (3000), HOSTNAME (where to listen,
 * "localhost"), KEEP_ALIVE_TIMEOUT (ms an idle connection stays open, 65000).
 */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import next from "next";
import { catalogue, startSession } from "../attempts/engine-session";
import { answerError } from "./answer-error";
import { serveFastRoute } from "./fast-route";

const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME || "localhost";
const keepAliveTimeout = Number(process.env.KEEP_ALIVE_TIMEOUT || 65_000);

/** The configuration `next build` resolved and saved (next.config.js is not shipped in the image). */
function builtConfig(dir: string): Record<string, unknown> {
  const file = path.join(dir, ".next", "required-server-files.json");
  return (JSON.parse(fs.readFileSync(file, "utf8")) as { config: Record<string, unknown> }).config;
}

async function main(): Promise<void> {
  const dir = process.cwd();
  const conf = builtConfig(dir);
  // What Next's own standalone server.js does before it starts.
  if (conf.output === "standalone") process.env.__NEXT_PRIVATE_STANDALONE_CONFIG ??= JSON.stringify(conf);
  const app = next({ dev: false, dir, hostname, port, conf });
  const handle = app.getRequestHandler();
  await app.prepare();
  await warmUp(handle);
  const server = http.createServer((req, res) => {
    if (badlyEncoded(req.url ?? "/")) return answerError(res, "bad_request", "The URL's path is not valid percent-encoding.");
    if (serveFastRoute(req, res)) return;
    void handle(req, res);
  });
  server.keepAliveTimeout = keepAliveTimeout;
  // Headers may take a little longer than an idle keep-alive lasts (so a reused connection is not cut mid-request).
  server.headersTimeout = keepAliveTimeout + 1_000;
  server.listen(port, hostname, () => console.log(`✓ Ready on http://${hostname}:${port} (process ${process.pid})`));
  // SIGTERM (Kubernetes, npm start's primary): stop accepting, let requests in flight finish.
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref(); // a client that keeps its connection busy
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

/** Requests that make Next.js load the modules of the routes a learner meets first. */
const WARM_UP_REQUESTS: [method: string, path: string][] = [
  ["POST", "/api/attempts"], // starting an attempt (answered 401: no session)
  ["GET", "/scenarios"],
  ["GET", "/api/attempts/c000000000000000000000000/completions"],
];

/**
 * Readies the process before it takes connections. Next.js instantiates a route's module on
 * the route's first request (for the attempt routes: loading the engine and reading the scenario
 * catalogue, about 2 s), and the engine builds a node layout's system-world snapshot on the
 * first open that needs it: without this the first learners of a fresh process would wait for
 * both. The requests go to Next.js's handler on a loopback port of this process only; they
 * are logged like any request, with the request id `warm-up`.
 */
async function warmUp(handle: ReturnType<ReturnType<typeof next>["getRequestHandler"]>): Promise<void> {
  const local = http.createServer((req, res) => void handle(req, res));
  // exclusive: this process's own port, not one shared through node:cluster.
  await new Promise<void>((resolve) => local.listen({ host: "127.0.0.1", port: 0, exclusive: true }, resolve));
  const { port: localPort } = local.address() as { port: number };
  for (const [method, path] of WARM_UP_REQUESTS) {
    await new Promise<void>((resolve) => {
      const req = http.request({ host: "127.0.0.1", port: localPort, method, path, headers: { "x-request-id": "warm-up", "content-type": "application/json" } }, (res) => {
        res.resume();
        res.on("end", resolve);
      });
      req.on("error", () => resolve()); // a warm-up that fails costs the first learner the wait, nothing more
      req.end(method === "POST" ? "{}" : undefined);
    });
  }
  await new Promise((resolve) => local.close(resolve));
  for (const scenario of catalogue()) startSession(scenario.id, 1);
}

/** Whether the path holds a percent escape that decodes to nothing (`/api/attempts/%ZZ`), which Next.js answers with a 500. */
function badlyEncoded(url: string): boolean {
  const query = url.indexOf("?");
  try {
    decodeURIComponent(query === -1 ? url : url.slice(0, query));
    return false;
  } catch {
    return true;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
