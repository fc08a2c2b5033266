/**
 * A line-per-statement stand-in for lib/statements/parse-statements.ts, used by the lint tests and
 * bench only while the real parser is being written (it throws "PLACEHOLDER" until then).
 * {@link readStatements} prefers the real parser and falls back to this.
 */
import { parseStatements } from "../../../lib/statements/parse-statements.js";
import type { Statement, StatementKind } from "../../../lib/statements/types.js";

const MARKER = /^(\s*)((?:[-*+]|\d+[.)])\s+)?/;

function guessKind(text: string, heading: string, bold: boolean): StatementKind {
  if (/^user story:/i.test(text) || /^as an? .+, i want/i.test(text)) return "user-story";
  if (/glossary|definitions|terms/i.test(heading) && bold && /^[^:]{1,60}:/.test(text)) return "glossary";
  if (/^(given|scenario)\b/i.test(text)) return "scenario";
  if (/^(WHEN|WHILE|IF|WHERE)\b/.test(text) && /\bSHALL\b/.test(text)) return "ears-complex";
  if (/^THE\b.*\bSHALL\b/.test(text)) return "ears-ubiquitous";
  if (/\b(shall|must)\b/i.test(text)) return "shall";
  return "prose";
}

/** One statement per non-empty, non-heading line outside code fences. */
export function readLineStatements(options: { file: string; content: string }): Statement[] {
  const out: Statement[] = [];
  const headings: string[] = [];
  let fenced = false;
  options.content.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (/^\s*(```|~~~)/.test(raw)) {
      fenced = !fenced;
      return;
    }
    if (fenced || !raw.trim() || /^\s*\|/.test(raw) || /^\s*<!--/.test(raw)) return;
    const h = /^(#{1,6})\s+(.*)$/.exec(raw);
    if (h) {
      headings.length = h[1]!.length - 1;
      headings[h[1]!.length - 1] = h[2]!.trim();
      return;
    }
    const marker = MARKER.exec(raw)![0];
    const body = raw.slice(marker.length);
    const bold = /^\*\*[^*]+\*\*/.test(body);
    const text = body.replace(/\*\*|__|`/g, "").replace(/\[([^\]]*)\]\([^)]*\)/g, "$1").replace(/\s+/g, " ").trim();
    if (!text) return;
    const headingPath = headings.filter((x) => x !== undefined);
    const kind = guessKind(text, headingPath[headingPath.length - 1] ?? "", bold);
    const statement: Statement = {
      id: `${options.file}#L${line}`,
      authored: false,
      kind,
      text,
      file: options.file,
      span: { start: { line, column: marker.length + 1 }, end: { line, column: raw.length + 1 } },
      headingPath,
    };
    if (kind === "glossary") {
      const m = /^([^:]+):\s*(.*)$/.exec(text)!;
      statement.glossary = { term: m[1]!.trim(), definition: m[2]!.trim() };
    }
    out.push(statement);
  });
  return out;
}

/** Statements of a markdown file: the real parser when it exists, else {@link readLineStatements}. */
export function readStatements(options: { file: string; content: string }): Statement[] {
  try {
    return parseStatements([{ path: options.file, content: options.content }]).statements;
  } catch (err) {
    if (err instanceof Error && /not written yet/.test(err.message)) return readLineStatements(options);
    throw err;
  }
}
