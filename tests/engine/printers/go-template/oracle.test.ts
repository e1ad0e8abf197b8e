/**
 * `kubectl get … -o go-template` compared byte for byte (stdout, stderr, exit code) with real
 * kubectl v1.32, run against a fake API server that serves the same objects. The real answers
 * are recorded in `golden/oracle.json` (rewritten with UPDATE_GOLDEN=1, which needs the binary);
 * when the binary is present the test also asks it afresh (GO_TEMPLATE_ORACLE=recorded skips that).
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildCommandTree, flagString, resolveCommand } from "../../../../engine/kubectl/args";
import type { CommandResult, CommandSpec } from "../../../../engine/kubectl/command";
import { readCommands } from "../../../../engine/kubectl/commands/read";
import type { KObject } from "../../../../engine/model/types";
import { fixtureCluster } from "../fixtures";
import { CASES, OBJECTS } from "./cases";

const KUBECTL = "/usr/lib/google-cloud-sdk/bin/kubectl.1.32";
const FAKEAPI = "/work/shared/tools/fakeapi.py";
const GOLDEN = join(__dirname, "golden", "oracle.json");
/** GO_TEMPLATE_ORACLE=recorded compares with the recorded answers without running kubectl (faster). */
const recordedOnly = process.env.GO_TEMPLATE_ORACLE === "recorded";
const haveOracle = !recordedOnly && existsSync(KUBECTL) && existsSync(FAKEAPI);
if (!haveOracle) console.log(recordedOnly ? "go-template: GO_TEMPLATE_ORACLE=recorded; comparing with the recorded answers only" : `go-template: ${KUBECTL} missing; comparing with the recorded answers only`);

const tree = buildCommandTree(readCommands as CommandSpec[]);
const cluster = fixtureCluster(OBJECTS as unknown as KObject[]);
/** The objects as the engine stores them (the oracle serves exactly these). */
const stored = OBJECTS.map((o) => {
  const m = (o as { metadata: { name: string; namespace: string } }).metadata;
  return cluster.store.get((o as { kind: string }).kind, m.namespace, m.name);
});

function engine(args: string[]): CommandResult {
  const r = resolveCommand(args, tree);
  if (!r.ok) return { stdout: "", stderr: r.error, exitCode: r.exitCode };
  if (r.kind !== "command") throw new Error(`not a command: ${args.join(" ")}`);
  const ns = flagString(r.args.flags, "namespace");
  return r.command.run({ cluster, namespace: ns || "default", namespaceExplicit: ns !== "" }, { positionals: r.args.positionals, flags: r.args.flags, dashArgs: r.args.dashArgs });
}

interface Answer {
  stdout: string;
  stderr: string;
  code: number;
}

function askOracle(cases: { args: string[] }[]): Answer[] {
  const out = execFileSync("python3", [join(__dirname, "oracle.py")], { input: JSON.stringify({ objects: stored, cases }), maxBuffer: 64 << 20, env: { ...process.env, KUBECTL } });
  return JSON.parse(out.toString()) as Answer[];
}

const recorded: Record<string, Answer> = existsSync(GOLDEN) ? (JSON.parse(readFileSync(GOLDEN, "utf8")) as Record<string, Answer>) : {};
const key = (args: string[]) => JSON.stringify(args);
const CHUNK = 40;
const chunks: { args: string[] }[][] = [];
for (let i = 0; i < CASES.length; i += CHUNK) chunks.push(CASES.slice(i, i + CHUNK));
const fresh: Record<string, Answer> = {};

describe("kubectl get -o go-template matches kubectl v1.32", () => {
  it(`has at least 60 cases (${CASES.length})`, () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(CASES.map((c) => key(c.args))).size).toBe(CASES.length);
  });
  chunks.forEach((chunk, ci) => {
    it(`chunk ${ci + 1}/${chunks.length}`, { timeout: 30_000 }, () => {
      const answers = haveOracle ? askOracle(chunk) : chunk.map((c) => recorded[key(c.args)]);
      const failures: string[] = [];
      const dump: unknown[] = [];
      chunk.forEach((c, i) => {
        const want = answers[i];
        if (!want) {
          failures.push(`no recorded answer for ${key(c.args)}`);
          return;
        }
        fresh[key(c.args)] = want;
        const got = engine(c.args);
        const gotA: Answer = { stdout: got.stdout, stderr: got.stderr, code: got.exitCode };
        if (JSON.stringify(gotA) !== JSON.stringify(want)) {
          failures.push(`${key(c.args)}\n  want ${JSON.stringify(want)}\n  got  ${JSON.stringify(gotA)}`);
          dump.push({ args: c.args, want, got: gotA });
        }
      });
      if (failures.length > 0 && process.env.GT_DUMP) writeFileSync(`/tmp/gt/fail-${ci}.json`, JSON.stringify(dump));
      expect(failures.join("\n")).toBe("");
    });
  });
  it("recorded answers are current", () => {
    if (!haveOracle) return;
    const merged = Object.fromEntries(CASES.map((c) => [key(c.args), fresh[key(c.args)] ?? recorded[key(c.args)]]));
    if (process.env.UPDATE_GOLDEN === "1") writeFileSync(GOLDEN, JSON.stringify(merged, null, 1) + "\n");
    else for (const c of CASES) if (fresh[key(c.args)]) expect(recorded[key(c.args)], key(c.args)).toEqual(fresh[key(c.args)]);
  });
});
