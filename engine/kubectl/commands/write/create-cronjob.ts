/**
 * `kubectl create cronjob NAME --image=image --schedule='0/5 * * * ?' -- [COMMAND] [args...]`
 * (alias `cj`), as kubectl v1.32's `create_cronjob.go` builds it: one container named after
 * the CronJob, restartPolicy from `--restart` (OnFailure when unset); the API server validates
 * the schedule.
 */
import type { KObject } from "../../../model/types";
import type { CommandContext, CommandResult, CommandSpec, ParsedArgs } from "../../command";
import { flagString } from "../../args";
import { commandFailed, result } from "./common";
import { CREATE_GENERATOR_FLAGS, createGeneratedObject, nameFromArgs } from "./create-job-common";

function run(ctx: CommandContext, args: ParsedArgs): CommandResult {
  const missing = ["image", "schedule"].filter((f) => flagString(args.flags, f) === "");
  if (missing.length > 0) return commandFailed(ctx, `required flag(s) ${missing.map((f) => `"${f}"`).join(", ")} not set`);
  const n = nameFromArgs(args, "kubectl create cronjob");
  if (!n.ok) return result("", n.error);
  const image = flagString(args.flags, "image");
  const restart = flagString(args.flags, "restart") || "OnFailure";
  const container: Record<string, unknown> = { name: n.name, image, resources: {} };
  if (args.dashArgs.length > 0) container.command = [...args.dashArgs];
  const obj = {
    apiVersion: "batch/v1",
    kind: "CronJob",
    metadata: { name: n.name },
    spec: {
      jobTemplate: {
        metadata: { creationTimestamp: null, name: n.name },
        spec: { template: { metadata: { creationTimestamp: null }, spec: { containers: [container], restartPolicy: restart } } },
      },
      schedule: flagString(args.flags, "schedule"),
    },
    status: {},
  } as unknown as KObject;
  return createGeneratedObject(ctx, args, obj, "failed to create cronjob:");
}

/** `kubectl create cronjob` (alias `cj`). */
export const createCronJobCommand: CommandSpec = {
  path: ["create", "cronjob"],
  aliases: ["cj"],
  short: "Create a cron job with the specified name",
  usage: "kubectl create cronjob NAME --image=image --schedule='0/5 * * * ?' -- [COMMAND] [args...] [flags]",
  flags: [
    ...CREATE_GENERATOR_FLAGS.slice(0, 3),
    { name: "image", type: "string", default: "", description: "Image name to run." },
    CREATE_GENERATOR_FLAGS[3],
    { name: "restart", type: "string", default: "", description: "job's restart policy. supported values: OnFailure, Never" },
    CREATE_GENERATOR_FLAGS[4],
    { name: "schedule", type: "string", default: "", description: "A schedule in the Cron format the job should be run with." },
    ...CREATE_GENERATOR_FLAGS.slice(5),
  ],
  run,
};
