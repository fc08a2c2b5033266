import type { BreakingRule } from "../types.js";
/** An element kept its identity but changed its name: code that names it breaks. */
export const elementRenamedRule: BreakingRule = {
  meta: {
    id: "ELEMENT_RENAMED",
    category: "caller",
    purpose: "An element kept its identity but changed its name: code that names it breaks.",
  },
  check(change, context) {
    if (change.change !== "changed" || !change.aspects.includes("name")) return [];
    // The label already carries the new name: the subject is the old one, with its owner.
    const where = change.parent !== undefined && ["operation", "field", "relation", "constraint"].includes(change.kind) ? ` (in ${context.name(change.parent)})` : "";
    return [`${change.kind} ${change.previous!.name} is now named ${change.current!.name}${where}`];
  },
};
