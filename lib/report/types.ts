import type { Diagnostic } from "../diagnostics.js";
import type { ElementChange } from "../diff/diff-model.js";
import type { ElementKind } from "../diff/flatten-model.js";
import type { FileRename, StatementChange } from "../diff/types.js";
import type { Finding } from "../breaking/types.js";

/** Bumped when the JSON shape of the report changes incompatibly. */
export const IMPACT_REPORT_VERSION = 1 as const;

/** A contract file that differs between the two revisions (see diffContractFiles). */
export interface ContractFileChange {
  /** Path as emitted (relative to the output folder): `typescript/cart/index.ts`. */
  path: string;
  status: "added" | "removed" | "modified";
  /** Lines only in the current version. */
  addedLines: string[];
  /** Lines only in the previous version. */
  removedLines: string[];
}

/** One changed statement and the elements it changed. */
export interface StatementRow {
  change: StatementChange;
  /** Ids of element changes traced to this statement (members of an added/removed parent folded into it). */
  elements: string[];
}

/** A quoted statement behind a contract change. */
export interface StatementQuote {
  id: string;
  kind: StatementChange["kind"] | "unchanged";
  /** `file:line` of the current side (previous side when removed). */
  where: string;
  before?: string;
  after?: string;
}

/** One element change explained for a reviewer. */
export interface ContractItem {
  element: string;
  /** How a reviewer names the element (see ElementChange.label). */
  label: string;
  kind: ElementKind;
  change: ElementChange["change"];
  /** What changed, in words (the rules' messages, or the changed aspects). */
  what: string[];
  /** Rule ids that fired, sorted. */
  rules: string[];
  /** The changed statements behind it, at most 5; `moreStatements` counts the rest. */
  statements: StatementQuote[];
  moreStatements?: number;
}

/** The explanation for one contract file (or one contract element when no files were given). */
export interface ContractSection {
  /** The contract file, when contract files were given. */
  file?: string;
  status?: ContractFileChange["status"];
  /** The owning element, when sections are per element. */
  owner?: string;
  ownerLabel?: string;
  ownerKind?: ElementKind;
  /**
   * Element changes that explain the file (trace-only changes left out: they change no signature),
   * at most 50: breaking ones first, then removed, changed, added; `moreItems` counts the rest.
   */
  items: ContractItem[];
  moreItems?: number;
  /** Changed statements whose id appears in the file's changed lines (doc comments quote them), at most 20. */
  quotes: StatementQuote[];
  moreQuotes?: number;
}

export interface ImpactSummary {
  /** The one line: "3 statements changed → 2 interfaces, 1 entity; 1 breaking change for implementers". */
  text: string;
  statements: { added: number; removed: number; edited: number; moved: number; unchanged: number; renamedFiles: number };
  elements: { added: number; removed: number; changed: number; traceOnly: number };
  /** Distinct affected contract elements by kind (trace-only changes not counted). */
  affected: Partial<Record<ElementKind, number>>;
  breaking: { implementer: number; caller: number };
  nonBreaking: number;
}

/**
 * What the latest push alone changed, when it updates an open pull request whose report is
 * cumulative (against the default branch): its statements, element changes and findings.
 */
export interface ImpactPush {
  /** The previous push's side, e.g. `a1b2c3d (previous push)`. */
  base: string;
  head: string;
  summary: ImpactSummary;
  statements: StatementRow[];
  elements: ElementChange[];
  findings: Finding[];
}

/** The impact report as data: what `--json` prints and what the markdown is rendered from. */
export interface ImpactReport {
  version: typeof IMPACT_REPORT_VERSION;
  base: string;
  head: string;
  summary: ImpactSummary;
  statements: StatementRow[];
  renamedFiles: FileRename[];
  findings: Finding[];
  elements: ElementChange[];
  contracts: ContractSection[];
  /** Element changes not traced to any changed statement (a side effect of naming or merging). */
  untraced: string[];
  /** Mermaid source of the affected components, or "" when nothing is affected. */
  diagram: string;
  diagnostics: Diagnostic[];
  /** The latest push alone, when the report is the cumulative one of an open pull request. */
  push?: ImpactPush;
}
