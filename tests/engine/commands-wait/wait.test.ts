import { describe, expect, it } from "vitest";
import { openSession, replaySession, type RecordedAction } from "../../../engine/index";
import type { Session } from "../../../engine/session";
import { MAX_VIRTUAL_WAIT_MS } from "../../../engine/kubectl/commands/wait";
import help from "../../../engine/kubectl/help/kubectl-help.json";

/**
 * `kubectl wait` on real scenario clusters. crash-missing-env (seed 1), namespace checkout:
 * two crash-looping checkout-api pods and a healthy redis Deployment (1 replica).
 */
const SCENARIO = { scenarioId: "crash-missing-env", seed: 1 };

/** A session and a runner that returns the output and keeps the learner's time at 0. */
function start(): { s: Session; run: (line: string, at?: number) => { output: string; exitCode: number }; elapsed: () => number } {
  const s = openSession(SCENARIO);
  return {
    s,
    run: (line, at = 0) => {
      const r = s.run(line, at);
      return { output: r.output, exitCode: r.exitCode };
    },
    elapsed: () => s.cluster.now() - s.startMs,
  };
}

function names(s: Session, what: string): string[] {
  return s.run(`kubectl get ${what} -o name`, 0).output.trim().split("\n").filter(Boolean);
}

describe("kubectl wait: conditions", () => {
  it("waits for new pods to be Ready, moving the clock exactly as far as needed", () => {
    const { s, run, elapsed } = start();
    expect(run("kubectl scale deploy redis --replicas=3").output).toBe("deployment.apps/redis scaled\n");
    const r = run("kubectl wait --for=condition=Ready pod -l app=redis --timeout=60s");
    const pods = names(s, "pods -l app=redis");
    expect(pods).toHaveLength(3);
    expect(r).toEqual({ output: pods.map((p) => `${p} condition met\n`).join(""), exitCode: 0 });
    const readyAt = elapsed();
    expect(readyAt).toBeGreaterThan(0);
    expect(readyAt).toBeLessThan(60_000);

    // The same steps in another session: one millisecond earlier the condition does not hold yet.
    const other = start();
    other.run("kubectl scale deploy redis --replicas=3");
    expect(other.run("kubectl wait --for=condition=Ready pod -l app=redis --timeout=0", readyAt - 1).exitCode).toBe(1);
    expect(other.run("kubectl wait --for=condition=Ready pod -l app=redis --timeout=0", readyAt)).toEqual(r);
  });

  it("names the Deployment with its group, matches condition names case-insensitively, and takes TYPE NAME", () => {
    const { run, elapsed } = start();
    expect(run("kubectl wait --for=condition=available deployment/redis")).toEqual({ output: "deployment.apps/redis condition met\n", exitCode: 0 });
    expect(run("kubectl wait --for=condition=AVAILABLE=TRUE deploy redis -n checkout")).toEqual({ output: "deployment.apps/redis condition met\n", exitCode: 0 });
    expect(run("kubectl wait --for=condition=Ready -n kube-system pods -l k8s-app=kube-dns -o name").output).toMatch(/^pod\/coredns-\S+\npod\/coredns-\S+\n$/);
    expect(elapsed()).toBe(0);
  });

  it("times out on a crash-looping pod with the plural resource, after exactly --timeout", () => {
    const { s, run, elapsed } = start();
    const [pod] = names(s, "pods -l app=checkout-api");
    const name = pod.slice("pod/".length);
    expect(run(`kubectl wait --for=condition=Ready ${pod} --timeout=60s`)).toEqual({
      output: `error: timed out waiting for the condition on pods/${name}\n`,
      exitCode: 1,
    });
    expect(elapsed()).toBe(60_000);
    // The default timeout is 30s, and the deadline is shared: later objects time out at once.
    const both = names(s, "pods -l app=checkout-api").map((p) => `timed out waiting for the condition on pods/${p.slice(4)}\n`);
    expect(run("kubectl wait --for=condition=Ready pod -l app=checkout-api")).toEqual({ output: both.join(""), exitCode: 1 });
    expect(elapsed()).toBe(90_000);
  });

  it("--for=condition=Ready=false is met by a crash-looping pod; --timeout=0 checks once", () => {
    const { s, run, elapsed } = start();
    const pods = names(s, "pods -l app=checkout-api");
    expect(run("kubectl wait --for=condition=Ready=false pod -l app=checkout-api --timeout=0").output).toBe(pods.map((p) => `${p} condition met\n`).join(""));
    expect(run("kubectl wait --for=condition=Ready pod -l app=checkout-api --timeout=0")).toEqual({
      output: pods.map((p) => `condition not met for pods/${p.slice(4)}\n`).join(""),
      exitCode: 1,
    });
    expect(run(`kubectl wait --for=condition=Ready ${pods[0]} --timeout=0`).output).toBe(`error: condition not met for pods/${pods[0].slice(4)}\n`);
    expect(elapsed()).toBe(0);
  });

  it("waits for a Job to complete", () => {
    const { run, elapsed } = start();
    expect(run("kubectl create job hello --image=busybox -- echo hi").output).toBe("job.batch/hello created\n");
    expect(run("kubectl wait --for=condition=complete job/hello --timeout=2m")).toEqual({ output: "job.batch/hello condition met\n", exitCode: 0 });
    expect(elapsed()).toBeGreaterThan(0);
    expect(run("kubectl get job hello -o jsonpath={.status.succeeded}").output).toBe("1");
  });

  it("a negative --timeout waits as long as the simulation lets a wait run", () => {
    const { s, run, elapsed } = start();
    const [pod] = names(s, "pods -l app=checkout-api");
    const r = run(`kubectl wait --for=condition=Ready=unknown ${pod} --timeout=-1s`);
    expect(r).toEqual({ output: `error: timed out waiting for the condition on pods/${pod.slice(4)}\n`, exitCode: 1 });
    expect(elapsed()).toBe(MAX_VIRTUAL_WAIT_MS);
  });
});

