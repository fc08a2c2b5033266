import { createConfinedFs } from "../confined-fs.js";
import { cmp, type Diagnostic } from "../diagnostics.js";
import { detectContractLanguage, findImplementations, type ContractFile } from "./find-implementations.js";

/**
 * Reads every checkable contract file under `dir` (recursively, in code-point order) and runs
 * {@link findImplementations} on them. Paths in diagnostics are relative to `root` (POSIX), so they
 * point at the file in the repository. This is what `npx penult check` calls.
 */
export function checkContractDir(options: { root: string; dir: string }): Diagnostic[] {
  const files: ContractFile[] = [];
  // Links are not followed: a contracts folder that links elsewhere is not read.
  const fs = createConfinedFs(options.root);
  const walk = (rel: string): void => {
    for (const e of fs.list(rel).sort((a, b) => cmp(a.name, b.name))) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.kind === "dir") walk(p);
      else if (e.kind === "file" && detectContractLanguage(e.name)) {
        const content = fs.read(p);
        if (content !== undefined) files.push({ path: p, content });
      }
    }
  };
  walk(options.dir === "." ? "" : options.dir);
  return findImplementations({ files });
}
