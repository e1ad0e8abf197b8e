/**
 * A pass-skipping wrapper for controllers: when the kinds a controller reads have not been
 * written since its last pass that changed nothing (and, for controllers that look at the
 * clock, time has not moved), running it again would change nothing either, so it is
 * skipped. A pass that wrote anything always runs again, so multi-step controllers still
 * reach their fixpoint.
 */
import type { Controller, ControllerContext } from "../runtime/controller";

/** Which inputs decide whether a controller's pass can be skipped. */
export interface UnchangedInputs {
  /**
   * Kinds the controller reads; a function when which kinds it reads depends on the model
   * (the deployment controller reads Pods only for Recreate Deployments).
   */
  kinds: readonly string[] | ((ctx: ControllerContext) => readonly string[]);
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

/** `controller`, skipped on passes where none of its inputs changed since its last no-op pass. */
export function skipWhenUnchanged<C extends Controller>(controller: C, inputs: UnchangedInputs): C {
  const byDeadline = inputs.clock && (inputs.clockMattersAt !== undefined || inputs.wakesAtDeadlines === true);
  const inputKey = (ctx: ControllerContext): string => {
    let key = inputs.clock && !byDeadline ? String(ctx.now) : "";
    const kinds = typeof inputs.kinds === "function" ? inputs.kinds(ctx) : inputs.kinds;
    for (const k of kinds) key += `|${k}:${ctx.store.kindVersion(k)}`;
    return key;
  };
  return {
    ...controller,
    name: controller.name,
    reconcile(ctx: ControllerContext): void {
      const memo = ctx.state(controller.name, "unchanged-inputs", () => ({ key: "", untilMs: Infinity }));
      const key = inputKey(ctx);
      if (key === memo.key && (!byDeadline || ctx.now < memo.untilMs)) return;
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
      memo.key = ctx.store.version === before ? key : "";
      if (byDeadline && memo.key !== "") memo.untilMs = inputs.wakesAtDeadlines ? earliestWake : inputs.clockMattersAt!(ctx);
    },
  };
}
