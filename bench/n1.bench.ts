/**
 * The n-1 score (issue 11): penult's model of each spec-kit feature's spec.md, scored against the
 * data-model.md and contracts/ the team wrote from it, beside the trivial baseline (the spec's own
 * "Key Entities" with CRUD operations). Scoring is the team's scorer, vendored unchanged as
 * bench/n1/score-n1.mjs, run on test/corpora/speckit-n1-dev with `--generate bin/penult.js`, so the
 * numbers are the ones the team's own copy of the scorer prints with `--generate bin/penult.js`.
 *
 * Aims (macro over the features): entity F1 >= 0.80, field recall >= 0.35, operation recall >=
 * 0.70, operations per feature within 1.5x of the gold, better than the baseline on every column.
 *
 * Standalone: `node dist/bench/n1.bench.js [--feature SUBSTR]... [--detail] [--models DIR]`
 * (the build must be current: it runs bin/penult.js).
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "./lib/repo-root.js";
import { argValue, argValues, isMainModule, printTables } from "./lib/run-standalone.js";
import type { BenchTable } from "./table.js";

export interface N1Options {
  /** Only features whose folder name contains one of these (the scorer's --feature). */
  features?: readonly string[];
  /** Keep penult's outputs in this folder instead of a temporary one. */
  models?: string;
}

/** What the scorer's `--json` prints (the fields this bench reads). */
interface Score {
  entity: { p: number; r: number; f1: number; strictF1: number };
  field: { recall: number | null; recallAllGold: number };
  op: { recall: number | null };
  counts: { goldEntities: number; predEntities: number; goldOps: number; predOps: number };
  detail: { goldMissed: string[]; predExtra: string[]; opMisses: string[]; opHits: string[]; entityPairs: string[] };
}
interface Macro {
  features: number;
  entityP: number;
  entityR: number;
  entityF1: number;
  entityStrictF1: number;
  fieldRecall: number;
  fieldRecallAllGold: number;
  opRecall: number;
  predOpsPerFeature: number;
  goldOpsPerFeature: number;
}
export interface N1Result {
  totals: { features: number; repos: number; goldEntities: number; goldFields: number; goldOps: number };
  macro: { penult: Macro; baseline: Macro };
  features: { feature: string; penult: Score | null; baseline: Score; baselineSource: string }[];
}

const SCORER = "bench/n1/score-n1.mjs";
const HEADER_END = "// ---- end of penult header ----";

/**
 * Checks that the vendored scorer is byte-identical to the team's tool apart from its header (the
 * header records the tool's sha256), so the bench cannot drift from the external scorer.
 */
export function checkScorer(root: string): string {
  const path = join(root, SCORER);
  const text = readFileSync(path, "utf8");
  const lines = text.split("\n");
  const end = lines.indexOf(HEADER_END);
  const sha = /sha256 of the team's tool[^:]*: ([0-9a-f]{64})/.exec(text)?.[1];
  if (end < 0 || !sha) throw new Error(`${SCORER}: the penult header (with the tool's sha256) is missing`);
  const original = [lines[0]!, ...lines.slice(end + 1)].join("\n");
  const actual = createHash("sha256").update(original).digest("hex");
  if (actual !== sha) throw new Error(`${SCORER} differs from the team's scorer (sha256 ${actual}, header says ${sha}): copy the tool again, do not edit it`);
  return path;
}

/** Runs penult on every feature's spec.md and scores it: the scorer's JSON. */
export function scoreN1(options: N1Options = {}): { result: N1Result; ms: number } {
  const root = repoRoot(import.meta.url);
  const scorer = checkScorer(root);
  const models = options.models ?? mkdtempSync(join(tmpdir(), "penult-n1-"));
  if (options.models) mkdirSync(models, { recursive: true });
  const args = [scorer, "--features", join(root, "test/corpora/speckit-n1-dev"), "--generate", join(root, "bin/penult.js"), "--models", models, "--json"];
  for (const f of options.features ?? []) args.push("--feature", f);
  const t0 = performance.now();
  try {
    const child = spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
    if (child.status !== 0) throw new Error(`score-n1 failed (exit ${child.status}): ${(child.stderr || child.stdout).slice(-3000)}`);
    return { result: JSON.parse(child.stdout) as N1Result, ms: performance.now() - t0 };
  } finally {
    if (!options.models) rmSync(models, { recursive: true, force: true });
  }
}

const AIM = { entityF1: 0.8, fieldRecall: 0.35, opRecall: 0.7, opsRatio: 1.5 };

/** How far operations per feature are from the gold: |pred / gold - 1| (0 is the gold's count). */
function opsDistance(m: Macro): number {
  return m.goldOpsPerFeature ? Math.abs(m.predOpsPerFeature / m.goldOpsPerFeature - 1) : 0;
}