describe("kubectl wait: jsonpath", () => {
  it("compares the value the path finds, or waits for any value", () => {
    const { run } = start();
    expect(run("kubectl wait --for=jsonpath='{.status.phase}'=Running pod -l app=redis").output).toMatch(/^pod\/redis-\S+ condition met\n$/);
    expect(run(`kubectl wait --for='jsonpath={.status.conditions[?(@.type=="Ready")].status}=True' pod -l app=redis -o name`).output).toMatch(/^pod\/redis-\S+\n$/);
    expect(run("kubectl wait --for=jsonpath=.spec.replicas=1 deploy/redis").output).toBe("deployment.apps/redis condition met\n");
    expect(run("kubectl wait --for=jsonpath='{.status.readyReplicas}' deploy/redis").output).toBe("deployment.apps/redis condition met\n");
    expect(run("kubectl wait --for=jsonpath='{.spec.replicas}'=5 deploy/redis --timeout=0").output).toBe("error: condition not met for deployments/redis\n");
  });

  it("reports kubectl's errors for values it cannot compare", () => {
    const { run, elapsed } = start();
    expect(run("kubectl wait --for=jsonpath='{.metadata.labels}'=x deploy/redis").output).toBe("error: jsonpath leads to a nested object or list which is not supported\n");
    expect(run("kubectl wait --for=jsonpath='{.spec.template.spec.containers[*].ports[*].containerPort}'=53 deploy/coredns -n kube-system").output).toBe(
      "error: given jsonpath expression matches more than one value\n",
    );
    expect(elapsed()).toBe(0);
    // Errors do not stop the visit; several are printed one per line, without `error: `.
    expect(run("kubectl wait --for=jsonpath='{.spec.template.spec.containers[*].name}'=x deploy/redis deploy/coredns -n kube-system")).toEqual({
      output: 'Error from server (NotFound): deployments.apps "redis" not found\ntimed out waiting for the condition on deployments/coredns\n',
      exitCode: 1,
    });
    expect(elapsed()).toBe(30_000);
  });
});

describe("kubectl wait: delete and create", () => {
  it("waits for a deleted pod to be gone; a missing object is already deleted", () => {
    const { s, run, elapsed } = start();
    const [pod] = names(s, "pods -l app=redis");
    expect(run(`kubectl delete ${pod} --wait=false`).output).toBe(`pod "${pod.slice(4)}" deleted\n`);
    expect(run(`kubectl wait --for=delete ${pod} --timeout=0`).output).toBe(`error: condition not met for pods/${pod.slice(4)}\n`);
    expect(run(`kubectl wait --for=delete ${pod} --timeout=60s`)).toEqual({ output: `${pod} condition met\n`, exitCode: 0 });
    const goneAt = elapsed();
    expect(goneAt).toBeGreaterThan(0);
    expect(goneAt).toBeLessThanOrEqual(30_000);
    expect(run(`kubectl get ${pod}`).output).toBe(`Error from server (NotFound): pods "${pod.slice(4)}" not found\n`);
    expect(run(`kubectl wait --for=delete ${pod}`)).toEqual({ output: "", exitCode: 0 });
    expect(run("kubectl wait --for=Delete pod -l app=nothing")).toEqual({ output: "", exitCode: 0 });
    expect(elapsed()).toBe(goneAt);
  });

  it("--for=create polls every half second for the named objects", () => {
    const { s, run, elapsed } = start();
    expect(run("kubectl wait --for=create job/late --timeout=3s")).toEqual({ output: "error: timed out waiting for the condition\n", exitCode: 1 });
    expect(elapsed()).toBe(3_000);
    expect(run(`kubectl create cronjob tick --image=busybox --schedule="*/1 * * * *" -- echo hi`).output).toBe("cronjob.batch/tick created\n");
    const waitedFrom = elapsed();
    const nextMinute = Math.ceil((s.cluster.now() + 1) / 60_000) * 60_000;
    const job = `job.batch/tick-${nextMinute / 60_000}`;
    expect(run(`kubectl wait --for=create ${job.replace(".batch", "")} --timeout=2m`)).toEqual({ output: `${job} condition met\n`, exitCode: 0 });
    const created = nextMinute - s.startMs;
    expect(elapsed()).toBe(waitedFrom + Math.ceil((created - waitedFrom) / 500) * 500);
    expect(run("kubectl wait --for=CREATE deploy/redis").output).toBe("deployment.apps/redis condition met\n");
  });
});

