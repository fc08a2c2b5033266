/** lib/git: the one place that reads git (and, behind the same interface, any other tree of files). */
export { TreeReadError, type TreeReader, type TreeReadErrorCode } from "./tree-reader.js";
export { findRepoRoot, openGitRevision, type GitTreeReaderOptions } from "./git-tree-reader.js";
export { createFsTreeReader } from "./fs-tree-reader.js";
export { createMemoryTreeReader } from "./memory-tree-reader.js";
export { readSourceFiles, isBinary, type ReadSourceFilesResult } from "./read-source-files.js";
export { matchGlobs } from "./match-globs.js";
