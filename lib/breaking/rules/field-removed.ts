import type { BreakingRule } from "../types.js";
import { removedOf, renameNote } from "../rule-helpers.js";
/** A field was removed from an entity or event (or renamed): code that reads or writes it breaks. */
export const fieldRemovedRule: BreakingRule = {
  meta: {
    id: "FIELD_REMOVED",
    category: "caller",
    purpose: "A field was removed from an entity or event (or renamed): code that reads or writes it breaks.",
  },
  check(change, context) {
    if (!removedOf(change, context, ["field"])) return [];
    return [`field ${change.label} was removed${renameNote(change, context)}`];
  },
};
