import { describe, expect, it } from "vitest";
import type { ServiceAccount } from "../../../../engine/model/types";
import { apply, at, cs, event, events, getPod, makeCluster, pod, pullSecret, START } from "./fixture";
import { parseTime } from "../../../../engine/runtime/clock";

/** The runtime error of the last failed pull (from the `Failed to pull image` event). */
function pullError(c: ReturnType<typeof makeCluster>, name: string): string | undefined {
  return event(c, name, "Failed", "Failed to pull image")?.message.replace(/^Failed to pull image "[^"]*": /, "");
}

describe("kubelet image pulls", () => {
  it("pulls a public image and reports the normalised image and its digest", () => {
    const c = makeCluster();
    apply(c, pod("web", { image: "nginx:1.27" }));
    at(c, 20);
    const s = cs(c, "web");
    expect(s.image).toBe("docker.io/library/nginx:1.27");
    expect(s.imageID).toBe("docker.io/library/nginx@sha256:cd4495bb73de9b01bf009710b80ecf4be2d298db47492f4e9e7d0b04981c4614");
    expect(s.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(s.state.running).toBeDefined();
    expect(events(c, "web")[0]).toBe('Pulling: Pulling image "nginx:1.27"');
    expect(events(c, "web")[1]).toMatch(/^Pulled: Successfully pulled image "nginx:1.27" in \d+\.\d+s \(\d+\.\d+s including waiting\)\. Image size: 72955450 bytes\.$/);
    expect(events(c, "web").slice(2)).toEqual(["Created: Created container app", "Started: Started container app"]);
  });

  it("uses the node's cache with IfNotPresent", () => {
    const c = makeCluster();
    apply(c, pod("a", { image: "nginx:1.27" }));
    at(c, 20);
    apply(c, pod("b", { image: "nginx:1.27" }));
    at(c, 25);
    expect(events(c, "b")[0]).toBe('Pulled: Container image "nginx:1.27" already present on machine');
    expect(cs(c, "b").state.running).toBeDefined();
  });

  it("a missing tag: ErrImagePull, then ImagePullBackOff with pulls spaced 10, 20, 40, 80 s apart or more", () => {
    const c = makeCluster();
    apply(c, pod("web", { image: "nginx:1.99" }));
    let s0 = 0;
    while (cs(c, "web").state.waiting?.reason !== "ErrImagePull" && s0 < 50) at(c, (s0 += 0.1));
    expect(cs(c, "web").state.waiting?.message).toBe(
      'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.99": failed to resolve reference "docker.io/library/nginx:1.99": docker.io/library/nginx:1.99: not found',
    );
    expect(event(c, "web", "Failed", "Failed to pull image")?.message).toBe(`Failed to pull image "nginx:1.99": ${cs(c, "web").state.waiting?.message}`);
    expect(event(c, "web", "Failed", "Error: ErrImagePull")?.type).toBe("Warning");
    // Watch the pulls happen.
    const pulls: number[] = [];
    let last = 0;
    for (let s = 1; s <= 400; s++) {
      at(c, s);
      const n = event(c, "web", "Pulling")?.count ?? 0;
      if (n !== last) pulls.push(s);
      last = n;
      if (s === 5) {
        expect(cs(c, "web").state.waiting).toEqual({ reason: "ImagePullBackOff", message: 'Back-off pulling image "nginx:1.99"' });
        const b = event(c, "web", "BackOff");
        expect(b?.type).toBe("Normal");
        expect(b?.message).toBe('Back-off pulling image "nginx:1.99"');
        expect(event(c, "web", "Failed", "Error: ImagePullBackOff")).toBeDefined();
      }
    }
    const gaps = pulls.slice(1).map((p, i) => p - pulls[i]);
    expect(gaps.length).toBeGreaterThanOrEqual(3);
    [10, 20, 40, 80].slice(0, gaps.length).forEach((min, i) => {
      expect(gaps[i]).toBeGreaterThanOrEqual(min);
      expect(gaps[i]).toBeLessThan(min + 20);
    });
    expect(getPod(c, "web").status.phase).toBe("Pending");
    expect(event(c, "web", "BackOff")!.count).toBeGreaterThan(10);
  });

  it("an invalid reference: InvalidImageName with InspectFailed, no pull", () => {
    const c = makeCluster();
    apply(c, pod("web", { image: "nginx:1.27:" }));
    at(c, 3);
    const msg = 'Failed to apply default image tag "nginx:1.27:": couldn\'t parse image name "nginx:1.27:": invalid reference format';
    expect(cs(c, "web").state.waiting).toEqual({ reason: "InvalidImageName", message: msg });
    expect(event(c, "web", "InspectFailed")?.message).toBe(msg);
    expect(event(c, "web", "Failed")?.message).toBe("Error: InvalidImageName");
    expect(event(c, "web", "Pulling")).toBeUndefined();
  });

  it("an unknown registry host: no such host", () => {
    const c = makeCluster();
    apply(c, pod("web", { image: "registry.acme.internl/shop/customer-gateway:1.4.2" }));
    at(c, 5);
    expect(pullError(c, "web")).toBe(
      'rpc error: code = Unknown desc = failed to pull and unpack image "registry.acme.internl/shop/customer-gateway:1.4.2": failed to resolve reference "registry.acme.internl/shop/customer-gateway:1.4.2": failed to do request: Head "https://registry.acme.internl/v2/shop/customer-gateway/manifests/1.4.2": dial tcp: lookup registry.acme.internl on 127.0.0.53:53: no such host',
    );
  });

  it("a repository that does not exist on Docker Hub: pull access denied", () => {
    const c = makeCluster();
    apply(c, pod("web", { image: "ngnix" }));
    at(c, 5);
    expect(pullError(c, "web")).toContain(
      'failed to resolve reference "docker.io/library/ngnix:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    );
  });

  it("a private registry needs credentials from imagePullSecrets or the ServiceAccount", () => {
    const c = makeCluster();
    const image = "registry.acme.internal/shop/customer-gateway:1.4.2";
    apply(c, pod("nocreds", { image }));
    apply(c, pullSecret("wrong", "registry.acme.internal", "shop-ci", "nope"));
    apply(c, pod("wrongcreds", { image }, { imagePullSecrets: [{ name: "wrong" }] }));
    apply(c, pullSecret("acme-pull", "registry.acme.internal", "shop-ci", "s3cr3t-pull-token", "auth"));
    apply(c, pod("podsecret", { image, env: [{ name: "SPRING_PROFILES_ACTIVE", value: "dev" }] }, { imagePullSecrets: [{ name: "acme-pull" }] }));
    at(c, 10);
    expect(pullError(c, "nocreds")).toContain("failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://registry.acme.internal/service/token");
    expect(pullError(c, "wrongcreds")).toContain("failed to fetch oauth token");
    expect(cs(c, "podsecret").imageID).toMatch(/^registry\.acme\.internal\/shop\/customer-gateway@sha256:/);
    // Fix: give the default ServiceAccount the pull secret; the next sync starts it (the image is on the node by now).
    const sa = c.store.get<ServiceAccount>("ServiceAccount", "default", "default")!;
    sa.imagePullSecrets = [{ name: "acme-pull" }];
    c.store.touch(sa);
    c.reconcile();
    at(c, 400);
    expect(cs(c, "nocreds").imageID).toMatch(/^registry\.acme\.internal\/shop\/customer-gateway@sha256:/);
    expect(event(c, "nocreds", "Created")).toBeDefined();
  });

  it("Always re-pulls on every start, IfNotPresent does not", () => {
    const c = makeCluster();
    apply(c, pod("web", { image: "busybox:1.36", command: ["sh", "-c", "exit 1"], imagePullPolicy: "Always" }));
    at(c, 60);
    expect(event(c, "web", "Pulling")!.count).toBeGreaterThan(2);
    const first = parseTime(event(c, "web", "Pulling")!.firstTimestamp);
    expect(first).toBe(START);
  });
});
