/**
 * ControllerRevisions: the StatefulSet and DaemonSet controllers keep one per pod template
 * (created, renumbered on a rollback, pruned past `revisionHistoryLimit`, collected with their
 * owner), and `kubectl get|describe controllerrevisions`, `rollout history` and `rollout undo`
 * read them as kubectl v1.32 does.
 */
import { describe, expect, it } from "vitest";
import type { ControllerRevision, DaemonSet, Pod, StatefulSet } from "../../../engine/model/types";
import type { Cluster } from "../../../engine/runtime/cluster";
import { kubectl, world } from "../workloads/harness";

const WEB = `
apiVersion: v1
kind: Namespace
metadata: { name: shop }
---
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: web, namespace: shop }
spec:
  serviceName: web
  replicas: 2
  REVISION_LIMIT
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: nginx, image: "nginx:1.27", ports: [{ containerPort: 80 }] }]
---
apiVersion: apps/v1
kind: DaemonSet
metadata: { name: agent, namespace: shop }
spec:
  selector: { matchLabels: { app: agent } }
  template:
    metadata: { labels: { app: agent } }
    spec:
      containers: [{ name: agent, image: "busybox:1.36", command: ["sleep", "3600"] }]
`;

function setup(revisionHistoryLimit?: number): Cluster {
  return world(WEB.replace("REVISION_LIMIT", revisionHistoryLimit === undefined ? "" : `revisionHistoryLimit: ${revisionHistoryLimit}`)).cluster;
}

/** Runs a command and returns what it printed (stdout, then stderr). */
function k(cluster: Cluster, line: string): string {
  const r = kubectl(cluster, line);
  return r.stdout + r.stderr;
}

function revisions(cluster: Cluster): string[] {
  return cluster.store.list<ControllerRevision>("ControllerRevision", "shop").map((r) => `${r.metadata.name} ${r.revision}`);
}

function sts(cluster: Cluster): StatefulSet {
  return cluster.store.get<StatefulSet>("StatefulSet", "shop", "web")!;
}

function podRevisions(cluster: Cluster, prefix: string): string[] {
  return cluster.store
    .list<Pod>("Pod", "shop")
    .filter((p) => p.metadata.name.startsWith(prefix) && !p.metadata.deletionTimestamp)
    .map((p) => `${p.metadata.name} ${p.status.phase} ${p.metadata.labels?.["controller-revision-hash"]}`);
}

