/**
 * Statement repositories of a chosen size, built from the corpora vendored in `test/corpora/`
 * (never from outside the repository): the markdown specs of spec-kit, OpenSpec and Kiro as they
 * are, the spec-kit `spec.md` files of the n-1 set, and the Dalpiaz user-story backlogs as bullet
 * lists. When one copy of the corpora is not enough, files repeat under `copy-NNN/` folders; a
 * repeated file is the same text under another path, which a real repository rarely has, so the
 * tables say how many files repeat.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseStatements } from "../lib/statements/parse-statements.js";
import type { SourceFile } from "../lib/statements/types.js";
import { corporaDir } from "./corpus-path.js";

function walkMarkdown(dir: string, rel: string, out: SourceFile[], only?: RegExp): void {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      walkMarkdown(p, `${rel}/${name}`, out, only);
      continue;
    }
    if (!/\.md$/i.test(name) || /^(?:LICENSE|README|SOURCE)/i.test(name)) continue;
    if (only && !only.test(name)) continue;
    out.push({ path: `${rel}/${name}`, content: readFileSync(p, "utf8") });
  }
}

/**
 * Every statement file the vendored corpora give, taking one file from each corpus in turn, so
 * that any prefix (a 1k-statement set) mixes specs, EARS and user stories.
 */
export function corpusStatementFiles(): SourceFile[] {
  const byCorpus = new Map<string, SourceFile[]>();
  for (const f of corpusFilesByPath()) {
    const corpus = f.path.split("/")[0]!;
    byCorpus.set(corpus, [...(byCorpus.get(corpus) ?? []), f]);
  }
  const queues = [...byCorpus.values()];
  const out: SourceFile[] = [];
  for (let i = 0; out.length < queues.reduce((n, q) => n + q.length, 0); i++) for (const q of queues) if (q[i]) out.push(q[i]!);
  return out;
}

function corpusFilesByPath(): SourceFile[] {
  const corpora = corporaDir();
  const files: SourceFile[] = [];
  for (const c of ["speckit-specs", "openspec-specs", "ears-kiro"]) walkMarkdown(join(corpora, c), c, files);
  // Only the specs: data models and contracts are what teams wrote from them, not statements.
  walkMarkdown(join(corpora, "speckit-n1-dev"), "speckit-n1-dev", files, /^spec\.md$/);
  const dalpiaz = join(corpora, "dalpiaz-userstories");
  for (const name of readdirSync(dalpiaz).filter((n) => /^g\d+.*\.txt$/.test(n)).sort()) {
    const stories = readFileSync(join(dalpiaz, name), "utf8")
      .split("\n")
      .map((l) => l.replace(/^#G\d+#\s*/, "").trim())
      .filter(Boolean);
    files.push({ path: `dalpiaz-userstories/${name.replace(/\.txt$/, ".md")}`, content: `# Backlog\n\n${stories.map((s) => `- ${s}`).join("\n")}\n` });
  }
  return files;
}

export interface StatementSet {
  files: SourceFile[];
  statements: number;
  /** Files that are a repeat of another file's text under a `copy-NNN/` folder. */
  repeated: number;
}

/**
 * At least `target` statements: corpus files in order, copy after copy, each file under
 * `statements/copy-NNN/<corpus path>`. Statement counts come from parsing each file alone.
 */
export function buildStatementSet(target: number, base: readonly SourceFile[] = corpusStatementFiles()): StatementSet {
  const counts = base.map((f) => parseStatements([f]).statements.length);
  if (counts.every((n) => n === 0)) throw new Error("the corpora gave no statements");
  const files: SourceFile[] = [];
  let statements = 0;
  let repeated = 0;
  for (let copy = 0; statements < target; copy++) {
    for (let i = 0; i < base.length && statements < target; i++) {
      files.push({ path: `statements/copy-${String(copy).padStart(3, "0")}/${base[i]!.path}`, content: base[i]!.content });
      statements += counts[i]!;
      if (copy > 0) repeated++;
    }
  }
  return { files, statements, repeated };
}

/** Writes the set into `dir` as a git repository with one commit (the CLI finds its root by `.git`). */
export function writeStatementRepo(dir: string, set: StatementSet): void {
  for (const f of set.files) {
    const p = join(dir, f.path);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, f.content);
  }
  git(dir, ["init", "-q", "-b", "main"]);
  git(dir, ["add", "-A"]);
  git(dir, ["commit", "-q", "-m", "statements"]);
}

/** Runs git in `cwd` with a fixed identity; throws with git's message on failure. */
export function git(cwd: string, args: string[]): void {
  const env = { ...process.env, GIT_AUTHOR_NAME: "bench", GIT_AUTHOR_EMAIL: "b@example.com", GIT_COMMITTER_NAME: "bench", GIT_COMMITTER_EMAIL: "b@example.com" };
  const r = spawnSync("git", args, { cwd, encoding: "utf8", env });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")}: ${r.stderr}`);
}

/** Total bytes and count of the files under `dir` (recursively); 0/0 when it does not exist. */
export function folderSize(dir: string): { bytes: number; files: number } {
  if (!existsSync(dir)) return { bytes: 0, files: 0 };
  let bytes = 0;
  let files = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      const s = folderSize(p);
      bytes += s.bytes;
      files += s.files;
    } else if (e.isFile()) {
      bytes += statSync(p).size;
      files++;
    }
  }
  return { bytes, files };
}
