import { randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Facts } from "../extract/types.js";
import type { FileReadCache, FileReadRecord } from "../statements/parse-statements.js";

/** Bumped when the layout of the cache folder changes. */
const LAYOUT = 1;

/** What the last run left: the keys it used, and what it wrote. */
interface CacheState {
  /** Statement file path -> key of its facts entry. */
  facts: Record<string, string>;
  /** Keys of the file reads used. */
  reads: string[];
  /** Render key -> the files it gave: [path, hash][] (their text is the file on disk). */
  rendered: Record<string, [string, string][]>;
  /** Output path -> [size, mtimeMs, hash] as written: lets the writer trust a hash without reading. */
  outputs: Record<string, [number, number, string]>;
}

const EMPTY_STATE: CacheState = { facts: {}, reads: [], rendered: {}, outputs: {} };

/**
 * The on-disk compile cache of one project (see findCacheDir): file reads by content, facts per
 * statement, and which output files each model slice rendered, kept in a folder versioned by
 * penult's own code (`v<layout>-<fingerprint>`), so another build of penult never reads it.
 *
 * Every entry is a pure function of its key, so a cache can only make a run faster: a missing,
 * unreadable or foreign entry is a miss, and deleting the folder is always safe. Writes are atomic
 * (write, then rename), so two runs at once never see half an entry. Entries the run stopped
 * using are deleted when it saves, so the folder holds one generation.
 */
export class CompileCache {
  private state: CacheState;
  private next: CacheState = { facts: {}, reads: [], rendered: {}, outputs: {} };
  /** Reads used by this run, as JSON text (a long-running `watch` keeps them in memory). */
  private readsUsed = new Map<string, string>();
  private readsKept = new Map<string, string>();
  /** Facts entries (JSON text) by key: the last run's (read on first use), and this run's. */
  private factsKept: Map<string, string> | undefined;
  private factsUsed = new Map<string, string>();
  /** Facts by statement key, parsed from the kept entries; each is handed out once (no copy needed). */
  private factsPool: Map<string, Facts> | undefined;
  private outputsRecorded = false;
  private broken = false;

  private constructor(readonly dir: string) {
    this.state = this.readJson<CacheState>(join(dir, "state.json")) ?? EMPTY_STATE;
  }

  /**
   * Opens (creating when needed) the cache under `root` for the build of penult named by
   * `fingerprint`; the folders of other builds are removed.
   */
  static open(options: { root: string; fingerprint: string }): CompileCache {
    const name = `v${LAYOUT}-${options.fingerprint}`;
    try {
      mkdirSync(options.root, { recursive: true });
      for (const other of readdirSync(options.root)) if (/^v\d+-/.test(other) && other !== name) rmSync(join(options.root, other), { recursive: true, force: true });
      // Outside a git directory the folder sits in the working tree: it tells git to ignore it.
      writeFileSync(join(options.root, ".gitignore"), "*\n");
    } catch {
      // An unwritable cache folder only means cold runs.
    }
    return new CompileCache(join(options.root, name));
  }

  /** File reads by content key, for parseStatements. */
  readonly reads: FileReadCache = {
    get: (key) => {
      const text = this.readsKept.get(key) ?? this.readsUsed.get(key) ?? this.readText(this.entryPath("reads", key));
      if (text === undefined) return undefined;
      try {
        const record = JSON.parse(text) as FileReadRecord;
        this.readsUsed.set(key, text);
        return record;
      } catch {
        return undefined;
      }
    },
    set: (key, record) => {
      const text = JSON.stringify(record);
      this.readsUsed.set(key, text);
      this.writeEntry(this.entryPath("reads", key), text);
    },
  };

  /** The facts kept for a statement key (see statementKey in incremental-compile.ts). */
  getFacts(statementKey: string): Facts | undefined {
    if (!this.factsPool) {
      this.factsPool = new Map();
      for (const [, text] of this.keptFacts()) {
        try {
          for (const [k, f] of JSON.parse(text) as [string, Facts][]) this.factsPool.set(k, f);
        } catch {
          // an unreadable entry: its statements are extracted again
        }
      }
    }
    // Parsed for this run and handed out once: the model may hold on to it without harm.
    const hit = this.factsPool.get(statementKey);
    this.factsPool.delete(statementKey);
    return hit;
  }

