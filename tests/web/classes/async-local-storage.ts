import { AsyncLocalStorage } from "node:async_hooks";

// Next.js's server runtime exposes AsyncLocalStorage on globalThis before its request
// scope modules load; call-route.ts imports this first to do the same.
(globalThis as { AsyncLocalStorage?: unknown }).AsyncLocalStorage ??= AsyncLocalStorage;
