import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { simpleGit, type SimpleGit } from "simple-git";
import { cmp } from "../diagnostics.js";
import { matchGlobs } from "./match-globs.js";
import { TreeReadError, type TreeReader } from "./tree-reader.js";

export interface GitTreeReaderOptions {
  /** Any folder inside the repository's working tree. */
  repoDir: string;
  /** A revision as git understands it: `HEAD~1`, `main`, a tag, a sha. */
  rev: string;
}

/**
 * Opens one revision of a local repository. The revision is resolved and its tree listed once
 * (`git ls-tree -r -z`), and all files are read through ONE `git cat-file --batch` process, so the
 * cost is a handful of processes per revision whatever the number of files.
 *
 * Throws {@link TreeReadError} with a message that says how to fix it: not a repository, a
 * revision that does not exist, or a shallow clone that does not reach the revision.
 */
export async function openGitRevision(options: GitTreeReaderOptions): Promise<TreeReader> {
  const { repoDir, rev } = options;
  const topLevel = await findRepoRoot(repoDir);
  const git = simpleGit(topLevel);
  const sha = await resolveRevision(git, rev);
  const listing = await git.raw(["ls-tree", "-r", "-z", "--full-tree", sha]);
  const blobs = new Map<string, string>();
  for (const entry of listing.split("\0")) {
    if (!entry) continue;
    const tab = entry.indexOf("\t");
    const [mode, type, objectSha] = entry.slice(0, tab).split(" ");
    // Symlinks (120000) and submodules (commit) are not statement files.
    if (type === "blob" && mode !== "120000" && objectSha) blobs.set(entry.slice(tab + 1), objectSha);
  }
  const label = `${rev} (${sha.slice(0, 7)})`;

  const readFiles = async (paths: readonly string[]): Promise<Map<string, Uint8Array>> => {
    const wanted = paths.map((p) => {
      const s = blobs.get(p);
      if (!s) throw new TreeReadError("FILE_NOT_FOUND", `${p} does not exist at ${label}`);
      return s;
    });
    const contents = await catFileBatch(topLevel, wanted);
    return new Map(paths.map((p, i) => [p, contents[i]!]));
  };

  return {
    label,
    async listFiles(globs) {
      const match = matchGlobs(globs);
      return [...blobs.keys()].filter(match).sort(cmp);
    },
    async readFile(path) {
      return (await readFiles([path])).get(path)!;
    },
    readFiles,
  };
}

/** The top folder of the repository holding `dir`; throws TreeReadError when there is none. */
export async function findRepoRoot(dir: string): Promise<string> {
  if (!existsSync(dir)) throw new TreeReadError("NOT_A_REPOSITORY", `${dir} does not exist`);
  try {
    return (await simpleGit(dir).raw(["rev-parse", "--show-toplevel"])).trim();
  } catch {
    throw new TreeReadError("NOT_A_REPOSITORY", `${dir} is not inside a git repository (run git init, or pass the repository folder)`);
  }
}

/** Resolves `rev` to a commit sha, or explains why it cannot. */
async function resolveRevision(git: SimpleGit, rev: string): Promise<string> {
  // `--quiet` makes an unknown revision print nothing instead of failing with git's own wording.
  const sha = (await git.raw(["rev-parse", "--verify", "--quiet", `${rev}^{commit}`]).catch(() => "")).trim();
  if (sha) return sha;
  const shallow = (await git.raw(["rev-parse", "--is-shallow-repository"]).catch(() => "false")).trim() === "true";
  if (shallow) {
    throw new TreeReadError(
      "SHALLOW_CLONE",
      `Revision ${rev} is not in this shallow clone. Fetch more history: git fetch --deepen=N or git fetch --unshallow ` +
        `(in GitHub Actions: actions/checkout with fetch-depth: 0).`,
    );
  }
  const commits = Number((await git.raw(["rev-list", "--count", "--all"]).catch(() => "0")).trim());
  const hint = commits <= 1 && /~|\^/.test(rev)
    ? ` The repository has ${commits} commit${commits === 1 ? "" : "s"}; compare against an empty repository with \`penult diff empty\` (or \`--base empty\`), or commit first.`
    : " Check the name with git log --oneline or git branch -a.";
  throw new TreeReadError("REVISION_NOT_FOUND", `Revision ${rev} does not exist.${hint}`);
}

/**
 * Reads many blobs with one `git cat-file --batch` process. simple-git cannot feed a process's
 * stdin, so this one call uses child_process directly; it stays inside lib/git all the same.
 */
function catFileBatch(cwd: string, shas: readonly string[]): Promise<Uint8Array[]> {
  if (shas.length === 0) return Promise.resolve([]);
  return new Promise((resolve, reject) => {
    const child = spawn("git", ["cat-file", "--batch"], { cwd, stdio: ["pipe", "pipe", "pipe"] });
    const chunks: Buffer[] = [];
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => chunks.push(c));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("error", (err) => reject(new TreeReadError("GIT_FAILED", `git cat-file could not start: ${err.message}`)));
    child.on("close", (code) => {
      if (code !== 0) return reject(new TreeReadError("GIT_FAILED", `git cat-file --batch failed (${code}): ${stderr.trim()}`));
      try {
        resolve(parseBatch(Buffer.concat(chunks), shas.length));
      } catch (err) {
        reject(err);
      }
    });
    child.stdin.end(shas.join("\n") + "\n");
  });
}

/** Output format: `<sha> <type> <size>\n<size bytes>\n`, once per requested object, in order. */
function parseBatch(buf: Buffer, count: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  let pos = 0;
  for (let i = 0; i < count; i++) {
    const nl = buf.indexOf(10, pos);
    if (nl < 0) throw new TreeReadError("GIT_FAILED", "git cat-file --batch output ended early");
    const header = buf.toString("utf8", pos, nl).split(" ");
    if (header[1] === "missing") throw new TreeReadError("GIT_FAILED", `git object ${header[0]} is missing from the repository`);
    const size = Number(header[2]);
    out.push(new Uint8Array(buf.subarray(nl + 1, nl + 1 + size)));
    pos = nl + 1 + size + 1;
  }
  return out;
}
