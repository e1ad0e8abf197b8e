#!/usr/bin/env node
// The crashcourse command-line tool: practise scenarios offline and script checks.
// It runs the TypeScript engine directly through tsx's loader.
import { register } from "tsx/esm/api";

register();
// A reader that stops early (`crashcourse play … | head`) closes the pipe: stop quietly, as
// Unix tools do, instead of dying on an unhandled EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}
const { main } = await import("./main.ts");
process.exitCode = await main(process.argv.slice(2));
