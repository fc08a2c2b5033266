import Mustache from "mustache";
import { displayName } from "../breaking/rule-helpers.js";
import { formatLocation } from "../diagnostics.js";
import type { StatementChange } from "../diff/types.js";
import { builtinTemplateSource, layerTemplateSources } from "../emitters/templates.js";
import type { TemplateSource } from "../emitters/types.js";
import { clip, excerptChange } from "./excerpt-change.js";
import { isTraceOnly } from "./build-impact-report.js";
import type { ContractItem, ImpactReport, StatementQuote } from "./types.js";

export interface RenderImpactMarkdownOptions {
  /** Template overrides, e.g. a repository's `.penult/templates/report/impact.md.mustache`. */
  templates?: TemplateSource;
}

/** Template name under templates/. */
export const IMPACT_TEMPLATE = "report/impact.md.mustache";

/** Names listed in the folded TRACE_ONLY_CHANGED row before "and n more". */
const MAX_TRACE_NAMES = 12;

/**
 * Rows per table and items per contract file before "… n more": a PR body holds at most 65,536
 * characters, and a reviewer reads the first screens. `--json` always has everything.
 */
const MAX_ROWS = 40;

/** Element names listed in one table cell before "+ n more". */
const MAX_ELEMENTS_PER_CELL = 6;

const WHO: Record<string, string> = { implementer: "implementers", caller: "callers" };

/**
 * The impact report as GitHub-flavoured markdown: the PR body of a contracts PR and the preview
 * comment on a statements PR. Layout and wording live in templates/report/impact.md.mustache
 * (overridable); this module only prepares escaped, single-line values.
 */
