/** Seconds a client is told to wait (`Retry-After`) while the database is unreachable. */
export const DATABASE_RETRY_AFTER_S = 5;

/** Network errors of a database socket that is down or gone. */
const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH", "ECONNABORTED"]);
/** Prisma's codes for "cannot reach / lost / timed out waiting for the database". */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
/** Driver adapter error kinds with the same meaning. */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections", "DatabaseDoesNotExist"]);
const MESSAGES = /connection terminated|connection refused|can't reach database|server closed the connection|timeout exceeded when trying to connect|terminating connection due to administrator command|the database system is (shutting down|starting up|in recovery mode)|Client has encountered a connection error|Connection closed/i;

/**
 * True when `error` (or anything in its `cause` chain) says the database is unreachable
 * rather than that the query was wrong: refused or reset sockets, PostgreSQL's
 * shutdown and connection-exception SQLSTATEs (57P0x, 08xxx), Prisma's P1001/P1002/P1008/P1017/P2024,
 * and the driver adapter's equivalent kinds.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const e = current as { code?: unknown; kind?: unknown; originalCode?: unknown; name?: unknown; message?: unknown; cause?: unknown; meta?: unknown };
    for (const code of [e.code, e.originalCode]) {
      if (typeof code !== "string") continue;
      if (NETWORK_CODES.has(code) || PRISMA_CODES.has(code) || /^57P0[123]$/.test(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
    }
    if (typeof e.kind === "string" && ADAPTER_KINDS.has(e.kind)) return true;
    if (e.name === "PrismaClientInitializationError") return true;
    if (typeof e.message === "string" && MESSAGES.test(e.message)) return true;
    current = e.cause ?? (e.meta && typeof e.meta === "object" ? (e.meta as { driverAdapterError?: unknown }).driverAdapterError : undefined);
  }
  return false;
}
