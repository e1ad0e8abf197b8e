import { describe, expect, it } from "vitest";
import { runCommandLine, runFilter, type ExternalCommand, type VirtualFiles } from "../../../engine/kubectl/shell";

const PODS = "NAME   READY   STATUS\nweb-1  1/1     Running\nweb-2  0/1     CrashLoopBackOff\ndb-0   1/1     Running\n";

/** A stand-in kubectl: `get pods` prints a table, `apply -f -` echoes stdin's kinds, anything else fails. */
const kubectl: ExternalCommand = (argv, stdin) => {
  const line = argv.slice(1).join(" ");
  if (line === "get pods") return { stdout: PODS, stderr: "", exitCode: 0 };
  if (line === "get pods -n empty") return { stdout: "", stderr: "No resources found in empty namespace.\n", exitCode: 0 };
  if (line === "apply -f -") {
    if (stdin === undefined) return { stdout: "", stderr: "error: no stdin\n", exitCode: 1 };
    const name = /name: (\S+)/.exec(stdin)?.[1];
    return { stdout: `configmap/${name} created\n`, stderr: "", exitCode: 0 };
  }
  return { stdout: "", stderr: `error: unknown: ${line}\n`, exitCode: 1 };
};

const run = (input: string, files?: VirtualFiles) => runCommandLine(input, { commands: { kubectl }, files });

describe("runCommandLine", () => {
  it("pipes kubectl into filters", () => {
    expect(run("kubectl get pods | grep Running | wc -l")).toMatchObject({ stdout: "2\n", stderr: "", exitCode: 0 });
  });
  it("exit code is the last stage's", () => {
    expect(run("kubectl get pods | grep Pending")).toMatchObject({ stdout: "", exitCode: 1 });
    expect(run("kubectl nope | wc -l")).toMatchObject({ stdout: "0\n", stderr: "error: unknown: nope\n", exitCode: 0 });
  });
  it("kubectl's stderr is not piped", () => {
    const r = run("kubectl get pods -n empty | grep x");
    expect(r.chunks).toEqual([{ kind: "stderr", text: "No resources found in empty namespace.\n" }]);
    expect(r.exitCode).toBe(1);
  });
  it("2>&1 pipes stderr", () => {
    expect(run("kubectl get pods -n empty 2>&1 | grep -c found")).toMatchObject({ stdout: "1\n", stderr: "" });
  });
  it("2>/dev/null and >/dev/null discard", () => {
    expect(run("kubectl nope 2>/dev/null")).toMatchObject({ stdout: "", stderr: "", exitCode: 1 });
    expect(run("kubectl get pods >/dev/null")).toMatchObject({ stdout: "", stderr: "", exitCode: 0 });
  });
  it("heredoc and echo feed kubectl's stdin", () => {
    expect(run("kubectl apply -f - <<EOF\nkind: ConfigMap\nmetadata:\n  name: cfg\nEOF")).toMatchObject({ stdout: "configmap/cfg created\n" });
    expect(run("echo 'name: x' | kubectl apply -f -").stdout).toBe("configmap/x created\n");
    expect(run("kubectl apply -f -")).toMatchObject({ stderr: "error: no stdin\n", exitCode: 1 });
  });
  it("&& || ; follow exit codes", () => {
    expect(run("kubectl nope && echo yes || echo no; echo end")).toMatchObject({ stdout: "no\nend\n", exitCode: 0 });
    expect(run("true && echo a && false || echo b")).toMatchObject({ stdout: "a\nb\n" });
  });
  it("unknown commands are bash's 127", () => {
    expect(run("k get pods")).toMatchObject({ stderr: "bash: k: command not found\n", exitCode: 127 });
    expect(run("jq .")).toMatchObject({ stderr: "bash: jq: command not found\n", exitCode: 127 });
    expect(run("kubectl get pods | jq .")).toMatchObject({ stdout: "", exitCode: 127 });
  });
  it("clear is a marker for the terminal", () => {
    expect(run("clear; echo hi").chunks).toEqual([{ kind: "clear" }, { kind: "stdout", text: "hi\n" }]);
  });
  it("syntax errors print bash's text with exit code 2", () => {
    expect(run("kubectl get pods | | wc")).toMatchObject({ stderr: "bash: syntax error near unexpected token `|'\n", exitCode: 2 });
  });
  it("heredoc warnings come first", () => {
    expect(run("cat <<EOF\nabc").chunks).toEqual([
      { kind: "stderr", text: "bash: warning: here-document at line 1 delimited by end-of-file (wanted `EOF')\n" },
      { kind: "stdout", text: "abc\n" },
    ]);
  });
  it("writing a file without a file system fails like a read-only disk", () => {
    expect(run("kubectl get pods > pods.txt")).toMatchObject({ stdout: "", stderr: "bash: pods.txt: Read-only file system\n", exitCode: 1 });
    expect(run("grep x < in.txt")).toMatchObject({ stderr: "bash: in.txt: No such file or directory\n", exitCode: 1 });
  });
  it("files, when given, work for > >> < and operands", () => {
    const store = new Map<string, string>();
    const files: VirtualFiles = {
      read: (p) => store.get(p),
      write: (p, text, append) => void store.set(p, (append ? store.get(p) ?? "" : "") + text),
    };
    run("kubectl get pods > pods.txt; echo more >> pods.txt", files);
    expect(store.get("pods.txt")).toBe(PODS + "more\n");
    expect(run("grep -c Running pods.txt", files).stdout).toBe("2\n");
    expect(run("wc -l < pods.txt", files).stdout).toBe("5\n");
    expect(run("kubectl nope 2> err.txt", files)).toMatchObject({ stderr: "" });
    expect(store.get("err.txt")).toBe("error: unknown: nope\n");
  });
  it("a kubectl secret round trip", () => {
    expect(run("echo -n s3cr3t | base64 | base64 -d")).toMatchObject({ stdout: "s3cr3t" });
  });
});

describe("runFilter", () => {
  it("echo flags", () => {
    expect(run("echo -n a b; echo -e 'x\\ty'; echo -- -n").stdout).toBe("a bx\ty\n-- -n\n");
  });
  it("unknown program", () => {
    expect(runFilter(["sed", "s/a/b/"], "a\n")).toEqual({ stdout: "", stderr: "bash: sed: command not found\n", exitCode: 127 });
  });
  it("egrep and fgrep", () => {
    expect(runFilter(["egrep", "a|b"], "a\nb\nc\n").stdout).toBe("a\nb\n");
    expect(runFilter(["fgrep", "a|b"], "a|b\nb\n").stdout).toBe("a|b\n");
  });
  it("awk reports what it cannot parse", () => {
    expect(runFilter(["awk", "{ printf \"%s\", $1 }"], "a\n")).toMatchObject({ exitCode: 2 });
  });
  it("less and more print their input", () => {
    expect(runFilter(["less"], PODS).stdout).toBe(PODS);
  });
});