export function renderImpactMarkdown(report: ImpactReport, options: RenderImpactMarkdownOptions = {}): string {
  const source = layerTemplateSources(options.templates, builtinTemplateSource);
  const template = source(IMPACT_TEMPLATE);
  if (template === undefined) throw new Error(`penult: template ${IMPACT_TEMPLATE} not found`);

  const byId = new Map(report.elements.map((e) => [e.id, e]));
  const elementCell = (ids: string[]): string => {
    // Trace-only changes (a container now also cites the statement) are counted, not listed.
    const real = ids.filter((id) => !isTraceOnly(byId.get(id)!));
    const traced = ids.length - real.length;
    const parts = real.slice(0, MAX_ELEMENTS_PER_CELL).map((id) => {
      const c = byId.get(id)!;
      const what = c.change === "changed" ? c.aspects.filter((a) => a !== "trace").join(", ") : c.change;
      return `\`${md(displayName(id))}\` (${md(what)})`;
    });
    if (real.length > MAX_ELEMENTS_PER_CELL) parts.push(`+ ${real.length - MAX_ELEMENTS_PER_CELL} more`);
    if (traced) parts.push(real.length ? `+ ${traced} traced only` : `${traced} traced only (no contract change)`);
    return parts.length ? parts.join(", ") : "none";
  };
  const nonBreaking = report.findings.filter((f) => f.category === "non-breaking" && f.rule !== "TRACE_ONLY_CHANGED");
  const traceOnly = report.findings.filter((f) => f.rule === "TRACE_ONLY_CHANGED");
  const nonBreakingRows = nonBreaking.map((f) => ({ rule: f.rule, element: displayName(f.element), message: md(f.message) }));
  if (traceOnly.length) {
    const names = traceOnly.map((f) => displayName(f.element));
    nonBreakingRows.push({
      rule: "TRACE_ONLY_CHANGED",
      element: names.length === 1 ? names[0]! : `${names.length} elements`,
      message: md(`now traced to other statements (no contract change): ${listSome(names, MAX_TRACE_NAMES)}`),
    });
  }

  const view = {
    summary: md(report.summary.text),
    base: md(report.base),
    head: md(report.head),
    hasRenamedFiles: report.renamedFiles.length > 0,
    renamedFiles: report.renamedFiles.map((r) => ({ from: r.from, to: r.to, count: r.statements === 1 ? "1 statement" : `${r.statements} statements` })),
    hasStatements: report.statements.length > 0,
    moreStatements: more(report.statements.length, "statements"),
    statements: report.statements.slice(0, MAX_ROWS).map((row) => ({
      id: row.change.id,
      where: where(row.change),
      change: describeStatementChange(row.change),
      elements: elementCell(row.elements),
    })),
    hasBreaking: report.findings.some((f) => f.category !== "non-breaking"),
    moreBreaking: more(report.findings.filter((f) => f.category !== "non-breaking").length, "breaking changes"),
    breaking: report.findings
      .filter((f) => f.category !== "non-breaking")
      .sort((a, b) => (a.category === b.category ? 0 : a.category === "implementer" ? -1 : 1))
      .slice(0, MAX_ROWS)
      .map((f) => ({ who: WHO[f.category], rule: f.rule, element: displayName(f.element), message: md(f.message) })),
    hasNonBreaking: nonBreakingRows.length > 0,
    nonBreakingTitle: nonBreakingTitle(nonBreaking.length + traceOnly.length),
    nonBreaking: nonBreakingRows.slice(0, MAX_ROWS),
    moreNonBreaking: more(nonBreakingRows.length, "changes"),
    hasDiagram: report.diagram.length > 0,
    diagram: report.diagram,
    hasContracts: report.contracts.length > 0,
    moreContracts: more(report.contracts.length, "contract files"),
    contracts: report.contracts.slice(0, MAX_ROWS).map((s) => ({
      title: s.file ? `\`${s.file}\`${s.status && s.status !== "modified" ? ` (${s.status})` : ""}` : `\`${md(displayName(s.owner!))}\` (${s.ownerKind})`,
      groups: groupByStatements(s.items).slice(0, MAX_ROWS),
      moreGroups: more(groupByStatements(s.items).length, "statements"),
      hasQuotes: s.quotes.length > 0,
      quotes: foldRenamedQuotes(s.quotes, report).map((quote) => ({ quote })),
      empty: s.items.length === 0 && s.quotes.length === 0,
    })),
    hasUntraced: report.untraced.length > 0,
    untraced: report.untraced.map((id) => `\`${md(displayName(id))}\``).join(", "),
    hasDiagnostics: report.diagnostics.length > 0,
    diagnostics: report.diagnostics.map((d) => md(`${formatLocation(d) ? formatLocation(d) + ": " : ""}${d.message}`)),
  };
  // Values are escaped above for markdown; the template escape only keeps every value on one line.
  const out = Mustache.render(template.replace(/\r\n?/g, "\n"), view, undefined, { escape: (v: unknown) => String(v).replace(/[\r\n]+/g, " ") });
  return out.replace(/\n{3,}/g, "\n\n").replace(/\s+$/, "") + "\n";
}

/**
 * Items of one contract section grouped by the statements behind them, so each statement is quoted
 * once and followed by everything it changed in the file.
 */
function groupByStatements(items: readonly ContractItem[]): { head: string; statements: { quote: string }[]; changes: { what: string; rules: string }[] }[] {
  const groups = new Map<string, ContractItem[]>();
  for (const i of items) {
    const key = i.statements.map((q) => q.id).join("\n");
    groups.set(key, [...(groups.get(key) ?? []), i]);
  }
  return [...groups.entries()].map(([key, list]) => ({
    // One statement is quoted as the bullet itself; several are listed under a heading line.
    head: key === "" ? "Not traced to a changed statement:" : list[0]!.statements.length === 1 ? quoteLine(list[0]!.statements[0]!) : "Because these statements changed:",
    statements: list[0]!.statements.length > 1 ? list[0]!.statements.map((q) => ({ quote: quoteLine(q) })) : [],
    changes: list.map((i) => ({ what: md(capitalise(i.what.join("; "))), rules: i.rules.join(", ") })),
  }));
}

/** "… and 12 more statements (see --json)" past {@link MAX_ROWS}, else "". */
function more(n: number, what: string): string {
  return n > MAX_ROWS ? `… and ${n - MAX_ROWS} more ${what} (the JSON report has them all)` : "";
}

