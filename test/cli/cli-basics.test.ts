import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "@jest/globals";
import { parseConfig, resolveDefaults } from "../../lib/config/load-config.js";
import { renderDefaultConfig } from "../../lib/cli/init-project.js";
import { REPO_ROOT, runBinary, runCli } from "./run-cli.js";

const dirs: string[] = [];
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), "penult-cli-"));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const COMMANDS = ["init", "generate", "extract", "diff", "sync", "check", "implement", "demo"];

describe("penult help, version and usage errors", () => {
  it("the real binary prints the top-level help with examples and exit codes", async () => {
    const r = await runBinary(["--help"], { cwd: tmp() });
    expect(r.code).toBe(0);
    for (const c of COMMANDS) expect(r.stdout).toMatch(new RegExp(`^  ${c}\\b`, "m"));
    expect(r.stdout).toContain("Exit codes:");
    expect(r.stdout).toContain("$ npx penult demo");
  });

  it.each(COMMANDS)("`%s --help` describes the command with examples", async (cmd) => {
    const r = await runCli([cmd, "--help"], { cwd: tmp() });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Usage: penult ${cmd}`);
    expect(r.stdout).toContain("Examples:");
    expect(r.stdout).toContain(`$ npx penult ${cmd}`);
  });

  it("prints the package version", async () => {
    const version = (JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as { version: string }).version;
    const r = await runCli(["--version"], { cwd: tmp() });
    expect([r.code, r.stdout.trim()]).toEqual([0, version]);
  });

  it("exits 2 on an unknown command, an unknown option and a bad choice, and says how to get help", async () => {
    for (const args of [["frobnicate"], ["generate", "--frob"], ["check", "--format", "xml"], ["implement"]]) {
      const r = await runCli(args, { cwd: tmp() });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/error: .*\n\(run with --help for usage\)/);
    }
    expect((await runCli([], { cwd: tmp() })).code).toBe(2);
  });
});

describe("penult init", () => {
  it("creates the config with every default, an example statements file and contracts/, then never overwrites", async () => {
    const dir = tmp();
    const r = await runBinary(["init"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("created .github/penult.yml");
    for (const p of [".github/penult.yml", "statements/notes.md", "contracts/README.md"]) expect(existsSync(join(dir, p))).toBe(true);
    writeFileSync(join(dir, ".github/penult.yml"), "output: mine\n");
    const again = await runCli(["init"], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("exists  .github/penult.yml (left as it is)");
    expect(readFileSync(join(dir, ".github/penult.yml"), "utf8")).toBe("output: mine\n");
  });

  it("leaves an existing statements folder alone", async () => {
    const dir = tmp();
    mkdirSync(join(dir, "statements"));
    writeFileSync(join(dir, "statements/mine.md"), "The system SHALL work.\n");
    const r = await runCli(["init"], { cwd: dir });
    expect(r.stdout).toContain("exists  statements/");
    expect(existsSync(join(dir, "statements/notes.md"))).toBe(false);
  });

  it("pins the system to the repository's name: the origin remote's, else the folder's", async () => {
    const parent = tmp();
    const dir = join(parent, "corner-shop");
    mkdirSync(dir);
    await runCli(["init"], { cwd: dir });
    expect(readFileSync(join(dir, ".github/penult.yml"), "utf8")).toMatch(/^system: "corner-shop"$/m);

    const cloned = join(parent, "some-clone-folder");
    mkdirSync(cloned);
    for (const args of [["init", "-q"], ["remote", "add", "origin", "git@github.com:acme/book-store.git"]]) {
      expect(spawnSync("git", args, { cwd: cloned }).status).toBe(0);
    }
    await runCli(["init"], { cwd: cloned });
    expect(readFileSync(join(cloned, ".github/penult.yml"), "utf8")).toMatch(/^system: "book-store"$/m);
    // Without `system:` in the config, the same name is the default.
    writeFileSync(join(cloned, ".github/penult.yml"), "targets: [typescript]\n");
    await runCli(["generate"], { cwd: cloned });
    expect(readFileSync(join(cloned, "contracts/model.json"), "utf8")).toMatch(/"name": "BookStore"/);
  });

  it("the written config spells out exactly the defaults, and every top-level key of the schema", () => {
    const text = renderDefaultConfig();
    const parsed = parseConfig({ text });
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.config).toEqual(resolveDefaults());
    for (const key of ["statements", "output", "targets", "names", "system", "lint", "implement", "templates", "branch"]) {
      expect(text).toMatch(new RegExp(`^#? ?${key}:`, "m"));
    }
  });
});

describe("a bad .github/penult.yml", () => {
  it("stops every command that reads it with exit 2 and one line per problem naming file, line and key", async () => {
    const dir = tmp();
    mkdirSync(join(dir, ".github"));
    writeFileSync(join(dir, ".github/penult.yml"), "statements: statements/**/*.md\ntarget: [go]\noutput: 7\n");
    for (const cmd of ["generate", "extract", "diff"]) {
      const r = await runCli([cmd], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(".github/penult.yml:2:1 error CONFIG_INVALID unknown key target; did you mean \"targets\"?");
      expect(r.stderr).toContain(".github/penult.yml:3:9 error CONFIG_INVALID output must be a string (got number 7).");
    }
    const check = await runCli(["check", "--format", "github"], { cwd: dir });
    expect(check.code).toBe(2);
    expect(check.stdout).toContain("::error file=.github/penult.yml,line=2,col=1,title=penult CONFIG_INVALID::unknown key target");
  });
});
