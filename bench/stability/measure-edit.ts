/**
 * One stability measurement: compile an input before and after one statement edit, diff the two
 * models the way `penult diff` does, and classify every changed element as traced to the edited
 * statement or collateral. Exceptions are recorded in the outcome, never thrown.
 */
import { compile, type CompileOptions, type CompileResult } from "../../lib/compile.js";
import { computeImpactOfModels } from "../../lib/diff/compute-impact.js";
import { diffModels, type ElementChange, type ModelDiff } from "../../lib/diff/diff-model.js";
import { diffStatements } from "../../lib/diff/diff-statements.js";
import type { StatementDiff } from "../../lib/diff/types.js";
import { serializeModel } from "../../lib/model/serialize-model.js";
import { renderImpactMarkdown } from "../../lib/report/render-impact-markdown.js";
import type { StatementEdit } from "./make-edits.js";

/**
 * The compile option the "after" side receives the "before" model under, as `penult generate`
 * would pass the `contracts/model.json` it finds on disk (a lock of names). Compile options that do
 * not know it ignore it; the outcome says whether compile read it.
 */
export const LOCK_OPTION = "lock";

/** Diagnostic code for a requirement clause penult could not model (issue 11). */
export const NOT_MODELLED = "NOT_MODELLED";

/** Element kinds whose disappearance breaks a reader or a caller (everything but constraints). */
const NAMED_KINDS = new Set(["subsystem", "component", "interface", "operation", "entity", "field", "relation", "enum", "event", "actor"]);

export interface EditOutcome {
  edit: Omit<StatementEdit, "files">;
  /** `stage: message` of the first exception, when one was thrown. */
  crash?: string;
  /** Whether compile read the lock option on the "after" side. */
  lockRead: boolean;
  /** Statement ids the statement diff reports as changed, on either side: "the edited statement". */
  edited: string[];
  /** The statement diff holds exactly the one change the edit should make (edited, removed or added). */
  shapeOk: boolean;
  statementChanges: number;
  /** Every element change of the model diff. */
  changes: number;
  /** Changes other than a trace-only one (a contract or document a reader sees changed). */
  contractChanges: number;
  /** Changes traced to the edited statement (its id before or after is in the element's sources, before or after). */
  traced: number;
  /** Changes not traced to it: `change id [aspects]`. */
  collateral: string[];
  /** Changes that add, remove or change an element beyond its trace and doc (names, signatures, types, bounds). */
  signatureChanges: number;
  /** Collateral changes other than trace-only ones. */
  collateralContract: number;
  /** Named elements that disappeared while an element of the same kind under the same parent appeared: `old -> new`. */
  renamed: string[];
  /** Named elements that disappeared with no such replacement. */
  removed: string[];
  /** Elements added and traced to the edited statement. */
  added: number;
  /**
   * A new element, or one changed beyond its trace and doc, is traced to the edited statement
   * ("after" id); for an added clause it must also name the clause's verb or a word of its object.
   */
  modelled: boolean;
  /** A NOT_MODELLED diagnostic names the edited statement after the edit (and, for an added clause, quotes its verb or a word of its object). */
  notModelled: boolean;
  /** Milliseconds for the "after" compile. */
  compileMs: number;
}

/** The lock as `penult generate` reads it: model.json parsed back. */
export function lockOf(result: CompileResult): unknown {
  return JSON.parse(serializeModel(result.model)) as unknown;
}

/** Compiles with the lock offered under {@link LOCK_OPTION}; tells whether compile read it. */
export function compileWithLock(files: CompileOptions["files"], lock: unknown): { result: CompileResult; lockRead: boolean } {
  let lockRead = false;
  const options: CompileOptions = { files };
  Object.defineProperty(options, LOCK_OPTION, {
    enumerable: true,
    get() {
      lockRead = true;
      return lock;
    },
  });
  const result = compile(options);
  return { result, lockRead };
}

export interface MeasureEditOptions {
  before: CompileResult;
  lock: unknown;
  edit: StatementEdit;
  /** Emit contracts of both sides as `penult diff` does (slower; default true). */
  emit?: boolean;
}

const EXPECTED: Record<StatementEdit["kind"], string> = { synonym: "edited", clause: "edited", number: "edited", delete: "removed", similar: "added" };

export function measureEdit(options: MeasureEditOptions): EditOutcome {
  const { files: _files, ...edit } = options.edit;
  const outcome: EditOutcome = {
    edit,
    lockRead: false,
    edited: [],
    shapeOk: false,
    statementChanges: 0,
    changes: 0,
    contractChanges: 0,
    traced: 0,
    collateral: [],
    collateralContract: 0,
    signatureChanges: 0,
    renamed: [],
    removed: [],
    added: 0,
    modelled: false,
    notModelled: false,
    compileMs: 0,
  };
  let after: CompileResult;
  try {
    const t0 = performance.now();
    const compiled = compileWithLock(options.edit.files, options.lock);
    outcome.compileMs = performance.now() - t0;
    after = compiled.result;
    outcome.lockRead = compiled.lockRead;
  } catch (err) {
    outcome.crash = `compile: ${message(err)}`;
    return outcome;
  }
  const previous = { statements: options.before.statements, model: options.before.model };
  const current = { statements: after.statements, model: after.model };
  let statementDiff: StatementDiff;
  let modelDiff: ModelDiff;
  try {
    // The whole `penult diff` path: statement diff, model diff, breaking rules, contracts, report.
    const impact = computeImpactOfModels({ previous, current, emit: options.emit ?? true });
    renderImpactMarkdown(impact.report);
    statementDiff = impact.statementDiff;
    modelDiff = impact.modelDiff;
  } catch (err) {
    outcome.crash = `diff: ${message(err)}`;
    // Still measure what can be measured: the two diffs alone.
    try {
      statementDiff = diffStatements({ previous: previous.statements, current: current.statements });
      modelDiff = diffModels({ previous: previous.model, current: current.model, statementDiff });
    } catch (inner) {
      outcome.crash += `; model diff: ${message(inner)}`;
      return outcome;
    }
  }
  classify(outcome, statementDiff, modelDiff, after);
  return outcome;
}

