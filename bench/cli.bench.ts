/**
 * `penult sync` wall time through the real binary, on a repository of about 10k statements built
 * from the vendored corpora (bench/statement-repo.ts): cold, again with nothing changed, and after
 * committing one edited statement. `generate` has its own table (bench/compile.bench.ts).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildStatementSet, git, writeStatementRepo } from "./statement-repo.js";
import { repoRoot } from "./corpus-path.js";
import type { BenchTable } from "./table.js";

const TARGET_STATEMENTS = 10_000;

function run(cwd: string, args: string[]): { ms: number; stdout: string; status: number } {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [join(repoRoot(), "bin", "penult.js"), ...args], { cwd, encoding: "utf8", maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NO_COLOR: "1" } });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  // 1 means statement findings (the corpora have some); anything else is a failure, not a timing.
  if (r.status !== 0 && r.status !== 1) throw new Error(`penult ${args.join(" ")} failed (${r.status}): ${r.stderr.slice(0, 2000)}`);
  return { ms, stdout: r.stdout, status: r.status };
}

export async function run_(): Promise<BenchTable[]> {
  const set = buildStatementSet(TARGET_STATEMENTS);
  const repo = mkdtempSync(join(tmpdir(), "penult-bench-cli-"));
  try {
    writeStatementRepo(repo, set);
    const syncCold = run(repo, ["sync"]);
    const syncNoop = run(repo, ["sync"]);
    if (!syncNoop.stdout.includes("no commit made")) throw new Error(`a second sync with no change made a commit:\n${syncNoop.stdout.slice(0, 500)}`);
    const edited = join(repo, set.files.find((f) => f.path.includes("/dalpiaz-userstories/"))!.path);
    writeFileSync(edited, readFileSync(edited, "utf8").replace(/^- (.*)$/m, "- $1 quickly"));
    git(repo, ["commit", "-q", "-am", "edit one statement"]);
    const syncOne = run(repo, ["sync"]);
    return [
      {
        title: `penult sync on ${set.statements} statements (${set.files.length} files), real binary, wall time`,
        columns: ["situation", "exit", "ms"],
        rows: [
          ["cold (no contracts branch)", syncCold.status, syncCold.ms],
          ["again, nothing changed (no commit)", syncNoop.status, syncNoop.ms],
          ["after committing one edited statement", syncOne.status, syncOne.ms],
        ],
        note: "One run each of `node bin/penult.js sync`, including Node start-up; sync compiles a git revision, without the compile cache. Exit 1 = the corpora have statement findings. Wall time depends on machine load.",
      },
    ];
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
}

export { run_ as run };
