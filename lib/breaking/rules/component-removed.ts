import type { BreakingRule } from "../types.js";
import { removedOf, renameNote } from "../rule-helpers.js";
/** A component was removed or renamed. Code that depends on the component's interfaces no longer compiles. */
export const componentRemovedRule: BreakingRule = {
  meta: {
    id: "COMPONENT_REMOVED",
    category: "caller",
    purpose: "A component was removed or renamed. Code that depends on the component's interfaces no longer compiles.",
  },
  check(change, context) {
    if (!removedOf(change, context, ["component"])) return [];
    return [`component ${change.label} was removed${renameNote(change, context)}`];
  },
};