describe("kubectl wait: errors as kubectl v1.32 prints them", () => {
  const cases: [string, string][] = [
    ["kubectl wait pod/x", 'error: unrecognized condition: ""\n'],
    ["kubectl wait --for=foo pod/x", 'error: unrecognized condition: "foo"\n'],
    ["kubectl wait --for=condition pod/x", 'error: unrecognized condition: "condition"\n'],
    ["kubectl wait --for=jsonpath= pod/x", "error: jsonpath expression cannot be empty\n"],
    ["kubectl wait --for=jsonpath=={.a} pod/x", "error: jsonpath expression cannot be empty\n"],
    ["kubectl wait --for=jsonpath={.a}= pod/x", "error: jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3\n"],
    ["kubectl wait --for=jsonpath={.a}=b=c pod/x", "error: jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'\n"],
    ["kubectl wait --for=jsonpath={.status.phase pod/x", "error: unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'\n"],
    ["kubectl wait --for=condition=Ready", "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n"],
    ["kubectl wait --for=delete --local pod/x", "error: you must specify resources by --filename when --local is set.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n"],
    ["kubectl wait --for=condition=Ready -o wide pod/x", 'error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n'],
    ["kubectl wait --for=condition=Ready -o jsonpath pod/x", "error: template format specified but no template given\n"],
    ["kubectl wait --for=condition=Ready --timeout=abc pod/x", "error: invalid argument \"abc\" for \"--timeout\" flag: time: invalid duration \"abc\"\nSee 'kubectl wait --help' for usage.\n"],
    ["kubectl wait --for=condition=Ready pod x -l a=b", "error: name cannot be provided when a selector is specified\n"],
    ["kubectl wait --for=condition=Ready pod/x --all", "error: selectors and the all flag cannot be used when passing resource/name arguments\n"],
    ["kubectl wait --for=condition=Ready pods", "error: resource(s) were provided, but no name was specified\n"],
    ["kubectl wait --for=condition=Ready pod/nope", 'Error from server (NotFound): pods "nope" not found\n'],
    ["kubectl wait --for=condition=Ready pod nope nope2", 'Error from server (NotFound): pods "nope" not found\nError from server (NotFound): pods "nope2" not found\n'],
    ["kubectl wait --for=condition=Ready pod -l app=nothing", "error: no matching resources found\n"],
    ["kubectl wait --for=condition=Ready pods --all -n empty", "error: no matching resources found\n"],
    ["kubectl wait --for=condition=Ready pod/x -A", "error: a resource cannot be retrieved by name across all namespaces\n"],
    ["echo | kubectl wait --for=condition=Ready -f -", "error: no matching resources found\n"],
    ["kubectl wait --for=condition=Ready podz/x", 'error: the server doesn\'t have a resource type "podz"\n'],
  ];
  it.each(cases)("%s", (line, expected) => {
    const { run, elapsed } = start();
    expect(run(line)).toEqual({ output: expected, exitCode: 1 });
    expect(elapsed()).toBe(0);
  });

  it("prints the real --help", () => {
    const { run } = start();
    const text = (help as Record<string, string>)["wait"];
    expect(text.startsWith("Experimental: Wait for a specific condition on one or many resources.\n")).toBe(true);
    expect(run("kubectl wait --help")).toEqual({ output: text, exitCode: 0 });
    expect(run("kubectl help wait").output).toBe(text);
  });

  it("is listed and completed like the other resource commands", () => {
    const { s } = start();
    expect(s.complete("kubectl wa")).toContain("wait");
    expect(s.complete("kubectl wait deploy/re")).toContain("deploy/redis");
  });
});

