/** What a check sees and what it answers. */
import type { Cluster } from "../../runtime/cluster";
import type { LoggedAction } from "../action-log";

/** The inputs of one check evaluation. */
export interface CheckContext {
  cluster: Cluster;
  log: readonly LoggedAction[];
  /** Uids of the scenario's objects when the learner arrived, by `objectKey`. */
  initialUids: Readonly<Record<string, string>>;
  /** The namespace a check means when it names none (the scenario's main namespace). */
  defaultNamespace: string;
}

/** A check's verdict and the sentence the learner reads. */
export interface CheckOutcome {
  passed: boolean;
  message: string;
}

/** A passing outcome. */
export function pass(message: string): CheckOutcome {
  return { passed: true, message };
}

/** A failing outcome. */
export function fail(message: string): CheckOutcome {
  return { passed: false, message };
}
