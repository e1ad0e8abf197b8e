/**
 * The terminal's action route (`POST /api/attempts/[id]/actions`: nearly all of a class's
 * traffic) served by its own route handler without Next.js's request pipeline, which costs
 * more CPU per request than the handler itself (docs/benchmarks.md, load section). The
 * handler is the route module's `POST`, unchanged: the same parsing, authentication,
 * same-origin check, rate limit, logging and answers as when Next.js calls it (`npm run
 * dev`, and for every other route). Only the plumbing is ours: the node request becomes a
 * web Request, the Response goes back with the headers next.config.js adds to every answer.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import nextConfig from "../../next.config.js";
import { POST as postAction } from "../../app/api/attempts/[id]/actions/route";
import { MAX_BODY_BYTES } from "../http/read-json";
import { answerError } from "./answer-error";

const ACTION_PATH = /^\/api\/attempts\/([^/?#]+)\/actions(?:\?.*)?$/;

type HeaderRule = { source: string; headers: { key: string; value: string }[] };

/** The headers next.config.js sets on every path (`/:path*`), resolved once. */
const everyPathHeaders: Promise<[string, string][]> = (async () => {
  const rules = ((await nextConfig.headers?.()) ?? []) as HeaderRule[];
  return rules.filter((r) => r.source === "/:path*").flatMap((r) => r.headers.map((h) => [h.key, h.value] as [string, string]));
})();

/** Serves the request when it is the action route (and says so); otherwise leaves it to Next.js. */
export function serveFastRoute(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== "POST") return false;
  const match = ACTION_PATH.exec(req.url ?? "");
  if (!match) return false;
  let id: string;
  try {
    id = decodeURIComponent(match[1]);
  } catch {
    return false; // a malformed escape: the caller's to refuse
  }
  void serveAction(req, res, id).catch((error: unknown) => {
    console.error(error);
    if (res.headersSent) res.destroy();
    else answerError(res, "internal", "Something went wrong on our side. Please try again.");
  });
  return true;
}


async function serveAction(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
  const body = await readBody(req);
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i], req.rawHeaders[i + 1]);
  let url: URL;
  try {
    url = new URL(`http://${req.headers.host ?? "localhost"}${req.url}`);
  } catch {
    return answerError(res, "bad_request", "The request's Host header is not a host name.");
  }
  const request = new Request(url, { method: "POST", headers, body: new Uint8Array(body) });
  const response = await postAction(request, { params: Promise.resolve({ id }) });
  const payload = Buffer.from(await response.arrayBuffer());
  const out: [string, string][] = [...(await everyPathHeaders)];
  response.headers.forEach((value, key) => out.push([key, value]));
  out.push(["content-length", String(payload.byteLength)]);
  res.writeHead(response.status, out.flat());
  res.end(payload);
}

/**
 * The request body, read to at most one byte over the largest body any route accepts: the
 * handler refuses a larger one (413) from that much, and the rest is never held in memory.
 */
function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => {
      req.off("data", onData);
      resolve(Buffer.concat(chunks));
    };
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.byteLength;
      if (size > MAX_BODY_BYTES) {
        req.pause();
        done();
      }
    };
    req.on("data", onData);
    req.once("end", done);
    req.once("error", reject);
  });
}
