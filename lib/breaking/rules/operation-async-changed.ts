import type { BreakingRule } from "../types.js";
import { ownPair } from "../rule-helpers.js";
/** An operation became asynchronous (or stopped being): callers must await its result, or stop awaiting it. */
export const operationAsyncChangedRule: BreakingRule = {
  meta: {
    id: "OPERATION_ASYNC_CHANGED",
    category: "caller",
    purpose: "An operation became asynchronous (or stopped being): callers must await its result, or stop awaiting it.",
  },
  check(change) {
    if (change.change !== "changed" || !change.aspects.includes("async")) return [];
    const [, after] = ownPair<boolean>(change, "async");
    return [`${change.label} is now ${after ? "asynchronous (returns a promise/future)" : "synchronous"}`];
  },
};
