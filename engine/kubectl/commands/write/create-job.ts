/**
 * `kubectl create job NAME --image=image [--from=cronjob/name] -- [COMMAND] [args...]`, as
 * kubectl v1.32's `create_job.go` builds the Job: one container named after the Job with
 * restartPolicy Never, or a copy of a CronJob's job template owned by the CronJob and
 * annotated `cronjob.kubernetes.io/instantiate: manual`.
 */
import type { CronJob, KObject } from "../../../model/types";
import { resolveKind } from "../../../model/kinds";
import type { CommandContext, CommandResult, CommandSpec, ParsedArgs } from "../../command";
import { flagString } from "../../args";
import { notFound, unknownResourceType } from "../../errors";
import { result } from "./common";
import { CREATE_GENERATOR_FLAGS, createGeneratedObject, nameFromArgs } from "./create-job-common";

/** The annotation on a Job created from a CronJob by hand. */
export const INSTANTIATE_ANNOTATION = "cronjob.kubernetes.io/instantiate";

function jobFromImage(name: string, image: string, command: string[]): KObject {
  const container: Record<string, unknown> = { name, image, resources: {} };
  if (command.length > 0) container.command = [...command];
  return {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: { name },
    spec: { template: { metadata: { creationTimestamp: null }, spec: { containers: [container], restartPolicy: "Never" } } },
    status: {},
  } as unknown as KObject;
}

function jobFromCronJob(name: string, cj: CronJob): KObject {
  const tpl = cj.spec.jobTemplate ?? { spec: { template: { spec: { containers: [] } } } };
  const metadata: KObject["metadata"] = {
    name,
    annotations: { [INSTANTIATE_ANNOTATION]: "manual", ...(tpl.metadata?.annotations ?? {}) },
    ownerReferences: [{ apiVersion: "batch/v1", kind: "CronJob", name: cj.metadata.name, uid: cj.metadata.uid!, controller: true }],
  };
  if (tpl.metadata?.labels) metadata.labels = { ...tpl.metadata.labels };
  return { apiVersion: "batch/v1", kind: "Job", metadata, spec: structuredClone(tpl.spec), status: {} };
}

function run(ctx: CommandContext, args: ParsedArgs): CommandResult {
  const n = nameFromArgs(args, "kubectl create job");
  if (!n.ok) return result("", n.error);
  const image = flagString(args.flags, "image");
  const from = flagString(args.flags, "from");
  if ((image === "") === (from === "")) return result("", "error: either --image or --from must be specified\n");
  if (from !== "" && args.dashArgs.length > 0) return result("", "error: cannot specify --from and command\n");
  if (image !== "") return createGeneratedObject(ctx, args, jobFromImage(n.name, image, args.dashArgs), "failed to create job:");
  const slash = from.indexOf("/");
  const typed = slash < 0 ? from : from.slice(0, slash);
  const sourceName = slash < 0 ? "" : from.slice(slash + 1);
  const kind = resolveKind(typed);
  if (!kind) return result("", `${unknownResourceType(typed)}\n`);
  if (sourceName === "") return result("", "error: from must be an existing cronjob\n");
  const source = ctx.cluster.store.get(kind.kind, kind.namespaced ? ctx.namespace : undefined, sourceName);
  if (!source) return result("", `${notFound(kind.kind, sourceName)}\n`);
  if (source.kind !== "CronJob") {
    const group = kind.apiVersion.includes("/") ? kind.apiVersion.split("/")[1] : kind.apiVersion;
    return result("", `error: unknown object type *${group}.${source.kind}\n`);
  }
  return createGeneratedObject(ctx, args, jobFromCronJob(n.name, source as CronJob), "failed to create job:");
}

/** `kubectl create job`. */
export const createJobCommand: CommandSpec = {
  path: ["create", "job"],
  short: "Create a job with the specified name",
  usage: "kubectl create job NAME --image=image [--from=cronjob/name] -- [COMMAND] [args...]",
  flags: [
    ...CREATE_GENERATOR_FLAGS.slice(0, 3),
    { name: "from", type: "string", default: "", description: "The name of the resource to create a Job from (only cronjob is supported)." },
    { name: "image", type: "string", default: "", description: "Image name to run." },
    ...CREATE_GENERATOR_FLAGS.slice(3),
  ],
  run,
};
