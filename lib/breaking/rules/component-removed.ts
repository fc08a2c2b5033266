import type { BreakingRule } from "../types.js";
import { displayName, removedOf, renameNote } from "../rule-helpers.js";
/** A component was removed or renamed. Code that depends on the component's interfaces no longer compiles. */
export const componentRemovedRule: BreakingRule = {
  meta: {
    id: "COMPONENT_REMOVED",
    category: "caller",
    purpose: "A component was removed or renamed. Code that depends on the component's interfaces no longer compiles.",
  },
  check(change, context) {
    if (!removedOf(change, context, ["component"])) return [];
    return [`component ${displayName(change.id)} was removed${renameNote(change)}`];
  },
};
