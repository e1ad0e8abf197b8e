/**
 * Input generators for the robustness fuzz test: real command lines drawn from a session's
 * cluster, mutated token by token, and manifests (YAML/JSON) mutated into every shape a
 * learner (or an attacker) could paste. Everything is drawn from a seeded `Random`, so a
 * failing input is reproducible from the seed and its index.
 */
import { stringify } from "yaml";
import type { Random } from "../../../engine/runtime/random";
import type { Session } from "../../../engine/session";
import type { KObject } from "../../../engine/model/types";
import { allCommands } from "../../../engine/kubectl/commands";
import { MAX_LINE_BYTES } from "../../../engine/kubectl/terminal";

/** Names that exist in the session's cluster, to aim real commands at real objects. */
export interface ClusterNames {
  namespaces: string[];
  pods: { ns: string; name: string; containers: string[] }[];
  deployments: { ns: string; name: string; containers: string[] }[];
  services: { ns: string; name: string }[];
  nodes: string[];
  /** Namespaced objects of other kinds, as `kind/name` with their namespace. */
  others: { ns: string; ref: string }[];
  /** Objects to feed through apply/create/replace (as the store holds them). */
  objects: KObject[];
}

/** Collects the names of the session's cluster (call again after big changes). */
export function namesOf(session: Session): ClusterNames {
  const all = session.cluster.store.all();
  const names: ClusterNames = { namespaces: [], pods: [], deployments: [], services: [], nodes: [], others: [], objects: [] };
  for (const o of all) {
    const ns = o.metadata.namespace ?? "";
    const name = o.metadata.name;
    const spec = (o as { spec?: Record<string, unknown> }).spec;
    if (o.kind === "Namespace") names.namespaces.push(name);
    else if (o.kind === "Node") names.nodes.push(name);
    else if (o.kind === "Pod") names.pods.push({ ns, name, containers: containerNames(spec) });
    else if (o.kind === "Deployment") {
      const tpl = (spec?.template as { spec?: Record<string, unknown> } | undefined)?.spec;
      names.deployments.push({ ns, name, containers: containerNames(tpl) });
    } else if (o.kind === "Service") names.services.push({ ns, name });
    else if (ns && o.kind !== "Event") names.others.push({ ns, ref: `${o.kind.toLowerCase()}/${name}` });
    if (o.kind !== "Event" && pasteable(o)) names.objects.push(o);
  }
  return names;
}

/** Objects small and shallow enough to paste (fuzzing may have stored huge or deeply nested ones). */
function pasteable(o: KObject): boolean {
  try {
    return JSON.stringify(o).length < 20_000 && depthOf(o, 0) < 40;
  } catch {
    return false;
  }
}

function depthOf(v: unknown, d: number): number {
  if (d >= 40 || v === null || typeof v !== "object") return d;
  let max = d;
  for (const x of Object.values(v as object)) max = Math.max(max, depthOf(x, d + 1));
  return max;
}

function containerNames(podSpec: Record<string, unknown> | undefined): string[] {
  const cs = (podSpec?.containers as { name?: string }[] | undefined) ?? [];
  return cs.map((c) => String(c.name ?? "c"));
}

