/**
 * Images and applications of the cluster's own system pods (CoreDNS), added to every
 * scenario's world on top of the standard library.
 */
import type { AppModel, ImageRepository } from "../model/world";

/** The CoreDNS image the kube-system `coredns` Deployment runs. */
export const COREDNS_IMAGE = "registry.k8s.io/coredns/coredns:v1.11.3";

/** Repositories of system images. */
export const SYSTEM_REPOSITORIES: readonly ImageRepository[] = [
  {
    name: "registry.k8s.io/coredns/coredns",
    tags: {
      "v1.11.3": {
        digest: "sha256:9caabbf6238b189a65d0d6e6ac138de60d6a1c419e5a341fbbb7c78382559c6e",
        sizeBytes: 18562039,
        distroless: true,
        entrypoint: ["/coredns"],
        binaries: ["/coredns"],
        user: "nonroot",
        app: "coredns",
      },
    },
  },
];

/** CoreDNS: DNS on 53, health on 8080, readiness on 8181, metrics on 9153. */
export const COREDNS_APP: AppModel = {
  id: "coredns",
  description: "CoreDNS 1.11.3, the cluster DNS server",
  executables: ["/coredns"],
  runtime: "go",
  args: { options: [{ name: "-conf", takesValue: true, file: true }], positionals: "none" },
  listen: [
    { port: 53, protocol: "tcp" },
    { port: 8080, protocol: "http", routes: { "/health": { status: 200, body: "OK", contentType: "text/plain; charset=utf-8" } } },
    { port: 8181, protocol: "http", routes: { "/ready": { status: 200, body: "OK", contentType: "text/plain; charset=utf-8" } } },
    { port: 9153, protocol: "http", routes: { "/metrics": { status: 200, body: "# HELP coredns_build_info A metric with a constant '1' value labeled by version, revision, and goversion from which CoreDNS was built.\n", contentType: "text/plain; version=0.0.4; charset=utf-8" } } },
  ],
  startupSeconds: 0.4,
  resources: { memoryMiB: 14, cpuMillis: 3, startupCpuMillis: 20 },
  logs: {
    startup: [".:53", "[INFO] plugin/reload: Running configuration SHA512 = 591cf328cccc12bc490481273e738df59329c62c0b729d94e8b61db9961c2fa5f046dd37f1cf888b953814040d180f52594972691cd6ff41be96639138a43908"],
    ready: ["CoreDNS-1.11.3", "linux/amd64, go1.21.11, a6338e9"],
  },
};

/** Applications of system pods, by id. */
export const SYSTEM_APPS: Readonly<Record<string, AppModel>> = { coredns: COREDNS_APP };
