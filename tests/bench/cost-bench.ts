/**
 * CPU cost per request (issue 6): how much processor time the production server and its
 * PostgreSQL spend on one terminal command, against one request of the framework's floor
 * (`GET /api/floor`, a constant). Unlike round-trip latency, CPU time per request hardly
 * depends on what else the machine is doing, so it compares two versions of the server on a
 * noisy machine; `npm run loadtest` is what says whether a class's latency target holds.
 *
 * `npm run bench:cost`: starts the production server as `npm start` does (tests/load/harness.ts)
 * in a temporary DATA_DIR with the per-user command limit lifted, signs in COST_LEARNERS guests
 * (16) with an attempt each, and then alternates phases of COST_PHASE_S seconds (5): every
 * learner sends commands back to back (the load test's mix), or the floor is requested as fast.
 * After a warm-up phase of each, COST_ROUNDS (4) rounds are measured. CPU time comes from
 * /proc: the server's process group (start.ts and its workers), and the embedded PostgreSQL
 * (its postmaster and backends). Linux only.
 */
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { buildInfo, catalogueIds, freePort, httpRequest, Learner, runLoadScript, startServer, waitReady, type Server } from "../load/harness";

const LEARNERS = Number(process.env.COST_LEARNERS ?? 16);
const PHASE_MS = Number(process.env.COST_PHASE_S ?? 5) * 1000;
const ROUNDS = Number(process.env.COST_ROUNDS ?? 4);
/** Clock ticks per second in /proc/<pid>/stat (USER_HZ; 100 on Linux). */
const TICKS_PER_S = 100;

interface ProcessCpu {
  pid: number;
  ppid: number;
  pgrp: number;
  name: string;
  command: string;
  cpuMs: number;
}

function processes(): ProcessCpu[] {
  const out: ProcessCpu[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const close = stat.lastIndexOf(")");
      const fields = stat.slice(close + 2).split(" ");
      out.push({
        pid: Number(entry),
        ppid: Number(fields[1]),
        pgrp: Number(fields[2]),
        name: stat.slice(stat.indexOf("(") + 1, close),
        command: fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").replace(/\0/g, " "),
        cpuMs: ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_S,
      });
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/** CPU ms used so far by the server's processes and by its PostgreSQL. */
function cpuOf(server: Server): { server: number; postgres: number } {
  const all = processes();
  const postmaster = all.find((p) => p.name.startsWith("postgres") && p.command.includes(server.dataDir));
  const sum = (ps: ProcessCpu[]) => ps.reduce((total, p) => total + p.cpuMs, 0);
  return {
    server: sum(all.filter((p) => p.pgrp === server.child.pid && !p.name.startsWith("postgres"))),
    postgres: sum(all.filter((p) => postmaster && (p.pid === postmaster.pid || p.ppid === postmaster.pid))),
  };
}

runLoadScript("crashcourse-cost-", async (scratch) => {
  const port = await freePort();
  const server = startServer({
    dataDir: path.join(scratch.tempDir, "data"),
    logFile: path.join(scratch.tempDir, "server.log"),
    port,
    env: { ACTION_RATE_LIMIT: "1000000" }, // back-to-back commands, not a learner's pace
  });
  scratch.server = server;
  console.log(`Starting the production server on ${server.baseUrl}…`);
  await waitReady(server);
  const ids = catalogueIds();
  const learners: Learner[] = [];
  for (let i = 0; i < LEARNERS; i++) {
    const learner = new Learner(server.baseUrl);
    await learner.setUp(ids[i % ids.length]);
    learners.push(learner);
  }
  const floorAgent = new http.Agent({ keepAlive: true });
  const totals = { command: { n: 0, server: 0, postgres: 0 }, floor: { n: 0, server: 0, postgres: 0 } };
  for (let round = 0; round <= ROUNDS; round++) {
    for (const kind of ["command", "floor"] as const) {
      let n = 0;
      const before = cpuOf(server);
      const started = performance.now();
      await Promise.all(
        learners.map(async (learner) => {
          while (performance.now() - started < PHASE_MS) {
            if (kind === "floor") {
              const answer = await httpRequest(floorAgent, `${server.baseUrl}/api/floor`, { method: "GET", headers: {}, timeoutMs: 15_000 });
              await answer.text();
              if (answer.status !== 200) throw new Error(`GET /api/floor answered ${answer.status}`);
            } else {
              const answer = await learner.act({ type: "command", line: learner.nextCommand() });
              if (answer.status !== 201) throw new Error(`a command answered ${answer.status}: ${answer.error}`);
            }
            n++;
          }
        }),
      );
      const after = cpuOf(server);
      if (round === 0) continue; // warm-up
      totals[kind].n += n;
      totals[kind].server += after.server - before.server;
      totals[kind].postgres += after.postgres - before.postgres;
    }
  }
  const per = (t: { n: number; server: number; postgres: number }) =>
    `${(t.server / t.n).toFixed(2)} ms server processes + ${(t.postgres / t.n).toFixed(2)} ms PostgreSQL (${t.n} requests)`;
  console.log(`# CPU per request — node ${process.version}, ${os.cpus()[0]?.model ?? "?"} (${os.availableParallelism()} cores), ${new Date().toISOString().slice(0, 16)} UTC, ${buildInfo()}`);
  console.log(`- a command (POST /api/attempts/<id>/actions, ${LEARNERS} learners back to back): ${per(totals.command)}`);
  console.log(`- the floor (GET /api/floor, as many at once): ${per(totals.floor)}`);
  console.log(`- command ÷ floor, server processes: ${(totals.command.server / totals.command.n / (totals.floor.server / totals.floor.n)).toFixed(2)}×`);
});
