/**
 * The objects every cluster has before any scenario touches it: the four standard
 * namespaces, the `kubernetes` Service (10.96.0.1) and its Endpoints, and CoreDNS in
 * kube-system (ConfigMap, ServiceAccount, Deployment, the `kube-dns` Service on 10.96.0.10),
 * kind's default StorageClass `standard` (local-path, WaitForFirstConsumer), the API server's
 * `kubernetes` EndpointSlice, the two system PriorityClasses and the bootstrap RBAC objects the
 * simulation models (`system-rbac.ts`: cluster-admin, admin, edit, view and their bindings; not
 * the ~60 `system:*` roles of a real cluster).
 */
import type { KObject } from "../model/types";
import type { Cluster } from "../runtime/cluster";
import { systemRbacObjects } from "./system-rbac";
import { ensureNamespace, type Defaulter } from "./manifests";
import { COREDNS_IMAGE } from "./system-world";

/** The ClusterIP of the `kubernetes` Service. */
export const KUBERNETES_SERVICE_IP = "10.96.0.1";
/** The ClusterIP of the `kube-dns` Service. */
export const KUBE_DNS_SERVICE_IP = "10.96.0.10";

const COREFILE = `.:53 {
    errors
    health {
       lameduck 5s
    }
    ready
    kubernetes cluster.local in-addr.arpa ip6.arpa {
       pods insecure
       fallthrough in-addr.arpa ip6.arpa
       ttl 30
    }
    prometheus :9153
    forward . /etc/resolv.conf {
       max_concurrent 1000
    }
    cache 30 {
       disable success cluster.local
       disable denial cluster.local
    }
    loop
    reload
    loadbalance
}
`;

function service(name: string, namespace: string, ip: string, labels: Record<string, string>, ports: unknown[], selector?: Record<string, string>, annotations?: Record<string, string>): KObject {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name, namespace, labels, ...(annotations ? { annotations } : {}) },
    spec: {
      clusterIP: ip,
      clusterIPs: [ip],
      internalTrafficPolicy: "Cluster",
      ipFamilies: ["IPv4"],
      ipFamilyPolicy: "SingleStack",
      ports,
      ...(selector ? { selector } : {}),
      sessionAffinity: "None",
      type: "ClusterIP",
    },
    status: { loadBalancer: {} },
  };
}

/** The CoreDNS objects of kube-system. */
function coreDnsObjects(): KObject[] {
  const labels = { "k8s-app": "kube-dns" };
  return [
    { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "coredns", namespace: "kube-system" } },
    { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "coredns", namespace: "kube-system" }, data: { Corefile: COREFILE } },
    {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "coredns", namespace: "kube-system", labels },
      spec: {
        replicas: 2,
        selector: { matchLabels: { ...labels } },
        strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: 1 } },
        revisionHistoryLimit: 10,
        progressDeadlineSeconds: 600,
        template: {
          metadata: { labels: { ...labels } },
          spec: {
            serviceAccountName: "coredns",
            nodeSelector: { "kubernetes.io/os": "linux" },
            tolerations: [
              { key: "CriticalAddonsOnly", operator: "Exists" },
              { key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" },
            ],
            containers: [
              {
                name: "coredns",
                image: COREDNS_IMAGE,
                imagePullPolicy: "IfNotPresent",
                args: ["-conf", "/etc/coredns/Corefile"],
                ports: [
                  { containerPort: 53, name: "dns", protocol: "UDP" },
                  { containerPort: 53, name: "dns-tcp", protocol: "TCP" },
                  { containerPort: 9153, name: "metrics", protocol: "TCP" },
                ],
                resources: { limits: { memory: "170Mi" }, requests: { cpu: "100m", memory: "70Mi" } },
                livenessProbe: { httpGet: { path: "/health", port: 8080, scheme: "HTTP" }, initialDelaySeconds: 60, timeoutSeconds: 5, periodSeconds: 10, successThreshold: 1, failureThreshold: 5 },
                readinessProbe: { httpGet: { path: "/ready", port: 8181, scheme: "HTTP" }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
                volumeMounts: [{ name: "config-volume", mountPath: "/etc/coredns", readOnly: true }],
              },
            ],
            dnsPolicy: "Default",
            volumes: [{ name: "config-volume", configMap: { name: "coredns", items: [{ key: "Corefile", path: "Corefile" }] } }],
          },
        },
      },
      status: {},
    },
    service(
      "kube-dns",
      "kube-system",
      KUBE_DNS_SERVICE_IP,
      { "k8s-app": "kube-dns", "kubernetes.io/cluster-service": "true", "kubernetes.io/name": "CoreDNS" },
      [
        { name: "dns", port: 53, protocol: "UDP", targetPort: 53 },
        { name: "dns-tcp", port: 53, protocol: "TCP", targetPort: 53 },
        { name: "metrics", port: 9153, protocol: "TCP", targetPort: 9153 },
      ],
      { ...labels },
      { "prometheus.io/port": "9153", "prometheus.io/scrape": "true" },
    ),
  ];
}

