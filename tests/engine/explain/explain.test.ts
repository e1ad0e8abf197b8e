/**
 * `kubectl explain`: every case in cases.json against golden files that were written by the
 * real kubectl v1.32 (`explain-oracle.py --write-goldens` serves our schema data as OpenAPI v3
 * to /usr/lib/google-cloud-sdk/bin/kubectl.1.32). UPDATE_GOLDEN=1 rewrites them from the engine.
 * Golden format: stdout, then `[stderr]` and stderr, then `[exit N]` when N != 0.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runKubectl } from "../../../engine/kubectl/kubectl";
import { explainData } from "../../../engine/kubectl/explain/schema";
import { renderOpenAPIV2, wrapLines } from "../../../engine/kubectl/explain/render-v2";
import { wrapString } from "../../../engine/kubectl/explain/wordwrap";
import { KINDS } from "../../../engine/model/kinds";
import { fixtureCluster } from "../printers/fixtures";
import { expectGolden } from "../describe/golden-file";

const HERE = import.meta.dirname;
const cases = JSON.parse(readFileSync(join(HERE, "cases.json"), "utf8")) as Record<string, string>;

function explain(line: string): { stdout: string; stderr: string; exitCode: number } {
  return runKubectl(fixtureCluster(), line.split(" "), undefined, { namespace: "default" });
}

function goldenText(r: { stdout: string; stderr: string; exitCode: number }): string {
  let text = r.stdout;
  if (r.stderr) text += "[stderr]\n" + r.stderr;
  if (r.exitCode !== 0) text += `[exit ${r.exitCode}]\n`;
  return text;
}

describe("kubectl explain (goldens from the real kubectl v1.32)", () => {
  for (const [name, line] of Object.entries(cases)) {
    it(`${line}`, () => {
      expectGolden(join(HERE, "golden", name + ".txt"), goldenText(explain(line)));
    });
  }
});

describe("kubectl explain", () => {
  it("serves every kind the simulated API server serves", () => {
    for (const k of KINDS) {
      const r = explain(`explain ${k.resource}`);
      expect(r.exitCode, k.kind).toBe(0);
      expect(r.stdout).toContain(`KIND:       ${k.kind}\n`);
      expect(r.stdout).toContain("\nFIELDS:\n");
      expect(r.stdout).toContain("\n  apiVersion\t<string>\n");
    }
  });

  it("takes kinds, singular names and short names, case-insensitively", () => {
    const pod = explain("explain pods.spec").stdout;
    expect(explain("explain po.spec").stdout).toBe(pod);
    expect(explain("explain pod.spec").stdout).toBe(pod);
    expect(explain("explain Pod.spec").stdout).toBe(pod);
  });

  it("marks required fields and cuts enum lists after four values", () => {
    expect(explain("explain pod.spec").stdout).toContain("  containers\t<[]Container> -required-\n");
    expect(explain("explain pod.spec.containers").stdout).toContain("  name\t<string> -required-\n");
    expect(explain("explain node.status.conditions").stdout).toContain("  type\t<string> -required-\n");
  });

  it("--recursive stops at cycles and indents two spaces a level", () => {
    const r = explain("explain pod --recursive");
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain("\n    containers\t<[]Container> -required-\n      args\t<[]string>\n");
    expect(r.stdout.endsWith("\n")).toBe(true);
  });

  it("a path ending at a primitive prints no FIELDS", () => {
    const r = explain("explain pod.spec.nodeName");
    expect(r.stdout).toContain("FIELD: nodeName <string>\n\n\nDESCRIPTION:\n");
    expect(r.stdout).not.toContain("FIELDS:");
  });
});

describe("word wrapping (go-wordwrap v1.0.1)", () => {
  it("breaks at whitespace, keeps newlines, lets long words overflow", () => {
    expect(wrapString("aaa bbb ccc", 7)).toBe("aaa bbb\nccc");
    expect(wrapString("a\n\nb", 10)).toBe("a\n\nb");
    expect(wrapString("x https://example.com/a/very/long/url", 10)).toBe("x\nhttps://example.com/a/very/long/url");
  });
});

describe("explain -o plaintext-openapiv2 (the pre-OpenAPI-v3 printer)", () => {
  it("prints KIND/VERSION, a five-space description and three-space fields", () => {
    const pod = explainData.kinds.Pod;
    const r = renderOpenAPIV2(explainData, pod.ref, { group: "", version: "v1", kind: "Pod" }, [], false);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.text.startsWith("KIND:     Pod\nVERSION:  v1\n\nDESCRIPTION:\n     Pod is a collection of containers that can run on a host. This resource is\n     created by clients and scheduled onto hosts.\n\nFIELDS:\n   apiVersion\t<string>\n")).toBe(true);
  });
  it("names a field RESOURCE when it is an object and FIELD when it is a primitive", () => {
    const gvk = { group: "apps", version: "v1", kind: "Deployment" };
    const ref = explainData.kinds.Deployment.ref;
    const strategy = renderOpenAPIV2(explainData, ref, gvk, ["spec", "strategy"], false);
    expect(strategy.ok && strategy.text.split("\n").slice(0, 4)).toEqual(["KIND:     Deployment", "VERSION:  apps/v1", "", "RESOURCE: strategy <Object>"]);
    const replicas = renderOpenAPIV2(explainData, ref, gvk, ["spec", "replicas"], false);
    expect(replicas.ok && replicas.text.split("\n")[3]).toBe("FIELD:    replicas <integer>");
    expect(renderOpenAPIV2(explainData, ref, gvk, ["spec", "nope"], false)).toEqual({ ok: false, error: 'error: field "nope" does not exist' });
  });
  it("reflows words but keeps blank lines, bullets and breaks after a colon", () => {
    expect(wrapLines("one two\nthree\n\n- a\n- b\nend:\nnext", 80)).toEqual(["one two three", "- a", "- b end:", "next"]);
    expect(wrapLines("a:\nb\n\nc", 80)).toEqual(["a:", "b", "", "c"]);
  });
  it("is reached through the command", () => {
    const r = explain("explain deploy.spec.replicas -o plaintext-openapiv2");
    expect(r.stdout.split("\n").slice(0, 4)).toEqual(["KIND:     Deployment", "VERSION:  apps/v1", "", "FIELD:    replicas <integer>"]);
  });
});
