import type { CommandTree } from "./args";
import type { CommandSpec } from "./command";
import texts from "./help/kubectl-help.json";

const HELP: Record<string, string> = texts;

/**
 * The `--help` text of a command path (`[]` is `kubectl` itself), exactly as kubectl v1.32
 * prints it. The texts were captured from the real kubectl (`engine/kubectl/help/`);
 * a command without a captured text gets one built from its spec.
 */
export function helpText(path: string[], tree: CommandTree<CommandSpec>): string {
  const captured = HELP[path.join(" ")];
  if (captured !== undefined) return captured;
  let node = tree.root;
  for (const word of path) {
    const next = node.children.find((c) => c.name === word || c.aliases.includes(word));
    if (!next) break;
    node = next;
  }
  const spec = node.spec;
  if (spec?.help) return spec.help;
  if (spec) return `${spec.short}\n\nUsage:\n  ${spec.usage}\n\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n`;
  return HELP[""];
}
