/** kubectl's write commands, and `applyEditedYaml` for saving a `kubectl edit`. */
import type { CommandSpec } from "../../command";
import { applyCommand } from "./apply";
import { createCommand } from "./create";
import { replaceCommand } from "./replace";
import { editCommand } from "./edit";
import { patchCommand } from "./patch";
import { setImageCommand } from "./set-image";
import { setEnvCommand } from "./set-env";
import { setResourcesCommand } from "./set-resources";
import { setSelectorCommand } from "./set-selector";
import { setServiceAccountCommand } from "./set-serviceaccount";
import { scaleCommand } from "./scale";
import { rolloutHistoryCommand, rolloutPauseCommand, rolloutRestartCommand, rolloutResumeCommand, rolloutStatusCommand, rolloutUndoCommand } from "./rollout";
import { deleteCommand } from "./delete";
import { annotateCommand, labelCommand } from "./label-annotate";
import { taintCommand } from "./taint";
import { cordonCommand, uncordonCommand } from "./cordon";
import { drainCommand } from "./drain";
import {
  createConfigMapCommand,
  createDeploymentCommand,
  createNamespaceCommand,
  createSecretDockerRegistryCommand,
  createSecretGenericCommand,
  createServiceAccountCommand,
} from "./create-generated";
import { exposeCommand } from "./expose";
import { createJobCommand } from "./create-job";
import { createCronJobCommand } from "./create-cronjob";
import { runCommand } from "./run";
import { autoscaleCommand } from "./autoscale";
import { createClusterRoleCommand, createRoleCommand } from "./create-role";
import { createClusterRoleBindingCommand, createRoleBindingCommand } from "./create-rolebinding";
import { createQuotaCommand } from "./create-quota";
import { createPodDisruptionBudgetCommand } from "./create-pdb";
import { createPriorityClassCommand } from "./create-priorityclass";
import { createIngressCommand } from "./create-ingress";

export { applyEditedYaml, EDIT_HEADER } from "./edit";

/** Every write command, for the dispatcher's command tree. */
export const writeCommands: CommandSpec[] = [
  applyCommand,
  createCommand,
  createConfigMapCommand,
  createSecretGenericCommand,
  createSecretDockerRegistryCommand,
  createDeploymentCommand,
  createNamespaceCommand,
  createServiceAccountCommand,
  createJobCommand,
  createCronJobCommand,
  createRoleCommand,
  createClusterRoleCommand,
  createRoleBindingCommand,
  createClusterRoleBindingCommand,
  createQuotaCommand,
  createPodDisruptionBudgetCommand,
  createPriorityClassCommand,
  createIngressCommand,
  replaceCommand,
  editCommand,
  patchCommand,
  setImageCommand,
  setEnvCommand,
  setResourcesCommand,
  setSelectorCommand,
  setServiceAccountCommand,
  scaleCommand,
  autoscaleCommand,
  rolloutStatusCommand,
  rolloutHistoryCommand,
  rolloutUndoCommand,
  rolloutRestartCommand,
  rolloutPauseCommand,
  rolloutResumeCommand,
  deleteCommand,
  labelCommand,
  annotateCommand,
  taintCommand,
  cordonCommand,
  uncordonCommand,
  drainCommand,
  exposeCommand,
  runCommand,
];
