import { createHash } from "node:crypto";
import { parse as parseYaml } from "yaml";
import { cmp, sortDiagnostics, type Diagnostic } from "../diagnostics.js";
import { assignStatementIds, type FileCandidates } from "./assign-statement-ids.js";
import { LineIndex, type Candidate } from "./candidate.js";
import { MAX_CLASSIFIED_LENGTH } from "./classify-statement.js";
import { decodeSource } from "./decode-source.js";
import { detectTranscript, readChat } from "./read-chat.js";
import { findPathologicalMarkup } from "./find-pathological-markup.js";
import { readMarkdown } from "./read-markdown.js";
import { readMarkdownLines } from "./read-markdown-lines.js";
import { readPlainText } from "./read-plain-text.js";
import { makeDiagnostic } from "./statement-diagnostics.js";
import type { ScenarioParts, SourceFile, Statement } from "./types.js";

/**
 * What reading one file's content gives, whatever its path: JSON data, so that it can be kept by
 * content (see {@link FileReadCache}) and a file is parsed once per content, not once per run.
 */
export interface FileReadRecord {
  candidates: Candidate[];
  /** Line starts of the text the candidates' offsets point into. */
  lineStarts: number[];
  /** Diagnostics of the read; their `file` is replaced by the path that has this content. */
  diagnostics: Diagnostic[];
}

/**
 * Reads of file contents by {@link fileReadKey}. `get` must return a value the parser may keep
 * (a fresh copy, or one nobody else holds). The pipeline backs it with its on-disk cache.
 */
export interface FileReadCache {
  get(key: string): FileReadRecord | undefined;
  set(key: string, record: FileReadRecord): void;
}

export interface ParseOptions {
  /** Reads of earlier runs; filled with the reads of this one. */
  cache?: FileReadCache;
}

/**
 * The key a file's read is kept under: a hash of its bytes and of the one thing of its path that
 * changes how it is read (a `.txt` file is plain text).
 */
export function fileReadKey(source: SourceFile): string {
  const hash = createHash("sha256").update(/\.txt$/i.test(source.path) ? "text\0" : "auto\0");
  hash.update(source.content);
  return hash.digest("hex");
}

export interface ParseResult {
  /** Sorted by file, then line, then column. */
  statements: Statement[];
  diagnostics: Diagnostic[];
}

/**
 * Markdown files above this many characters are read by the line reader: remark needs about a
 * second per megabyte, so a pathological file would dominate a compile.
 */
export const LARGE_FILE_LIMIT = 1_000_000;

/** How a file is read. */
export type SourceFormat = "markdown" | "chat" | "text";

/**
 * Blanks out YAML front matter (keeping line numbers) and reads `penult.format` from it.
 */
export function takeFrontMatter(text: string): { text: string; format?: SourceFormat; error?: string } {
  const m = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(text);
  if (!m) return { text };
  // Only the newlines stay: line numbers below are unchanged, and columns are per line anyway.
  const blank = m[0].replace(/[^\n]/g, "");
  const rest = blank + text.slice(m[0].length);
  try {
    const data = parseYaml(m[1]!) as unknown;
    const penult = data && typeof data === "object" ? (data as Record<string, unknown>).penult : undefined;
    const format = penult && typeof penult === "object" ? (penult as Record<string, unknown>).format : undefined;
    if (format === "chat" || format === "markdown" || format === "text") return { text: rest, format };
    return { text: rest };
  } catch (e) {
    return { text: rest, error: e instanceof Error ? e.message.split("\n")[0] : String(e) };
  }
}

interface FileRead {
  file: string;
  candidates: Candidate[];
  lines: LineIndex;
  diagnostics: Diagnostic[];
}