/** Creates the system objects at the cluster's current time (`apiServerIP`: the control plane's InternalIP). */
export function createSystemObjects(cluster: Cluster, apiServerIP: string, defaulter: Defaulter, withCoreDns = true): void {
  for (const ns of ["default", "kube-node-lease", "kube-public", "kube-system"]) ensureNamespace(cluster, ns);
  const store = cluster.store;
  store.create(service("kubernetes", "default", KUBERNETES_SERVICE_IP, { component: "apiserver", provider: "kubernetes" }, [{ name: "https", port: 443, protocol: "TCP", targetPort: 6443 }]));
  store.create({
    apiVersion: "v1",
    kind: "Endpoints",
    metadata: { name: "kubernetes", namespace: "default", labels: { "endpointslice.kubernetes.io/skip-mirror": "true" } },
    subsets: [{ addresses: [{ ip: apiServerIP }], ports: [{ name: "https", port: 6443, protocol: "TCP" }] }],
  });
  const standard: KObject = {
    apiVersion: "storage.k8s.io/v1",
    kind: "StorageClass",
    metadata: { name: "standard", annotations: { "storageclass.kubernetes.io/is-default-class": "true" } },
    provisioner: "rancher.io/local-path",
    reclaimPolicy: "Delete",
    volumeBindingMode: "WaitForFirstConsumer",
  };
  defaulter(standard, cluster);
  store.create(standard);
  if (withCoreDns)
    for (const o of coreDnsObjects()) {
      defaulter(o, cluster);
      store.create(o);
    }
  // The API server's own EndpointSlice for the `kubernetes` Service (its endpoint reconciler).
  store.create({
    apiVersion: "discovery.k8s.io/v1",
    kind: "EndpointSlice",
    metadata: { name: "kubernetes", namespace: "default", labels: { "kubernetes.io/service-name": "kubernetes" } },
    addressType: "IPv4",
    endpoints: [{ addresses: [apiServerIP], conditions: { ready: true } }],
    ports: [{ name: "https", port: 6443, protocol: "TCP" }],
  });
  for (const o of systemPriorityClasses()) store.create(o);
  for (const o of systemRbacObjects()) store.create(o);
}

/** The two PriorityClasses every cluster's API server creates at start-up. */
function systemPriorityClasses(): KObject[] {
  return [
    { name: "system-cluster-critical", value: 2000000000, description: "Used for system critical pods that must run in the cluster, but can be moved to another node if necessary." },
    { name: "system-node-critical", value: 2000001000, description: "Used for system critical pods that must not be moved from their current node." },
  ].map((pc) => ({
    apiVersion: "scheduling.k8s.io/v1",
    kind: "PriorityClass",
    metadata: { name: pc.name },
    value: pc.value,
    globalDefault: false,
    description: pc.description,
    preemptionPolicy: "PreemptLowerPriority",
  }));
}
