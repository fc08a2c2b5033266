import type { LintRule } from "../types.js";
import { ambiguousPronoun } from "./ambiguous-pronoun.js";
import { contradiction } from "./contradiction.js";
import { duplicateStatement } from "./duplicate-statement.js";
import { earsShape } from "./ears-shape.js";
import { missingModal } from "./missing-modal.js";
import { undefinedTerm } from "./undefined-term.js";
import { vagueTerms } from "./vague-terms.js";

/**
 * Every lint rule, alphabetical by id. test/lint/rule-parity.test.ts checks the order and that
 * each rule has docs (docs/lint-rules/<id>.md), a test and fixtures.
 */
export const RULES: readonly LintRule<any>[] = [
  ambiguousPronoun,
  contradiction,
  duplicateStatement,
  earsShape,
  missingModal,
  undefinedTerm,
  vagueTerms,
];
