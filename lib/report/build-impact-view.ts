import { cmp, formatLocation } from "../diagnostics.js";
import type { Finding } from "../breaking/types.js";
import type { ElementChange } from "../diff/diff-model.js";
import type { StatementChange } from "../diff/types.js";
import { isTraceOnly } from "./build-impact-report.js";
import { code, md } from "./escape-markdown.js";
import { clip, excerptChange } from "./excerpt-change.js";
import type { ContractItem, ImpactReport, StatementQuote, StatementRow } from "./types.js";

/**
 * How much of each section a rendering shows, in order of importance: what breaks, the statements
 * (this push's, then the pull request's), the picture, then the rest. The renderer lowers these,
 * least important first, until the text fits its limit; everything left out is counted ("and 12
 * more") and is in the full report.
 */
export interface ViewCaps {
  /** Elements listed per audience (implementers, callers). */
  breaking: number;
  /** Rows of the statements table (the pull request's, or the diff's). */
  statements: number;
  /** Rows of the "this push" table. */
  push: number;
  /** Element names per table cell. */
  elementsPerCell: number;
  diagram: boolean;
  /** Lines of non-breaking changes. */
  nonBreaking: number;
  /** Contract files named (the body) or explained (the full report). */
  files: number;
  untraced: number;
  notes: number;
  /** Longest rule message shown, in characters (messages quote statement words: an error's condition, a constraint). */
  message: number;
}

/** A PR body a reviewer reads in a minute: five statements edited fit in about 6,000 characters. */
export const BODY_CAPS: ViewCaps = { breaking: 15, statements: 12, push: 8, elementsPerCell: 5, diagram: true, nonBreaking: 12, files: 24, untraced: 12, notes: 10, message: 300 };

/**
 * Everything (the full report), except per-file explanations past 300 files: GitHub itself shows at
 * most 300 files of a pull request's diff, and every element change is in the statements table.
 */
export const FULL_CAPS: ViewCaps = { breaking: Infinity, statements: Infinity, push: Infinity, elementsPerCell: Infinity, diagram: true, nonBreaking: Infinity, files: 300, untraced: Infinity, notes: Infinity, message: Infinity };

export interface ImpactViewOptions {
  /** Add the per-file explanations (the full report; in a PR they are review comments instead). */
  perFile: boolean;
  /** A markdown line saying where the full report is; empty when this is the full report. */
  fullReport: string;
  /** True when each contract file gets a review comment with its explanation. */
  fileComments: boolean;
}

const WHO: Record<"implementer" | "caller", { title: string; intro: string }> = {
  implementer: { title: "For implementers", intro: "code that implements these contracts must change:" },
  caller: { title: "For callers", intro: "code that uses them breaks:" },
};

/**
 * The values of templates/report/impact.md.mustache for one report at one level of detail. Every
 * value is escaped markdown on one line (statement text, names and paths are the repository's, so
 * untrusted); sections are ordered and capped by importance.
 */
