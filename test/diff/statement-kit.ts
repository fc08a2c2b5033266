/**
 * Test helper: reads a markdown excerpt into Statement objects without the real parser (so the
 * diff is tested on its own): every numbered list item is a statement, headed by the `###`/`####`
 * headings above it; its id is derived from file + normalised text, as the parser does.
 */
import { createHash } from "node:crypto";
import type { Statement } from "../../lib/statements/types.js";

export function derivedId(file: string, text: string): string {
  const norm = text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  return `${file.replace(/^statements\//, "").replace(/\.md$/, "")}#${createHash("sha1").update(norm).digest("hex").slice(0, 8)}`;
}

export function readExcerpt(file: string, markdown: string): Statement[] {
  const out: Statement[] = [];
  const headings: string[] = [];
  markdown.split("\n").forEach((line, i) => {
    const h = /^(#{2,4}) (.*)$/.exec(line);
    if (h) {
      headings.length = h[1]!.length - 2;
      headings.push(h[2]!.trim());
      return;
    }
    const item = /^\d+\. (.*)$/.exec(line);
    if (!item) return;
    const text = item[1]!.trim();
    out.push({
      id: derivedId(file, text),
      authored: false,
      kind: "ears-event",
      text,
      file,
      span: { start: { line: i + 1, column: 1 }, end: { line: i + 1, column: line.length + 1 } },
      headingPath: [...headings],
    });
  });
  return out;
}
