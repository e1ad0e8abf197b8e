/**
 * A pass-skipping wrapper for controllers: when the kinds a controller reads have not been
 * written since its last pass that changed nothing (and, for controllers that look at the
 * clock, time has not moved), running it again would change nothing either, so it is
 * skipped. A pass that wrote anything always runs again, so multi-step controllers still
 * reach their fixpoint.
 */
import type { Controller, ControllerContext } from "../runtime/controller";
import type { ObjectStore } from "../runtime/store";

/** Which inputs decide whether a controller's pass can be skipped. */
export interface UnchangedInputs {
  /**
   * Kinds the controller reads; a function when which kinds it reads depends on the model
   * (the deployment controller reads Pods only for Recreate Deployments), returning undefined
   * when the pass must run whatever changed.
   */
  kinds: readonly string[] | ((ctx: ControllerContext) => readonly string[] | undefined);
  /** Whether its decisions depend on `ctx.now` (deadlines, back-offs, availability). */
  clock: boolean;
  /**
   * For a controller whose decisions depend on the clock only through deadlines it can list:
   * after a pass at `ctx.now` that changed nothing, the first instant at which the same inputs
   * could lead to another decision (Infinity when none). Until then the pass is skipped even
   * though time moved. Only read when `clock` is true.
   */
  clockMattersAt?: (ctx: ControllerContext) => number;
  /**
   * For a controller that, whenever a decision could change with time alone, asks to be woken
   * at (or before) that instant: after a pass that changed nothing, the earliest wake-up it asked
   * for is when time matters again. Only read when `clock` is true.
   */
  wakesAtDeadlines?: boolean;
}

/** What a controller's last pass that changed nothing saw. */
interface Memo {
  /** Whether the memo holds a no-op pass (false after a pass that wrote). */
  valid: boolean;
  /** The kinds read then (the list object, which is fixed per configuration). */
  kinds: readonly string[];
  /** Their versions then. */
  versions: number[];
  /** The instant of that pass (compared only when the clock matters at every instant). */
  atMs: number;
  untilMs: number;
  /**
   * The store's version when the inputs were last found unchanged (after a no-op pass, or a
   * skip): while it is the same, nothing was written, so the kinds read, and their versions,
   * are still those of the memo.
   */
  storeVersion: number;
}

function newMemo(): Memo {
  return { valid: false, kinds: [], versions: [], atMs: NaN, untilMs: Infinity, storeVersion: -1 };
}

/** `controller`, skipped on passes where none of its inputs changed since its last no-op pass. */
export function skipWhenUnchanged<C extends Controller>(controller: C, inputs: UnchangedInputs): C {
  // The memo lives in the cluster's controller state (so snapshots keep it); this finds it by
  // the cluster's store in one lookup. It never replaces a cluster's memo, only remembers it.
  const memos = new WeakMap<ObjectStore, Memo>();
  const memoOf = (ctx: ControllerContext): Memo => {
    let memo = memos.get(ctx.store);
    if (memo === undefined) {
      memo = ctx.state<Memo>(controller.name, "unchanged-inputs", newMemo);
      memos.set(ctx.store, memo);
    }
    return memo;
  };
  const byDeadline = inputs.clock && (inputs.clockMattersAt !== undefined || inputs.wakesAtDeadlines === true);
  const everyInstant = inputs.clock && !byDeadline;
  const kindsOf = (ctx: ControllerContext): readonly string[] | undefined => (typeof inputs.kinds === "function" ? inputs.kinds(ctx) : inputs.kinds);
  /** Whether time alone leaves a valid memo's pass as it was. */
  const sameTime = (ctx: ControllerContext, memo: Memo): boolean => (!everyInstant || memo.atMs === ctx.now) && (!byDeadline || ctx.now < memo.untilMs);
  const unchanged = (ctx: ControllerContext, memo: Memo, kinds: readonly string[]): boolean => {
    if (!memo.valid || memo.kinds !== kinds) return false;
    for (let i = 0; i < kinds.length; i++) if (memo.versions[i] !== ctx.store.kindVersion(kinds[i])) return false;
    return sameTime(ctx, memo);
  };
  return {
    ...controller,
    name: controller.name,
    reconcile(ctx: ControllerContext): void {
      const memo = memoOf(ctx);
      // Nothing written since the inputs were last found unchanged (the kinds a function picks
      // depend on the stored objects only).
      if (memo.valid && memo.storeVersion === ctx.store.version && sameTime(ctx, memo)) return;
      const kinds = kindsOf(ctx);
      if (kinds === undefined) {
        memo.valid = false;
        controller.reconcile(ctx);
        return;
      }
      if (unchanged(ctx, memo, kinds)) {
        memo.storeVersion = ctx.store.version;
        return;
      }
      // The versions read before the pass, kept in the memo's own array (valid again only if the pass wrote nothing).
      memo.valid = false;
      const versions = memo.versions;
      versions.length = kinds.length;
      for (let i = 0; i < kinds.length; i++) versions[i] = ctx.store.kindVersion(kinds[i]);
      const before = ctx.store.version;
      let earliestWake = Infinity;
      const run = inputs.clock && inputs.wakesAtDeadlines
        ? {
            ...ctx,
            wakeAt(ms: number): void {
              if (ms < earliestWake) earliestWake = ms;
              ctx.wakeAt(ms);
            },
          }
        : ctx;
      controller.reconcile(run);
      memo.valid = ctx.store.version === before;
      memo.kinds = kinds;
      memo.atMs = ctx.now;
      memo.storeVersion = ctx.store.version;
      if (byDeadline && memo.valid) memo.untilMs = inputs.wakesAtDeadlines ? earliestWake : inputs.clockMattersAt!(ctx);
    },
  };
}
