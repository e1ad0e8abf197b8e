/**
 * Builds `schema-data.json`, the field documentation `kubectl explain` prints, from the
 * Kubernetes OpenAPI descriptions that the installed `kubernetes-models` packages carry in
 * their type declarations (JSDoc on every interface and property) and compiled validators
 * (integer versus number). Run: `npx tsx engine/kubectl/explain/generate.ts`.
 *
 * Nothing here is invented: every description is the package's text, except where the
 * package has none (Quantity): those come verbatim from the upstream OpenAPI v3 spec, kept in
 * `upstream-definitions.json`; any other gap is reported as a warning, not filled.
 */
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import ts from "typescript";
import type { ExplainData, SchemaDef, SchemaField } from "./schema";

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), "../../..");
const MODELS = join(ROOT, "node_modules/kubernetes-models");
const MACHINERY = join(ROOT, "node_modules/@kubernetes-models/apimachinery");
const BASE_META = join(ROOT, "node_modules/@kubernetes-models/base/dist/meta.d.ts");
const HERE = dirname(new URL(import.meta.url).pathname);
const OUT = join(HERE, "schema-data.json");
/** Definition descriptions the package omits, copied verbatim from the upstream OpenAPI v3 spec. */
const UPSTREAM = JSON.parse(readFileSync(join(HERE, "upstream-definitions.json"), "utf8")) as Record<string, { description?: string }>;

/** The kinds the simulated API server serves, with the declaration file of each. */
const KIND_FILES: Record<string, string> = {
  Pod: "v1/Pod.d.ts",
  Service: "v1/Service.d.ts",
  Endpoints: "v1/Endpoints.d.ts",
  ConfigMap: "v1/ConfigMap.d.ts",
  Secret: "v1/Secret.d.ts",
  ServiceAccount: "v1/ServiceAccount.d.ts",
  Namespace: "v1/Namespace.d.ts",
  Node: "v1/Node.d.ts",
  PersistentVolume: "v1/PersistentVolume.d.ts",
  PersistentVolumeClaim: "v1/PersistentVolumeClaim.d.ts",
  Event: "v1/Event.d.ts",
  Deployment: "apps/v1/Deployment.d.ts",
  ReplicaSet: "apps/v1/ReplicaSet.d.ts",
  StatefulSet: "apps/v1/StatefulSet.d.ts",
  DaemonSet: "apps/v1/DaemonSet.d.ts",
  ControllerRevision: "apps/v1/ControllerRevision.d.ts",
  Job: "batch/v1/Job.d.ts",
  CronJob: "batch/v1/CronJob.d.ts",
  StorageClass: "storage.k8s.io/v1/StorageClass.d.ts",
  LimitRange: "v1/LimitRange.d.ts",
  PodTemplate: "v1/PodTemplate.d.ts",
  ReplicationController: "v1/ReplicationController.d.ts",
  ResourceQuota: "v1/ResourceQuota.d.ts",
  HorizontalPodAutoscaler: "autoscaling/v2/HorizontalPodAutoscaler.d.ts",
  EndpointSlice: "discovery.k8s.io/v1/EndpointSlice.d.ts",
  IngressClass: "networking.k8s.io/v1/IngressClass.d.ts",
  Ingress: "networking.k8s.io/v1/Ingress.d.ts",
  NetworkPolicy: "networking.k8s.io/v1/NetworkPolicy.d.ts",
  PodDisruptionBudget: "policy/v1/PodDisruptionBudget.d.ts",
  PriorityClass: "scheduling.k8s.io/v1/PriorityClass.d.ts",
  ClusterRoleBinding: "rbac.authorization.k8s.io/v1/ClusterRoleBinding.d.ts",
  ClusterRole: "rbac.authorization.k8s.io/v1/ClusterRole.d.ts",
  RoleBinding: "rbac.authorization.k8s.io/v1/RoleBinding.d.ts",
  Role: "rbac.authorization.k8s.io/v1/Role.d.ts",
};

