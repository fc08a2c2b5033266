import type { Statement } from "../statements/types.js";
import type { Facts } from "./types.js";

/** PLACEHOLDER (issue 3, extract helper replaces this): one Facts per statement, same order. */
export function extractFacts(_statements: readonly Statement[]): Facts[] {
  throw new Error("extractFacts: not written yet");
}
