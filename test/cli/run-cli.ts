import { afterEach } from "@jest/globals";
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { main } from "../../lib/cli/main.js";

export const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `penult <args>` in-process (fast), with no colour and no terminal. */
export async function runCli(args: string[], options: { cwd: string; env?: Record<string, string> }): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, {
    cwd: options.cwd,
    env: { ...options.env },
    isTTY: false,
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
  });
  return { code, stdout, stderr };
}

/** Runs the real binary, `node bin/penult.js <args>` (needs `npm run build`, which `npm test` does first). */
export function runBinary(args: string[], options: { cwd: string; env?: Record<string, string> }): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(REPO_ROOT, "bin/penult.js"), ...args],
      { cwd: options.cwd, env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...options.env }, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === "number" ? err.code : 2) : 0, stdout, stderr }),
    );
  });
}

/**
 * What the tests of the calling file leave behind, removed after each test (registers its
 * afterEach hook): temp copies of bundled examples, and anything else handed to `add`.
 */
export function cleanAfterEach(): { example(name: string): string; add(cleanup: () => void): void } {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const c of cleanups.splice(0)) c();
  });
  return {
    example(name) {
      const ex = copyExample(name);
      cleanups.push(ex.cleanup);
      return ex.dir;
    },
    add: (cleanup) => void cleanups.push(cleanup),
  };
}

/** A temp copy of one bundled example. */
export function copyExample(name: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `penult-cli-${name}-`));
  cpSync(join(REPO_ROOT, "examples", name), dir, { recursive: true });
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