export function buildImpactView(report: ImpactReport, caps: ViewCaps, options: ImpactViewOptions): Record<string, unknown> {
  const more = (n: number, what: string) => (n > 0 ? `… and ${n} more ${what}${options.fullReport ? " (in the full report)" : ""}` : "");
  const audiences = (["implementer", "caller"] as const)
    .map((who) => {
      const entries = breakingEntries(report.findings.filter((f) => f.category === who), report.elements, caps);
      return {
        title: WHO[who].title,
        intro: WHO[who].intro,
        items: entries.slice(0, caps.breaking),
        more: more(entries.length - Math.min(entries.length, caps.breaking), entries.length - caps.breaking === 1 ? "element" : "elements"),
      };
    })
    .filter((a) => a.items.length > 0);

  const rows = (list: readonly StatementRow[], elements: readonly ElementChange[], findings: readonly Finding[], cap: number) => {
    const shown = pickRows(list, elements, findings, cap);
    const left = list.filter((r) => !shown.includes(r));
    return {
      rows: shown.map((r) => ({ statement: statementCell(r.change), change: describeStatementChange(r.change), elements: elementCell(r.elements, elements, caps.elementsPerCell) })),
      more: left.length ? more(left.length, `${left.length === 1 ? "statement" : "statements"} (${countKinds(left)})`) : "",
    };
  };

  const statements = rows(report.statements, report.elements, report.findings, caps.statements);
  const push = report.push && {
    range: `${md(report.push.base)} → ${md(report.push.head)}`,
    summary: md(report.push.summary.text),
    hasRows: report.push.statements.length > 0 && caps.push > 0,
    none: report.push.statements.length === 0,
    ...rows(report.push.statements, report.push.elements, report.push.findings, caps.push),
  };

  const nonBreaking = nonBreakingLines(report.findings, report.elements, caps);
  const nonBreakingCount = report.findings.filter((f) => f.category === "non-breaking").length;
  const files = report.contracts.filter((s) => s.file !== undefined);
  const fileGroups = groupFiles(files.map((s) => ({ path: s.file!, note: s.status === "added" ? " (new)" : s.status === "removed" ? " (removed)" : "" })), caps.files);
  const untracedLabels = [...new Set(report.untraced.map((id) => labelOf(id, report.elements)))].sort(cmp);
  const notes = report.diagnostics.map((d) => md(`${formatLocation(d) ? formatLocation(d) + ": " : ""}${d.message}`));
  const detailParts = [
    nonBreakingCount ? (nonBreakingCount === 1 ? "1 non-breaking change" : `${nonBreakingCount} non-breaking changes`) : "",
    files.length ? `${files.length} contract ${files.length === 1 ? "file" : "files"}` : "",
    untracedLabels.length ? `${untracedLabels.length} changed without a changed statement` : "",
    notes.length ? `${notes.length} ${notes.length === 1 ? "note" : "notes"}` : "",
  ].filter(Boolean);

  return {
    summary: md(report.summary.text),
    base: md(report.base),
    head: md(report.head),
    push: push ?? false,
    inPullRequest: Boolean(report.push),
    hasBreaking: audiences.length > 0,
    audiences,
    hasStatements: report.statements.length > 0,
    showStatements: report.statements.length > 0 && caps.statements > 0,
    statements: statements.rows,
    moreStatements: statements.more,
    hasRenamedFiles: report.renamedFiles.length > 0,
    renamedFiles: report.renamedFiles.map((r) => ({ from: md(r.from), to: md(r.to), count: r.statements === 1 ? "1 statement" : `${r.statements} statements` })),
    hasDiagram: caps.diagram && report.diagram.length > 0,
    diagram: report.diagram,
    hasDetails: detailParts.length > 0,
    detailsTitle: detailParts.join(" · "),
    hasNonBreaking: nonBreaking.length > 0,
    nonBreaking: nonBreaking.slice(0, caps.nonBreaking).map((line) => ({ line })),
    moreNonBreaking: more(Math.max(0, nonBreaking.length - caps.nonBreaking), "lines"),
    hasFiles: files.length > 0,
    fileCount: files.length === 1 ? "1 file" : `${files.length} files`,
    fileGroups,
    fileComments: options.fileComments,
    hasUntraced: untracedLabels.length > 0,
    untraced: listSome(untracedLabels.map((l) => code(l)), caps.untraced),
    hasDiagnostics: notes.length > 0,
    diagnostics: notes.slice(0, caps.notes),
    moreDiagnostics: more(Math.max(0, notes.length - caps.notes), "notes"),
    perFile: options.perFile && report.contracts.length > 0,
    moreContracts: options.perFile ? more(Math.max(0, report.contracts.length - caps.files), report.contracts.length - caps.files === 1 ? "contract file" : "contract files") : "",
    contracts: options.perFile
      ? report.contracts.slice(0, caps.files).map((s) => ({
          title: s.file ? `${code(s.file)}${s.status && s.status !== "modified" ? ` (${s.status})` : ""}` : `${code(s.ownerLabel ?? s.owner ?? "")} (${s.ownerKind})`,
          groups: groupByStatements(s.items),
          moreItems: s.moreItems ? `… and ${s.moreItems} more element ${s.moreItems === 1 ? "change" : "changes"} (each is in the statements table above)` : "",
          hasQuotes: s.quotes.length > 0,
          quotes: foldRenamedQuotes(s.quotes, s.moreQuotes ?? 0, report).map((quote) => ({ quote })),
          empty: s.items.length === 0 && s.quotes.length === 0,
        }))
      : [],
    fullReport: options.fullReport,
  };
}

