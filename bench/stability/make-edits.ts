/**
 * Single-statement edits for the stability suite (issue 11): five kinds, chosen deterministically
 * (seeded) and spread over the statements of one input. Pure: the same files, statements and seed
 * give the same edits on every machine, so a test can replay them.
 *
 * Every edit rewrites the statement where it is written (its source span), never the whole file,
 * so exactly one statement differs between the two revisions.
 */
import pluralize from "pluralize";
import { cmp } from "../../lib/diagnostics.js";
import type { Span } from "../../lib/statements/types.js";
import { seededOrder, seededPick, seededUnit } from "../lib/seeded.js";
import { tagTokens, type BenchToken } from "../lib/tag-tokens.js";
import { CLAUSE_TEMPLATES, DETERMINER_SWAPS, FRAME_VERBS, NUMBER_WORDS, VERB_SYNONYMS } from "./edit-vocabulary.js";

/**
 * synonym: a verb replaced by a same-meaning verb (else an adverb or a determiner that keeps the
 * meaning); clause: "... and <new verb> <new object>" added; number: one number changed; delete:
 * the statement removed; similar: a copy of the statement with its object noun swapped for another
 * noun of the same input, inserted after it.
 */
export type EditKind = "synonym" | "clause" | "number" | "delete" | "similar";

export const EDIT_KINDS: readonly EditKind[] = ["synonym", "clause", "number", "delete", "similar"];

/** What the generator needs of a statement; a parsed `Statement` satisfies it. */
export interface EditableStatement {
  id: string;
  kind: string;
  text: string;
  file: string;
  span: Span;
  authored: boolean;
  label?: string;
  /** Titles of the enclosing headings, outermost first. */
  headingPath?: readonly string[];
}

export interface TextFile {
  path: string;
  content: string;
}

export interface StatementEdit {
  kind: EditKind;
  /** Id of the edited statement before the edit; for "similar", the statement that was copied. */
  statement: string;
  file: string;
  line: number;
  /** What was done, for tables and listings: `add -> insert`, `+ and notify the account owner`. */
  what: string;
  /** The statement as written before the edit. */
  before: string;
  /** What it became ("" when deleted; for "similar", the copy inserted after it). */
  after: string;
  /** For "clause": the added clause's verb (base form) and object, to recognise it in the model and diagnostics. */
  clause?: { verb: string; object: string };
  /** Every file of the input after the edit; only `file` differs from the input. */
  files: TextFile[];
}

export interface MakeEditsOptions {
  files: readonly TextFile[];
  statements: readonly EditableStatement[];
  /** Edits per kind; fewer when fewer statements qualify. */
  perKind: number;
  seed: string;
  /** Default: all five. */
  kinds?: readonly EditKind[];
}

/** A replacement of the range [start, end) of one file. */
interface Proposal {
  start: number;
  end: number;
  text: string;
  what: string;
  after: string;
  clause?: { verb: string; object: string };
}

interface Located extends BenchToken {
  /** Offset in the statement's source text. */
  at: number;
}

interface Context {
  files: Map<string, string>;
  lineStarts: Map<string, number[]>;
  /** Lower-case words of the whole input. */
  words: Set<string>;
  /** Singular nouns found in at least two statements of the input, sorted. */
  nouns: string[];
  labels: string[];
  seed: string;
  /** The input has requirement statements: clauses are added to those only. */
  requirements: boolean;
  /** Statements per file and heading path (joined by NUL). */
  byHeading: Map<string, number>;
}

interface Target {
  statement: EditableStatement;
  start: number;
  end: number;
  raw: string;
}

/** Seeded single-statement edits of the given kinds, `perKind` each, spread over the statements. */
export function makeEdits(options: MakeEditsOptions): StatementEdit[] {
  const ctx = readContext(options);
  const targets = options.statements.map((s) => locate(s, ctx)).filter((t): t is Target => t !== undefined);
  const used = new Set<string>();
  const out: StatementEdit[] = [];
  for (const kind of options.kinds ?? EDIT_KINDS) {
    const proposals: { target: Target; proposal: Proposal }[] = [];
    for (const target of targets) {
      const proposal = PROPOSE[kind](target, ctx);
      if (proposal && proposal.text !== ctx.files.get(target.statement.file)!.slice(proposal.start, proposal.end)) proposals.push({ target, proposal });
    }
    // Ordered by their own key: the keys of the choices inside a proposal ("clause-template", ...)
    // differ, or the statements ordered first would always get the first template.
    const ordered = seededOrder(proposals, options.seed, (p) => `${kind}\0${p.target.statement.id}`);
    // Statements no other kind has edited yet come first: the edits spread over the input.
    const picked = [...ordered.filter((p) => !used.has(p.target.statement.id)), ...ordered.filter((p) => used.has(p.target.statement.id))].slice(0, options.perKind);
    for (const { target, proposal } of picked) {
      used.add(target.statement.id);
      out.push(apply(kind, target, proposal, options.files));
    }
  }
  return out.sort((a, b) => EDIT_KINDS.indexOf(a.kind) - EDIT_KINDS.indexOf(b.kind) || cmp(a.file, b.file) || a.line - b.line || cmp(a.statement, b.statement));
}

