import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { parseStatements, type ParseResult } from "../../lib/statements/parse-statements.js";
import { readMarkdown } from "../../lib/statements/read-markdown.js";
import type { SourceFile, Statement } from "../../lib/statements/types.js";
import { corporaDir, seedConversationPath } from "../../bench/corpus-path.js";

/**
 * Every markdown file of test/corpora, the Dalpiaz backlogs and the seed conversation,
 * parsed in one call. A missing corpus fails loudly: skipping would hide regressions.
 */
const corpora = corporaDir();
const seed = seedConversationPath();

function collect(dir: string, keep: (path: string) => boolean, out: SourceFile[]): void {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) collect(p, keep, out);
    else if (keep(p)) out.push({ path: `corpora/${relative(corpora, p)}`, content: readFileSync(p) });
  }
}

let cached: { files: SourceFile[]; result: ParseResult } | undefined;
function parseAll(): { files: SourceFile[]; result: ParseResult } {
  if (cached) return cached;
  const files: SourceFile[] = [];
  // test/corpora/README.md describes the folder; it is not corpus text.
  collect(corpora, (p) => (p.endsWith(".md") && p !== join(corpora, "README.md")) || /dalpiaz-userstories\/g\d+-[^/]+\.txt$/.test(p), files);
  files.push({ path: "seed/000_bbe30278221eec2b.txt", content: readFileSync(seed) });
  cached = { files, result: parseStatements(files) };
  return cached;
}

const under = (prefix: string, list: Statement[]): Statement[] => list.filter((s) => s.file.startsWith(`corpora/${prefix}`));