/** One line per element that breaks someone: the element once, all its messages for this audience. */
function breakingEntries(findings: readonly Finding[], elements: readonly ElementChange[], caps: ViewCaps): { element: string; what: string }[] {
  const byElement = new Map<string, Finding[]>();
  for (const f of findings) byElement.set(`${f.element}\0${f.change}`, [...(byElement.get(`${f.element}\0${f.change}`) ?? []), f]);
  const rank = { removed: 0, changed: 1, added: 2 } as const;
  return [...byElement.values()]
    .map((fs) => {
      const f = fs[0]!;
      const label = labelOf(f.element, elements, f.change);
      const what = [...new Set(fs.map((x) => stripSubject(x.message, label, f.elementKind)))].join("; ");
      return { f, label, n: fs.length, element: code(label), what: `(${md(f.elementKind)}): ${md(clip(what, caps.message))}` };
    })
    .sort((a, b) => rank[a.f.change] - rank[b.f.change] || b.n - a.n || cmp(a.label, b.label) || cmp(a.f.element, b.f.element))
    .map(({ element, what }) => ({ element, what }));
}

/** "operation Api.add was removed" about `Api.add` -> "was removed": the line already names it. */
function stripSubject(message: string, label: string, kind: string): string {
  for (const prefix of [`${kind} ${label} `, `${label} `]) if (message.startsWith(prefix)) return message.slice(prefix.length);
  return message;
}

interface ElementIndex {
  /** One change per id (an added or removed one before a "changed" one: ids traded between kinds). */
  byId: Map<string, ElementChange>;
  byIdAndChange: Map<string, ElementChange>;
}

/** Indexes of a report's element lists, built once per list (a 10,000-statement report has tens of thousands). */
const INDEXES = new WeakMap<readonly ElementChange[], ElementIndex>();

function indexOf(elements: readonly ElementChange[]): ElementIndex {
  let index = INDEXES.get(elements);
  if (!index) {
    index = { byId: new Map(), byIdAndChange: new Map() };
    for (const e of elements) {
      if (!index.byId.has(e.id) || e.change !== "changed") index.byId.set(e.id, e);
      index.byIdAndChange.set(`${e.id}\0${e.change}`, e);
    }
    INDEXES.set(elements, index);
  }
  return index;
}

/** The label of an element change by id (preferring the change of the given kind), else the id. */
function labelOf(id: string, elements: readonly ElementChange[], change?: ElementChange["change"]): string {
  const index = indexOf(elements);
  return ((change && index.byIdAndChange.get(`${id}\0${change}`)) || index.byId.get(id))?.label ?? id;
}

/**
 * The rows shown when a table is capped: those whose elements break someone, then those that change
 * the most contract elements, then edits before removals before additions; shown in file order.
 */
function pickRows(rows: readonly StatementRow[], elements: readonly ElementChange[], findings: readonly Finding[], cap: number): StatementRow[] {
  if (rows.length <= cap) return [...rows];
  const breaking = new Set(findings.filter((f) => f.category !== "non-breaking").map((f) => f.element));
  const byId = indexOf(elements).byId;
  const kindRank: Record<StatementChange["kind"], number> = { edited: 3, removed: 2, added: 1, moved: 0 };
  const score = (r: StatementRow) => {
    const real = r.elements.filter((id) => byId.has(id) && !isTraceOnly(byId.get(id)!));
    return real.filter((id) => breaking.has(id)).length * 1000 + real.length * 10 + kindRank[r.change.kind];
  };
  const order = new Map(rows.map((r, i) => [r, i]));
  const chosen = new Set([...rows].sort((a, b) => score(b) - score(a) || order.get(a)! - order.get(b)!).slice(0, Math.max(0, cap)));
  return rows.filter((r) => chosen.has(r));
}

function countKinds(rows: readonly StatementRow[]): string {
  const n = new Map<string, number>();
  for (const r of rows) n.set(r.change.kind, (n.get(r.change.kind) ?? 0) + 1);
  return (["edited", "added", "removed", "moved"] as const).filter((k) => n.get(k)).map((k) => `${n.get(k)} ${k}`).join(", ");
}

function statementCell(c: StatementChange): string {
  const s = (c.current ?? c.previous)!;
  return `${code(c.id)}<br><sub>${md(`${s.file}:${s.line}`)}</sub>`;
}

