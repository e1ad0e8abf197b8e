#!/usr/bin/env node
/**
 * Copies installed npm packages, with everything they depend on, into another folder,
 * keeping their node_modules layout: `node copy-package-closure.mjs <dest> <package...>`.
 *
 * The production image gets Next's traced standalone output plus, through this script,
 * the Prisma CLI and the pg driver adapter its config loads (prisma is a devDependency,
 * so `npm ci --omit=dev` would drop it), so one image both serves and migrates.
 * Dependencies resolve the way Node resolves them: the package's own node_modules first,
 * then each parent's. Optional dependencies and required peers are copied when installed;
 * `@types/*` packages are left out.
 */
import fs from "node:fs";
import path from "node:path";

/** Finds where `name` resolves from the package folder `from` (relative to `root`). */
function resolvePackage(root, from, name) {
  let dir = from;
  for (;;) {
    const candidate = path.join(dir, "node_modules", name);
    if (fs.existsSync(path.join(root, candidate, "package.json"))) return candidate;
    if (dir === "" || dir === ".") return undefined;
    // Climb out of `…/node_modules/<name>` (or `…/node_modules/@scope/<name>`).
    const parent = dir.slice(0, dir.lastIndexOf("node_modules")).replace(/\/$/, "");
    dir = parent === dir ? "" : parent;
  }
}

/** Every package folder (relative to `root`) that `names` need at run time. */
export function packageClosure(root, names) {
  const seen = new Set();
  const queue = names.map((name) => {
    const found = resolvePackage(root, "", name);
    if (!found) throw new Error(`${name} is not installed under ${root}`);
    return found;
  });
  while (queue.length > 0) {
    const location = queue.pop();
    if (seen.has(location)) continue;
    seen.add(location);
    const manifest = JSON.parse(fs.readFileSync(path.join(root, location, "package.json"), "utf8"));
    const optionalPeers = new Set(Object.entries(manifest.peerDependenciesMeta ?? {}).filter(([, m]) => m?.optional).map(([n]) => n));
    const required = Object.keys(manifest.dependencies ?? {});
    const optional = [...Object.keys(manifest.optionalDependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {}).filter((n) => !optionalPeers.has(n))];
    for (const name of required) {
      if (name.startsWith("@types/")) continue; // type declarations: never loaded at run time
      const found = resolvePackage(root, location, name);
      if (!found) throw new Error(`${location} needs ${name}, which is not installed`);
      queue.push(found);
    }
    for (const name of optional) {
      const found = resolvePackage(root, location, name);
      if (found) queue.push(found);
    }
  }
  return [...seen].sort();
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (isMain) {
  const [dest, ...names] = process.argv.slice(2);
  if (!dest || names.length === 0) {
    console.error("usage: copy-package-closure.mjs <dest> <package...>");
    process.exit(2);
  }
  const root = process.cwd();
  const locations = packageClosure(root, names);
  for (const location of locations) {
    fs.cpSync(path.join(root, location), path.join(dest, location), { recursive: true, dereference: false, verbatimSymlinks: true });
  }
  console.log(`copied ${locations.length} packages into ${dest}`);
}