/** Reads a file through the cache: a content read once (this run or an earlier one) is not read again. */
function readFileCached(source: SourceFile, seen: Map<string, FileReadRecord>, cache: FileReadCache | undefined): FileRead {
  const key = fileReadKey(source);
  let record: FileReadRecord | undefined;
  const earlier = seen.get(key);
  // The same content twice in one run: the second file gets its own copy (statements are data callers may change).
  if (earlier) record = structuredClone(earlier);
  else record = cache?.get(key);
  if (!record) {
    const read = readFile(source);
    record = { candidates: read.candidates, lineStarts: [...read.lines.lineStarts], diagnostics: read.diagnostics };
    cache?.set(key, record);
  }
  if (!earlier) seen.set(key, record);
  const file = source.path;
  return { file, candidates: record.candidates, lines: LineIndex.fromLineStarts(record.lineStarts), diagnostics: record.diagnostics.map((d) => ({ ...d, file })) };
}

function readFile(source: SourceFile): FileRead {
  const file = source.path;
  const decoded = decodeSource(file, source.content);
  const diagnostics = [...decoded.diagnostics];
  const empty = (text = ""): FileRead => ({ file, candidates: [], lines: new LineIndex(text), diagnostics });
  if (decoded.text === undefined) return empty();
  if (decoded.text.trim() === "") {
    diagnostics.push(makeDiagnostic({ code: "PARSE_EMPTY_FILE", message: "empty file: no statements", file, line: 1 }));
    return empty(decoded.text);
  }
  const front = takeFrontMatter(decoded.text);
  if (front.error) {
    diagnostics.push(
      makeDiagnostic({ code: "PARSE_FRONT_MATTER", message: `front matter is not valid YAML (${front.error}); ignored`, file, line: 1 }),
    );
  }
  let text = front.text;
  let format: SourceFormat = front.format ?? (/\.txt$/i.test(file) ? "text" : "markdown");
  if (!front.format && detectTranscript(text)) format = "chat";
  let candidates: Candidate[];
  let pathology: string | undefined;
  const skipped: string[] = [];
  if (format === "chat") {
    // Quoted turns only when the author declared a chat: a detected paste may quote anything.
    const chat = readChat(text, { quoted: front.format === "chat" && /^[ \t]{0,3}>/m.test(text) });
    candidates = chat.candidates;
    for (const [what, n] of Object.entries(chat.skipped)) if (n) skipped.push(`${n} ${what}`);
  } else if (format === "text") {
    const plain = readPlainText(text);
    candidates = plain.candidates;
    if (plain.questions) skipped.push(`${plain.questions} bare questions`);
  } else if (text.length > LARGE_FILE_LIMIT || (pathology = findPathologicalMarkup(text)) !== undefined) {
    const lite = readMarkdownLines(text);
    candidates = lite.candidates;
    diagnostics.push(
      pathology === undefined
        ? makeDiagnostic({
            code: "PARSE_LARGE_FILE",
            message: `file of ${text.length} characters is over ${LARGE_FILE_LIMIT}: read line by line without remark (wrapped paragraphs are read per line)`,
            file,
            line: 1,
          })
        : makeDiagnostic({
            code: "PARSE_PATHOLOGICAL_MARKUP",
            message: `${pathology} would make markdown parsing take too long: read line by line without remark`,
            file,
            line: Number(/line (\d+)/.exec(pathology)?.[1] ?? 1),
          }),
    );
    if (lite.questions) skipped.push(`${lite.questions} bare questions`);
  } else {
    const md = readMarkdown({ file, text });
    text = md.text;
    candidates = md.candidates;
    for (const d of md.diagnostics) diagnostics.push(d);
    if (md.skipped.questions) skipped.push(`${md.skipped.questions} bare questions`);
    if (md.skipped.tables) skipped.push(`${md.skipped.tables} tables that hold no requirements`);
    if (md.skipped.fragments) skipped.push(`${md.skipped.fragments} one-word fragments`);
  }
  if (skipped.length) {
    diagnostics.push(
      makeDiagnostic({ code: "PARSE_SKIPPED", message: `read as ${format}; skipped ${skipped.join(", ")}`, file, line: 1 }),
    );
  }
  const lines = new LineIndex(text);
  for (const c of candidates) {
    if (c.text.length > MAX_CLASSIFIED_LENGTH) {
      diagnostics.push(
        makeDiagnostic({
          code: "PARSE_LONG_STATEMENT",
          message: `statement of ${c.text.length} characters kept as prose without pattern recognition`,
          file,
          line: lines.position(c.start).line,
        }),
      );
    }
  }
  if (candidates.length === 0) {
    diagnostics.push(makeDiagnostic({ code: "PARSE_NO_STATEMENTS", message: `no statements found (read as ${format})`, file, line: 1 }));
  }
  return { file, candidates, lines, diagnostics };
}