describe("kubectl wait: output and sources", () => {
  it("-o yaml prints each object, separated as kubectl's YAML printer does; -f - reads the objects", () => {
    const { run } = start();
    const yaml = run("kubectl wait --for=condition=Ready nodes --all -o yaml").output;
    const docs = yaml.split("---\n");
    expect(docs.length).toBe(3);
    for (const d of docs) expect(d.startsWith("apiVersion: v1\nkind: Node\n")).toBe(true);
    expect(run("kubectl wait --for=condition=Available -o jsonpath='{.metadata.name}{\"\\n\"}' deploy/redis").output).toBe("redis\n");
    expect(run("kubectl get deploy redis -o yaml | kubectl wait --for=condition=Available -f -").output).toBe("deployment.apps/redis condition met\n");
    expect(run("kubectl wait --for=condition=Ready pod --field-selector=status.phase=Running -l app=redis -o name").output).toMatch(/^pod\/redis-\S+\n$/);
  });

  it("waits inside a command chain, the next command seeing the later cluster", () => {
    const { run, elapsed } = start();
    const r = run("kubectl scale deploy redis --replicas=2 && kubectl wait --for=condition=Available=true deploy/redis && kubectl get deploy redis -o jsonpath={.status.readyReplicas}");
    expect(r.exitCode).toBe(0);
    expect(r.output.endsWith("deployment.apps/redis condition met\n2")).toBe(true);
    expect(elapsed()).toBeGreaterThan(0);
  });
});

describe("kubectl wait: time and replay", () => {
  const actions: RecordedAction[] = [
    { type: "command", input: "kubectl scale deploy redis --replicas=3", virtualMs: 1_000 },
    { type: "command", input: "kubectl wait --for=condition=Ready pod -l app=redis", virtualMs: 2_000 },
    { type: "command", input: "kubectl wait --for=condition=Ready pod -l app=checkout-api --timeout=45s", virtualMs: 3_000 },
    { type: "command", input: "kubectl get pods", virtualMs: 4_000 },
    { type: "command", input: "kubectl delete pod -l app=redis --wait=false", virtualMs: 5_000 },
    { type: "command", input: "kubectl wait --for=delete pod -l app=redis --timeout=20s", virtualMs: 6_000 },
    { type: "check", virtualMs: 7_000 },
    { type: "command", input: "kubectl get pods -A", virtualMs: 200_000 },
  ];

  it("replaying the same actions gives the same bytes and the same clock", () => {
    const a = replaySession(SCENARIO, actions);
    const b = replaySession(SCENARIO, actions);
    expect(b.log).toEqual(a.log);
    expect(b.cluster.now()).toBe(a.cluster.now());
    expect(a.log.map((l) => l.atMs)).toEqual([1_000, 2_000, a.log[2].atMs, a.log[2].atMs + 45_000, a.log[4].atMs, a.log[4].atMs, a.log[6].atMs, 200_000]);
    const one = openSession(SCENARIO);
    const two = openSession(SCENARIO);
    for (const x of actions) if (x.type === "command") expect(two.run(x.input, x.virtualMs)).toEqual(one.run(x.input, x.virtualMs));
  });

  it("commands typed at an earlier learner time run at the time the wait ended", () => {
    const s = replaySession(SCENARIO, actions.slice(0, 4));
    const waited = s.log[2];
    expect(waited.exitCode).toBe(1);
    // The 45s wait started at 3s (after the first wait); `get pods` at 4s is clamped to its end.
    const after = s.log[3];
    expect(after.atMs).toBe(s.cluster.now() - s.startMs);
    expect(after.atMs).toBeGreaterThanOrEqual(3_000 + 45_000);
    // And the clock never goes back.
    const before = s.cluster.now();
    s.run("kubectl get pods", 0);
    expect(s.cluster.now()).toBe(before);
    expect(s.log[4].atMs).toBe(after.atMs);
  });
});

describe("kubectl wait: visiting order", () => {
  it("fetches each named object when its turn comes and reports errors in visiting order", () => {
    const { s, run, elapsed } = start();
    const [crashing] = names(s, "pods -l app=checkout-api");
    run(`kubectl create cronjob tick --image=busybox --schedule="*/1 * * * *" -- echo hi`);
    const job = `tick-${Math.ceil((s.cluster.now() + 1) / 60_000)}`;
    // The Job does not exist when the wait starts: it is created during the first object's wait,
    // and found when its turn comes (after the shared deadline, so it times out at once).
    expect(run(`kubectl wait --for=condition=Ready ${crashing} job/${job} pod/nope --timeout=90s`)).toEqual({
      output: `timed out waiting for the condition on pods/${crashing.slice(4)}\ntimed out waiting for the condition on jobs/${job}\nError from server (NotFound): pods "nope" not found\n`,
      exitCode: 1,
    });
    expect(elapsed()).toBe(90_000);
    expect(run(`kubectl wait --for=condition=complete job/${job} --timeout=0`).output).toBe(`job.batch/${job} condition met\n`);
  });
});