/** Element changes of one statement by kind of change ("new: `A`, `B`; changed: `C` (params)"), trace-only ones counted, not listed. */
function elementCell(ids: readonly string[], elements: readonly ElementChange[], cap: number): string {
  const byId = indexOf(elements).byId;
  // By label, so the order never depends on how ids are spelled.
  const known = ids
    .map((id) => byId.get(id))
    .filter((c): c is ElementChange => c !== undefined)
    .sort((a, b) => cmp(a.label, b.label) || cmp(a.id, b.id));
  const real = known.filter((c) => !isTraceOnly(c));
  const traced = known.length - real.length;
  const parts: string[] = [];
  let budget = cap;
  for (const [change, word] of [["removed", "removed"], ["changed", "changed"], ["added", "new"]] as const) {
    const list = real.filter((c) => c.change === change);
    if (list.length === 0) continue;
    const shown = list.slice(0, Math.max(0, budget));
    budget -= shown.length;
    const names = shown.map((c) => (change === "changed" ? `${code(c.label)} (${md(c.aspects.filter((a) => a !== "trace").join(", "))})` : code(c.label)));
    if (list.length > shown.length) names.push(`${shown.length ? "and " : ""}${list.length - shown.length} more`);
    parts.push(`${word}: ${names.join(", ")}`);
  }
  if (traced) parts.push(real.length ? `${traced} traced only` : `${traced} traced only (no contract change)`);
  return parts.length ? parts.join("; ") : "none";
}

/**
 * Non-breaking findings, one line per rule when many elements share it ("12 new entities: …"),
 * one line per element otherwise; trace-only changes are always summed up.
 */
function nonBreakingLines(findings: readonly Finding[], elements: readonly ElementChange[], caps: ViewCaps): string[] {
  const byRule = new Map<string, Finding[]>();
  for (const f of findings) if (f.category === "non-breaking") byRule.set(f.rule, [...(byRule.get(f.rule) ?? []), f]);
  const out: { n: number; rule: string; lines: string[] }[] = [];
  for (const [rule, fs] of byRule) {
    const names = distinctNames(fs, elements);
    if (rule === "TRACE_ONLY_CHANGED") {
      out.push({ n: fs.length, rule, lines: [`${fs.length === 1 ? "1 element is" : `${fs.length} elements are`} now traced to other statements (no contract change): ${listSome(names, 8)}`] });
    } else if (fs.length <= 3) {
      out.push({ n: fs.length, rule, lines: fs.map((f) => md(clip(f.message, caps.message))) });
    } else {
      out.push({ n: fs.length, rule, lines: [`${fs.length}× ${code(rule)}: ${listSome(names, 8)}`] });
    }
  }
  return out.sort((a, b) => b.n - a.n || cmp(a.rule, b.rule)).flatMap((o) => o.lines);
}

/**
 * The elements of some findings as markdown, sorted by label; a label two elements share (a subsystem and a
 * component both called Cart) gets its kind, so every element is listed once and recognisably.
 */
function distinctNames(findings: readonly Finding[], elements: readonly ElementChange[]): string[] {
  const seen = new Map<string, { label: string; kind: string }>();
  for (const f of findings) seen.set(`${f.element}\0${f.change}`, { label: labelOf(f.element, elements, f.change), kind: f.elementKind });
  const count = new Map<string, number>();
  for (const { label } of seen.values()) count.set(label, (count.get(label) ?? 0) + 1);
  return [...seen.values()]
    .sort((a, b) => cmp(a.label, b.label) || cmp(a.kind, b.kind))
    .map(({ label, kind }) => (count.get(label)! > 1 ? `${code(label)} (${kind})` : code(label)));
}

