/**
 * `kubectl create quota|poddisruptionbudget|priorityclass|ingress` without a dry run: the
 * object goes through the API server (validation, AlreadyExists), the controllers fill its
 * status, and `get` lists it; a quota then refuses pods beyond its hard limit.
 */
import { describe, expect, it } from "vitest";
import type { PodDisruptionBudget, PriorityClass, ResourceQuota } from "../../../engine/model/standard-kind-types";
import type { KObject } from "../../../engine/model/types";
import { kubectl, world } from "../workloads/harness";

const NAMESPACE = "apiVersion: v1\nkind: Namespace\nmetadata: { name: shop }\n";

describe("create quota", () => {
  it("stores the quota, which the quota controller counts and admission enforces", () => {
    const { cluster } = world(NAMESPACE);
    expect(kubectl(cluster, "create quota q --hard=pods=1")).toEqual({ stdout: "resourcequota/q created\n", stderr: "", exitCode: 0 });
    expect(kubectl(cluster, "get quota").stdout).toBe("NAME   AGE   REQUEST     LIMIT\nq      0s    pods: 0/1   \n");
    expect(kubectl(cluster, "run a --image=nginx").stdout).toBe("pod/a created\n");
    expect(kubectl(cluster, "run b --image=nginx")).toEqual({
      stdout: "",
      stderr: 'Error from server (Forbidden): pods "b" is forbidden: exceeded quota: q, requested: pods=1, used: pods=1, limited: pods=1\n',
      exitCode: 1,
    });
    expect(cluster.store.get<ResourceQuota>("ResourceQuota", "shop", "q")!.status?.used).toEqual({ pods: "1" });
    expect(kubectl(cluster, "describe quota q").stdout).toBe("Name:       q\nNamespace:  shop\nResource    Used  Hard\n--------    ----  ----\npods        1     1\n");
  });

  it("wraps the server's refusal as kubectl does, and honours the dry-run modes and -o", () => {
    const { cluster } = world(NAMESPACE);
    kubectl(cluster, "create quota q --hard=pods=1");
    expect(kubectl(cluster, "create resourcequota q --hard=pods=2")).toEqual({ stdout: "", stderr: 'error: failed to create quota: resourcequotas "q" already exists\n', exitCode: 1 });
    expect(kubectl(cluster, "create quota q2 --hard=cpu=1 --dry-run=server").stdout).toBe("resourcequota/q2 created (server dry run)\n");
    expect(kubectl(cluster, "create quota q2 --hard=cpu=1 --dry-run=client").stdout).toBe("resourcequota/q2 created (dry run)\n");
    expect(cluster.store.get("ResourceQuota", "shop", "q2")).toBeUndefined();
    expect(kubectl(cluster, "create quota q3 --hard=memory=1.5Gi -o name").stdout).toBe("resourcequota/q3\n");
    expect(cluster.store.get<ResourceQuota>("ResourceQuota", "shop", "q3")!.spec?.hard).toEqual({ memory: "1536Mi" });
    expect(kubectl(cluster, "create quota q4 -n default").stdout).toBe("resourcequota/q4 created\n");
    expect(cluster.store.get("ResourceQuota", "default", "q4")).toBeDefined();
  });
});

describe("create poddisruptionbudget", () => {
  it("stores the budget, whose status the disruption controller fills (50% of 3 unavailable rounds up to 2)", () => {
    const { cluster } = world(NAMESPACE);
    kubectl(cluster, "create deployment web --image=nginx --replicas=3");
    cluster.advanceBy(120_000);
    expect(kubectl(cluster, "create pdb web --selector=app=web --min-available=2").stdout).toBe("poddisruptionbudget.policy/web created\n");
    expect(kubectl(cluster, "create poddisruptionbudget web-max --selector=app=web --max-unavailable=50%").stdout).toBe("poddisruptionbudget.policy/web-max created\n");
    cluster.advanceBy(10_000);
    expect(kubectl(cluster, "get pdb").stdout).toBe(
      "NAME      MIN AVAILABLE   MAX UNAVAILABLE   ALLOWED DISRUPTIONS   AGE\n" + "web       2               N/A               1                     10s\n" + "web-max   N/A             50%               2                     10s\n",
    );
    const pdb = cluster.store.get<PodDisruptionBudget>("PodDisruptionBudget", "shop", "web")!;
    expect(pdb.spec).toEqual({ minAvailable: 2, selector: { matchLabels: { app: "web" } } });
    expect(pdb.status?.currentHealthy).toBe(3);
    expect(kubectl(cluster, "create pdb web --selector=app=web --min-available=1").stderr).toBe('error: failed to create poddisruptionbudgets: poddisruptionbudgets.policy "web" already exists\n');
  });
});

