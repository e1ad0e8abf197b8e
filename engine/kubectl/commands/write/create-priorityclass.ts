/**
 * `kubectl create priorityclass NAME --value=VALUE [--global-default=BOOL] [--description=TEXT]
 * [--preemption-policy=PreemptLowerPriority|Never]`, as kubectl v1.32's `create_priorityclass.go`
 * builds the cluster-scoped scheduling.k8s.io/v1 PriorityClass (no checks of its own: the API
 * server validates the preemption policy and the value).
 */
import type { KObject } from "../../../model/types";
import type { CommandContext, CommandResult, CommandSpec, ParsedArgs } from "../../command";
import { flagBool, flagInt, flagString } from "../../args";
import { result } from "./common";
import { CREATE_GENERATOR_FLAGS, createGeneratedObject, nameFromArgs } from "./create-job-common";

function run(ctx: CommandContext, args: ParsedArgs): CommandResult {
  const n = nameFromArgs(args, "kubectl create priorityclass");
  if (!n.ok) return result("", n.error);
  const pc: Record<string, unknown> = {
    apiVersion: "scheduling.k8s.io/v1",
    kind: "PriorityClass",
    metadata: { name: n.name },
    value: flagInt(args.flags, "value"),
    preemptionPolicy: flagString(args.flags, "preemption-policy", "PreemptLowerPriority"),
  };
  if (flagBool(args.flags, "global-default")) pc.globalDefault = true;
  const description = flagString(args.flags, "description");
  if (description !== "") pc.description = description;
  return createGeneratedObject({ ...ctx, namespaceExplicit: false }, args, pc as unknown as KObject, "failed to create priorityclass:");
}

/** `kubectl create priorityclass` (alias `pc`). */
export const createPriorityClassCommand: CommandSpec = {
  path: ["create", "priorityclass"],
  short: "Create a priority class with the specified name",
  usage: "kubectl create priorityclass NAME --value=VALUE --global-default=BOOL [--dry-run=server|client|none] [options]",
  flags: [
    CREATE_GENERATOR_FLAGS[0],
    { name: "description", type: "string", default: "", description: "description is an arbitrary string that usually provides guidelines on when this priority class should be used." },
    ...CREATE_GENERATOR_FLAGS.slice(1, 3),
    { name: "global-default", type: "bool", default: false, description: "global-default specifies whether this PriorityClass should be considered as the default priority." },
    CREATE_GENERATOR_FLAGS[3],
    { name: "preemption-policy", type: "string", default: "PreemptLowerPriority", description: "preemption-policy is the policy for preempting pods with lower priority." },
    ...CREATE_GENERATOR_FLAGS.slice(4),
    { name: "value", type: "int32", default: 0, description: "the value of this priority class." },
  ],
  run,
};
