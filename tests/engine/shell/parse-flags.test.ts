import { describe, expect, it } from "vitest";
import {
  buildCommandTree,
  flagBool,
  flagInt,
  flagString,
  flagStrings,
  parseFlags,
  parseGoDuration,
  parseGoInt,
  resolveCommand,
  KUBECTL_GLOBAL_FLAGS,
  type FlagSpec,
} from "../../../engine/kubectl/args";
import type { FlagDef } from "../../../engine/kubectl/command";

const GET_FLAGS: FlagDef[] = [
  { name: "output", short: "o", type: "string", default: "" },
  { name: "watch", short: "w", type: "bool", default: false },
  { name: "all-namespaces", short: "A", type: "bool", default: false },
  { name: "selector", short: "l", type: "string" },
  { name: "filename", short: "f", type: "stringArray", default: [] },
];
const EXEC_FLAGS: FlagDef[] = [
  { name: "stdin", short: "i", type: "bool" },
  { name: "tty", short: "t", type: "bool" },
  { name: "container", short: "c", type: "string" },
];
const LOGS_FLAGS: FlagSpec[] = [
  { name: "since", type: "duration" },
  { name: "tail", type: "int", default: -1 },
  { name: "previous", short: "p", type: "bool" },
];
const DELETE_FLAGS: FlagSpec[] = [
  { name: "dry-run", type: "string", default: "none", noOptDefault: "unchanged" },
  { name: "now", type: "bool" },
];

const parse = (argv: string[], flags: readonly FlagSpec[] = GET_FLAGS, path = ["get"]) =>
  parseFlags(argv, [...flags, ...KUBECTL_GLOBAL_FLAGS], { commandPath: path });

describe("parseFlags", () => {
  it("namespace in every spelling", () => {
    for (const argv of [["-n", "shop"], ["-nshop"], ["-n=shop"], ["--namespace=shop"], ["--namespace", "shop"]]) {
      const r = parse(["pods", ...argv]);
      expect(r.ok && r.flags.namespace).toBe("shop");
      expect(r.ok && r.positionals).toEqual(["pods"]);
      expect(r.ok && r.changed).toEqual(["namespace"]);
    }
  });
  it("flags anywhere among positionals, defaults for the rest", () => {
    const r = parse(["-o", "wide", "pods", "-w", "web"]);
    expect(r).toMatchObject({ ok: true, positionals: ["pods", "web"], dashArgs: [], sawDash: false });
    expect(r.ok && [r.flags.output, r.flags.watch, r.flags["all-namespaces"], r.flags.selector]).toEqual(["wide", true, false, undefined]);
  });
  it("bools: bare, =false, combined shorthands", () => {
    const r = parse(["-wA", "--watch=false"]);
    expect(r.ok && [r.flags.watch, r.flags["all-namespaces"]]).toEqual([false, true]);
    const e = parseFlags(["x", "-it", "--", "sh", "-c", "ls -la"], [...EXEC_FLAGS, ...KUBECTL_GLOBAL_FLAGS], { commandPath: ["exec"] });
    expect(e).toMatchObject({ ok: true, positionals: ["x"], dashArgs: ["sh", "-c", "ls -la"], sawDash: true });
    expect(e.ok && [e.flags.stdin, e.flags.tty]).toEqual([true, true]);
  });
  it("a shorthand that takes a value ends a cluster: -itc app", () => {
    const e = parseFlags(["-itcapp"], EXEC_FLAGS);
    expect(e.ok && [e.flags.stdin, e.flags.tty, e.flags.container]).toEqual([true, true, "app"]);
  });
  it("a value may look like a flag", () => {
    const r = parse(["-l", "-x", "--output", "--watch"]);
    expect(r.ok && [r.flags.selector, r.flags.output]).toEqual(["-x", "--watch"]);
  });
  it("stringArray appends, replacing the default", () => {
    const r = parse(["-f", "a.yaml", "--filename=b,c.yaml"]);
    expect(r.ok && r.flags.filename).toEqual(["a.yaml", "b,c.yaml"]);
    expect(parse([]).ok && (parse([]) as { flags: Record<string, unknown> }).flags.filename).toEqual([]);
  });
  it("durations are milliseconds, ints use Go's syntax", () => {
    const r = parseFlags(["--since=1h2m3.5s", "--tail", "0x10"], LOGS_FLAGS);
    expect(r.ok && [r.flags.since, r.flags.tail]).toEqual([3723500, 16]);
  });
  it("NoOptDefVal: bare --dry-run is unchanged and takes no value", () => {
    const r = parseFlags(["pod", "--dry-run", "x"], DELETE_FLAGS);
    expect(r).toMatchObject({ ok: true, positionals: ["pod", "x"] });
    expect(r.ok && r.flags["dry-run"]).toBe("unchanged");
    const s = parseFlags(["--dry-run=server"], DELETE_FLAGS);
    expect(s.ok && s.flags["dry-run"]).toBe("server");
  });
  it("-h / --help", () => {
    expect(parse(["-h"])).toMatchObject({ ok: true, help: true });
    expect(parse(["--help"])).toMatchObject({ ok: true, help: true });
  });
  it("- alone and empty strings are positionals", () => {
    expect(parse(["-", ""])).toMatchObject({ ok: true, positionals: ["-", ""] });
  });
  it("errors end in a newline and name the command", () => {
    expect(parse(["--nope"], GET_FLAGS, ["rollout", "status"])).toEqual({
      ok: false,
      error: "error: unknown flag: --nope\nSee 'kubectl rollout status --help' for usage.\n",
    });
    expect(parseFlags(["-'"], [])).toEqual({
      ok: false,
      error: "error: unknown shorthand flag: '\\'' in -'\nSee 'kubectl --help' for usage.\n",
    });
  });
  it("typed accessors", () => {
    const r = parse(["-o", "yaml", "-w", "-f", "x"]);
    if (!r.ok) throw new Error(r.error);
    expect([flagString(r.flags, "output"), flagBool(r.flags, "watch"), flagStrings(r.flags, "filename"), flagInt(r.flags, "v")]).toEqual([
      "yaml",
      true,
      ["x"],
      0,
    ]);
    expect(flagString(r.flags, "selector", "none")).toBe("none");
  });
});