describe("create priorityclass", () => {
  it("stores a cluster-scoped class, and the API server refuses a user value above 1000000000 or an unknown policy", () => {
    const { cluster } = world(NAMESPACE);
    expect(kubectl(cluster, "create priorityclass high --value=1000 --description=important -n shop").stdout).toBe("priorityclass.scheduling.k8s.io/high created\n");
    const pc = cluster.store.get<PriorityClass>("PriorityClass", undefined, "high")!;
    expect({ value: pc.value, description: pc.description, preemptionPolicy: pc.preemptionPolicy, namespace: pc.metadata.namespace }).toEqual({ value: 1000, description: "important", preemptionPolicy: "PreemptLowerPriority", namespace: undefined });
    expect(kubectl(cluster, "get pc high").stdout).toBe("NAME   VALUE   GLOBAL-DEFAULT   AGE   PREEMPTIONPOLICY\nhigh   1000    false            0s    PreemptLowerPriority\n");
    expect(kubectl(cluster, "create pc high --value=5").stderr).toBe('error: failed to create priorityclass: priorityclasses.scheduling.k8s.io "high" already exists\n');
    expect(kubectl(cluster, "create pc huge --value=2000000000").stderr).toBe(
      'error: failed to create priorityclass: PriorityClass.scheduling.k8s.io "huge" is invalid: value: Forbidden: maximum allowed value of a user defined priority is 1000000000\n',
    );
    expect(kubectl(cluster, "create pc odd --preemption-policy=Sometimes").stderr).toBe(
      'error: failed to create priorityclass: PriorityClass.scheduling.k8s.io "odd" is invalid: preemptionPolicy: Unsupported value: "Sometimes": supported values: "PreemptLowerPriority", "Never"\n',
    );
    expect(kubectl(cluster, "create pc never --value=10 --preemption-policy=Never --global-default -o name").stdout).toBe("priorityclass.scheduling.k8s.io/never\n");
    expect(cluster.store.get<PriorityClass>("PriorityClass", undefined, "never")!.globalDefault).toBe(true);
  });
});

describe("create ingress", () => {
  it("stores the ingress with its rules, TLS and class, and get lists it", () => {
    const { cluster } = world(NAMESPACE);
    expect(kubectl(cluster, "create ingress web --class=nginx --rule=foo.com/*=web:80,tls=cert --rule=foo.com/api=api:http --annotation=a=b").stdout).toBe("ingress.networking.k8s.io/web created\n");
    const ing = cluster.store.get<KObject & { spec: Record<string, unknown> }>("Ingress", "shop", "web")!;
    expect(ing.metadata.annotations).toEqual({ a: "b" });
    expect(ing.spec.tls).toEqual([{ hosts: ["foo.com"], secretName: "cert" }]);
    expect(kubectl(cluster, "get ingress").stdout).toBe("NAME   CLASS   HOSTS     ADDRESS   PORTS     AGE\nweb    nginx   foo.com             80, 443   0s\n");
    expect(kubectl(cluster, "create ing web --default-backend=web:80").stderr).toBe('error: failed to create ingress: ingresses.networking.k8s.io "web" already exists\n');
    expect(kubectl(cluster, "create ing other --default-backend=web:80 --dry-run=server").stdout).toBe("ingress.networking.k8s.io/other created (server dry run)\n");
    expect(cluster.store.get("Ingress", "shop", "other")).toBeUndefined();
  });
});