function toStatement(c: Candidate, f: FileRead, id: string, authored: boolean, ids: readonly string[]): Statement {
  const s: Statement = {
    id,
    authored,
    kind: c.cls.kind,
    text: c.text,
    file: f.file,
    span: { start: f.lines.position(c.start), end: f.lines.position(Math.max(c.start, c.end)) },
    headingPath: c.headingPath,
  };
  if (c.label) s.label = c.label;
  if (c.labels && c.labels.length > 0) s.labels = [...c.labels];
  if (c.parent !== undefined && ids[c.parent] !== undefined) s.parent = ids[c.parent];
  if (c.speaker) s.speaker = c.speaker;
  if (c.cls.ears) s.ears = c.cls.ears;
  if (c.cls.story) s.story = c.cls.story;
  if (c.cls.kind === "scenario") {
    const scenario: ScenarioParts = { steps: c.cls.steps ?? [] };
    if (c.scenarioName) scenario.name = c.scenarioName;
    s.scenario = scenario;
  }
  if (c.cls.glossary) s.glossary = c.cls.glossary;
  if (c.cls.code) s.code = c.cls.code;
  return s;
}

/**
 * Reads statement files (markdown, chat transcripts, plain-text backlogs) into statements with
 * stable ids. Pure and deterministic: the same files in any order give the same result; a file
 * that cannot be read yields diagnostics and never stops the others.
 */
export function parseStatements(files: readonly SourceFile[], options: ParseOptions = {}): ParseResult {
  const diagnostics: Diagnostic[] = [];
  const seen = new Map<string, FileReadRecord>();
  // Sort by path (then content, for duplicate paths) so input order cannot matter.
  const sorted = [...files].sort((a, b) => cmp(a.path, b.path) || cmpContent(a.content, b.content));
  const reads: FileRead[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const source = sorted[i]!;
    if (i > 0 && sorted[i - 1]!.path === source.path) {
      diagnostics.push(
        makeDiagnostic({ code: "PARSE_DUPLICATE_FILE", message: "the same path was given twice; the first copy is read", file: source.path }),
      );
      continue;
    }
    try {
      const read = readFileCached(source, seen, options.cache);
      reads.push(read);
      for (const d of read.diagnostics) diagnostics.push(d);
    } catch (e) {
      diagnostics.push(
        makeDiagnostic({
          code: "PARSE_INTERNAL_ERROR",
          message: `could not parse this file: ${e instanceof Error ? e.message : String(e)}`,
          file: source.path,
        }),
      );
    }
  }
  const fileCandidates: FileCandidates[] = reads.map((r) => ({ file: r.file, candidates: r.candidates, lines: r.lines }));
  const assigned = assignStatementIds(fileCandidates);
  for (const d of assigned.diagnostics) diagnostics.push(d);
  const statements: Statement[] = [];
  reads.forEach((r, fi) => {
    const ids = assigned.ids[fi]!;
    r.candidates.forEach((c, ci) => statements.push(toStatement(c, r, ids[ci]!, assigned.authored[fi]![ci]!, ids)));
  });
  statements.sort(
    (a, b) =>
      cmp(a.file, b.file) ||
      a.span.start.line - b.span.start.line ||
      a.span.start.column - b.span.start.column ||
      cmp(a.id, b.id),
  );
  return { statements, diagnostics: sortDiagnostics(diagnostics) };
}

function cmpContent(a: string | Uint8Array, b: string | Uint8Array): number {
  const sa = typeof a === "string" ? a : Buffer.from(a).toString("latin1");
  const sb = typeof b === "string" ? b : Buffer.from(b).toString("latin1");
  return cmp(sa, sb);
}
