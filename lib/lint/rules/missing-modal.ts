import { tagText } from "../../nlp/tag-text.js";
import type { LintRule, RuleReport } from "../types.js";
import type { Statement } from "../../statements/types.js";

/** Labels that mark a line as a requirement: FR-001, NFR-2, REQ-12, SR-3.1, R1. */
const REQUIREMENT_LABEL = /^(?:[A-Z]{0,4}R|REQ)-?\d+(?:\.\d+)*$/;
/** Headings under which every sentence is meant as a requirement ("Requirement 3: Foo" is a title, not one). */
const REQUIREMENT_HEADING = /^(?:\d+(?:\.\d+)*\.?\s+)?(?:(?:functional|non-functional|system|software|quality)\s+)?(requirements|acceptance criteria|constraints)$/i;
const MODAL = /\b(shall|must)\b/i;
const WEAK_MODAL = /\b(should|will|would|may|might|can|could|needs? to|has to|have to|is to|are to)\b/i;
/** Kinds never expected to carry a modal. */
const EXEMPT = new Set(["user-story", "scenario", "glossary", "chat", "code"]);

interface Options {
  /** Also treat MUST as missing (EARS-strict repositories want SHALL only). */
  shallOnly: boolean;
}

function looksLikeRequirement(s: Statement): boolean {
  if (EXEMPT.has(s.kind)) return false;
  // Upper-case EARS openings are ears-shape's to judge; one finding per problem.
  if (/^\W*(?:\d+(?:\.\d+)*[.)]\s+)?(WHEN|WHILE|IF|WHERE|THE)\b/.test(s.text)) return false;
  if (s.kind.startsWith("ears-") || s.kind === "shall") return true;
  const label = s.label?.trim() ?? "";
  if (REQUIREMENT_LABEL.test(label) || /^(FR|NFR|REQ)-?\d/i.test(s.text)) return true;
  // Under a "Requirements"/"Acceptance Criteria" heading: only sentences, not fragments or notes.
  const heading = s.headingPath[s.headingPath.length - 1] ?? "";
  if (!REQUIREMENT_HEADING.test(heading.trim()) || s.kind !== "prose") return false;
  // A sentence, not a fragment, a lead-in ("... when:") or a note: >= 5 words and a verb.
  if (!/^\p{L}/u.test(s.text) || (s.text.match(/\S+/g) ?? []).length < 5 || /:\s*$/.test(s.text) || /^(note|see|e\.g\.|for example)\b/i.test(s.text)) return false;
  return tagText(s.text).tokens.some((t) => t.pos === "VERB" || t.pos === "AUX");
}

export const missingModal: LintRule<Options> = {
  meta: {
    id: "missing-modal",
    description: "Reports requirement-looking statements (FR-001 lines, items under a Requirements heading) without SHALL or MUST.",
    severity: "warning",
    options: { type: "object", additionalProperties: false, properties: { shallOnly: { type: "boolean" } } },
    defaults: { shallOnly: false },
    messages: {
      weak: "Requirement uses \"{{modal}}\" instead of SHALL/MUST: make the obligation explicit.",
      missing: "Requirement has no SHALL/MUST: state who SHALL do what.",
      "must-not-shall": "Requirement uses MUST; this repository writes SHALL.",
    },
  },
  check(context) {
    const out: RuleReport[] = [];
    for (const statement of context.statements) {
      if (!looksLikeRequirement(statement)) continue;
      const text = statement.text;
      if (MODAL.test(text)) {
        const must = /\bmust\b/i.exec(text);
        if (context.options.shallOnly && must && !/\bshall\b/i.test(text)) {
          out.push({ statement, messageId: "must-not-shall", at: { offset: must.index, text: must[0] } });
        }
        continue;
      }
      const weak = WEAK_MODAL.exec(text);
      if (weak) out.push({ statement, messageId: "weak", data: { modal: weak[0] }, at: { offset: weak.index, text: weak[0] } });
      else out.push({ statement, messageId: "missing" });
    }
    return out;
  },
};
