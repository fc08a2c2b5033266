import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { formatTable, type BenchTable } from "../table.js";

/**
 * True when the module at `moduleUrl` is the script node was started with (`node
 * dist/bench/n1.bench.js`), so a bench can also run on its own, with options, for quick iteration.
 */
export function isMainModule(moduleUrl: string): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}

/** Prints tables the way `npm run bench` does. */
export function printTables(tables: readonly BenchTable[]): void {
  for (const t of tables) process.stdout.write(formatTable(t) + "\n");
}

/** `--name value` from an argument list (the last one wins), or undefined. */
export function argValue(args: readonly string[], name: string): string | undefined {
  const i = args.lastIndexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** Every value of a repeatable `--name value` option. */
export function argValues(args: readonly string[], name: string): string[] {
  const out: string[] = [];
  args.forEach((a, i) => {
    if (a === name && args[i + 1] !== undefined) out.push(args[i + 1]!);
  });
  return out;
}
