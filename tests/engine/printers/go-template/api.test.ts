/** The go-template printer's exported API, without the kubectl oracle. */
import { describe, expect, it } from "vitest";
import { goTemplatePrinterFor, parseGoTemplate, printGoTemplate } from "../../../../engine/kubectl/printers/go-template";
import { sprintf } from "../../../../engine/kubectl/printers/go-template/fmt";
import { fromJson } from "../../../../engine/kubectl/printers/go-template/values";

const secret = { apiVersion: "v1", kind: "Secret", metadata: { name: "db" }, data: { password: "czNjcjN0", user: "YWRtaW4=" } };

function run(template: string, data: unknown, allowMissingKeys = true): string {
  const p = parseGoTemplate(template, allowMissingKeys);
  if (!p.ok) throw new Error(p.error);
  const r = printGoTemplate(p.printer, data);
  return r.ok ? r.text : `${r.text}|${r.error}`;
}

describe("go-template printer API", () => {
  it("decodes secrets", () => {
    expect(run("{{.data.password | base64decode}}", secret)).toBe("s3cr3t");
    expect(run('{{range $k, $v := .data}}{{$k}}: {{$v | base64decode}}{{"\\n"}}{{end}}', secret)).toBe("password: s3cr3t\nuser: admin\n");
  });
  it("prints maps, lists, numbers and missing keys as Go does", () => {
    expect(run("{{.a}} {{.b}} {{.c}} {{.d}} {{.e}} {{.nope}}", { a: { y: 1, x: [1, "s", null] }, b: 3, c: 0.5, d: 1e21, e: null })).toBe("map[x:[1 s <nil>] y:1] 3 0.5 1e+21 <no value> <no value>");
  });
  it("reports parse errors with kubectl's prefix", () => {
    expect(goTemplatePrinterFor("go-template={{.a}", "", true)).toEqual({ ok: false, error: "error: error parsing template {{.a}, template: output:1: bad character U+007D '}'" });
    expect(goTemplatePrinterFor("go-template", "", true)).toEqual({ ok: false, error: "error: template format specified but no template given" });
    expect(goTemplatePrinterFor("yaml", "", true)).toBeUndefined();
  });
  it("reports execution errors with the debugging dump on stdout", () => {
    const p = parseGoTemplate("x{{.a.b}}", false);
    if (!p.ok) throw new Error(p.error);
    const r = printGoTemplate(p.printer, { c: 1 });
    expect(r).toEqual({
      ok: false,
      text: 'xError executing template: template: output:1:5: executing "output" at <.a.b>: map has no entry for key "a". Printing more information for debugging the template:\n\ttemplate was:\n\t\tx{{.a.b}}\n\traw data was:\n\t\t{"c":1}\n\tobject given to template engine was:\n\t\tmap[c:1]\n\n',
      error: 'error: error executing template "x{{.a.b}}": template: output:1:5: executing "output" at <.a.b>: map has no entry for key "a"',
    });
  });
  it("formats with Go's fmt verbs", () => {
    const v = (x: unknown) => fromJson(x, false);
    expect(sprintf("%5s|%-4d|%05.1f|%q|%x|%v|%d", [v("ab"), v(7), v(3.14159), v('a"b'), v(255), v([1, "a"]), v("s")])).toBe('   ab|7   |003.1|"a\\"b"|ff|[1 a]|%!d(string=s)');
  });
  it("renders a 50-pod list quickly", () => {
    const items = Array.from({ length: 50 }, (_, i) => ({ metadata: { name: `p-${i}`, labels: { app: "web" } }, status: { podIP: `10.0.0.${i}`, phase: "Running" } }));
    const p = parseGoTemplate('{{range .items}}{{.metadata.name}} {{.status.podIP}} {{if eq .status.phase "Running"}}up{{end}}{{"\\n"}}{{end}}');
    if (!p.ok) throw new Error(p.error);
    printGoTemplate(p.printer, { items });
    const t0 = performance.now();
    for (let i = 0; i < 20; i++) printGoTemplate(p.printer, { items });
    expect((performance.now() - t0) / 20).toBeLessThan(5);
  });
});
