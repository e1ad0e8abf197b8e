import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./load-manifests";
import { packageClosure } from "../../deploy/image/copy-package-closure.mjs";

/** One Dockerfile instruction, continuation lines joined. */
interface Instruction {
  keyword: string;
  args: string;
  stage: string;
}

/** Reads the Dockerfile's instructions, tagging each with the stage it belongs to. */
function parseDockerfile(text: string): { instructions: Instruction[]; stages: { name: string; from: string }[] } {
  const logical: string[] = [];
  let current = "";
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (current === "" && (line === "" || line.startsWith("#"))) continue;
    if (line.startsWith("#")) continue; // comments inside a continued instruction
    if (line.endsWith("\\")) current += line.slice(0, -1) + " ";
    else {
      logical.push(current + line);
      current = "";
    }
  }
  const stages: { name: string; from: string }[] = [];
  const instructions = logical.map((line) => {
    const [, keyword = "", args = ""] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    if (keyword.toUpperCase() === "FROM") {
      const [, from = "", name = ""] = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args.replace(/^--platform=\S+\s+/, "")) ?? [];
      stages.push({ name: name || String(stages.length), from });
    }
    return { keyword: keyword.toUpperCase(), args, stage: stages.at(-1)?.name ?? "" };
  });
  return { instructions, stages };
}

/** Splits COPY arguments into flags, sources and destination. */
function copyParts(args: string): { from?: string; sources: string[]; dest: string } {
  const words = args.split(/\s+/);
  const flags = words.filter((w) => w.startsWith("--"));
  const rest = words.filter((w) => !w.startsWith("--"));
  const from = flags.find((f) => f.startsWith("--from="))?.slice("--from=".length);
  return { from, sources: rest.slice(0, -1), dest: rest.at(-1) ?? "" };
}

/** Files a fresh clone has: tracked by git (a local file that is ignored would not be sent). */
function trackedFiles(): string[] {
  try {
    return execFileSync("git", ["ls-files"], { cwd: ROOT, encoding: "utf8" }).split("\n").filter(Boolean);
  } catch {
    return [];
  }
}

const dockerfile = fs.readFileSync(path.join(ROOT, "Dockerfile"), "utf8");
const { instructions, stages } = parseDockerfile(dockerfile);
const finalStage = stages.at(-1)!.name;
const inFinal = instructions.filter((i) => i.stage === finalStage);
const dockerignore = fs
  .readFileSync(path.join(ROOT, ".dockerignore"), "utf8")
  .split("\n")
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith("#"));
const argDefaults = Object.fromEntries(
  instructions.filter((i) => i.keyword === "ARG").map((i) => i.args.split("=") as [string, string]),
);

