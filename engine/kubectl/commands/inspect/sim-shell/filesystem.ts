/** Paths and directory listings over a container's file map (directories are implied by file paths). */

/** Normalises `path` against `cwd` (`..`, `.`, duplicate slashes). */
export function resolvePath(cwd: string, path: string): string {
  const parts = (path.startsWith("/") ? path : `${cwd}/${path}`).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "" || p === ".") continue;
    if (p === "..") out.pop();
    else out.push(p);
  }
  return "/" + out.join("/");
}

/** Whether `path` is a directory: the root, or a prefix of some file path. */
export function isDirectory(files: Map<string, string>, path: string): boolean {
  if (path === "/") return true;
  const prefix = path + "/";
  for (const f of files.keys()) if (f.startsWith(prefix)) return true;
  return ["/bin", "/dev", "/etc", "/home", "/proc", "/root", "/sys", "/tmp", "/usr", "/var"].includes(path);
}

/** The entries directly under a directory, sorted, with whether each is a directory. */
export function listDirectory(files: Map<string, string>, path: string): { name: string; dir: boolean }[] {
  const prefix = path === "/" ? "/" : path + "/";
  const entries = new Map<string, boolean>();
  for (const f of files.keys()) {
    if (!f.startsWith(prefix)) continue;
    const rest = f.slice(prefix.length);
    const slash = rest.indexOf("/");
    if (slash < 0) entries.set(rest, entries.get(rest) ?? false);
    else entries.set(rest.slice(0, slash), true);
  }
  if (path === "/") for (const d of ["bin", "dev", "etc", "home", "proc", "root", "sys", "tmp", "usr", "var"]) entries.set(d, true);
  return [...entries.entries()].map(([name, dir]) => ({ name, dir })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
