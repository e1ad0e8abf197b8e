/** kubectl's read commands: get, events, top, api-resources, api-versions, version, cluster-info, config, explain. */
import type { CommandSpec } from "../../command";
import { apiResourcesCommand, apiVersionsCommand } from "./api-resources";
import { clusterInfoCommand } from "./cluster-info";
import { configCommands } from "./config";
import { eventsCommand } from "./events";
import { explainCommand } from "./explain";
import { getCommand } from "./get";
import { topCommands } from "./top";
import { versionCommand } from "./version";

export { setMetricsSource, type ContainerUsage, type MetricsSource } from "./top";
export { runGet, listKind, multipleTypesRequested } from "./get";

/** Every read command, for the command tree. */
export const readCommands: CommandSpec[] = [
  getCommand,
  eventsCommand,
  ...topCommands,
  apiResourcesCommand,
  apiVersionsCommand,
  versionCommand,
  clusterInfoCommand,
  ...configCommands,
  explainCommand,
];
