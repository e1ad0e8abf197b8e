/**
 * `kubectl create ingress NAME --rule=host/path=service:port[,tls[=secret]] [--class=]
 * [--default-backend=service:port] [--annotation=key=value]`, as kubectl v1.32's
 * `create_ingress.go` builds the networking.k8s.io/v1 Ingress: one rule per host with a path
 * per `--rule` (a trailing `*` makes the path a Prefix, else Exact), and TLS entries grouped by
 * secret, each host taken once.
 */
import type { KObject } from "../../../model/types";
import type { CommandContext, CommandResult, CommandSpec, ParsedArgs } from "../../command";
import { flagString, flagStrings } from "../../args";
import { result } from "./common";
import { CREATE_GENERATOR_FLAGS, createGeneratedObject, nameFromArgs } from "./create-job-common";
import { parseIntOrString } from "./create-pdb";

/**
 * kubectl v1.32's `ruleRegex`: host, a path starting with `/`, `=svcname:svcport`. It is not
 * anchored at the end (later kubectl added the `$`), so anything may follow the port.
 */
const RULE = /^[\w*\-.]*\/[^,=\n]*=[\w-]+:[\w-]+/;

interface IngressBackend {
  service: { name: string; port: { number?: number; name?: string } };
}

interface HttpPath {
  backend: IngressBackend;
  path: string;
  pathType: "Exact" | "Prefix";
}

interface IngressRule {
  host?: string;
  http: { paths: HttpPath[] };
}

interface IngressTls {
  hosts?: string[];
  secretName?: string;
}

/** `buildIngressBackendSvc`: `name:port`, the port a number when it reads as one (zero values omitted, as Go does). */
function backend(service: string): IngressBackend {
  const parts = service.split(":");
  const port = parseIntOrString(parts[1]);
  const backendPort: IngressBackend["service"]["port"] = {};
  if (typeof port === "number" && port !== 0) backendPort.number = port;
  if (typeof port === "string" && port !== "") backendPort.name = port;
  return { service: { name: parts[0], port: backendPort } };
}

/** `buildHTTPIngressPath`: `path=service:port` (after the host's `/`). */
function httpPath(pathService: string): HttpPath {
  const parts = pathService.split("=");
  let path = `/${parts[0]}`;
  let pathType: HttpPath["pathType"] = "Exact";
  if (path.endsWith("*")) {
    pathType = "Prefix";
    path = path.slice(0, -1);
  }
  return { backend: backend(parts[1]), path, pathType };
}

/** `buildIngressRules`: rules of the same host share one rule's paths. */
function ingressRules(rules: readonly string[]): IngressRule[] {
  const out: IngressRule[] = [];
  for (const rule of rules) {
    const hostPath = rule.split(",")[0];
    const slash = hostPath.indexOf("/");
    const host = hostPath.slice(0, slash);
    const path = httpPath(hostPath.slice(slash + 1));
    const existing = out.find((r) => (r.host ?? "") === host);
    if (existing) {
      existing.http.paths.push(path);
      continue;
    }
    out.push(host === "" ? { http: { paths: [path] } } : { host, http: { paths: [path] } });
  }
  return out;
}

/** `buildTLSRules`: a host joins the entry with its secret, each host only once. */
function tlsRules(rules: readonly string[]): IngressTls[] {
  const out: IngressTls[] = [];
  const seenHosts = new Set<string>();
  for (const rule of rules) {
    const parts = rule.split(",");
    if (parts.length !== 2) continue;
    const host = rule.split("/")[0];
    const secretParts = parts[1].split("=");
    const secret = secretParts.length > 1 ? secretParts[1] : "";
    if (seenHosts.has(host)) continue;
    const same = out.find((t) => (t.secretName ?? "") === secret);
    seenHosts.add(host);
    if (same) {
      (same.hosts ??= []).push(host);
      continue;
    }
    const tls: IngressTls = {};
    if (host !== "") tls.hosts = [host];
    if (secret !== "") tls.secretName = secret;
    if (tls.hosts || tls.secretName) out.push(tls);
  }
  return out;
}

/** `Validate`: rules or a default backend, each rule and annotation well formed. */
function validate(rules: readonly string[], annotations: readonly string[], defaultBackend: string): string | undefined {
  if (defaultBackend === "" && rules.length === 0) {
    return "error: not enough information provided: every ingress has to either specify a default-backend (which catches all traffic) or a list of rules (which catch specific paths)\n";
  }
  const bad = rules.find((r) => !RULE.test(r));
  if (bad !== undefined) return `error: rule ${bad} is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]\n`;
  const badAnnotation = annotations.find((a) => !a.includes("="));
  if (badAnnotation !== undefined) return `error: annotation ${badAnnotation} is invalid and should be in format key=[value]\n`;
  if (defaultBackend !== "" && defaultBackend.split(":").length !== 2) return "error: default-backend should be in format servicename:serviceport\n";
  return undefined;
}

function run(ctx: CommandContext, args: ParsedArgs): CommandResult {
  const n = nameFromArgs(args, "kubectl create ingress");
  if (!n.ok) return result("", n.error);
  const rules = flagStrings(args.flags, "rule");
  const annotationArgs = flagStrings(args.flags, "annotation");
  const defaultBackend = flagString(args.flags, "default-backend");
  const invalid = validate(rules, annotationArgs, defaultBackend);
  if (invalid) return result("", invalid);
  const metadata: KObject["metadata"] = { name: n.name };
  if (annotationArgs.length > 0) {
    metadata.annotations = {};
    for (const a of annotationArgs) {
      const eq = a.indexOf("=");
      metadata.annotations[a.slice(0, eq)] = a.slice(eq + 1);
    }
  }
  const spec: Record<string, unknown> = {};
  const ingressClass = flagString(args.flags, "class");
  if (ingressClass !== "") spec.ingressClassName = ingressClass;
  if (defaultBackend !== "") spec.defaultBackend = backend(defaultBackend);
  const builtRules = ingressRules(rules);
  if (builtRules.length > 0) spec.rules = builtRules;
  const tls = tlsRules(rules);
  if (tls.length > 0) spec.tls = tls;
  const ingress = { apiVersion: "networking.k8s.io/v1", kind: "Ingress", metadata, spec, status: { loadBalancer: {} } } as unknown as KObject;
  return createGeneratedObject(ctx, args, ingress, "failed to create ingress:");
}

/** `kubectl create ingress` (alias `ing`). */
export const createIngressCommand: CommandSpec = {
  path: ["create", "ingress"],
  short: "Create an ingress with the specified name",
  usage: "kubectl create ingress NAME --rule=host/path=service:port[,tls[=secret]]  [options]",
  flags: [
    CREATE_GENERATOR_FLAGS[0],
    { name: "annotation", type: "stringArray", default: [], description: "Annotation to insert in the ingress object, in the format annotation=value" },
    { name: "class", type: "string", default: "", description: "Ingress Class to be used" },
    { name: "default-backend", type: "string", default: "", description: "Default service for backend, in format of svcname:port" },
    ...CREATE_GENERATOR_FLAGS.slice(1, 4),
    { name: "rule", type: "stringArray", default: [], description: "Rule in format host/path=service:port[,tls=secretname]. Paths containing the leading character '*' are considered pathType=Prefix. tls argument is optional." },
    ...CREATE_GENERATOR_FLAGS.slice(4),
  ],
  run,
};
