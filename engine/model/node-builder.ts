/**
 * Builds realistic Node objects, shaped like the nodes of a kind v1.32 cluster
 * (`kubectl get node -o yaml`): capacity and allocatable, the four kubelet conditions,
 * addresses, nodeInfo, the standard labels, and the control-plane taint.
 */
import type { Node, StringMap, Taint } from "./types";

/** What a scenario says about one node. */
export interface NodeParams {
  name: string;
  /** CPU capacity as a quantity (`"4"`, `"3500m"`). */
  cpu: string;
  /** Memory capacity as a quantity (`"8Gi"`, `"16331948Ki"`). */
  memory: string;
  /** Maximum pods (allocatable `pods`), 110 by default. */
  pods?: number;
  /** Extra labels, merged over the standard ones. */
  labels?: StringMap;
  /** Taints; a control-plane node gets `node-role.kubernetes.io/control-plane:NoSchedule` when none are given. */
  taints?: Taint[];
  /** A cordoned node. */
  unschedulable?: boolean;
  role?: "control-plane" | "worker";
  /** When the node registered, ms since the epoch. */
  createdMs: number;
  internalIP: string;
  /** The node's pod CIDR (`10.244.1.0/24`); derived from the internal IP's last octet when absent. */
  podCIDR?: string;
}

/** The Kubernetes version the simulated nodes report. */
export const NODE_KUBELET_VERSION = "v1.32.0";

function timestamp(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

/** FNV-1a of a string, for ids derived from the node name (the model layer has no Random). */
function hash32(text: string, salt: number): number {
  let h = (0x811c9dc5 ^ salt) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function hexId(name: string, salt: string, length: number): string {
  let out = "";
  for (let i = 0; out.length < length; i++) out += hash32(`${name}/${salt}/${i}`, i).toString(16).padStart(8, "0");
  return out.slice(0, length);
}

function uuidFrom(name: string, salt: string): string {
  const h = hexId(name, salt, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** A Node as a kind v1.32 cluster shows it, ready and posting status. */
export function buildNode(p: NodeParams): Node {
  const role = p.role ?? "worker";
  const labels: StringMap = {
    "beta.kubernetes.io/arch": "amd64",
    "beta.kubernetes.io/os": "linux",
    "kubernetes.io/arch": "amd64",
    "kubernetes.io/hostname": p.name,
    "kubernetes.io/os": "linux",
  };
  if (role === "control-plane") {
    labels["node-role.kubernetes.io/control-plane"] = "";
    labels["node.kubernetes.io/exclude-from-external-load-balancers"] = "";
  }
  Object.assign(labels, p.labels ?? {});
  const taints = p.taints ?? (role === "control-plane" ? [{ key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" as const }] : []);
  const lastOctet = Number(p.internalIP.split(".").pop() ?? "0");
  const podCIDR = p.podCIDR ?? `10.244.${Number.isFinite(lastOctet) ? lastOctet % 256 : 0}.0/24`;
  const resources: StringMap = {
    cpu: p.cpu,
    "ephemeral-storage": "102626232Ki",
    "hugepages-1Gi": "0",
    "hugepages-2Mi": "0",
    memory: p.memory,
    pods: String(p.pods ?? 110),
  };
  const spec: Node["spec"] = { podCIDR, podCIDRs: [podCIDR], providerID: `kind://docker/kind/${p.name}` };
  if (taints.length > 0) spec.taints = taints.map((t) => ({ ...t }));
  if (p.unschedulable) spec.unschedulable = true;
  // Times are stamped by dateNode (the keys stand here, in the order the API prints them).
  const condition = (type: string, status: string, reason: string, message: string) => ({
    lastHeartbeatTime: "",
    lastTransitionTime: "",
    message,
    reason,
    status,
    type,
  });
  const node: Node = {
    apiVersion: "v1",
    kind: "Node",
    metadata: {
      name: p.name,
      creationTimestamp: "",
      labels,
      annotations: {
        "kubeadm.alpha.kubernetes.io/cri-socket": "unix:///run/containerd/containerd.sock",
        "node.alpha.kubernetes.io/ttl": "0",
        "volumes.kubernetes.io/controller-managed-attach-detach": "true",
      },
    },
    spec,
    status: {
      addresses: [
        { address: p.internalIP, type: "InternalIP" },
        { address: p.name, type: "Hostname" },
      ],
      allocatable: { ...resources },
      capacity: { ...resources },
      conditions: [
        condition("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"),
        condition("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
        condition("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"),
        condition("Ready", "True", "KubeletReady", "kubelet is posting ready status"),
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: "amd64",
        bootID: uuidFrom(p.name, "boot"),
        containerRuntimeVersion: "containerd://1.7.24",
        kernelVersion: "6.8.0-51-generic",
        kubeProxyVersion: NODE_KUBELET_VERSION,
        kubeletVersion: NODE_KUBELET_VERSION,
        machineID: hexId(p.name, "machine", 32),
        operatingSystem: "linux",
        osImage: "Debian GNU/Linux 12 (bookworm)",
        systemUUID: uuidFrom(p.name, "system"),
      },
    } as Node["status"],
  };
  dateNode(node, p.createdMs);
  return node;
}

/**
 * Stamps a node built by `buildNode` as registered at `createdMs`: its creation time and its
 * conditions' heartbeat and transition times (also how a restored system world is re-dated).
 */
export function dateNode(node: Node, createdMs: number): void {
  const created = timestamp(createdMs);
  const ready = timestamp(createdMs + 21_000);
  node.metadata.creationTimestamp = created;
  for (const c of node.status.conditions) {
    c.lastHeartbeatTime = ready;
    c.lastTransitionTime = c.type === "Ready" ? ready : created;
  }
}
