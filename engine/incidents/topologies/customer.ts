/**
 * `customer`: the workshop's customer system. `customer-gateway` (Spring Boot, profile from
 * `SPRING_PROFILES_ACTIVE`) calls `customerinfo-app` through the `customerinfo` Service at
 * start-up; both images come from the private registry `registry.acme.internal` with the
 * pull secret `acme-registry`.
 */
import type { Random } from "../../runtime/random";
import { encodeBase64 } from "../../world/base64";
import { ACME_REGISTRY_CREDENTIALS } from "../../world/library";
import { CUSTOMERINFO_FACTS, GATEWAY_FACTS, imageOf } from "../apps";
import type { Topology, TopologyInstance, WorkloadModel } from "../types";
import { appContainer, configMap, drawNodes, namespace, secret, service, serviceModel, workload } from "./build";

const PLACES = [
  { ns: "shop", team: "The shop team" },
  { ns: "customers", team: "The customer data team" },
  { ns: "crm", team: "The CRM team" },
] as const;

/** The docker-registry Secret for registry.acme.internal. */
function pullSecret(ns: string) {
  const { username, password } = ACME_REGISTRY_CREDENTIALS;
  const auth = encodeBase64(`${username}:${password}`);
  const config = JSON.stringify({ auths: { "registry.acme.internal": { username, password, auth } } });
  return secret("acme-registry", ns, { ".dockerconfigjson": config }, "kubernetes.io/dockerconfigjson");
}

function build(rng: Random): TopologyInstance {
  const place = rng.pick(PLACES);
  const ns = place.ns;
  const pull = { imagePullSecrets: [{ name: "acme-registry" }] };
  const info: WorkloadModel = {
    role: "customerinfo",
    kind: "Deployment",
    name: "customerinfo-app",
    container: "customerinfo-app",
    image: imageOf(CUSTOMERINFO_FACTS),
    app: CUSTOMERINFO_FACTS,
    replicas: rng.int(1, 2),
    label: "customerinfo-app",
    says: "the customer data backend",
    secretKeyEnv: { env: "CUSTOMERINFO_API_TOKEN", secret: "customerinfo-credentials", key: "api-token" },
  };
  const gwTag = rng.pick(GATEWAY_FACTS.tags);
  const gateway: WorkloadModel = {
    role: "gateway",
    kind: "Deployment",
    name: "customer-gateway",
    container: "customer-gateway",
    image: imageOf(GATEWAY_FACTS, gwTag),
    app: GATEWAY_FACTS,
    replicas: rng.int(2, 3),
    label: "customer-gateway",
    says: "the customer API",
    configMapEnv: "customer-gateway-config",
    dependsOn: ["customerinfo"],
  };
  const objects = [
    namespace(ns),
    pullSecret(ns),
    secret("customerinfo-credentials", ns, { "api-token": rng.hex(24) }),
    configMap("customer-gateway-config", ns, { LOGGING_LEVEL_ROOT: "INFO", SERVER_SHUTDOWN: "graceful" }),
    workload("Deployment", info.name, ns, info.replicas, info.label, appContainer(info.container, info.image, CUSTOMERINFO_FACTS, { env: [{ name: "CUSTOMERINFO_API_TOKEN", valueFrom: { secretKeyRef: { name: "customerinfo-credentials", key: "api-token" } } }] } as never), pull),
    service("customerinfo", ns, info.label, 8080, 8080),
    workload(
      "Deployment",
      gateway.name,
      ns,
      gateway.replicas,
      gateway.label,
      appContainer(gateway.container, gateway.image, GATEWAY_FACTS, { env: [{ name: "SPRING_PROFILES_ACTIVE", value: "k8s" }], envFrom: [{ configMapRef: { name: "customer-gateway-config" } }] } as never),
      pull,
    ),
    service("customer-gateway", ns, gateway.label, 80, 8080),
  ];
  return {
    topology: "customer",
    namespace: ns,
    system: "the customer system (customer-gateway in front of customerinfo-app)",
    team: place.team,
    objects,
    nodes: drawNodes(rng),
    workloads: [info, gateway],
    services: [serviceModel(info, "customerinfo", 8080, "customer-gateway"), serviceModel(gateway, "customer-gateway", 80, "the web shop")],
    steps: [],
  };
}

/** The workshop's customer-gateway + customerinfo-app. */
export const CUSTOMER_TOPOLOGY: Topology = {
  id: "customer",
  description: "the workshop's customer-gateway calling customerinfo-app through its Service (Spring profiles from env, private registry)",
  build,
};