/** Files grouped by their folder under the common prefix (the target: `typescript/`, `java/`...). */
function groupFiles(files: readonly { path: string; note: string }[], cap: number): { folder: string; count: string; names: string }[] {
  if (files.length === 0) return [];
  const split = files.map((f) => f.path.split("/"));
  let common = 0;
  while (split.every((s) => s.length - 1 > common && s[common] === split[0]![common])) common++;
  const groups = new Map<string, string[]>();
  split.forEach((s, i) => {
    const rest = s.slice(common);
    const folder = rest.length > 1 ? `${rest[0]}/` : "";
    groups.set(folder, [...(groups.get(folder) ?? []), code(rest.slice(rest.length > 1 ? 1 : 0).join("/")) + files[i]!.note]);
  });
  let budget = cap;
  return [...groups.entries()]
    .sort(([a], [b]) => cmp(a, b))
    .map(([folder, names]) => {
      const shown = names.slice(0, Math.max(0, Math.min(names.length, budget, 6)));
      budget -= shown.length;
      const rest = names.length - shown.length;
      return {
        folder: code(`${split[0]!.slice(0, common).join("/")}${common ? "/" : ""}${folder}`),
        count: names.length === 1 ? "1 file" : `${names.length} files`,
        names: shown.join(", ") + (rest ? `${shown.length ? " and " : ""}${rest} more` : ""),
      };
    });
}

/**
 * Items of one contract section grouped by the statements behind them, so each statement is quoted
 * once and followed by everything it changed in the file.
 */
export function groupByStatements(items: readonly ContractItem[]): { head: string; statements: { quote: string }[]; changes: { what: string; rules: string }[] }[] {
  const groups = new Map<string, ContractItem[]>();
  for (const i of items) {
    const key = `${i.statements.map((q) => q.id).join("\n")}\n${i.moreStatements ?? 0}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  }
  return [...groups.values()].map((list) => {
    const first = list[0]!;
    const several = first.statements.length > 1 || (first.moreStatements ?? 0) > 0;
    const statements = several ? first.statements.map((q) => ({ quote: quoteLine(q) })) : [];
    if (first.moreStatements) statements.push({ quote: `… and ${first.moreStatements} more statements` });
    return {
      // One statement is quoted as the bullet itself; several are listed under a heading line.
      head: first.statements.length === 0 ? "Not traced to a changed statement:" : several ? "Because these statements changed:" : quoteLine(first.statements[0]!),
      statements,
      changes: list.map((i) => ({ what: md(capitalise(i.what.join("; "))), rules: i.rules.join(", ") })),
    };
  });
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
      return `“${emph(md(ex.before))}” → “${emph(md(ex.after))}”${moved}`;
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

/** `a, b, c and 4 more` (items already markdown). */
export function listSome(items: readonly string[], max: number): string {
  return items.length <= max ? items.join(", ") : `${items.slice(0, max).join(", ")} and ${items.length - max} more`;
}

/**
 * Statements that only moved because their file was renamed are summed up in one line per rename
 * (their derived ids follow the file name, so every quote changes); the rest are quoted one by one.
 * `more` quotes were left out of the section: when every quote kept was such a move, they are too.
 */
function foldRenamedQuotes(quotes: readonly StatementQuote[], more: number, report: ImpactReport): string[] {
  const renamedBy = new Map(report.statements.map((r) => [r.change.id, r.change]));
  const viaRename = new Set<string>();
  for (const q of quotes) {
    if (q.kind === "moved" && !renamedBy.has(q.id)) viaRename.add(q.id);
  }
  const out = quotes.filter((q) => !viaRename.has(q.id)).map(quoteLine);
  const allMoves = viaRename.size === quotes.length;
  if (viaRename.size) {
    const n = viaRename.size + (allMoves ? more : 0);
    const files = report.renamedFiles.map((r) => `${code(r.from)} → ${code(r.to)}`).join(", ");
    out.push(`${n} statement${n === 1 ? "" : "s"} of the renamed file ${files}: same text, new ids (derived ids include the file path)`);
  }
  if (more && !allMoves) out.push(`… and ${more} more`);
  return out;
}

/** One quoted statement: id, kind, where, and old -> new text with the changed words marked. */
export function quoteLine(q: StatementQuote): string {
  const head = `${code(q.id)} (${q.kind === "unchanged" ? "unchanged" : q.kind}${q.where ? `, ${md(q.where)}` : ""})`;
  if (q.before !== undefined && q.after !== undefined && q.before !== q.after) {
    const ex = excerptChange(q.before, q.after);
    return `${head}: “${emph(md(ex.before))}” → “${emph(md(ex.after))}”`;
  }
  const text = q.after ?? q.before ?? "";
  return `${head}: “${emph(md(clip(text)))}”`;
}

/** Excerpt emphasis markers as markdown bold. */
export function emph(text: string): string {
  return text.replace(/\u0001/g, "**").replace(/\u0002/g, "**");
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
