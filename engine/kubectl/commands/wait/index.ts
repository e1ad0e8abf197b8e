/** `kubectl wait`: blocking on the virtual clock until objects meet a condition. */
export { waitCommand, runWait, MAX_VIRTUAL_WAIT_MS } from "./wait-command";
export { parseWaitFor, checkObject, type WaitFor, type CheckResult } from "./wait-for";
export { waitUntil, pollUntil } from "./wait-clock";
