import type { BreakingRule } from "../types.js";
import { displayName, removedOf, renameNote } from "../rule-helpers.js";
/** An event was removed or renamed. Publishers and subscribers of the event lose its type. */
export const eventRemovedRule: BreakingRule = {
  meta: {
    id: "EVENT_REMOVED",
    category: "caller",
    purpose: "An event was removed or renamed. Publishers and subscribers of the event lose its type.",
  },
  check(change, context) {
    if (!removedOf(change, context, ["event"])) return [];
    return [`event ${displayName(change.id)} was removed${renameNote(change)}`];
  },
};
