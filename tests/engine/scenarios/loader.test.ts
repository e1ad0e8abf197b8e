import { describe, expect, it } from "vitest";
import { loadCatalogueFromSources, parseScenario, ScenarioError } from "../../../engine/scenario/loader";
import { drawParams, everyVariant } from "../../../engine/scenario/params";
import { base64, renderDeep, renderText, TemplateError } from "../../../engine/scenario/template";
import { parseDuration } from "../../../engine/scenario/duration";
import { getAtPath } from "../../../engine/scenario/object-path";
import { FIXTURE_YAML } from "./fixture";

function issuesOf(text: string, path = "scenarios/x.yaml"): string[] {
  try {
    parseScenario({ path, text });
  } catch (e) {
    if (e instanceof ScenarioError) return e.issues;
    throw e;
  }
  return [];
}

describe("templates", () => {
  it("renders parameters and filters", () => {
    expect(renderText("image: {{ image }}:{{tag}}", { image: "nginx", tag: "1.27" })).toBe("image: nginx:1.27");
    expect(renderText("{{ pw | b64 }} {{ a | upper }} {{ a | json }}", { pw: "s3cr3t", a: "x" })).toBe(`${base64("s3cr3t")} X "x"`);
    expect(base64("shop-ci:s3cr3t-pull-token")).toBe(Buffer.from("shop-ci:s3cr3t-pull-token").toString("base64"));
    expect(base64("ab")).toBe("YWI=");
  });
  it("leaves other braces alone and refuses unknown names", () => {
    expect(renderText("-o jsonpath='{.items[*].metadata.name}'", {})).toBe("-o jsonpath='{.items[*].metadata.name}'");
    expect(() => renderText("{{ nope }}", {})).toThrow(TemplateError);
    expect(() => renderText("{{ a | rot13 }}", { a: "x" })).toThrow(/unknown template filter/);
  });
  it("keeps the type of a whole-string reference", () => {
    expect(renderDeep({ min: "{{ n }}", msg: "n={{ n }}", list: ["{{ flag }}"] }, { n: 3, flag: true })).toEqual({ min: 3, msg: "n=3", list: [true] });
  });
});

describe("durations and paths", () => {
  it("parses scenario durations", () => {
    expect(parseDuration("90s")).toBe(90_000);
    expect(parseDuration("1h30m")).toBe(5_400_000);
    expect(parseDuration("2d")).toBe(172_800_000);
    expect(parseDuration("250ms")).toBe(250);
    expect(() => parseDuration("2 days")).toThrow();
  });
  it("walks object paths with selectors", () => {
    const obj = { spec: { containers: [{ name: "a", env: [{ name: "X", value: "1" }] }, { name: "b", image: "i" }] }, metadata: { labels: { "app.kubernetes.io/name": "web" } } };
    expect(getAtPath(obj, "spec.containers[name=b].image")).toBe("i");
    expect(getAtPath(obj, "spec.containers[0].env[name=X].value")).toBe("1");
    expect(getAtPath(obj, 'metadata.labels["app.kubernetes.io/name"]')).toBe("web");
    expect(getAtPath(obj, "spec.containers[name=z].image")).toBeUndefined();
  });
});

describe("variants", () => {
  it("draws deterministically, and different seeds reach different variants", () => {
    const s = parseScenario({ path: "f.yaml", text: FIXTURE_YAML });
    expect(drawParams(s.file, 7)).toEqual(drawParams(s.file, 7));
    const names = new Set(Array.from({ length: 20 }, (_, i) => drawParams(s.file, i).variant));
    expect(names.size).toBe(3);
    const replicas = new Set(Array.from({ length: 20 }, (_, i) => drawParams(s.file, i).values.replicas));
    expect([...replicas].sort()).toEqual([2, 3]);
  });
  it("enumerates every variant and choice for validation", () => {
    const s = parseScenario({ path: "f.yaml", text: FIXTURE_YAML });
    expect(everyVariant(s.file).length).toBe(6);
  });
});

describe("loader errors", () => {
  it("accepts the fixture", () => {
    expect(issuesOf(FIXTURE_YAML)).toEqual([]);
  });
  it("names the file and the field at fault", () => {
    const bad = FIXTURE_YAML.replace("kind: sameUid", "kind: sameUUID");
    const issues = issuesOf(bad, "scenarios/pending-cpu.yaml");
    expect(issues[0]).toMatch(/^scenarios\/pending-cpu\.yaml: checks\[1\]\.kind: /);
  });
  it("reports enum and type errors", () => {
    expect(issuesOf(FIXTURE_YAML.replace("family: image-pull", "family: imagepull"))[0]).toMatch(/^scenarios\/x\.yaml: family: Invalid option/);
    expect(issuesOf(FIXTURE_YAML.replace("par: 4", "par: many"))[0]).toMatch(/^scenarios\/x\.yaml: par: /);
  });
  it("finds unknown template parameters in any variant", () => {
    const issues = issuesOf(FIXTURE_YAML.replace("image: nginx:{{ tag }}-typo", "image: nginx:{{ tagg }}"));
    expect(issues.some((i) => /manifests \(variant "a"\): unknown parameter "tagg"/.test(i))).toBe(true);
  });
  it("finds broken manifests and unknown kinds", () => {
    expect(issuesOf(FIXTURE_YAML.replace("kind: Secret", "kind: Sekret")).some((i) => /manifests .*unknown kind "Sekret"/.test(i))).toBe(true);
  });
  it("refuses a field the API does not declare, as kubectl apply would", () => {
    const typo = FIXTURE_YAML.replace("image: nginx:{{ tag }}-typo", "image: nginx:{{ tag }}-typo\n            imagePullPolicyy: Always");
    expect(issuesOf(typo).some((i) => /manifests .*unknown field "spec\.template\.spec\.containers\[0\]\.imagePullPolicyy"/.test(i))).toBe(true);
  });
  it("checks cross references, hint count and variant count", () => {
    expect(issuesOf(FIXTURE_YAML.replace("fails: [same]", "fails: [nope]"))).toContain('scenarios/x.yaml: nonFixes[0].fails[0]: no check with id "nope"');
    expect(issuesOf(FIXTURE_YAML.replace("  - Look at the events of a pod.\n", "")).some((i) => /hints: Too small/.test(i))).toBe(true);
    const twoVariants = FIXTURE_YAML.replace(/    - name: c\n.*\n/, "");
    expect(issuesOf(twoVariants)).toContain("scenarios/x.yaml: params.variants: a scenario needs at least 3 variants (has 2)");
  });
  it("reports YAML syntax errors with the path", () => {
    expect(issuesOf("id: [unclosed\n")[0]).toMatch(/^scenarios\/x\.yaml: /);
  });
  it("rejects duplicate ids across files", () => {
    expect(() => loadCatalogueFromSources([{ path: "a.yaml", text: FIXTURE_YAML }, { path: "b.yaml", text: FIXTURE_YAML }])).toThrow(/already used by a\.yaml/);
  });
});
