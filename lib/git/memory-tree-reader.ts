import { cmp } from "../diagnostics.js";
import { matchGlobs } from "./match-globs.js";
import { TreeReadError, type TreeReader } from "./tree-reader.js";

/** A tree held in memory: path -> text or bytes. Used by tests and by callers that already hold the files. */
export function createMemoryTreeReader(files: Readonly<Record<string, string | Uint8Array>>, label = "memory"): TreeReader {
  const encoder = new TextEncoder();
  const bytes = new Map<string, Uint8Array>();
  for (const [path, content] of Object.entries(files)) {
    bytes.set(path, typeof content === "string" ? encoder.encode(content) : content);
  }
  return {
    label,
    async listFiles(globs) {
      const match = matchGlobs(globs);
      return [...bytes.keys()].filter(match).sort(cmp);
    },
    async readFile(path) {
      const b = bytes.get(path);
      if (!b) throw new TreeReadError("FILE_NOT_FOUND", `${path} does not exist in ${label}`);
      return b;
    },
  };
}
