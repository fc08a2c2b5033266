/**
 * The n-1 guard (`npx penult check`) over the contracts of a 10k-statement-sized model: every code
 * target emitted, then findImplementations per language. TypeScript is parsed by the TypeScript
 * compiler, Python by one python3 process (its start-up is included), the others by penult's lexer
 * and scanners. Best of 3 after a warm-up.
 */
import { findImplementations, type ContractFile } from "../lib/check/find-implementations.js";
import { emitContracts } from "../lib/emitters/index.js";
import { buildSyntheticModel } from "./emit.bench.js";
import { timeIt, type BenchTable } from "./table.js";

const TARGETS: [string, string][] = [
  ["typescript", ".ts"],
  ["python", ".py"],
  ["java", ".java"],
  ["rust", ".rs"],
  ["go", ".go"],
  ["csharp", ".cs"],
];

export async function run(): Promise<BenchTable[]> {
  const { files } = emitContracts({ model: buildSyntheticModel(), targets: TARGETS.map(([t]) => t) });
  const rows: (string | number)[][] = [];
  let totalMs = 0;
  let totalBytes = 0;
  let findings = 0;
  for (const [target, ext] of TARGETS) {
    const mine: ContractFile[] = files.filter((f) => f.path.startsWith(`${target}/`) && f.path.endsWith(ext));
    const bytes = mine.reduce((n, f) => n + Buffer.byteLength(f.content), 0);
    findings += findImplementations({ files: mine }).length;
    const ms = await timeIt(() => findImplementations({ files: mine }));
    totalMs += ms;
    totalBytes += bytes;
    rows.push([target, mine.length, bytes / 1e6, ms, bytes / 1e6 / (ms / 1000)]);
  }
  rows.push(["all", files.length, totalBytes / 1e6, totalMs, totalBytes / 1e6 / (totalMs / 1000)]);
  return [
    {
      title: "n-1 guard over the contracts of a 10k-statement model",
      columns: ["language", "files", "MB", "ms", "MB/s"],
      rows,
      note: `Findings in generated contracts: ${findings} (aim 0). Aim: the whole check well under 1 s per MB.`,
    },
  ];
}
