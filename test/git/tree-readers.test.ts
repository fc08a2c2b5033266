import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, renameSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  createFsTreeReader,
  createMemoryTreeReader,
  openGitRevision,
  readSourceFiles,
  TreeReadError,
} from "../../lib/git/index.js";

const git = (cwd: string, ...args: string[]) =>
  execFileSync("git", args, { cwd, encoding: "utf8", env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@e", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@e" } });

let dir: string;
let repo: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "penult-git-"));
  repo = join(dir, "repo");
  mkdirSync(join(repo, "statements/cart"), { recursive: true });
  git(repo, "init", "-q", "-b", "main");
  writeFileSync(join(repo, "statements/cart/cart.md"), "# Cart\n\n- System MUST allow shoppers to add products to their cart\n");
  writeFileSync(join(repo, "README.md"), "not a statement\n");
  git(repo, "add", ".");
  git(repo, "commit", "-qm", "one");
  writeFileSync(join(repo, "statements/cart/cart.md"), "# Cart\n\n- System MUST allow shoppers to add products to their cart while browsing\n");
  writeFileSync(join(repo, "statements/orders.md"), "# Orders\n\n- System MUST capture order creation timestamp\n");
  writeFileSync(join(repo, "statements/logo.md"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]));
  git(repo, "add", ".");
  git(repo, "commit", "-qm", "two");
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("openGitRevision", () => {
  it("lists and reads the files of a revision (not the working tree)", async () => {
    const r = await openGitRevision({ repoDir: repo, rev: "HEAD~1" });
    expect(r.label).toMatch(/^HEAD~1 \([0-9a-f]{7}\)$/);
    expect(await r.listFiles(["statements/**/*.md"])).toEqual(["statements/cart/cart.md"]);
    expect(new TextDecoder().decode(await r.readFile("statements/cart/cart.md"))).toContain("their cart\n");
    const head = await openGitRevision({ repoDir: join(repo, "statements"), rev: "HEAD" });
    expect(await head.listFiles(["statements/**/*.md"])).toEqual(["statements/cart/cart.md", "statements/logo.md", "statements/orders.md"]);
    const all = await head.readFiles!(["statements/orders.md", "statements/cart/cart.md", "statements/logo.md"]);
    expect(new TextDecoder().decode(all.get("statements/cart/cart.md"))).toContain("while browsing");
    expect([...all.get("statements/logo.md")!]).toEqual([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]);
  });

  it("says a revision does not exist, with a hint", async () => {
    const err = await openGitRevision({ repoDir: repo, rev: "no-such-branch" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TreeReadError);
    expect((err as TreeReadError).code).toBe("REVISION_NOT_FOUND");
    expect((err as Error).message).toMatch(/Revision no-such-branch does not exist.*git log/);
  });

  it("says a folder is not a repository", async () => {
    const err = await openGitRevision({ repoDir: dir, rev: "HEAD" }).catch((e: unknown) => e);
    expect((err as TreeReadError).code).toBe("NOT_A_REPOSITORY");
  });

  it("tells a shallow clone to fetch more history", async () => {
    const shallow = join(dir, "shallow");
    git(dir, "clone", "-q", "--depth", "1", `file://${repo}`, shallow);
    const err = await openGitRevision({ repoDir: shallow, rev: "HEAD~1" }).catch((e: unknown) => e);
    expect((err as TreeReadError).code).toBe("SHALLOW_CLONE");
    expect((err as Error).message).toContain("git fetch --deepen=N or git fetch --unshallow");
    // The revision that is there still reads.
    const head = await openGitRevision({ repoDir: shallow, rev: "HEAD" });
    expect(await head.listFiles(["statements/*.md"])).toEqual(["statements/logo.md", "statements/orders.md"]);
  });
});

describe("readSourceFiles", () => {
  it("skips binary files with a warning naming the file", async () => {
    const r = await openGitRevision({ repoDir: repo, rev: "HEAD" });
    const { files, diagnostics } = await readSourceFiles({ reader: r, globs: ["statements/**/*.md"] });
    expect(files.map((f) => f.path)).toEqual(["statements/cart/cart.md", "statements/orders.md"]);
    expect(diagnostics).toEqual([expect.objectContaining({ code: "DIFF_BINARY_FILE", file: "statements/logo.md", severity: "warning" })]);
  });

  it("warns when statements/ was deleted or renamed", async () => {
    const work = join(dir, "renamed");
    git(dir, "clone", "-q", `file://${repo}`, work);
    renameSync(join(work, "statements"), join(work, "specs"));
    const { files, diagnostics } = await readSourceFiles({ reader: createFsTreeReader({ rootDir: work }), globs: ["statements/**/*.md"] });
    expect(files).toEqual([]);
    expect(diagnostics[0]!.code).toBe("DIFF_NO_STATEMENT_FILES");
    expect(diagnostics[0]!.message).toMatch(/deleted or renamed.*penult\.yml/);
  });
});

describe("createFsTreeReader", () => {
  it("walks from the glob's folder, skipping .git and node_modules", async () => {
    mkdirSync(join(repo, "node_modules/x/statements"), { recursive: true });
    writeFileSync(join(repo, "node_modules/x/statements/a.md"), "x");
    writeFileSync(join(repo, "statements/draft.md"), "- System MUST do a new thing\n");
    const r = createFsTreeReader({ rootDir: repo });
    expect(await r.listFiles(["statements/**/*.md"])).toEqual(["statements/cart/cart.md", "statements/draft.md", "statements/logo.md", "statements/orders.md"]);
    expect(await r.listFiles(["**/*.md"])).not.toContain("node_modules/x/statements/a.md");
    await expect(r.readFile("statements/none.md")).rejects.toThrow(/cannot be read/);
  });
});

describe("createMemoryTreeReader", () => {
  it("matches globs and reads text or bytes", async () => {
    const r = createMemoryTreeReader({ "statements/b.md": "b", "statements/a.md": new Uint8Array([97]), "docs/c.md": "c" });
    expect(await r.listFiles(["statements/**/*.md"])).toEqual(["statements/a.md", "statements/b.md"]);
    expect(new TextDecoder().decode(await r.readFile("statements/b.md"))).toBe("b");
    await expect(r.readFile("nope.md")).rejects.toBeInstanceOf(TreeReadError);
  });
});
