import type { BreakingRule } from "../types.js";
import { removedOf, renameNote } from "../rule-helpers.js";
/** An entity was removed or renamed. Code that reads, builds or stores the entity no longer compiles. */
export const entityRemovedRule: BreakingRule = {
  meta: {
    id: "ENTITY_REMOVED",
    category: "caller",
    purpose: "An entity was removed or renamed. Code that reads, builds or stores the entity no longer compiles.",
  },
  check(change, context) {
    if (!removedOf(change, context, ["entity"])) return [];
    return [`entity ${change.label} was removed${renameNote(change, context)}`];
  },
};
