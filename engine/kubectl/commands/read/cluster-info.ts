/** `kubectl cluster-info`: the control plane URL and the cluster services, in kubectl's terminal colours. */
import type { Service } from "../../../model/types";
import { ok, type CommandSpec } from "../../command";
import { apiServerURL } from "./cluster-endpoint";

const GREEN = "\x1b[0;32m";
const YELLOW = "\x1b[0;33m";
const RESET = "\x1b[0m";

function line(name: string, link: string): string {
  return `${GREEN}${name}${RESET} is running at ${YELLOW}${link}${RESET}\n`;
}

/** `kubectl cluster-info`. */
export const clusterInfoCommand: CommandSpec = {
  path: ["cluster-info"],
  short: "Display cluster information",
  usage: "kubectl cluster-info [flags] [options]",
  flags: [],
  run(ctx) {
    const server = apiServerURL(ctx.cluster);
    let out = line("Kubernetes control plane", server);
    for (const svc of ctx.cluster.store.list<Service>("Service", "kube-system")) {
      if (svc.metadata.labels?.["kubernetes.io/cluster-service"] !== "true") continue;
      let link = "";
      const ingress = svc.status?.loadBalancer?.ingress ?? [];
      if (ingress.length > 0) {
        const ip = ingress[0].ip || ingress[0].hostname || "";
        for (const p of svc.spec?.ports ?? []) link += `http://${ip}:${p.port} `;
      } else {
        let name = svc.metadata.name;
        const port = svc.spec?.ports?.[0];
        if (port) {
          const scheme = port.name === "https" || port.port === 443 ? "https" : "";
          name = [scheme, svc.metadata.name, port.name ?? ""].filter((x, i) => i === 1 || x !== "").join(":");
          if (scheme === "" && !port.name) name = svc.metadata.name;
        }
        link = `${server}/api/v1/namespaces/${svc.metadata.namespace}/services/${name}/proxy`;
      }
      out += line(svc.metadata.labels?.["kubernetes.io/name"] || svc.metadata.name, link);
    }
    out += "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n";
    return ok(out);
  },
};
