import { describe, expect, it } from "vitest";
import type { ConfigMap, Deployment, Node, Pod, Secret, Service } from "../../../engine/model/types";
import { applyEditedYaml } from "../../../engine/kubectl/commands/write";
import { brokenWeb, deployment, kubectl, makeCluster, pods, replicaSets, webManifest } from "./fixture";

const ctxOf = (c: ReturnType<typeof makeCluster>) => ({ cluster: c, namespace: "default", namespaceExplicit: false });

describe("apply / create / replace -f -", () => {
  it("creates, then reports unchanged, and writes the last-applied annotation", () => {
    const c = makeCluster();
    expect(kubectl(c, "apply -f -", webManifest()).stdout).toBe("deployment.apps/web created\n");
    const d = deployment(c);
    expect(d.metadata.annotations?.["kubectl.kubernetes.io/last-applied-configuration"]).toBe(
      '{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{},"labels":{"app":"web"},"name":"web","namespace":"default"},"spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"env":[{"name":"MODE","value":"prod"}],"image":"nginx:1.27x","name":"app","ports":[{"containerPort":80}]}]}}}}\n',
    );
    expect(kubectl(c, "apply -f -", webManifest()).stdout).toBe("deployment.apps/web unchanged\n");
  });

  it("prints dry runs without writing", () => {
    const c = makeCluster();
    expect(kubectl(c, "apply -f - --dry-run=client", webManifest()).stdout).toBe("deployment.apps/web created (dry run)\n");
    expect(kubectl(c, "apply -f - --dry-run=server", webManifest()).stdout).toBe("deployment.apps/web created (server dry run)\n");
    expect(c.store.get("Deployment", "default", "web")).toBeUndefined();
    expect(kubectl(c, "apply -f - --dry-run=bogus", webManifest()).stderr).toBe('error: Invalid dry-run value (bogus). Must be "none", "server", or "client".\n');
  });

  it("--server-side: sends the object as it is, merges it into the live one, prints serverside-applied", () => {
    const c = makeCluster();
    const cm = (data: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n${data}`;
    expect(kubectl(c, "apply --server-side -f -", cm("  a: one\n"))).toMatchObject({ stdout: "configmap/settings serverside-applied\n", exitCode: 0 });
    const created = c.store.get<ConfigMap>("ConfigMap", "default", "settings")!;
    expect(created.metadata.annotations?.["kubectl.kubernetes.io/last-applied-configuration"]).toBeUndefined();
    expect(kubectl(c, "apply --server-side -f -", cm("  b: two\n")).stdout).toBe("configmap/settings serverside-applied\n");
    expect(c.store.get<ConfigMap>("ConfigMap", "default", "settings")!.data).toEqual({ a: "one", b: "two" });
    expect(kubectl(c, "apply --server-side --dry-run=server -f -", cm("  c: three\n")).stdout).toBe("configmap/settings serverside-applied (server dry run)\n");
    expect(c.store.get<ConfigMap>("ConfigMap", "default", "settings")!.data).toEqual({ a: "one", b: "two" });
    expect(kubectl(c, "apply --server-side --dry-run=client -f -", cm("")).stderr).toBe("error: --dry-run=client doesn't work with --server-side (did you mean --dry-run=server instead?)\n");
    expect(kubectl(c, "apply --force-conflicts -f -", cm("")).stderr).toBe("error: --force-conflicts only works with --server-side\n");
    expect(kubectl(c, "apply --server-side --force -f -", cm("")).stderr).toBe("error: --force cannot be used with --server-side\n");
  });

  it("handles several documents and kind: List", () => {
    const c = makeCluster();
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  k: v\n---\napiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: b\n`;
    expect(kubectl(c, "apply -f -", text).stdout).toBe("configmap/a created\nconfigmap/b created\n");
  });

  it("reports kubectl's errors for bad input", () => {
    const c = makeCluster();
    expect(kubectl(c, "apply -f deploy.yaml").stderr).toBe('error: the path "deploy.yaml" does not exist\n');
    expect(kubectl(c, "apply").stderr).toBe("error: must specify one of -f and -k\n");
    expect(kubectl(c, "apply -f -", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a: b\n").stderr).toBe(
      "error: error parsing STDIN: error converting YAML to JSON: yaml: line 4: mapping values are not allowed in this context\n",
    );
    expect(kubectl(c, "apply -f -", "apiVersion: v1\nkind: Foo\nmetadata:\n  name: x\n").stderr).toBe(
      'error: resource mapping not found for name: "x" namespace: "" from "STDIN": no matches for kind "Foo" in version "v1"\nensure CRDs are installed first\n',
    );
    expect(kubectl(c, "apply -f -", "").stderr).toBe("error: no objects passed to apply\n");
  });

  it("refuses a Deployment whose selector does not match its template", () => {
    const c = makeCluster();
    const bad = webManifest().replace("      labels:\n        app: web\n    spec:", "      labels:\n        app: x\n    spec:");
    const r = kubectl(c, "apply -f -", bad);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('The Deployment "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"x"}: `selector` does not match template `labels`\n');
  });

  it("refuses to change a Deployment's selector", () => {
    const c = brokenWeb();
    const changed = webManifest().replace(/app: web/g, "app: web2");
    expect(kubectl(c, "apply -f -", changed).stderr).toBe(
      'The Deployment "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable\n',
    );
  });

  it("refuses wrong field types as the API server's decoder does", () => {
    const c = makeCluster();
    expect(kubectl(c, "apply -f -", webManifest().replace("replicas: 2", 'replicas: "2"')).stderr).toBe(
      'Error from server (BadRequest): error when creating "STDIN": Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32\n',
    );
    expect(kubectl(c, "apply -f -", webManifest().replace("value: prod", "value: yes")).stderr).toContain(
      "json: cannot unmarshal bool into Go struct field EnvVar.spec.template.spec.containers.env.value of type string",
    );
  });

  it("create -f fails on an existing object, replace needs one", () => {
    const c = makeCluster();
    expect(kubectl(c, "create -f -", webManifest()).stdout).toBe("deployment.apps/web created\n");
    expect(kubectl(c, "create -f -", webManifest()).stderr).toBe('Error from server (AlreadyExists): error when creating "STDIN": deployments.apps "web" already exists\n');
    expect(kubectl(c, "replace -f -", webManifest().replace("name: web", "name: other")).stderr).toBe(
      'Error from server (NotFound): error when replacing "STDIN": deployments.apps "other" not found\n',
    );
    expect(kubectl(c, "create -f -", webManifest().replace("name: web\n", "name: web\n  namespace: nope\n")).stderr).toBe(
      'Error from server (NotFound): error when creating "STDIN": namespaces "nope" not found\n',
    );
  });

  it("warns when apply meets an object without the last-applied annotation", () => {
    const c = makeCluster();
    kubectl(c, "create -f -", webManifest());
    const r = kubectl(c, "apply -f -", webManifest("nginx:1.27"));
    expect(r.stdout).toBe("deployment.apps/web configured\n");
    expect(r.stderr).toContain("Warning: resource deployments.apps/web is missing the kubectl.kubernetes.io/last-applied-configuration annotation");
    expect(r.exitCode).toBe(0);
  });
});

describe("edit", () => {
  it("opens the object with kubectl's header and cancels an unchanged save", () => {
    const c = brokenWeb();
    const r = kubectl(c, "edit deploy/web");
    expect(r.edit?.yaml.startsWith("# Please edit the object below. Lines beginning with a '#' will be ignored,\n")).toBe(true);
    expect(r.edit?.yaml).toContain("\nkind: Deployment\n");
    expect(applyEditedYaml(ctxOf(c), r.edit!, r.edit!.yaml)).toEqual({ stdout: "", stderr: "Edit cancelled, no changes made.\n", exitCode: 0 });
    expect(applyEditedYaml(ctxOf(c), r.edit!, "# nothing\n")).toEqual({ stdout: "", stderr: "Edit cancelled, saved file was empty.\n", exitCode: 0 });
  });

  it("refuses invalid YAML and invalid objects, changing nothing", () => {
    const c = brokenWeb();
    const rv = deployment(c).metadata.resourceVersion;
    const edit = kubectl(c, "edit deployment web").edit!;
    const syntax = applyEditedYaml(ctxOf(c), edit, edit.yaml.replace("replicas: 2", "replicas: 2: 3"));
    expect(syntax.exitCode).toBe(1);
    expect(syntax.stderr).toMatch(/^error: error parsing edited-file: error converting YAML to JSON: yaml: line \d+: mapping values are not allowed in this context\n/);
    const invalid = applyEditedYaml(ctxOf(c), edit, edit.yaml.replace("replicas: 2", "replicas: -1"));
    expect(invalid.exitCode).toBe(1);
    expect(invalid.stderr).toMatch(/^error: deployments\.apps "web" is invalid\nA copy of your changes has been stored to "\/tmp\/kubectl-edit-\d+\.yaml"\nerror: Edit cancelled, no valid changes were saved\.\n$/);
    expect(invalid.edit?.yaml).toContain('# deployments.apps "web" was not valid:\n# * spec.replicas: Invalid value: -1: must be greater than or equal to 0\n#\n');
    expect(deployment(c).metadata.resourceVersion).toBe(rv);
  });

  it("refuses a pod env change like the API server", () => {
    const c = brokenWeb();
    const p = pods(c)[0];
    const edit = kubectl(c, `edit pod ${p.metadata.name}`).edit!;
    const r = applyEditedYaml(ctxOf(c), edit, edit.yaml.replace("value: prod", "value: dev"));
    expect(r.stderr.startsWith('error: pods "' + p.metadata.name + '" is invalid\n')).toBe(true);
    expect(r.edit?.yaml).toContain("# * spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)");
  });

  it("lets a pod's image be edited", () => {
    const c = brokenWeb();
    const p = pods(c)[0];
    const edit = kubectl(c, `edit pod/${p.metadata.name}`).edit!;
    expect(applyEditedYaml(ctxOf(c), edit, edit.yaml.replace("image: nginx:1.27x", "image: nginx:1.27")).stdout).toBe(`pod/${p.metadata.name} edited\n`);
  });
});

describe("patch", () => {
  it("reports kubectl's errors", () => {
    const c = brokenWeb();
    expect(kubectl(c, "patch deployment web").stderr).toBe("error: must specify --patch or --patch-file containing the contents of the patch\n");
    expect(kubectl(c, "patch deployment web --type=foo -p {}").stderr).toBe('error: --type must be one of [json merge strategic], not "foo"\n');
    expect(kubectl(c, `patch deployment nope -p '{"spec":{}}'`).stderr).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
    expect(kubectl(c, `patch deployment web -p '{"spec":{"template":{"spec":{"containers":[{"image":"nginx"}]}}}}'`).stderr).toBe(
      "Error from server: map: map[image:nginx] does not contain declared merge key: name\n",
    );
    expect(kubectl(c, `patch deployment web --type=json -p '[{"op":"remove","path":"/spec/nope"}]'`).stderr).toBe(
      "The request is invalid: the server rejected our request due to an error in our request\n",
    );
    expect(kubectl(c, `patch deployment web -p '{"spec":{"replicas":-3}}'`).stderr).toBe('The Deployment "web" is invalid: spec.replicas: Invalid value: -3: must be greater than or equal to 0\n');
  });

  it("refuses a pod env change", () => {
    const c = brokenWeb();
    const p = pods(c)[0];
    const r = kubectl(c, `patch pod ${p.metadata.name} -p '{"spec":{"containers":[{"name":"app","env":[{"name":"MODE","value":"dev"}]}]}}'`);
    expect(r.stderr).toMatch(/^The Pod "web-[a-z0-9]+-[a-z0-9]+" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers\[\*\].image`/);
  });
});

describe("set", () => {
  it("set image reports an unknown container", () => {
    const c = brokenWeb();
    const r = kubectl(c, "set image deployment/web nope=nginx:1.27");
    expect(r.stderr).toBe('error: unable to find container named "nope"\n');
    expect(r.exitCode).toBe(1);
    expect(kubectl(c, "set image deployment/web").stderr).toBe("error: at least one image update is required\n");
  });

  it("set env adds, removes, lists and imports from a ConfigMap", () => {
    const c = brokenWeb();
    kubectl(c, "create configmap app-config --from-literal=db.host=db --from-literal=LOG_LEVEL=debug");
    expect(kubectl(c, "set env deployment/web FOO=bar MODE-").stdout).toBe("deployment.apps/web env updated\n");
    expect(deployment(c).spec.template.spec.containers[0].env).toEqual([{ name: "FOO", value: "bar" }]);
    expect(kubectl(c, "set env deployment/web --from=configmap/app-config --prefix=APP_").stdout).toBe("deployment.apps/web env updated\n");
    expect(kubectl(c, "set env deployment/web --list").stdout).toBe(
      "# Deployment web, container app\nFOO=bar\n# APP_LOG_LEVEL from config map app-config, key LOG_LEVEL\n# APP_DB_HOST from config map app-config, key db.host\n",
    );
    expect(kubectl(c, "set env deployment/web").stderr).toBe("error: at least one environment variable must be provided\n");
  });

  it("set resources and set serviceaccount", () => {
    const c = brokenWeb();
    expect(kubectl(c, "set resources deployment web --limits=cpu=200m,memory=512Mi --requests=cpu=100m").stdout).toBe("deployment.apps/web resource requirements updated\n");
    expect(deployment(c).spec.template.spec.containers[0].resources).toEqual({ limits: { cpu: "200m", memory: "512Mi" }, requests: { cpu: "100m" } });
    expect(kubectl(c, "set resources deployment web").stderr).toBe("error: you must specify an update to requests or limits (in the form of --requests/--limits)\n");
    expect(kubectl(c, "set serviceaccount deployment web default").stdout).toBe("deployment.apps/web serviceaccount updated\n");
    expect(deployment(c).spec.template.spec.serviceAccountName).toBe("default");
  });
});

describe("scale and rollout", () => {
  it("scale", () => {
    const c = brokenWeb();
    expect(kubectl(c, "scale deployment web --replicas=3").stdout).toBe("deployment.apps/web scaled\n");
    expect(deployment(c).spec.replicas).toBe(3);
    expect(kubectl(c, "scale deployment web").stderr).toMatch(/^E0302 09:01:00\.000000 +\d+ run\.go:72\] "command failed" err="required flag\(s\) \\"replicas\\" not set"\n$/);
    expect(kubectl(c, "scale deployment web --replicas=-1").stderr).toBe("error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n");
    expect(kubectl(c, "scale deployment web --replicas=1 --current-replicas=5").stderr).toBe("error: Expected replicas to be 5, was 3\n");
  });

  it("autoscale creates an autoscaling/v1 HPA kept as autoscaling/v2, with kubectl v1.32's texts", () => {
    const c = brokenWeb();
    expect(kubectl(c, "autoscale deployment web --max=5 --min=2 --cpu-percent=70 --dry-run=client -o yaml").stdout).toBe(
      [
        "apiVersion: autoscaling/v1",
        "kind: HorizontalPodAutoscaler",
        "metadata:",
        "  creationTimestamp: null",
        "  name: web",
        "spec:",
        "  maxReplicas: 5",
        "  minReplicas: 2",
        "  scaleTargetRef:",
        "    apiVersion: apps/v1",
        "    kind: Deployment",
        "    name: web",
        "  targetCPUUtilizationPercentage: 70",
        "status:",
        "  currentReplicas: 0",
        "  desiredReplicas: 0",
        "",
      ].join("\n"),
    );
    expect(c.store.list("HorizontalPodAutoscaler")).toEqual([]);
    expect(kubectl(c, "autoscale deploy/web --max=3")).toMatchObject({ stdout: "horizontalpodautoscaler.autoscaling/web autoscaled\n", exitCode: 0 });
    const hpa = c.store.get("HorizontalPodAutoscaler", "default", "web")!;
    expect(hpa.apiVersion).toBe("autoscaling/v2");
    expect(hpa.spec).toMatchObject({ maxReplicas: 3, minReplicas: 1, scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "web" } });
    // No CPU target: the API server's default policy, 80 % CPU utilisation.
    expect(kubectl(c, "get hpa web -o jsonpath={.spec.metrics[0].resource.target.averageUtilization}").stdout).toBe("80");
    expect(kubectl(c, "autoscale deployment web --max=3").stderr).toBe('Error from server (AlreadyExists): horizontalpodautoscalers.autoscaling "web" already exists\n');
    expect(kubectl(c, "autoscale deployment web --max=4 --cpu-percent=60 --name=web-cpu -o name").stdout).toBe("horizontalpodautoscaler.autoscaling/web-cpu\n");
    expect(kubectl(c, "get hpa web-cpu -o jsonpath={.spec.metrics[0].resource.target.averageUtilization}").stdout).toBe("60");
    expect(kubectl(c, "autoscale deployment web --min=2").stderr).toMatch(/run\.go:72\] "command failed" err="required flag\(s\) \\"max\\" not set"\n$/);
    expect(kubectl(c, "autoscale deployment web --max=0").stderr).toBe("error: --max=MAXPODS is required and must be at least 1, max: 0\n");
    expect(kubectl(c, "autoscale deployment web --max=2 --min=3").stderr).toBe("error: --max=MAXPODS must be larger or equal to --min=MINPODS, max: 2, min: 3\n");
    expect(kubectl(c, "autoscale service web --max=2").stderr).toMatch(/^(error: cannot autoscale a Service: could not find scale subresource for \/v1, Resource=services in discovery information|Error from server \(NotFound\).*)\n$/);
    expect(kubectl(c, "autoscale deployment nope --max=2").stderr).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
  });

  it("create generators wrap the server's refusal as kubectl v1.32 does (or not, for namespaces)", () => {
    const c = brokenWeb();
    const twice = (line: string) => {
      kubectl(c, line);
      return kubectl(c, line).stderr;
    };
    expect(twice("create configmap c --from-literal=a=b")).toBe('error: failed to create configmap: configmaps "c" already exists\n');
    expect(twice("create secret generic g --from-literal=a=b")).toBe('error: failed to create secret: secrets "g" already exists\n');
    expect(twice("create secret docker-registry d --docker-username=u --docker-password=p")).toBe('error: failed to create secret secrets "d" already exists\n');
    expect(twice("create deployment z --image=nginx")).toBe('error: failed to create deployment: deployments.apps "z" already exists\n');
    expect(twice("create serviceaccount s")).toBe('error: failed to create serviceaccount: serviceaccounts "s" already exists\n');
    expect(twice("create job j --image=busybox")).toBe('error: failed to create job: jobs.batch "j" already exists\n');
    expect(twice("create cronjob cj --image=busybox --schedule='*/5 * * * *'")).toBe('error: failed to create cronjob: cronjobs.batch "cj" already exists\n');
    expect(twice("create namespace x")).toBe('Error from server (AlreadyExists): namespaces "x" already exists\n');
    // RBAC: kubectl v1.32 wraps the bindings' refusals, not the roles' (the strings are in its binary).
    expect(twice("create rolebinding rb --clusterrole=view --user=jane")).toBe('error: failed to create rolebinding: rolebindings.rbac.authorization.k8s.io "rb" already exists\n');
    expect(twice("create clusterrolebinding crb --clusterrole=view --user=jane")).toBe('error: failed to create clusterrolebinding: clusterrolebindings.rbac.authorization.k8s.io "crb" already exists\n');
    expect(twice("create role r --verb=get --resource=pods")).toBe('Error from server (AlreadyExists): roles.rbac.authorization.k8s.io "r" already exists\n');
    expect(twice("create clusterrole cr --verb=get --resource=pods")).toBe('Error from server (AlreadyExists): clusterroles.rbac.authorization.k8s.io "cr" already exists\n');
  });

  it("an autoscaling/v1 HPA manifest is accepted and kept as autoscaling/v2", () => {
    const c = brokenWeb();
    const v1 = (max: number) =>
      `apiVersion: autoscaling/v1\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  maxReplicas: ${max}\n  minReplicas: 2\n  targetCPUUtilizationPercentage: 50\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: web\n`;
    expect(kubectl(c, "apply -f -", v1(3)).stdout).toBe("horizontalpodautoscaler.autoscaling/web created\n");
    expect(kubectl(c, "apply -f -", v1(4)).stdout).toBe("horizontalpodautoscaler.autoscaling/web configured\n");
    const hpa = c.store.get("HorizontalPodAutoscaler", "default", "web")!;
    expect(hpa.apiVersion).toBe("autoscaling/v2");
    expect(hpa.spec).toMatchObject({ maxReplicas: 4, minReplicas: 2, metrics: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 50 } } }] });
    expect(hpa.spec).not.toHaveProperty("targetCPUUtilizationPercentage");
  });

  it("rollout status watches on the virtual clock: a line per change, until done, the progress deadline, or --timeout", () => {
    const c = brokenWeb();
    const waiting = 'Waiting for deployment "web" rollout to finish: 0 of 2 updated replicas are available...\n';
    const start = c.now();
    expect(kubectl(c, "rollout status deployment/web --watch=false")).toMatchObject({ stdout: waiting, stderr: "", exitCode: 0 });
    expect(c.now()).toBe(start);
    // Stuck: kubectl watches until the controller gives up at the progress deadline (600 s).
    const stuck = kubectl(c, "rollout status deployment/web");
    expect(stuck).toMatchObject({ stdout: waiting, stderr: 'error: deployment "web" exceeded its progress deadline\n', exitCode: 1, stdoutFirst: true });
    expect(c.now() - start).toBeGreaterThan(0);
    expect(c.now() - start).toBeLessThanOrEqual(600_000);
    const atDeadline = c.now();
    expect(kubectl(c, "rollout status deploy web").stderr).toBe('error: deployment "web" exceeded its progress deadline\n');
    expect(c.now()).toBe(atDeadline);
    // Fixed: the new ReplicaSet comes up pod by pod, and the watch ends when it is done.
    kubectl(c, "set image deployment/web app=nginx:1.26");
    const fixed = kubectl(c, "rollout status deployment/web");
    expect(fixed.exitCode).toBe(0);
    const lines = fixed.stdout.trimEnd().split("\n");
    expect(lines.at(-1)).toBe('deployment "web" successfully rolled out');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^Waiting for deployment "web" rollout to finish: /);
    expect(deployment(c).status?.updatedReplicas).toBe(2);
    expect(deployment(c).status?.availableReplicas).toBe(2);
    // --timeout ends the watch with kubectl's error, the clock exactly that much later.
    kubectl(c, "set image deployment/web app=nginx:0.0-missing");
    const before = c.now();
    expect(kubectl(c, "rollout status deployment/web --timeout=20s")).toMatchObject({ stderr: "error: timed out waiting for the condition\n", exitCode: 1 });
    expect(c.now() - before).toBe(20_000);
    // One object only; a type alone selects every object of it.
    kubectl(c, "create deployment other --image=nginx:1.26");
    expect(kubectl(c, "rollout status deployment").stderr).toBe("error: rollout status is only supported on individual resources and resource collections - 2 resources were found\n");
    expect(kubectl(c, "rollout status deployment -l app=other").stdout).toMatch(/deployment "other" successfully rolled out\n$/);
    expect(kubectl(c, "rollout status deployment/web --revision=-1").stderr).toBe("error: revision must be a positive integer: -1\n");
  });

  it("history with --record, undo, restart, pause and resume", () => {
    const c = brokenWeb();
    expect(kubectl(c, "set image deployment/web app=nginx:1.26 --record").stderr).toBe("Flag --record has been deprecated, --record will be removed in the future\n");
    expect(kubectl(c, "rollout history deployment/web").stdout).toBe(
      "deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         kubectl set image deployment/web app=nginx:1.26 --record=true\n\n",
    );
    c.advanceBy(60_000);
    expect(kubectl(c, "rollout undo deployment/web").stdout).toBe("deployment.apps/web rolled back\n");
    expect(deployment(c).spec.template.spec.containers[0].image).toBe("nginx:1.27x");
    expect(kubectl(c, "rollout undo deployment/web --to-revision=9").stderr).toBe("error: unable to find specified revision 9 in history\n");
    expect(kubectl(c, "rollout restart deployment/web").stdout).toBe("deployment.apps/web restarted\n");
    expect(deployment(c).spec.template.metadata?.annotations?.["kubectl.kubernetes.io/restartedAt"]).toBe("2026-03-02T09:02:00Z");
    expect(kubectl(c, "rollout pause deployment/web").stdout).toBe("deployment.apps/web paused\n");
    expect(kubectl(c, "rollout pause deployment/web").stderr).toBe('error: deployments.apps "web" is already paused\n');
    expect(kubectl(c, "rollout restart deployment/web").stderr).toBe(`error: deployments.apps "web" can't restart paused deployment (run rollout resume first)\n`);
    expect(kubectl(c, "rollout resume deployment/web").stdout).toBe("deployment.apps/web resumed\n");
    expect(kubectl(c, "rollout resume deployment/web").stderr).toBe('error: deployments.apps "web" is not paused\n');
  });
});

describe("delete", () => {
  it("deletes pods gracefully, a Deployment with its dependents, and reports missing ones", () => {
    const c = brokenWeb();
    const [a] = pods(c);
    expect(kubectl(c, `delete pod ${a.metadata.name}`).stdout).toBe(`pod "${a.metadata.name}" deleted\n`);
    expect(kubectl(c, "delete pod nope").stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect(kubectl(c, "delete pod nope --ignore-not-found").exitCode).toBe(0);
    expect(kubectl(c, "delete pods").stderr).toBe("error: resource(s) were provided, but no name was specified\n");
    expect(kubectl(c, "delete").stderr).toContain("error: You must provide one or more resources by argument or filename.\n");
    expect(kubectl(c, "delete deployment web").stdout).toBe('deployment.apps "web" deleted\n');
    c.advanceBy(60_000);
    expect(replicaSets.length).toBeGreaterThan(0);
    expect(c.store.list("ReplicaSet", "default")).toHaveLength(0);
    expect(pods(c, false)).toHaveLength(0);
  });

  it("--force warns and removes at once; -l selects", () => {
    const c = brokenWeb();
    const [a] = pods(c);
    const r = kubectl(c, `delete pod ${a.metadata.name} --force --grace-period=0`);
    expect(r.stderr).toBe(
      "Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n",
    );
    expect(r.stdout).toBe(`pod "${a.metadata.name}" force deleted\n`);
    expect(c.store.get("Pod", "default", a.metadata.name)).toBeUndefined();
    expect(kubectl(c, "delete pods -l app=nothing").stdout).toBe("No resources found\n");
  });
});

describe("label, annotate, taint, cordon, drain", () => {
  it("label needs --overwrite and removes with key-", () => {
    const c = brokenWeb();
    expect(kubectl(c, "label deployment web app=other").stderr).toBe("error: 'app' already has a value (web), and --overwrite is false\n");
    expect(kubectl(c, "label deployment web app=other --overwrite").stdout).toBe("deployment.apps/web labeled\n");
    expect(kubectl(c, "label deployment web tier=front").stdout).toBe("deployment.apps/web labeled\n");
    expect(kubectl(c, "label deployment web tier-").stdout).toBe("deployment.apps/web unlabeled\n");
    expect(kubectl(c, "label deployment web").stderr).toBe("error: at least one label update is required\n");
    expect(kubectl(c, "annotate deployment web team=shop").stdout).toBe("deployment.apps/web annotated\n");
    expect(deployment(c).metadata.annotations?.team).toBe("shop");
  });

  it("taint and untaint a node", () => {
    const c = makeCluster();
    expect(kubectl(c, "taint nodes worker-1 dedicated=db:NoSchedule").stdout).toBe("node/worker-1 tainted\n");
    expect(c.store.get<Node>("Node", undefined, "worker-1")?.spec.taints).toEqual([{ key: "dedicated", value: "db", effect: "NoSchedule" }]);
    expect(kubectl(c, "taint nodes worker-1 dedicated=db:NoSchedule").stderr).toBe(
      "error: node worker-1 already has dedicated taint(s) with same effect(s) and --overwrite is false\n",
    );
    expect(kubectl(c, "taint nodes worker-1 dedicated:NoSchedule-").stdout).toBe("node/worker-1 untainted\n");
    expect(kubectl(c, "taint nodes worker-1 dedicated:NoSchedule-").stderr).toBe('error: taint "dedicated:NoSchedule" not found\n');
    expect(kubectl(c, "taint nodes worker-1 a=b:Sometimes").stderr).toBe("error: invalid taint effect: Sometimes, unsupported taint effect\n");
  });

  it("cordon, uncordon and drain", () => {
    const c = brokenWeb();
    expect(kubectl(c, "cordon worker-1").stdout).toBe("node/worker-1 cordoned\n");
    expect(kubectl(c, "cordon worker-1").stdout).toBe("node/worker-1 already cordoned\n");
    expect(kubectl(c, "uncordon worker-1").stdout).toBe("node/worker-1 uncordoned\n");
    expect(kubectl(c, "cordon nope").stderr).toBe('Error from server (NotFound): nodes "nope" not found\n');
    const names = pods(c).map((p) => p.metadata.name).sort();
    const r = kubectl(c, "drain worker-1 --ignore-daemonsets --delete-emptydir-data");
    expect(r.stdout).toBe(
      "node/worker-1 cordoned\n" + names.map((n) => `evicting pod default/${n}\n`).join("") + names.map((n) => `pod/${n} evicted\n`).join("") + "node/worker-1 drained\n",
    );
  });

  it("drain refuses pods without a controller", () => {
    const c = makeCluster();
    kubectl(c, "run bare --image=nginx:1.27");
    const r = kubectl(c, "drain worker-1");
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('error: unable to drain node "worker-1" due to error: cannot delete Pods that declare no controller (use --force to override): default/bare, continuing command...\n');
  });
});

describe("create generators, expose, run", () => {
  it("create configmap, secrets, namespace, serviceaccount", () => {
    const c = makeCluster();
    expect(kubectl(c, "create configmap cfg --from-literal=a=1 --from-literal=b=yes").stdout).toBe("configmap/cfg created\n");
    expect(c.store.get<ConfigMap>("ConfigMap", "default", "cfg")?.data).toEqual({ a: "1", b: "yes" });
    expect(kubectl(c, "create configmap cfg2 --from-file=app.properties").stderr).toBe("error: error reading app.properties: no such file or directory\n");
    expect(kubectl(c, "create secret generic db --from-literal=password=s3cr3t").stdout).toBe("secret/db created\n");
    expect(c.store.get<Secret>("Secret", "default", "db")?.data).toEqual({ password: "czNjcjN0" });
    expect(kubectl(c, "create secret docker-registry regcred --docker-server=registry.acme.internal --docker-username=bob --docker-password=p@ss --docker-email=bob@acme.io").stdout).toBe(
      "secret/regcred created\n",
    );
    expect(c.store.get<Secret>("Secret", "default", "regcred")?.data?.[".dockerconfigjson"]).toBe(
      "eyJhdXRocyI6eyJyZWdpc3RyeS5hY21lLmludGVybmFsIjp7InVzZXJuYW1lIjoiYm9iIiwicGFzc3dvcmQiOiJwQHNzIiwiZW1haWwiOiJib2JAYWNtZS5pbyIsImF1dGgiOiJZbTlpT25CQWMzTT0ifX19",
    );
    expect(kubectl(c, "create secret docker-registry x").stderr).toBe(
      "error: either --from-file or the combination of --docker-username, --docker-password and --docker-server is required\n",
    );
    expect(kubectl(c, "create namespace shop").stdout).toBe("namespace/shop created\n");
    expect(kubectl(c, "create serviceaccount api -n shop").stdout).toBe("serviceaccount/api created\n");
    expect(kubectl(c, "create configmap cfg --from-literal=a=1").stderr).toBe('error: failed to create configmap: configmaps "cfg" already exists\n');
  });

  it("create deployment matches kubectl's generator output", () => {
    const c = makeCluster();
    expect(kubectl(c, "create deployment x --image=nginx --dry-run=client -o yaml").stdout).toBe(
      "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  creationTimestamp: null\n  labels:\n    app: x\n  name: x\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: x\n  strategy: {}\n  template:\n    metadata:\n      creationTimestamp: null\n      labels:\n        app: x\n    spec:\n      containers:\n      - image: nginx\n        name: nginx\n        resources: {}\nstatus: {}\n",
    );
    expect(kubectl(c, "create deployment api --image=redis:7 --replicas=2 --port=6379").stdout).toBe("deployment.apps/api created\n");
    c.advanceBy(60_000);
    expect(pods(c).filter((p) => p.status.phase === "Running")).toHaveLength(2);
    expect(kubectl(c, "create deployment y").stderr).toMatch(/"command failed" err="required flag\(s\) \\"image\\" not set"\n$/);
  });

  it("expose a deployment and run a pod", () => {
    const c = brokenWeb();
    expect(kubectl(c, "expose deployment web --port=80 --target-port=8080").stdout).toBe("service/web exposed\n");
    const svc = c.store.get<Service>("Service", "default", "web")!;
    expect(svc.spec.selector).toEqual({ app: "web" });
    expect(svc.spec.ports).toEqual([{ port: 80, protocol: "TCP", targetPort: 8080 }]);
    expect(svc.spec.clusterIP).toMatch(/^10\.96\./);
    expect(kubectl(c, "expose deployment web --name=web2").stdout).toBe("service/web2 exposed\n");
    expect(kubectl(c, "run tmp --image=busybox:1.36 --restart=Never -- sleep 3600").stdout).toBe("pod/tmp created\n");
    const p = c.store.get<Pod>("Pod", "default", "tmp")!;
    expect(p.spec.containers[0].args).toEqual(["sleep", "3600"]);
    expect(p.metadata.labels).toEqual({ run: "tmp" });
    expect(p.spec.restartPolicy).toBe("Never");
  });
});

describe("Deployment written by the learner is what the controllers see", () => {
  it("apply with a new env var rolls out a new ReplicaSet", () => {
    const c = brokenWeb();
    kubectl(c, "apply -f -", webManifest("nginx:1.27"));
    const d: Deployment = deployment(c);
    expect(d.spec.template.spec.containers[0].env).toEqual([{ name: "MODE", value: "prod" }]);
    expect(replicaSets(c)).toHaveLength(2);
  });
});
