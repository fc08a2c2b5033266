import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";

/** Raw HTML penult writes itself; anything else in a report came from a statement and was not escaped. */
const BLOCK_HTML = [/^<!-- penult:impact-report -->$/, /^<details><summary>[^<>]*<\/summary>$/, /^<\/details>$/];
const INLINE_HTML = new Set(["<br>", "<sub>", "</sub>"]);

export interface MarkdownCheck {
  /** What is wrong with the text as GitHub markdown ([] when nothing). */
  problems: string[];
  /** The ```mermaid blocks, for Mermaid's own parser. */
  mermaid: string[];
}

/**
 * Reads a report as GitHub does (remark with GFM) and lists what would render wrongly: raw HTML
 * penult does not write (so statement text was not escaped), a live @mention outside code, a table
 * row whose cell count differs from its header (a pipe that split a cell), bold markers `**` that
 * did not become bold (markdown's flanking rules), or a code fence left open.
 */
export function checkMarkdown(text: string): MarkdownCheck {
  const problems: string[] = [];
  const mermaid: string[] = [];
  const tree = unified().use(remarkParse).use(remarkGfm).parse(text);
  let strong = 0;
  const codeRanges: [number, number][] = [];
  visit(tree, (node) => {
    const n = node as { type: string; value?: string; lang?: string; children?: { children?: unknown[] }[]; position?: { start: { offset?: number }; end: { offset?: number } } };
    if (n.type === "html") {
      const v = (n.value ?? "").trim();
      const ok = BLOCK_HTML.some((re) => re.test(v)) || INLINE_HTML.has(v);
      if (!ok) problems.push(`raw HTML: ${v.slice(0, 80)}`);
    }
    if (n.type === "text" && /(^|[^\p{L}\p{N}_])@[\p{L}\p{N}]/u.test(n.value ?? "")) problems.push(`live mention in: ${(n.value ?? "").slice(0, 80)}`);
    if (n.type === "table") {
      const rows = n.children ?? [];
      const width = rows[0]?.children?.length ?? 0;
      rows.forEach((r, i) => {
        if ((r.children?.length ?? 0) !== width) problems.push(`table row ${i} has ${r.children?.length} cells, the header ${width}`);
      });
    }
    if (n.type === "strong") strong++;
    if (n.type === "code") {
      if (n.lang === "mermaid") mermaid.push(n.value ?? "");
      else problems.push(`unexpected code block (${n.lang ?? "no language"})`);
    }
    if ((n.type === "code" || n.type === "inlineCode") && n.position?.start.offset !== undefined && n.position.end.offset !== undefined) {
      codeRanges.push([n.position.start.offset, n.position.end.offset]);
    }
  });
  // `**` outside code that markdown did not read as bold shows as two asterisks.
  let outside = "";
  let at = 0;
  for (const [a, b] of codeRanges.sort((x, y) => x[0] - y[0])) {
    if (a < at) continue;
    outside += text.slice(at, a) + " ";
    at = b;
  }
  outside += text.slice(at);
  const markers = (outside.match(/(?<!\\)\*\*/g) ?? []).length;
  if (markers !== strong * 2) problems.push(`${markers} bold markers but ${strong} bold spans`);
  if ((text.match(/^```/gm) ?? []).length % 2 !== 0) problems.push("a code fence is left open");
  return { problems, mermaid };
}
