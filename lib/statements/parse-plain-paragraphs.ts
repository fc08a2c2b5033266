import type { Paragraph, Root } from "mdast";

type Point = NonNullable<Paragraph["position"]>["start"];

/**
 * Characters that can start markdown syntax inside a line (emphasis, code, links, images, HTML,
 * entities, escapes, headings, tables, strikethrough) or that remark rewrites (NUL).
 */
const SYNTAX_CHAR = /[*_`[\]<>&\\#|~\0]/;

/** A line remark reads as plain paragraph text: starts with a letter, no edge white space, no syntax characters. */
function isPlainLine(line: string): boolean {
  return /^\p{L}/u.test(line) && line === line.trim() && !SYNTAX_CHAR.test(line);
}

/**
 * The mdast tree remark-parse (without GFM) gives for a text made only of plain paragraphs:
 * lines that start with a letter, carry no markdown syntax character and no white space at
 * either end, separated by empty lines. Undefined for any other text, which then goes to remark.
 *
 * Why this is exact: a line starting with a letter can open no block but a paragraph (headings,
 * lists, quotes, fences, HTML, tables and thematic breaks start with other characters; indented
 * code needs leading white space), and a paragraph line can close none but by an empty line.
 * Without syntax characters the inline content is one text node whose value is the source
 * itself: no escapes, entities, emphasis, code, links or hard breaks (those need a trailing
 * space or backslash). Setext underlines start with `=` or `-`. The corpus tests check that this
 * tree equals remark's on every eligible file (test/statements/plain-paragraphs.test.ts).
 */
export function parsePlainParagraphs(text: string): Root | undefined {
  const children: Paragraph[] = [];
  let line = 1;
  let offset = 0;
  let start: Point & { offset: number } | undefined;
  let end: Point & { offset: number } | undefined;
  const close = () => {
    if (!start || !end) return;
    const value = text.slice(start.offset, end.offset);
    children.push({
      type: "paragraph",
      children: [{ type: "text", value, position: { start: { ...start }, end: { ...end } } }],
      position: { start, end },
    });
    start = undefined;
  };
  while (offset <= text.length) {
    let nl = text.indexOf("\n", offset);
    if (nl < 0) nl = text.length;
    const content = text.slice(offset, nl);
    if (content === "") close();
    else {
      if (!isPlainLine(content)) return undefined;
      start ??= { line, column: 1, offset };
      end = { line, column: content.length + 1, offset: nl };
    }
    if (nl === text.length) break;
    offset = nl + 1;
    line++;
  }
  close();
  const lastNl = text.lastIndexOf("\n");
  return {
    type: "root",
    children,
    position: { start: { line: 1, column: 1, offset: 0 }, end: { line, column: text.length - lastNl, offset: text.length } },
  };
}
