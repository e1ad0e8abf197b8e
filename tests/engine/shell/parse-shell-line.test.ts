import { describe, expect, it } from "vitest";
import { isIncomplete, parseShellLine } from "../../../engine/kubectl/shell";

const env = { HOME: "/home/learner", NS: "shop", EMPTY: "" };

/** The argv of every command, step by step, or the error. */
function shape(input: string): unknown {
  const r = parseShellLine(input, { env });
  if (!r.ok) return { error: r.error, exitCode: r.exitCode };
  return r.steps.map((s) => ({ runIf: s.runIf, pipeline: s.pipeline.map((c) => c.argv) }));
}

const argvOf = (input: string) => {
  const r = parseShellLine(input, { env });
  if (!r.ok) throw new Error(r.error);
  return r.steps[0]?.pipeline[0]?.argv;
};

describe("words and quoting", () => {
  const cases: [string, string[]][] = [
    ["kubectl get pods", ["kubectl", "get", "pods"]],
    ["  kubectl   get\tpods  ", ["kubectl", "get", "pods"]],
    ["kubectl get pods -l 'app=web, tier in (a,b)'", ["kubectl", "get", "pods", "-l", "app=web, tier in (a,b)"]],
    ['kubectl get pods -o "jsonpath={.items[*].metadata.name}"', ["kubectl", "get", "pods", "-o", "jsonpath={.items[*].metadata.name}"]],
    ["kubectl get pods -o=jsonpath='{.items[0].spec.containers[0].image}'", ["kubectl", "get", "pods", "-o=jsonpath={.items[0].spec.containers[0].image}"]],
    [`echo "a \\"quoted\\" \\$x \\\\ \\n"`, ["echo", 'a "quoted" $x \\ \\n']],
    ["echo a\\ b c\\'d", ["echo", "a b", "c'd"]],
    ["echo '' \"\" x''y", ["echo", "", "", "xy"]],
    ["echo $'tab\\there' $'it\\'s'", ["echo", "tab\there", "it's"]],
    ["kubectl --namespace=$NS get pods", ["kubectl", "--namespace=shop", "get", "pods"]],
    ['echo "${NS}-x" ${MISSING:-fallback} ${EMPTY:-e} ${EMPTY-e}', ["echo", "shop-x", "fallback", "e"]],
    ["echo $MISSING end", ["echo", "end"]],
    ['echo "$MISSING" end', ["echo", "", "end"]],
    ["echo ~ ~/x a~", ["echo", "/home/learner", "/home/learner/x", "a~"]],
    ["echo '$NS' \"$NS\"", ["echo", "$NS", "shop"]],
    ["echo a#b # a comment", ["echo", "a#b"]],
    ["echo *.yaml [ab] {a,b}", ["echo", "*.yaml", "[ab]", "{a,b}"]],
    ["echo $ a$ $/", ["echo", "$", "a$", "$/"]],
    ["kubectl get pods \\\n  -n shop \\\n  -o wide", ["kubectl", "get", "pods", "-n", "shop", "-o", "wide"]],
    ["echo 'multi\nline'", ["echo", "multi\nline"]],
    ["kubectl exec -it web -- sh -c 'echo $HOME; ls'", ["kubectl", "exec", "-it", "web", "--", "sh", "-c", "echo $HOME; ls"]],
  ];
  for (const [input, argv] of cases) it(JSON.stringify(input), () => expect(argvOf(input)).toEqual(argv));

  it("CRLF line endings are plain newlines", () => {
    expect(shape("echo a\r\necho b\r\n")).toEqual([
      { runIf: "always", pipeline: [["echo", "a"]] },
      { runIf: "always", pipeline: [["echo", "b"]] },
    ]);
  });
  it("a blank line or a comment is no step", () => {
    expect(shape("")).toEqual([]);
    expect(shape("   # just a comment")).toEqual([]);
  });
});