const KINDS = [
  "pods", "po", "pod", "deploy", "deployments", "deployment.apps", "rs", "replicasets", "svc", "services", "ep", "endpoints",
  "cm", "configmaps", "secrets", "nodes", "no", "ns", "namespaces", "events", "ev", "pvc", "pv", "sc", "sa",
  "all", "jobs", "cronjobs", "statefulsets", "daemonsets", "ingress", "endpointslices", "storageclasses",
  "pods,svc", "deploy,rs,po", "leases", "roles", "networkpolicies", "hpa", "limitranges", "resourcequotas",
];
const BAD_KINDS = ["pdos", "deploymnet", "foo", "Pod.v1", "pods.", ".pods", "pods/", "/x", "svc,,po", "x.y.z", "ÄÖÜ", "pods.apps", "deployments.v2.apps", "*", "%", ""];
const OUTPUTS = [
  "wide", "yaml", "json", "name", "jsonpath={.items[*].metadata.name}", "jsonpath={.metadata.name}",
  "jsonpath='{range .items[*]}{.metadata.name}{\"\\t\"}{.status.phase}{\"\\n\"}{end}'", "custom-columns=NAME:.metadata.name,IP:.status.podIP",
  "jsonpath={.spec.template.spec.containers[0].image}", "go-template={{.metadata.name}}", "jsonpath-as-json={.items[0].metadata}",
  "jsonpath={.items[?(@.status.phase==\"Running\")].metadata.name}", "custom-columns-file=x", "yml", "table", "",
];
const JSONPATH_GARBAGE = [
  "{", "}", "{.", "{..}", "{.items[}", "{.items[*}", "{.items[-1:]}", "{.items[::0]}", "{.items[999999999999]}", "{range}", "{end}",
  "{range .items[*]}", "{.items[?(@.x>)]}", "{.a.b.c.d.e.f}", "{$}", "{@}", "{.items[*].metadata.labels['a\\.b']}", "{..name}",
  "{.items[0:2:-1]}", "{\"\\u}", "{.status.conditions[?(@.type=='Ready')].status}", "{.metadata.name}{\"\\n\"", "{[*]}", "{.*}",
  "{.items[*]['metadata','status']}", "{.items[?(@.metadata.name=~/x/)]}", "{{}}", "{.items[1e400]}", "{.items[NaN]}",
];
const WEIRD = [
  "\u0000", "\u0007", "\u001b[31m", "\r", "\t", "\u00a0", "\u200b", "\ufeff", "é", "日本語", "🔥", "\ud800", "\udfff", "\\", "'", '"', "`",
  "$", "$(", "${", "${x", "$((1+1))", "*", "?", "[", "]", "{", "}", "~", "!", "#", "&", "|", ";", ">", "<", "<<", "<<<", "2>&1", "&>",
  "\\n", "%s", "%v", "%!d", "__proto__", "constructor", "toString", "hasOwnProperty", "undefined", "null", "NaN", "-", "--", "---", "=",
  "-n", "-o", "--namespace", "-A", "-l", "-f", "-", "0", "-1", "1e309", "0x10", "999999999999999999999", "true",
];
const FILTERS = [
  "| grep Running", "| grep -i error", "| grep -v NAME", "| grep -c .", "| grep -E '(a|b)+'", "| grep '['", "| grep -e", "| head", "| head -n 3",
  "| head -n -1", "| head -c 10", "| tail -n 2", "| tail -f", "| wc -l", "| wc -c", "| wc -w", "| sort", "| sort -r | uniq -c", "| uniq",
  "| cut -d' ' -f1", "| cut -f", "| awk '{print $1}'", "| awk '{print $NF}'", "| awk 'BEGIN{x=1/0}'", "| tr a-z A-Z", "| base64",
  "| base64 -d", "| cat", "| less", "| grep", "| head -n abc", "| jq .", "| xargs kubectl describe", "| sed s/a/b/", "| sort -k2 -n",
  "| grep -o '[a-z]*' | sort | uniq -c | sort -rn | head -3", "| awk -F: '{print $2}'", "| tail -n +2", "| grep -A2 -B1 Events",
];

