/**
 * `kubectl auth whoami`: the acting user as the API server sees it (a SelfSubjectReview), as
 * kubectl v1.32's `whoami.go` prints it: an ATTRIBUTE/VALUE table, or the review as YAML/JSON.
 */
import type { CommandContext, CommandResult, CommandSpec, ParsedArgs } from "../../command";
import { flagString } from "../../args";
import { rfc3339 } from "../../../runtime/clock";
import { goJsonIndent } from "../../printers/go-json";
import { goYaml } from "../../printers/go-yaml";
import { tabwrite } from "../../printers/tabwriter";
import { result } from "../write/common";
import { actingUser } from "./impersonation";

function run(ctx: CommandContext, args: ParsedArgs): CommandResult {
  const acting = actingUser(args);
  if (!acting.ok) return result("", acting.error);
  const { name, groups } = acting.user;
  const output = flagString(args.flags, "output");
  const review = {
    apiVersion: "authentication.k8s.io/v1",
    kind: "SelfSubjectReview",
    metadata: { creationTimestamp: rfc3339(ctx.cluster.now()) },
    status: { userInfo: { groups, username: name } },
  };
  if (output === "yaml") return result(goYaml(review), "");
  if (output === "json") return result(goJsonIndent(review) + "\n", "");
  if (output !== "") return result("", `error: unable to match a printer suitable for the output format "${output}", allowed formats are: json,yaml\n`);
  let text = "ATTRIBUTE\tVALUE\nUsername\t" + name + "\n";
  if (groups.length > 0) text += `Groups\t[${groups.join(" ")}]\n`;
  return result(tabwrite(text), "");
}

/** `kubectl auth whoami`. */
export const authWhoAmICommand: CommandSpec = {
  path: ["auth", "whoami"],
  short: "Experimental: Check self subject attributes",
  usage: "kubectl auth whoami [options]",
  flags: [
    { name: "allow-missing-template-keys", type: "bool", default: true, description: "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats." },
    { name: "output", short: "o", type: "string", default: "", description: "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)." },
    { name: "show-managed-fields", type: "bool", default: false, description: "If true, keep the managedFields when printing objects in JSON or YAML format." },
    { name: "template", type: "string", default: "", description: "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]." },
  ],
  run,
};