describe("pipes and lists", () => {
  it("pipes", () => {
    expect(shape("kubectl get pods | grep web | wc -l")).toEqual([
      { runIf: "always", pipeline: [["kubectl", "get", "pods"], ["grep", "web"], ["wc", "-l"]] },
    ]);
  });
  it("a newline after a pipe continues it", () => {
    expect(shape("kubectl get pods |\n  grep web")).toEqual([{ runIf: "always", pipeline: [["kubectl", "get", "pods"], ["grep", "web"]] }]);
  });
  it("; && || and newlines", () => {
    expect(shape("a; b && c || d\ne")).toEqual([
      { runIf: "always", pipeline: [["a"]] },
      { runIf: "always", pipeline: [["b"]] },
      { runIf: "if-success", pipeline: [["c"]] },
      { runIf: "if-failure", pipeline: [["d"]] },
      { runIf: "always", pipeline: [["e"]] },
    ]);
  });
  it("a trailing ; is fine", () => expect(shape("echo a;")).toEqual([{ runIf: "always", pipeline: [["echo", "a"]] }]));
  it("|& pipes stderr too", () => {
    const r = parseShellLine("kubectl logs x |& grep err");
    expect(r.ok && r.steps[0].pipeline[0].redirects).toEqual([{ fd: 2, op: ">&", target: "1" }]);
  });
});

