import type { BreakingRule } from "../types.js";
import { removedOf, renameNote } from "../rule-helpers.js";
/** An event was removed or renamed. Publishers and subscribers of the event lose its type. */
export const eventRemovedRule: BreakingRule = {
  meta: {
    id: "EVENT_REMOVED",
    category: "caller",
    purpose: "An event was removed or renamed. Publishers and subscribers of the event lose its type.",
  },
  check(change, context) {
    if (!removedOf(change, context, ["event"])) return [];
    return [`event ${change.label} was removed${renameNote(change, context)}`];
  },
};
