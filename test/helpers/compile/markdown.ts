import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Html, Link, Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { parseMermaidDiagrams } from "./mermaid.js";
import type { CompileOutcome } from "./run-tool.js";

/**
 * Proves `ARCHITECTURE.md` (in `dir`, the `markdown/` output folder) with remark (GFM): every
 * ```mermaid block parses with Mermaid's parser, the only raw HTML is the header's comments (so no
 * statement text turned into markup), and every link is relative (to a statement file and line).
 */
export async function compileMarkdown(dir: string): Promise<CompileOutcome> {
  const problems: string[] = [];
  const text = readFileSync(join(dir, "ARCHITECTURE.md"), "utf8");
  const tree = unified().use(remarkParse).use(remarkGfm).parse(text) as Root;
  const blocks: string[] = [];
  visit(tree, (node) => {
    if (node.type === "code" && node.lang === "mermaid") blocks.push(node.value);
    if (node.type === "html") {
      const v = (node as Html).value;
      if (!/^<!--[^\n]*-->$/.test(v) || (v.match(/-->/g) ?? []).length !== 1) problems.push(`line ${node.position?.start.line}: raw HTML ${JSON.stringify(v.slice(0, 80))}`);
    }
    if (node.type === "link") {
      const link = node as Link;
      const url = link.url;
      const shown = link.children.map((c) => ("value" in c ? c.value : "")).join("");
      // GFM autolink literals (a URL written in a statement) are the author's text, not injected markup.
      const autolink = url === shown || url === `http://${shown}` || url === `mailto:${shown}`;
      if (!autolink && !/^(\.\.\/)+[^:]*#L\d+$/.test(url)) problems.push(`line ${node.position?.start.line}: link ${JSON.stringify(url)} is not a relative statement link`);
    }
  });
  const results = await parseMermaidDiagrams(blocks.map((text, i) => ({ name: `mermaid block ${i + 1}`, text })));
  for (const [name, message] of results) if (message) problems.push(`${name}: ${message}`);
  return { ok: problems.length === 0, output: problems.join("\n") };
}
