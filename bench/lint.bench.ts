/**
 * Lint quality on text nobody here wrote:
 * - ambiguous-pronoun against the ReqEval gold set (NLP4RE'20, PURE sentences): precision, recall
 *   and F1 of the "nocuous" (ambiguous) class on the training split (where the rule's parameters
 *   were tuned) and on the held-out test split (the number to quote), next to the trivial
 *   "everything is ambiguous" baseline;
 * - ears-shape and vague-terms findings per file on the Kiro EARS corpus.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { lintStatements } from "../lib/lint/lint-statements.js";
import { findAmbiguousPronouns, type PronounParams } from "../lib/lint/rules/ambiguous-pronoun.js";
import type { Statement } from "../lib/statements/types.js";
import { corporaDir } from "./corpus-path.js";
import { timeIt, type BenchTable } from "./table.js";
import { parseStatements } from "../lib/statements/parse-statements.js";

export interface GoldRow {
  id: string;
  /** Sentence without the <referential> tags. */
  text: string;
  /** Offsets of the tagged pronoun(s) in `text`. */
  offsets: number[];
  ambiguous: boolean;
}

/** Reads a ReqEval TSV: ID, Sentence (pronoun tagged <referential>), NOCUOUS|INNOCUOUS, resolution. */
export function readGold(path: string): GoldRow[] {
  if (!existsSync(path)) throw new Error(`lint bench: gold set missing at ${path} (test/corpora is part of the repository)`);
  const rows: GoldRow[] = [];
  for (const line of readFileSync(path, "utf8").split(/\r?\n/).slice(1)) {
    if (!line.trim()) continue;
    const [id = "", tagged = "", label = ""] = line.split("\t");
    const offsets: number[] = [];
    let text = "";
    let rest = tagged;
    for (;;) {
      const at = rest.indexOf("<referential>");
      if (at < 0) break;
      text += rest.slice(0, at);
      offsets.push(text.length);
      rest = rest.slice(at + "<referential>".length).replace("</referential>", "");
    }
    text += rest;
    rows.push({ id, text, offsets, ambiguous: label.trim() === "NOCUOUS" });
  }
  return rows;
}

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  f1: number;
}

export function score(pairs: readonly { gold: boolean; predicted: boolean }[]): Score {
  let tp = 0, fp = 0, fn = 0, tn = 0;
  for (const { gold, predicted } of pairs) {
    if (gold && predicted) tp++;
    else if (!gold && predicted) fp++;
    else if (gold) fn++;
    else tn++;
  }
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, tn, precision, recall, f1 };
}

/** The rule's verdict on each gold row: ambiguous when it reports a tagged pronoun. */
export function predictGold(rows: readonly GoldRow[], params?: Partial<PronounParams>): { gold: boolean; predicted: boolean }[] {
  return rows.map((row) => {
    const flagged = new Set(findAmbiguousPronouns({ text: row.text, params }).map((f) => f.offset));
    return { gold: row.ambiguous, predicted: row.offsets.some((o) => flagged.has(o)) };
  });
}

function listMarkdown(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory() ? listMarkdown(p) : name.endsWith(".md") ? [p] : [];
    });
}

export async function run(): Promise<BenchTable[]> {
  const corpora = corporaDir();
  const gold = join(corpora, "reqeval-pure-sentences");
  const train = readGold(join(gold, "training.tsv"));
  const test = readGold(join(gold, "test.tsv"));
  const row = (name: string, s: Score) => [name, s.tp, s.fp, s.fn, s.tn, s.precision, s.recall, s.f1];
  const always = (rows: GoldRow[]) => score(rows.map((r) => ({ gold: r.ambiguous, predicted: true })));
  const pronouns: BenchTable = {
    title: "ambiguous-pronoun vs ReqEval gold (nocuous class)",
    columns: ["split", "TP", "FP", "FN", "TN", "precision", "recall", "F1"],
    rows: [
      row(`training (${train.length} rows, tuned here)`, score(predictGold(train))),
      row(`test (${test.length} rows, held out)`, score(predictGold(test))),
      row("baseline: all ambiguous, training", always(train)),
      row("baseline: all ambiguous, test", always(test)),
    ],
    note: "Quote the test row. The baseline flags every pronoun; a useful rule must beat it on precision without giving up most of the recall.",
  };

  const kiro = join(corpora, "ears-kiro");
  if (!existsSync(kiro)) throw new Error(`lint bench: corpus missing at ${kiro}`);
  const rows: (string | number)[][] = [];
  for (const path of listMarkdown(kiro)) {
    const file = relative(kiro, path);
    const content = readFileSync(path, "utf8");
    const statements: Statement[] = parseStatements([{ path: file, content }]).statements;
    const found = lintStatements({ statements, sources: { [file]: content } });
    const count = (code: string) => found.filter((d) => d.code === code).length;
    const ears = statements.filter((s) => /\b(WHEN|WHILE|IF|WHERE|THE)\b.*\bSHALL\b/.test(s.text)).length;
    rows.push([file, statements.length, ears, count("LINT_EARS_SHAPE"), count("LINT_VAGUE_TERMS"), count("LINT_AMBIGUOUS_PRONOUN"), count("LINT_MISSING_MODAL"), count("LINT_DUPLICATE_STATEMENT")]);
  }
  const kiroTable: BenchTable = {
    title: "lint findings per file, Kiro EARS corpus",
    columns: ["file", "statements", "EARS lines", "ears-shape", "vague-terms", "ambiguous-pronoun", "missing-modal", "duplicate"],
    rows,
    note: "Real EARS written with Kiro: ears-shape findings should be rare and each one a real defect (see docs/lint-rules/ears-shape.md).",
  };
  return [pronouns, kiroTable, await speedTable(corpora)];
}

/** lintStatements wall time on 1k and 10k real statements (Kiro + OpenSpec, copied under new file names). */
async function speedTable(corpora: string): Promise<BenchTable> {
  const base: Statement[] = [];
  for (const dir of ["ears-kiro", "openspec-specs"]) {
    for (const path of listMarkdown(join(corpora, dir))) {
      base.push(...parseStatements([{ path: relative(corpora, path), content: readFileSync(path, "utf8") }]).statements);
    }
  }
  const rows: (string | number)[][] = [];
  for (const n of [1000, 10000]) {
    const statements: Statement[] = [];
    for (let copy = 0; statements.length < n; copy++) {
      for (const s of base) {
        if (statements.length >= n) break;
        statements.push({ ...s, id: `${copy}:${s.id}`, file: `copy${copy}/${s.file}` });
      }
    }
    let found = 0;
    const ms = await timeIt(() => (found = lintStatements({ statements }).length), 1);
    rows.push([n, ms, ms / n, found]);
  }
  return {
    title: "lint speed (all rules, default config)",
    columns: ["statements", "ms", "ms/statement", "findings"],
    rows,
    note: `Statements: ${base.length} distinct from ears-kiro and openspec-specs, repeated under new paths (so duplicate-statement has plenty to report).`,
  };
}