/** Real command lines aimed at the cluster's own objects. */
export function realCommands(rng: Random, n: ClusterNames): string {
  const ns = n.namespaces.length ? rng.pick(n.namespaces) : "default";
  const pod = n.pods.length ? rng.pick(n.pods) : { ns, name: "p", containers: ["c"] };
  const dep = n.deployments.length ? rng.pick(n.deployments) : { ns, name: "d", containers: ["c"] };
  const svc = n.services.length ? rng.pick(n.services) : { ns, name: "s" };
  const node = n.nodes.length ? rng.pick(n.nodes) : "node-1";
  const other = n.others.length ? rng.pick(n.others) : { ns, ref: "configmap/x" };
  const c = rng.pick(pod.containers.length ? pod.containers : ["c"]);
  const dc = rng.pick(dep.containers.length ? dep.containers : ["c"]);
  const kind = rng.pick(KINDS);
  const o = rng.pick(OUTPUTS);
  const templates = [
    `kubectl get ${kind}`,
    `kubectl get ${kind} -A`,
    `kubectl get ${kind} -n ${ns} -o ${o}`,
    `kubectl get pods -n ${pod.ns} ${pod.name} -o ${o}`,
    `kubectl get pod/${pod.name} -n ${pod.ns} -o jsonpath='${rng.pick(JSONPATH_GARBAGE)}'`,
    `kubectl get ${kind} -A --show-labels`,
    `kubectl get pods -A -l app=${dep.name} --field-selector=status.phase!=Running`,
    `kubectl get pods -n ${ns} --sort-by=.metadata.creationTimestamp`,
    `kubectl get pods -n ${ns} --sort-by='{.status.containerStatuses[0].restartCount}'`,
    `kubectl get events -n ${ns} --sort-by=.lastTimestamp`,
    `kubectl get events -A --field-selector involvedObject.name=${pod.name}`,
    `kubectl get ${other.ref} -n ${other.ns} -o yaml`,
    `kubectl get all -n ${ns}`,
    `kubectl describe pod ${pod.name} -n ${pod.ns}`,
    `kubectl describe pods -n ${ns}`,
    `kubectl describe deploy/${dep.name} -n ${dep.ns}`,
    `kubectl describe node ${node}`,
    `kubectl describe nodes`,
    `kubectl describe svc ${svc.name} -n ${svc.ns}`,
    `kubectl describe ${other.ref} -n ${other.ns}`,
    `kubectl describe ${kind} -A`,
    `kubectl logs ${pod.name} -n ${pod.ns}`,
    `kubectl logs ${pod.name} -n ${pod.ns} -c ${c} --previous`,
    `kubectl logs ${pod.name} -n ${pod.ns} --tail=5 --timestamps`,
    `kubectl logs deploy/${dep.name} -n ${dep.ns} --all-containers`,
    `kubectl logs -n ${ns} -l app=${dep.name} --prefix`,
    `kubectl logs ${pod.name} -n ${pod.ns} -f --since=1m`,
    `kubectl exec ${pod.name} -n ${pod.ns} -- env`,
    `kubectl exec ${pod.name} -n ${pod.ns} -c ${c} -- cat /etc/hosts`,
    `kubectl exec -it ${pod.name} -n ${pod.ns} -- sh -c 'ls /; echo $HOME'`,
    `kubectl exec ${pod.name} -n ${pod.ns} -- wget -qO- http://${svc.name}.${svc.ns}:80/`,
    `kubectl exec ${pod.name} -n ${pod.ns} -- nslookup ${svc.name}`,
    `kubectl debug ${pod.name} -n ${pod.ns} -it --image=busybox -- sh`,
    `kubectl port-forward ${pod.name} -n ${pod.ns} 8080:80`,
    `kubectl top pods -n ${ns}`,
    `kubectl top nodes`,
    `kubectl events -n ${ns}`,
    `kubectl events -A --for pod/${pod.name} --types=Warning`,
    `kubectl rollout status deploy/${dep.name} -n ${dep.ns} --timeout=10s`,
    `kubectl rollout history deploy/${dep.name} -n ${dep.ns}`,
    `kubectl rollout history deploy/${dep.name} -n ${dep.ns} --revision=${rng.int(0, 4)}`,
    `kubectl rollout undo deploy/${dep.name} -n ${dep.ns}`,
    `kubectl rollout undo deploy/${dep.name} -n ${dep.ns} --to-revision=${rng.int(0, 4)}`,
    `kubectl rollout restart deploy/${dep.name} -n ${dep.ns}`,
    `kubectl rollout pause deploy/${dep.name} -n ${dep.ns}`,
    `kubectl rollout resume deploy/${dep.name} -n ${dep.ns}`,
    `kubectl set image deploy/${dep.name} ${dc}=nginx:1.27 -n ${dep.ns}`,
    `kubectl set image deploy/${dep.name} *=busybox -n ${dep.ns}`,
    `kubectl set env deploy/${dep.name} FOO=bar -n ${dep.ns}`,
    `kubectl set env deploy/${dep.name} --list -n ${dep.ns}`,
    `kubectl set env deploy/${dep.name} FOO- -n ${dep.ns}`,
    `kubectl set resources deploy/${dep.name} -c ${dc} --limits=memory=256Mi,cpu=500m -n ${dep.ns}`,
    `kubectl set resources deploy/${dep.name} --requests=cpu=${rng.pick(["1", "100m", "0", "-1", "1e3", "abc", "99999999999"])} -n ${dep.ns}`,
    `kubectl scale deploy/${dep.name} --replicas=${rng.pick(["0", "1", "3", "-1", "abc", "1000000", "2.5", "100"])} -n ${dep.ns}`,
    `kubectl delete pod ${pod.name} -n ${pod.ns}`,
    `kubectl delete pod ${pod.name} -n ${pod.ns} --grace-period=0 --force`,
    `kubectl delete pods -n ${ns} -l app=${dep.name}`,
    `kubectl delete ${other.ref} -n ${other.ns}`,
    `kubectl delete svc ${svc.name} -n ${svc.ns} --dry-run=client`,
    `kubectl label pod ${pod.name} -n ${pod.ns} tier=web --overwrite`,
    `kubectl label ns ${ns} team-`,
    `kubectl annotate deploy ${dep.name} -n ${dep.ns} note='hello world'`,
    `kubectl patch deploy ${dep.name} -n ${dep.ns} -p '{"spec":{"replicas":2}}'`,
    `kubectl patch deploy ${dep.name} -n ${dep.ns} --type=json -p '[{"op":"replace","path":"/spec/template/spec/containers/0/image","value":"nginx"}]'`,
    `kubectl patch deploy ${dep.name} -n ${dep.ns} --type=merge -p '{"spec":{"template":{"spec":{"containers":null}}}}'`,
    `kubectl patch svc ${svc.name} -n ${svc.ns} -p '{"spec":{"selector":{"app":"x"}}}'`,
    `kubectl patch node ${node} -p '{"spec":{"unschedulable":false}}'`,
    `kubectl edit deploy/${dep.name} -n ${dep.ns}`,
    `kubectl edit svc ${svc.name} -n ${svc.ns} -o json`,
    `kubectl expose deploy ${dep.name} -n ${dep.ns} --port=80 --target-port=8080 --name=${dep.name}-x`,
    `kubectl run tmp-${rng.int(0, 99)} -n ${ns} --image=busybox --restart=Never -- sleep 3600`,
    `kubectl run tmp --image=busybox --rm -it -- sh`,
    `kubectl create deployment d${rng.int(0, 99)} --image=nginx --replicas=2 -n ${ns}`,
    `kubectl create configmap cm${rng.int(0, 99)} --from-literal=a=b -n ${ns}`,
    `kubectl create secret generic s${rng.int(0, 99)} --from-literal=password=x -n ${ns}`,
    `kubectl create secret docker-registry r${rng.int(0, 9)} --docker-server=x --docker-username=u --docker-password=p -n ${ns}`,
    `kubectl create ns n${rng.int(0, 99)}`,
    `kubectl create service clusterip s${rng.int(0, 9)} --tcp=80:8080 -n ${ns}`,
    `kubectl create job j${rng.int(0, 9)} --image=busybox -n ${ns} -- echo hi`,
    `kubectl cordon ${node}`,
    `kubectl uncordon ${node}`,
    `kubectl drain ${node} --ignore-daemonsets --delete-emptydir-data`,
    `kubectl taint nodes ${node} key=value:NoSchedule`,
    `kubectl taint nodes ${node} key:NoSchedule-`,
    `kubectl api-resources`,
    `kubectl api-resources --namespaced=false -o name`,
    `kubectl api-versions`,
    `kubectl explain pod.spec.containers`,
    `kubectl explain ${kind}`,
    `kubectl version`,
    `kubectl version -o json`,
    `kubectl cluster-info`,
    `kubectl config view`,
    `kubectl config get-contexts`,
    `kubectl config current-context`,
    `kubectl config set-context --current --namespace=${ns}`,
    `kubectl auth can-i get pods -n ${ns}`,
    `kubectl wait --for=condition=Ready pod/${pod.name} -n ${pod.ns} --timeout=5s`,
    `kubectl wait --for=delete pod/${pod.name} -n ${pod.ns} --timeout=1s`,
    `kubectl diff -f -`,
    `kubectl cp ${pod.ns}/${pod.name}:/etc/hosts /tmp/h`,
    `kubectl get --raw /api/v1/namespaces`,
    `kubectl help`,
    `kubectl get --help`,
    `kubectl`,
    `kubectl -n ${ns} get po -w`,
    `kubectl get pods -n ${ns} -o wide | grep ${node}`,
    `kubectl get pods -A | grep -v Running | wc -l`,
    `kubectl get po -A -o name | head -3`,
    `kubectl get secret -n ${ns} -o jsonpath='{.items[0].data}' | base64 -d`,
    `echo hello | grep h && kubectl get ns || echo failed`,
    `kubectl get pods; kubectl get svc`,
    `clear`,
    `true`,
    `false`,
    `sleep 5`,
    `ls`,
    `cat /etc/passwd`,
    `k get pods`,
    `kubectl get pods > /tmp/x`,
    `kubectl get pods 2>&1 | tail -1`,
    `kubectl get nodes -o json | jq .`,
  ];
  return rng.pick(templates);
}

