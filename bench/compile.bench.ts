/**
 * Cold compile speed of the front half (issue 3, "Speed"): a fresh process per run parses, extracts
 * and models 1k and 10k statements built from the corpora (the same statement set as the model
 * bench), timing each stage, the NLP model load, and the peak RSS. Best of 3 runs per size: the
 * machine is shared, and the minimum is the least disturbed measurement.
 *
 * Profiling: `PENULT_COMPILE_BENCH_TARGET=10000 node dist/bench/compile.bench.js > plan.json` prints
 * the plan; `PENULT_COMPILE_BENCH_CHILD=1 PENULT_COMPILE_BENCH_PLAN="$(cat plan.json)" node --cpu-prof
 * dist/bench/compile.bench.js` then profiles one cold compile of it.
 */
import { spawnSync } from "node:child_process";
import { cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { buildStatementSet, planStatementSet, usableCorpusFiles } from "./model.bench.js";
import type { BenchTable } from "./table.js";

/** Aim of issue 3: 10k statements in under a second on one core. */
const AIM_MS = 1000;
const RUNS = 3;

interface StageTimes {
  statements: number;
  files: number;
  /** Building the wink-nlp model (first `loadNlp()`): part of a cold compile, reported apart. */
  nlpLoadMs: number;
  parseMs: number;
  /** Extraction after the NLP model is loaded. */
  extractMs: number;
  modelMs: number;
  /** nlpLoad + parse + extract + model. */
  totalMs: number;
  totalCpuMs: number;
  maxRssMb: number;
}

/** One cold compile of the planned files in this process, stage by stage. */
async function compileOnce(plan: readonly [number, string][]): Promise<StageTimes> {
  const files = buildStatementSet(plan);
  const { parseStatements } = await import("../lib/statements/parse-statements.js");
  const { extractFacts } = await import("../lib/extract/extract-facts.js");
  const { buildModel } = await import("../lib/model/build-model.js");
  const { loadNlp } = await import("../lib/nlp/tag-text.js");
  const { DEFAULT_CONFIG } = await import("../lib/config/types.js");
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  loadNlp();
  const t1 = performance.now();
  const parsed = parseStatements(files);
  const t2 = performance.now();
  const facts = extractFacts(parsed.statements);
  const t3 = performance.now();
  buildModel({ statements: parsed.statements, facts, config: DEFAULT_CONFIG });
  const t4 = performance.now();
  const c1 = process.cpuUsage(c0);
  return {
    statements: parsed.statements.length,
    files: files.length,
    nlpLoadMs: t1 - t0,
    parseMs: t2 - t1,
    extractMs: t3 - t2,
    modelMs: t4 - t3,
    totalMs: t4 - t0,
    totalCpuMs: (c1.user + c1.system) / 1000,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

function spawnCompile(plan: readonly [number, string][]): StageTimes {
  const self = fileURLToPath(import.meta.url);
  if (!self.endsWith(".js")) throw new Error("compile bench: runs from the compiled bench (npm run bench)");
  const child = spawnSync(process.execPath, [self], {
    env: { ...process.env, PENULT_COMPILE_BENCH_CHILD: "1", PENULT_COMPILE_BENCH_PLAN: JSON.stringify(plan) },
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`compile bench child failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split("\n").pop()!) as StageTimes;
}

/** Best of `RUNS` by total wall time; peak RSS is the largest seen (memory does not get lucky). */
function bestOf(plan: readonly [number, string][]): StageTimes {
  const runs = Array.from({ length: RUNS }, () => spawnCompile(plan));
  const best = runs.reduce((a, b) => (b.totalMs < a.totalMs ? b : a));
  return { ...best, maxRssMb: Math.max(...runs.map((r) => r.maxRssMb)) };
}

export async function run(): Promise<BenchTable[]> {
  const usable = usableCorpusFiles();
  const oneCopy = usable.files.reduce((n, u) => n + u.statements, 0);
  // 10k statements need about two copies of the corpora; the copy-free row shows the cost without
  // any repeated text (the memos of tagged and classified sentences hit on repeats).
  const plans = [1000, 10000, oneCopy].map((n) => planStatementSet(usable.files, n));
  const results = plans.map(bestOf);
  const ten = results[1]!;
  return [
    {
      title: `Cold compile, stage by stage (fresh process, best of ${RUNS})`,
      columns: ["set", "statements", "files", "NLP load ms", "parse ms", "extract ms", "model ms", "total ms", "total CPU ms", "peak RSS MB", "ms / statement"],
      rows: results.map((r, i) => [
        i === 2 ? "one copy of the corpora, no repeats" : `${plans[i]!.filter(([copy]) => copy > 0).length} of ${r.files} files repeated`,
        r.statements,
        r.files,
        r.nlpLoadMs,
        r.parseMs,
        r.extractMs,
        r.modelMs,
        r.totalMs,
        r.totalCpuMs,
        r.maxRssMb,
        (r.parseMs + r.extractMs + r.modelMs) / r.statements,
      ]),
      note:
        `aim: 10k statements < ${AIM_MS} ms on one core: ${ten.totalMs < AIM_MS ? "met" : "NOT met"} ` +
        `(total ${ten.totalMs.toFixed(0)} ms including the NLP model load of ${ten.nlpLoadMs.toFixed(0)} ms; ` +
        `without it ${(ten.totalMs - ten.nlpLoadMs).toFixed(0)} ms). Module import time is not included. ` +
        `Machine load average while measuring: ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores.`,
    },
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.env.PENULT_COMPILE_BENCH_CHILD) {
    const plan = JSON.parse(process.env.PENULT_COMPILE_BENCH_PLAN ?? "[]") as [number, string][];
    process.stdout.write(JSON.stringify(await compileOnce(plan)) + "\n");
  } else if (process.env.PENULT_COMPILE_BENCH_TARGET) {
    process.stdout.write(JSON.stringify(planStatementSet(usableCorpusFiles().files, Number(process.env.PENULT_COMPILE_BENCH_TARGET))) + "\n");
  }
}