describe("Dockerfile", () => {
  it("is multi-stage: deps → build → runtime, on a slim Node 20 Debian base", () => {
    expect(stages.map((s) => s.name)).toEqual(["deps", "build", "runtime"]);
    expect(stages[1].from).toBe("deps");
    const resolve = (from: string) => from.replace(/^\$\{(\w+)\}$/, (_, name: string) => argDefaults[name] ?? from);
    expect(resolve(stages[0].from)).toMatch(/^node:20(\.\d+)*-bookworm-slim(@sha256:[0-9a-f]{64})?$/);
    expect(resolve(stages[2].from)).toBe(resolve(stages[0].from));
  });

  it("runs the final stage as a numeric non-root user", () => {
    const users = inFinal.filter((i) => i.keyword === "USER");
    expect(users.length).toBeGreaterThan(0);
    const user = users.at(-1)!.args;
    expect(user).toMatch(/^\d+(:\d+)?$/);
    expect(Number(user.split(":")[0])).toBeGreaterThan(0);
    // Nothing after the USER switches back to root.
    const last = inFinal.lastIndexOf(users.at(-1)!);
    expect(inFinal.slice(last).some((i) => i.keyword === "RUN")).toBe(false);
  });

  it("exposes port 3000 and runs in production mode", () => {
    expect(inFinal.some((i) => i.keyword === "EXPOSE" && i.args === "3000")).toBe(true);
    const env = inFinal.filter((i) => i.keyword === "ENV").map((i) => i.args).join(" ");
    expect(env).toMatch(/\bNODE_ENV=production\b/);
    // Longer than ingress-nginx's 60 s upstream keep-alive.
    expect(Number(/\bKEEP_ALIVE_TIMEOUT=(\d+)/.exec(env)?.[1])).toBeGreaterThan(60_000);
    expect(env).toMatch(/\bPORT=3000\b/);
    expect(env).toMatch(/\bHOSTNAME=0\.0\.0\.0\b/);
  });

  it("starts the server worker over Next's standalone build (with a larger young generation, see lib/server/start.ts)", () => {
    const cmd = inFinal.filter((i) => i.keyword === "CMD").at(-1)?.args;
    expect(cmd && JSON.parse(cmd)).toEqual(["node", "--max-semi-space-size=32", ".next/server-worker.mjs"]);
    // The bundle npm run build makes (scripts/build-worker.mjs) is copied in next to the standalone build.
    expect(inFinal.some((i) => i.keyword === "COPY" && /\.next\/server-worker\.mjs \.\/\.next\/server-worker\.mjs$/.test(i.args))).toBe(true);
  });

  it("bakes no secret in: no credential variables, URLs or keys", () => {
    for (const i of instructions.filter((i) => i.keyword === "ENV" || i.keyword === "ARG")) {
      expect(i.args, `${i.keyword} ${i.args}`).not.toMatch(/SECRET|PASSWORD|TOKEN|DATABASE_URL|API_KEY|PRIVATE/i);
    }
    expect(dockerfile).not.toMatch(/postgres(ql)?:\/\/[^\s…]*:[^\s…]*@/);
    expect(dockerfile).not.toMatch(/-----BEGIN/);
    for (const pattern of [".env", ".data", "node_modules", ".git", ".next"]) expect(dockerignore).toContain(pattern);
  });

  it("copies from the build context only paths a fresh clone has, and .dockerignore keeps", () => {
    const tracked = trackedFiles();
    expect(tracked.length, "git ls-files").toBeGreaterThan(0);
    const copies = instructions.filter((i) => i.keyword === "COPY" || i.keyword === "ADD").map((i) => copyParts(i.args));
    const fromContext = copies.filter((c) => c.from === undefined).flatMap((c) => c.sources);
    expect(fromContext.length).toBeGreaterThan(0);
    for (const source of fromContext) {
      const clean = source.replace(/^\.\//, "").replace(/\/$/, "");
      const exists = tracked.some((f) => f === clean || f.startsWith(`${clean}/`));
      expect(exists, `COPY ${source}: not in the repository`).toBe(true);
      const ignored = dockerignore.some((p) => clean === p || clean.startsWith(`${p}/`));
      expect(ignored, `COPY ${source}: excluded by .dockerignore`).toBe(false);
    }
  });

  it("copies between stages only from earlier stages", () => {
    instructions.forEach((i) => {
      if (i.keyword !== "COPY") return;
      const { from } = copyParts(i.args);
      if (!from) return;
      const index = stages.findIndex((s) => s.name === from);
      expect(index, `COPY --from=${from}`).toBeGreaterThanOrEqual(0);
      expect(index).toBeLessThan(stages.findIndex((s) => s.name === i.stage));
    });
  });

  it("gives the runtime what serving and migrating need, and nothing from the build's node_modules", () => {
    const runtimeSources = inFinal
      .filter((i) => i.keyword === "COPY")
      .map((i) => copyParts(i.args))
      .flatMap((c) => c.sources.map((s) => `${c.from}:${s}`));
    for (const needed of [
      "build:/app/.next/standalone",
      "build:/app/.next/static",
      "build:/app/prisma",
      "build:/app/prisma.config.ts",
      "build:/app/scenarios",
      "build:/migrate/node_modules",
    ]) {
      expect(runtimeSources).toContain(needed);
    }
    expect(runtimeSources.some((s) => /^(deps|build):\/app\/node_modules/.test(s))).toBe(false);
    expect(dockerfile).toMatch(/NEXT_OUTPUT=standalone/);
    expect(fs.readFileSync(path.join(ROOT, "next.config.js"), "utf8")).toMatch(/NEXT_OUTPUT === "standalone"/);
  });

  it("installs with the lockfile and without install scripts", () => {
    const install = instructions.find((i) => i.stage === "deps" && i.keyword === "RUN" && /npm ci/.test(i.args));
    expect(install?.args).toMatch(/--ignore-scripts/);
    expect(instructions.some((i) => i.keyword === "RUN" && /npm install\b/.test(i.args))).toBe(false);
  });
});

describe("deploy/image/copy-package-closure.mjs", () => {
  it("finds the Prisma CLI and the pg adapter with their dependencies, nested ones included", () => {
    const closure: string[] = packageClosure(ROOT, ["prisma", "@prisma/adapter-pg", "pg"]);
    for (const location of ["node_modules/prisma", "node_modules/@prisma/config", "node_modules/@prisma/engines", "node_modules/@prisma/adapter-pg", "node_modules/pg", "node_modules/pg-pool"]) {
      expect(closure).toContain(location);
    }
    for (const location of closure) expect(fs.existsSync(path.join(ROOT, location, "package.json")), location).toBe(true);
    expect(closure.some((l) => l.includes("@types/"))).toBe(false);
    expect(closure).not.toContain("node_modules/next");
    expect(closure).not.toContain("node_modules/typescript");
  });
});
