/** `kubectl api-resources` and `kubectl api-versions` for the kinds the simulated API server serves. */
import { KINDS } from "../../../model/kinds";
import type { KindInfo } from "../../../model/types";
import { fail, ok, type CommandSpec } from "../../command";
import { flagBool, flagString, flagStrings } from "../../args";
import { goStringLess } from "../../printers/selectors";
import { tabwrite } from "../../printers/tabwriter";

function groupOf(k: KindInfo): string {
  const slash = k.apiVersion.indexOf("/");
  return slash > 0 ? k.apiVersion.slice(0, slash) : "";
}

const ALL_CATEGORY = new Set(["Pod", "ReplicationController", "Service", "DaemonSet", "Deployment", "ReplicaSet", "StatefulSet", "HorizontalPodAutoscaler", "CronJob", "Job"]);

function verbs(k: KindInfo): string[] {
  if (k.kind === "Namespace") return ["create", "delete", "get", "list", "patch", "update", "watch"];
  return ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];
}

/** `kubectl api-resources`. */
export const apiResourcesCommand: CommandSpec = {
  path: ["api-resources"],
  short: "Print the supported API resources on the server",
  usage: "kubectl api-resources [flags] [options]",
  flags: [
    { name: "api-group", type: "string", default: "" },
    { name: "cached", type: "bool", default: false },
    { name: "categories", type: "stringSlice", default: [] },
    { name: "namespaced", type: "bool" },
    { name: "no-headers", type: "bool", default: false },
    { name: "output", short: "o", type: "string", default: "" },
    { name: "sort-by", type: "string", default: "" },
    { name: "verbs", type: "stringSlice", default: [] },
  ],
  run(_ctx, args) {
    const f = args.flags;
    const output = flagString(f, "output");
    if (output !== "" && output !== "wide" && output !== "name") return fail(`error: --output ${output} is not available`);
    const sortBy = flagString(f, "sort-by");
    if (sortBy !== "" && sortBy !== "name" && sortBy !== "kind") return fail(`error: --sort-by accepts only name or kind`);
    const group = flagString(f, "api-group");
    const namespaced = f["namespaced"];
    const wantVerbs = flagStrings(f, "verbs");
    const categories = flagStrings(f, "categories");
    let list = KINDS.filter((k) => {
      if (f["api-group"] !== undefined && f["api-group"] !== "" && groupOf(k) !== group) return false;
      if (typeof namespaced === "boolean" && k.namespaced !== namespaced) return false;
      if (wantVerbs.length > 0 && !wantVerbs.every((v) => verbs(k).includes(v))) return false;
      if (categories.length > 0 && !categories.every((c) => c === "all" && ALL_CATEGORY.has(k.kind))) return false;
      return true;
    });
    const key = (k: KindInfo) => (sortBy === "name" ? k.resource : sortBy === "kind" ? k.kind : groupOf(k));
    list = [...list].sort((a, b) => goStringLess(key(a), key(b)) || goStringLess(a.resource, b.resource));
    if (output === "name") return ok(list.map((k) => (groupOf(k) ? `${k.resource}.${groupOf(k)}` : k.resource) + "\n").join(""));
    const wide = output === "wide";
    let text = "";
    if (!flagBool(f, "no-headers")) text += "NAME\tSHORTNAMES\tAPIVERSION\tNAMESPACED\tKIND" + (wide ? "\tVERBS\tCATEGORIES" : "") + "\n";
    for (const k of list) {
      text += `${k.resource}\t${k.shortNames.join(",")}\t${k.apiVersion}\t${k.namespaced}\t${k.kind}`;
      if (wide) text += `\t${verbs(k).join(",")}\t${ALL_CATEGORY.has(k.kind) ? "all" : ""}`;
      text += "\n";
    }
    return ok(tabwrite(text));
  },
};

/** `kubectl api-versions`. */
export const apiVersionsCommand: CommandSpec = {
  path: ["api-versions"],
  short: 'Print the supported API versions on the server, in the form of "group/version"',
  usage: "kubectl api-versions [options]",
  flags: [],
  run() {
    const versions = [...new Set(KINDS.map((k) => k.apiVersion))].sort(goStringLess);
    return ok(versions.map((v) => v + "\n").join(""));
  },
};
