/**
 * Stability suite (issue 11): single-statement edits of five kinds over six inputs of different
 * styles; each input is compiled before and after every edit (the "after" side offered the
 * "before" model.json as a lock, as `penult generate` would) and the two are diffed the way
 * `penult diff` does. Per kind: edits that changed nothing, collateral elements (changed, but not
 * traced to the edited statement), synonym rewordings that rename or remove an element, added
 * clauses dropped without a diagnostic, crashes. Aims: collateral 0, renames 0, dropped 0.
 *
 * Standalone, for iteration: `node dist/bench/stability.bench.js [--input bookshop] [--kind synonym]
 * [--per-kind 4] [--seed issue-11] [--no-emit] [--detail]`.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { CompileResult } from "../lib/compile.js";
import { countRequirementClauses } from "./stability/count-requirement-clauses.js";
import { EDIT_KINDS, makeEdits, REQUIREMENT_KINDS, type EditKind } from "./stability/make-edits.js";
import { compileWithLock, lockOf, measureEdit, NOT_MODELLED, type EditOutcome } from "./stability/measure-edit.js";
import { loadStabilityInputs, type StabilityInput } from "./stability/load-stability-inputs.js";
import { repoRoot } from "./lib/repo-root.js";
import { argValue, argValues, isMainModule, printTables } from "./lib/run-standalone.js";
import type { BenchTable } from "./table.js";

export interface StabilityOptions {
  /** Input names (default: all six). */
  inputs?: readonly string[];
  kinds?: readonly EditKind[];
  /** Edits per kind and input (default 4: about 110 edits in all). */
  perKind?: number;
  seed?: string;
  /** Emit contracts of both sides in the diff, as `penult diff` does (default true). */
  emit?: boolean;
  /** Called with every outcome as it is measured (the standalone `--detail` listing). */
  onOutcome?: (input: string, outcome: EditOutcome) => void;
}

export const DEFAULT_SEED = "issue-11";
export const DEFAULT_PER_KIND = 4;

interface InputRun {
  input: StabilityInput;
  before?: CompileResult;
  crash?: string;
  outcomes: EditOutcome[];
}

function median(xs: readonly number[]): number | string {
  if (xs.length === 0) return "";
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Whether the lib/ this bench runs against emits NOT_MODELLED at all (until it does, the share reads n/a). */
function libKnowsNotModelled(): boolean {
  const lib = join(dirname(fileURLToPath(import.meta.url)), "..", "lib");
  const walk = (dir: string): boolean =>
    readdirSync(dir).some((name) => {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) return walk(p);
      return /\.(?:js|ts)$/.test(name) && !name.endsWith(".d.ts") && readFileSync(p, "utf8").includes(NOT_MODELLED);
    });
  return walk(lib);
}

function measureInput(input: StabilityInput, options: StabilityOptions): InputRun {
  const run: InputRun = { input, outcomes: [] };
  try {
    // The "before" side has no model.json yet: compiled without a lock, as a first `generate` is.
    run.before = compileWithLock(input.files, undefined).result;
  } catch (err) {
    run.crash = `compile: ${err instanceof Error ? err.message : String(err)}`;
    return run;
  }
  const edits = makeEdits({
    files: input.files,
    statements: run.before.statements,
    perKind: options.perKind ?? DEFAULT_PER_KIND,
    seed: options.seed ?? DEFAULT_SEED,
    ...(options.kinds ? { kinds: options.kinds } : {}),
  });
  const lock = lockOf(run.before);
  for (const edit of edits) {
    const outcome = measureEdit({ before: run.before, lock, edit, emit: options.emit ?? true });
    options.onOutcome?.(input.name, outcome);
    run.outcomes.push(outcome);
  }
  return run;
}

