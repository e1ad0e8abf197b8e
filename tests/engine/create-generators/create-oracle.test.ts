/**
 * `kubectl create quota|poddisruptionbudget|priorityclass|ingress … --dry-run=client` builds the
 * same objects and prints the same errors as the real kubectl v1.32.
 */
import { afterAll, describe, expect, it } from "vitest";
import { runKubectl } from "../../../engine/kubectl/kubectl";
import type { FakeApiServer } from "../oracle/fake-api-server";
import { hasKubectl, KUBECTL, runRealKubectl, serve } from "../oracle/harness";
import { world } from "../workloads/harness";

/** Each case is an argv after `kubectl create`; `--dry-run=client -o yaml` is added. */
const CASES: string[][] = [
  ["quota", "q", "--hard=pods=2,cpu=1,memory=1G", "--scopes=BestEffort,NotTerminating"],
  ["quota", "q"],
  ["resourcequota", "q", "--hard=cpu=500m,memory=1.5Gi,requests.storage=1e3,limits.cpu=1000m", "-n", "shop"],
  ["quota", "q", "--hard=a=0.5,b=1E3,c=+5,d=007,e=1.0,f=1024Ki,g=1Ki,h=.5,i=1.G,j=0,k=00,l=-1,m=1e-3,n=0.000000001,o=1.5k,p=12345678901234567890"],
  ["quota", "q", "--hard=pods"],
  ["quota", "q", "--hard=pods=abc"],
  ["quota", "q", "--hard=pods=1,"],
  ["quota", "q", "--hard=a=1=2"],
  ["quota", "q", "--hard=a=1iK"],
  ["quota", "q", "--scopes=a,,b"],
  ["quota"],
  ["pdb", "p", "--selector=app=web", "--min-available=1"],
  ["poddisruptionbudget", "p", "--selector=app=web", "--max-unavailable=50%", "-n", "shop"],
  ["pdb", "p", "--selector=z notin (b,a),a in (y,x),m,!n,k==v", "--min-available=01"],
  ["pdb", "p", "--selector=a=b", "--min-available=99999999999"],
  ["pdb", "p", "--min-available=1"],
  ["pdb", "p", "--selector=app=web"],
  ["pdb", "p", "--selector=app=web", "--min-available=1", "--max-unavailable=1"],
  ["pdb", "p", "--selector=app=web", "--min-available=1x"],
  ["pdb", "p", "--selector=app=web", "--max-unavailable=-1"],
  ["pdb", "p", "--selector=app=a,!b,c!=d", "--min-available=1"],
  ["pdb", "p", "--selector=a>1", "--min-available=1"],
  ["pdb", "a", "b", "--selector=a=b", "--min-available=1"],
  ["priorityclass", "pc", "--value=5"],
  ["pc", "pc", "--value=-5", "--global-default", "--description=hi there", "--preemption-policy=Never", "-n", "shop"],
  ["pc", "pc", "--preemption-policy=Foo", "--global-default=false"],
  ["pc", "pc", "--value=abc"],
  ["pc", "pc", "--value=3000000000"],
  ["pc", "pc", "--global-default=maybe"],
  ["pc", "a", "b"],
  ["pc"],
  ["ingress", "simple", "--rule=foo.com/bar=svc1:8080,tls=my-cert"],
  ["ing", "x", "--rule=/path=svc:port", "--class=other", "-n", "shop"],
  ["ingress", "x", "--rule=foo.com/=svc:https,tls", "--rule=foo.com/path/subpath*=othersvc:8080", "--rule=bar.com/*=s:1,tls=secret1", "--rule=baz.com/a=s:1,tls=secret1", "--default-backend=d:http", "--annotation=z=b", "--annotation=c="],
  ["ingress", "x", "--annotation=a=b", "--annotation=c=d=e", "--default-backend=d:80"],
  ["ingress", "x", "--rule=*.foo.com/=s:80,tls", "--rule=/=s:80,tls", "--rule=a.com/x=s:0"],
  ["ingress", "x", "--rule=foo.com/a=s:01", "--rule=foo.com/b=s:-1", "--rule=a.com/c=s:1,tls="],
  ["ingress", "x"],
  ["ingress", "x", "--rule=foo"],
  ["ingress", "x", "--rule=foo.com/bar=svc1:8080,tls=a,b"],
  ["ingress", "x", "--rule=a/b=s:1!!", "--rule=c/d=s:2,tlsfoo", "--rule=e/f=s:99999999999"],
  ["ingress", "x", "--rule=foo.com/bar=svc1:8080", "--default-backend=abc"],
  ["ingress", "x", "--rule=foo.com/bar=svc1:8080", "--annotation=abc"],
];

/**
 * Cases printed without `-o yaml`: the `created (dry run)` lines and `-o name`. (`-o json` of a
 * client dry run is left out: kubectl prints the typed object in Go struct field order, while
 * the engine's JSON printer sorts keys.)
 */
const PLAIN_CASES: string[][] = [
  ["quota", "q", "--dry-run=client"],
  ["pdb", "p", "--selector=a=b", "--min-available=1", "--dry-run=client"],
  ["pc", "p", "--dry-run=client", "-o", "name"],
  ["ing", "x", "--default-backend=a:1", "--dry-run=client", "-o", "name"],
];

describe.skipIf(!hasKubectl)("create quota/pdb/priorityclass/ingress generators match the real kubectl v1.32", () => {
  const servers: FakeApiServer[] = [];
  afterAll(async () => {
    for (const s of servers) await s.close();
  });
  it("prints the same objects and errors", async () => {
    const { cluster } = world("apiVersion: v1\nkind: Namespace\nmetadata: { name: shop }\n");
    const server = await serve([]);
    servers.push(server);
    for (const argv of [...CASES.map((c) => ["create", ...c, "--dry-run=client", "-o", "yaml"]), ...PLAIN_CASES.map((c) => ["create", ...c])]) {
      const real = await runRealKubectl(server.port, argv);
      // The gcloud "dispatcher" build of kubectl v1.32 lets cobra print flag errors as `Error:`; the
      // upstream binary (and the engine, see tests/engine/shell/golden/kubectl-errors.json) prints `error:`.
      real.stderr = real.stderr.replace(/^Error: /, "error: ");
      const engine = runKubectl(cluster, argv, undefined, { namespace: "default" });
      expect.soft({ argv: argv.join(" "), stdout: engine.stdout, stderr: engine.stderr, exitCode: engine.exitCode }).toEqual({ argv: argv.join(" "), stdout: real.stdout, stderr: real.stderr, exitCode: real.exitCode });
    }
  }, 120_000);
});

if (!hasKubectl) console.log(`create-oracle: skipped, no kubectl at ${KUBECTL}`);
