/** The inspecting commands: `describe`, `logs`, `exec`, `debug`, `port-forward`. */
import type { CommandSpec } from "../../command";
import { describeCommand } from "./describe";

/** Every inspect command, for the command registry. */
export const inspectCommands: CommandSpec[] = [describeCommand];
