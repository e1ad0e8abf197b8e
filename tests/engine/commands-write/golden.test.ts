/**
 * Golden transcripts of write commands against the broken `web` Deployment: each file in
 * golden/ is a session (commands and what kubectl printed), regenerated with UPDATE_GOLDEN=1
 * and reviewed by hand against real kubectl v1.32.
 */
import { describe, expect, it } from "vitest";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brokenWeb, kubectl, makeCluster, webManifest } from "./fixture";
import type { Cluster } from "../../../engine/runtime/cluster";

interface Step {
  line: string;
  stdin?: string;
  /** Virtual ms to advance before the command. */
  after?: number;
}

const SESSIONS: Record<string, { setup: () => Cluster; steps: Step[] }> = {
  "fix-image": {
    setup: brokenWeb,
    steps: [
      { line: "set image deployment/web app=nginx:1.27" },
      { line: "rollout status deployment/web" },
      { line: "rollout status deployment/web", after: 60_000 },
      { line: "rollout history deployment/web" },
      { line: "rollout history deployment/web --revision=2" },
      { line: "apply -f -", stdin: webManifest("nginx:1.27") },
      { line: "apply -f - --dry-run=server", stdin: webManifest("nginx:1.26") },
      { line: "scale deployment web --replicas=3 -o name" },
      { line: "label deployment web tier=frontend team=shop" },
      { line: "annotate deployment web owner=platform" },
      { line: "expose deployment web --port=80 --dry-run=client -o yaml" },
    ],
  },
  "generators": {
    setup: makeCluster,
    steps: [
      { line: "create configmap app-config --from-literal=LOG_LEVEL=debug --from-literal=PORT=8080 --dry-run=client -o yaml" },
      { line: "create secret generic db --from-literal=password=s3cr3t --dry-run=client -o yaml" },
      { line: "create secret docker-registry regcred --docker-server=registry.acme.internal --docker-username=bob --docker-password=p@ss --dry-run=client -o yaml" },
      { line: "create namespace shop --dry-run=client -o yaml" },
      { line: "create serviceaccount api --dry-run=client -o yaml" },
      { line: "run tmp --image=busybox:1.36 --restart=Never --dry-run=client -o yaml -- sleep 3600" },
      { line: "create deployment api --image=registry.acme.internal/shop/api:1.4.2 --port=8080 --dry-run=client -o yaml" },
    ],
  },
};

function transcript(name: string): string {
  const { setup, steps } = SESSIONS[name];
  const c = setup();
  let out = "";
  for (const s of steps) {
    if (s.after) c.advanceBy(s.after);
    const r = kubectl(c, s.line, s.stdin);
    out += `$ kubectl ${s.line}${s.stdin ? " <<EOF" : ""}\n`;
    if (r.stdout) out += r.stdout;
    if (r.stderr) out += r.stderr.replace(/^/gm, "! ").replace(/! $/, "");
    if (r.exitCode !== 0) out += `[exit ${r.exitCode}]\n`;
  }
  return out;
}

describe("golden transcripts", () => {
  for (const name of Object.keys(SESSIONS)) {
    it(name, () => {
      const file = join(__dirname, "golden", `${name}.txt`);
      const actual = transcript(name);
      if (process.env.UPDATE_GOLDEN === "1" || !existsSync(file)) writeFileSync(file, actual);
      expect(actual).toBe(readFileSync(file, "utf8"));
    });
  }
});
