import { describe, expect, it } from "vitest";
import { planProcess, type ProcessInput } from "../../../engine/world/process";
import { resolveSettings } from "../../../engine/world/app-settings";
import { standardWorld, STANDARD_APPS } from "../../../engine/world/library";

const world = standardWorld();
function input(repo: string, tag: string, argv: string[], env: Record<string, string> = {}, files: Record<string, string> = {}): ProcessInput {
  const image = world.registry.repositories.find((r) => r.name === repo)!.tags[tag];
  const all = { ...(image.files ?? {}), ...files };
  return {
    world,
    image,
    argv,
    env: { ...(image.env ?? {}), ...env },
    readFile: (p) => all[p],
    isExecutable: (n) => image.binaries.includes(n) || image.binaries.includes(n.split("/").pop()!) || n in all,
    stdin: false,
    hostname: "pod",
    reach: () => ({ ok: false, error: { kind: "refused", host: "x", ip: "10.96.0.1", port: 80 } }),
    netClient: (program) => ({ stdout: "", stderr: `${program}: can't connect to remote host (10.96.0.1): Connection refused\n`, code: 1 }),
  };
}

describe("process plans", () => {
  it("nginx listens on 80 and runs forever", () => {
    const r = planProcess(input("docker.io/library/nginx", "1.27", ["/docker-entrypoint.sh", "nginx", "-g", "daemon off;"]));
    expect(r.ok && r.plan).toMatchObject({ appId: "nginx", ports: [80], listenAt: 0.1 });
    expect(r.ok && r.plan.exit).toBeUndefined();
  });
  it("an unknown nginx option exits 1 with nginx's message", () => {
    const r = planProcess(input("docker.io/library/nginx", "1.27", ["nginx", "-x"]));
    expect(r.ok && r.plan.exit).toMatchObject({ code: 1, reason: "Error" });
    expect(r.ok && r.plan.lines.map((l) => l.text)).toEqual(['nginx: invalid option: "{option}"']);
    expect(r.ok && r.plan.vars.option).toBe("-x");
  });
  it("java with a wrong jar path", () => {
    const r = planProcess(input("docker.io/acmeshop/customer-gateway", "1.4.2", ["java", "-jar", "/app/gateway.jar"]));
    expect(r.ok && r.plan.vars.file).toBe("/app/gateway.jar");
    expect(r.ok && r.plan.lines[0].text).toBe("Error: Unable to access jarfile {file}");
  });
  it("a missing executable is a StartError; no command at all a CreateContainerError", () => {
    expect(planProcess(input("docker.io/library/busybox", "1.36", ["bash"]))).toMatchObject({ ok: false, failure: { kind: "StartError" } });
    expect(planProcess(input("gcr.io/distroless/static-debian12", "nonroot", []))).toMatchObject({ ok: false, failure: { kind: "CreateContainerError" } });
  });
  it("sh -c scripts: echo, sleep, exit, loops", () => {
    const a = planProcess(input("docker.io/library/busybox", "1.36", ["sh", "-c", "echo hi $HOSTNAME; sleep 5; exit 4"], { HOSTNAME: "p" }));
    expect(a.ok && a.plan.exit).toMatchObject({ code: 4 });
    expect(a.ok && a.plan.exit!.at).toBeCloseTo(5.01);
    expect(a.ok && a.plan.lines.map((l) => l.text)).toEqual(["hi p"]);
    const b = planProcess(input("docker.io/library/busybox", "1.36", ["sh", "-c", "while true; do echo tick; sleep 5; done"]));
    expect(b.ok && b.plan.periodic).toEqual({ from: 0, every: 5, text: "tick" });
    expect(b.ok && b.plan.exit).toBeUndefined();
    const c = planProcess(input("docker.io/library/busybox", "1.36", ["sh", "-c", "foo"]));
    expect(c.ok && c.plan.exit?.code).toBe(127);
    expect(c.ok && c.plan.lines[0].text).toBe("sh: foo: not found");
  });
  it("Spring settings: profile files in the image, ConfigMap files, env relaxed binding, command-line args", () => {
    const app = STANDARD_APPS["customer-gateway"];
    const none = resolveSettings(app, {}, () => undefined, {});
    expect(none.settings["customerinfo.url"]).toBeUndefined();
    const k8s = resolveSettings(app, { SPRING_PROFILES_ACTIVE: "k8s" }, () => undefined, {});
    expect(k8s).toMatchObject({ profiles: ["k8s"], settings: { "customerinfo.url": "http://customerinfo:8080" } });
    const file = resolveSettings(app, {}, (p) => (p === "/app/config/application.yml" ? "customerinfo:\n  url: http://ci:8080\n" : undefined), {});
    expect(file.settings["customerinfo.url"]).toBe("http://ci:8080");
    const args = resolveSettings(app, { CUSTOMERINFO_URL: "http://env" }, () => undefined, { "customerinfo.url": "http://arg" });
    expect(args.settings["customerinfo.url"]).toBe("http://arg");
  });
});
