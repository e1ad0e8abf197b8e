/**
 * The RBAC kinds in the simulated cluster: `get` tables (golden, reviewed against printers.go),
 * the write path (apply, label, delete, the API server's validation and its immutable roleRef),
 * the bootstrap ClusterRoles, and `kubectl auth can-i` / `auth whoami` answering from the
 * simulated RBAC authorizer with kubectl's output and exit codes.
 */
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { runKubectl } from "../../../engine/kubectl/kubectl";
import type { Cluster } from "../../../engine/runtime/cluster";
import { expectGolden } from "../describe/golden-file";
import { world } from "../workloads/harness";
import { RBAC_WORLD } from "./fixtures";

const GOLDEN = join(__dirname, "golden");

/** Runs `kubectl ARGV…` (context namespace shop). */
function k(cluster: Cluster, argv: string[], stdin?: string) {
  const r = runKubectl(cluster, argv, stdin, { namespace: "shop" });
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
}

function line(cluster: Cluster, text: string) {
  return k(cluster, text.split(/\s+/).filter(Boolean));
}

function transcript(cluster: Cluster, lines: string[]): string {
  return lines
    .map((l) => {
      const r = line(cluster, l);
      return `$ kubectl ${l}\n${r.stdout}${r.stderr}`;
    })
    .join("\n");
}

describe("get and describe of the RBAC kinds", () => {
  it("prints kubectl v1.32's tables and descriptions (golden)", () => {
    const { cluster } = world(RBAC_WORLD);
    cluster.advanceBy(90_000);
    const text = transcript(cluster, [
      "get roles",
      "get role pod-reader -o wide",
      "get rolebindings",
      "get rolebindings -o wide",
      "get rolebindings -A -o wide",
      "get clusterroles",
      "get clusterrolebindings",
      "get clusterrolebindings -o wide",
      "get role,rolebinding",
      "get roles -n default",
      "describe role pod-reader",
      "describe rolebinding",
      "describe clusterrole node-watcher",
      "describe clusterrolebinding ops-nodes",
      "get clusterrole view -o yaml",
      "get rolebinding ci-edit -o json",
    ]);
    expectGolden(join(GOLDEN, "get-describe.txt"), text);
  });

  it("lists the RBAC kinds in api-resources, without short names", () => {
    const { cluster } = world(RBAC_WORLD);
    const r = line(cluster, "api-resources --api-group=rbac.authorization.k8s.io");
    expect(r.stdout).toBe(
      [
        "NAME                  SHORTNAMES   APIVERSION                     NAMESPACED   KIND",
        "clusterrolebindings                rbac.authorization.k8s.io/v1   false        ClusterRoleBinding",
        "clusterroles                       rbac.authorization.k8s.io/v1   false        ClusterRole",
        "rolebindings                       rbac.authorization.k8s.io/v1   true         RoleBinding",
        "roles                              rbac.authorization.k8s.io/v1   true         Role",
        "",
      ].join("\n"),
    );
  });
});

