import { cmp, sortDiagnostics, type Diagnostic } from "../diagnostics.js";
import type { ElementChange, ModelDiff } from "../diff/diff-model.js";
import type { ElementKind } from "../diff/flatten-model.js";
import type { StatementChange, StatementDiff } from "../diff/types.js";
import type { Finding } from "../breaking/types.js";
import type { Model } from "../model/types.js";
import { attributeContractFiles, quotedStatementIds } from "./attribute-contract-files.js";
import { renderImpactDiagram } from "./render-impact-diagram.js";
import {
  IMPACT_REPORT_VERSION,
  type ContractFileChange,
  type ContractItem,
  type ContractSection,
  type ImpactPush,
  type ImpactReport,
  type ImpactSummary,
  type StatementQuote,
  type StatementRow,
} from "./types.js";

export interface BuildImpactReportOptions {
  statementDiff: StatementDiff;
  modelDiff: ModelDiff;
  findings: readonly Finding[];
  previous: Model;
  current: Model;
  /** Labels of the two sides: `HEAD~1 (3e916d6)`, `working tree`. */
  base?: string;
  head?: string;
  /** Changed contract files (diffContractFiles); without them the explanation is per contract element. */
  contractFiles?: readonly ContractFileChange[];
  diagnostics?: readonly Diagnostic[];
}

/** Element changes kept per contract section (file or owner), most telling first; the rest are counted. */
const MAX_SECTION_ITEMS = 50;
/** Statements quoted per element change (a subsystem can be traced to thousands); the rest are counted. */
const MAX_ITEM_STATEMENTS = 5;
/** Quoted statements kept per contract section. */
const MAX_SECTION_QUOTES = 20;

/** Kinds counted in the summary line, in the order they are named there. */
const SUMMARY_KINDS: readonly ElementKind[] = ["interface", "entity", "event", "enum", "component", "subsystem", "actor"];

/**
 * Everything a reviewer needs to judge a statement change, as data: the JSON report, and what the
 * markdown renderer turns into a PR body. Pure and deterministic.
 */