/** `IoK8sApiCoreV1Probe` → `io.k8s.api.core.v1.Probe` (the OpenAPI definition name). */
function definitionName(id: string): string {
  const machinery: [string, string][] = [
    ["IoK8sApimachineryPkgApisMetaV1", "io.k8s.apimachinery.pkg.apis.meta.v1."],
    ["IoK8sApimachineryPkgUtilIntstr", "io.k8s.apimachinery.pkg.util.intstr."],
    ["IoK8sApimachineryPkgApiResource", "io.k8s.apimachinery.pkg.api.resource."],
    ["IoK8sApimachineryPkgRuntime", "io.k8s.apimachinery.pkg.runtime."],
  ];
  for (const [prefix, dotted] of machinery) if (id.startsWith(prefix)) return dotted + id.slice(prefix.length);
  const m = /^IoK8sApi([A-Z][a-z0-9]*)(V\d+(?:(?:alpha|beta)\d+)?)([A-Z].*)$/.exec(id);
  if (!m) throw new Error(`cannot name definition ${id}`);
  return `io.k8s.api.${m[1].toLowerCase()}.${m[2].toLowerCase()}.${m[3]}`;
}

/** The text of a JSDoc block as the OpenAPI description it was generated from. */
function jsDocText(node: ts.Node, source: ts.SourceFile): string | undefined {
  const ranges = ts.getLeadingCommentRanges(source.text, node.getFullStart()) ?? [];
  const doc = ranges.filter((r) => source.text.startsWith("/**", r.pos)).pop();
  if (!doc) return undefined;
  const body = source.text.slice(doc.pos + 3, doc.end - 2);
  const lines = body.split("\n").map((l) => l.replace(/^\s*\* ?/, ""));
  while (lines.length && lines[0].trim() === "") lines.shift();
  while (lines.length && lines[lines.length - 1].trim() === "") lines.pop();
  return lines.join("\n").replace(/\*\\\//g, "*/");
}

/** One parsed declaration file: its imports (identifier → file) and its source. */
interface ParsedFile {
  source: ts.SourceFile;
  imports: Map<string, string>;
}

const parsed = new Map<string, ParsedFile>();

function parseFile(file: string): ParsedFile {
  const hit = parsed.get(file);
  if (hit) return hit;
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);
  const imports = new Map<string, string>();
  for (const st of source.statements) {
    if (!ts.isImportDeclaration(st) || !st.importClause?.namedBindings || !ts.isNamedImports(st.importClause.namedBindings)) continue;
    const spec = (st.moduleSpecifier as ts.StringLiteral).text;
    let target: string;
    if (spec.startsWith("@kubernetes-models/apimachinery/")) target = join(MACHINERY, spec.slice("@kubernetes-models/apimachinery/".length) + ".d.ts");
    else if (spec.startsWith(".")) target = resolve(dirname(file), spec + ".d.ts");
    else continue;
    for (const el of st.importClause.namedBindings.elements) imports.set(el.name.text, target);
  }
  const result = { source, imports };
  parsed.set(file, result);
  return result;
}

/** The compiled validator of a definition, for telling integers from numbers. */
function validatorSource(defName: string): string {
  const id = defName
    .split(".")
    .map((s) => s.charAt(0).toUpperCase() + s.slice(1))
    .join("");
  for (const dir of [join(MODELS, "_schemas"), join(MACHINERY, "_schemas")]) {
    const f = join(dir, id + ".js");
    if (existsSync(f)) return readFileSync(f, "utf8");
  }
  return "";
}

