import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** A real git repository in a temp folder, with an identity so porcelain commits work anywhere. */
export function createRepo(files: Record<string, string> = {}): { dir: string; git: (...args: string[]) => string; write: (files: Record<string, string>) => void; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "penult-repo-"));
  const git = (...args: string[]) =>
    execFileSync("git", args, {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, GIT_OPTIONAL_LOCKS: "0", GIT_AUTHOR_NAME: "Ada", GIT_AUTHOR_EMAIL: "ada@example.com", GIT_COMMITTER_NAME: "Ada", GIT_COMMITTER_EMAIL: "ada@example.com" },
    });
  const write = (more: Record<string, string>) => {
    for (const [p, c] of Object.entries(more)) {
      mkdirSync(dirname(join(dir, p)), { recursive: true });
      writeFileSync(join(dir, p), c);
    }
  };
  git("init", "-q", "-b", "main");
  git("config", "commit.gpgsign", "false");
  write(files);
  return { dir, git, write, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Every byte the user could care about: HEAD, current branch, index file, status and every working-tree file. */
export function snapshotUserState(repo: { dir: string; git: (...args: string[]) => string }): Record<string, string> {
  const snap: Record<string, string> = {
    index: readFileSync(join(repo.dir, ".git", "index")).toString("base64"),
    HEAD: readFileSync(join(repo.dir, ".git", "HEAD"), "utf8"),
    head: repo.git("rev-parse", "HEAD"),
    refs: repo.git("for-each-ref", "--format=%(refname) %(objectname)", "refs/heads/main"),
  };
  const walk = (rel: string) => {
    for (const e of readdirSync(join(repo.dir, rel), { withFileTypes: true })) {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (p === ".git") continue;
      if (e.isDirectory()) walk(p);
      else snap[`file:${p}`] = readFileSync(join(repo.dir, p)).toString("base64") + ` ${statSync(join(repo.dir, p)).mtimeMs}`;
    }
  };
  walk("");
  snap.status = repo.git("status", "--porcelain=v1", "--untracked-files=all");
  return snap;
}