describe("the bootstrap RBAC objects", () => {
  it("every cluster has cluster-admin, admin, edit, view and the cluster-admin bindings", () => {
    const { cluster } = world(RBAC_WORLD);
    const names = cluster.store.list("ClusterRole").map((r) => r.metadata.name);
    expect(names).toEqual(expect.arrayContaining(["admin", "cluster-admin", "edit", "view"]));
    const crb = cluster.store.get("ClusterRoleBinding", undefined, "cluster-admin")!;
    expect(crb.subjects).toEqual([{ apiGroup: "rbac.authorization.k8s.io", kind: "Group", name: "system:masters" }]);
    expect(cluster.store.get("ClusterRoleBinding", undefined, "kubeadm:cluster-admins")!.roleRef).toEqual({ apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "cluster-admin" });
  });

  it("edit holds view's rules and admin holds edit's, as the aggregation controller computes them", () => {
    const { cluster } = world(RBAC_WORLD);
    const rules = (name: string) => cluster.store.get("ClusterRole", undefined, name)!.rules as unknown[];
    expect(rules("edit").slice(-rules("view").length)).toEqual(rules("view"));
    expect(rules("admin").slice(0, rules("edit").length)).toEqual(rules("edit"));
  });

  it("a learner can still change a bootstrap role (its shared rules are copied, not mutated)", () => {
    const a = world(RBAC_WORLD).cluster;
    const r = k(a, ["patch", "clusterrole", "view", "--type=json", "-p", '[{"op":"add","path":"/rules/0/verbs/-","value":"delete"}]']);
    expect(r.stderr).toBe("");
    expect(line(a, "auth can-i delete pods --as=system:serviceaccount:shop:ci").stdout).toBe("yes\n");
    expect(line(a, "label clusterrole view team=core").stdout).toBe("clusterrole.rbac.authorization.k8s.io/view labeled\n");
    expect(line(a, "annotate clusterrolebinding cluster-admin note=kept").stdout).toBe("clusterrolebinding.rbac.authorization.k8s.io/cluster-admin annotated\n");
    const applied = k(a, ["apply", "-f", "-"], "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: { name: system:discovery }\nroleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: system:discovery }\nsubjects: [{ apiGroup: rbac.authorization.k8s.io, kind: Group, name: devs }]\n");
    expect({ stdout: applied.stdout, exitCode: applied.exitCode }).toEqual({ stdout: "clusterrolebinding.rbac.authorization.k8s.io/system:discovery configured\n", exitCode: 0 });
    expect(line(a, "auth can-i get /version --as=nobody --as-group=devs").stdout).toBe("yes\n");
    const b = world(RBAC_WORLD).cluster;
    expect(b.store.get("ClusterRole", undefined, "view")!.metadata.labels).toEqual({ "kubernetes.io/bootstrapping": "rbac-defaults", "rbac.authorization.k8s.io/aggregate-to-edit": "true" });
    expect((b.store.get("ClusterRole", undefined, "view")!.rules as { verbs: string[] }[])[0].verbs).toEqual(["get", "list", "watch"]);
  });
});