/** Whether the validator checks property `prop` as an OpenAPI `integer` (else `number`). */
function numericType(validator: string, prop: string, warnings: string[], where: string): "integer" | "number" {
  const at = validator.indexOf(`void 0===data.${prop}||`);
  if (at >= 0) {
    const call = /^void 0===data\.[A-Za-z0-9_]+\|\|(validate\d+)\(/.exec(validator.slice(at));
    let body: string;
    if (call) {
      const start = validator.indexOf(`function ${call[1]}(`);
      const end = validator.indexOf("function validate", start + 10);
      body = validator.slice(start, end < 0 ? undefined : end);
    } else {
      const next = validator.indexOf("void 0===data.", at + 10);
      body = validator.slice(at, next < 0 ? undefined : next);
    }
    if (body.includes('type:"integer"')) return "integer";
    if (body.includes('type:"number"')) return "number";
  }
  warnings.push(`${where}.${prop}: numeric type not found in validator; assuming integer`);
  return "integer";
}

function main(): void {
  const warnings: string[] = [];
  const defs: Record<string, SchemaDef> = {};
  const meta = parseFile(BASE_META);
  const typeMeta = new Map<string, string>();
  for (const st of meta.source.statements) {
    if (ts.isInterfaceDeclaration(st) && st.name.text === "TypeMeta") {
      for (const m of st.members) if (ts.isPropertySignature(m)) typeMeta.set((m.name as ts.Identifier).text, jsDocText(m, meta.source) ?? "");
    }
  }

  /** Reads the type of a property into the compact notation `SchemaField.t`. */
  function typeOf(node: ts.TypeNode, file: ParsedFile, where: string, prop: string, validator: string): { t: string; e?: string[] } {
    if (node.kind === ts.SyntaxKind.StringKeyword) return { t: "string" };
    if (node.kind === ts.SyntaxKind.BooleanKeyword) return { t: "boolean" };
    if (node.kind === ts.SyntaxKind.NumberKeyword) return { t: numericType(validator, prop, warnings, where) };
    if (ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal)) return { t: "string", e: [node.literal.text] };
    if (ts.isUnionTypeNode(node) && node.types.every((u) => ts.isLiteralTypeNode(u) && ts.isStringLiteral(u.literal))) {
      return { t: "string", e: node.types.map((u) => ((u as ts.LiteralTypeNode).literal as ts.StringLiteral).text) };
    }
    if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName)) {
      const name = node.typeName.text;
      if (name === "Array" && node.typeArguments?.length === 1) {
        const inner = node.typeArguments[0];
        // Arrays of numbers: the validator checks the items inside the property's function.
        const item = typeOf(inner, file, where, prop, validator);
        return { t: "[]" + item.t };
      }
      return { t: "@" + resolveRef(name, file) };
    }
    if (ts.isTypeLiteralNode(node) && node.members.length === 1 && ts.isIndexSignatureDeclaration(node.members[0])) {
      const value = typeOf(node.members[0].type, file, where, prop, validator);
      return { t: "map[string]" + value.t };
    }
    if (ts.isTypeLiteralNode(node)) {
      // The package inlines an embedded kind (StatefulSet's volumeClaimTemplates are
      // PersistentVolumeClaims); the OpenAPI spec references it: follow its spec's type.
      const spec = node.members.find((m): m is ts.PropertySignature => ts.isPropertySignature(m) && (m.name as ts.StringLiteral).text === "spec");
      if (spec?.type && ts.isTypeReferenceNode(spec.type) && ts.isIdentifier(spec.type.typeName) && spec.type.typeName.text.endsWith("Spec")) {
        const specId = spec.type.typeName.text;
        const kindId = specId.slice(0, -"Spec".length);
        const specFile = file.imports.get(specId);
        if (specFile) {
          const kindFile = specFile.replace(/Spec\.d\.ts$/, ".d.ts");
          const name = definitionName(kindId.replace(/^I(?=IoK8s)/, ""));
          if (!defs[name]) readDefinition(kindFile, name, true);
          return { t: "@" + name };
        }
      }
    }
    if (node.kind === ts.SyntaxKind.AnyKeyword || node.kind === ts.SyntaxKind.ObjectKeyword || node.kind === ts.SyntaxKind.UnknownKeyword) return { t: "object" };
    if (ts.isTypeLiteralNode(node) && node.members.length === 0) return { t: "object" };
    throw new Error(`${where}.${prop}: unsupported type ${node.getText()}`);
  }

  /** Resolves an imported interface name to its definition, reading it on first use. */
  function resolveRef(identifier: string, file: ParsedFile): string {
    const target = file.imports.get(identifier);
    if (!target) throw new Error(`unresolved import ${identifier} in ${file.source.fileName}`);
    const id = identifier.replace(/^I(?=IoK8s)/, "");
    const name = definitionName(id);
    if (!defs[name]) readDefinition(target, name);
    return name;
  }

  /** Reads one declaration file's interface (or primitive alias) into `defs[name]`. */
  function readDefinition(path: string, name: string, kindTypeMeta = false): void {
    const file = parseFile(path);
    const short = name.slice(name.lastIndexOf(".") + 1);
    const def: SchemaDef = {};
    defs[name] = def;
    const validator = validatorSource(name);
    for (const st of file.source.statements) {
      if (ts.isTypeAliasDeclaration(st) && st.name.text === "I" + short) {
        const d = jsDocText(st, file.source);
        if (d !== undefined) def.d = d;
        else if (UPSTREAM[name]?.description) def.d = UPSTREAM[name].description;
        else warnings.push(`${name}: no description in the package`);
        // Kubernetes' OpenAPI v3 gives these a oneOf of types and no `type`; Time-like aliases are strings.
        if (st.type.kind === ts.SyntaxKind.StringKeyword) def.type = "string";
        else if (ts.isUnionTypeNode(st.type)) def.type = "";
        else def.type = "object";
        return;
      }
      if (!ts.isInterfaceDeclaration(st) || st.name.text !== "I" + short) continue;
      const d = jsDocText(st, file.source);
      if (d !== undefined) def.d = d;
      const props: Record<string, SchemaField> = {};
      const required: string[] = [];
      for (const m of st.members) {
        if (!ts.isPropertySignature(m) || !m.type) continue;
        const prop = ts.isStringLiteral(m.name) ? m.name.text : (m.name as ts.Identifier).text;
        if (kindTypeMeta && (prop === "apiVersion" || prop === "kind")) {
          props[prop] = { t: "string", d: typeMeta.get(prop) ?? "" };
          continue;
        }
        const field: SchemaField = typeOf(m.type, file, name, prop, validator);
        const fd = jsDocText(m, file.source);
        if (fd !== undefined) field.d = fd;
        props[prop] = field;
        if (!m.questionToken) required.push(prop);
      }
      def.p = props;
      if (required.length) def.r = required;
      return;
    }
    throw new Error(`no declaration of ${short} in ${path}`);
  }

  const kinds: ExplainData["kinds"] = {};
  for (const [kind, rel] of Object.entries(KIND_FILES)) {
    const path = join(MODELS, rel);
    const file = parseFile(path);
    const iface = file.source.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === "I" + kind);
    if (!iface) throw new Error(`no interface I${kind} in ${rel}`);
    const apiVersionProp = iface.members.find((m) => ts.isPropertySignature(m) && (m.name as ts.StringLiteral).text === "apiVersion") as ts.PropertySignature;
    const apiVersion = ((apiVersionProp.type as ts.LiteralTypeNode).literal as ts.StringLiteral).text;
    const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
    const groupPkg = group === "" ? "core" : group.split(".")[0];
    const name = `io.k8s.api.${groupPkg}.${version}.${kind}`;
    readDefinition(path, name, true);
    kinds[kind] = { group, version, ref: name };
  }

  const sortedDefs: Record<string, SchemaDef> = {};
  for (const k of Object.keys(defs).sort()) sortedDefs[k] = defs[k];
  const pkg = JSON.parse(readFileSync(join(MODELS, "package.json"), "utf8")) as { version: string };
  const data: ExplainData = {
    source: `kubernetes-models ${pkg.version} (type declarations generated from the Kubernetes OpenAPI spec)`,
    kinds,
    defs: sortedDefs,
  };
  writeFileSync(OUT, JSON.stringify(data) + "\n");
  for (const w of warnings) console.warn("warning:", w);
  console.log(`${Object.keys(kinds).length} kinds, ${Object.keys(defs).length} definitions → ${OUT}`);
}

main();
