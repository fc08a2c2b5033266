import { spawn } from "node:child_process";

/** git failed; the message holds git's own words and the command. */
export class GitError extends Error {
  constructor(
    message: string,
    readonly args: readonly string[],
    readonly exitCode: number | null,
  ) {
    super(message);
    this.name = "GitError";
  }
}

export interface RunGitOptions {
  cwd: string;
  /** Extra environment (e.g. GIT_INDEX_FILE for a private index). */
  env?: Record<string, string>;
  /** Bytes written to git's stdin. */
  input?: string | Uint8Array;
  /** Exit codes that are answers, not failures (e.g. 1 for `rev-parse --verify --quiet`). */
  okCodes?: readonly number[];
}

export interface RunGitResult {
  stdout: string;
  code: number;
}

/**
 * Runs one git command. Plumbing commands need stdin (`commit-tree -F -`, `update-index
 * --index-info`) and a private GIT_INDEX_FILE, which simple-git does not offer, so sync spawns git
 * itself. Hooks never run: no porcelain command that triggers them is used.
 */
export function runGit(args: readonly string[], options: RunGitOptions): Promise<RunGitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", args, {
      cwd: options.cwd,
      env: { ...process.env, GIT_TERMINAL_PROMPT: "0", LC_ALL: "C", ...options.env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    let err = "";
    child.stdout.on("data", (c: Buffer) => out.push(c));
    child.stderr.on("data", (c: Buffer) => (err += c.toString()));
    child.on("error", (e) => reject(new GitError(`git could not start: ${e.message}. Is git installed and on PATH?`, args, null)));
    child.on("close", (code) => {
      const ok = code === 0 || (code !== null && (options.okCodes ?? []).includes(code));
      if (!ok) return reject(new GitError(`git ${args.join(" ")} failed (exit ${code}): ${err.trim()}`, args, code));
      resolve({ stdout: Buffer.concat(out).toString("utf8"), code: code ?? 0 });
    });
    child.stdin.on("error", () => {}); // git may exit before reading all of stdin; its exit code tells.
    child.stdin.end(options.input ?? "");
  });
}