function tokenize(line: string): string[] {
  return line.split(/ +/).filter((t) => t !== "");
}

/** A random word: a weird character, a flag, a name, a very long run, or random code points. */
function randomWord(rng: Random, flags: string[]): string {
  switch (rng.int(0, 9)) {
    case 0:
      return rng.pick(WEIRD);
    case 1:
      return rng.pick(flags) + (rng.next() < 0.5 ? "" : "=" + rng.pick(WEIRD.concat(["1", "x", "yaml", "-1", "10s", "abc"])));
    case 2:
      return rng.pick(BAD_KINDS.concat(KINDS));
    case 3:
      return "x".repeat(rng.next() < 0.9 ? rng.int(64, 512) : rng.int(512, 8192));
    case 4: {
      let s = "";
      const len = rng.int(1, 12);
      for (let i = 0; i < len; i++) s += String.fromCharCode(rng.int(0, 0xffff));
      return s;
    }
    case 5: {
      let s = "";
      const len = rng.int(1, 16);
      for (let i = 0; i < len; i++) s += String.fromCharCode(rng.int(0x20, 0x7e));
      return s;
    }
    case 6:
      return "-o" + rng.pick(["jsonpath=", "jsonpath-as-json=", "custom-columns="]) + rng.pick(JSONPATH_GARBAGE);
    case 7:
      return `--${rng.chars(rng.int(1, 12), "abcdefghijklmnopqrstuvwxyz-")}`;
    case 8:
      return rng.pick(["'", '"', "'unterminated", '"open', "a'b", "\\", "\\'", "$'\\x00'", "'a'\"b\"c"]);
    default:
      return String(rng.pick([0, -1, 1e21, 2 ** 53, 2 ** 31, -(2 ** 31) - 1, 0.5, 1e-7]));
  }
}

