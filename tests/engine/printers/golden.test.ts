/**
 * Golden files for every printer: each case runs one kubectl line against the fixture
 * cluster and compares stdout, stderr and the exit code with `golden/<name>.txt`.
 * Regenerate on purpose with `UPDATE_GOLDEN=1 npx vitest run tests/engine/printers`.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixtureCluster, kubectl } from "./fixtures";

const GOLDEN = join(__dirname, "golden");
const UPDATE = process.env.UPDATE_GOLDEN === "1";

const CASES: Record<string, string[]> = {
  "get-pods": ["get pods -n shop", "get pods -n shop -o wide", "get po -A", "get pods -n shop --show-labels", "get pods -n shop -L app --no-headers", "get pods -n shop --sort-by=.metadata.creationTimestamp"],
  "get-pod-errors": ["get pod nope web-7d4b9c6f8d-x2x9q -n shop", "get pods -n empty", "get pods --field-selector=foo=bar", "get pod x -A", "get", "get pdos", "get pods -o foo"],
  "get-selectors": ["get pods -n shop -l app=web", "get pods -n shop --field-selector=status.phase=Running,spec.nodeName=worker-1", "get pods -A --field-selector=spec.nodeName=", "get events -n shop --field-selector=involvedObject.name=api-5f6d8b7c9-qwrtz,type=Warning", "get deploy -n shop --field-selector=foo=bar"],
  "get-workloads": ["get all -n shop", "get deploy,rs -n shop -o wide", "get sts,ds,job,cronjob -A -o wide", "get deployment.apps/web -n shop"],
  "get-network": ["get svc -A -o wide", "get ep -n shop", "get svc/web ep/web -n shop"],
  "get-cluster": ["get nodes", "get nodes -o wide", "get ns", "get pv,pvc,sc -A", "get pvc -n shop -o wide"],
  "get-config": ["get cm,secret,sa -n shop", "get cm app-config -n shop -o yaml", "get secret db -n shop -o json"],
  "get-events": ["get events -n shop", "get events -n shop -o wide", "get ev -A --sort-by=.lastTimestamp"],
  "get-output": [
    "get deploy web -n shop -o yaml",
    "get svc -n shop -o name",
    "get pods -n shop -o jsonpath={.items[*].metadata.name}",
    "get pods -n shop -o 'jsonpath={range .items[*]}{.metadata.name}{\"\\t\"}{.status.phase}{\"\\n\"}{end}'",
    "get nodes -o 'jsonpath={.items[*].status.conditions[?(@.type==\"Ready\")].status}'",
    "get pods -n shop -o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName,IP:.status.podIP",
    "get pods -n empty -o yaml",
    "get pod web-7d4b9c6f8d-x2x9q -n shop -o jsonpath-as-json={.spec.containers[*].image}",
    "get pod web-7d4b9c6f8d-x2x9q -n shop -o jsonpath={.spec.containers[5].image}",
  ],
  "events": ["events -n shop", "events -A", "events -n shop --for pod/api-5f6d8b7c9-qwrtz", "events -n shop --types=Warning", "events -n shop --types=Bad", "events -n empty"],
  "cluster": ["version", "version --client", "version -o json", "cluster-info", "api-resources", "api-resources --namespaced=false -o name", "api-versions", "top pods -n shop"],
  "config": ["config view", "config current-context", "config get-contexts", "config use-context nope"],
};

function run(lines: string[]): string {
  const cluster = fixtureCluster();
  let out = "";
  for (const line of lines) {
    const r = kubectl(cluster, line);
    out += `$ kubectl ${line}\n${r.stdout}${r.stdout && !r.stdout.endsWith("\n") ? "\n(no newline at end)\n" : ""}`;
    if (r.stderr) out += `[stderr]\n${r.stderr}`;
    out += `[exit ${r.exitCode}]\n\n`;
  }
  return out;
}

describe("printer goldens", () => {
  for (const [name, lines] of Object.entries(CASES)) {
    it(name, () => {
      const file = join(GOLDEN, `${name}.txt`);
      const actual = run(lines);
      if (UPDATE || !existsSync(file)) writeFileSync(file, actual);
      expect(actual).toBe(readFileSync(file, "utf8"));
    });
  }
});
