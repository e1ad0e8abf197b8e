/** kubectl's `auth` commands: `can-i` and `whoami`. */
import type { CommandSpec } from "../../command";
import { authCanICommand } from "./can-i";
import { authWhoAmICommand } from "./whoami";

/** Every `auth` command the simulation implements. */
export const authCommands: CommandSpec[] = [authCanICommand, authWhoAmICommand];
