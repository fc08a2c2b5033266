import { Readable, Transform } from "node:stream";
import { createGunzip } from "node:zlib";
import { extract } from "tar-stream";
import { checkRelativePath } from "../../lib/confined-fs.js";
import { cmp } from "../../lib/diagnostics.js";
import { matchGlobs } from "../../lib/git/match-globs.js";
import { TreeReadError, type TreeReader } from "../../lib/git/tree-reader.js";
import { DEFAULT_JOB_LIMITS, type JobLimits } from "../../lib/limits/job-limits.js";
import { LimitExceededError } from "../../lib/limits/limit-exceeded-error.js";

/** The limits that bound reading one archive. */
export type ArchiveLimits = Pick<JobLimits, "archiveBytes" | "unpackedBytes" | "archiveEntries" | "fileBytes" | "keptBytes">;

/**
 * The body of `GET /repos/{owner}/{repo}/tarball/{ref}`, read into memory but never past
 * `limits.archiveBytes`: a stream (Octokit with `parseSuccessResponseBody: false`) is cut as soon as
 * it grows too big, so a huge repository costs at most the limit.
 */
export async function readArchiveBody(body: unknown, limits: Pick<JobLimits, "archiveBytes"> = DEFAULT_JOB_LIMITS): Promise<Uint8Array> {
  const tooBig = (n: number) => new LimitExceededError("archiveBytes", `the archive of the commit is more than ${limits.archiveBytes} bytes (at least ${n})`);
  if (body instanceof ArrayBuffer || body instanceof Uint8Array) {
    const bytes = body instanceof Uint8Array ? body : new Uint8Array(body);
    if (bytes.length > limits.archiveBytes) throw tooBig(bytes.length);
    return bytes;
  }
  if (!body || typeof (body as ReadableStream).getReader !== "function") throw new Error("GitHub answered the archive request without a body");
  const reader = (body as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > limits.archiveBytes) throw tooBig(size);
      chunks.push(value);
    }
  } catch (err) {
    await reader.cancel().catch(() => undefined);
    throw err;
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * A commit's files from one `GET /repos/{owner}/{repo}/tarball/{sha}` response: one API call per
 * revision whatever the number of statement files (reading blob by blob would cost one call each).
 *
 * The archive is untrusted and read as a stream: it is inflated chunk by chunk (never whole), only
 * paths for which `keep` answers true are held in memory, and the inflated bytes, the number of
 * entries and the size of each kept file and of all of them are bounded; going over any limit
 * stops the read with a {@link LimitExceededError} (a job never runs on part of a commit).
 */
export async function readTarballTree(options: {
  archive: ArrayBuffer | Uint8Array;
  label: string;
  keep: (path: string) => boolean;
  limits?: Partial<ArchiveLimits>;
}): Promise<TreeReader> {
  const limits: ArchiveLimits = { ...DEFAULT_JOB_LIMITS, ...options.limits };
  const bytes = options.archive instanceof Uint8Array ? options.archive : new Uint8Array(options.archive);
  const input = Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]);
  // GitHub serves gzip; a plain tar (or an already-inflated body) is accepted as well.
  const gunzip = bytes[0] === 0x1f && bytes[1] === 0x8b ? createGunzip() : undefined;
  let unpacked = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      unpacked += chunk.length;
      if (unpacked > limits.unpackedBytes) done(new LimitExceededError("unpackedBytes", `the archive inflates to more than ${limits.unpackedBytes} bytes`));
      else done(null, chunk);
    },
  });
  const ex = extract();
  const stop = (err: Error) => ex.destroy(err);
  input.on("error", stop);
  gunzip?.on("error", stop);
  meter.on("error", stop);
  (gunzip ? input.pipe(gunzip) : input).pipe(meter).pipe(ex as unknown as NodeJS.WritableStream);

  const files = new Map<string, Uint8Array>();
  let entries = 0;
  let kept = 0;
  try {
    for await (const entry of ex) {
      if (++entries > limits.archiveEntries) throw new LimitExceededError("archiveEntries", `the archive holds more than ${limits.archiveEntries} entries`);
      const header = entry.header;
      // Archives put every path under one top folder (`owner-repo-sha/`): strip it.
      const path = header.name.replace(/^[^/]*\//, "");
      const wanted = header.type === "file" && path !== "" && checkRelativePath(path) === undefined && options.keep(path);
      if (!wanted) {
        entry.resume();
        continue;
      }
      const size = header.size ?? 0;
      if (size > limits.fileBytes) throw new LimitExceededError("fileBytes", `${path} is ${size} bytes, more than ${limits.fileBytes}`);
      kept += size;
      if (kept > limits.keptBytes) throw new LimitExceededError("keptBytes", `the files penult reads in this commit are more than ${limits.keptBytes} bytes together (at ${path})`);
      const chunks: Buffer[] = [];
      for await (const c of entry) chunks.push(c as Buffer);
      files.set(path, new Uint8Array(Buffer.concat(chunks)));
    }
  } finally {
    input.destroy();
    gunzip?.destroy();
    meter.destroy();
  }
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
