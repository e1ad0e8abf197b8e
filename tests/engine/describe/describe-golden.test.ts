/**
 * Golden files for every describer, rendered from the oracle fixture at a fixed virtual time.
 * The same objects are checked byte for byte against the real kubectl in tests/engine/oracle;
 * these goldens pin the output where no kubectl is installed. Regenerate with UPDATE_GOLDEN=1.
 */
import { join } from "node:path";
import { describe, it } from "vitest";
import { buildOracleFixture } from "../oracle/fixtures";
import { runEngineDescribe, staticCluster } from "../oracle/harness";
import { expectGolden } from "./golden-file";

const NOW = Date.parse("2026-03-02T09:14:05Z");
const CASES: [string, string][] = [
  ["pod-crashloop", "pod web-7d9f8b6c5-x2x9q -n shop"],
  ["pod-running", "pod web-5c6d7f8g9-abcde -n shop"],
  ["pod-imagepull-init-sidecar", "pod api-0 -n shop"],
  ["pod-unschedulable", "pod batch-7xk2p -n shop"],
  ["pod-completed", "pod done"],
  ["pod-terminating", "pod coredns-668d6bf9bc-4pfgq -n kube-system"],
  ["pods-prefix", "pod web -n shop"],
  ["pods-selector", "pods -n shop -l app=web"],
  ["deployment", "deployment web -n shop"],
  ["deployment-no-events", "deploy/web -n shop --show-events=false"],
  ["replicasets", "rs -n shop"],
  ["node-worker", "node kind-worker"],
  ["node-notready-cordoned", "node kind-worker2"],
  ["node-control-plane", "node kind-control-plane"],
  ["services", "svc -n shop"],
  ["endpoints", "ep web -n shop"],
  ["configmap", "cm web-config -n shop"],
  ["secret", "secret db-credentials -n shop"],
  ["serviceaccounts", "sa -n shop"],
  ["namespace", "ns shop"],
  ["pvcs", "pvc -n shop"],
  ["pv", "pv pvc-1234"],
  ["storageclass", "sc standard"],
  ["errors", "pod api-0 nope -n shop"],
];

describe("describe golden files", () => {
  const cluster = staticCluster(buildOracleFixture(NOW), NOW);
  for (const [name, line] of CASES) {
    it(`kubectl describe ${line}`, () => {
      const r = runEngineDescribe(cluster, NOW, line.split(" "));
      expectGolden(join(__dirname, "golden", `${name}.txt`), `$ kubectl describe ${line}\n${r.stdout}--- stderr\n${r.stderr}--- exit ${r.exitCode}\n`);
    });
  }
});