let cachedFlags: string[] | undefined;
/** Every flag any implemented command declares, as `--name` and `-x`. */
export function allFlagWords(): string[] {
  if (cachedFlags) return cachedFlags;
  const set = new Set<string>();
  for (const spec of allCommands()) {
    for (const f of spec.flags) {
      set.add(`--${f.name}`);
      if (f.short) set.add(`-${f.short}`);
    }
  }
  cachedFlags = [...set].sort();
  return cachedFlags;
}

/** One token-level mutation of a command line (sometimes several stacked). */
export function mutateLine(rng: Random, line: string): string {
  const flags = allFlagWords();
  let toks = tokenize(line);
  const rounds = rng.int(1, 3);
  for (let r = 0; r < rounds; r++) {
    const i = toks.length ? rng.int(0, toks.length - 1) : 0;
    switch (rng.int(0, 13)) {
      case 0:
        toks.splice(i, 1);
        break;
      case 1:
        if (toks.length) toks.splice(i, 0, toks[i]);
        break;
      case 2: {
        const j = toks.length ? rng.int(0, toks.length - 1) : 0;
        if (toks.length) [toks[i], toks[j]] = [toks[j], toks[i]];
        break;
      }
      case 3:
        toks.splice(i + 1, 0, randomWord(rng, flags));
        break;
      case 4:
        toks[i] = randomWord(rng, flags);
        break;
      case 5:
        toks.push(rng.pick(flags));
        break;
      case 6:
        toks.push(rng.pick(FILTERS));
        break;
      case 7: {
        // Insert a weird character inside a token.
        const t = toks[i] ?? "";
        const at = rng.int(0, t.length);
        toks[i] = t.slice(0, at) + rng.pick(WEIRD) + t.slice(at);
        break;
      }
      case 8:
        toks.push(rng.pick([";", "&&", "||", "|", "&", "(", ")", ">", "<", "2>", "<<", "<<<"]), ...(rng.next() < 0.5 ? [] : ["kubectl", "get", rng.pick(KINDS)]));
        break;
      case 9:
        toks = toks.slice(0, i);
        break;
      case 10:
        toks.splice(i, 0, `-o${rng.pick(["jsonpath=", "custom-columns=", "go-template=", "jsonpath-file="])}${rng.pick(JSONPATH_GARBAGE)}`);
        break;
      case 11:
        toks[i] = (toks[i] ?? "") + rng.pick(["=", "=,", ",", "/", "//", ":", "-", ".", "=-1", "=abc"]);
        break;
      case 12:
        toks.splice(i, 0, rng.pick(["'", '"']) + (toks[i] ?? ""));
        break;
      default:
        toks[i] = (toks[i] ?? "").toUpperCase();
    }
  }
  return toks.join(" ");
}