describe("the API server's RBAC validation", () => {
  it("refuses to change a binding's roleRef", () => {
    const { cluster } = world(RBAC_WORLD);
    const r = k(cluster, ["patch", "rolebinding", "read-pods", "-p", '{"roleRef":{"kind":"ClusterRole","name":"view"}}']);
    expect(r.stderr).toBe('The RoleBinding "read-pods" is invalid: roleRef: Invalid value: rbac.RoleRef{APIGroup:"rbac.authorization.k8s.io", Kind:"ClusterRole", Name:"view"}: cannot change roleRef\n');
    expect(r.exitCode).toBe(1);
  });

  it("reports missing verbs, groups and resources, and non-resource URLs in a Role", () => {
    const { cluster } = world(RBAC_WORLD);
    const manifest = `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: bad, namespace: shop }
rules:
  - resources: [pods]
  - nonResourceURLs: [/healthz]
    verbs: [get]
`;
    const r = k(cluster, ["apply", "-f", "-"], manifest);
    expect(r.stderr).toBe(
      'The Role "bad" is invalid: \n' +
        "* rules[0].verbs: Required value: verbs must contain at least one value\n" +
        "* rules[0].apiGroups: Required value: resource rules must supply at least one api group\n" +
        '* rules[1].nonResourceURLs: Invalid value: []string{"/healthz"}: namespaced rules cannot apply to non-resource URLs\n',
    );
  });

  it("requires a roleRef and known subject kinds", () => {
    const { cluster } = world(RBAC_WORLD);
    const manifest = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: { name: bad }
roleRef: { apiGroup: rbac.authorization.k8s.io, kind: Role, name: x }
subjects:
  - { kind: ServiceAccount, name: ci }
  - { kind: Robot, name: r2 }
`;
    const r = k(cluster, ["apply", "-f", "-"], manifest);
    expect(r.stderr).toBe(
      'The ClusterRoleBinding "bad" is invalid: \n' +
        '* roleRef.kind: Unsupported value: "Role": supported values: "ClusterRole"\n' +
        "* subjects[0].namespace: Required value\n" +
        '* subjects[1].kind: Unsupported value: "Robot": supported values: "ServiceAccount", "User", "Group"\n',
    );
  });

  it("accepts RBAC names with colons, refuses slashes", () => {
    const { cluster } = world(RBAC_WORLD);
    expect(line(cluster, "create clusterrole system:custom --verb=get --resource=pods").stdout).toBe("clusterrole.rbac.authorization.k8s.io/system:custom created\n");
    expect(line(cluster, "create role a/b --verb=get --resource=pods").stderr).toBe('The Role "a/b" is invalid: metadata.name: Invalid value: "a/b": may not contain \'/\'\n');
  });

  it("creates, labels and deletes through the generic write path", () => {
    const { cluster } = world(RBAC_WORLD);
    expect(line(cluster, "create rolebinding web-view --clusterrole=view --group=web-devs").stdout).toBe("rolebinding.rbac.authorization.k8s.io/web-view created\n");
    expect(line(cluster, "label role pod-reader tier=read").stdout).toBe("role.rbac.authorization.k8s.io/pod-reader labeled\n");
    expect(line(cluster, "annotate clusterrolebinding ops-nodes note=x").stdout).toBe("clusterrolebinding.rbac.authorization.k8s.io/ops-nodes annotated\n");
    expect(line(cluster, "delete rolebinding web-view").stdout).toBe('rolebinding.rbac.authorization.k8s.io "web-view" deleted\n');
    expect(line(cluster, "get rolebinding web-view").stderr).toBe('Error from server (NotFound): rolebindings.rbac.authorization.k8s.io "web-view" not found\n');
  });
});

describe("kubectl auth can-i", () => {
  const cases: [string, string, string, number][] = [
    // The learner is kind's kubernetes-admin: cluster-admin through kubeadm:cluster-admins.
    ["auth can-i get pods", "yes\n", "", 0],
    ["auth can-i * *", "yes\n", "", 0],
    ["auth can-i delete nodes -A", "yes\n", "", 0],
    // A user bound by a RoleBinding in shop only.
    ["auth can-i get pods --as=jane", "yes\n", "", 0],
    ["auth can-i get pods/log --as=jane", "yes\n", "", 0],
    ["auth can-i get pods --subresource=log --as=jane", "yes\n", "", 0],
    ["auth can-i get pods --subresource=exec --as=jane", "no\n", "", 1],
    ["auth can-i delete pods --as=jane", "no\n", "", 1],
    ["auth can-i get pods --as=jane -n default", "no\n", "", 1],
    ["auth can-i get pods --as=jane -A", "no\n", "", 1],
    ["auth can-i patch deployments/web --as=jane", "yes\n", "", 0],
    ["auth can-i patch deployments.apps/api --as=jane", "no\n", "", 1],
    ["auth can-i patch deployments --as=jane", "no\n", "", 1],
    // A group subject.
    ["auth can-i list pods --as=bob --as-group=web-devs", "yes\n", "", 0],
    ["auth can-i list pods --as=bob", "no\n", "", 1],
    // A ServiceAccount bound to the edit ClusterRole by a RoleBinding, and to a ClusterRole cluster-wide.
    ["auth can-i create deployments --as=system:serviceaccount:shop:ci", "yes\n", "", 0],
    ["auth can-i create deployments --as=system:serviceaccount:shop:ci -n default", "no\n", "", 1],
    ["auth can-i create roles --as=system:serviceaccount:shop:ci", "no\n", "", 1],
    ["auth can-i get secrets --as=system:serviceaccount:shop:ci", "yes\n", "", 0],
    ["auth can-i list nodes --as=system:serviceaccount:shop:ci", "yes\n", "Warning: resource 'nodes' is not namespace scoped\n", 0],
    ["auth can-i list nodes --as=system:serviceaccount:shop:ci -A", "yes\n", "", 0],
    ["auth can-i get /metrics/cadvisor --as=system:serviceaccount:shop:ci", "yes\n", "", 0],
    ["auth can-i post /healthz --as=system:serviceaccount:shop:ci", "no\n", "", 1],
    // Every authenticated user may read the discovery and health endpoints.
    ["auth can-i get /version --as=nobody", "yes\n", "", 0],
    // system:masters is allowed whatever the bindings say.
    ["auth can-i delete namespaces --as=x --as-group=system:masters", "yes\n", "Warning: resource 'namespaces' is not namespace scoped\n", 0],
    // -q prints nothing; the exit code tells.
    ["auth can-i get pods -q --as=jane", "", "", 0],
    ["auth can-i delete pods -q --as=jane", "", "", 1],
    // kubectl's warnings and errors.
    ["auth can-i get foos", "yes\n", "Warning: the server doesn't have a resource type 'foos'\n", 0],
    ["auth can-i get foos.bar --as=jane", "no\n", "Warning: the server doesn't have a resource type 'foos' in group 'bar'\n", 1],
    ["auth can-i frob pods", "yes\n", "Warning: verb 'frob' is not a known verb\n", 0],
    ["auth can-i impersonate users --as=jane", "no\n", "", 1],
    ["auth can-i get", "", "error: you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples.\n", 1],
    ["auth can-i get /healthz --subresource=x", "", "error: --subresource can not be used with NonResourceURL\n", 1],
    ["auth can-i get pods --no-headers", "", "error: --no-headers cannot be set without --list specified\n", 1],
    ["auth can-i --list get pods", "", "error: list option must be specified with no arguments\n", 1],
    ["auth can-i --list -A", "", "error: list option can't be specified with neither quiet, all-namespaces nor subresource options\n", 1],
    ["auth can-i get pods --as-group=x", "", "error: requesting uid, groups or user-extra for  without impersonating a user\n", 1],
  ];
  for (const [cmd, stdout, stderr, exitCode] of cases) {
    it(cmd, () => {
      const { cluster } = world(RBAC_WORLD);
      expect(line(cluster, cmd)).toEqual({ stdout, stderr, exitCode });
    });
  }

  it("explains a binding to a role that does not exist", () => {
    const { cluster } = world(RBAC_WORLD);
    line(cluster, "create rolebinding ghost --clusterrole=ghost --user=bob");
    line(cluster, "create clusterrolebinding ghost2 --clusterrole=ghost2 --user=bob");
    expect(line(cluster, "auth can-i get pods --as=bob")).toEqual({
      stdout: 'no - RBAC: [clusterrole.rbac.authorization.k8s.io "ghost2" not found, clusterrole.rbac.authorization.k8s.io "ghost" not found]\n',
      stderr: "",
      exitCode: 1,
    });
  });

  it("follows changes: deleting the binding takes the permission away", () => {
    const { cluster } = world(RBAC_WORLD);
    expect(line(cluster, "auth can-i list pods --as=jane").exitCode).toBe(0);
    line(cluster, "delete rolebinding read-pods");
    expect(line(cluster, "auth can-i list pods --as=jane").exitCode).toBe(1);
  });

  it("--list prints the rules table (golden)", () => {
    const { cluster } = world(RBAC_WORLD);
    const text = transcript(cluster, [
      "auth can-i --list",
      "auth can-i --list --as=jane",
      "auth can-i --list --as=system:serviceaccount:shop:ci --no-headers",
      "auth whoami",
      "auth whoami --as=system:serviceaccount:shop:ci",
      "auth whoami --as=jane --as-group=web-devs -o yaml",
    ]);
    expectGolden(join(GOLDEN, "auth.txt"), text);
  });
});
