import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runDiff } from "../../lib/diff/run-diff.js";
import { TreeReadError } from "../../lib/git/tree-reader.js";

const CASE = join(import.meta.dirname, "../fixtures/diff/reports/remove-requirement");
const FILE = "statements/cart/cart-order-management.md";
const git = (cwd: string, ...args: string[]) =>
  execFileSync("git", args, { cwd, encoding: "utf8", env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@e", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@e" } });

let repo: string;
beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), "penult-rundiff-"));
  mkdirSync(join(repo, "statements/cart"), { recursive: true });
  git(repo, "init", "-q", "-b", "main");
  writeFileSync(join(repo, FILE), readFileSync(join(CASE, "previous", FILE)));
  git(repo, "add", ".");
  git(repo, "commit", "-qm", "statements");
  writeFileSync(join(repo, FILE), readFileSync(join(CASE, "current", FILE)));
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe("runDiff on a real repository", () => {
  it("on the first commit compares with an empty repository; an explicit missing revision is a clear error", async () => {
    // With one commit, HEAD~1 does not exist: by default the base is then an empty repository.
    const first = await runDiff({ repoDir: repo, head: "HEAD", config: { targets: ["typescript"] } });
    expect(first.report.base).toBe("an empty repository (HEAD has no parent)");
    expect(first.report.summary.statements.added).toBeGreaterThan(20);
    expect(first.report.summary.statements.removed + first.report.summary.statements.edited).toBe(0);
    // No "was the statements folder deleted?" warning about a side that never had one.
    expect(first.report.diagnostics).toEqual([]);
    const empty = await runDiff({ repoDir: repo, base: "empty", head: "HEAD", config: { targets: ["typescript"] } });
    expect(empty.output.replace(/an empty repository( \(HEAD has no parent\))?/, "")).toBe(first.output.replace(/an empty repository( \(HEAD has no parent\))?/, ""));
    // git's empty tree names the same thing.
    expect((await runDiff({ repoDir: repo, base: "4b825dc642cb6eb9a060e54bf8d69288fbee4904", head: "HEAD", config: { targets: ["typescript"] } })).report.summary).toEqual(empty.report.summary);
    const err = await runDiff({ repoDir: repo, base: "HEAD~1", config: { targets: ["typescript"] } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TreeReadError);
    expect((err as Error).message).toMatch(/Revision HEAD~1 does not exist\. The repository has 1 commit; compare against an empty repository with `penult diff empty`/);
    const r = await runDiff({ repoDir: repo, base: "HEAD", config: { targets: ["typescript"] } });
    expect(r.report.head).toBe("working tree");
    expect(r.breaking).toBe(true);
    expect(r.output).toContain("removed: “System MUST allow shoppers to clear all items from their cart”");
    expect(r.report.findings.map((f) => f.rule)).toContain("OPERATION_REMOVED");
    expect(r.output).toMatch(/\*\*For callers\*\*[^\n]*\n\n- `\w+\.\w+` \(operation\): was removed\n/);
    // --full explains every contract file as well.
    const full = await runDiff({ repoDir: repo, base: "HEAD", full: true, config: { targets: ["typescript"] } });
    expect(full.output).toContain("### Why each contract changed");
    expect(full.output).toContain("#### `contracts/typescript/cart/index.ts`");
  });

  it("compares two revisions and prints JSON", async () => {
    git(repo, "commit", "-qam", "remove FR-008");
    const r = await runDiff({ repoDir: repo, head: "HEAD", format: "json", config: { targets: ["typescript"] } });
    const json = JSON.parse(r.output);
    expect(json.base).toMatch(/^HEAD~1 \(/);
    expect(json.summary.statements.removed).toBe(1);
    expect(json.findings.map((f: { rule: string }) => f.rule)).toContain("OPERATION_REMOVED");
    // The same revisions give the same bytes.
    expect((await runDiff({ repoDir: repo, head: "HEAD", format: "json", config: { targets: ["typescript"] } })).output).toBe(r.output);
  });

  it("says so when statements/ was deleted or renamed, and reports what it can", async () => {
    renameSync(join(repo, "statements"), join(repo, "specs"));
    try {
      const r = await runDiff({ repoDir: repo, base: "HEAD", config: { targets: ["typescript"] } });
      expect(r.report.summary.statements.removed).toBeGreaterThan(20);
      expect(r.report.diagnostics.map((d) => d.code)).toEqual(["DIFF_NO_STATEMENT_FILES"]);
      expect(r.output).toContain("at working tree: was the statements folder deleted or renamed?");
      // With the config pointing at the new folder, the move reads as a renamed file.
      const moved = await runDiff({ repoDir: repo, base: "HEAD", config: { targets: ["typescript"], statements: ["statements/**/*.md", "specs/**/*.md"] } });
      expect(moved.report.renamedFiles).toEqual([{ from: FILE, to: "specs/cart/cart-order-management.md", statements: expect.any(Number) }]);
      expect(moved.report.summary.statements).toMatchObject({ added: 0, removed: 0, edited: 0 });
    } finally {
      renameSync(join(repo, "specs"), join(repo, "statements"));
    }
  });
});
