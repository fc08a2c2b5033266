/**
 * `npm run bench`: runs every compiled `bench/*.bench.js` (or those named on the command line,
 * e.g. `npm run bench -- quality`) and prints their tables as markdown. Speed and memory goals live
 * here, never in timed tests.
 */
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { formatTable, type BenchRun } from "./table.js";

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith(".bench.js"))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();

let failed = 0;
for (const f of files) {
  const mod = (await import(pathToFileURL(join(here, f)).href)) as { run: BenchRun };
  process.stdout.write(`\n## ${f.replace(/\.bench\.js$/, "")}\n\n`);
  try {
    for (const t of await mod.run()) process.stdout.write(formatTable(t) + "\n");
  } catch (err) {
    failed++;
    process.stdout.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  }
}
if (files.length === 0) process.stdout.write("no benchmarks matched\n");
process.exitCode = failed ? 1 : 0;