export function buildImpactReport(options: BuildImpactReportOptions): ImpactReport {
  const { statementDiff, modelDiff } = options;
  const findings = [...options.findings];
  const changes = modelDiff.changes;
  const changeKinds = new Map<string, Set<ElementChange["change"]>>();
  for (const c of changes) changeKinds.set(c.id, (changeKinds.get(c.id) ?? new Set()).add(c.change));
  // A member added or removed together with its parent is told by the parent.
  const folded = (c: ElementChange): boolean => c.change !== "changed" && c.parent !== undefined && !!changeKinds.get(c.parent)?.has(c.change);
  const visible = changes.filter((c) => !folded(c));

  const statementsByChange = new Map<string, StatementChange>();
  for (const s of statementDiff.changes) statementsByChange.set(s.id, s);
  const visibleByStatement = new Map<string, string[]>();
  for (const c of visible) for (const s of c.statements) visibleByStatement.set(s, [...(visibleByStatement.get(s) ?? []), c.id]);
  const rows: StatementRow[] = statementDiff.changes
    .filter((s) => !(s.kind === "moved" && s.fileRenamed && !s.locationChanged))
    .map((s) => ({ change: s, elements: [...new Set(visibleByStatement.get(s.id) ?? [])] }));

  // Findings belong to one change: an id can be both removed and added (another kind took it over).
  const findingsBy = new Map<string, Finding[]>();
  for (const f of findings) findingsBy.set(`${f.element}\0${f.change}`, [...(findingsBy.get(`${f.element}\0${f.change}`) ?? []), f]);

  const refs = new Map<string, { file: string; line: number; text: string }>();
  for (const r of options.previous.statements) refs.set(r.id, r);
  for (const r of options.current.statements) refs.set(r.id, r);
  const quote = (id: string): StatementQuote => {
    const s = statementsByChange.get(id);
    if (!s) {
      const ref = refs.get(id);
      return { id, kind: "unchanged", where: ref ? `${ref.file}:${ref.line}` : "", ...(ref ? { after: ref.text } : {}) };
    }
    const side = (s.current ?? s.previous)!;
    const q: StatementQuote = { id, kind: s.kind, where: `${side.file}:${side.line}` };
    if (s.previous) q.before = s.previous.text;
    if (s.current) q.after = s.current.text;
    return q;
  };
  const item = (c: ElementChange): ContractItem => {
    const fs = findingsBy.get(`${c.id}\0${c.change}`) ?? [];
    const what = fs.map((f) => f.message);
    if (what.length === 0) what.push(describeAspects(c));
    return {
      element: c.id,
      label: c.label,
      kind: c.kind,
      change: c.change,
      what,
      rules: [...new Set(fs.map((f) => f.rule))].sort(cmp),
      statements: c.statements.slice(0, MAX_ITEM_STATEMENTS).map(quote),
      ...(c.statements.length > MAX_ITEM_STATEMENTS ? { moreStatements: c.statements.length - MAX_ITEM_STATEMENTS } : {}),
    };
  };

  // A section keeps its most telling items (a first push puts every element in one C# file); the rest are counted.
  const breakingIds = new Set(findings.filter((f) => f.category !== "non-breaking").map((f) => `${f.element}\0${f.change}`));
  const rank = (c: ElementChange) => (breakingIds.has(`${c.id}\0${c.change}`) ? 0 : c.change === "removed" ? 1 : c.change === "changed" ? 2 : 3);
  const section = (head: Omit<ContractSection, "items" | "quotes">, cs: readonly ElementChange[], quoted: readonly string[]): ContractSection => {
    const kept = [...cs].sort((a, b) => rank(a) - rank(b) || cmp(a.id, b.id) || cmp(a.change, b.change)).slice(0, MAX_SECTION_ITEMS);
    const keptSet = new Set(kept);
    const out: ContractSection = { ...head, items: cs.filter((c) => keptSet.has(c)).map(item), quotes: quoted.slice(0, MAX_SECTION_QUOTES).map(quote) };
    if (cs.length > kept.length) out.moreItems = cs.length - kept.length;
    if (quoted.length > MAX_SECTION_QUOTES) out.moreQuotes = quoted.length - MAX_SECTION_QUOTES;
    return out;
  };
  const signatureChanges = visible.filter((c) => !isTraceOnly(c));
  let contracts: ContractSection[];
  if (options.contractFiles) {
    // Statement ids (both sides of each change) -> the change's id, for finding quotes in doc comments.
    const statementIds = new Map<string, string>();
    for (const s of statementDiff.changes) for (const side of [s.previous, s.current]) if (side) statementIds.set(side.id, s.id);
    contracts = attributeContractFiles({ files: options.contractFiles, changes: signatureChanges, labels: modelDiff.labels }).map(({ file, changes: cs }) => {
      // A file its element changes explain needs no quotes; one they do not (doc comments only) is
      // explained by the changed statements it quotes.
      const quoted = cs.length ? [] : quotedStatementIds(file, statementIds).sort(cmp);
      return section({ file: file.path, status: file.status }, cs, quoted);
    });
  } else {
    const owners = new Map<string, ElementChange[]>();
    for (const c of signatureChanges) owners.set(c.owner, [...(owners.get(c.owner) ?? []), c]);
    contracts = [...owners.entries()]
      .sort(([a], [b]) => cmp(a, b))
      .map(([owner, cs]) => section({ owner, ownerLabel: modelDiff.labels.get(owner) ?? owner, ownerKind: cs[0]!.ownerKind }, cs, []));
  }

  const untraced = visible.filter((c) => c.statements.length === 0).map((c) => c.id);
  return {
    version: IMPACT_REPORT_VERSION,
    base: options.base ?? "previous",
    head: options.head ?? "current",
    summary: summarise({ statementDiff, changes: visible, allChanges: changes, findings }),
    statements: rows,
    renamedFiles: statementDiff.renamedFiles,
    findings,
    elements: changes,
    contracts,
    untraced,
    diagram: renderImpactDiagram({ changes: visible, findings, previous: options.previous, current: options.current }),
    diagnostics: sortDiagnostics(options.diagnostics ?? []),
  };
}

