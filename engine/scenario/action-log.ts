/**
 * What the learner did, as the grader sees it. The session appends one entry per action;
 * checks read it to judge diagnosis ("described the failing pod before changing anything")
 * and workarounds ("deleted the Deployment and created a new one").
 */
export interface LoggedAction {
  /** 1-based, in the order the actions were applied. */
  seq: number;
  /** Virtual ms since the learner started. */
  atMs: number;
  type: "command" | "edit" | "hint" | "check";
  /** The raw input (a command line, or the edited object's YAML for an edit). */
  input: string;
  exitCode: number;
  /** For kubectl commands: the command path, e.g. `["describe"]`, `["rollout", "undo"]`. */
  command?: string[];
  /** The objects the command named or touched, resolved (kind is the API kind, e.g. "Pod"). */
  targets?: { kind: string; namespace?: string; name: string }[];
  /** Whether the action changed the cluster (any API write). */
  mutating: boolean;
}
