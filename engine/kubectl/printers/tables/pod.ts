import type { Pod } from "../../../model/types";
import { translateTimestampSince } from "../human-duration";
import { podSummary } from "../pod-status";
import type { TableDefinition } from "./table-definition";

/** `kubectl get pods`: NAME READY STATUS RESTARTS AGE; wide adds IP NODE NOMINATED NODE READINESS GATES. */
export const podTable: TableDefinition<Pod> = {
  columns: [
    { name: "Name", format: "name" },
    { name: "Ready" },
    { name: "Status" },
    { name: "Restarts" },
    { name: "Age" },
    { name: "IP", priority: 1 },
    { name: "Node", priority: 1 },
    { name: "Nominated Node", priority: 1 },
    { name: "Readiness Gates", priority: 1 },
  ],
  row(pod, now, wide) {
    const s = podSummary(pod, now);
    const cells = [pod.metadata.name, s.ready, s.status, s.restarts, translateTimestampSince(pod.metadata.creationTimestamp, now)];
    if (wide) {
      const status = pod.status ?? ({} as Pod["status"]);
      const ip = status.podIPs?.[0]?.ip || "<none>";
      const node = pod.spec?.nodeName || "<none>";
      const nominated = (status as { nominatedNodeName?: string }).nominatedNodeName || "<none>";
      let gates = "<none>";
      const readinessGates = (pod.spec?.readinessGates ?? []) as { conditionType: string }[];
      if (readinessGates.length > 0) {
        let trueConditions = 0;
        for (const g of readinessGates) {
          const c = (status.conditions ?? []).find((x) => x.type === g.conditionType);
          if (c && c.status === "True") trueConditions++;
        }
        gates = `${trueConditions}/${readinessGates.length}`;
      }
      cells.push(ip, node, nominated, gates);
    }
    return cells;
  },
};