describe("corpus", () => {
  it("parses every file without an error diagnostic, with unique ids", () => {
    const { files, result } = parseAll();
    expect(files.filter((f) => f.path.endsWith(".md")).length).toBeGreaterThanOrEqual(70);
    // A file that is not UTF-8 (some spec-kit files were saved as Windows-1252) is refused with a
    // diagnostic naming the byte; every other file parses without an error.
    const utf8 = new TextDecoder("utf-8", { fatal: true });
    const notUtf8 = new Set(
      files.filter((f) => {
        try {
          utf8.decode(typeof f.content === "string" ? Buffer.from(f.content) : f.content);
          return false;
        } catch {
          return true;
        }
      }).map((f) => f.path),
    );
    const errors = result.diagnostics.filter((d) => d.severity === "error");
    expect(errors.filter((d) => !(d.code === "PARSE_INVALID_UTF8" && notUtf8.has(d.file ?? "")))).toEqual([]);
    expect(new Set(errors.map((d) => d.file))).toEqual(notUtf8);
    expect(new Set(result.statements.map((s) => s.id)).size).toBe(result.statements.length);
    const withStatements = new Set(result.statements.map((s) => s.file));
    // Every requirements file yields statements (LICENSE-like files may not).
    for (const f of files) if (/spec\.md$|requirements\.md$|\.txt$/.test(f.path) && !notUtf8.has(f.path)) expect(withStatements.has(f.path)).toBe(true);
  });

  it("finds the 251 OpenSpec requirement blocks and the 707 scenarios of SOURCE.txt less one inside a code fence", () => {
    const s = under("openspec-specs/", parseAll().result.statements);
    const reqs = s.filter((x) => x.label?.startsWith("Requirement:"));
    const scenarios = s.filter((x) => x.kind === "scenario");
    expect(reqs).toHaveLength(251);
    // SOURCE.txt counts 707 "#### Scenario:" lines; one of them (cli-validate/spec.md:40) is an
    // example inside a fenced code block, which must not become a statement.
    expect(scenarios).toHaveLength(706);
    expect(scenarios.some((x) => x.scenario!.name === "Short name")).toBe(false);
    const reqIds = new Set(reqs.map((r) => r.id));
    expect(scenarios.every((x) => x.parent !== undefined && reqIds.has(x.parent) && x.scenario!.name)).toBe(true);
    expect(scenarios.every((x) => x.scenario!.steps.some((st) => st.keyword === "then"))).toBe(true);
  });

  it("finds the 283 spec-kit FR-### lines as 'shall' statements", () => {
    const s = under("speckit-specs/", parseAll().result.statements);
    const fr = s.filter((x) => /^FR-\d{3}$/.test(x.label ?? ""));
    expect(fr).toHaveLength(283);
    expect(fr.every((x) => x.kind === "shall" || x.kind.startsWith("ears-"))).toBe(true);
    expect(s.filter((x) => x.kind === "scenario").length).toBeGreaterThan(100);
    expect(s.filter((x) => x.kind === "user-story").length).toBeGreaterThan(30);
  });

  it("reads every Kiro SHALL line as EARS or shall, acceptance criteria under their story", () => {
    const s = under("ears-kiro/", parseAll().result.statements);
    const shall = s.filter((x) => /\bSHALL\b/.test(x.text) && x.kind !== "glossary");
    expect(shall).toHaveLength(375);
    const ears = shall.filter((x) => x.kind.startsWith("ears-"));
    expect(ears.length).toBeGreaterThan(340);
    const stories = new Map(s.filter((x) => x.kind === "user-story").map((x) => [x.id, x]));
    const underCriteria = ears.filter((x) => x.headingPath.some((h) => /acceptance criteria/i.test(h)));
    expect(underCriteria.length).toBeGreaterThan(300);
    expect(underCriteria.every((x) => x.parent !== undefined && stories.has(x.parent))).toBe(true);
  });

  it("recognises the Dalpiaz backlog lines as user stories", () => {
    const s = under("dalpiaz-userstories/", parseAll().result.statements);
    const stories = s.filter((x) => x.kind === "user-story");
    // 1,681 stories (SOURCE.txt); a handful are not in "As a .., I .." form.
    expect(stories.length).toBeGreaterThan(1640);
    expect(stories.every((x) => x.story!.role && x.story!.want && /^G\d+$/.test(x.label ?? ""))).toBe(true);
  });

  it("reads the seed conversation as a chat with its five user turns", () => {
    const all = parseAll().result.statements;
    const s = all.filter((x) => x.file.startsWith("seed/"));
    expect(s.every((x) => x.kind === "chat")).toBe(true);
    // No requirements document is mistaken for a transcript.
    expect(all.filter((x) => x.kind === "chat" && !x.file.startsWith("seed/"))).toEqual([]);
    expect(s.filter((x) => x.speaker === "user")).toHaveLength(11);
  });

  it("reads the Kiro and spec-kit files in 2 KB chunks exactly as in one piece", () => {
    const { files } = parseAll();
    const md = files.filter((f) => /corpora\/(ears-kiro|speckit-specs)\/.*\.md$/.test(f.path));
    expect(md.length).toBeGreaterThan(30);
    for (const f of md) {
      const text = Buffer.from(f.content as Uint8Array).toString("utf8").replace(/\r\n?/g, "\n");
      const show = (r: ReturnType<typeof readMarkdown>): string[] => r.candidates.map((c) => `${c.start} ${c.cls.kind} ${c.label} ${c.parent} ${c.text}`);
      expect(show(readMarkdown({ file: f.path, text, chunkSize: 2048 }))).toEqual(show(readMarkdown({ file: f.path, text, chunkSize: 1e9 })));
    }
  });

  it("never starts a statement with code, and never emits headings, links or metadata alone", () => {
    const { result } = parseAll();
    const codeish =
      /^(?:```|~~~|[{}\[\];]|\$ |#!|\/\/|\/\*|(?:import|export|const|let|var|def|function|class)\s+[\w{]+\s*[=({:]|[\w.]+\([^)]*\)\s*;?$)/;
    expect(result.statements.filter((x) => codeish.test(x.text)).map((x) => `${x.file}:${x.span.start.line} ${x.text}`)).toEqual([]);
    const md = result.statements.filter((x) => x.kind !== "chat");
    expect(md.filter((x) => /^(Feature Branch|Created|Status|Input):/.test(x.text))).toEqual([]);
    expect(result.statements.filter((x) => /^#{1,6}\s/.test(x.text))).toEqual([]);
    const malformed = result.statements.filter(
      (x) => x.text !== x.text.trim() || /\s{2}|\n/.test(x.text) || x.span.start.line < 1 || x.span.end.line < x.span.start.line,
    );
    expect(malformed).toEqual([]);
  });
});
