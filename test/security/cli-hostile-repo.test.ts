/**
 * A cloned repository is untrusted. Each test here builds one the way an attacker would (in temp
 * folders only: the "outside" target is another temp folder standing in for ~/.local or ~/.ssh)
 * and runs the CLI on it: nothing may be written, removed or read outside the repository, nor
 * through a symbolic link, whatever the repository commits.
 */
import { describe, expect, it } from "@jest/globals";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { hashContent } from "../../lib/write-output.js";
import { cleanAfterEach, REPO_ROOT, runCli } from "../cli/run-cli.js";

const cleanup = cleanAfterEach();
const bookshop = (): string => cleanup.example("bookshop");

/** A folder outside the repository holding what an attacker would aim at. */
function outside(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "penult-outside-"));
  cleanup.add(() => rmSync(dir, { recursive: true, force: true }));
  for (const [p, c] of Object.entries(files)) write(dir, p, c);
  return dir;
}

function write(root: string, path: string, content: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}

function listAll(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).map(String).sort();
}

const SECRET = "aws_secret_access_key = AKIAEXAMPLESECRET0000";

describe("penult generate on a hostile repository", () => {
  it("does not write through a committed symlink inside the output folder (contracts/python -> site-packages)", async () => {
    const dir = bookshop();
    const sitePackages = outside();
    mkdirSync(join(dir, "contracts"), { recursive: true });
    symlinkSync(sitePackages, join(dir, "contracts/python"));
    // What the attack in the issue used: a package name Python imports at start-up, and a template that runs code.
    const config = readFileSync(join(dir, ".github/penult.yml"), "utf8").replace(/^system:.*$/m, "") + "\nsystem: usercustomize\n";
    writeFileSync(join(dir, ".github/penult.yml"), config);
    write(dir, ".penult/templates/python/package.py.mustache", "import os\nos.system('touch pwned')\n");

    const r = await runCli(["generate"], { cwd: dir });
    expect(listAll(sitePackages)).toEqual([]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/OUTPUT_LINK .*contracts\/python is a symbolic link/);
    // Everything else is still generated.
    expect(existsSync(join(dir, "contracts/typescript"))).toBe(true);
    const manifest = JSON.parse(readFileSync(join(dir, "contracts/.penult-manifest.json"), "utf8")) as { files: Record<string, string> };
    expect(Object.keys(manifest.files).some((p) => p.startsWith("contracts/python/"))).toBe(false);
  });

  it("does not write through a symlinked output folder, nor its manifest", async () => {
    const dir = bookshop();
    const target = outside();
    symlinkSync(target, join(dir, "contracts"));
    const r = await runCli(["generate"], { cwd: dir });
    expect(listAll(target)).toEqual([]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("contracts/.penult-manifest.json was not written");
  });

  it("a forged manifest cannot make it delete a file outside the output folder", async () => {
    const dir = bookshop();
    const readme = "# bookshop\nHand-written, precious.\n";
    writeFileSync(join(dir, "README.md"), readme);
    const target = outside({ "victim.txt": "keep me\n" });
    const manifest = {
      generator: "penult",
      note: "forged",
      files: { "README.md": hashContent(readme), "contracts/../README.md": hashContent(readme), [`${target}/victim.txt`]: hashContent("keep me\n") },
    };
    write(dir, "contracts/.penult-manifest.json", JSON.stringify(manifest));
    const r = await runCli(["generate"], { cwd: dir });
    expect(readFileSync(join(dir, "README.md"), "utf8")).toBe(readme);
    expect(readFileSync(join(target, "victim.txt"), "utf8")).toBe("keep me\n");
    expect(r.stderr).toMatch(/OUTPUT_MANIFEST_OUTSIDE .*lists README\.md, which is not inside contracts\//);
  });

  it("does not delete through a symlink listed in the manifest", async () => {
    const dir = bookshop();
    await runCli(["generate"], { cwd: dir });
    const target = outside({ "go/x.go": "package x\n" });
    // A generated folder replaced by a link to the victim's folder, with the manifest claiming its file.
    rmSync(join(dir, "contracts/go"), { recursive: true });
    symlinkSync(join(target, "go"), join(dir, "contracts/go"));
    const m = JSON.parse(readFileSync(join(dir, "contracts/.penult-manifest.json"), "utf8")) as { files: Record<string, string> };
    m.files["contracts/go/x.go"] = hashContent("package x\n");
    writeFileSync(join(dir, "contracts/.penult-manifest.json"), JSON.stringify(m));
    await runCli(["generate"], { cwd: dir });
    expect(readFileSync(join(target, "go/x.go"), "utf8")).toBe("package x\n");
    expect(listAll(target)).toEqual(["go", "go/x.go"]);
  });

  it("does not read statements through a symlinked statements folder or file", async () => {
    const dir = bookshop();
    const home = outside({ ".ssh/notes.md": `The vault SHALL hold ${SECRET}.\n`, "leak.md": `The leak SHALL hold ${SECRET}.\n`, "docs/more.md": `The safe SHALL hold ${SECRET}.\n` });
    // The glob's own folder, a folder inside it, a file inside it.
    writeFileSync(join(dir, ".github/penult.yml"), "statements: ['statements/**/*.md', 'docs/**/*.md']\n");
    symlinkSync(join(home, "docs"), join(dir, "docs"));
    symlinkSync(join(home, ".ssh"), join(dir, "statements/keys"));
    symlinkSync(join(home, "leak.md"), join(dir, "statements/leak.md"));
    const r = await runCli(["generate"], { cwd: dir });
    expect(r.code).toBe(0);
    const model = readFileSync(join(dir, "contracts/model.json"), "utf8");
    expect(model).toContain("statements/cart.md");
    expect(model).not.toContain("AKIAEXAMPLESECRET");
  });

  it("does not read a config through a symlinked .github folder", async () => {
    const dir = bookshop();
    const other = outside({ ".github/penult.yml": "statements: ['statements/**/*.md']\noutput: elsewhere\n" });
    rmSync(join(dir, ".github"), { recursive: true });
    symlinkSync(join(other, ".github"), join(dir, ".github"));
    const r = await runCli(["generate"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/CONFIG_UNREADABLE .*\.github is a symbolic link/);
    expect(existsSync(join(dir, "elsewhere"))).toBe(false);
  });

  it.each([
    ["statements: ['../secrets/*']", "statements[0] must stay inside the repository"],
    ["statements: '/etc/*'", "statements must be relative to the repository root"],
    ["statements: ['.git/config']", "statements[0] must not reach into .git/"],
    ["statements: ['.GIT/*']", "statements[0] must not reach into .git/"],
    ["output: .git/hooks", "output must not reach into .git/"],
    ["output: .", "output must be a folder inside the repository, not its root"],
    ["templates: ../../templates", "templates must stay inside the repository"],
    ["implement: { source: ../../x }", "implement.source must stay inside the repository"],
    ["implement: { test: 'C:/Users/x' }", "implement.test must use / between folders and no drive letter"],
    ["llm: { model: m, cache: .git/config }", "llm.cache must not reach into .git/"],
    ["llm: { model: m, cache: notes/llm.jsonl }", "llm.cache must lie inside the output folder contracts/"],
  ])("refuses the config `%s`, naming the key and line", async (yaml, message) => {
    // The repository and "../secrets" side by side in one temp folder.
    const parent = outside({ "secrets/credentials.md": `The vault SHALL hold ${SECRET}.\n` });
    const dir = join(parent, "repo");
    cpSync(join(REPO_ROOT, "examples", "bookshop"), dir, { recursive: true });
    writeFileSync(join(dir, ".github/penult.yml"), `${yaml}\n`);
    const r = await runCli(["generate"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`.github/penult.yml:1:`);
    expect(r.stderr).toContain(`CONFIG_PATH_OUTSIDE ${message}`);
    expect(existsSync(join(dir, "contracts/model.json"))).toBe(false);
  });
});

describe("other commands on a hostile repository", () => {
  it("implement does not write its scaffold through a symlinked source folder", async () => {
    const dir = bookshop();
    await runCli(["generate"], { cwd: dir });
    const target = outside();
    symlinkSync(target, join(dir, "src"));
    const r = await runCli(["implement", "CartApi", "--lang", "ts"], { cwd: dir });
    expect(listAll(target)).toEqual([]);
    expect(r.stderr + r.stdout).toMatch(/IMPLEMENT_LINK|symbolic link/);
  });

  it("init writes nothing through a symlinked .github or contracts folder", async () => {
    const dir = mkdtempSync(join(tmpdir(), "penult-init-"));
    cleanup.add(() => rmSync(dir, { recursive: true, force: true }));
    const target = outside();
    symlinkSync(target, join(dir, ".github"));
    symlinkSync(target, join(dir, "contracts"));
    await runCli(["init"], { cwd: dir });
    expect(listAll(target)).toEqual([]);
    expect(existsSync(join(dir, "statements/notes.md"))).toBe(true);
  });

  it("check does not read a contracts folder that links elsewhere", async () => {
    const dir = bookshop();
    const target = outside({ "evil.ts": "export class Impl { run() { return 1; } }\n" });
    symlinkSync(target, join(dir, "contracts"));
    const r = await runCli(["check"], { cwd: dir });
    expect(r.stdout + r.stderr).not.toContain("evil.ts");
  });
});
