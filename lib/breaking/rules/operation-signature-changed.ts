import type { BreakingRule } from "../types.js";
/** The parameters, result or asynchrony of an operation changed: implementations must change the method signature to match. */
export const operationSignatureChangedRule: BreakingRule = {
  meta: {
    id: "OPERATION_SIGNATURE_CHANGED",
    category: "implementer",
    purpose: "The parameters, result or asynchrony of an operation changed: implementations must change the method signature to match.",
  },
  check(change) {
    if (change.change !== "changed" || change.kind !== "operation") return [];
    const what = change.aspects.filter((a) => a === "params" || a === "result" || a === "async");
    if (what.length === 0) return [];
    const words = what.map((a) => (a === "params" ? "parameters" : a === "result" ? "result type" : "asynchrony"));
    return [`implementations of ${change.label} must match its new ${words.join(" and ")}`];
  },
};