function nonBreakingTitle(n: number): string {
  return n === 1 ? "1 non-breaking change" : `${n} non-breaking changes`;
}

function where(c: StatementChange): string {
  const s = (c.current ?? c.previous)!;
  return `${s.file}:${s.line}`;
}

/** "edited: “…old…” → “…new…”", "added: “…”", "moved: A › B → C". */
export function describeStatementChange(c: StatementChange): string {
  switch (c.kind) {
    case "added":
      return `added: “${emph(md(clip(c.current!.text)))}”`;
    case "removed":
      return `removed: “${emph(md(clip(c.previous!.text)))}”`;
    case "edited": {
      const ex = excerptChange(c.previous!.text, c.current!.text);
      const moved = c.locationChanged ? ` (also moved ${movedWhere(c.previous!, c.current!)})` : "";
      return `edited: “${emph(md(ex.before))}” → “${emph(md(ex.after))}”${moved}`;
    }
    case "moved":
      return `moved ${movedWhere(c.previous!, c.current!)}: “${emph(md(clip(c.current!.text)))}”`;
  }
}

function location(s: { file: string; headingPath: string[] }): string {
  return md([`${s.file}`, ...s.headingPath].join(" › "));
}

/** "heading “A” to “B”" or "file a.md to b.md": only the part of the location that differs. */
function movedWhere(a: { file: string; headingPath: string[] }, b: { file: string; headingPath: string[] }): string {
  if (a.file !== b.file) return `from ${location(a)} to ${location(b)}`;
  let i = 0;
  while (i < a.headingPath.length && i < b.headingPath.length && a.headingPath[i] === b.headingPath[i]) i++;
  const from = a.headingPath.slice(i).join(" › ") || "(top of the file)";
  const to = b.headingPath.slice(i).join(" › ") || "(top of the file)";
  return `from heading “${md(from)}” to “${md(to)}”`;
}

function listSome(names: string[], max: number): string {
  return names.length <= max ? names.join(", ") : `${names.slice(0, max).join(", ")} and ${names.length - max} more`;
}

/**
 * Statements that only moved because their file was renamed are summed up in one line per rename
 * (their derived ids follow the file name, so every quote changes); the rest are quoted one by one.
 */
function foldRenamedQuotes(quotes: readonly StatementQuote[], report: ImpactReport): string[] {
  const renamedBy = new Map(report.statements.map((r) => [r.change.id, r.change]));
  const viaRename = new Set<string>();
  for (const q of quotes) {
    if (q.kind === "moved" && !renamedBy.has(q.id)) viaRename.add(q.id);
  }
  const out = quotes.filter((q) => !viaRename.has(q.id)).map(quoteLine);
  if (viaRename.size) {
    const files = report.renamedFiles.map((r) => `\`${md(r.from)}\` → \`${md(r.to)}\``).join(", ");
    out.push(`${viaRename.size} statement${viaRename.size === 1 ? "" : "s"} of the renamed file ${files}: same text, new ids (derived ids include the file path)`);
  }
  return out;
}

function quoteLine(q: StatementQuote): string {
  const head = `\`${q.id}\` (${q.kind === "unchanged" ? "unchanged" : q.kind}${q.where ? `, ${md(q.where)}` : ""})`;
  if (q.before !== undefined && q.after !== undefined && q.before !== q.after) {
    const ex = excerptChange(q.before, q.after);
    return `${head}: “${emph(md(ex.before))}” → “${emph(md(ex.after))}”`;
  }
  const text = q.after ?? q.before ?? "";
  return `${head}: “${emph(md(clip(text)))}”`;
}

/** Escapes markdown and table syntax in plain text; emphasis markers become `**`. */
export function md(text: string): string {
  return text
    .replace(/[\r\n]+/g, " ")
    .replace(/([\\`*_[\]|~#])/g, "\\$1")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

function emph(text: string): string {
  return text.replace(/\u0001/g, "**").replace(/\u0002/g, "**");
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
