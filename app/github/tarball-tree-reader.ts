import { gunzipSync } from "node:zlib";
import { extract } from "tar-stream";
import { cmp } from "../../lib/diagnostics.js";
import { matchGlobs } from "../../lib/git/match-globs.js";
import { TreeReadError, type TreeReader } from "../../lib/git/tree-reader.js";

/**
 * A commit's files from one `GET /repos/{owner}/{repo}/tarball/{sha}` response: one API call per
 * revision whatever the number of statement files (reading blob by blob would cost one call each).
 * Only paths for which `keep` answers true are held in memory.
 */
export async function readTarballTree(options: { archive: ArrayBuffer | Uint8Array; label: string; keep: (path: string) => boolean }): Promise<TreeReader> {
  const bytes = options.archive instanceof Uint8Array ? options.archive : new Uint8Array(options.archive);
  // GitHub serves gzip; a plain tar (or an already-inflated body) is accepted as well.
  const tar = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : Buffer.from(bytes);
  const files = new Map<string, Uint8Array>();
  const ex = extract();
  const done = new Promise<void>((resolve, reject) => {
    ex.on("entry", (header, stream, next) => {
      // Archives put every path under one top folder (`owner-repo-sha/`): strip it.
      const path = header.name.replace(/^[^/]*\//, "");
      const wanted = header.type === "file" && path !== "" && options.keep(path);
      const chunks: Buffer[] = [];
      stream.on("data", (c: unknown) => {
        if (wanted) chunks.push(c as Buffer);
      });
      stream.on("end", () => {
        if (wanted) files.set(path, new Uint8Array(Buffer.concat(chunks)));
        next();
      });
      stream.on("error", reject);
    });
    ex.on("finish", resolve);
    ex.on("error", reject);
  });
  ex.end(tar);
  await done;
  const paths = [...files.keys()].sort(cmp);
  return {
    label: options.label,
    async listFiles(globs) {
      const match = matchGlobs(globs);
      return paths.filter(match);
    },
    async readFile(path) {
      const b = files.get(path);
      if (!b) throw new TreeReadError("FILE_NOT_FOUND", `${path} is not in ${options.label}`);
      return b;
    },
    async readFiles(list) {
      const out = new Map<string, Uint8Array>();
      for (const p of list) {
        const b = files.get(p);
        if (b) out.set(p, b);
      }
      return out;
    },
  };
}
