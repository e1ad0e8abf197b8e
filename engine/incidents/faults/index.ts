/** The fault library: every fault injector, by family. */
import type { Fault } from "../types";
import { IMAGE_PULL_FAULTS } from "./image-pull";

/** Every fault, in a stable order. */
export const FAULTS: readonly Fault[] = [...IMAGE_PULL_FAULTS];

/** The fault with this id. */
export function faultById(id: string): Fault | undefined {
  return FAULTS.find((f) => f.id === id);
}