function classify(outcome: EditOutcome, statementDiff: StatementDiff, modelDiff: ModelDiff, after: CompileResult): void {
  const edited = new Set<string>();
  const editedAfter = new Set<string>();
  const editedBefore = new Set<string>();
  for (const c of statementDiff.changes) {
    if (c.previous) {
      edited.add(c.previous.id);
      editedBefore.add(c.previous.id);
    }
    if (c.current) {
      edited.add(c.current.id);
      editedAfter.add(c.current.id);
    }
  }
  outcome.edited = [...edited].sort();
  outcome.statementChanges = statementDiff.changes.length;
  outcome.shapeOk = statementDiff.changes.length === 1 && statementDiff.changes[0]!.kind === EXPECTED[outcome.edit.kind];

  const clauseWords = outcome.edit.clause ? clauseKeywords(outcome.edit.clause) : undefined;
  const tracedBefore = (c: ElementChange) => (c.previous?.sources ?? []).some((s) => editedBefore.has(s));
  const tracedAfter = (c: ElementChange) => (c.current?.sources ?? []).some((s) => editedAfter.has(s));
  const traceOnly = (c: ElementChange) => c.change === "changed" && c.aspects.every((a) => a === "trace");
  outcome.changes = modelDiff.changes.length;
  for (const c of modelDiff.changes) {
    const traced = tracedBefore(c) || tracedAfter(c);
    if (!traceOnly(c)) outcome.contractChanges++;
    if (c.change !== "changed" || c.aspects.some((a) => a !== "trace" && a !== "doc")) outcome.signatureChanges++;
    if (traced) outcome.traced++;
    else {
      outcome.collateral.push(`${c.change} ${c.id}${c.aspects.length ? ` [${c.aspects.join(",")}]` : ""}`);
      if (!traceOnly(c)) outcome.collateralContract++;
    }
    if (c.change === "added" && tracedAfter(c)) outcome.added++;
    // Modelled: something new is traced to the statement (not merely the old trace under a new id)
    // and, for an added clause, it names the clause's verb or a word of its object (notifyAccountOwner, Audit).
    const fresh = c.change === "added" || c.aspects.some((a) => a !== "trace" && a !== "doc") || !tracedBefore(c);
    if (tracedAfter(c) && fresh && (!clauseWords || mentions(c, clauseWords))) outcome.modelled = true;
  }
  const removed = modelDiff.changes.filter((c) => c.change === "removed" && NAMED_KINDS.has(c.kind));
  const added = modelDiff.changes.filter((c) => c.change === "added");
  for (const r of removed) {
    const to = r.renamedTo ?? added.find((a) => a.kind === r.kind && a.parent === r.parent)?.id;
    if (to) outcome.renamed.push(`${r.kind} ${r.id} -> ${to}`);
    else outcome.removed.push(`${r.kind} ${r.id}`);
  }
  // The diagnostic must be about the added clause, not another clause of the same statement.
  outcome.notModelled = after.diagnostics.some(
    (d) => d.code === NOT_MODELLED && d.statement !== undefined && editedAfter.has(d.statement) && (!clauseWords || clauseWords.some((w) => d.message.toLowerCase().includes(w))),
  );
}

/**
 * Lower-case words that identify an added clause: its verb and its object's words ("record",
 * "audit", "entry"): a model may name "an audit entry" by either noun (`Audit`, `recordAuditEntry`).
 */
function clauseKeywords(clause: { verb: string; object: string }): string[] {
  return [clause.verb, ...clause.object.split(" ").filter((w) => !["a", "an", "the"].includes(w))].map((w) => w.toLowerCase());
}

/** Whether a changed element names one of `words`, in its name or its own attributes (a new parameter, error, field type). */
function mentions(c: ElementChange, words: readonly string[]): boolean {
  const text = `${c.name} ${JSON.stringify(c.current?.own ?? {})}`.toLowerCase();
  return words.some((w) => text.includes(w));
}

function message(err: unknown): string {
  const text = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  const at = err instanceof Error ? /\n\s+at (.*)/.exec(err.stack ?? "")?.[1] : undefined;
  return at ? `${text} (at ${at.replace(/file:\/\/\S*?\/(?:dist\/)?((?:lib|bench)\/)/, "$1")})` : text;
}
