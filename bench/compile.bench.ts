/**
 * The honest end-to-end bench of issue 16: `penult generate` through the real binary, one new
 * process per run, on repositories of 1k, 10k and 30k statements built from the vendored corpora
 * (bench/statement-repo.ts). For each size: cold runs (no output, no cache), runs after editing one
 * statement, and a run with nothing changed; wall time (min and median), CPU time, peak RSS of
 * the process, output bytes and files, and how many files an edit changed. Also `penult --version`.
 *
 * The machine is shared: the minimum is the least disturbed run, the median says how typical it
 * is, and the note prints the load average while measuring.
 *
 * `PENULT_BENCH_SIZES=1000,10000` picks the sizes; `PENULT_BENCH_RUNS=5` the runs per row.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { buildStatementSet, folderSize, writeStatementRepo } from "./statement-repo.js";
import { repoRoot } from "./corpus-path.js";
import type { BenchTable } from "./table.js";

const SIZES = (process.env.PENULT_BENCH_SIZES ?? "1000,10000,30000").split(",").map(Number);
const RUNS = Number(process.env.PENULT_BENCH_RUNS ?? 3);

/** Aims of issue 16 (2-core machine, min of 3). */
const AIM = { coldMs: 3000, coldRssMb: 300, outputMb: 40, editMs: 500, watchMs: 50, versionMs: 150 };

interface RunResult {
  ms: number;
  cpuMs: number;
  maxRssMb: number;
  stdout: string;
}

/** One `node bin/penult.js <args>` in `cwd`, with its wall time, CPU time and peak RSS. */
function runPenult(cwd: string, args: string[]): RunResult {
  const root = repoRoot();
  const usageFile = join(mkdtempSync(join(tmpdir(), "penult-bench-usage-")), "usage.jsonl");
  const preload = pathToFileURL(join(root, "dist", "bench", "report-usage.js")).href;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ["--import", preload, join(root, "bin", "penult.js"), ...args], {
    cwd,
    encoding: "utf8",
    maxBuffer: 512 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: "1", PENULT_BENCH_USAGE_FILE: usageFile },
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  // 1 means statement findings (the corpora have some); anything else is a failure, not a timing.
  if (r.status !== 0 && r.status !== 1) throw new Error(`penult ${args.join(" ")} failed (${r.status}): ${r.stderr.slice(0, 2000)}`);
  const usage = JSON.parse(readFileSync(usageFile, "utf8").trim().split("\n").pop()!) as { maxRssMb: number; cpuMs: number };
  rmSync(join(usageFile, ".."), { recursive: true, force: true });
  return { ms, cpuMs: usage.cpuMs, maxRssMb: usage.maxRssMb, stdout: r.stdout };
}

function min(xs: readonly number[]): number {
  return Math.min(...xs);
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** "created/updated/removed" counts (and, when the cache ran, renders redone) from `generate --json`. */
function changedCounts(stdout: string): string {
  try {
    const j = JSON.parse(stdout) as {
      created: string[];
      updated: string[];
      removed: string[];
      cache?: { rendered: number; renders: number; statementsExtracted: number; ms?: Record<string, number> };
    };
    const manifest = (xs: string[]) => xs.filter((p) => !p.endsWith(".penult-manifest.json")).length;
    const files = `${manifest(j.created)}/${manifest(j.updated)}/${manifest(j.removed)}`;
    const ms = j.cache?.ms ? `; ms ${Object.entries(j.cache.ms).map(([k, v]) => `${k} ${Math.round(v)}`).join(", ")}` : "";
    return j.cache ? `${files} (${j.cache.statementsExtracted} extracted, ${j.cache.rendered} of ${j.cache.renders} renders${ms})` : files;
  } catch {
    return "?";
  }
}

/** Removes everything a run leaves (output and cache), so the next run is cold. */
function clean(repo: string): void {
  for (const p of ["contracts", ".penult", ".git/penult-cache"]) rmSync(join(repo, p), { recursive: true, force: true });
}

/** Edit number `k` (0-based): a different user story each time, so no edit is served from a cache. */
function editOneStatement(repo: string, files: readonly { path: string }[], k: number): void {
  const backlogs = files.filter((f) => f.path.startsWith("statements/copy-000/dalpiaz-userstories/"));
  if (backlogs.length === 0) throw new Error("no user-story backlog in the first copy of the statement set");
  const file = join(repo, backlogs[k % backlogs.length]!.path);
  const text = readFileSync(file, "utf8");
  let n = 0;
  const edited = text.replace(/^- (.*)$/gm, (line, story: string) => (n++ === Math.floor(k / backlogs.length) ? `- ${story} quickly (edit ${k})` : line));
  if (edited === text) throw new Error(`edit ${k} changed nothing in ${file}`);
  writeFileSync(file, edited);
}

interface SizeResult {
  statements: number;
  files: number;
  repeated: number;
  cold: RunResult[];
  edit: RunResult[];
  noop: RunResult;
  output: { bytes: number; files: number };
  watch: { ms: number[]; lines: string[] };
}

/**
 * `penult watch` in a child process: after its first run, `edits` saves of one statement, each
 * timed from the save to the line that reports the files written (stdout of the child).
 */
async function measureWatch(repo: string, files: readonly { path: string }[], edits: number): Promise<{ ms: number[]; lines: string[] }> {
  const root = repoRoot();
  const child = spawn(process.execPath, [join(root, "bin", "penult.js"), "watch"], { cwd: repo, env: { ...process.env, NO_COLOR: "1" }, stdio: ["ignore", "pipe", "ignore"] });
  const lines: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  let buffer = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    buffer += chunk;
    for (let nl = buffer.indexOf("\n"); nl >= 0; nl = buffer.indexOf("\n")) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      const w = waiting.shift();
      if (w) w(line);
      else lines.push(line);
    }
  });
  // A watch that stops answering fails the bench instead of hanging it.
  const nextLine = () =>
    lines.length
      ? Promise.resolve(lines.shift()!)
      : new Promise<string>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error("penult watch printed nothing for 15 minutes")), 15 * 60_000);
          waiting.push((line) => {
            clearTimeout(timer);
            resolve(line);
          });
        });
  try {
    await nextLine();
    const ms: number[] = [];
    const seen: string[] = [];
    for (let k = 0; k < edits; k++) {
      const t0 = performance.now();
      editOneStatement(repo, files, RUNS + k);
      seen.push(await nextLine());
      ms.push(performance.now() - t0);
    }
    return { ms, lines: seen };
  } finally {
    child.kill("SIGINT");
  }
}

