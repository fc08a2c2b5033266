import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { cmp, type Diagnostic } from "../diagnostics.js";
import { detectContractLanguage, findImplementations, type ContractFile } from "./find-implementations.js";

/**
 * Reads every checkable contract file under `dir` (recursively, in code-point order) and runs
 * {@link findImplementations} on them. Paths in diagnostics are relative to `root` (POSIX), so they
 * point at the file in the repository. This is what `npx penult check` calls.
 */
export function checkContractDir(options: { root: string; dir: string }): Diagnostic[] {
  const files: ContractFile[] = [];
  const walk = (abs: string): void => {
    const entries = readdirSync(abs, { withFileTypes: true }).sort((a, b) => cmp(a.name, b.name));
    for (const e of entries) {
      const p = join(abs, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && detectContractLanguage(e.name)) {
        files.push({ path: relative(options.root, p).split(sep).join("/"), content: readFileSync(p, "utf8") });
      }
    }
  };
  walk(join(options.root, options.dir));
  return findImplementations({ files });
}