/** Requirement clauses of an input and how many a NOT_MODELLED diagnostic names. */
function clauseShare(before: CompileResult): { statements: number; clauses: number; notModelled: number } {
  const requirements = before.statements.filter((s) => REQUIREMENT_KINDS.has(s.kind));
  const clauses = new Map(requirements.map((s) => [s.id, countRequirementClauses(s.kind, s.text)]));
  const named = new Map<string, number>();
  for (const d of before.diagnostics) if (d.code === NOT_MODELLED && d.statement && clauses.has(d.statement)) named.set(d.statement, (named.get(d.statement) ?? 0) + 1);
  let notModelled = 0;
  for (const [id, n] of named) notModelled += Math.min(n, clauses.get(id)!);
  return { statements: requirements.length, clauses: [...clauses.values()].reduce((a, b) => a + b, 0), notModelled };
}

interface Tally {
  edits: number;
  crashes: number;
  shapeOff: number;
  nothing: number;
  changes: number;
  traced: number;
  collateral: number;
  collateralContract: number;
  withCollateral: number;
  renamed: number;
  removed: number;
  renamingEdits: number;
  signatureEdits: number;
  modelled: number;
  notModelled: number;
  dropped: number;
  adding: number;
}

function tally(outcomes: readonly EditOutcome[]): Tally {
  const t: Tally = { edits: 0, crashes: 0, shapeOff: 0, nothing: 0, changes: 0, traced: 0, collateral: 0, collateralContract: 0, withCollateral: 0, renamed: 0, removed: 0, renamingEdits: 0, signatureEdits: 0, modelled: 0, notModelled: 0, dropped: 0, adding: 0 };
  for (const o of outcomes) {
    t.edits++;
    if (o.crash) t.crashes++;
    if (!o.shapeOk) t.shapeOff++;
    if (o.signatureChanges === 0 && !o.crash?.startsWith("compile")) t.nothing++;
    t.changes += o.changes;
    t.traced += o.traced;
    t.collateral += o.collateral.length;
    t.collateralContract += o.collateralContract;
    if (o.collateral.length > 0) t.withCollateral++;
    t.renamed += o.renamed.length;
    t.removed += o.removed.length;
    if (o.renamed.length + o.removed.length > 0) t.renamingEdits++;
    if (o.signatureChanges > 0) t.signatureEdits++;
    if (o.modelled) t.modelled++;
    if (o.notModelled) t.notModelled++;
    if (!o.modelled && !o.notModelled) t.dropped++;
    if (o.added > 0) t.adding++;
  }
  return t;
}

const COMMON = ["input", "edits", "crashes", "stmt diff off", "no change", "changes", "traced", "collateral", "collateral (contract)", "collateral / edit", "edits w/ collateral"];
const EXTRA: Record<EditKind, { columns: string[]; cells: (t: Tally) => (string | number)[]; note?: string }> = {
  synonym: {
    columns: ["renamed", "removed", "edits renaming/removing", "edits changing a signature"],
    cells: (t) => [t.renamed, t.removed, t.renamingEdits, t.signatureEdits],
    note: "renamed: a named element (component, interface, operation, entity, field, relation, enum, event, actor) disappeared while one of the same kind under the same parent appeared (addBook -> insertBook); removed: it disappeared with no such replacement. Edits changing a signature: any element added, removed or changed beyond its trace and doc. The meaning is the same, so the aim for all three is 0.",
  },
  clause: {
    columns: ["modelled", "NOT_MODELLED", "dropped silently"],
    cells: (t) => [t.modelled, t.notModelled, t.dropped],
    note: `modelled: a new element, or one changed beyond its trace and doc, is traced to the edited statement and names the clause's verb or a word of its object (notifyAccountOwner, Audit, a new parameter); ${NOT_MODELLED}: a ${NOT_MODELLED} diagnostic names the edited statement and quotes the clause's verb or a word of its object; dropped silently: neither (aim 0).`,
  },
  number: { columns: ["edits changing a signature or bound"], cells: (t) => [t.signatureEdits] },
  delete: { columns: [], cells: () => [] },
  similar: { columns: ["edits adding elements"], cells: (t) => [t.adding] },
};
const KIND_TITLE: Record<EditKind, string> = {
  synonym: "(a) synonym reword: a verb replaced by a synonym, else an adverb or determiner that keeps the meaning",
  clause: "(b) added clause: '... and <new verb> <new object>'",
  number: "(c) changed number",
  delete: "(d) deleted statement",
  similar: "(e) added similar statement: a copy with its object noun swapped for another noun of the input",
};