describe("ControllerRevisions kept by the StatefulSet and DaemonSet controllers", () => {
  it("creates revision 1 of each template, owned, labelled, holding the template patch", () => {
    const cluster = setup();
    expect(revisions(cluster)).toEqual(["agent-7b9b486d8c 1", "web-64bf787f5f 1"]);
    const cr = cluster.store.get<ControllerRevision>("ControllerRevision", "shop", "web-64bf787f5f")!;
    expect(cr.metadata.labels).toEqual({ app: "web", "controller-revision-hash": "64bf787f5f" });
    expect(cr.metadata.ownerReferences).toEqual([{ apiVersion: "apps/v1", kind: "StatefulSet", name: "web", uid: sts(cluster).metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(cr.data?.spec?.template).toMatchObject({ $patch: "replace", metadata: { creationTimestamp: null, labels: { app: "web" } }, spec: { containers: [{ name: "nginx", image: "nginx:1.27" }] } });
    expect(sts(cluster).status).toMatchObject({ currentRevision: "web-64bf787f5f", updateRevision: "web-64bf787f5f" });
    const ds = cluster.store.get<ControllerRevision>("ControllerRevision", "shop", "agent-7b9b486d8c")!;
    expect(ds.metadata.labels).toEqual({ app: "agent", "controller-revision-hash": "7b9b486d8c" });
    expect(ds.metadata.ownerReferences?.[0]).toMatchObject({ kind: "DaemonSet", name: "agent", controller: true });
    expect(podRevisions(cluster, "agent-").every((p) => p.endsWith(" 7b9b486d8c"))).toBe(true);
    expect(podRevisions(cluster, "web-")).toEqual(["web-0 Running web-64bf787f5f", "web-1 Running web-64bf787f5f"]);
  });

  it("prints them as kubectl get, get -o yaml and api-resources do", () => {
    const cluster = setup();
    expect(k(cluster, "get controllerrevisions")).toBe(
      `NAME               CONTROLLER             REVISION   AGE
agent-7b9b486d8c   daemonset.apps/agent   1          6m
web-64bf787f5f     statefulset.apps/web   1          6m
`,
    );
    expect(k(cluster, "get controllerrevision.apps web-64bf787f5f -o yaml")).toBe(
      `apiVersion: apps/v1
data:
  spec:
    template:
      $patch: replace
      metadata:
        creationTimestamp: null
        labels:
          app: web
      spec:
        containers:
        - image: nginx:1.27
          imagePullPolicy: IfNotPresent
          name: nginx
          ports:
          - containerPort: 80
            protocol: TCP
          resources: {}
          terminationMessagePath: /dev/termination-log
          terminationMessagePolicy: File
        dnsPolicy: ClusterFirst
        restartPolicy: Always
        schedulerName: default-scheduler
        securityContext: {}
        terminationGracePeriodSeconds: 30
kind: ControllerRevision
metadata:
  annotations:
    kubectl.kubernetes.io/last-applied-configuration: |
      {"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"annotations":{},"name":"web","namespace":"shop"},"spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},"serviceName":"web","template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"image":"nginx:1.27","name":"nginx","ports":[{"containerPort":80}]}]}}}}
  creationTimestamp: "${cluster.store.get("ControllerRevision", "shop", "web-64bf787f5f")!.metadata.creationTimestamp}"
  labels:
    app: web
    controller-revision-hash: 64bf787f5f
  name: web-64bf787f5f
  namespace: shop
  ownerReferences:
  - apiVersion: apps/v1
    blockOwnerDeletion: true
    controller: true
    kind: StatefulSet
    name: web
    uid: ${sts(cluster).metadata.uid}
  resourceVersion: "${cluster.store.get("ControllerRevision", "shop", "web-64bf787f5f")!.metadata.resourceVersion}"
  uid: ${cluster.store.get("ControllerRevision", "shop", "web-64bf787f5f")!.metadata.uid}
revision: 1
`,
    );
    expect(k(cluster, "get controllerrevisions -o name")).toBe("controllerrevision.apps/agent-7b9b486d8c\ncontrollerrevision.apps/web-64bf787f5f\n");
    expect(k(cluster, "get controllerrevision nope")).toBe('Error from server (NotFound): controllerrevisions.apps "nope" not found\n');
    expect(k(cluster, "api-resources --api-group=apps")).toBe(
      `NAME                  SHORTNAMES   APIVERSION   NAMESPACED   KIND
controllerrevisions                apps/v1      true         ControllerRevision
daemonsets            ds           apps/v1      true         DaemonSet
deployments           deploy       apps/v1      true         Deployment
replicasets           rs           apps/v1      true         ReplicaSet
statefulsets          sts          apps/v1      true         StatefulSet
`,
    );
  });

  it("adds revision 2 on a template change, rolls the pods to it, and rolls back by renumbering revision 1", () => {
    const cluster = setup();
    expect(k(cluster, "set env sts/web FOO=bar")).toBe("statefulset.apps/web env updated\n");
    expect(k(cluster, "set env ds/agent FOO=bar")).toBe("daemonset.apps/agent env updated\n");
    expect(revisions(cluster)).toEqual(["agent-7b9b486d8c 1", "agent-c48cc45 2", "web-64bf787f5f 1", "web-69c574ff89 2"]);
    cluster.advanceBy(60_000);
    expect(sts(cluster).status).toMatchObject({ currentRevision: "web-69c574ff89", updateRevision: "web-69c574ff89", updatedReplicas: 2 });
    expect(podRevisions(cluster, "web-")).toEqual(["web-0 Running web-69c574ff89", "web-1 Running web-69c574ff89"]);
    expect(podRevisions(cluster, "agent-").every((p) => p.endsWith(" c48cc45"))).toBe(true);
    expect(k(cluster, "rollout status sts/web")).toBe("partitioned roll out complete: 2 new pods have been updated...\n");

    expect(k(cluster, "rollout undo sts/web")).toBe("statefulset.apps/web rolled back\n");
    expect(k(cluster, "rollout undo ds/agent")).toBe("daemonset.apps/agent rolled back\n");
    expect(revisions(cluster)).toEqual(["agent-7b9b486d8c 3", "agent-c48cc45 2", "web-64bf787f5f 3", "web-69c574ff89 2"]);
    expect(sts(cluster).spec.template.spec.containers[0].env).toBeUndefined();
    expect(cluster.store.get<DaemonSet>("DaemonSet", "shop", "agent")!.spec.template.spec.containers[0].env).toBeUndefined();
    cluster.advanceBy(60_000);
    expect(podRevisions(cluster, "web-")).toEqual(["web-0 Running web-64bf787f5f", "web-1 Running web-64bf787f5f"]);
    expect(podRevisions(cluster, "agent-").every((p) => p.endsWith(" 7b9b486d8c"))).toBe(true);
    expect(k(cluster, "rollout status ds/agent")).toBe('daemon set "agent" successfully rolled out\n');
    expect(k(cluster, "rollout history sts/web")).toBe("statefulset.apps/web \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n");
  });

  it("rolls a StatefulSet's pods from the highest ordinal, and a broken pod holds the rollback until it is deleted", () => {
    const cluster = setup();
    k(cluster, "set image sts/web nginx=nginx:9.9-missing");
    cluster.advanceBy(60_000);
    expect(podRevisions(cluster, "web-")).toEqual(["web-0 Running web-64bf787f5f", "web-1 Pending web-679c755964"]);
    expect(k(cluster, "rollout status sts/web --watch=false")).toBe("Waiting for 1 pods to be ready...\n");
    expect(k(cluster, "rollout undo sts/web")).toBe("statefulset.apps/web rolled back\n");
    cluster.advanceBy(60_000);
    // As on a real cluster (the "forced rollback" caveat): OrderedReady waits on the broken pod.
    expect(podRevisions(cluster, "web-")).toEqual(["web-0 Running web-64bf787f5f", "web-1 Pending web-679c755964"]);
    expect(k(cluster, "delete pod web-1")).toBe('pod "web-1" deleted\n');
    cluster.advanceBy(60_000);
    expect(podRevisions(cluster, "web-")).toEqual(["web-0 Running web-64bf787f5f", "web-1 Running web-64bf787f5f"]);
    expect(k(cluster, "rollout status sts/web")).toBe("partitioned roll out complete: 2 new pods have been updated...\n");
  });

  it("recreates an OnDelete StatefulSet's deleted pod from the update revision's template", () => {
    const cluster = setup();
    expect(kubectl(cluster, "patch sts web -p {\"spec\":{\"updateStrategy\":{\"type\":\"OnDelete\",\"rollingUpdate\":null}}}").exitCode).toBe(0);
    k(cluster, "set env sts/web FOO=bar");
    cluster.advanceBy(60_000);
    expect(podRevisions(cluster, "web-")).toEqual(["web-0 Running web-64bf787f5f", "web-1 Running web-64bf787f5f"]);
    k(cluster, "delete pod web-1");
    cluster.advanceBy(60_000);
    expect(podRevisions(cluster, "web-")).toEqual(["web-0 Running web-64bf787f5f", "web-1 Running web-69c574ff89"]);
    expect(cluster.store.get<Pod>("Pod", "shop", "web-1")!.spec.containers[0].env).toEqual([{ name: "FOO", value: "bar" }]);
    expect(sts(cluster).status).toMatchObject({ currentRevision: "web-64bf787f5f", updateRevision: "web-69c574ff89", currentReplicas: 1, updatedReplicas: 1 });
  });

  it("keeps at most revisionHistoryLimit revisions that no pod runs, pruning the oldest", () => {
    const cluster = setup(1);
    for (const v of ["a", "b", "c"]) {
      k(cluster, `set env sts/web V=${v}`);
      cluster.advanceBy(60_000);
    }
    // Revision 4 is current; of the three older ones only the newest is kept.
    expect(revisions(cluster).filter((r) => r.startsWith("web-"))).toEqual(["web-566967c4bc 4", "web-68cf9498fd 3"]);
    expect(k(cluster, "rollout history sts/web")).toBe("statefulset.apps/web \nREVISION  CHANGE-CAUSE\n3         <none>\n4         <none>\n\n");
    expect(k(cluster, "rollout undo sts/web --to-revision=1")).toBe("error: unable to find specified revision 1 in history\n");
  });

  it("is deleted with its owner by the garbage collector, and kept and adopted again with --cascade=orphan", () => {
    const cluster = setup();
    expect(k(cluster, "delete ds agent")).toBe('daemonset.apps "agent" deleted\n');
    cluster.advanceBy(1_000);
    expect(revisions(cluster)).toEqual(["web-64bf787f5f 1"]);
    expect(k(cluster, "delete sts web --cascade=orphan")).toBe('statefulset.apps "web" deleted\n');
    cluster.advanceBy(1_000);
    const orphan = cluster.store.get<ControllerRevision>("ControllerRevision", "shop", "web-64bf787f5f")!;
    expect(orphan.metadata.ownerReferences).toBeUndefined();
    const manifest = WEB.replace("REVISION_LIMIT", "").split("---")[1];
    expect(kubectl(cluster, "apply -f -", manifest).stdout).toBe("statefulset.apps/web created\n");
    cluster.advanceBy(1_000);
    expect(orphan.metadata.ownerReferences?.[0]).toMatchObject({ kind: "StatefulSet", name: "web", uid: sts(cluster).metadata.uid, controller: true });
    expect(revisions(cluster)).toEqual(["web-64bf787f5f 1"]);
    expect(sts(cluster).status).toMatchObject({ currentRevision: "web-64bf787f5f", updateRevision: "web-64bf787f5f" });
  });
});

describe("kubectl rollout history|undo for StatefulSets and DaemonSets", () => {
  it("prints the history table, a revision's pod template, and kubectl's errors", () => {
    const cluster = setup();
    expect(k(cluster, "rollout history sts/web")).toBe("statefulset.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n\n");
    expect(k(cluster, "rollout undo sts/web")).toBe("error: no last revision to roll back to\n");
    expect(k(cluster, "rollout undo ds/agent --to-revision=2")).toBe("error: unable to find specified revision 2 in history\n");
    k(cluster, "annotate ds/agent kubernetes.io/change-cause=bump");
    k(cluster, "set image ds/agent agent=busybox:1.37");
    expect(k(cluster, "rollout history daemonset agent")).toBe("daemonset.apps/agent \nREVISION  CHANGE-CAUSE\n1         <none>\n2         bump\n\n");
    expect(k(cluster, "rollout history ds/agent --revision=1")).toBe(
      `daemonset.apps/agent with revision #1
Pod Template:
  Labels:	app=agent
  Containers:
   agent:
    Image:	busybox:1.36
    Port:	<none>
    Host Port:	<none>
    Command:
      sleep
      3600
    Environment:	<none>
    Mounts:	<none>
  Volumes:	<none>
  Node-Selectors:	<none>
  Tolerations:	<none>

`,
    );
    expect(k(cluster, "rollout history ds/agent --revision=5")).toBe("error: unable to find the specified revision\n");
    expect(k(cluster, "rollout undo ds/agent --to-revision=2")).toBe("daemonset.apps/agent skipped rollback (current template already matches revision 2)\n");
    expect(k(cluster, "rollout undo ds/agent --to-revision=-1")).toBe("error: unable to find specified revision -1 in history\n");
  });

  it("rolls back under --dry-run without changing anything", () => {
    const cluster = setup();
    k(cluster, "set image sts/web nginx=nginx:1.28");
    const before = JSON.stringify(sts(cluster).spec);
    expect(k(cluster, "rollout undo sts/web --dry-run=client")).toBe(
      `statefulset.apps/web will roll back to Pod Template:
  Labels:	app=web
  Containers:
   nginx:
    Image:	nginx:1.27
    Port:	80/TCP
    Host Port:	0/TCP
    Environment:	<none>
    Mounts:	<none>
  Volumes:	<none>
  Node-Selectors:	<none>
  Tolerations:	<none>
 (dry run)
`,
    );
    expect(k(cluster, "rollout undo sts/web --dry-run=server")).toBe("statefulset.apps/web rolled back (server dry run)\n");
    expect(JSON.stringify(sts(cluster).spec)).toBe(before);
    expect(revisions(cluster).filter((r) => r.startsWith("web-"))).toEqual(["web-64bf787f5f 1", "web-9c98d9b6 2"]);
  });

  it("still refuses kinds without a rollbacker", () => {
    const cluster = setup();
    expect(k(cluster, "rollout history pod/web-0")).toBe('error: no history viewer has been implemented for Pod\n');
  });
});
