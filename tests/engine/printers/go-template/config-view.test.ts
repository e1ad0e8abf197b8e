/**
 * `kubectl config view -o go-template` / `--template` compared with real kubectl v1.32 reading
 * the kubeconfig the engine shows (`config view --raw`); answers recorded in
 * `golden/config-view.json` (UPDATE_GOLDEN=1 rewrites them).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixtureCluster, kubectl } from "../fixtures";

const KUBECTL = "/usr/lib/google-cloud-sdk/bin/kubectl.1.32";
const GOLDEN = join(__dirname, "golden", "config-view.json");
/** GO_TEMPLATE_ORACLE=recorded compares with the recorded answers without running kubectl (faster). */
const recordedOnly = process.env.GO_TEMPLATE_ORACLE === "recorded";
const haveKubectl = !recordedOnly && existsSync(KUBECTL);
if (!haveKubectl) console.log(recordedOnly ? "go-template: GO_TEMPLATE_ORACLE=recorded; comparing with the recorded answers only" : `go-template: ${KUBECTL} missing; comparing with the recorded answers only`);

const CASES: string[][] = [
  ["-o", "go-template={{range .contexts}}{{.name}} {{.context.namespace}}{{end}}"],
  ["-o", "go-template={{.}}"],
  ["-o", "go-template={{index .clusters 0}}|{{(index .clusters 0).cluster.server}}"],
  ["--template={{.kind}} {{.current-context}}"],
  ["--template={{index . \"current-context\"}}"],
  ["-o", "template", "--template={{len .users}}"],
];

interface Answer {
  stdout: string;
  stderr: string;
  code: number;
}

describe("kubectl config view -o go-template matches kubectl v1.32", () => {
  it("each case matches", { timeout: 30_000 }, () => {
    const cluster = fixtureCluster();
    const dir = mkdtempSync(join(tmpdir(), "gt-config-"));
    const file = join(dir, "config");
    writeFileSync(file, kubectl(cluster, "config view --raw").stdout);
    const recorded: Record<string, Answer> = existsSync(GOLDEN) ? (JSON.parse(readFileSync(GOLDEN, "utf8")) as Record<string, Answer>) : {};
    const fresh: Record<string, Answer> = {};
    const failures: string[] = [];
    for (const args of CASES) {
      const key = JSON.stringify(args);
      let want = recorded[key];
      if (haveKubectl) {
        const r = spawnSync(KUBECTL, ["config", "view", `--kubeconfig=${file}`, ...args], { env: { ...process.env, HOME: dir }, encoding: "utf8" });
        want = { stdout: r.stdout, stderr: r.stderr, code: r.status ?? -1 };
        if (process.env.UPDATE_GOLDEN !== "1") expect(recorded[key], key).toEqual(want);
      }
      fresh[key] = want;
      const line = ["config", "view", ...args.map((a) => `'${a}'`)].join(" ");
      const got = kubectl(cluster, line);
      const gotA: Answer = { stdout: got.stdout, stderr: got.stderr, code: got.exitCode };
      if (JSON.stringify(gotA) !== JSON.stringify(want)) failures.push(`${key}\n  want ${JSON.stringify(want)}\n  got  ${JSON.stringify(gotA)}`);
    }
    if (haveKubectl && process.env.UPDATE_GOLDEN === "1") writeFileSync(GOLDEN, JSON.stringify(fresh, null, 1) + "\n");
    expect(failures.join("\n")).toBe("");
  });
});
