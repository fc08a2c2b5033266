import type { PenultConfig } from "./types.js";

/** A configured path that would leave the repository, reach into `.git/`, or write outside the output folder. */
export interface ConfigPathProblem {
  /** Key path, e.g. `["statements", 0]`. */
  path: (string | number)[];
  /** What is wrong, to follow the key's name: "must stay inside the repository (no '..')". */
  message: string;
}

/** Why `value` may not be used as a repository-relative path, or undefined when it may. */
export function describeUnconfinedPath(value: string): string | undefined {
  if (value.startsWith("/") || value.startsWith("~")) return "must be relative to the repository root, not an absolute or home path";
  if (/^[A-Za-z]:/.test(value) || value.includes("\\")) return "must use / between folders and no drive letter";
  if (value.includes("\0")) return "must not hold a NUL character";
  const segments = value.split("/");
  if (segments.some((s) => s === "..")) return "must stay inside the repository (no '..')";
  // Case-folded: on macOS and Windows `.GIT` is the same folder.
  if (segments.some((s) => s.replace(/[.\s]+$/, "").toLowerCase() === ".git")) return "must not reach into .git/";
  return undefined;
}

/**
 * Every path the config names, checked against the repository: statement globs, the output,
 * template and implementation folders and the LLM cache stay inside it and out of `.git/`; the
 * output folder is a real folder (penult removes files it generated there, so it may not be the
 * whole repository); the LLM cache, which penult writes, lies inside the output folder.
 */
export function checkConfigPaths(raw: Partial<PenultConfig> & { statements?: string | string[] }): ConfigPathProblem[] {
  const problems: ConfigPathProblem[] = [];
  const check = (path: (string | number)[], value: string | undefined) => {
    if (value === undefined) return;
    const why = describeUnconfinedPath(value);
    if (why) problems.push({ path, message: `${why} (got ${JSON.stringify(value)}).` });
  };
  const statements = raw.statements === undefined ? [] : typeof raw.statements === "string" ? [raw.statements] : raw.statements;
  if (typeof raw.statements === "string") check(["statements"], raw.statements);
  else statements.forEach((g, i) => check(["statements", i], g));
  check(["output"], raw.output);
  check(["templates"], raw.templates);
  check(["implement", "source"], raw.implement?.source);
  check(["implement", "test"], raw.implement?.test);
  check(["llm", "cache"], raw.llm?.cache);
  const output = trim(raw.output ?? "contracts");
  if (raw.output !== undefined && output === ".") {
    problems.push({ path: ["output"], message: `must be a folder inside the repository, not its root: penult removes files it generated there (got ${JSON.stringify(raw.output)}).` });
  }
  if (raw.llm?.cache !== undefined && !describeUnconfinedPath(raw.llm.cache) && output !== "." && !trim(raw.llm.cache).startsWith(`${output}/`)) {
    problems.push({ path: ["llm", "cache"], message: `must lie inside the output folder ${output}/, where penult writes (got ${JSON.stringify(raw.llm.cache)}).` });
  }
  return problems;
}

function trim(p: string): string {
  return p.replace(/^\.\//, "").replace(/\/+$/, "") || ".";
}

