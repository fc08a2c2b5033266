import type { BreakingRule } from "../types.js";
import { ownPair } from "../rule-helpers.js";
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
    return [`field ${change.label} changed type: ${before} → ${after}`];
  },
};
