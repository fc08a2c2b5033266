import { diffArrays } from "diff";

/** Longest excerpt of a statement shown in a report cell, in characters. */
const MAX_EXCERPT = 140;
/** Words of unchanged context kept on each side of an edit. */
const CONTEXT_WORDS = 5;

export interface ChangeExcerpt {
  /** Old text, abbreviated around the change, changed words in **bold**. */
  before: string;
  /** New text, likewise. */
  after: string;
}

interface Token {
  text: string;
  start: number;
  end: number;
}

/** Words (letters, digits, inner apostrophes and hyphens) and single punctuation marks, with their offsets. */
function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}_]+(?:['’-][\p{L}\p{N}_]+)*|[^\s\p{L}\p{N}_]/gu)) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

/**
 * The part of an edited statement a reviewer needs: the changed words with a few words of context,
 * both sides, changed words emphasised. Words are compared as tokens, but every excerpt is cut out of
 * the author's own text, so its spacing and punctuation are exactly as written ("the cart, THE",
 * never "the cart , THE"). Input and output are plain text; markdown escaping is the renderer's job,
 * so emphasis is returned as `\u0001...\u0002` markers it turns into `**`.
 */
export function excerptChange(before: string, after: string): ChangeExcerpt {
  const a = tokenize(before);
  const b = tokenize(after);
  const changedA = new Set<number>();
  const changedB = new Set<number>();
  let ia = 0;
  let ib = 0;
  for (const part of diffArrays(a.map((t) => t.text), b.map((t) => t.text))) {
    const n = part.count ?? part.value.length;
    for (let k = 0; k < n; k++) {
      if (part.removed) changedA.add(ia++);
      else if (part.added) changedB.add(ib++);
      else (ia++, ib++);
    }
  }
  if (changedA.size === 0 && changedB.size === 0) return { before: clip(before), after: clip(after) };
  // Common tokens before the first change and after the last are the same count on both sides.
  const lead = Math.min(firstOf(changedA, a.length), firstOf(changedB, b.length));
  const tail = Math.min(a.length - 1 - lastOf(changedA, -1), b.length - 1 - lastOf(changedB, -1));
  return { before: cut(before, a, changedA, lead, tail), after: cut(after, b, changedB, lead, tail) };
}

function isPunctuation(t: Token): boolean {
  return !/[\p{L}\p{N}_]/u.test(t.text);
}

function firstOf(set: ReadonlySet<number>, none: number): number {
  let m = none;
  for (const i of set) if (i < m) m = i;
  return m;
}

function lastOf(set: ReadonlySet<number>, none: number): number {
  let m = none;
  for (const i of set) if (i > m) m = i;
  return m;
}

/** One side: `lead` common tokens before the change and `tail` after it, a few kept as context. */
function cut(text: string, tokens: readonly Token[], changed: ReadonlySet<number>, lead: number, tail: number): string {
  const from = Math.max(0, lead - CONTEXT_WORDS);
  const to = Math.min(tokens.length, tokens.length - tail + CONTEXT_WORDS);
  if (tokens.length === 0 || from >= to) return "";
  const start = from === 0 ? 0 : tokens[from]!.start;
  const end = to === tokens.length ? text.length : tokens[to - 1]!.end;
  let out = from === 0 ? "" : "…";
  let pos = start;
  for (let i = from; i < to; i++) {
    if (!changed.has(i) || changed.has(i - 1)) continue;
    let j = i;
    while (changed.has(j + 1) && j + 1 < to) j++;
    // A run of changed tokens is marked as one, with the author's spaces inside it. Markdown only
    // reads `**` as bold next to a word, so the marks sit on words: punctuation at the edges of a
    // run stays outside, and a change of punctuation alone is marked with the word before it.
    let a = i;
    let b = j;
    while (a <= b && isPunctuation(tokens[a]!)) a++;
    while (b >= a && isPunctuation(tokens[b]!)) b--;
    if (a > b) {
      if (i === 0 || i - 1 < from || isPunctuation(tokens[i - 1]!)) continue;
      [a, b] = [i - 1, j];
    }
    if (tokens[a]!.start < pos) continue;
    out += text.slice(pos, tokens[a]!.start) + "\u0001" + text.slice(tokens[a]!.start, tokens[b]!.end) + "\u0002";
    pos = tokens[b]!.end;
  }
  out += text.slice(pos, end);
  if (to < tokens.length) out += "…";
  return clip(out.replace(/\s+/g, " ").trim());
}

/** Cuts a text to the report's cell width at a word boundary. */
export function clip(text: string, max = MAX_EXCERPT): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(" ");
  let out = (space > max / 2 ? cut.slice(0, space) : cut) + "…";
  // Never leave an emphasis open.
  if ((out.match(/\u0001/g) ?? []).length > (out.match(/\u0002/g) ?? []).length) out += "\u0002";
  return out;
}