describe("redirections, heredocs, here-strings", () => {
  it("heredoc feeds stdin of its command", () => {
    const r = parseShellLine("kubectl apply -f - <<EOF\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: $NS\nEOF", { env });
    expect(r.ok && r.pipeline).toEqual([
      {
        argv: ["kubectl", "apply", "-f", "-"],
        stdin: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: shop\n",
        redirects: [{ fd: 0, op: "<<", target: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: shop\n" }],
      },
    ]);
  });
  it("a quoted delimiter keeps the body literal", () => {
    for (const d of ["'EOF'", '"EOF"', "\\EOF", "E'O'F"]) {
      const r = parseShellLine(`cat <<${d}\n$NS \\$x \`y\`\nEOF`, { env });
      expect(r.ok && r.pipeline[0].stdin).toBe("$NS \\$x `y`\n");
    }
  });
  it("an unquoted body unescapes \\$ and joins \\-newlines", () => {
    const r = parseShellLine("cat <<EOF\na \\$NS \\\\ b\\\nc\nEOF", { env });
    expect(r.ok && r.pipeline[0].stdin).toBe("a $NS \\ bc\n");
  });
  it("<<- strips leading tabs", () => {
    const r = parseShellLine("cat <<-END\n\t\tkey: v\n\tEND\necho after");
    expect(r.ok && r.steps.map((s) => s.pipeline[0].stdin ?? s.pipeline[0].argv)).toEqual(["key: v\n", ["echo", "after"]]);
  });
  it("a heredoc with a pipe after it", () => {
    expect(shape("cat <<EOF | grep b\na\nb\nEOF")).toEqual([{ runIf: "always", pipeline: [["cat"], ["grep", "b"]] }]);
  });
  it("two heredocs on one line are read in order", () => {
    const r = parseShellLine("cat <<A; cat <<B\none\nA\ntwo\nB\n");
    expect(r.ok && r.steps.map((s) => s.pipeline[0].stdin)).toEqual(["one\n", "two\n"]);
  });
  it("an empty heredoc", () => {
    const r = parseShellLine("cat <<EOF\nEOF");
    expect(r.ok && r.pipeline[0].stdin).toBe("");
  });
  it("a heredoc without its delimiter warns like bash and keeps the body", () => {
    const r = parseShellLine("cat <<EOF\nabc");
    expect(r).toMatchObject({
      ok: true,
      warnings: ["bash: warning: here-document at line 1 delimited by end-of-file (wanted `EOF')\n"],
    });
    expect(r.ok && r.pipeline[0].stdin).toBe("abc\n");
  });
  it("here-string", () => {
    const r = parseShellLine("base64 -d <<< 'aGk='");
    expect(r.ok && r.pipeline[0].stdin).toBe("aGk=\n");
  });
  it("output redirections", () => {
    const r = parseShellLine("kubectl get pods > out.txt 2>/dev/null; a >> log 2>&1; b &>all");
    expect(r.ok && r.steps.map((s) => s.pipeline[0].redirects)).toEqual([
      [{ fd: 1, op: ">", target: "out.txt" }, { fd: 2, op: ">", target: "/dev/null" }],
      [{ fd: 1, op: ">>", target: "log" }, { fd: 2, op: ">&", target: "1" }],
      [{ fd: 1, op: ">", target: "all" }, { fd: 2, op: ">&", target: "1" }],
    ]);
  });
  it("a digit word not touching > is an argument", () => {
    expect(argvOf("kubectl scale deploy web --replicas 2 > x")).toEqual(["kubectl", "scale", "deploy", "web", "--replicas", "2"]);
  });
});

describe("bash's errors", () => {
  const cases: [string, string][] = [
    ["echo 'abc", "bash: unexpected EOF while looking for matching `''\n"],
    ['echo "abc', "bash: unexpected EOF while looking for matching `\"'\n"],
    ["echo `abc", "bash: unexpected EOF while looking for matching ``'\n"],
    ["echo $(abc", "bash: unexpected EOF while looking for matching `)'\n"],
    ["| grep x", "bash: syntax error near unexpected token `|'\n"],
    ["echo a ;; b", "bash: syntax error near unexpected token `;;'\n"],
    ["echo >", "bash: syntax error near unexpected token `newline'\n"],
    ["echo > | x", "bash: syntax error near unexpected token `|'\n"],
    ["echo a && && b", "bash: syntax error near unexpected token `&&'\n"],
    ["echo a | | b", "bash: syntax error near unexpected token `|'\n"],
    ["; echo", "bash: syntax error near unexpected token `;'\n"],
    ["echo )", "bash: syntax error near unexpected token `)'\n"],
    ["&& echo", "bash: syntax error near unexpected token `&&'\n"],
    ["echo <<", "bash: syntax error near unexpected token `newline'\n"],
    ["echo a ||", "bash: syntax error: unexpected end of file\n"],
    ["kubectl get pods |", "bash: syntax error: unexpected end of file\n"],
  ];
  for (const [input, error] of cases) {
    it(JSON.stringify(input), () => expect(parseShellLine(input)).toEqual({ ok: false, error, exitCode: 2 }));
  }
  it("unsupported features say so", () => {
    for (const input of ["echo $(date)", "echo `date`", "sleep 1 &", "(cd x)", "echo $((1+2))"]) {
      const r = parseShellLine(input);
      expect(r.ok ? "" : r.error).toMatch(/is not supported in this simulated terminal\n$/);
    }
  });
  it("bad substitution exits 1", () => {
    expect(parseShellLine("echo ${x/a/b}")).toEqual({ ok: false, error: "bash: ${x/a/b}: bad substitution\n", exitCode: 1 });
  });
});

describe("isIncomplete", () => {
  const incomplete = [
    "echo 'abc",
    'echo "abc',
    "kubectl get pods \\",
    "kubectl apply -f - <<EOF",
    "kubectl apply -f - <<EOF\napiVersion: v1",
    "cat <<'EOF'\nkind: Pod\n",
    "kubectl get pods |",
    "kubectl get pods &&",
    "a ||\n",
    "echo ${x",
    "echo $(ls",
  ];
  const complete = [
    "kubectl get pods",
    "echo 'abc'",
    "kubectl apply -f - <<EOF\nkind: Pod\nEOF",
    "kubectl get pods | grep x",
    "",
    "| grep",
    "echo a \\\\",
  ];
  for (const input of incomplete) it(`incomplete: ${JSON.stringify(input)}`, () => expect(isIncomplete(input)).toBe(true));
  for (const input of complete) it(`complete: ${JSON.stringify(input)}`, () => expect(isIncomplete(input)).toBe(false));
});