/** Random bytes of printable and unprintable characters (a cat walking on the keyboard). */
export function randomGarbage(rng: Random): string {
  const len = rng.int(0, 200);
  let s = rng.next() < 0.5 ? "kubectl " : "";
  for (let i = 0; i < len; i++) {
    const r = rng.next();
    if (r < 0.6) s += String.fromCharCode(rng.int(0x20, 0x7e));
    else if (r < 0.8) s += rng.pick(WEIRD);
    else s += String.fromCharCode(rng.int(0, 0xffff));
  }
  return s;
}

// ---------------------------------------------------------------- manifests

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** A plain copy of a stored object, without the fields a learner would not paste back. */
function plain(o: KObject, rng: Random): { [k: string]: Json } {
  const copy = structuredClone(o) as unknown as { [k: string]: Json };
  if (rng.next() < 0.7) delete copy.status;
  const md = copy.metadata as { [k: string]: Json };
  if (rng.next() < 0.7) {
    delete md.uid;
    delete md.resourceVersion;
    delete md.creationTimestamp;
    delete md.managedFields;
  }
  return copy;
}

const WRONG_VALUES: Json[] = [
  null, true, false, 0, -1, 1.5, 1e308, -1e308, 2 ** 63, 99999999999999999999, "", "x", "NaN", "Infinity", "-0", "1e400", [], {}, [null], [{}],
  { a: { b: { c: [] } } }, "日本語", "\u0000", "x".repeat(300), ["a", 1, null], "9999999999999999999999Gi", "-5m", "1.5.6", "0x1F",
];

function paths(v: Json, prefix: (string | number)[] = [], out: (string | number)[][] = [], depth = 0): (string | number)[][] {
  if (depth > 12) return out;
  if (Array.isArray(v)) v.forEach((x, i) => { out.push([...prefix, i]); paths(x, [...prefix, i], out, depth + 1); });
  else if (v && typeof v === "object") for (const k of Object.keys(v)) { out.push([...prefix, k]); paths(v[k], [...prefix, k], out, depth + 1); }
  return out;
}

function setAt(root: Json, path: (string | number)[], value: Json | undefined): void {
  let cur: Json = root;
  for (let i = 0; i < path.length - 1; i++) {
    if (cur === null || typeof cur !== "object") return;
    cur = (cur as Record<string, Json>)[path[i] as string];
  }
  if (cur === null || typeof cur !== "object") return;
  const last = path[path.length - 1];
  if (value === undefined) {
    if (Array.isArray(cur)) cur.splice(last as number, 1);
    else delete (cur as Record<string, Json>)[last as string];
  } else (cur as Record<string, Json>)[last as string] = value;
}

/** A fresh copy of one of the wrong values (they are shared objects; mutations must not reach them). */
function wrongValue(rng: Random): Json {
  return structuredClone(rng.pick(WRONG_VALUES));
}

function deep(n: number, leaf: Json, asArray: boolean): Json {
  let v = leaf;
  for (let i = 0; i < n; i++) v = asArray ? [v] : { a: v };
  return v;
}

