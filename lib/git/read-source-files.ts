import type { Diagnostic } from "../diagnostics.js";
import type { SourceFile } from "../statements/types.js";
import type { TreeReader } from "./tree-reader.js";

export interface ReadSourceFilesResult {
  /** Text files matching the globs, in path order. */
  files: SourceFile[];
  diagnostics: Diagnostic[];
}

/** How many leading bytes are searched for a NUL byte: git's own binary heuristic. */
const BINARY_SNIFF_BYTES = 8000;

/**
 * Reads the statement files of one tree. Binary files are left out with a warning (the parser would
 * report them too, but a diff should not compare bytes); no matching file at all is a warning that
 * names the globs, because a deleted or renamed `statements/` folder makes everything look removed.
 */
export async function readSourceFiles(options: { reader: TreeReader; globs: readonly string[] }): Promise<ReadSourceFilesResult> {
  const { reader, globs } = options;
  const paths = await reader.listFiles(globs);
  const diagnostics: Diagnostic[] = [];
  if (paths.length === 0) {
    diagnostics.push({
      code: "DIFF_NO_STATEMENT_FILES",
      severity: "warning",
      message: `No statement files match ${globs.join(", ")} at ${reader.label}: was the statements folder deleted or renamed? If it moved, update "statements" in .github/penult.yml.`,
    });
  }
  const contents = reader.readFiles
    ? await reader.readFiles(paths)
    : new Map(await Promise.all(paths.map(async (p) => [p, await reader.readFile(p)] as const)));
  const files: SourceFile[] = [];
  for (const path of paths) {
    const bytes = contents.get(path)!;
    if (isBinary(bytes)) {
      diagnostics.push({
        code: "DIFF_BINARY_FILE",
        severity: "warning",
        file: path,
        line: 1,
        message: `${path} at ${reader.label} is binary, not markdown; it was left out of the comparison.`,
      });
      continue;
    }
    files.push({ path, content: bytes });
  }
  return { files, diagnostics };
}

/** True when the first bytes hold a NUL: UTF-8 text never does. */
export function isBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, BINARY_SNIFF_BYTES);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}
