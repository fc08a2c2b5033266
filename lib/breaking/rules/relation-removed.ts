import type { BreakingRule } from "../types.js";
import { removedOf, renameNote } from "../rule-helpers.js";
/** A relation between entities was removed: code that navigates it breaks. */
export const relationRemovedRule: BreakingRule = {
  meta: {
    id: "RELATION_REMOVED",
    category: "caller",
    purpose: "A relation between entities was removed: code that navigates it breaks.",
  },
  check(change, context) {
    if (!removedOf(change, context, ["relation"])) return [];
    return [`relation ${change.label} was removed${renameNote(change, context)}`];
  },
};
