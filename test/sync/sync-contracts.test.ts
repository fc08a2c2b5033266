import { afterEach, describe, expect, it } from "@jest/globals";
import { createHash } from "node:crypto";
import type { Diagnostic } from "../../lib/diagnostics.js";
import { readSourceFiles } from "../../lib/git/read-source-files.js";
import type { SourceFile } from "../../lib/statements/types.js";
import { syncContracts, SyncError, type CompileForSync } from "../../lib/sync/sync-contracts.js";
import { createRepo, snapshotUserState } from "./git-fixture.js";

/**
 * A stand-in compiler so these tests exercise only sync's git work: each non-empty line of a
 * statement file is a statement; each file becomes one contract file; model.json lists the
 * statements the way the real model does (id, file, line, kind, text).
 */
const render: CompileForSync = async ({ tree, config }) => {
  const { files } = await readSourceFiles({ reader: tree, globs: config.statements });
  const text = (f: SourceFile) => (typeof f.content === "string" ? f.content : new TextDecoder().decode(f.content));
  const statements = files.flatMap((f) =>
    text(f)
      .split("\n")
      .map((line, i) => ({ line, i }))
      .filter(({ line }) => line.trim())
      .map(({ line, i }) => ({ id: `${f.path.replace(/\W+/g, "-")}-${createHash("sha1").update(line).digest("hex").slice(0, 6)}`, file: f.path, line: i + 1, kind: "prose", text: line.trim() })),
  );
  const outputs = files.map((f) => ({ path: `${config.output}/files/${f.path.split("/").pop()}.txt`, content: text(f).toUpperCase() }));
  outputs.push({ path: `${config.output}/model.json`, content: JSON.stringify({ statements }, null, 2) + "\n" });
  return { files: outputs, diagnostics: [] as Diagnostic[], readDiagnostics: [] as Diagnostic[] };
};

const repos: { cleanup: () => void }[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});
function repoWithStatements() {
  const repo = createRepo({
    "statements/cart.md": "The cart SHALL keep items.\nThe cart SHALL show a total.\n",
    "statements/orders.md": "The system SHALL keep orders for 7 years.\n",
    "src/app.ts": "export const x = 1;\n",
  });
  repos.push(repo);
  repo.git("add", ".");
  repo.git("commit", "-q", "-m", "statements");
  return repo;
}

