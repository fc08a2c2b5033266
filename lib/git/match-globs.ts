import picomatch from "picomatch";

/**
 * A predicate for repository-relative POSIX paths matching any of `globs`. Dot files are matched
 * too, because a statements folder may well hold `.drafts/`; the glob decides, not a hidden rule.
 */
export function matchGlobs(globs: readonly string[]): (path: string) => boolean {
  const matchers = globs.map((g) => picomatch(g, { dot: true }));
  return (path) => matchers.some((m) => m(path));
}

/**
 * The literal folder a glob starts with (`statements/**\/*.md` -> `statements`), so a walk of the
 * working tree can start there instead of at the root.
 */
export function staticPrefix(glob: string): string {
  const parts = glob.split("/");
  const fixed: string[] = [];
  for (const p of parts.slice(0, -1)) {
    if (/[*?[\]{}()!+@]/.test(p)) break;
    fixed.push(p);
  }
  return fixed.join("/");
}
