import type { Cluster } from "./runtime/cluster";
import type { LoggedAction } from "./scenario/action-log";
import type { EditRequest } from "./kubectl/command";
import { runTerminalLine, completeLine, promptFor, type TerminalState } from "./kubectl/terminal";
import { applyEditedObject } from "./kubectl/kubectl";
import { getCatalogue } from "./catalogue";
import { incidentScenario } from "./incidents/index";
import { instantiate, nextHint, grade, type Instance, type Grade } from "./scenario";
import type { Scenario } from "./scenario/loader";
import { setMetricsSource } from "./kubectl/commands/read";
import { resourceUsage, containerLogs, containerFilesystem } from "./controllers/kubelet/views";
import { networkContext } from "./controllers/kubelet/runtime-view";
import { KUBELET } from "./controllers/kubelet/state";
import { inspectRuntimeFromKubelet, setInspectRuntime } from "./kubectl/commands/inspect";

// kubectl reads the kubelet's simulated processes the way the API server proxies to kubelets:
// `top` (metrics-server), `logs`, `exec` and `debug` (the kubelet's streaming endpoints).
setMetricsSource({ podUsage: (cluster, pod) => resourceUsage(cluster, pod)?.containers });
setInspectRuntime(
  inspectRuntimeFromKubelet({
    containerLogs: (c, pod, name, opts) => containerLogs(c, pod, name, opts),
    containerFilesystem: (c, pod, name) => containerFilesystem(c, pod, name),
    network: (c) => networkContext(c.store, c.world, (uid) => c.controllerState(KUBELET, `pod/${uid}`), c.now()),
  }),
);

/** What one terminal line produced. */
export interface RunResult {
  output: string;
  exitCode: number;
  /** Set when the line was `kubectl edit …`: the editor should open on this YAML. */
  edit?: EditRequest;
  /** Set when the terminal should clear the screen (`clear`). */
  clear?: boolean;
  /** The prompt to show next (changes inside an attached `exec -it`/`debug -it` shell). */
  prompt: string;
}

/** Raised for a scenario id the catalogue does not have. */
export class UnknownScenarioError extends Error {
  constructor(readonly scenarioId: string) {
    super(`unknown scenario "${scenarioId}"`);
  }
}

/**
 * One learner's attempt at a scenario: the cluster built from (scenario, seed), the actions
 * applied to it in order, each at its virtual time, and the log the grader reads. Replaying
 * the same actions with the same times on a new Session gives the same bytes.
 */
export class Session {
  readonly scenarioId: string;
  readonly seed: number;
  readonly instance: Instance;
  readonly cluster: Cluster;
  readonly log: LoggedAction[] = [];
  private hintsUsed = 0;
  private lastMs = 0;
  private readonly terminal: TerminalState;
  /** What the editor was last opened with by `kubectl edit` (the "before" of a save). */
  private openedEdit: EditRequest | undefined;

  constructor(opts: { scenarioId: string; seed: number } | { scenario: Scenario; seed: number }) {
    const scenario = "scenario" in opts ? opts.scenario : (getCatalogue().get(opts.scenarioId) ?? incidentScenario(opts.scenarioId, opts.seed));
    if (!scenario) throw new UnknownScenarioError("scenarioId" in opts ? opts.scenarioId : "");
    this.scenarioId = scenario.id;
    this.seed = opts.seed;
    this.instance = instantiate(scenario, opts.seed);
    this.cluster = this.instance.cluster;
    this.terminal = { namespace: this.instance.defaultNamespace ?? "default", attached: undefined };
  }

  /** The brief shown to the learner. */
  get brief(): string {
    return this.instance.brief;
  }

  /** The scenario's title (a generated incident's own title for incident ids). */
  get title(): string {
    return this.instance.scenario.title;
  }

  /** The learner's virtual time 0, in ms since the epoch of the cluster clock. */
  get startMs(): number {
    return this.instance.learnerStartMs;
  }

  /** Moves the cluster to the learner's `virtualMs` (never backwards). */
  private advance(virtualMs: number): number {
    const ms = Math.max(this.lastMs, Math.floor(Number.isFinite(virtualMs) ? virtualMs : 0));
    this.lastMs = ms;
    this.cluster.advanceTo(this.startMs + ms);
    return ms;
  }

