import type { BreakingRule } from "../types.js";
import { addedOf } from "../rule-helpers.js";
/** A new component, interface, entity, event, enum or subsystem: nothing existing depends on it yet. */
export const elementAddedRule: BreakingRule = {
  meta: {
    id: "ELEMENT_ADDED",
    category: "non-breaking",
    purpose: "A new component, interface, entity, event, enum or subsystem: nothing existing depends on it yet.",
  },
  check(change, context) {
    if (!addedOf(change, context, ["subsystem", "component", "interface", "entity", "event", "enum"])) return [];
    const from = change.renamedFrom ? ` (renamed from ${context.name(change.renamedFrom)})` : "";
    return [`new ${change.kind} ${change.label}${from}`];
  },
};