describe("Go number and duration parsing", () => {
  const ints: [string, number | string][] = [
    ["42", 42],
    ["-7", -7],
    ["+3", 3],
    ["0x1F", 31],
    ["0o17", 15],
    ["017", 15],
    ["0b101", 5],
    ["1_000", 1000],
    ["0", 0],
    ["08", "invalid syntax"],
    ["0x", "invalid syntax"],
    ["1__0", "invalid syntax"],
    ["_1", "invalid syntax"],
    ["1_", "invalid syntax"],
    ["9223372036854775807", 9223372036854775807],
    ["9223372036854775808", "value out of range"],
    ["-9223372036854775808", -9223372036854775808],
    ["", "invalid syntax"],
    ["1.5", "invalid syntax"],
  ];
  for (const [s, want] of ints) {
    it(`ParseInt(${JSON.stringify(s)})`, () => {
      const r = parseGoInt(s, 0, 64);
      if (typeof want === "number") expect(r).toEqual({ ok: true, value: want });
      else expect(r).toEqual({ ok: false, error: `strconv.ParseInt: parsing ${JSON.stringify(s)}: ${want}` });
    });
  }
  it("int32 range", () => {
    expect(parseGoInt("2147483648", 0, 32).ok).toBe(false);
    expect(parseGoInt("-2147483648", 0, 32)).toEqual({ ok: true, value: -2147483648 });
  });
  const durations: [string, number | string][] = [
    ["5m", 300000],
    ["1h30m", 5400000],
    ["300ms", 300],
    ["1.5s", 1500],
    [".5s", 500],
    ["-2s", -2000],
    ["0", 0],
    ["10us", 0.01],
    ["2\u00b5s", 0.002],
    ["5", 'time: missing unit in duration "5"'],
    ["5x", 'time: unknown unit "x" in duration "5x"'],
    ["", 'time: invalid duration ""'],
    ["s", 'time: invalid duration "s"'],
    ["5 m", 'time: unknown unit " m" in duration "5 m"'],
    ["5é", 'time: unknown unit "\\xc3\\xa9" in duration "5\\xc3\\xa9"'],
  ];
  for (const [s, want] of durations) {
    it(`ParseDuration(${JSON.stringify(s)})`, () => {
      const r = parseGoDuration(s);
      if (typeof want === "number") expect(r).toEqual({ ok: true, value: want });
      else expect(r).toEqual({ ok: false, error: want });
    });
  }
});

describe("resolveCommand", () => {
  const registry = [
    { path: ["get"], flags: GET_FLAGS, id: "get" },
    { path: ["exec"], flags: EXEC_FLAGS, id: "exec" },
    { path: ["rollout", "status"], flags: [{ name: "timeout", type: "duration" }] as FlagSpec[], id: "rollout-status" },
    { path: ["create", "deployment"], aliases: ["deploy"], flags: [{ name: "image", type: "stringArray" }] as FlagSpec[], id: "create-deployment" },
  ];
  const tree = buildCommandTree(registry);

  it("finds nested commands and keeps the spec's own fields", () => {
    const r = resolveCommand(["-n", "shop", "rollout", "status", "deploy/web", "--timeout=30s"], tree);
    expect(r).toMatchObject({ ok: true, kind: "command", path: ["rollout", "status"], command: { id: "rollout-status" } });
    expect(r.ok && r.kind === "command" && [r.args.positionals, r.args.flags.namespace, r.args.flags.timeout]).toEqual([["deploy/web"], "shop", 30000]);
  });
  it("aliases resolve to the canonical path", () => {
    const r = resolveCommand(["create", "deploy", "web", "--image=nginx"], tree);
    expect(r).toMatchObject({ ok: true, kind: "command", path: ["create", "deployment"] });
  });
  it("exec keeps what follows --", () => {
    const r = resolveCommand(["exec", "-it", "web", "--", "ls", "-la", "/"], tree);
    expect(r.ok && r.kind === "command" && r.args.dashArgs).toEqual(["ls", "-la", "/"]);
  });
  it("real kubectl commands the simulation lacks are unsupported", () => {
    expect(resolveCommand(["drain", "node-1", "--ignore-daemonsets"], tree)).toEqual({ ok: true, kind: "unsupported", path: ["drain"] });
    expect(resolveCommand(["rollout", "pause", "deploy/x"], tree)).toEqual({ ok: true, kind: "unsupported", path: ["rollout", "pause"] });
  });
  it("help in its forms", () => {
    expect(resolveCommand([], tree)).toEqual({ ok: true, kind: "help", path: [], exitCode: 0 });
    expect(resolveCommand(["get", "-h"], tree)).toEqual({ ok: true, kind: "help", path: ["get"], exitCode: 0 });
    expect(resolveCommand(["help", "get"], tree)).toEqual({ ok: true, kind: "help", path: ["get"], exitCode: 0 });
    expect(resolveCommand(["rollout"], tree)).toEqual({ ok: true, kind: "help", path: ["rollout"], exitCode: 1 });
  });
  it("a registry array works as well as a tree", () => {
    expect(resolveCommand(["gte"], registry)).toEqual({
      ok: false,
      exitCode: 1,
      error: 'error: unknown command "gte" for "kubectl"\n\nDid you mean this?\n\tget\n',
    });
  });
});