describe("syncContracts", () => {
  it("commits HEAD's tree + regenerated contracts onto penult/contracts and leaves the user's branch, index and working tree byte-identical", async () => {
    const repo = repoWithStatements();
    // Uncommitted work of every kind: a staged edit, an unstaged edit, an untracked file.
    repo.write({ "src/app.ts": "export const x = 2;\n" });
    repo.git("add", "src/app.ts");
    repo.write({ "src/app.ts": "export const x = 3;\n", "notes.txt": "draft\n", "statements/cart.md": "The cart SHALL keep items.\nUNCOMMITTED\n" });
    const before = snapshotUserState(repo);

    const result = await syncContracts({ cwd: repo.dir, compile: render });

    expect(snapshotUserState(repo)).toEqual(before);
    expect(result.status).toBe("created");
    expect(result.uncommittedStatements).toEqual(["statements/cart.md"]);
    expect(result.branch).toBe("penult/contracts");
    const head = repo.git("rev-parse", "HEAD").trim();
    expect(repo.git("rev-parse", "penult/contracts^").trim()).toBe(head);
    expect(repo.git("rev-parse", "penult/contracts").trim()).toBe(result.commit);
    const tree = repo.git("ls-tree", "-r", "--name-only", "penult/contracts").trim().split("\n");
    expect(tree).toEqual([
      "contracts/.penult-manifest.json",
      "contracts/files/cart.md.txt",
      "contracts/files/orders.md.txt",
      "contracts/model.json",
      "src/app.ts",
      "statements/cart.md",
      "statements/orders.md",
    ]);
    // Generated from the COMMITTED statements, not the uncommitted edit.
    expect(repo.git("show", "penult/contracts:contracts/files/cart.md.txt")).toBe("THE CART SHALL KEEP ITEMS.\nTHE CART SHALL SHOW A TOTAL.\n");
    expect(repo.git("show", "penult/contracts:src/app.ts")).toBe("export const x = 1;\n");
    const message = repo.git("log", "-1", "--format=%B", "penult/contracts");
    expect(message).toMatch(/^penult: contracts for 3 changed statements/);
    expect(message).toContain('- added statements/cart.md:2 [statements-cart-md-');
    expect(message).toContain('"The system SHALL keep orders for 7 years."');
    expect(message).toContain("Generated-by: penult sync");
    expect(message).toContain(`Penult-Base: ${head}`);
    expect(repo.git("log", "-1", "--format=%an <%ae>", "penult/contracts").trim()).toBe("penult <penult@users.noreply.github.com>");
  });

  it("makes no commit when nothing changed, even after an unrelated commit", async () => {
    const repo = repoWithStatements();
    const first = await syncContracts({ cwd: repo.dir, compile: render });
    const second = await syncContracts({ cwd: repo.dir, compile: render });
    expect(second.status).toBe("unchanged");
    expect(second.commit).toBeUndefined();
    repo.write({ "src/app.ts": "export const x = 9;\n" });
    repo.git("commit", "-q", "-am", "unrelated");
    const third = await syncContracts({ cwd: repo.dir, compile: render });
    expect(third.status).toBe("unchanged");
    expect(repo.git("rev-parse", "penult/contracts").trim()).toBe(first.commit);
  });

  it("an edited statement gives one new commit on HEAD whose message lists that statement, old and new text", async () => {
    const repo = repoWithStatements();
    await syncContracts({ cwd: repo.dir, compile: render });
    repo.write({ "statements/cart.md": "The cart SHALL keep items.\nThe cart SHALL show a total with tax.\n" });
    repo.git("commit", "-q", "-am", "tax in totals");
    const before = snapshotUserState(repo);
    const result = await syncContracts({ cwd: repo.dir, compile: render });
    expect(snapshotUserState(repo)).toEqual(before);
    expect(result.status).toBe("updated");
    expect(repo.git("rev-parse", "penult/contracts^").trim()).toBe(repo.git("rev-parse", "HEAD").trim());
    const message = repo.git("log", "-1", "--format=%B", "penult/contracts");
    expect(message.split("\n")[0]).toBe("penult: contracts for 1 changed statement");
    expect(message).toMatch(/- edited statements\/cart\.md:2 \[.*\] "The cart SHALL show a total with tax\."\n {4}was: "The cart SHALL show a total\."/);
    expect(message).toContain("Contract files since the previous contracts commit: 0 added, 3 changed, 0 removed.");
    expect(result.branchChanges).toEqual({ added: [], changed: ["contracts/.penult-manifest.json", "contracts/files/cart.md.txt", "contracts/model.json"], removed: [] });
  });

  it("removes the contracts of a deleted statement file", async () => {
    const repo = repoWithStatements();
    await syncContracts({ cwd: repo.dir, compile: render });
    repo.git("merge", "-q", "--ff-only", "penult/contracts"); // the contracts PR was merged
    repo.git("rm", "-q", "statements/orders.md");
    repo.git("commit", "-q", "-m", "drop orders");
    const result = await syncContracts({ cwd: repo.dir, compile: render });
    expect(result.status).toBe("updated");
    const tree = repo.git("ls-tree", "-r", "--name-only", "penult/contracts");
    expect(tree).not.toContain("contracts/files/orders.md.txt");
    expect(tree).toContain("contracts/files/cart.md.txt");
    expect(repo.git("log", "-1", "--format=%B", "penult/contracts")).toContain("- removed statements/orders.md:1");
  });

  it("does nothing once the contracts are merged and current", async () => {
    const repo = repoWithStatements();
    await syncContracts({ cwd: repo.dir, compile: render });
    repo.git("merge", "-q", "--ff-only", "penult/contracts");
    const tip = repo.git("rev-parse", "penult/contracts");
    expect((await syncContracts({ cwd: repo.dir, compile: render })).status).toBe("unchanged");
    expect(repo.git("rev-parse", "penult/contracts")).toBe(tip);
  });

  it("refuses to overwrite a person's commit on the contracts branch, and to run on that branch", async () => {
    const repo = repoWithStatements();
    await syncContracts({ cwd: repo.dir, compile: render });
    repo.git("switch", "-q", "penult/contracts");
    await expect(syncContracts({ cwd: repo.dir, compile: render })).rejects.toThrow(/you are on penult\/contracts/);
    repo.write({ "contracts/NOTE.md": "mine\n" });
    repo.git("add", "contracts/NOTE.md");
    repo.git("commit", "-q", "-m", "my note");
    const tip = repo.git("rev-parse", "HEAD");
    repo.git("switch", "-q", "main");
    repo.write({ "statements/cart.md": "The cart SHALL hold at most 99 items.\n" });
    repo.git("commit", "-q", "-am", "limit");
    await expect(syncContracts({ cwd: repo.dir, compile: render })).rejects.toThrow(SyncError);
    await expect(syncContracts({ cwd: repo.dir, compile: render })).rejects.toThrow(/has a commit penult did not make .*"my note"/);
    expect(repo.git("rev-parse", "penult/contracts")).toBe(tip);
  });

  it("explains an empty repository, and reads config and branch from HEAD", async () => {
    const empty = createRepo();
    repos.push(empty);
    await expect(syncContracts({ cwd: empty.dir, compile: render })).rejects.toThrow(/no commits yet/);

    const repo = repoWithStatements();
    repo.write({ ".github/penult.yml": "output: gen\nbranch: bot/contracts\n" });
    repo.git("add", ".github/penult.yml");
    repo.git("commit", "-q", "-m", "config");
    const result = await syncContracts({ cwd: repo.dir, compile: render });
    expect(result.branch).toBe("bot/contracts");
    expect(repo.git("ls-tree", "-r", "--name-only", "bot/contracts")).toContain("gen/files/cart.md.txt");

    repo.write({ ".github/penult.yml": "targets: [cobol]\n" });
    repo.git("commit", "-q", "-am", "bad config");
    await expect(syncContracts({ cwd: repo.dir, compile: render })).rejects.toThrow(/\.github\/penult\.yml:1: targets\[0\] must be one of/);
  });
});
