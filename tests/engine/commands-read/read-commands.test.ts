import { describe, expect, it } from "vitest";
import type { KObject } from "../../../engine/model/types";
import { setMetricsSource } from "../../../engine/kubectl/commands/read";
import { ago, fixtureCluster, fixtureObjects, kubectl } from "../printers/fixtures";

describe("kubectl config", () => {
  it("set-context --current --namespace changes the session's namespace", () => {
    const cluster = fixtureCluster();
    const kubeconfig = { namespace: "default" };
    expect(kubectl(cluster, "config set-context --current --namespace=shop", "default", kubeconfig).stdout).toBe('Context "crashcourse" modified.\n');
    expect(kubeconfig.namespace).toBe("shop");
    expect(kubectl(cluster, "get deploy", "default", kubeconfig).stdout).toContain("web ");
    expect(kubectl(cluster, "config view --minify -o jsonpath", "default", kubeconfig).exitCode).toBe(1);
    expect(kubectl(cluster, "config view", "default", kubeconfig).stdout).toContain("    namespace: shop\n");
    expect(kubectl(cluster, "config get-contexts --no-headers", "default", kubeconfig).stdout).toBe("*     crashcourse   crashcourse   crashcourse-admin   shop\n");
  });
  it("set-context needs a name or --current", () => {
    expect(kubectl(fixtureCluster(), "config set-context").stderr).toBe("error: you must specify a non-empty context name or --current\n");
  });
});

describe("kubectl get", () => {
  it("-w prints what the watch shows first; --watch-only prints nothing yet", () => {
    const cluster = fixtureCluster();
    expect(kubectl(cluster, "get deploy -n shop -w").stdout).toBe(kubectl(cluster, "get deploy -n shop").stdout);
    expect(kubectl(cluster, "get deploy -n shop --watch-only")).toMatchObject({ stdout: "", stderr: "", exitCode: 0 });
  });
  it("prints one object alone and several in a List", () => {
    const cluster = fixtureCluster();
    expect(kubectl(cluster, "get svc web -n shop -o yaml").stdout.startsWith("apiVersion: v1\nkind: Service\n")).toBe(true);
    expect(kubectl(cluster, "get svc web shop-lb -n shop -o yaml").stdout.startsWith("apiVersion: v1\nitems:\n")).toBe(true);
  });
  it("--sort-by on a missing field is kubectl's error", () => {
    expect(kubectl(fixtureCluster(), "get pods -n shop --sort-by=.nope").stderr).toBe('error: couldn\'t find any field with path "{.nope}" in the list of objects\n');
  });
  it("--ignore-not-found suppresses NotFound and the empty message", () => {
    expect(kubectl(fixtureCluster(), "get pod nope -n shop --ignore-not-found")).toMatchObject({ stdout: "", stderr: "", exitCode: 0 });
  });
  it("rejects a name with a selector", () => {
    expect(kubectl(fixtureCluster(), "get pod a -l app=web").stderr).toBe("error: name cannot be provided when a selector is specified\n");
  });
});

describe("kubectl top", () => {
  it("prints usage from the metrics source, with kubectl's trailing cell padding", () => {
    setMetricsSource({ podUsage: (_c, pod) => (pod.status?.phase === "Running" ? [{ name: "app", cpuMillis: 12, memoryBytes: 48 * 1024 * 1024 }] : undefined) });
    try {
      const cluster = fixtureCluster();
      const out = kubectl(cluster, "top pod web-7d4b9c6f8d-x2x9q -n shop").stdout;
      expect(out).toBe("NAME                   CPU(cores)   MEMORY(bytes)   \nweb-7d4b9c6f8d-x2x9q   12m          48Mi            \n");
      expect(kubectl(cluster, "top pod cart-6c7d8e9f0-abcde -n shop").stderr).toBe("error: Metrics not available for pod shop/cart-6c7d8e9f0-abcde, age: 3m20s\n");
      expect(kubectl(cluster, "top node worker-1").stdout).toBe("NAME       CPU(cores)   CPU%   MEMORY(bytes)   MEMORY%   \nworker-1   72m          1%     288Mi           3%        \n");
    } finally {
      setMetricsSource(undefined);
    }
  });
});

describe("performance", () => {
  it("get pods on a 50-pod cluster takes well under 0.3 ms (median)", () => {
    const objs: KObject[] = fixtureObjects().filter((o) => o.kind !== "Pod");
    for (let i = 0; i < 50; i++) {
      objs.push({
        apiVersion: "v1",
        kind: "Pod",
        metadata: { name: `web-7d4b9c6f8d-${String(i).padStart(5, "x")}`, namespace: "shop", creationTimestamp: ago(600 + i) },
        spec: { containers: [{ name: "app", image: "nginx" }], nodeName: "worker-1" },
        status: { phase: "Running", podIPs: [{ ip: `10.244.1.${i}` }], containerStatuses: [{ name: "app", state: { running: {} }, lastState: { terminated: { exitCode: 1, finishedAt: ago(30) } }, ready: true, restartCount: i % 3, image: "nginx", imageID: "" }] },
      } as KObject);
    }
    const cluster = fixtureCluster(objs);
    const times: number[] = [];
    for (let i = 0; i < 300; i++) {
      const t = performance.now();
      kubectl(cluster, "get pods -n shop");
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    expect(times[150]).toBeLessThan(0.3);
  });
});
