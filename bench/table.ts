/** A benchmark result table, printed by `npm run bench`. */
export interface BenchTable {
  title: string;
  columns: string[];
  rows: (string | number)[][];
  /** One line under the table: what the aim is and whether it was met. */
  note?: string;
}

/** A bench module: `bench/<name>.bench.ts` exporting `run`. */
export type BenchRun = () => Promise<BenchTable[]> | BenchTable[];

export function formatTable(t: BenchTable): string {
  const cells = [t.columns, ...t.rows.map((r) => r.map((c) => (typeof c === "number" ? fmtNum(c) : c)))];
  const widths = t.columns.map((_, i) => Math.max(...cells.map((r) => String(r[i] ?? "").length)));
  const line = (r: (string | number)[]) => "| " + r.map((c, i) => String(c ?? "").padEnd(widths[i] ?? 0)).join(" | ") + " |";
  const out = [`### ${t.title}`, "", line(t.columns), "| " + widths.map((w) => "-".repeat(w)).join(" | ") + " |"];
  for (const r of cells.slice(1)) out.push(line(r));
  if (t.note) out.push("", t.note);
  return out.join("\n") + "\n";
}

function fmtNum(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 1 ? n.toFixed(2) : n.toFixed(3);
}

/** Milliseconds taken by `fn`, best of `repeat` runs after one warm-up. */
export async function timeIt(fn: () => unknown, repeat = 3): Promise<number> {
  await fn();
  let best = Infinity;
  for (let i = 0; i < repeat; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return best;
}
