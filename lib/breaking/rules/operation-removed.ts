import type { BreakingRule } from "../types.js";
import { removedOf, renameNote } from "../rule-helpers.js";
/** An operation was removed from an interface or renamed: every call site of it breaks. */
export const operationRemovedRule: BreakingRule = {
  meta: {
    id: "OPERATION_REMOVED",
    category: "caller",
    purpose: "An operation was removed from an interface or renamed: every call site of it breaks.",
  },
  check(change, context) {
    if (!removedOf(change, context, ["operation"])) return [];
    return [`operation ${change.label} was removed${renameNote(change, context)}`];
  },
};
