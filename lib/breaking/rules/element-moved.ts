import type { BreakingRule } from "../types.js";
/** An element moved to another parent or subsystem path with the same id: generated code moves to another module or namespace. */
export const elementMovedRule: BreakingRule = {
  meta: {
    id: "ELEMENT_MOVED",
    category: "caller",
    purpose: "An element moved to another parent or subsystem path with the same id: generated code moves to another module or namespace.",
  },
  check(change) {
    if (change.change !== "changed" || !(change.aspects.includes("parent") || change.aspects.includes("path"))) return [];
    return [`${change.kind} ${change.label} moved`];
  },
};
