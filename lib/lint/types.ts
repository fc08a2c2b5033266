import type { Severity } from "../diagnostics.js";
import type { Facts } from "../extract/types.js";
import type { Model } from "../model/types.js";
import type { Statement } from "../statements/types.js";

/** Severity a rule runs at, or "off". Same words as `.github/penult.yml` `lint.rules`. */
export type RuleLevel = Severity | "off";

/** JSON Schema (draft 2020-12 subset that ajv understands) for a rule's options object. */
export type OptionsSchema = Record<string, unknown>;

/** What a rule says about itself: ESLint's `meta`, trimmed to what penult needs. */
export interface RuleMeta {
  /** kebab-case id, also the docs file name: `docs/lint-rules/<id>.md`. */
  id: string;
  /** One line: what the rule reports and why it matters. */
  description: string;
  /** Level when config does not say. */
  severity: Severity;
  /** Schema of the options object; `{ type: "object", additionalProperties: false }` when there are none. */
  options: OptionsSchema;
  /** Default option values, merged under what config gives. */
  defaults: Record<string, unknown>;
  /** Message templates by message id; `{{name}}` is replaced from the report's `data`. */
  messages: Record<string, string>;
}

/** One finding from a rule, before it becomes a Diagnostic. */
export interface RuleReport {
  statement: Statement;
  messageId: string;
  data?: Record<string, string | number>;
  /**
   * Where in `statement.text` the problem is (character offset and the text found there), so
   * the diagnostic can point at the word's column. Absent: the statement's start.
   */
  at?: { offset: number; text: string };
}

/** What a rule sees. Everything is read-only; rules are pure functions of it. */
export interface RuleContext<O = Record<string, unknown>> {
  /** Statements to check, in file/line order. */
  statements: readonly Statement[];
  /** Per-statement facts from the extractor, when the caller has them (by statement id). */
  facts: ReadonlyMap<string, Facts>;
  model?: Model;
  /** Options after defaults and config are merged. */
  options: O;
  /**
   * Glossary: term normalised with `normaliseTerm` -> the term as written. Empty when the
   * repository has no glossary.
   */
  glossary: ReadonlyMap<string, string>;
  /** Raw statement files by path, when the caller has them (markup the statement text lost, e.g. `**term**`). */
  sources?: Readonly<Record<string, string>>;
}

/** A lint rule: one file in lib/lint/rules/, listed in the registry. */
export interface LintRule<O = Record<string, unknown>> {
  meta: RuleMeta;
  check(context: RuleContext<O>): RuleReport[];
}

/** Per-rule settings after the `lint:` config is read. */
export interface RuleSetting {
  level: RuleLevel;
  options: Record<string, unknown>;
}

