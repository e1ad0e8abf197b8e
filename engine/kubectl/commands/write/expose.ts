/**
 * `kubectl expose (TYPE NAME) [--port] [--target-port] [--name] [--type] [--protocol]`: a
 * Service selecting the workload's pods, its ports taken from the flags or the containers.
 */
import type { Container, KObject, Service, ServicePort } from "../../../model/types";
import type { CommandContext, CommandResult, ParsedArgs } from "../../command";
import { flagString } from "../../args";
import { apiCreate, formatFailure } from "../../manifests/api-server";
import { dryRunOf, ensureNewline, outputOf, podTemplateOf, printWritten, resolveTargets, result, writeCommand } from "./common";

function selectorOf(obj: KObject): Record<string, string> | string {
  switch (obj.kind) {
    case "Pod":
      return obj.metadata.labels ?? {};
    case "Service":
      return obj.spec?.selector ?? {};
    case "Deployment":
    case "ReplicaSet":
    case "StatefulSet":
    case "DaemonSet": {
      const sel = obj.spec?.selector;
      if (sel?.matchExpressions?.length) return `couldn't convert expressions - "${JSON.stringify(sel.matchExpressions)}" to map-based selector format`;
      return sel?.matchLabels ?? {};
    }
    default:
      return `cannot expose a ${obj.kind}`;
  }
}

function portsOf(obj: KObject): { port: number; protocol: string }[] {
  if (obj.kind === "Service") return (obj.spec?.ports ?? []).map((p: ServicePort) => ({ port: p.port, protocol: p.protocol ?? "TCP" }));
  const t = podTemplateOf(obj);
  const containers: Container[] = t?.spec.containers ?? [];
  return containers.flatMap((c) => (c.ports ?? []).map((p) => ({ port: p.containerPort, protocol: p.protocol ?? "TCP" })));
}

function run(ctx: CommandContext, args: ParsedArgs): CommandResult {
  const dry = dryRunOf(args);
  if (!dry.ok) return result("", dry.error);
  const out = outputOf(args);
  if (!out.ok) return result("", out.error);
  const targets = resolveTargets(ctx, args);
  if (!targets.ok) return result("", targets.error);
  let stdout = "";
  let stderr = "";
  for (const obj of targets.objects) {
    const selector = selectorOf(obj);
    if (typeof selector === "string") {
      stderr += `error: ${selector}\n`;
      continue;
    }
    if (Object.keys(selector).length === 0) {
      stderr += "error: couldn't retrieve selectors via --selector flag or introspection: the provided object has no selector\n";
      continue;
    }
    const portFlag = flagString(args.flags, "port");
    const protocol = flagString(args.flags, "protocol");
    let ports: { port: number; protocol: string }[];
    if (portFlag !== "") {
      const n = Number(portFlag);
      if (!Number.isInteger(n)) {
        stderr += `error: strconv.Atoi: parsing ${JSON.stringify(portFlag)}: invalid syntax\n`;
        continue;
      }
      ports = [{ port: n, protocol: protocol || "TCP" }];
    } else {
      ports = portsOf(obj);
      if (ports.length === 0) {
        stderr += "error: couldn't find port via --port flag or introspection\nSee 'kubectl expose -h' for help and examples\n";
        continue;
      }
    }
    const target = flagString(args.flags, "target-port");
    const servicePorts: ServicePort[] = ports.map((p, i) => {
      const sp: ServicePort = { port: p.port, protocol: protocol || p.protocol };
      if (ports.length > 1) sp.name = `port-${i + 1}`;
      sp.targetPort = target !== "" ? (/^\d+$/.test(target) ? Number(target) : target) : p.port;
      return sp;
    });
    const name = flagString(args.flags, "name") || obj.metadata.name;
    const type = flagString(args.flags, "type");
    const svc: Service = {
      apiVersion: "v1",
      kind: "Service",
      metadata: { name, namespace: obj.metadata.namespace, ...(obj.metadata.labels ? { labels: { ...obj.metadata.labels } } : {}) },
      spec: { ports: servicePorts, selector: { ...selector }, ...(type ? { type: type as Service["spec"]["type"] } : {}) },
    };
    const clusterIP = flagString(args.flags, "cluster-ip");
    if (clusterIP !== "") svc.spec.clusterIP = clusterIP;
    if (dry.dryRun === "client") {
      stdout += printWritten([{ ...svc, metadata: { ...svc.metadata, creationTimestamp: null }, status: { loadBalancer: {} } } as unknown as KObject], "exposed", out.output, "client");
      continue;
    }
    const r = apiCreate(ctx.cluster, svc, dry.dryRun);
    if (r.ok) stdout += printWritten([r.obj], "exposed", out.output, dry.dryRun);
    else stderr += ensureNewline(formatFailure(r.failure));
  }
  return result(stdout, stderr + targets.errors.join(""));
}

/** `kubectl expose`. */
export const exposeCommand = writeCommand("expose", run);
