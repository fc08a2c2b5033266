import type { BreakingRule } from "../types.js";
import { removedOf, renameNote } from "../rule-helpers.js";
/** An interface was removed or renamed. Callers of the interface and its implementations lose their contract. */
export const interfaceRemovedRule: BreakingRule = {
  meta: {
    id: "INTERFACE_REMOVED",
    category: "caller",
    purpose: "An interface was removed or renamed. Callers of the interface and its implementations lose their contract.",
  },
  check(change, context) {
    if (!removedOf(change, context, ["interface"])) return [];
    return [`interface ${change.label} was removed${renameNote(change, context)}`];
  },
};
