// Preloaded into Prisma CLI processes by prisma/cli.mjs.
// The WebAssembly schema engine (Prisma 6.19) leaves a 10 s timeout armed after
// `migrate deploy` finishes, which keeps the CLI process alive for 10 s. Long
// timers are unref'd so the process exits as soon as its work is done; they still
// fire if the process is alive for other reasons.
const originalSetTimeout = globalThis.setTimeout;
globalThis.setTimeout = function setTimeout(callback, delay, ...args) {
  const timer = originalSetTimeout(callback, delay, ...args);
  if (typeof delay === "number" && delay >= 5000 && typeof timer?.unref === "function") timer.unref();
  return timer;
};
