import type { LintConfig } from "../config/types.js";
import { sortDiagnostics, type Diagnostic } from "../diagnostics.js";
import type { Facts } from "../extract/types.js";
import type { Model } from "../model/types.js";
import type { Statement } from "../statements/types.js";
import { locateOffset } from "./locate-offset.js";
import { resolveLintConfig } from "./resolve-lint-config.js";
import { RULES } from "./rules/index.js";
import { formatMessage, normaliseTerm } from "./text-utils.js";
import type { LintRule } from "./types.js";

export interface LintStatementsOptions {
  statements: readonly Statement[];
  /** Extractor facts; contradiction uses their numeric constraints when present. */
  facts?: readonly Facts[];
  model?: Model;
  /** The `lint:` section of `.github/penult.yml`. */
  config?: LintConfig;
  /** Config file path for config diagnostics. */
  configFile?: string;
  /**
   * Raw statement files by repository path. Optional: with them, findings point at the exact
   * column of the word even when markup or wrapping changed the statement's text.
   */
  sources?: Readonly<Record<string, string>>;
  /** Rules to run (tests); default: the registry. */
  rules?: readonly LintRule<any>[];
}

/** `vague-terms` -> `LINT_VAGUE_TERMS`: the diagnostic code of a rule. */
export function lintCode(ruleId: string): string {
  return `LINT_${ruleId.toUpperCase().replace(/-/g, "_")}`;
}

/** The repository glossary: statements of kind "glossary" (`**Term**: definition`). */
export function collectGlossary(statements: readonly Statement[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of statements) {
    if (s.kind !== "glossary") continue;
    const term = s.glossary?.term ?? /^\s*\**([^:*]+?)\**\s*:/.exec(s.text)?.[1];
    const key = term ? normaliseTerm(term) : "";
    if (term && key && !out.has(key)) out.set(key, term.trim());
  }
  return out;
}

/**
 * Runs the statement lint rules and returns their findings as diagnostics (code
 * `LINT_<RULE_ID>`, severity from config or the rule's default, file:line:column of the word),
 * sorted. Pure: the same statements and config give the same diagnostics. Config problems are
 * returned as diagnostics too; a rule that throws becomes one `LINT_RULE_FAILED` diagnostic
 * instead of stopping the others.
 */
export function lintStatements(options: LintStatementsOptions): Diagnostic[] {
  const rules = options.rules ?? RULES;
  const resolved = resolveLintConfig({ config: options.config, file: options.configFile, rules });
  const out: Diagnostic[] = [...resolved.diagnostics];
  const facts = new Map((options.facts ?? []).map((f) => [f.id, f]));
  const glossary = collectGlossary(options.statements);
  for (const rule of rules) {
    const setting = resolved.rules[rule.meta.id]!;
    if (setting.level === "off") continue;
    let reports;
    try {
      reports = rule.check({ statements: options.statements, facts, model: options.model, options: setting.options, glossary, sources: options.sources });
    } catch (err) {
      out.push({ code: "LINT_RULE_FAILED", severity: "error", message: `lint rule ${rule.meta.id} failed: ${err instanceof Error ? err.message : String(err)}` });
      continue;
    }
    for (const r of reports) {
      const template = rule.meta.messages[r.messageId] ?? r.messageId;
      const place = r.at
        ? locateOffset({ statement: r.statement, offset: r.at.offset, text: r.at.text, source: options.sources?.[r.statement.file] })
        : r.statement.span.start;
      out.push({
        code: lintCode(rule.meta.id),
        severity: setting.level,
        message: `${formatMessage(template, r.data)} (${rule.meta.id})`,
        file: r.statement.file,
        line: place.line,
        column: place.column,
        statement: r.statement.id,
      });
    }
  }
  return sortDiagnostics(out);
}
