import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

/** Every file under `dir`, as POSIX path relative to `dir` -> text, in path order. */
export function readTree(dir: string, base = dir, out = new Map<string, string>()): Map<string, string> {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) readTree(p, base, out);
    else out.set(p.slice(base.length + 1).split("\\").join("/"), readFileSync(p, "utf8"));
  }
  return out;
}
