import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { fileReadKey, parseStatements, type FileReadCache, type FileReadRecord } from "../../lib/statements/parse-statements.js";
import type { SourceFile } from "../../lib/statements/types.js";

/** Every statement-like file of the vendored corpora (markdown, the Dalpiaz backlogs as text). */
function corpusFiles(): SourceFile[] {
  const root = join(process.cwd(), "test", "corpora");
  const out: SourceFile[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith(".md") || /dalpiaz-userstories\/g\d+-[^/]+\.txt$/.test(p)) out.push({ path: `statements/${relative(root, p)}`, content: readFileSync(p) });
    }
  };
  walk(root);
  return out;
}

/** A cache that keeps JSON text, as the on-disk cache does: every get is a fresh copy. */
function jsonCache(): FileReadCache & { size: () => number; gets: number; hits: number } {
  const store = new Map<string, string>();
  const cache = {
    gets: 0,
    hits: 0,
    size: () => store.size,
    get(key: string): FileReadRecord | undefined {
      cache.gets++;
      const text = store.get(key);
      if (text !== undefined) cache.hits++;
      return text === undefined ? undefined : (JSON.parse(text) as FileReadRecord);
    },
    set(key: string, record: FileReadRecord): void {
      store.set(key, JSON.stringify(record));
    },
  };
  return cache;
}

describe("parsing once per content", () => {
  const files = corpusFiles();
  const plain = parseStatements(files);

  it("a cached read gives the same statements and diagnostics as reading every file", () => {
    expect(files.length).toBeGreaterThan(100);
    const cache = jsonCache();
    expect(parseStatements(files, { cache })).toEqual(plain);
    expect(cache.size()).toBe(new Set(files.map(fileReadKey)).size);
    cache.hits = 0;
    cache.gets = 0;
    // Second run: every file comes from the cache, and the result is still the same (key order included).
    const again = parseStatements(files, { cache });
    expect(cache.hits).toBe(cache.gets);
    expect(JSON.stringify(again)).toBe(JSON.stringify(plain));
  });

  it("the same content under two paths is read once and gives each path its own statements", () => {
    const copies = files.slice(0, 20).map((f) => ({ ...f, path: f.path.replace(/^statements\//, "statements/copy/") }));
    const cache = jsonCache();
    const both = parseStatements([...files.slice(0, 20), ...copies], { cache });
    expect(cache.size()).toBe(new Set(files.slice(0, 20).map(fileReadKey)).size);
    const alone = parseStatements(copies);
    expect(both.statements.filter((s) => s.file.startsWith("statements/copy/"))).toEqual(alone.statements);
    // Changing one copy's statements does not change the other's (no shared objects).
    const first = both.statements.find((s) => s.file.startsWith("statements/copy/") && s.headingPath.length > 0)!;
    const twin = both.statements.find((s) => s.file === first.file.replace("statements/copy/", "statements/") && s.text === first.text)!;
    first.headingPath.push("changed");
    expect(twin.headingPath).not.toContain("changed");
  });

  it("the key follows the bytes and whether the path reads as plain text", () => {
    const a = { path: "statements/a.md", content: "The system SHALL log in users.\n" };
    expect(fileReadKey(a)).toBe(fileReadKey({ ...a, path: "statements/b/c.md" }));
    expect(fileReadKey(a)).toBe(fileReadKey({ ...a, content: new TextEncoder().encode(a.content) }));
    expect(fileReadKey(a)).not.toBe(fileReadKey({ ...a, path: "statements/a.txt" }));
    expect(fileReadKey(a)).not.toBe(fileReadKey({ ...a, content: a.content + " " }));
  });
});
