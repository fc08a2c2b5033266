/**
 * Preloaded into a benchmarked process (`node --import ./dist/bench/report-usage.js ...`): on exit
 * it appends the process's own peak RSS and CPU time as one JSON line to the file named by
 * `PENULT_BENCH_USAGE_FILE`. Node cannot read a child's resource usage after it exits, and
 * `/usr/bin/time` is not on every machine.
 */
import { appendFileSync } from "node:fs";

const file = process.env.PENULT_BENCH_USAGE_FILE;
if (file) {
  process.on("exit", () => {
    const u = process.resourceUsage();
    appendFileSync(file, JSON.stringify({ maxRssMb: u.maxRSS / 1024, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 }) + "\n");
  });
}
