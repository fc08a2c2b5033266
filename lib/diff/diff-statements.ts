import { cmp } from "../diagnostics.js";
import {
  diceSimilarity,
  normaliseText,
  SAME_LINE_SIMILARITY_THRESHOLD,
  SHORT_SIMILARITY_THRESHOLD,
  SIMILARITY_THRESHOLD,
  tokenSet,
} from "./text-similarity.js";
import type {
  FileRename,
  StatementChange,
  StatementDiff,
  StatementInput,
  StatementSnapshot,
} from "./types.js";

export interface DiffStatementsOptions {
  previous: readonly StatementInput[];
  current: readonly StatementInput[];
}

/** A token shared by more statements than this is too common to suggest a pairing (a stop word). */
const MAX_POSTING = 64;

interface Side {
  input: StatementInput;
  id: string;
  file: string;
  line: number;
  authored: boolean;
  /** Normalised text and its tokens: computed only for statements the id pass leaves unmatched. */
  norm?: string;
  tokens?: Set<string>;
  match: number; // index on the other side, -1 when unmatched
  how?: "id" | "text" | "similarity";
  similarity?: number;
}

/**
 * Pairs the statements of two revisions and says what happened to each: added, removed, edited,
 * moved, and which files were renamed. Pairing runs in three passes, each only over what the
 * previous passes left unmatched:
 *
 * 1. the same id (authored ids, and derived ids of unchanged text in an unchanged file);
 * 2. the same normalised text (a statement moved to another file or heading, a renamed file);
 * 3. similar text: token-set Dice >= {@link SIMILARITY_THRESHOLD}, best pairs first.
 *
 * Two statements that both carry authored ids are only ever paired by id: the author said who is
 * who. Pure and deterministic: the result does not depend on input order.
 */
export function diffStatements(options: DiffStatementsOptions): StatementDiff {
  const prev = sortSides(options.previous.map(toSide));
  const cur = sortSides(options.current.map(toSide));

  matchById(prev, cur);
  matchByText(prev, cur);
  matchBySimilarity(prev, cur);

  const renamedFiles = findFileRenames(prev, cur);
  const renamed = new Set(renamedFiles.map((r) => `${r.from}\0${r.to}`));

  const changes: StatementChange[] = [];
  const idChanges: { previous: string; current: string }[] = [];
  let unchanged = 0;
  for (const p of prev) {
    if (p.match < 0) {
      changes.push({ kind: "removed", id: p.id, previous: snapshot(p), textChanged: true, locationChanged: false });
      continue;
    }
    const c = cur[p.match]!;
    if (p.id !== c.id) idChanges.push({ previous: p.id, current: c.id });
    const textChanged = p.input.text !== c.input.text;
    const fileChanged = p.file !== c.file;
    // A side read from model.json rows has no headings: a heading move is unknown there, not a move.
    const headingChanged = p.input.headingPath !== undefined && c.input.headingPath !== undefined && !sameList(p.input.headingPath, c.input.headingPath);
    if (!textChanged && !fileChanged && !headingChanged) {
      unchanged++;
      continue;
    }
    const viaRename = fileChanged && renamed.has(`${p.file}\0${c.file}`);
    const change: StatementChange = {
      kind: textChanged ? "edited" : "moved",
      id: c.id,
      previous: snapshot(p),
      current: snapshot(c),
      textChanged,
      locationChanged: (fileChanged && !viaRename) || headingChanged,
      matchedBy: p.how!,
    };
    if (p.how === "similarity") change.similarity = round3(p.similarity!);
    if (viaRename) change.fileRenamed = true;
    changes.push(change);
  }
  for (const c of cur) {
    if (c.match < 0) changes.push({ kind: "added", id: c.id, current: snapshot(c), textChanged: true, locationChanged: false });
  }
  changes.sort(compareChanges);
  idChanges.sort((a, b) => cmp(a.previous, b.previous) || cmp(a.current, b.current));
  return { changes, renamedFiles, unchanged, idChanges };
}

function toSide(s: StatementInput): Side {
  return { input: s, id: s.id, file: s.file, line: s.span?.start.line ?? s.line ?? 0, authored: s.authored ?? false, match: -1 };
}

function normOf(side: Side): string {
  return (side.norm ??= normaliseText(side.input.text));
}

function tokensOf(side: Side): Set<string> {
  return (side.tokens ??= tokenSet(normOf(side)));
}

/** The report's copy of a statement (built only for changes). */
function snapshot(side: Side): StatementSnapshot {
  const s = side.input;
  const snap: StatementSnapshot = {
    id: s.id,
    file: s.file,
    line: side.line,
    kind: s.kind ?? "prose",
    text: s.text,
    headingPath: [...(s.headingPath ?? [])],
    authored: side.authored,
  };
  if (s.label !== undefined) snap.label = s.label;
  return snap;
}

function sortSides(list: Side[]): Side[] {
  return list.sort(
    (a, b) => cmp(a.file, b.file) || a.line - b.line || cmp(a.id, b.id) || cmp(a.input.text, b.input.text),
  );
}

function link(prev: Side[], cur: Side[], i: number, j: number, how: Side["how"], similarity?: number): void {
  prev[i]!.match = j;
  cur[j]!.match = i;
  prev[i]!.how = how;
  cur[j]!.how = how;
  if (similarity !== undefined) prev[i]!.similarity = cur[j]!.similarity = similarity;
}

