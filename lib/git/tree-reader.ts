/**
 * A tree of files at one point in time: a git revision, the working tree, an in-memory map in tests,
 * or (in the GitHub App) a commit read through the GitHub API. The statement diff reads both sides
 * through this interface, so it never knows where the files came from.
 */
export interface TreeReader {
  /** Human label for messages: `HEAD~1 (3e916d6)`, `working tree`, `memory`. */
  readonly label: string;
  /** Repository-relative POSIX paths of regular files matching any of `globs`, sorted (code-point order). */
  listFiles(globs: readonly string[]): Promise<string[]>;
  /** Raw bytes of one file. Throws a {@link TreeReadError} when the file does not exist. */
  readFile(path: string): Promise<Uint8Array>;
  /**
   * Optional batch read: implementations that pay a fixed cost per call (a git process, an HTTP
   * request) read many files at once here. {@link readSourceFiles} uses it when present.
   */
  readFiles?(paths: readonly string[]): Promise<Map<string, Uint8Array>>;
}

/** Why a tree could not be read. Codes are stable; messages say how to fix the problem. */
export type TreeReadErrorCode =
  | "NOT_A_REPOSITORY"
  | "REVISION_NOT_FOUND"
  | "SHALLOW_CLONE"
  | "FILE_NOT_FOUND"
  | "GIT_FAILED";

/** A tree that cannot be read at all (as opposed to a bad file inside it, which is a Diagnostic). */
export class TreeReadError extends Error {
  readonly code: TreeReadErrorCode;
  constructor(code: TreeReadErrorCode, message: string) {
    super(message);
    this.name = "TreeReadError";
    this.code = code;
  }
}
