import type { CommandSpec } from "../command";
import { readCommands } from "./read";
import { writeCommands } from "./write";
import { inspectCommands } from "./inspect";
import { waitCommand } from "./wait";
import { authCommands } from "./auth";

/** Every kubectl command the simulation implements. */
export function allCommands(): CommandSpec[] {
  return [...readCommands, ...writeCommands, ...inspectCommands, waitCommand, ...authCommands];
}
