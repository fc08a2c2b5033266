import { describe, expect, it } from "@jest/globals";
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openGitRevision } from "../../lib/git/git-tree-reader.js";
import { createMemoryTreeReader } from "../../lib/git/memory-tree-reader.js";
import { planContractsUpdate } from "../../lib/jobs/plan-contracts-update.js";
import { parseCommand } from "../../lib/jobs/parse-command.js";

// Statements from examples/bookshop/statements/cart.md.
const CART = "# Cart\n\nWHEN a customer adds a book to the cart, THE Cart SHALL add one copy of the book and update the cart total.\n\nThe cart SHALL keep its contents for 30 days for a signed-in customer.\n";

describe("planContractsUpdate (the App's push job without GitHub)", () => {
  it("plans every contract file on a git revision that has no contracts yet (batch reader, missing paths)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "penult-plan-"));
    try {
      const git = (...a: string[]) => execFileSync("git", a, { cwd: dir, encoding: "utf8" }).trim();
      git("init", "-q", "-b", "main");
      mkdirSync(join(dir, "statements"));
      writeFileSync(join(dir, "statements", "cart.md"), CART);
      git("add", ".");
      git("-c", "user.name=t", "-c", "user.email=t@x", "commit", "-qm", "s");
      const sha = git("rev-parse", "HEAD");
      const plan = await planContractsUpdate({ tree: await openGitRevision({ repoDir: dir, rev: sha }), sha, subject: "s" });
      expect(plan.upToDate).toBe(false);
      expect(plan.changes.every((c) => c.action === "create")).toBe(true);
      expect(plan.changes.map((c) => c.path)).toContain("contracts/model.json");
      expect(plan.statementCount).toBe(2);
      expect(plan.title).toBe("penult: contracts for 2 changed statements");
      expect(plan.commitMessage).toContain(`Penult-Source: ${sha}`);
      expect(plan.body).toContain("## Contract impact of statement changes");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("is up to date once the tree holds what it would write, and explains an edit against model.json", async () => {
    const first = await planContractsUpdate({ tree: createMemoryTreeReader({ "statements/cart.md": CART }), sha: "a".repeat(40) });
    const files: Record<string, string> = { "statements/cart.md": CART };
    for (const c of first.changes) files[c.path] = c.content ?? "";
    const again = await planContractsUpdate({ tree: createMemoryTreeReader(files), sha: "b".repeat(40) });
    expect(again.upToDate).toBe(true);
    expect(again.report.statements).toHaveLength(0);
    files["statements/cart.md"] = CART.replace("30 days", "60 days");
    const edited = await planContractsUpdate({ tree: createMemoryTreeReader(files), sha: "c".repeat(40) });
    expect(edited.upToDate).toBe(false);
    expect(edited.report.statements.map((r) => r.change.kind)).toEqual(["edited"]);
    expect(edited.title).toBe("penult: contracts for 1 changed statement");
    for (const n of edited.fileNotes) {
      expect(n.path.startsWith("contracts/")).toBe(true);
      expect(n.line).toBeGreaterThan(0);
    }
  });
});

describe("parseCommand", () => {
  it("reads the first command line outside code and quotes", () => {
    expect(parseCommand("thanks!\n/implement CartApi --lang py")).toEqual({ name: "implement", target: "CartApi", lang: "python" });
    expect(parseCommand("/penult explain Cart")).toEqual({ name: "explain", target: "Cart" });
    expect(parseCommand("/penult regenerate --force")).toEqual({ name: "regenerate", force: true });
    expect(parseCommand("```\n/implement X\n```\n> /implement Y")).toBeUndefined();
    expect(parseCommand("/implement X --lang cobol")).toMatchObject({ name: "help", problem: expect.stringMatching(/unknown language/) });
    expect(parseCommand("/penult frobnicate")).toMatchObject({ name: "help", problem: "unknown command `frobnicate`" });
    expect(parseCommand("no command here")).toBeUndefined();
  });

  it("ignores commands inside HTML comments, which GitHub does not show", () => {
    expect(parseCommand("<!-- /penult regenerate --force -->")).toBeUndefined();
    expect(parseCommand("ok\n<!--\n/implement X\n-->")).toBeUndefined();
    expect(parseCommand("<!-- unclosed\n/implement X")).toBeUndefined();
    expect(parseCommand("<!-- note -->\n/penult explain Cart")).toEqual({ name: "explain", target: "Cart" });
  });
});
