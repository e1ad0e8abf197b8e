/** The inspecting commands: `describe`, `logs`, `exec`, `debug`, `port-forward`. */
import type { CommandSpec } from "../../command";
import { debugCommand } from "./debug";
import { describeCommand } from "./describe";
import { execCommand } from "./exec";
import { logsCommand } from "./logs";
import { portForwardCommand } from "./port-forward";

export { containerView, type ContainerView } from "./container-view";
export { newShellState, shellPrompt, simShell, type ShellLineResult, type ShellState } from "./sim-shell";
export { openShell, shellLine } from "./attach-session";
export { inspectRuntimeFromKubelet, setInspectRuntime, type ContainerLogLine, type ContainerLogQuery, type InspectRuntime, type KubeletViews } from "./runtime-hooks";

/** Every inspect command, for the command registry. */
export const inspectCommands: CommandSpec[] = [describeCommand, logsCommand, execCommand, debugCommand, portForwardCommand];
