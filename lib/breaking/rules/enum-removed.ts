import type { BreakingRule } from "../types.js";
import { removedOf, renameNote } from "../rule-helpers.js";
/** An enum was removed or renamed. Code that uses the enum no longer compiles. */
export const enumRemovedRule: BreakingRule = {
  meta: {
    id: "ENUM_REMOVED",
    category: "caller",
    purpose: "An enum was removed or renamed. Code that uses the enum no longer compiles.",
  },
  check(change, context) {
    if (!removedOf(change, context, ["enum"])) return [];
    return [`enum ${change.label} was removed${renameNote(change, context)}`];
  },
};
