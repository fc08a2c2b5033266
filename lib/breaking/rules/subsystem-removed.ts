import type { BreakingRule } from "../types.js";
import { removedOf } from "../rule-helpers.js";
/** A subsystem was removed: everything in it is gone (its members are reported once, here). */
export const subsystemRemovedRule: BreakingRule = {
  meta: {
    id: "SUBSYSTEM_REMOVED",
    category: "caller",
    purpose: "A subsystem was removed: everything in it is gone (its members are reported once, here).",
  },
  check(change, context) {
    if (!removedOf(change, context, ["subsystem"])) return [];
    return [`subsystem ${change.label} was removed`];
  },
};
