/**
 * Write commands with `-o go-template` / `--template` (client dry-run, which real kubectl
 * renders without a server) compared with real kubectl v1.32; answers recorded in
 * `golden/write-commands.json` (UPDATE_GOLDEN=1 rewrites them).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { kubectl, makeCluster } from "../../commands-write/fixture";

const KUBECTL = "/usr/lib/google-cloud-sdk/bin/kubectl.1.32";
const GOLDEN = join(__dirname, "golden", "write-commands.json");
/** GO_TEMPLATE_ORACLE=recorded compares with the recorded answers without running kubectl (faster). */
const recordedOnly = process.env.GO_TEMPLATE_ORACLE === "recorded";
const haveKubectl = !recordedOnly && existsSync(KUBECTL);
if (!haveKubectl) console.log(recordedOnly ? "go-template: GO_TEMPLATE_ORACLE=recorded; comparing with the recorded answers only" : `go-template: ${KUBECTL} missing; comparing with the recorded answers only`);

const CASES: string[][] = [
  ["create", "configmap", "x", "--from-literal=a=b", "--dry-run=client", "-o", "go-template={{.kind}}/{{.metadata.name}} {{.data}} {{.metadata.creationTimestamp}}"],
  ["create", "secret", "generic", "s", "--from-literal=password=s3cr3t", "--dry-run=client", "-o", "go-template={{.data.password | base64decode}}"],
  ["create", "deployment", "d", "--image=nginx", "--replicas=2", "--dry-run=client", "-o", "go-template={{.spec.replicas}} {{range .spec.template.spec.containers}}{{.name}}={{.image}}{{end}}"],
  ["create", "secret", "generic", "s", "--from-literal=user=admin", "--from-literal=password=s3cr3t", "--dry-run=client", "-o", "go-template={{range $k, $v := .data}}{{$k}}={{$v | base64decode}};{{end}}"],
  ["create", "namespace", "ns", "--dry-run=client", "-o", "go-template={{.metadata}} {{.spec}} {{.status}}"],
  ["create", "configmap", "x", "--from-literal=a=b", "--dry-run=client", "--template={{.kind}}"],
  ["create", "configmap", "x", "--from-literal=a=b", "--dry-run=client", "-o", "template", "--template={{.metadata.name}}"],
  ["create", "configmap", "x", "--from-literal=a=b", "--dry-run=client", "-o", "go-template"],
  ["create", "configmap", "x", "--from-literal=a=b", "--dry-run=client", "-o", "go-template-file=/no/such"],
  ["create", "configmap", "x", "--from-literal=a=b", "--dry-run=client", "-o", "go-template={{.a}"],
  ["create", "configmap", "x", "--from-literal=a=b", "--dry-run=client", "-o", "go-template={{.nope}}|{{index .data \"a\"}}"],
];

interface Answer {
  stdout: string;
  stderr: string;
  code: number;
}

const key = (a: string[]) => JSON.stringify(a);
const recorded: Record<string, Answer> = existsSync(GOLDEN) ? (JSON.parse(readFileSync(GOLDEN, "utf8")) as Record<string, Answer>) : {};

function real(args: string[]): Answer {
  const r = spawnSync(KUBECTL, args, { env: { ...process.env, KUBECONFIG: "/dev/null", HOME: "/tmp" }, encoding: "utf8" });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status ?? -1 };
}

describe("write commands print -o go-template as kubectl v1.32", () => {
  const fresh: Record<string, Answer> = {};
  it("each case matches", { timeout: 30_000 }, () => {
    const failures: string[] = [];
    for (const args of CASES) {
      const want = haveKubectl ? real(args) : recorded[key(args)];
      if (!want) {
        failures.push(`no recorded answer for ${key(args)}`);
        continue;
      }
      fresh[key(args)] = want;
      const r = kubectl(makeCluster(), args.map((a) => (a.includes(" ") || a.includes("|") || a.includes('"') ? `'${a}'` : a)).join(" "));
      const got: Answer = { stdout: r.stdout, stderr: r.stderr, code: r.exitCode };
      if (JSON.stringify(got) !== JSON.stringify(want)) failures.push(`${key(args)}\n  want ${JSON.stringify(want)}\n  got  ${JSON.stringify(got)}`);
    }
    expect(failures.join("\n")).toBe("");
  });
  it("recorded answers are current", () => {
    if (!haveKubectl) return;
    if (process.env.UPDATE_GOLDEN === "1") writeFileSync(GOLDEN, JSON.stringify(fresh, null, 1) + "\n");
    else for (const args of CASES) expect(recorded[key(args)], key(args)).toEqual(fresh[key(args)]);
  });
});