/**
 * The part of a report that says what one push changed, to show beside the cumulative report of a
 * pull request (the push's own statement rows, element changes and findings).
 */
export function toPushSection(report: ImpactReport): ImpactPush {
  return { base: report.base, head: report.head, summary: report.summary, statements: report.statements, elements: report.elements, findings: report.findings };
}

function summarise(o: {
  statementDiff: StatementDiff;
  changes: ElementChange[];
  allChanges: readonly ElementChange[];
  findings: readonly Finding[];
}): ImpactSummary {
  const st = { added: 0, removed: 0, edited: 0, moved: 0, unchanged: o.statementDiff.unchanged, renamedFiles: o.statementDiff.renamedFiles.length };
  for (const s of o.statementDiff.changes) if (!(s.kind === "moved" && s.fileRenamed && !s.locationChanged)) st[s.kind]++;
  const el = { added: 0, removed: 0, changed: 0, traceOnly: 0 };
  for (const c of o.allChanges) {
    if (isTraceOnly(c)) el.traceOnly++;
    else el[c.change]++;
  }
  const ownersByKind = new Map<ElementKind, Set<string>>();
  for (const c of o.changes) {
    if (isTraceOnly(c)) continue;
    if (!ownersByKind.has(c.ownerKind)) ownersByKind.set(c.ownerKind, new Set());
    ownersByKind.get(c.ownerKind)!.add(c.owner);
  }
  const affected: Partial<Record<ElementKind, number>> = {};
  for (const k of SUMMARY_KINDS) if (ownersByKind.get(k)?.size) affected[k] = ownersByKind.get(k)!.size;
  const breaking = { implementer: 0, caller: 0 };
  let nonBreaking = 0;
  for (const f of o.findings) {
    if (f.category === "non-breaking") nonBreaking++;
    else breaking[f.category]++;
  }

  const nStatements = st.added + st.removed + st.edited + st.moved;
  const stParts = (["edited", "added", "removed", "moved"] as const).filter((k) => st[k]).map((k) => `${st[k]} ${k}`);
  let text = nStatements === 0 ? "No statement changed" : `${plural(nStatements, "statement")} changed (${stParts.join(", ")})`;
  if (st.renamedFiles) text += `, ${plural(st.renamedFiles, "file")} renamed`;
  const affectedParts = SUMMARY_KINDS.filter((k) => affected[k]).map((k) => plural(affected[k]!, k === "entity" ? "entity" : k));
  text += " → " + (affectedParts.length ? affectedParts.join(", ") : el.traceOnly ? "no contract change (traces only)" : "no contract change");
  const br: string[] = [];
  if (breaking.implementer) br.push(`${plural(breaking.implementer, "breaking change")} for implementers`);
  if (breaking.caller) br.push(`${br.length ? breaking.caller : plural(breaking.caller, "breaking change")} for callers`);
  text += "; " + (br.length ? br.join(", ") : "nothing breaks");
  return { text, statements: st, elements: el, affected, breaking, nonBreaking };
}

/** True when only the traces of the element changed. */
export function isTraceOnly(c: ElementChange): boolean {
  return c.change === "changed" && c.aspects.length === 1 && c.aspects[0] === "trace";
}

const ASPECT_WORDS: Record<string, string> = {
  doc: "description",
  trace: "traced statements",
  params: "parameters",
  result: "result type",
  errors: "error cases",
  dependsOn: "dependencies",
  bound: "bound",
};

/** Fallback wording when no rule message describes a change. */
export function describeAspects(c: ElementChange): string {
  const name = c.label;
  if (c.change !== "changed") return `${c.kind} ${name} ${c.change}`;
  return `${c.kind} ${name}: ${c.aspects.map((a) => ASPECT_WORDS[a] ?? a).join(", ")} changed`;
}

/** `1 entity`, `2 entities`, `3 interfaces`. */
export function plural(n: number, word: string): string {
  if (n === 1) return `${n} ${word}`;
  if (word.endsWith("y") && !/[aeiou]y$/.test(word)) return `${n} ${word.slice(0, -1)}ies`;
  if (/(s|x|ch|sh)$/.test(word)) return `${n} ${word}es`;
  return `${n} ${word}s`;
}