  /** Runs one terminal line (a kubectl command, a pipeline, a heredoc…) at `virtualMs`. */
  run(line: string, virtualMs: number): RunResult {
    const at = this.advance(virtualMs);
    const writesBefore = this.cluster.store.clientWrites;
    const r = runTerminalLine(this.cluster, this.terminal, line);
    // A blocking command (`kubectl wait`) leaves the cluster's clock later: the session's time follows it.
    this.lastMs = Math.max(this.lastMs, this.cluster.now() - this.startMs);
    const mutating = this.cluster.store.clientWrites !== writesBefore;
    if (line.trim() !== "") {
      this.log.push({
        seq: this.log.length + 1,
        atMs: at,
        type: "command",
        input: line,
        exitCode: r.exitCode,
        command: r.command,
        targets: r.targets,
        mutating,
      });
    }
    if (r.edit) this.openedEdit = r.edit;
    return { output: r.output, exitCode: r.exitCode, edit: r.edit, clear: r.clear, prompt: r.prompt };
  }

  /**
   * Saves an edited object (what `kubectl edit` does when the editor closes). `edit.yaml` is the
   * text the learner saved; it is compared with what the editor was opened with, as kubectl does.
   * A save that answers with `edit` (refused by validation) reopens the editor with kubectl's comments.
   */
  applyEdit(edit: EditRequest, virtualMs: number): { output: string; exitCode: number; edit?: EditRequest } {
    const at = this.advance(virtualMs);
    const writesBefore = this.cluster.store.clientWrites;
    const opened = this.openedEdit && sameObject(this.openedEdit, edit) ? this.openedEdit : this.reopen(edit);
    const r = applyEditedObject(this.cluster, opened, edit.yaml);
    this.openedEdit = r.edit ?? undefined;
    this.log.push({
      seq: this.log.length + 1,
      atMs: at,
      type: "edit",
      input: edit.yaml,
      exitCode: r.exitCode,
      command: ["edit"],
      targets: [{ kind: edit.kind, namespace: edit.namespace, name: edit.name }],
      mutating: this.cluster.store.clientWrites !== writesBefore,
    });
    return { output: r.stdout + r.stderr, exitCode: r.exitCode, edit: r.edit };
  }

  /** What `kubectl edit` would open for this object now (when no editor was opened in this session). */
  private reopen(edit: EditRequest): EditRequest {
    const kind = edit.kind.toLowerCase();
    const ns = edit.namespace ? ` -n ${edit.namespace}` : "";
    const saved = this.terminal.attached;
    this.terminal.attached = undefined;
    const r = runTerminalLine(this.cluster, this.terminal, `kubectl edit ${kind} ${edit.name}${ns}`);
    this.terminal.attached = saved;
    return r.edit ?? { ...edit, yaml: "" };
  }

  /** The next hint (recorded; each costs points), or null when none are left. */
  hint(virtualMs: number): { index: number; text: string } | null {
    const at = this.advance(virtualMs);
    const h = nextHint(this.instance, this.hintsUsed, this.cluster, this.log);
    if (!h) return null;
    this.hintsUsed++;
    this.log.push({ seq: this.log.length + 1, atMs: at, type: "hint", input: String(this.hintsUsed), exitCode: 0, mutating: false });
    return { index: this.hintsUsed, text: h };
  }

  /** Grades the cluster as it stands now (as often as wanted). */
  check(virtualMs: number): Grade {
    const at = this.advance(virtualMs);
    const g = grade(this.instance, this.cluster, this.log);
    this.log.push({ seq: this.log.length + 1, atMs: at, type: "check", input: "", exitCode: g.passed ? 0 : 1, mutating: false });
    return g;
  }

  /** Tab-completion candidates for the last word of `line`. */
  complete(line: string): string[] {
    return completeLine(this.cluster, this.terminal, line);
  }

  /** The reference fix, as commands. */
  solution(): string[] {
    return this.instance.solution;
  }

  /** The explanation shown after the attempt. */
  explanation(): string {
    return this.instance.explanation;
  }

  /** The terminal prompt to show now. */
  prompt(): string {
    return promptFor(this.terminal);
  }
}

function sameObject(a: EditRequest, b: EditRequest): boolean {
  return a.kind === b.kind && (a.namespace ?? "") === (b.namespace ?? "") && a.name === b.name;
}
