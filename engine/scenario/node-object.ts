/**
 * A realistic Node object (kind-like, Kubernetes v1.32 on containerd). Used to build a
 * scenario's nodes.
 */
import type { Node, Taint } from "../model/types";
import { rfc3339 } from "../runtime/clock";

/** What a node is made of. */
export interface NodeOptions {
  name: string;
  role?: "control-plane" | "worker";
  cpu: string;
  memory: string;
  pods?: number;
  labels?: Record<string, string>;
  taints?: Taint[];
  unschedulable?: boolean;
  createdMs: number;
  internalIP: string;
  podCIDR: string;
}

/** Builds the Node object (not stored). */
export function buildNodeObject(o: NodeOptions): Node {
  const cp = o.role === "control-plane";
  const ts = rfc3339(o.createdMs);
  const taints: Taint[] = [...(cp ? [{ key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" as const }] : []), ...(o.taints ?? [])];
  const resources = { cpu: o.cpu, "ephemeral-storage": "102626232Ki", "hugepages-1Gi": "0", "hugepages-2Mi": "0", memory: o.memory, pods: String(o.pods ?? 110) };
  const cond = (type: string, status: string, reason: string, message: string) => ({ type, status, lastHeartbeatTime: ts, lastTransitionTime: ts, reason, message });
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: {
      name: o.name,
      labels: {
        "beta.kubernetes.io/arch": "amd64",
        "beta.kubernetes.io/os": "linux",
        "kubernetes.io/arch": "amd64",
        "kubernetes.io/hostname": o.name,
        "kubernetes.io/os": "linux",
        ...(cp ? { "node-role.kubernetes.io/control-plane": "", "node.kubernetes.io/exclude-from-external-load-balancers": "" } : {}),
        ...(o.labels ?? {}),
      },
      annotations: {
        "kubeadm.alpha.kubernetes.io/cri-socket": "unix:///run/containerd/containerd.sock",
        "node.alpha.kubernetes.io/ttl": "0",
        "volumes.kubernetes.io/controller-managed-attach-detach": "true",
      },
      creationTimestamp: ts,
    },
    spec: {
      podCIDR: o.podCIDR,
      podCIDRs: [o.podCIDR],
      providerID: `kind://docker/kind/${o.name}`,
      ...(taints.length > 0 ? { taints } : {}),
      ...(o.unschedulable ? { unschedulable: true } : {}),
    },
    status: {
      capacity: { ...resources },
      allocatable: { ...resources },
      conditions: [
        cond("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"),
        cond("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
        cond("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"),
        cond("Ready", "True", "KubeletReady", "kubelet is posting ready status"),
      ],
      addresses: [
        { type: "InternalIP", address: o.internalIP },
        { type: "Hostname", address: o.name },
      ],
      nodeInfo: {
        architecture: "amd64",
        containerRuntimeVersion: "containerd://1.7.24",
        kernelVersion: "6.8.0-1017-gcp",
        kubeProxyVersion: "v1.32.0",
        kubeletVersion: "v1.32.0",
        operatingSystem: "linux",
        osImage: "Debian GNU/Linux 12 (bookworm)",
      },
    },
  };
}
