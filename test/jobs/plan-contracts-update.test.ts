import { describe, expect, it } from "@jest/globals";
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openGitRevision } from "../../lib/git/git-tree-reader.js";
import { createMemoryTreeReader } from "../../lib/git/memory-tree-reader.js";
import { planContractsUpdate, renderPullRequestBody } from "../../lib/jobs/plan-contracts-update.js";
import { renderExplanation } from "../../lib/jobs/explain-element.js";
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

describe("a push that updates an open contracts PR", () => {
  it("says what this push changed beside the cumulative view, writes the full report beside the contracts, and names the push in the review", async () => {
    const merged = await planContractsUpdate({ tree: createMemoryTreeReader({ "statements/cart.md": CART }), sha: "a".repeat(40) });
    const base: Record<string, string> = { "statements/cart.md": CART };
    for (const c of merged.changes) base[c.path] = c.content ?? "";
    expect(merged.changes.map((c) => c.path)).toContain("contracts/IMPACT.md");
    // Push 1 of the PR edits one statement; push 2 edits the other.
    const push1 = CART.replace("30 days", "60 days");
    const first = await planContractsUpdate({ tree: createMemoryTreeReader({ ...base, "statements/cart.md": push1 }), sha: "b".repeat(40) });
    const prHead = first.changes.find((c) => c.path === "contracts/model.json")!.content!;
    const push2 = push1.replace("one copy", "two copies");
    const second = await planContractsUpdate({
      tree: createMemoryTreeReader({ ...base, "statements/cart.md": push2 }),
      sha: "c".repeat(40),
      previousPush: { modelJson: prHead, label: "bbbbbbb (the previous push)" },
    });
    expect(second.report.statements.map((r) => r.change.kind)).toEqual(["edited", "edited"]);
    expect(second.report.push!.statements.map((r) => r.change.current!.text)).toEqual([expect.stringContaining("two copies")]);
    const thisPush = second.body.slice(second.body.indexOf("### This push"), second.body.indexOf("### What breaks"));
    expect(thisPush).toMatch(/^### This push: bbbbbbb \(the previous push\) → ccccccc\n/);
    expect(thisPush).toContain("**two copies**");
    expect(thisPush).not.toContain("60 days");
    expect(second.reviewBody).toMatch(/^\*\*This push\*\* \(ccccccc\): 1 statement changed \(1 edited\)/);
    expect(second.reviewBody).toContain("**two copies**");
    // Review comments go to the files this push changed (each explained as the PR's diff shows it), not to every file again.
    expect(second.fileNotes.length).toBeGreaterThan(0);
    for (const n of second.fileNotes) expect(n.body).toContain("**two copies**");
    // The full report: every contract file explained, both statements, the push section too.
    expect(second.reportFile.path).toBe("contracts/IMPACT.md");
    expect(second.reportFile.content).toContain("### Why each contract changed");
    expect(second.changes.find((c) => c.path === "contracts/IMPACT.md")).toMatchObject({ action: "update", content: second.reportFile.content });
    // The App links it once the commit exists; the link is the body's last line.
    const body = renderPullRequestBody(second, { fullReport: "[The full report](https://example.test/blob/sha/contracts/IMPACT.md) lists every element." });
    expect(body.trimEnd().split("\n").at(-1)).toContain("[The full report](https://example.test/blob/sha/contracts/IMPACT.md)");
  });

  it("the full report never opens a PR by itself", async () => {
    const first = await planContractsUpdate({ tree: createMemoryTreeReader({ "statements/cart.md": CART }), sha: "a".repeat(40) });
    const files: Record<string, string> = { "statements/cart.md": CART };
    for (const c of first.changes) if (c.path !== "contracts/IMPACT.md") files[c.path] = c.content ?? "";
    const again = await planContractsUpdate({ tree: createMemoryTreeReader(files), sha: "b".repeat(40) });
    expect(again.upToDate).toBe(true);
    expect(again.changes).toEqual([]);
  });
});

describe("renderExplanation", () => {
  it("quotes statements as inert text: no @mention, no markup", () => {
    const text = renderExplanation("Cart", [{ id: "component/Cart", kind: "component", qualified: "Cart", why: [], statements: [{ id: "s.1", file: "statements/cart.md", line: 3, kind: "ears", text: "THE Cart SHALL page @oncall <b>now</b>" }] }], () => "../blob/x/statements/cart.md#L3");
    expect(text).toContain("page @&#8203;oncall &lt;b&gt;now&lt;/b&gt;");
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
