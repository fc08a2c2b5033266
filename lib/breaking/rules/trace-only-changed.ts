import type { BreakingRule } from "../types.js";
/** Only the statements an element is traced to changed: the contract is the same, its provenance moved. */
export const traceOnlyChangedRule: BreakingRule = {
  meta: {
    id: "TRACE_ONLY_CHANGED",
    category: "non-breaking",
    purpose: "Only the statements an element is traced to changed: the contract is the same, its provenance moved.",
  },
  check(change) {
    if (change.change !== "changed" || change.aspects.length !== 1 || change.aspects[0] !== "trace") return [];
    return [`${change.kind} ${change.label} is traced to other statements`];
  },
};
