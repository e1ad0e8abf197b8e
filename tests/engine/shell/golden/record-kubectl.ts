/**
 * Records what real kubectl v1.32 prints for the argument cases in `kubectl-cases.ts`, and the
 * flags of the commands the tests register, into golden JSON files. Run on purpose only:
 *
 *   npx tsx tests/engine/shell/golden/record-kubectl.ts [/path/to/kubectl-1.32]
 *
 * Use the real v1.32 binary, not gcloud's `/usr/bin/kubectl` dispatcher, which prints
 * cobra errors as `Error:` where kubectl prints `error:`.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ARG_CASES, REGISTERED_COMMANDS } from "./kubectl-cases";

const kubectl = process.argv[2] ?? "/usr/lib/google-cloud-sdk/bin/kubectl.1.32";
const home = mkdtempSync(join(tmpdir(), "kubectl-golden-"));
// Port 1 refuses connections at once, so anything that parses cleanly fails fast at the server.
const here = dirname(fileURLToPath(import.meta.url));
const kubeconfig = join(home, "config");
writeFileSync(
  kubeconfig,
  "apiVersion: v1\nkind: Config\nclusters: [{name: c, cluster: {server: 'http://127.0.0.1:1'}}]\n" +
    "contexts: [{name: c, context: {cluster: c, user: u}}]\nusers: [{name: u, user: {}}]\ncurrent-context: c\n",
);
const env = { ...process.env, HOME: home, KUBECONFIG: kubeconfig };

interface FlagRecord {
  name: string;
  short?: string;
  type: string;
  default?: unknown;
  noOptDefault?: string;
}

/** kubectl prints no NoOptDefVal in --help; these are the ones the registered commands have. */
const NO_OPT_DEFAULTS: Record<string, string> = { "dry-run": "unchanged", cascade: "background", validate: "strict" };

function flagsOf(path: string[]): FlagRecord[] {
  const help = execFileSync(kubectl, [...path, "--help"], { env, encoding: "utf8" });
  const options = help.split("\nOptions:\n")[1]?.split("\nUsage:\n")[0] ?? "";
  const flags: FlagRecord[] = [];
  for (const m of options.matchAll(/^ {4}(?:-(\w), )?--([\w-]+)=(.*):$/gm)) {
    const [, short, name, rawDefault] = m;
    let type = "string";
    let def: unknown = rawDefault.replace(/^'(.*)'$/, "$1");
    if (rawDefault === "true" || rawDefault === "false") [type, def] = ["bool", rawDefault === "true"];
    else if (rawDefault.startsWith("[")) [type, def] = ["stringArray", []];
    else if (/^-?\d+$/.test(rawDefault)) [type, def] = ["int", Number(rawDefault)];
    else if (/^(\d+h)?(\d+m)?\d+(\.\d+)?s$/.test(rawDefault)) type = "duration";
    if (type === "duration") def = undefined;
    const record: FlagRecord = { name, type, default: def };
    if (short) record.short = short;
    if (NO_OPT_DEFAULTS[name]) record.noOptDefault = NO_OPT_DEFAULTS[name];
    flags.push(record);
  }
  return flags;
}

const commands = REGISTERED_COMMANDS.map((path) => ({ path, flags: flagsOf(path) }));
writeFileSync(join(here, "kubectl-commands.json"), JSON.stringify(commands, null, 1) + "\n");

const results = ARG_CASES.map((argv) => {
  const r = spawnSync(kubectl, argv, { env, encoding: "utf8", timeout: 20000 });
  const stderr = r.stderr
    .split("\n")
    .filter((line) => !/memcache\.go|Unhandled Error/.test(line))
    .join("\n");
  const reachedServer = /connection to the server|dial tcp|connect: connection refused/.test(stderr);
  const showedHelp = r.status !== null && r.stdout.length > 0 && stderr === "";
  return { argv, exitCode: r.status, reachedServer, showedHelp, stderr: reachedServer ? "" : stderr };
});
writeFileSync(join(here, "kubectl-errors.json"), JSON.stringify(results, null, 1) + "\n");
console.log(`recorded ${commands.length} commands and ${results.length} cases`);