/** A manifest object (valid, then mutated at 0–4 random paths). */
export function mutatedObject(rng: Random, n: ClusterNames): Json {
  const base = n.objects.length ? plain(rng.pick(n.objects), rng) : { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "x" } };
  const ps = paths(base);
  const count = rng.int(0, 4);
  for (let i = 0; i < count && ps.length; i++) {
    const p = rng.pick(ps);
    const r = rng.int(0, 9);
    if (r < 4) setAt(base, p, wrongValue(rng));
    else if (r < 6) setAt(base, p, undefined);
    else if (r < 7) setAt(base, p, deep(rng.int(5, 60), wrongValue(rng), rng.next() < 0.5));
    else if (r < 8) setAt(base, [...p.slice(0, -1), rng.pick(["unknownField", "apiVersion", "kind", "spec", "x-y", "__proto__", ""])], wrongValue(rng));
    else if (r < 9) setAt(base, p, "x".repeat(rng.int(256, 4096)));
    else setAt(base, p, rng.pick(["v1", "apps/v1", "Pod", "Deployment", "v2", "foo/v1", "Bogus", "List"]));
  }
  const md = base.metadata;
  if (rng.next() < 0.1 && md && typeof md === "object" && !Array.isArray(md)) md.name = rng.pick(["", "UPPER", "a".repeat(300), "a/b", "-x", "x.", "日本", "a b"]);
  return base;
}

/** A YAML text: one or more documents, mutated at the text level too. */
export function manifestText(rng: Random, n: ClusterNames): string {
  const r = rng.int(0, 19);
  if (r <= 2) return rng.pick(["", "---", "---\n---\n", "null", "42", "- a\n- b", "'str'", "{", "[", "a: [", "a: {b", "\t- x", ": :", "? x", "&a [*a]", "*unknown", "!!binary x", "!!python/object:os.system x", "%YAML 9.9\n---\na: 1", "a: b\n a: c", "a: 1\na: 2", "kind: List\nitems: [1, 2]", "apiVersion: v1\nkind: List\nitems:\n- kind: Pod", "{\"apiVersion\":\"v1\",\"kind\":\"Pod\"}"]);
  if (r === 3) return JSON.stringify(mutatedObject(rng, n), null, rng.next() < 0.5 ? 2 : undefined);
  if (r === 4) return JSON.stringify({ apiVersion: "v1", kind: "List", items: [mutatedObject(rng, n), mutatedObject(rng, n)] });

  const docs: string[] = [];
  const count = rng.int(1, 3);
  for (let i = 0; i < count; i++) docs.push(stringify(mutatedObject(rng, n), { aliasDuplicateObjects: false }));
  let text = docs.join("---\n");
  if (rng.next() < 0.3) {
    // Text-level damage: cut, tabs, broken indentation, stray characters.
    const lines = text.split("\n");
    const i = rng.int(0, Math.max(0, lines.length - 1));
    switch (rng.int(0, 5)) {
      case 0: text = text.slice(0, rng.int(0, text.length)); break;
      case 1: lines[i] = "\t" + lines[i]; text = lines.join("\n"); break;
      case 2: lines[i] = " " + lines[i]; text = lines.join("\n"); break;
      case 3: lines.splice(i, 0, rng.pick(["EOF", "---", "...", "- x", "x", "'", "\"", "&x", "*x", "<<: *x", "{{ .Values }}"])); text = lines.join("\n"); break;
      case 4: text = text.replace(/: /g, ":"); break;
      default: lines[i] = lines[i] + rng.pick(WEIRD); text = lines.join("\n");
    }
  }
  return text;
}

/** The classic YAML alias bomb: each level references the previous one ten times. */
export function billionLaughs(levels: number): string {
  let s = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: lol\ndata:\n  a0: &a0 \"lol\"\n";
  for (let i = 1; i <= levels; i++) s += `  a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(", ")}]\n`;
  return s;
}

