/** The topologies generated incidents are built on. */
import type { Topology } from "../types";
import { WEB_TOPOLOGY } from "./web";
import { CUSTOMER_TOPOLOGY } from "./customer";
import { SHOP_TOPOLOGY } from "./shop";
import { QUEUE_TOPOLOGY } from "./queue";

/** Every topology, in a stable order. */
export const TOPOLOGIES: readonly Topology[] = [WEB_TOPOLOGY, CUSTOMER_TOPOLOGY, SHOP_TOPOLOGY, QUEUE_TOPOLOGY];

/** The topology with this id. */
export function topologyById(id: string): Topology | undefined {
  return TOPOLOGIES.find((t) => t.id === id);
}
