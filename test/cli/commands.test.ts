/**
 * Each command driven against a copy of examples/bookshop in a temp folder (a real git repository
 * where the command needs one): in-process through `main()` for speed, through the real binary
 * (`node bin/penult.js`) for sync and demo.
 */
import { appendFileSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { createRepo, snapshotUserState } from "../sync/git-fixture.js";
import { cleanAfterEach, REPO_ROOT, runBinary, runCli } from "./run-cli.js";

const cleanup = cleanAfterEach();
const bookshop = (): string => cleanup.example("bookshop");
function bookshopRepo() {
  const repo = createRepo();
  cleanup.add(repo.cleanup);
  cpSync(join(REPO_ROOT, "examples", "bookshop"), repo.dir, { recursive: true });
  repo.git("add", "-A");
  repo.git("commit", "-q", "-m", "bookshop statements");
  return repo;
}
const manifestOf = (dir: string) => JSON.parse(readFileSync(join(dir, "contracts/.penult-manifest.json"), "utf8")) as { files: Record<string, string> };

describe("penult generate", () => {
  it("writes model.json and the contracts of the statements, byte-identical on a second run and in another folder", async () => {
    const dir = bookshop();
    const r = await runCli(["generate"], { cwd: dir });
    expect(r.stdout).toMatch(/\d+ statements from 6 files -> \d+ generated files in contracts\/ \(\d+ created, 0 updated, 0 removed\)/);
    const model = JSON.parse(readFileSync(join(dir, "contracts/model.json"), "utf8")) as { statements: { file: string }[] };
    expect(new Set(model.statements.map((s) => s.file))).toEqual(
      new Set(["statements/cart.md", "statements/catalog.md", "statements/checkout/orders.md", "statements/checkout/payment.md", "statements/glossary.md", "statements/quality.md"]),
    );
    const files = Object.keys(manifestOf(dir).files);
    expect(files).toContain("contracts/model.json");
    expect(files.some((f) => f.startsWith("contracts/typescript/"))).toBe(true);
    for (const f of files) expect(readFileSync(join(dir, f), "utf8")).toMatch(/\n$/);

    const again = await runCli(["generate"], { cwd: dir });
    expect(again.stdout).toMatch(/\(0 created, 0 updated, 0 removed\)/);
    const other = bookshop();
    await runCli(["generate"], { cwd: join(other, "statements") }); // from a sub-folder: finds the root
    expect(manifestOf(other)).toEqual(manifestOf(dir));
  });

  it("--check writes nothing and exits 1 when contracts are stale; --dry-run lists what would change", async () => {
    const dir = bookshop();
    await runCli(["generate"], { cwd: dir });
    const ok = await runCli(["generate", "--check"], { cwd: dir });
    expect(ok.stdout).toContain("contracts are up to date");
    const cart = join(dir, "statements/cart.md");
    writeFileSync(cart, readFileSync(cart, "utf8").replace("add one copy of the book", "add one copy of the book or ebook"));
    const modelBefore = readFileSync(join(dir, "contracts/model.json"), "utf8");
    const stale = await runCli(["generate", "--check"], { cwd: dir });
    expect(stale.code).toBe(1);
    expect(stale.stdout).toContain("contracts are out of date with the statements: run `npx penult generate`");
    const dry = await runCli(["generate", "--dry-run"], { cwd: dir });
    expect(dry.stdout).toMatch(/^would be updated contracts\/model\.json$/m);
    expect(readFileSync(join(dir, "contracts/model.json"), "utf8")).toBe(modelBefore);
  });

  it("leaves a hand-written file in contracts/ alone and removes only stale files it generated", async () => {
    const dir = bookshop();
    mkdirSync(join(dir, "contracts"), { recursive: true });
    writeFileSync(join(dir, "contracts/NOTES.md"), "our notes\n");
    await runCli(["generate"], { cwd: dir });
    writeFileSync(join(dir, ".github/penult.yml"), readFileSync(join(dir, ".github/penult.yml"), "utf8") + "targets: [typescript]\n");
    const r = await runCli(["generate", "--json"], { cwd: dir });
    const out = JSON.parse(r.stdout) as { removed: string[]; created: string[] };
    expect(out.removed.length).toBeGreaterThan(0);
    expect(out.removed.every((p) => !p.startsWith("contracts/typescript/") && p !== "contracts/model.json")).toBe(true);
    expect(existsSync(join(dir, "contracts/java"))).toBe(false);
    expect(readFileSync(join(dir, "contracts/NOTES.md"), "utf8")).toBe("our notes\n");
  });
});

describe("penult extract --json", () => {
  it("prints one object per statement with the documented keys, for the whole repo or the paths given", async () => {
    const dir = bookshop();
    const r = await runCli(["extract", "--json"], { cwd: dir });
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    for (const row of rows) expect(Object.keys(row)).toEqual(["id", "file", "line", "kind", "text", "actors", "actions", "entities", "constraints"]);
    const add = rows.find((s) => String(s.text).startsWith("WHEN a customer adds a book to the cart"));
    expect(add).toMatchObject({ file: "statements/cart.md", line: 3, kind: "ears-event" });
    const search = rows.find((s) => String(s.text).includes("within 300 ms")) as { constraints: { value: number; unit: string }[] };
    expect(search.constraints).toEqual(expect.arrayContaining([expect.objectContaining({ value: 300, unit: "ms" })]));

    const one = JSON.parse((await runCli(["extract", "--json", "cart.md"], { cwd: join(dir, "statements") })).stdout) as { file: string }[];
    expect(one.length).toBe(6);
    expect(new Set(one.map((s) => s.file))).toEqual(new Set(["statements/cart.md"]));
    const folder = JSON.parse((await runCli(["extract", "--json", "statements/checkout"], { cwd: dir })).stdout) as { file: string }[];
    expect(new Set(folder.map((s) => s.file))).toEqual(new Set(["statements/checkout/orders.md", "statements/checkout/payment.md"]));
    const missing = await runCli(["extract", "--json", "nope.md"], { cwd: dir });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("nope.md does not exist");
  });
});

describe("penult check", () => {
  it("reports stale, missing and hand-implemented contracts with file:line, as text, json and GitHub annotations", async () => {
    const dir = bookshop();
    const before = await runCli(["check"], { cwd: dir });
    expect(before.code).toBe(1);
    expect(before.stdout).toMatch(/^contracts\/\.penult-manifest\.json error CONTRACTS_NOT_GENERATED contracts\/ holds no generated contracts yet \(\d+ files would be written\): run `npx penult generate`/m);
    await runCli(["generate"], { cwd: dir });
    const clean = JSON.parse((await runCli(["check", "--format", "json"], { cwd: dir })).stdout) as { sections: { name: string; findings: number }[] };
    expect(clean.sections.find((s) => s.name === "contracts")?.findings).toBe(0);
    expect(clean.sections.find((s) => s.name === "n-1 guard")?.findings).toBe(0);

    const ts = join(dir, "contracts/typescript/index.ts");
    const lines = readFileSync(ts, "utf8").split("\n").length;
    appendFileSync(ts, "export function sneaky(): number {\n  return 1;\n}\n");
    writeFileSync(join(dir, "contracts/model.json"), "{}\n");
    const r = await runCli(["check"], { cwd: dir });
    expect(r.code).toBe(1);
    // Out-of-date files are one finding (one cause, one fix), not one line per file.
    expect(r.stdout).toMatch(
      /^contracts\/\.penult-manifest\.json error CONTRACTS_OUT_OF_DATE 2 files are out of date with the statements in contracts\/ \(2 stale: contracts\/model\.json, contracts\/typescript\/index\.ts\): run `npx penult generate` and commit the result, or let the penult pull request do it$/m,
    );
    expect(r.stdout).not.toContain("CONTRACTS_STALE");
    expect(r.stdout).toMatch(new RegExp(`^contracts/typescript/index\\.ts:${lines}(:\\d+)? error N1_\\w+ `, "m"));
    const json = JSON.parse((await runCli(["check", "--json"], { cwd: dir })).stdout) as { ok: boolean; outOfDate: { stale: string[]; missing: string[]; extra: string[] } };
    expect(json.ok).toBe(false);
    expect(json.outOfDate).toEqual({ stale: ["contracts/model.json", "contracts/typescript/index.ts"], missing: [], extra: [] });
    const gh = await runCli(["check", "--format", "github"], { cwd: dir });
    expect(gh.code).toBe(1);
    expect(gh.stdout).toMatch(new RegExp(`^::error file=contracts/typescript/index\\.ts,line=${lines},(col=\\d+,)?title=penult N1_\\w+::`, "m"));
  });

  it("reports statement lint findings on the statement's line", async () => {
    const dir = bookshop();
    appendFileSync(join(dir, "statements/cart.md"), "\nThe cart page SHALL be fast and user-friendly.\n");
    await runCli(["generate"], { cwd: dir });
    const r = JSON.parse((await runCli(["check", "--format", "json"], { cwd: dir })).stdout) as { diagnostics: { code: string; file?: string; line?: number }[] };
    const vague = r.diagnostics.filter((d) => d.code.startsWith("LINT_") && d.file === "statements/cart.md" && d.line === 15);
    expect(vague.length).toBeGreaterThan(0);
  });
});

interface SubsystemJson {
  components: { interfaces: { name: string }[] }[];
  subsystems: SubsystemJson[];
}
function interfaceNames(s: SubsystemJson): string[] {
  return [...s.components.flatMap((c) => c.interfaces.map((i) => i.name)), ...s.subsystems.flatMap(interfaceNames)];
}

describe("penult implement", () => {
  it("writes the scaffold and its test under the configured folders, never overwriting; unknown names list the choices", async () => {
    const dir = bookshop();
    await runCli(["generate"], { cwd: dir });
    const model = JSON.parse(readFileSync(join(dir, "contracts/model.json"), "utf8")) as { system: SubsystemJson };
    const name = interfaceNames(model.system)[0] as string;
    const r = await runCli(["implement", name], { cwd: dir });
    expect(r.code).toBe(0);
    const created = r.stdout.trim().split("\n").map((l) => l.replace(/^created /, ""));
    expect(created).toHaveLength(2);
    expect(created.some((p) => p.startsWith("src/")) && created.some((p) => p.startsWith("test/"))).toBe(true);
    const impl = created.find((p) => p.startsWith("src/")) as string;
    expect(readFileSync(join(dir, impl), "utf8")).toContain("not implemented");
    writeFileSync(join(dir, impl), "// my code\n");
    const again = await runCli(["implement", name], { cwd: dir });
    expect(again.stdout).toContain(`exists ${impl} (not overwritten)`);
    expect(readFileSync(join(dir, impl), "utf8")).toBe("// my code\n");
    const py = await runCli(["implement", name, "--lang", "python", "--dry-run"], { cwd: dir });
    expect(py.stdout).toMatch(/^would create src\/\w+\.py$/m);
    const unknown = await runCli(["implement", "NoSuchThing"], { cwd: dir });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain(name);
  });

  it("writes tests for the framework package.json names, else for node:test; --test overrides", async () => {
    const dir = bookshop();
    await runCli(["generate"], { cwd: dir });
    const [a, b, c] = interfaceNames((JSON.parse(readFileSync(join(dir, "contracts/model.json"), "utf8")) as { system: SubsystemJson }).system);
    const testFile = (r: { stdout: string }) => readFileSync(join(dir, /^created (test\/\S+)$/m.exec(r.stdout)![1]!), "utf8");

    const builtin = await runCli(["implement", a!], { cwd: dir });
    expect(builtin.stderr).toContain("tests use node:test (no test framework found: the built-in runner)");
    expect(testFile(builtin)).toContain('import { describe, it } from "node:test";');

    writeFileSync(join(dir, "package.json"), JSON.stringify({ devDependencies: { vitest: "^3.0.0" }, scripts: { test: "vitest run" } }));
    const vitest = await runCli(["implement", b!], { cwd: dir });
    expect(vitest.stderr).toContain("tests use vitest (as package.json says)");
    expect(testFile(vitest)).toContain('import { describe, expect, it } from "vitest";');

    const chosen = await runCli(["implement", c!, "--test", "mocha"], { cwd: dir });
    expect(chosen.stderr).toContain("tests use mocha (as asked)");
    expect(testFile(chosen)).not.toMatch(/from "(vitest|node:test|@jest\/globals)"/);
    expect((await runCli(["implement", c!, "--test", "pytest", "--dry-run"], { cwd: dir })).stderr).toContain('penult writes ts tests for node:test, jest, vitest, mocha, not "pytest"');
  });
});

describe("penult sync (real binary)", () => {
  it("commits the contracts onto penult/contracts without touching the user's state, then does nothing when nothing changed", async () => {
    const repo = bookshopRepo();
    repo.write({ "statements/cart.md": "uncommitted edit\n", "scratch.txt": "untracked\n" });
    const before = snapshotUserState(repo);
    const first = await runBinary(["sync"], { cwd: repo.dir });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^penult\/contracts created at [0-9a-f]{7} \(on [0-9a-f]{7}\):/);
    expect(first.stderr).toContain("note: sync reads the statements committed at HEAD; uncommitted edits in statements/cart.md are not included");
    expect(snapshotUserState(repo)).toEqual(before);
    const tip = repo.git("rev-parse", "penult/contracts");
    expect(repo.git("ls-tree", "-r", "--name-only", "penult/contracts")).toContain("contracts/model.json");
    const second = await runBinary(["sync"], { cwd: repo.dir });
    expect(second.stdout).toContain("penult/contracts: up to date with the statements");
    expect(repo.git("rev-parse", "penult/contracts")).toBe(tip);
    expect(snapshotUserState(repo)).toEqual(before);
  });

  it("explains what to do outside a git repository (exit 2)", async () => {
    const r = await runCli(["sync"], { cwd: bookshop() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("is not inside a git repository: run `git init` and commit your statements first");
  });
});

describe("penult diff", () => {
  it("prints the impact report of the last commit in markdown or JSON, and explains a missing revision", async () => {
    const repo = bookshopRepo();
    const cart = join(repo.dir, "statements/cart.md");
    writeFileSync(cart, readFileSync(cart, "utf8").replace("remove every copy of that book", "remove every copy of that book and its gift message"));
    repo.git("commit", "-q", "-am", "gift messages go too");
    const md = await runCli(["diff", "HEAD~1", "HEAD"], { cwd: repo.dir });
    expect(md.code).toBe(0);
    expect(md.stdout).toContain("statements/cart.md");
    const json = JSON.parse((await runCli(["diff", "HEAD~1", "HEAD", "--json"], { cwd: repo.dir })).stdout) as Record<string, unknown>;
    expect(json).toHaveProperty("statements");
    const bad = await runCli(["diff", "nope"], { cwd: repo.dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Revision nope does not exist/);
    // From nothing: everything HEAD's statements make, as a first push would show it.
    const empty = await runCli(["diff", "--base", "empty", "HEAD"], { cwd: repo.dir });
    expect(empty.code).toBe(0);
    expect(empty.stdout).toMatch(/\*\*\d+ statements changed \(\d+ added\) → /);
    expect(empty.stdout).toContain("Compared an empty repository with HEAD (");
    const full = await runCli(["diff", "HEAD~1", "HEAD", "--full"], { cwd: repo.dir });
    expect(full.stdout).toContain("### Why each contract changed");
  });
});

describe("penult demo (real binary)", () => {
  it("runs the whole loop offline and prints the PR the GitHub App would open", async () => {
    const r = await runBinary(["demo"], { cwd: bookshop() });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("1. committed the statements of examples/bookshop (6 files) on main");
    expect(r.stdout).toMatch(/2\. npx penult sync -> penult\/contracts created\n.*\n {5}the GitHub App would open a pull request: "penult: contracts for \d+ changed statements/);
    expect(r.stdout).toMatch(/3\. merged that pull request into main \(fast-forward to [0-9a-f]{7}\)/);
    expect(r.stdout).toContain("+ WHEN a customer adds a book to the cart with a quantity");
    expect(r.stdout).toMatch(/5\. npx penult sync -> penult\/contracts updated\n .*: 1 changed statement; contract files since the previous contracts commit: /);
    expect(r.stdout).toMatch(/^Title: penult: contracts for \d+ changed statements?/m);
    // The PR body is the impact report of the edit, from the App's own job.
    expect(r.stdout).toContain("<!-- penult:impact-report -->");
    expect(r.stdout).toMatch(/<sub>statements\/cart\.md:3<\/sub> \| “[^|]*” → “[^|]*with a quantity/);
    expect(r.stdout).toContain("The temporary repository was removed");
  });

  it("runs on the seed conversation too", async () => {
    const r = await runCli(["demo", "--example", "seed-conversation", "--json"], { cwd: bookshop() });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { pullRequest: { title: string; body: string } };
    expect(out.pullRequest.title).toMatch(/^penult: contracts for \d+ changed statements?$/);
    expect(out.pullRequest.body.length).toBeGreaterThan(100);
    const unknown = await runCli(["demo", "--example", "nope"], { cwd: bookshop() });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('there is no example "nope"; available: bookshop, seed-conversation');
  });
});
