/** Content an attacker would commit, for the hostile-repository tests and the isolation bench, and where it was stopped. */
import { LimitExceededError } from "../../lib/limits/limit-exceeded-error.js";

/**
 * Partial templates for `target` in which each partial includes the next ten times: `levels`
 * levels render the last one 10^(levels-1) times (the bomb of issue 12 had ten).
 */
export function partialBomb(target: string, levels = 10): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < levels; i++) files[`${target}/p${i}.mustache`] = i === levels - 1 ? "x" : `{{> p${i + 1}}}`.repeat(10);
  return files;
}

/** The limit `run` (sync or async) stopped at, or "none" when it finished; any other error is rethrown. */
export async function limitHit(run: () => unknown): Promise<string> {
  try {
    await run();
  } catch (err) {
    if (err instanceof LimitExceededError) return err.limit;
    throw err;
  }
  return "none";
}
