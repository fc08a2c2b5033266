import { describe, expect, it } from "@jest/globals";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

/*
 * A clean clone must pass `npm test` and `npm run bench` on its own: no test or bench may read a
 * folder beside the repository (the team's research folder used to sit beside it). The corpora
 * are vendored in test/corpora/ and the seed conversation in examples/seed-conversation/. Code and
 * data are checked; comments may still say where a vendored file was copied from.
 */
const REPO = fileURLToPath(new URL("../..", import.meta.url));

/** Spelled in pieces so that this file does not match itself. */
const FORBIDDEN: { what: string; re: RegExp }[] = [
  { what: "a path into the shared folder beside the repository", re: new RegExp(["\\.\\.", "shared"].join("[\\\\/]")) },
  { what: "path segments walking into the shared folder", re: new RegExp(`["']\\.\\.["']\\s*,\\s*["']${"shar" + "ed"}["']`) },
  { what: "an absolute path into the team's work folders", re: new RegExp(["", "work", ""].join("/") + "(?:shared|main|wt)\\b") },
];

/** A whole-line comment (`//`, `/*`, ` *`, `#`): it may name where a file was copied from. */
const isComment = (line: string): boolean => /^\s*(\/\/|\/\*|\*|#)/.test(line);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === "corpora" || e.name === "node_modules" ? [] : sources(p);
    return /\.(ts|mts|mjs|js|json|yml|yaml)$/.test(e.name) ? [p] : [];
  });
}

describe("tests and benches run from the repository alone", () => {
  it("no test, fixture or bench names a path outside the repository", () => {
    const files = [...sources(join(REPO, "test")), ...sources(join(REPO, "bench"))];
    expect(files.length).toBeGreaterThan(100);
    const hits: string[] = [];
    for (const file of files) {
      const lines = readFileSync(file, "utf8").split("\n");
      lines.forEach((line, i) => {
        if (isComment(line)) return;
        for (const f of FORBIDDEN) if (f.re.test(line)) hits.push(`${relative(REPO, file).split(sep).join("/")}:${i + 1} ${f.what}: ${line.trim().slice(0, 120)}`);
      });
    }
    expect(hits).toEqual([]);
  });

  it("the patterns catch the forms they are meant to catch", () => {
    const caught = (line: string) => !isComment(line) && FORBIDDEN.some((f) => f.re.test(line));
    const dots = "..";
    // The forbidden paths are assembled here, so this file names none of them itself.
    const up = [dots, "shared"].join("/");
    const abs = ["", "work", "shared"].join("/");
    expect(caught(`join(process.cwd(), "${up}/corpora")`)).toBe(true);
    expect(caught(`join(here, "${dots}", "${dots}", "${dots}", "shared", "seed")`)).toBe(true);
    expect(caught(`see ${abs}/corpora/ears-kiro`)).toBe(true);
    expect(caught(`join(REPO, "test", "corpora")`)).toBe(false);
    expect(caught(`const shared = ${dots}/lib/shared-thing.js`)).toBe(false);
    // Attribution of a vendored copy is a comment, not a read.
    expect(caught(`// Source: ${up}/tools/score.mjs, copied here`)).toBe(false);
    expect(caught(` * from ${up}/corpora/x (see SOURCE.txt)`)).toBe(false);
  });
});
