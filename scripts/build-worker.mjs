/**
 * Bundles the server worker (lib/server/worker.ts, with the routes it serves itself) into
 * `.next/server-worker.mjs`, after `next build` (npm run build). Next.js and the packages
 * next.config.js keeps out of its own bundles stay external, so the worker uses the same
 * copies as the build it serves; everything else (our code, zod, next-auth, …) is inside.
 */
import { build } from "esbuild";
import nextConfig from "../next.config.js";

await build({
  entryPoints: ["lib/server/worker.ts"],
  outfile: ".next/server-worker.mjs",
  bundle: true,
  platform: "node",
  // ES modules, so that the packages left external resolve as Next.js's server resolves them (the
  // image's standalone node_modules holds only those files); the CommonJS packages bundled in
  // call `require` for Node's built-in modules.
  format: "esm",
  banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
  target: "node20",
  external: ["next", ...(nextConfig.serverExternalPackages ?? [])],
  logLevel: "warning",
});

// Next's standalone output (the container image) ships only the parts of `next` its own server
// needs: `next/server`, `next/headers` … are not there. The routes this worker serves itself
// must reach them through nothing but web-standard APIs.
const bundle = await import("node:fs").then((fs) => fs.readFileSync(".next/server-worker.mjs", "utf8"));
const nextSubpaths = [...new Set([...bundle.matchAll(/(?:require\(|from )"(next\/[^"]+)"/g)].map((m) => m[1]))];
if (nextSubpaths.length > 0) {
  console.error(`scripts/build-worker.mjs: the server worker imports ${nextSubpaths.join(", ")}; its routes must not (see lib/server/fast-route.ts).`);
  process.exit(1);
}