export function n1Tables(result: N1Result, ms: number): BenchTable[] {
  const { penult: p, baseline: b } = result.macro;
  const t = result.totals;
  const macroRow = (name: string, m: Macro) => [name, m.features, m.entityP, m.entityR, m.entityF1, m.entityStrictF1, m.fieldRecall, m.fieldRecallAllGold, m.opRecall, m.predOpsPerFeature, m.goldOpsPerFeature, m.goldOpsPerFeature ? m.predOpsPerFeature / m.goldOpsPerFeature : 0];
  const verdict = (ok: boolean) => (ok ? "met" : "short");
  const better = (name: string, pv: number, bv: number, ok: boolean) => [`better than baseline: ${name}`, pv, bv, "penult > baseline", verdict(ok)];
  const aims: (string | number)[][] = [
    ["entity F1", p.entityF1, b.entityF1, ">= 0.80", verdict(p.entityF1 >= AIM.entityF1)],
    ["field recall", p.fieldRecall, b.fieldRecall, ">= 0.35", verdict(p.fieldRecall >= AIM.fieldRecall)],
    ["operation recall", p.opRecall, b.opRecall, ">= 0.70", verdict(p.opRecall >= AIM.opRecall)],
    ["operations per feature / gold", p.predOpsPerFeature / p.goldOpsPerFeature, b.predOpsPerFeature / b.goldOpsPerFeature, "<= 1.5", verdict(p.predOpsPerFeature <= AIM.opsRatio * p.goldOpsPerFeature)],
    better("entity precision", p.entityP, b.entityP, p.entityP > b.entityP),
    better("entity recall", p.entityR, b.entityR, p.entityR > b.entityR),
    better("entity F1", p.entityF1, b.entityF1, p.entityF1 > b.entityF1),
    better("field recall", p.fieldRecall, b.fieldRecall, p.fieldRecall > b.fieldRecall),
    better("operation recall", p.opRecall, b.opRecall, p.opRecall > b.opRecall),
    ["better than baseline: |ops per feature / gold - 1|", opsDistance(p), opsDistance(b), "penult < baseline", verdict(opsDistance(p) < opsDistance(b))],
  ];
  const met = aims.filter((r) => r[4] === "met").length;
  const pct = (x: number | null | undefined) => (x === null || x === undefined ? "-" : x);
  return [
    {
      title: `n-1 score: macro over ${t.features} spec-kit features (${t.repos} repos; gold ${t.goldEntities} entities, ${t.goldFields} fields, ${t.goldOps} operations)`,
      columns: ["system", "features", "EP", "ER", "EF1", "strict EF1", "field recall", "field recall (all gold)", "op recall", "ops / feature", "gold ops / feature", "ops / gold"],
      rows: [macroRow("penult", p), macroRow("baseline", b)],
      note: `Scored by bench/n1/score-n1.mjs (the team's scorer, byte-identical) on test/corpora/speckit-n1-dev, penult reading spec.md alone (\`penult generate\`), in ${(ms / 1000).toFixed(0)} s. E* lenient (exact + one-modifier-word matches), strict EF1 exact only; field recall on matched entities (lenient); fractions, where the scorer's text output prints percentages.`,
    },
    {
      title: "n-1 score: the issue's aims (macro)",
      columns: ["aim", "penult", "baseline", "target", "penult"],
      rows: aims,
      note: `${met} of ${aims.length} met. "ops per feature" is better when nearer the gold's count.`,
    },
    {
      title: "n-1 score per feature (penult, with the baseline's EF1 / field recall / op recall)",
      columns: ["feature", "EP", "ER", "EF1", "field recall", "op recall", "entities gold/penult", "ops gold/penult", "base EF1", "base field recall", "base op recall", "base ops"],
      rows: result.features.map((f) => {
        const s = f.penult;
        const base = f.baseline;
        if (!s) return [f.feature, "no model", "", "", "", "", "", "", base.entity.f1, pct(base.field.recall), pct(base.op.recall), base.counts.predOps];
        return [f.feature, s.entity.p, s.entity.r, s.entity.f1, pct(s.field.recall), pct(s.op.recall), `${s.counts.goldEntities}/${s.counts.predEntities}`, `${s.counts.goldOps}/${s.counts.predOps}`, base.entity.f1, pct(base.field.recall), pct(base.op.recall), base.counts.predOps];
      }),
    },
  ];
}

export async function run(options: N1Options = {}): Promise<BenchTable[]> {
  const { result, ms } = scoreN1(options);
  return n1Tables(result, ms);
}

/** Per-feature matches and misses, for `--detail`. */
function describeFeatures(result: N1Result): string {
  const out: string[] = [];
  for (const f of result.features) {
    const d = f.penult?.detail;
    if (!d) continue;
    out.push(`== ${f.feature}`, `  entities matched: ${d.entityPairs.join("; ")}`, `  gold missed: ${d.goldMissed.join(", ")}`, `  penult extra: ${d.predExtra.join(", ")}`, `  ops matched: ${d.opHits.join("; ")}`, `  ops missed: ${d.opMisses.join("; ")}`);
  }
  return out.join("\n") + "\n";
}

if (isMainModule(import.meta.url)) {
  const args = process.argv.slice(2);
  const models = argValue(args, "--models");
  const { result, ms } = scoreN1({ features: argValues(args, "--feature"), ...(models ? { models } : {}) });
  if (args.includes("--detail")) process.stdout.write(describeFeatures(result));
  printTables(n1Tables(result, ms));
}
