import type { BreakingRule } from "../types.js";
import { displayName } from "../rule-helpers.js";
/** An element kept its identity but changed its name: code that names it breaks. */
export const elementRenamedRule: BreakingRule = {
  meta: {
    id: "ELEMENT_RENAMED",
    category: "caller",
    purpose: "An element kept its identity but changed its name: code that names it breaks.",
  },
  check(change) {
    if (change.change !== "changed" || !change.aspects.includes("name")) return [];
    return [`${change.kind} ${displayName(change.id)} is now named ${change.current!.name} (was ${change.previous!.name})`];
  },
};