async function measureSize(target: number): Promise<SizeResult> {
  const set = buildStatementSet(target);
  const repo = mkdtempSync(join(tmpdir(), "penult-bench-generate-"));
  try {
    writeStatementRepo(repo, set);
    const cold: RunResult[] = [];
    for (let i = 0; i < RUNS; i++) {
      clean(repo);
      cold.push(runPenult(repo, ["generate", "--json"]));
    }
    const output = folderSize(join(repo, "contracts"));
    const noop = runPenult(repo, ["generate", "--json"]);
    const edit: RunResult[] = [];
    for (let k = 0; k < RUNS; k++) {
      editOneStatement(repo, set.files, k);
      edit.push(runPenult(repo, ["generate", "--json"]));
    }
    const watch = await measureWatch(repo, set.files, RUNS);
    return { statements: set.statements, files: set.files.length, repeated: set.repeated, cold, edit, noop, output, watch };
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
}

function versionRuns(): RunResult[] {
  const cwd = mkdtempSync(join(tmpdir(), "penult-bench-version-"));
  try {
    return Array.from({ length: Math.max(RUNS, 5) }, () => runPenult(cwd, ["--version"]));
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

export async function run(): Promise<BenchTable[]> {
  if (!existsSync(join(repoRoot(), "dist", "bench", "report-usage.js"))) throw new Error("compile bench: run it from the compiled bench (npm run bench)");
  const load = [loadavg()[0]!];
  const results: SizeResult[] = [];
  for (const n of SIZES) {
    results.push(await measureSize(n));
    load.push(loadavg()[0]!);
  }
  const version = versionRuns();
  const mb = (b: number) => b / 1024 / 1024;
  const rows: (string | number)[][] = [];
  for (const r of results) {
    const label = `${r.statements} statements, ${r.files} files (${r.repeated} repeated)`;
    const row = (what: string, runs: RunResult[], extra: string) => [
      label,
      what,
      runs.length,
      min(runs.map((x) => x.ms)),
      median(runs.map((x) => x.ms)),
      min(runs.map((x) => x.cpuMs)),
      Math.max(...runs.map((x) => x.maxRssMb)),
      extra,
    ];
    rows.push(row("cold (no output, no cache)", r.cold, `${mb(r.output.bytes).toFixed(1)} MB in ${r.output.files} files`));
    rows.push(row("again, nothing changed", [r.noop], changedCounts(r.noop.stdout)));
    rows.push(row("one statement edited", r.edit, r.edit.map((x) => changedCounts(x.stdout)).join("; ")));
    rows.push([label, "watch: save to files written", r.watch.ms.length, min(r.watch.ms), median(r.watch.ms), "", "", r.watch.lines.map((l) => l.replace(/^.*?: /, "")).join("; ")]);
  }
  const ten = results.find((r) => r.statements >= 10000 && r.statements < 11000);
  const verdict = (ok: boolean) => (ok ? "met" : "NOT met");
  const aims = ten
    ? `10k aims: cold <= ${AIM.coldMs} ms ${verdict(min(ten.cold.map((x) => x.ms)) <= AIM.coldMs)}, ` +
      `peak RSS <= ${AIM.coldRssMb} MiB ${verdict(Math.max(...ten.cold.map((x) => x.maxRssMb)) <= AIM.coldRssMb)}, ` +
      `output <= ${AIM.outputMb} MB ${verdict(mb(ten.output.bytes) <= AIM.outputMb)}, ` +
      `one edit <= ${AIM.editMs} ms ${verdict(min(ten.edit.map((x) => x.ms)) <= AIM.editMs)}, ` +
      `watch <= ${AIM.watchMs} ms ${verdict(min(ten.watch.ms) <= AIM.watchMs)}. `
    : "";
  const versionMin = min(version.map((x) => x.ms));
  return [
    {
      title: `penult generate, real binary, one new process per run (min and median of ${RUNS})`,
      columns: ["repository", "run", "runs", "min ms", "median ms", "min CPU ms", "peak RSS MiB", "output / files created/updated/removed"],
      rows,
      note:
        aims +
        `Wall time includes Node start-up and module loading. Statements from test/corpora, repeated under copy-NNN/ folders past one copy. ` +
        `Load average while measuring: ${load.map((l) => l.toFixed(1)).join(" -> ")} on ${cpus().length} cores (shared machine: timings are noisy).`,
    },
    {
      title: `penult --version (min and median of ${version.length})`,
      columns: ["min ms", "median ms", "min CPU ms", "peak RSS MiB"],
      rows: [[versionMin, median(version.map((x) => x.ms)), min(version.map((x) => x.cpuMs)), Math.max(...version.map((x) => x.maxRssMb))]],
      note: `aim <= ${AIM.versionMs} ms: ${verdict(versionMin <= AIM.versionMs)}.`,
    },
  ];
}
