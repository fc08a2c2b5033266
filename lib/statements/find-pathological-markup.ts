/**
 * Markup that makes remark slow beyond any budget: micromark resolves emphasis and links by
 * scanning back over earlier delimiters, so one paragraph with thousands of `*`/`_` runs, a run of
 * thousands of stars, or thousands of `[` costs quadratic time (40,000 stars take minutes), and a
 * table cannot be split into chunks. Returns why a text should go to the line reader instead, or
 * undefined. One linear pass, ignoring fenced code.
 */
export function findPathologicalMarkup(text: string): string | undefined {
  let fence: string | undefined;
  let runs = 0;
  let brackets = 0;
  let tableRows = 0;
  let pos = 0;
  let lineNo = 0;
  while (pos < text.length) {
    let nl = text.indexOf("\n", pos);
    if (nl < 0) nl = text.length;
    lineNo++;
    const line = text.slice(pos, nl);
    pos = nl + 1;
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence !== undefined) {
      if (f && line.trimStart().startsWith(fence)) fence = undefined;
      continue;
    }
    if (f) {
      fence = f[1]![0];
      continue;
    }
    if (line.trim() === "") {
      runs = brackets = tableRows = 0;
      continue;
    }
    if (/^\s*\|/.test(line) && ++tableRows > MAX_TABLE_ROWS) return `a table of more than ${MAX_TABLE_ROWS} rows (line ${lineNo})`;
    // Emphasis and links are resolved per paragraph: a new list item, heading or row starts afresh.
    if (/^\s*(?:[-*+>|#]|\d{1,9}[.)])\s/.test(line)) runs = brackets = 0;
    // A line of only stars/underscores/dashes is a thematic break, whatever its length.
    if (/^[\s*_-]+$/.test(line)) continue;
    let prev = "";
    let runLength = 0;
    for (let i = 0; i < line.length; i++) {
      const c = line[i]!;
      if (c === "*" || c === "_" || c === "~") {
        if (c === prev) runLength++;
        else {
          runLength = 1;
          if (++runs > MAX_DELIMITER_RUNS) return `more than ${MAX_DELIMITER_RUNS} emphasis markers in one block (line ${lineNo})`;
        }
        if (runLength > MAX_RUN_LENGTH) return `a run of more than ${MAX_RUN_LENGTH} "${c}" (line ${lineNo})`;
      } else if (c === "[" && ++brackets > MAX_BRACKETS) return `more than ${MAX_BRACKETS} "[" in one block (line ${lineNo})`;
      prev = c;
    }
  }
  return undefined;
}

const MAX_DELIMITER_RUNS = 400;
const MAX_RUN_LENGTH = 16;
const MAX_BRACKETS = 400;
const MAX_TABLE_ROWS = 1000;