function row(name: string, t: Tally, kind: EditKind): (string | number)[] {
  return [name, t.edits, t.crashes, t.shapeOff, t.nothing, t.changes, t.traced, t.collateral, t.collateralContract, t.edits ? t.collateral / t.edits : 0, t.withCollateral, ...EXTRA[kind].cells(t)];
}

export async function run(options: StabilityOptions = {}): Promise<BenchTable[]> {
  const t0 = performance.now();
  const root = repoRoot(import.meta.url);
  const inputs = loadStabilityInputs(root).filter((i) => !options.inputs?.length || options.inputs.includes(i.name));
  if (inputs.length === 0) throw new Error(`stability bench: no input named ${options.inputs?.join(", ")}`);
  const runs = inputs.map((i) => measureInput(i, options));
  const kinds = options.kinds ?? EDIT_KINDS;
  const knows = libKnowsNotModelled();
  const all = runs.flatMap((r) => r.outcomes);
  const lockRead = all.filter((o) => o.lockRead).length;
  const tables: BenchTable[] = [];

  const inputRows = runs.map((r) => {
    if (!r.before) return [r.input.name, r.input.style, r.input.files.length, `CRASH ${r.crash}`, "", "", "", "", 0, ""];
    const c = clauseShare(r.before);
    const share = !knows ? "n/a" : c.clauses ? (c.clauses - c.notModelled) / c.clauses : "no clauses";
    return [r.input.name, r.input.style, r.input.files.length, r.before.statements.length, c.statements, c.clauses, knows ? c.notModelled : "n/a", share, r.outcomes.length, median(r.outcomes.map((o) => o.compileMs))];
  });
  tables.push({
    title: "Stability inputs: requirement clauses modelled over each whole input",
    columns: ["input", "style", "files", "statements", "requirement statements", "requirement clauses", NOT_MODELLED, "modelled share", "edits", "median compile ms"],
    rows: inputRows,
    note:
      "Requirement clauses: the bench's own count (bench/stability/count-requirement-clauses.ts: the response, want or outcome of each user-story, EARS, shall or scenario statement, one clause plus one per and/or/,/; followed by a verb). " +
      `Modelled: not named by a ${NOT_MODELLED} diagnostic. ` +
      (knows ? "" : `"n/a": this build's lib/ does not emit ${NOT_MODELLED} yet, so a dropped clause cannot be told from a modelled one. `) +
      `Lock: the "after" compile was offered the "before" model.json as compile option \`lock\`; compile read it in ${lockRead} of ${all.length} edits.`,
  });

  for (const kind of kinds) {
    const rows = runs.map((r) => row(r.input.name, tally(r.outcomes.filter((o) => o.edit.kind === kind)), kind));
    rows.push(row("TOTAL", tally(all.filter((o) => o.edit.kind === kind)), kind));
    const note = EXTRA[kind].note;
    tables.push({ title: `Stability ${KIND_TITLE[kind]}`, columns: [...COMMON, ...EXTRA[kind].columns], rows, ...(note ? { note } : {}) });
  }

  const byKind = kinds.map((k) => [k, tally(all.filter((o) => o.edit.kind === k))] as const);
  const total = tally(all);
  const syn = byKind.find(([k]) => k === "synonym")?.[1];
  const cla = byKind.find(([k]) => k === "clause")?.[1];
  const verdict = (ok: boolean) => (ok ? "met" : "short");
  tables.push({
    title: "Stability summary and the issue's aims",
    columns: ["kind", "edits", "crashes", "no change", "collateral", "collateral / edit", "edits w/ collateral", "renaming/removing edits", "dropped clauses"],
    rows: [
      ...byKind.map(([k, t]) => [k, t.edits, t.crashes, t.nothing, t.collateral, t.edits ? t.collateral / t.edits : 0, t.withCollateral, k === "synonym" ? t.renamingEdits : "", k === "clause" ? t.dropped : ""]),
      ["TOTAL", total.edits, total.crashes, total.nothing, total.collateral, total.edits ? total.collateral / total.edits : 0, total.withCollateral, syn?.renamingEdits ?? "", cla?.dropped ?? ""],
    ],
    note:
      `Aims (issue 11): collateral elements per edit 0: ${(total.edits ? total.collateral / total.edits : 0).toFixed(2)} (${verdict(total.collateral === 0)}); ` +
      (syn ? `synonym rewordings that rename or remove an element 0: ${syn.renamingEdits} of ${syn.edits} (${verdict(syn.renamingEdits === 0)}); ` : "") +
      (cla ? `added clauses dropped without a diagnostic 0: ${cla.dropped} of ${cla.edits} (${verdict(cla.dropped === 0)}); ` : "") +
      `crashes 0: ${total.crashes} (${verdict(total.crashes === 0)}). ` +
      `"no change": no element added, removed or changed beyond its trace and doc. "collateral": an element added, removed or changed none of whose sources, before or after, is the edited statement (its id before or after, paired as lib/diff pairs statements); "(contract)" leaves out trace-only changes. ` +
      `"stmt diff off": the statement diff did not hold exactly the one change the edit made (the edit is still measured; its statements all count as edited). ` +
      `${all.length} edits (seed ${options.seed ?? DEFAULT_SEED}, ${options.perKind ?? DEFAULT_PER_KIND} per kind and input, fewer where fewer statements qualify), ${((performance.now() - t0) / 1000).toFixed(0)} s${options.emit === false ? ", contracts not emitted in the diff (--no-emit)" : ""}.`,
  });
  return tables;
}