/** A document past 64 KiB (a ConfigMap with a huge value, or very many keys). */
export function bigDocument(rng: Random): string {
  if (rng.next() < 0.5) return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  blob: "${"x".repeat(rng.int(60_000, 70_000))}"\n`;
  let s = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big-keys\ndata:\n";
  const keys = rng.int(2000, 3500);
  for (let i = 0; i < keys; i++) s += `  k${i}: v${i}\n`;
  return s;
}

/** A terminal line that sends a manifest through apply/create/replace/diff, or a patch. */
export function manifestLine(rng: Random, n: ClusterNames): string {
  const text = manifestText(rng, n);
  const verb = rng.pick(["apply -f -", "create -f -", "replace -f -", "apply -f - --dry-run=client", "apply -f - -o yaml", "create -f - --dry-run=server -o name", "replace --force -f -", "apply --server-side -f -", "diff -f -", "delete -f -", "apply -f - -n kube-system", "create -f - --validate=false"]);
  const r = rng.int(0, 9);
  if (r < 6) {
    const delim = rng.pick(["EOF", "'EOF'", "\"EOF\"", "END"]);
    const bare = delim.replace(/['"]/g, "");
    const end = rng.next() < 0.05 ? "" : `\n${bare}`;
    return `kubectl ${verb} <<${delim}\n${text}${end}`;
  }
  if (r < 7) return `cat <<EOF | kubectl ${verb}\n${text}\nEOF`;
  if (r < 8) return `echo '${text.replace(/'/g, "'\\''")}' | kubectl ${verb}`;
  // A patch with a mutated (or random) body.
  const dep = n.deployments.length ? rng.pick(n.deployments) : { ns: "default", name: "d", containers: [] };
  const type = rng.pick(["", "--type=merge", "--type=json", "--type=strategic", "--type=bogus"]);
  let body: string;
  if (type === "--type=json" && rng.next() < 0.7) {
    const ops = [] as Json[];
    for (let i = rng.int(0, 4); i > 0; i--) ops.push({ op: rng.pick(["add", "remove", "replace", "move", "copy", "test", "bogus"]), path: rng.pick(["/spec/replicas", "/spec/template/spec/containers/0/image", "/spec/template/spec/containers/-", "/metadata/labels/a~1b", "/x/y/z", "", "/", "/spec/template/spec/containers/99", "/metadata/name", "/spec/selector"]), value: wrongValue(rng), from: rng.pick(["/spec/replicas", "/nope", ""]) });
    body = JSON.stringify(rng.next() < 0.9 ? ops : ops[0] ?? {});
  } else if (rng.next() < 0.6) {
    const obj = mutatedObject(rng, n);
    if (obj && typeof obj === "object" && !Array.isArray(obj)) {
      delete obj.metadata;
    }
    body = JSON.stringify(obj);
  } else body = rng.pick(["", "{", "null", "[]", "42", "\"x\"", "{\"spec\":{\"replicas\":\"3\"}}", "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":null}]}}}}", "{\"metadata\":{\"name\":\"renamed\"}}", "{\"$patch\":\"delete\"}", "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"$patch\":\"replace\"}]}}}}", "{\"spec\":{\"$setElementOrder/containers\":[{\"name\":\"x\"}]}}", "spec:\n  replicas: 4", JSON.stringify(deep(rng.int(50, 500), 1, false))]);
  return `kubectl patch deploy ${dep.name} -n ${dep.ns} ${type} -p '${body.replace(/'/g, "'\\''")}'`;
}

/** Deeply nested flow collections (balanced or not) inside a manifest. */
export function deeplyNested(rng: Random): string {
  const k = rng.int(50, 3000);
  const open = rng.next() < 0.5 ? "[" : "{a: ";
  const close = rng.next() < 0.5 ? (open === "[" ? "]" : "}").repeat(k) : "";
  return `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata: ${open.repeat(k)}${close}\n`;
}

/** The expensive inputs, fed a bounded number of times: alias bombs, 64 KiB documents, deep nesting, oversized lines. */
export function heavyLine(rng: Random): string {
  switch (rng.int(0, 3)) {
    case 0:
      return `kubectl ${rng.pick(["apply", "create", "replace"])} -f - <<EOF\n${billionLaughs(rng.int(3, 9))}EOF`;
    case 1: {
      const doc = bigDocument(rng);
      return `kubectl ${rng.pick(["apply", "create", "replace", "diff"])} -f - <<EOF\n${doc}EOF`;
    }
    case 2:
      return `kubectl apply -f - <<EOF\n${deeplyNested(rng)}EOF`;
    default:
      return oversizedLine(rng);
  }
}

/** A line over the terminal's size limit. */
export function oversizedLine(rng: Random): string {
  const extra = rng.int(1, 50_000);
  if (rng.next() < 0.5) return `kubectl get pods ${"x".repeat(MAX_LINE_BYTES + extra)}`;
  return `kubectl apply -f - <<EOF\n${bigDocument(rng)}${"#".repeat(MAX_LINE_BYTES)}\nEOF`;
}
