import type { BreakingRule } from "../types.js";
/** The description of an element changed: contracts get a new doc comment, code is unaffected. */
export const docChangedRule: BreakingRule = {
  meta: {
    id: "DOC_CHANGED",
    category: "non-breaking",
    purpose: "The description of an element changed: contracts get a new doc comment, code is unaffected.",
  },
  check(change) {
    if (change.change !== "changed" || !change.aspects.includes("doc")) return [];
    return [`doc of ${change.kind} ${change.label} changed`];
  },
};
