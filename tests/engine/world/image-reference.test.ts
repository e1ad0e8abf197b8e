import { describe, expect, it } from "vitest";
import { parseImageReference } from "../../../engine/world/image-reference";
import { credentialsFromSecrets, resolvePull } from "../../../engine/world/registry";
import { standardWorld } from "../../../engine/world/library";
import { encodeBase64 } from "../../../engine/world/base64";
import { sha256Hex } from "../../../engine/world/sha256";
import { goDuration } from "../../../engine/world/go-duration";

describe("image references", () => {
  it.each([
    ["nginx", "docker.io/library/nginx:latest"],
    ["nginx:1.27", "docker.io/library/nginx:1.27"],
    ["library/nginx:1.27", "docker.io/library/nginx:1.27"],
    ["curlimages/curl:8.8.0", "docker.io/curlimages/curl:8.8.0"],
    ["registry.k8s.io/pause:3.10", "registry.k8s.io/pause:3.10"],
    ["localhost:5000/app", "localhost:5000/app:latest"],
    ["nginx@sha256:cd4495bb73de9b01bf009710b80ecf4be2d298db47492f4e9e7d0b04981c4614", "docker.io/library/nginx@sha256:cd4495bb73de9b01bf009710b80ecf4be2d298db47492f4e9e7d0b04981c4614"],
  ])("%s → %s", (image, normalized) => {
    const r = parseImageReference(image);
    expect(r.ok && r.ref.normalized).toBe(normalized);
  });

  it.each([
    ["nginx:1.27:", "invalid reference format"],
    ["nginx 1.27", "invalid reference format"],
    ["Nginx:1.27", "invalid reference format: repository name (library/Nginx) must be lowercase"],
    ["-nginx", "invalid reference format"],
  ])("%s is invalid: %s", (image, error) => {
    expect(parseImageReference(image)).toEqual({ ok: false, error });
  });
});

describe("registry", () => {
  const world = standardWorld();
  it("resolves tags and digests to the same image", () => {
    const a = resolvePull(world, "nginx:latest", []);
    const b = resolvePull(world, "nginx@sha256:cd4495bb73de9b01bf009710b80ecf4be2d298db47492f4e9e7d0b04981c4614", []);
    expect(a.ok && a.image.digest).toBe(b.ok && b.image.digest);
  });
  it("reads dockerconfigjson secrets with username/password or auth", () => {
    const s = (auths: object) => ({ apiVersion: "v1", kind: "Secret" as const, metadata: { name: "x" }, type: "kubernetes.io/dockerconfigjson", data: { ".dockerconfigjson": encodeBase64(JSON.stringify({ auths })) } });
    expect(credentialsFromSecrets([s({ "https://index.docker.io/v1/": { auth: encodeBase64("me:pw") } }), s({ "registry.acme.internal": { username: "u", password: "p" } })])).toEqual([
      { host: "docker.io", username: "me", password: "pw" },
      { host: "registry.acme.internal", username: "u", password: "p" },
    ]);
  });
  it("sha256 and Go durations", () => {
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(goDuration(532)).toBe("532ms");
    expect(goDuration(2323)).toBe("2.323s");
    expect(goDuration(65_100)).toBe("1m5.1s");
    expect(goDuration(300_000)).toBe("5m0s");
  });
});
