/** The fault library: every fault injector, by family. */
import type { Fault } from "../types";
import { IMAGE_PULL_FAULTS } from "./image-pull";
import { PENDING_FAULTS } from "./pending";
import { CRASHLOOP_FAULTS } from "./crashloop";
import { CONTAINER_CONFIG_FAULTS } from "./container-config";
import { NETWORKING_FAULTS } from "./networking";
import { ROLLOUT_FAULTS } from "./rollout";

/** Every fault, in a stable order. */
export const FAULTS: readonly Fault[] = [...IMAGE_PULL_FAULTS, ...PENDING_FAULTS, ...CRASHLOOP_FAULTS, ...CONTAINER_CONFIG_FAULTS, ...NETWORKING_FAULTS, ...ROLLOUT_FAULTS];

/** The fault with this id. */
export function faultById(id: string): Fault | undefined {
  return FAULTS.find((f) => f.id === id);
}
