import type { BreakingRule } from "../types.js";
import { displayName, ownPair } from "../rule-helpers.js";
/** The type of an entity or event field changed: code that reads or writes it uses the old type. */
export const fieldTypeChangedRule: BreakingRule = {
  meta: {
    id: "FIELD_TYPE_CHANGED",
    category: "caller",
    purpose: "The type of an entity or event field changed: code that reads or writes it uses the old type.",
  },
  check(change) {
    if (change.change !== "changed" || change.kind !== "field" || !change.aspects.includes("type")) return [];
    const [before, after] = ownPair<string>(change, "type");
    return [`field ${displayName(change.id)} changed type: ${before} → ${after}`];
  },
};
