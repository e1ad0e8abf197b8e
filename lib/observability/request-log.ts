/** One line of the request log. */
export interface RequestLogEntry {
  method: string;
  /** The path as requested (no query string: it may carry tokens). */
  path: string;
  status: number;
  latencyMs: number;
  requestId: string;
}

/** Where log lines go; stdout by default, which the container runtime collects. */
export type LogWriter = (line: string) => void;

const stdoutWriter: LogWriter = (line) => {
  process.stdout.write(line + "\n");
};

/**
 * Formats a request as one JSON object on one line:
 * `{"time":…,"level":"info","pid":…,"msg":"request","method":"POST","path":…,"status":201,"latencyMs":12.3,"requestId":…}`.
 * 5xx answers log at level `error`, 4xx at `warn`; `pid` tells the server processes of one
 * instance apart (WEB_CONCURRENCY).
 */
export function formatRequestLog(entry: RequestLogEntry, now: Date = new Date(), pid: number = process.pid): string {
  const level = entry.status >= 500 ? "error" : entry.status >= 400 ? "warn" : "info";
  return JSON.stringify({
    time: now.toISOString(),
    level,
    pid,
    msg: "request",
    method: entry.method.toUpperCase(),
    path: entry.path.split("?")[0],
    status: entry.status,
    latencyMs: Math.round(entry.latencyMs * 10) / 10,
    requestId: entry.requestId,
  });
}

/** Writes one request log line. */
export function logRequest(entry: RequestLogEntry, write: LogWriter = stdoutWriter): void {
  write(formatRequestLog(entry));
}