function apply(kind: EditKind, target: Target, p: Proposal, files: readonly TextFile[]): StatementEdit {
  const s = target.statement;
  return {
    kind,
    statement: s.id,
    file: s.file,
    line: s.span.start.line,
    what: p.what,
    before: target.raw,
    after: p.after,
    ...(p.clause ? { clause: p.clause } : {}),
    files: files.map((f) => (f.path === s.file ? { path: f.path, content: f.content.slice(0, p.start) + p.text + f.content.slice(p.end) } : { ...f })),
  };
}

function readContext(options: MakeEditsOptions): Context {
  const files = new Map(options.files.map((f) => [f.path, f.content]));
  const lineStarts = new Map<string, number[]>();
  for (const [path, content] of files) {
    const starts = [0];
    for (let i = 0; i < content.length; i++) if (content[i] === "\n") starts.push(i + 1);
    lineStarts.set(path, starts);
  }
  const words = new Set<string>();
  for (const content of files.values()) for (const w of content.toLowerCase().match(/[a-z]+/g) ?? []) words.add(w);
  const nounStatements = new Map<string, number>();
  for (const s of options.statements) {
    const nouns = new Set(tagTokens(s.text).filter((t) => t.pos === "NOUN" && /^[a-z]{3,}$/.test(t.value)).map((t) => pluralize.singular(t.value)));
    for (const n of nouns) nounStatements.set(n, (nounStatements.get(n) ?? 0) + 1);
  }
  const nouns = [...nounStatements].filter(([, n]) => n >= 2).map(([w]) => w).sort(cmp);
  const labels = options.statements.map((s) => s.label).filter((l): l is string => l !== undefined);
  const requirements = options.statements.some((s) => REQUIREMENT_KINDS.has(s.kind));
  const byHeading = new Map<string, number>();
  for (const s of options.statements) {
    const key = [s.file, ...(s.headingPath ?? [])].join("\0");
    byHeading.set(key, (byHeading.get(key) ?? 0) + 1);
  }
  return { files, lineStarts, words, nouns, labels, seed: options.seed, requirements, byHeading };
}

/** The statement's source text, from its span; undefined when the span does not hold its words. */
function locate(s: EditableStatement, ctx: Context): Target | undefined {
  const content = ctx.files.get(s.file);
  const starts = ctx.lineStarts.get(s.file);
  if (content === undefined || !starts) return undefined;
  const offset = (line: number, column: number) => (starts[line - 1] ?? content.length) + column - 1;
  const start = offset(s.span.start.line, s.span.start.column);
  const end = offset(s.span.end.line, s.span.end.column);
  const raw = content.slice(start, end);
  const first = /[A-Za-z0-9]+/.exec(s.text)?.[0];
  if (!first || !raw.includes(first) || end <= start) return undefined;
  return { statement: s, start, end, raw };
}

const PROPOSE: Record<EditKind, (t: Target, ctx: Context) => Proposal | undefined> = {
  synonym: proposeSynonym,
  clause: proposeClause,
  number: proposeNumber,
  delete: proposeDelete,
  similar: proposeSimilar,
};

/**
 * Statement kinds that state a requirement (as opposed to glossary entries, prose and chat turns).
 * A clause added to one must become an element or a NOT_MODELLED diagnostic.
 */
export const REQUIREMENT_KINDS: ReadonlySet<string> = new Set([
  "user-story", "ears-ubiquitous", "ears-event", "ears-state", "ears-unwanted", "ears-optional", "ears-complex", "shall", "scenario",
]);

const MODAL = /\b(SHALL|MUST|SHOULD|WILL|shall|must|should|will)\b/;

