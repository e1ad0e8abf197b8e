#!/usr/bin/env node
// The crashcourse command-line tool: practise scenarios offline and script checks.
// It runs the TypeScript engine directly through tsx's loader.
import { register } from "tsx/esm/api";

register();
const { main } = await import("./main.ts");
process.exitCode = await main(process.argv.slice(2));
