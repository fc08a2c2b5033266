/**
 * `penult generate` and `penult sync` wall time, through the real binary, on a repository of about
 * 10k statements built from the corpora in test/corpora (each corpus under its own folder,
 * repeated under copy-N/ folders until the count is reached), cold and after editing one statement.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { parseStatements } from "../lib/statements/parse-statements.js";
import type { SourceFile } from "../lib/statements/types.js";
import { corporaDir, repoRoot } from "./corpus-path.js";
import type { BenchTable } from "./table.js";

const TARGET_STATEMENTS = 10_000;

function listFiles(dir: string, pattern: RegExp): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p, pattern));
    else if (pattern.test(e.name)) out.push(p);
  }
  return out.sort();
}

/** Statement files from the corpora: markdown specs as they are, user-story backlogs as bullet lists. */
function corpusFiles(corpora: string): SourceFile[] {
  const files: SourceFile[] = [];
  for (const name of ["openspec-specs", "speckit-specs", "ears-kiro"]) {
    for (const p of listFiles(join(corpora, name), /\.md$/)) files.push({ path: `${name}/${relative(join(corpora, name), p).split("\\").join("/")}`, content: readFileSync(p, "utf8") });
  }
  for (const p of listFiles(join(corpora, "dalpiaz-userstories"), /^g\d+.*\.txt$/)) {
    const stories = readFileSync(p, "utf8").split("\n").map((l) => l.replace(/^#G\d+#\s*/, "").trim()).filter(Boolean);
    files.push({ path: `dalpiaz-userstories/${p.split("/").pop()!.replace(/\.txt$/, ".md")}`, content: `# Backlog\n\n${stories.map((s) => `- ${s}`).join("\n")}\n` });
  }
  return files;
}

function run(root: string, cwd: string, args: string[]): { ms: number; stdout: string; status: number } {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [join(root, "bin", "penult.js"), ...args], { cwd, encoding: "utf8", maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NO_COLOR: "1" } });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  // 1 means statement findings (the corpora have some); anything else is a failure, not a timing.
  if (r.status !== 0 && r.status !== 1) throw new Error(`penult ${args.join(" ")} failed (${r.status}): ${r.stderr.slice(0, 2000)}`);
  return { ms, stdout: r.stdout, status: r.status };
}

function git(cwd: string, args: string[]): void {
  const r = spawnSync("git", args, { cwd, encoding: "utf8", env: { ...process.env, GIT_AUTHOR_NAME: "bench", GIT_AUTHOR_EMAIL: "b@example.com", GIT_COMMITTER_NAME: "bench", GIT_COMMITTER_EMAIL: "b@example.com" } });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")}: ${r.stderr}`);
}

export async function run_(): Promise<BenchTable[]> {
  const root = repoRoot();
  const base = corpusFiles(corporaDir());
  const perCopy = parseStatements(base).statements.length;
  if (perCopy === 0) throw new Error("the corpora gave no statements");
  const copies = Math.ceil(TARGET_STATEMENTS / perCopy);
  const repo = mkdtempSync(join(tmpdir(), "penult-bench-cli-"));
  try {
    let fileCount = 0;
    for (let k = 0; k < copies; k++) {
      for (const f of base) {
        const p = join(repo, "statements", `copy-${k}`, f.path);
        mkdirSync(dirname(p), { recursive: true });
        writeFileSync(p, f.content);
        fileCount++;
      }
    }
    git(repo, ["init", "-q", "-b", "main"]);
    git(repo, ["add", "-A"]);
    git(repo, ["commit", "-q", "-m", "statements"]);
    const statements = perCopy * copies;

    const cold = run(root, repo, ["generate"]);
    const files = Number(/-> (\d+) generated files/.exec(cold.stdout)?.[1] ?? NaN);
    // Edit one statement: a user story in the first backlog file of the first copy.
    const edited = join(repo, "statements", "copy-0", base.find((f) => f.path.startsWith("dalpiaz"))!.path);
    const text = readFileSync(edited, "utf8");
    writeFileSync(edited, text.replace(/^- (.*)$/m, "- $1 quickly"));
    const one = run(root, repo, ["generate"]);
    const oneChanged = /\((\d+) created, (\d+) updated, (\d+) removed\)/.exec(one.stdout)?.slice(1).join("/") ?? "?";
    // Sync works from commits: put the working tree back, then sync cold, again, edit+commit, sync again.
    writeFileSync(edited, text);
    rmSync(join(repo, "contracts"), { recursive: true, force: true });
    const syncCold = run(root, repo, ["sync"]);
    const syncNoop = run(root, repo, ["sync"]);
    if (!syncNoop.stdout.includes("no commit made")) throw new Error(`a second sync with no change made a commit:\n${syncNoop.stdout.slice(0, 500)}`);
    writeFileSync(edited, text.replace(/^- (.*)$/m, "- $1 quickly"));
    git(repo, ["commit", "-q", "-am", "edit one statement"]);
    const syncOne = run(root, repo, ["sync"]);
    return [
      {
        title: `penult generate / sync on ${statements} statements (${fileCount} files, ${files} generated files), real binary, wall time`,
        columns: ["command", "situation", "exit", "ms"],
        rows: [
          ["generate", "cold (nothing on disk)", cold.status, cold.ms],
          ["generate", `after editing one statement (created/updated/removed: ${oneChanged})`, one.status, one.ms],
          ["sync", "cold (no contracts branch)", syncCold.status, syncCold.ms],
          ["sync", "again, nothing changed (no commit)", syncNoop.status, syncNoop.ms],
          ["sync", "after committing one edited statement", syncOne.status, syncOne.ms],
        ],
        note: "Each row is one run of `node bin/penult.js <command>` including Node start-up; the whole pipeline runs every time (no cache). Exit 1 = the corpora have statement findings. Wall time depends on machine load.",
      },
    ];
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
}

export { run_ as run };