/** Tokens of the statement's source text with their offsets in it (wink keeps the characters as written). */
function locatedTokens(raw: string): Located[] {
  const out: Located[] = [];
  const code = codeRanges(raw);
  let cursor = 0;
  for (const t of tagTokens(raw)) {
    const at = raw.indexOf(t.value, cursor);
    if (at < 0) continue;
    cursor = at + t.value.length;
    if (!inRanges(at, code)) out.push({ ...t, at });
  }
  return out;
}

/** Ranges of inline code spans: words there are names (`openspec change show`), not prose to edit. */
function codeRanges(raw: string): (readonly [number, number])[] {
  return [...raw.matchAll(/`[^`\n]*`/g)].map((m) => [m.index, m.index + m[0].length] as const);
}

function inRanges(at: number, ranges: readonly (readonly [number, number])[]): boolean {
  return ranges.some(([from, to]) => at >= from && at < to);
}

function replaceAt(t: Target, at: number, length: number, text: string, what: string): Proposal {
  const after = t.raw.slice(0, at) + text + t.raw.slice(at + length);
  return { start: t.start, end: t.end, text: after, what, after };
}

function proposeSynonym(t: Target, ctx: Context): Proposal | undefined {
  const tokens = locatedTokens(t.raw);
  const verbs: { token: Located; to: string }[] = [];
  for (const [i, token] of tokens.entries()) {
    // The tagger reads some nouns as verbs ("an upload completes", "WHEN upload completes"): a
    // word after a determiner or before a verb is not the verb of its clause.
    if (token.pos !== "VERB" || ["DET", "ADJ"].includes(tokens[i - 1]?.pos ?? "") || ["VERB", "AUX"].includes(tokens[i + 1]?.pos ?? "")) continue;
    const lower = token.value.toLowerCase();
    for (const [from, to] of VERB_SYNONYMS) {
      const i = from.indexOf(lower);
      if (i >= 0) {
        verbs.push({ token, to: to[i]! });
        break;
      }
    }
  }
  const key = `synonym-verb\0${t.statement.id}`;
  if (verbs.length > 0) {
    const { token, to } = seededPick(verbs, ctx.seed, key);
    const text = matchCase(token.value, to);
    return replaceAt(t, token.at, token.value.length, text, `${token.value} -> ${text}`);
  }
  const modal = new RegExp(MODAL.source + String.raw`(?!\s+(?:not|NOT|always|ALWAYS|be able)\b)`).exec(t.raw);
  if (modal) return replaceAt(t, modal.index, modal[0].length, `${modal[0]} always`, `${modal[0]} -> ${modal[0]} always`);
  const story = /\bI want to (?!be able to\b)/i.exec(t.raw);
  if (story) return replaceAt(t, story.index, story[0].length, `${story[0]}be able to `, `want to -> want to be able to`);
  const det = tokens.find((x) => x.pos === "DET" && DETERMINER_SWAPS[x.value.toLowerCase()] !== undefined);
  if (det) {
    const text = matchCase(det.value, DETERMINER_SWAPS[det.value.toLowerCase()]!);
    return replaceAt(t, det.at, det.value.length, text, `${det.value} -> ${text}`);
  }
  return undefined;
}

function proposeClause(t: Target, ctx: Context): Proposal | undefined {
  if (ctx.requirements && !REQUIREMENT_KINDS.has(t.statement.kind)) return undefined;
  const modal = MODAL.exec(t.raw);
  const story = t.statement.kind === "user-story" || /\bI (?:want|would like|'d like|need)\b/i.test(t.raw);
  if (!modal && !story && !tagTokens(t.raw).some((x) => x.pos === "VERB")) return undefined;
  const fresh = CLAUSE_TEMPLATES.filter((c) => [c.verb, ...c.object.split(" ").filter((w) => !["a", "an", "the"].includes(w))].every((w) => !ctx.words.has(w)));
  const c = seededPick(fresh.length > 0 ? fresh : CLAUSE_TEMPLATES, ctx.seed, `clause-template\0${t.statement.id}`);
  let clause: string;
  if (story || modal) {
    clause = modal && !story && seededUnit(ctx.seed, `clause-modal\0${t.statement.id}`) < 0.5 ? ` and ${modal[0]} ${c.verb} ${c.object}` : ` and ${c.verb} ${c.object}`;
  } else clause = ` and ${c.third} ${c.object}`;
  const benefit = story ? /,?\s+(?:so that|so I\b|in order to)/i.exec(t.raw) : null;
  const at = benefit ? benefit.index : t.raw.length - /[\s.;:!?]*$/.exec(t.raw)![0].length;
  return { ...replaceAt(t, at, 0, clause, `+${clause}`), clause: { verb: c.verb, object: c.object } };
}

function proposeNumber(t: Target, ctx: Context): Proposal | undefined {
  const code = codeRanges(t.raw);
  const found: { at: number; old: string; text: string }[] = [];
  for (const m of t.raw.matchAll(/(?<![\w.\-/:#])(\d+(?:\.\d+)?)(?![\w\-/]|\.\d)/g)) {
    found.push({ at: m.index, old: m[0], text: changedNumber(m[0], t.raw.slice(m.index + m[0].length)) });
  }
  for (const m of t.raw.matchAll(new RegExp(String.raw`\b(${NUMBER_WORDS.join("|")})\b`, "gi"))) {
    const i = NUMBER_WORDS.indexOf(m[0].toLowerCase());
    found.push({ at: m.index, old: m[0], text: matchCase(m[0], NUMBER_WORDS[i + 1] ?? "thirteen") });
  }
  const free = found.filter((n) => !inRanges(n.at, code));
  if (free.length === 0) return undefined;
  const n = seededPick(free, ctx.seed, `number-pick\0${t.statement.id}`);
  return replaceAt(t, n.at, n.old.length, n.text, `${n.old} -> ${n.text}`);
}

/** Integers double (a percentage over 100 goes down by 5 instead); a decimal's last digit moves by 5. */
function changedNumber(old: string, rest: string): string {
  if (old.includes(".")) {
    const d = Number(old[old.length - 1]);
    for (const step of [5, 4]) {
      const next = old.slice(0, -1) + String((d + step) % 10);
      if (Number(next) !== 0) return next;
    }
    return old + "1";
  }
  const n = Number(old);
  if (n === 0) return "1";
  if (rest.startsWith("%") && n * 2 > 100) return String(n - 5);
  return String(n * 2);
}

/** Whether the statement fills its lines (after a list marker), and the lines' range and prefix. */
function lineShape(t: Target, ctx: Context): { whole: boolean; lineStart: number; lineEnd: number; prefix: string } {
  const content = ctx.files.get(t.statement.file)!;
  const lineStart = content.lastIndexOf("\n", t.start - 1) + 1;
  const nl = content.indexOf("\n", t.end);
  const lineEnd = nl < 0 ? content.length : nl;
  const prefix = content.slice(lineStart, t.start);
  const suffix = content.slice(t.end, lineEnd);
  const whole = /^\s*(?:(?:[-*+]|\d+[.)])\s+)?(?:\[[ xX]\]\s+)?$/.test(prefix) && /^\s*$/.test(suffix);
  return { whole, lineStart, lineEnd, prefix };
}

function proposeDelete(t: Target, ctx: Context): Proposal | undefined {
  const content = ctx.files.get(t.statement.file)!;
  const shape = lineShape(t, ctx);
  if (shape.whole) return { start: shape.lineStart, end: Math.min(shape.lineEnd + 1, content.length), text: "", what: "deleted", after: "" };
  // Sharing a line with other statements: remove its text and the spaces after it.
  const trailing = /^[ \t]*/.exec(content.slice(t.end))![0].length;
  return { start: t.start, end: t.end + trailing, text: "", what: "deleted", after: "" };
}

function proposeSimilar(t: Target, ctx: Context): Proposal | undefined {
  const tokens = locatedTokens(t.raw);
  const frame = tokens.findIndex((x) => MODAL.test(x.value) || x.lemma === "want");
  const contentVerb = (from: number) => tokens.findIndex((x, i) => i >= from && x.pos === "VERB" && !FRAME_VERBS.has(x.lemma));
  let v = frame >= 0 ? contentVerb(frame + 1) : -1;
  if (v < 0) v = contentVerb(0);
  const object = tokens.find((x, i) => i > v && x.pos === "NOUN" && /^[A-Za-z]{3,}$/.test(x.value));
  if (!object) return undefined;
  const mine = new Set(tokens.filter((x) => x.pos === "NOUN").map((x) => pluralize.singular(x.value.toLowerCase())));
  const others = ctx.nouns.filter((n) => !mine.has(n));
  if (others.length === 0) return undefined;
  const noun = seededPick(others, ctx.seed, `similar-noun\0${t.statement.id}`);
  const plural = pluralize.isPlural(object.value) && pluralize.singular(object.value) !== object.value;
  const swapped = matchCase(object.value, plural ? pluralize.plural(noun) : noun);
  let copy = t.raw.slice(0, object.at) + swapped + t.raw.slice(object.at + object.value.length);
  // "a book" -> "an order": the article follows the new noun.
  const article = /\b(a|an|A|An)(\s+)$/.exec(copy.slice(0, object.at));
  if (article) {
    const fixed = matchCase(article[1]!, /^[aeiou]/i.test(swapped) ? "an" : "a");
    copy = copy.slice(0, article.index) + fixed + article[2] + copy.slice(object.at);
  }
  const s = t.statement;
  // The copy is a new requirement: it gets a label of its own (FR-001 -> the next free FR number).
  if (s.label && copy.includes(s.label)) copy = copy.replace(s.label, nextLabel(s.label, ctx.labels));
  const shape = lineShape(t, ctx);
  const what = `copy with ${object.value} -> ${swapped}`;
  const section = ownSection(t, ctx);
  if (section && shape.whole) {
    // The statement is its heading's only statement (an OpenSpec requirement or scenario, a Kiro
    // story): its identity is the heading, so the copy gets a section of its own after this one.
    const content = ctx.files.get(s.file)!;
    const lead = content.slice(0, section.end).endsWith("\n\n") || section.end === 0 ? "" : content.slice(0, section.end).endsWith("\n") ? "\n" : "\n\n";
    const text = `${lead}${section.heading} (${swapped})\n\n${shape.prefix}${copy}\n${section.end < content.length ? "\n" : ""}`;
    return { start: section.end, end: section.end, text, what, after: copy };
  }
  if (shape.whole) {
    const listItem = shape.prefix.trim() !== "";
    const markdown = /\.(?:md|markdown)$/i.test(s.file);
    // A list item gets a sibling item; a markdown paragraph a paragraph of its own; a line of a
    // text transcript the next line.
    const text = (listItem || !markdown ? "\n" : "\n\n") + shape.prefix + copy;
    return { start: shape.lineEnd, end: shape.lineEnd, text, what, after: copy };
  }
  if (!/[.!?]$/.test(t.raw.trimEnd())) return undefined;
  return { start: t.end, end: t.end, text: " " + copy, what, after: copy };
}

/**
 * When the statement is the only one whose heading path is its own, the heading line above it and
 * the offset where its section ends (the next heading of the same or a higher level).
 */
function ownSection(t: Target, ctx: Context): { heading: string; end: number } | undefined {
  const path = t.statement.headingPath;
  // Headings are markdown's: in a .txt transcript "# comment" is text.
  if (!/\.(?:md|markdown)$/i.test(t.statement.file) || !path || path.length === 0 || ctx.byHeading.get([t.statement.file, ...path].join("\0")) !== 1) return undefined;
  const lines = ctx.files.get(t.statement.file)!.split("\n");
  const starts = ctx.lineStarts.get(t.statement.file)!;
  let level = 0;
  let heading = "";
  let fenced = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\s*(?:```|~~~)/.test(line)) fenced = !fenced;
    const m = fenced ? null : /^(#{1,6})\s+\S/.exec(line);
    if (i < t.statement.span.start.line - 1) {
      if (m) [level, heading] = [m[1]!.length, line.trimEnd()];
    } else if (i >= t.statement.span.end.line && heading && m && m[1]!.length <= level) {
      return { heading, end: starts[i]! };
    }
  }
  return heading ? { heading, end: ctx.files.get(t.statement.file)!.length } : undefined;
}

/** `FR-004` -> one past the highest `FR-` number of the input, with the same padding (`FR-009`). */
function nextLabel(label: string, labels: readonly string[]): string {
  const m = /^(.*?)(\d+)$/.exec(label);
  if (!m) return `${label}-copy`;
  const prefix = m[1]!;
  let max = Number(m[2]);
  for (const l of labels) {
    const n = l.startsWith(prefix) ? /^\d+$/.exec(l.slice(prefix.length)) : null;
    if (n) max = Math.max(max, Number(n[0]));
  }
  return prefix + String(max + 1).padStart(m[2]!.length, "0");
}

/** `to` written in the case of `like`: UPPER, Capitalised or lower. */
function matchCase(like: string, to: string): string {
  if (like.length > 1 && like === like.toUpperCase() && like !== like.toLowerCase()) return to.toUpperCase();
  if (like[0] !== undefined && like[0] === like[0].toUpperCase() && like[0] !== like[0].toLowerCase()) return to[0]!.toUpperCase() + to.slice(1);
  return to;
}
