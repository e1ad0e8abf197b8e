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
  /** Kinds the controller reads. */
  kinds: readonly string[];
  /** Whether its decisions depend on `ctx.now` (deadlines, back-offs, availability). */
  clock: boolean;
}

/** `controller`, skipped on passes where none of its inputs changed since its last no-op pass. */
export function skipWhenUnchanged<C extends Controller>(controller: C, inputs: UnchangedInputs): C {
  const inputKey = (ctx: ControllerContext): string => {
    let key = inputs.clock ? String(ctx.now) : "";
    for (const k of inputs.kinds) key += `|${ctx.store.kindVersion(k)}`;
    return key;
  };
  return {
    ...controller,
    name: controller.name,
    reconcile(ctx: ControllerContext): void {
      const memo = ctx.state(controller.name, "unchanged-inputs", () => ({ key: "" }));
      const key = inputKey(ctx);
      if (key === memo.key) return;
      const before = ctx.store.version;
      controller.reconcile(ctx);
      memo.key = ctx.store.version === before ? key : "";
    },
  };
}