  private keptFacts(): Map<string, string> {
    if (!this.factsKept) {
      this.factsKept = new Map();
      for (const key of new Set(Object.values(this.state.facts))) {
        const text = this.readText(this.entryPath("facts", key));
        if (text !== undefined) this.factsKept.set(key, text);
      }
    }
    return this.factsKept;
  }

  /**
   * Keeps the facts of one statement file's statements under `key` (a hash of their statement
   * keys); `entries` are copied now.
   */
  putFacts(file: string, key: string, entries: readonly [string, Facts][]): void {
    this.next.facts[file] = key;
    const kept = this.keptFacts().get(key) ?? this.factsUsed.get(key);
    if (kept !== undefined) {
      this.factsUsed.set(key, kept);
      return;
    }
    const text = JSON.stringify(entries);
    this.factsUsed.set(key, text);
    this.writeEntry(this.entryPath("facts", key), text);
  }

  /**
   * The files a render key gave last time, when each is still on disk under `root` as written
   * (size and modification time unchanged); undefined otherwise.
   */
  getRendered(key: string, root: string): [string, string][] | undefined {
    const files = this.state.rendered[key];
    if (!files) return undefined;
    for (const [path, hash] of files) if (this.knownHash(root, path) !== hash) return undefined;
    this.next.rendered[key] = files;
    return files;
  }

  /** Remembers the files (path, hash) a render key gave; their text is what gets written to disk. */
  putRendered(key: string, files: [string, string][]): void {
    this.next.rendered[key] = files;
  }

  /** The hash of an output file recorded when it was written, if the file is unchanged since (size and mtime). */
  knownHash(root: string, path: string): string | undefined {
    const rec = this.next.outputs[path] ?? this.state.outputs[path];
    if (!rec) return undefined;
    try {
      const st = statSync(join(root, path));
      return st.isFile() && st.size === rec[0] && st.mtimeMs === rec[1] ? rec[2] : undefined;
    } catch {
      return undefined;
    }
  }

  /** Records size and mtime of the output files now on disk, with their hashes (after writing). */
  recordOutputs(root: string, hashes: Readonly<Record<string, string>>): void {
    this.outputsRecorded = true;
    for (const [path, hash] of Object.entries(hashes)) {
      try {
        const st = statSync(join(root, path));
        if (st.isFile()) this.next.outputs[path] = [st.size, st.mtimeMs, hash];
      } catch {
        // gone: nothing to remember
      }
    }
  }

  /**
   * Ends a run: writes its state, deletes the entries it no longer uses, and makes it the state
   * the next run (of a long-running `watch`) starts from.
   */
  save(): void {
    this.next.reads = [...this.readsUsed.keys()].sort();
    // A run that wrote nothing (check, dry-run) leaves the files as the last write recorded them.
    if (!this.outputsRecorded) this.next.outputs = this.state.outputs;
    this.outputsRecorded = false;
    if (!this.broken) {
      this.writeEntry(join(this.dir, "state.json"), JSON.stringify(this.next));
      try {
        const liveReads = new Set(this.next.reads);
        for (const key of this.state.reads) if (!liveReads.has(key)) rmSync(this.entryPath("reads", key), { force: true });
        const liveFacts = new Set(Object.values(this.next.facts));
        for (const key of new Set(Object.values(this.state.facts))) if (!liveFacts.has(key)) rmSync(this.entryPath("facts", key), { force: true });
      } catch {
        // Left-over entries cost disk space only.
      }
    }
    this.state = this.next;
    this.next = { facts: {}, reads: [], rendered: {}, outputs: {} };
    this.readsKept = this.readsUsed;
    this.readsUsed = new Map();
    this.factsKept = this.factsUsed;
    this.factsUsed = new Map();
    this.factsPool = undefined;
  }

  private entryPath(kind: string, key: string): string {
    return join(this.dir, kind, key.slice(0, 2), `${key}.json`);
  }

  private readText(path: string): string | undefined {
    try {
      return readFileSync(path, "utf8");
    } catch {
      return undefined;
    }
  }

  private readJson<T>(path: string): T | undefined {
    const text = this.readText(path);
    if (text === undefined) return undefined;
    try {
      return JSON.parse(text) as T;
    } catch {
      return undefined;
    }
  }

  private writeEntry(path: string, text: string): void {
    if (this.broken) return;
    try {
      mkdirSync(dirname(path), { recursive: true });
      const tmp = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
      writeFileSync(tmp, text);
      renameSync(tmp, path);
    } catch {
      // A full disk or a read-only folder: stop writing, keep compiling.
      this.broken = true;
    }
  }
}
