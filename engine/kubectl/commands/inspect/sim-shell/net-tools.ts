/**
 * The network clients of the simulated shell (`nslookup`, `wget`, `nc`, `curl`): the world's
 * clients (engine/world/net-clients.ts, which also serve a container's main process), run from
 * the shell's container.
 */
import { NET_CLIENTS, type ClientContext } from "../../../../world/net-clients";
import { imageSpecByReference } from "../../../../world/registry";
import type { ContainerView } from "../container-view";
import type { ProgramResult } from "./programs";

function clientContext(view: ContainerView): ClientContext {
  const world = view.network.world;
  return { network: view.network, pod: view.pod, now: view.now, imageSpec: (image) => imageSpecByReference(world, image) };
}

/** Runs network client `name` (a key of NET_CLIENTS) from the shell's container. */
export function runNetClient(name: string, view: ContainerView, args: string[]): ProgramResult {
  return NET_CLIENTS[name](clientContext(view), args);
}