/** One edit and what it did, for `--detail`. */
export function describeOutcome(input: string, o: EditOutcome, limit = 12): string {
  const e = o.edit;
  const lines = [`[${e.kind}] ${input} ${e.statement} (${e.file}:${e.line}) ${e.what}`];
  if (e.after) lines.push(`    after: ${e.after.replace(/\s+/g, " ").slice(0, 200)}`);
  if (o.crash) lines.push(`    CRASH ${o.crash}`);
  lines.push(`    changes ${o.changes} (traced ${o.traced}), collateral ${o.collateral.length}${o.shapeOk ? "" : `, statement diff: ${o.statementChanges} changes`}${e.kind === "clause" ? `, modelled ${o.modelled}, ${NOT_MODELLED} ${o.notModelled}` : ""}`);
  for (const c of o.collateral.slice(0, limit)) lines.push(`      collateral ${c}`);
  if (o.collateral.length > limit) lines.push(`      ... ${o.collateral.length - limit} more`);
  for (const r of o.renamed) lines.push(`      renamed ${r}`);
  for (const r of o.removed) lines.push(`      removed ${r}`);
  return lines.join("\n");
}

if (isMainModule(import.meta.url)) {
  const args = process.argv.slice(2);
  const kinds = argValues(args, "--kind") as EditKind[];
  for (const k of kinds) if (!EDIT_KINDS.includes(k)) throw new Error(`--kind ${k}: one of ${EDIT_KINDS.join(", ")}`);
  const perKind = argValue(args, "--per-kind");
  const seed = argValue(args, "--seed");
  const detail = args.includes("--detail");
  const tables = await run({
    inputs: argValues(args, "--input"),
    ...(kinds.length ? { kinds } : {}),
    ...(perKind ? { perKind: Number(perKind) } : {}),
    ...(seed ? { seed } : {}),
    emit: !args.includes("--no-emit"),
    ...(detail ? { onOutcome: (input: string, o: EditOutcome) => process.stdout.write(describeOutcome(input, o) + "\n") } : {}),
  });
  printTables(tables);
}
