/**
 * `kubectl config view | current-context | get-contexts | set-context | use-context` over the
 * learner's one-context kubeconfig. The context's namespace is session state
 * (`CommandContext.kubeconfig`), changed by `set-context --current --namespace=X`.
 */
import { fail, ok, type CommandContext, type CommandSpec } from "../../command";
import { flagBool, flagString } from "../../args";
import { goJsonIndent } from "../../printers/go-json";
import { goYaml } from "../../printers/go-yaml";
import { tabwrite } from "../../printers/tabwriter";
import { apiServerURL, contextNamespace, KUBECONFIG_NAMES } from "./cluster-endpoint";
import { goTemplatePrinterFor, printGoTemplate } from "../../printers/go-template";

const { cluster: CLUSTER, user: USER, context: CONTEXT } = KUBECONFIG_NAMES;

/** The kubeconfig as `kubectl config view` prints it (secrets redacted unless `raw`). */
export function kubeconfigObject(ctx: CommandContext, raw: boolean): Record<string, unknown> {
  const ns = contextNamespace(ctx);
  const data = (s: string) => (raw ? btoa(s) : "DATA+OMITTED");
  return {
    apiVersion: "v1",
    clusters: [{ cluster: { "certificate-authority-data": data("crashcourse-ca"), server: apiServerURL(ctx.cluster) }, name: CLUSTER }],
    contexts: [{ context: { cluster: CLUSTER, ...(ns && ns !== "default" ? { namespace: ns } : {}), user: USER }, name: CONTEXT }],
    "current-context": CONTEXT,
    kind: "Config",
    preferences: {},
    users: [{ name: USER, user: { "client-certificate-data": raw ? data("crashcourse-admin-cert") : "DATA+OMITTED", "client-key-data": raw ? data("crashcourse-admin-key") : "DATA+OMITTED" } }],
  };
}

const configView: CommandSpec = {
  path: ["config", "view"],
  short: "Display merged kubeconfig settings or a specified kubeconfig file",
  usage: "kubectl config view [flags] [options]",
  flags: [
    { name: "allow-missing-template-keys", type: "bool", default: true },
    { name: "flatten", type: "bool", default: false },
    { name: "merge", type: "bool", default: true },
    { name: "minify", type: "bool", default: false },
    { name: "output", short: "o", type: "string", default: "yaml" },
    { name: "raw", type: "bool", default: false },
    { name: "show-managed-fields", type: "bool", default: false },
    { name: "template", type: "string", default: "" },
  ],
  run(ctx, args) {
    const obj = kubeconfigObject(ctx, flagBool(args.flags, "raw") || flagBool(args.flags, "flatten"));
    const output = flagString(args.flags, "output", "yaml");
    const template = flagString(args.flags, "template");
    const outputGiven = (args as { changed?: string[] }).changed?.includes("output") ?? false;
    const templateOnly = template !== "" && (output === "" || (output === "yaml" && !outputGiven));
    const printer = goTemplatePrinterFor(templateOnly ? "go-template" : output, template, flagBool(args.flags, "allow-missing-template-keys", true));
    if (printer && !printer.ok) return fail(printer.error);
    if (printer) {
      const printed = printGoTemplate(printer.printer, obj);
      return printed.ok ? ok(printed.text) : { stdout: printed.text, stderr: printed.error + "\n", exitCode: 1 };
    }
    if (output === "json") return ok(goJsonIndent(obj));
    if (output === "yaml" || output === "") return ok(goYaml(obj));
    return fail(`error: unable to match a printer suitable for the output format "${output}", allowed formats are: json,yaml`);
  },
};

const currentContext: CommandSpec = {
  path: ["config", "current-context"],
  short: "Display the current-context",
  usage: "kubectl config current-context [flags] [options]",
  flags: [],
  run() {
    return ok(`${CONTEXT}\n`);
  },
};

const getContexts: CommandSpec = {
  path: ["config", "get-contexts"],
  short: "Describe one or many contexts",
  usage: "kubectl config get-contexts [(-o|--output=)name)] [options]",
  flags: [
    { name: "no-headers", type: "bool", default: false },
    { name: "output", short: "o", type: "string", default: "" },
  ],
  run(ctx, args) {
    const output = flagString(args.flags, "output");
    if (output !== "" && output !== "name") return fail(`error: output must be one of '' or 'name': ${output}`);
    for (const name of args.positionals) {
      if (name !== CONTEXT) return fail(`error: context ${name} not found`);
    }
    if (output === "name") return ok(`${CONTEXT}\n`);
    let text = flagBool(args.flags, "no-headers") ? "" : "CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE\n";
    const ns = contextNamespace(ctx);
    text += `*\t${CONTEXT}\t${CLUSTER}\t${USER}\t${ns && ns !== "default" ? ns : ""}\n`;
    return ok(tabwrite(text));
  },
};

const setContext: CommandSpec = {
  path: ["config", "set-context"],
  short: "Set a context entry in kubeconfig",
  usage: "kubectl config set-context [NAME | --current] [--cluster=cluster_nickname] [--user=user_nickname] [--namespace=namespace] [options]",
  flags: [
    { name: "cluster", type: "string", default: "" },
    { name: "current", type: "bool", default: false },
    { name: "namespace", type: "string", default: "" },
    { name: "user", type: "string", default: "" },
  ],
  run(ctx, args) {
    const current = flagBool(args.flags, "current");
    const name = args.positionals[0] ?? "";
    if (current && name !== "") return fail("error: you cannot specify both a context name and --current");
    if (!current && name === "") return fail("error: you must specify a non-empty context name or --current");
    if (args.positionals.length > 1) return fail("error: unexpected args: " + JSON.stringify(args.positionals.slice(1)).replace(/"/g, "").replace(/,/g, " "));
    const target = current ? CONTEXT : name;
    if (target !== CONTEXT) return ok(`Context "${target}" created.\n`);
    const ns = args.flags["namespace"];
    if (typeof ns === "string" && ns !== "" && ctx.kubeconfig) ctx.kubeconfig.namespace = ns;
    return ok(`Context "${target}" modified.\n`);
  },
};

const useContext: CommandSpec = {
  path: ["config", "use-context"],
  short: "Set the current-context in a kubeconfig file",
  usage: "kubectl config use-context CONTEXT_NAME [options]",
  flags: [],
  run(_ctx, args) {
    const name = args.positionals[0];
    if (!name) return fail("error: empty context names are not allowed");
    if (name !== CONTEXT) return fail(`error: no context exists with the name: "${name}"`);
    return ok(`Switched to context "${name}".\n`);
  },
};

/** The `kubectl config` subcommands the simulation implements. */
export const configCommands: CommandSpec[] = [configView, currentContext, getContexts, setContext, useContext];
