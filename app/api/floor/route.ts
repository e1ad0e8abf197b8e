export const dynamic = "force-dynamic";

const BODY = JSON.stringify({ status: "ok" });

/**
 * The framework's floor: a constant answer with no session, database, logging or
 * engine, so `npm run loadtest` can report a command's cost as a multiple of what
 * Next.js itself costs per request on the same machine at the same load.
 */
export function GET(): Response {
  return new Response(BODY, { headers: { "content-type": "application/json" } });
}
