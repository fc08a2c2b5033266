import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/*
 * penult as a user gets it: `npm pack`, the tarball installed into an empty git repository, and
 * every everyday command run through `npx penult`. This is the test that failed when the CLI
 * imported a devDependency (typescript) at start-up. It needs the npm registry (or a warm npm
 * cache) for penult's dependencies, as a user's install does. The tarball is packed from dist/,
 * which `npm test` builds first (pretest).
 */
const REPO = fileURLToPath(new URL("../..", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "penult-pack-"));
const user = join(work, "project");
let tarball = "";

function sh(cmd: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  const r = spawnSync(cmd, args, {
    cwd,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    // A user's environment: no CI colour games, no LLM endpoint, git identity for commits.
    env: { ...process.env, NO_COLOR: "1", OPENAI_API_KEY: "", OPENAI_BASE_URL: "", GIT_AUTHOR_NAME: "u", GIT_AUTHOR_EMAIL: "u@example.com", GIT_COMMITTER_NAME: "u", GIT_COMMITTER_EMAIL: "u@example.com", npm_config_loglevel: "error" },
  });
  if (r.error) throw r.error;
  return r;
}
const ok = (r: SpawnSyncReturns<string>, what: string): string => {
  if (r.status !== 0) throw new Error(`${what} exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
};
const penult = (...args: string[]) => sh("npx", ["--no-install", "penult", ...args], user);
const git = (...args: string[]) => ok(sh("git", args, user), `git ${args.join(" ")}`);

beforeAll(() => {
  if (!existsSync(join(REPO, "dist", "lib", "cli", "main.js"))) throw new Error("dist/ is missing: run `npm run build` (npm test does it first)");
  const packed = JSON.parse(ok(sh("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", work], REPO), "npm pack")) as { filename: string; files: { path: string }[] }[];
  tarball = join(work, packed[0]!.filename);
  const files = packed[0]!.files.map((f) => f.path);
  // The published package is the CLI and the library: no App, Action, tests or benches.
  expect(files).toContain("dist/lib/cli/main.js");
  expect(files.filter((f) => /^(dist\/(app|bench|test)|test|app|bench)\//.test(f))).toEqual([]);
  mkdirSync(user);
  git("init", "-q", "-b", "main");
  writeFileSync(join(user, "package.json"), JSON.stringify({ name: "user-project", version: "1.0.0", private: true }, null, 2));
  writeFileSync(join(user, ".gitignore"), "node_modules/\n");
  ok(sh("npm", ["install", "--save-dev", "--no-audit", "--no-fund", "--prefer-offline", tarball], user), "npm install <tarball>");
}, 600_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("the packed tarball in an empty repository", () => {
  it("installs without the App's or the LLM's dependencies", () => {
    const installed = readdirSync(join(user, "node_modules"));
    expect(installed).toContain("penult");
    expect(installed).toContain("typescript");
    for (const heavy of ["probot", "openai", "@octokit", "tar-stream", "jest"]) expect(installed).not.toContain(heavy);
  });

  it("--help, init, generate, check, diff, sync, implement and demo all work through npx", () => {
    expect(ok(penult("--help"), "penult --help")).toContain("Usage: penult");
    expect(ok(penult("--version"), "penult --version").trim()).toBe(JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")).version);

    expect(ok(penult("init"), "penult init")).toContain("created .github/penult.yml");
    git("add", "-A");
    git("commit", "-qm", "penult init");

    const gen = ok(penult("generate"), "penult generate");
    expect(gen).toMatch(/\d+ statements from 1 file -> \d+ generated files in contracts\//);
    const model = JSON.parse(readFileSync(join(user, "contracts", "model.json"), "utf8")) as { system: unknown };
    expect(existsSync(join(user, "contracts", "typescript"))).toBe(true);

    // check scans the TypeScript contracts with the TypeScript compiler (a dependency now).
    expect(ok(penult("check"), "penult check")).toContain("no problems");
    git("add", "-A");
    git("commit", "-qm", "contracts");

    appendFileSync(join(user, "statements", "notes.md"), "- As a user, I want to delete a note, so that my list stays clean.\n");
    git("commit", "-qam", "a new statement");
    const diff = ok(penult("diff"), "penult diff");
    expect(diff).toContain("Contract impact of statement changes");
    expect(diff).toMatch(/deleteNote/);

    expect(ok(penult("sync"), "penult sync")).toMatch(/penult\/contracts created at [0-9a-f]{7}/);
    expect(git("rev-parse", "--verify", "-q", "penult/contracts").trim()).toMatch(/^[0-9a-f]{40}$/);

    const iface = firstInterface(model);
    const impl = ok(penult("implement", iface), `penult implement ${iface}`);
    const created = [...impl.matchAll(/^created (\S+)$/gm)].map((m) => m[1]!);
    expect(created.length).toBeGreaterThanOrEqual(2);
    for (const p of created) expect(existsSync(join(user, p))).toBe(true);

    const demo = ok(penult("demo"), "penult demo");
    expect(demo).toContain("What the GitHub App would post");
  }, 600_000);

  it("--llm without the optional openai package says how to add it and compiles offline", () => {
    // An endpoint is named (nothing listens there: no request may be made without the SDK anyway).
    const r = spawnSync("npx", ["--no-install", "penult", "generate", "--dry-run", "--llm", "some-model"], { cwd: user, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", OPENAI_BASE_URL: "http://127.0.0.1:9/v1" } });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("the LLM engine needs the `openai` package");
    expect(r.stderr).toContain("npm install --save-dev openai");
    expect(r.stdout).toContain("dry run:");
  }, 120_000);
});

/** The first interface of the model, in the model's own order. */
function firstInterface(model: { system: unknown }): string {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node !== "object") return;
    const n = node as { interfaces?: { name: string }[]; components?: unknown[]; subsystems?: unknown[] };
    for (const c of n.components ?? []) walk(c);
    for (const i of n.interfaces ?? []) found.push(i.name);
    for (const s of n.subsystems ?? []) walk(s);
  };
  walk(model.system);
  if (!found[0]) throw new Error("the generated model has no interface");
  return found[0];
}