function matchById(prev: Side[], cur: Side[]): void {
  const byId = new Map<string, number[]>();
  cur.forEach((c, j) => pushTo(byId, c.id, j));
  prev.forEach((p, i) => {
    const js = byId.get(p.id);
    const j = js?.shift();
    if (j !== undefined) link(prev, cur, i, j, "id");
  });
}

/** Authored ids on both sides that differ mean two different statements, however alike. */
function pairable(p: Side, c: Side): boolean {
  return !(p.authored && c.authored);
}

function matchByText(prev: Side[], cur: Side[]): void {
  const byText = new Map<string, number[]>();
  cur.forEach((c, j) => {
    if (c.match < 0) pushTo(byText, normOf(c), j);
  });
  // Same file first, so two copies of one sentence in two files pair with their own file's copy.
  for (const sameFileOnly of [true, false]) {
    prev.forEach((p, i) => {
      if (p.match >= 0) return;
      const js = byText.get(normOf(p));
      if (!js) return;
      const k = js.findIndex((j) => cur[j]!.match < 0 && pairable(p, cur[j]!) && (!sameFileOnly || cur[j]!.file === p.file));
      if (k >= 0) link(prev, cur, i, js.splice(k, 1)[0]!, "text");
    });
  }
}

function matchBySimilarity(prev: Side[], cur: Side[]): void {
  const openCur = cur.map((c, j) => (c.match < 0 ? j : -1)).filter((j) => j >= 0);
  const openPrev = prev.map((p, i) => (p.match < 0 ? i : -1)).filter((i) => i >= 0);
  if (openCur.length === 0 || openPrev.length === 0) return;
  // Inverted index over unmatched current statements: only pairs sharing a not-too-common token are scored.
  const postings = new Map<string, number[]>();
  for (const j of openCur) for (const t of tokensOf(cur[j]!)) pushTo(postings, t, j);
  const candidates: { i: number; j: number; score: number; sameFile: boolean }[] = [];
  for (const i of openPrev) {
    const p = prev[i]!;
    const seen = new Set<number>();
    for (const t of tokensOf(p)) {
      const list = postings.get(t);
      if (!list || list.length > MAX_POSTING) continue;
      for (const j of list) seen.add(j);
    }
    for (const j of seen) {
      const c = cur[j]!;
      if (!pairable(p, c)) continue;
      const score = diceSimilarity(tokensOf(p), tokensOf(c));
      const short = Math.min(tokensOf(p).size, tokensOf(c).size) < 4;
      const sameSpot = p.file === c.file && p.line === c.line;
      const threshold = sameSpot ? SAME_LINE_SIMILARITY_THRESHOLD : short ? SHORT_SIMILARITY_THRESHOLD : SIMILARITY_THRESHOLD;
      if (score >= threshold) {
        candidates.push({ i, j, score, sameFile: p.file === c.file });
      }
    }
  }
  // Best pairs first; ties prefer the same file, then input position: deterministic greedy matching.
  candidates.sort((a, b) => b.score - a.score || Number(b.sameFile) - Number(a.sameFile) || a.i - b.i || a.j - b.j);
  for (const { i, j, score } of candidates) {
    if (prev[i]!.match < 0 && cur[j]!.match < 0) link(prev, cur, i, j, "similarity", score);
  }
}

/**
 * A file that disappeared is renamed to a file that appeared when at least half of its
 * statements were found again there. Derived ids include the file path, so without this the
 * rename would look like every statement of the file moving on its own.
 */
function findFileRenames(prev: Side[], cur: Side[]): FileRename[] {
  const prevFiles = countBy(prev.map((p) => p.file));
  const curFiles = countBy(cur.map((c) => c.file));
  const links = new Map<string, number>();
  for (const p of prev) {
    if (p.match < 0) continue;
    const to = cur[p.match]!.file;
    const from = p.file;
    if (from === to) continue;
    if (from === to || curFiles.has(from) || prevFiles.has(to)) continue;
    const key = `${from}\0${to}`;
    links.set(key, (links.get(key) ?? 0) + 1);
  }
  const ranked = [...links.entries()]
    .map(([key, n]) => {
      const [from, to] = key.split("\0") as [string, string];
      return { from, to, statements: n };
    })
    .filter((r) => r.statements * 2 >= prevFiles.get(r.from)!)
    .sort((a, b) => b.statements - a.statements || cmp(a.from, b.from) || cmp(a.to, b.to));
  const usedFrom = new Set<string>();
  const usedTo = new Set<string>();
  const out: FileRename[] = [];
  for (const r of ranked) {
    if (usedFrom.has(r.from) || usedTo.has(r.to)) continue;
    usedFrom.add(r.from);
    usedTo.add(r.to);
    out.push(r);
  }
  return out.sort((a, b) => cmp(a.from, b.from));
}

function compareChanges(a: StatementChange, b: StatementChange): number {
  const sa = (a.current ?? a.previous)!;
  const sb = (b.current ?? b.previous)!;
  return cmp(sa.file, sb.file) || sa.line - sb.line || cmp(a.kind, b.kind) || cmp(a.id, b.id);
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function countBy(list: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of list) m.set(x, (m.get(x) ?? 0) + 1);
  return m;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** Statement ids touched by a diff, per side: what a model change can be traced back to. */
export function changedStatementIds(diff: StatementDiff): { previous: Set<string>; current: Set<string> } {
  const previous = new Set<string>();
  const current = new Set<string>();
  for (const c of diff.changes) {
    if (c.previous) previous.add(c.previous.id);
    if (c.current) current.add(c.current.id);
  }
  return { previous, current };
}
