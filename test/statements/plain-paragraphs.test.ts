import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { parsePlainParagraphs } from "../../lib/statements/parse-plain-paragraphs.js";
import { corporaDir } from "../../bench/corpus-path.js";

/**
 * The plain-paragraph fast path must build exactly the tree remark-parse builds, or decline.
 * Checked on every file of test/corpora and on the Dalpiaz backlogs written one story per
 * paragraph (as the model bench and many real backlogs do), plus hand-made edge cases.
 */
const corpora = corporaDir();
const remark = unified().use(remarkParse);

function corpusTexts(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(md|txt)$/.test(name) && p !== join(corpora, "README.md")) out.push({ name: p, text: readFileSync(p, "utf8").replace(/\r\n?/g, "\n") });
    }
  };
  walk(corpora);
  const dalpiaz = join(corpora, "dalpiaz-userstories");
  for (const name of readdirSync(dalpiaz).filter((n) => /^g\d+.*\.txt$/.test(n)).sort()) {
    const stories = readFileSync(join(dalpiaz, name), "utf8")
      .split(/\r?\n/)
      .map((l) => l.replace(/^#G\d+#\s*/, "").trim())
      .filter((l) => l.length > 0);
    out.push({ name: `${name} as markdown`, text: stories.join("\n\n") + "\n" });
  }
  return out;
}

describe("parsePlainParagraphs", () => {
  it("gives remark's exact tree on every eligible corpus text", () => {
    let eligible = 0;
    for (const { name, text } of corpusTexts()) {
      const fast = parsePlainParagraphs(text);
      if (!fast) continue;
      eligible++;
      expect({ name, tree: fast }).toEqual({ name, tree: remark.parse(text) });
    }
    // The Dalpiaz backlogs as markdown are plain paragraphs (those without syntax characters).
    expect(eligible).toBeGreaterThanOrEqual(10);
  });

  it("gives remark's exact tree on edge cases of plain text", () => {
    for (const text of ["", "\n", "a", "a\n", "a\n\n", "\n\nAb\ncd\n\n\nEf", "Hello world!\nBye.", "é ü\n\nß", "x\n\n\n", "A: b, c; d (e) f.\n\nG"]) {
      const fast = parsePlainParagraphs(text);
      expect(fast).toBeDefined();
      expect(fast).toEqual(remark.parse(text));
    }
  });

  it("declines anything with markdown syntax or edge white space", () => {
    const declined = [
      "# Heading",
      "- item",
      "1. item",
      "> quote",
      "a *b*",
      "a _b_",
      "a `b`",
      "a [b](c)",
      "a <b>",
      "a &amp; b",
      "a \\* b",
      "a  \nb",
      "a\\\nb",
      " a",
      "a\n    b",
      "a\n===",
      "a\n---",
      "| a | b |",
      "a ~~b~~",
      "1 item",
      "   \n",
      "a\n \nb",
    ];
    for (const text of declined) expect({ text, tree: parsePlainParagraphs(text) }).toEqual({ text, tree: undefined });
  });
});
