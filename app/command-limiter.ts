/**
 * At most `limit` commands per key (a person in a repository) within `windowMs`: a flood of
 * comments, from a person without access or not, costs at most that many answers.
 */
export class CommandLimiter {
  private readonly recent = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one command for `key`; false when the key is over its limit (the command is then ignored). */
  allow(key: string): boolean {
    const now = this.now();
    const times = (this.recent.get(key) ?? []).filter((t) => now - t < this.windowMs);
    const ok = times.length < this.limit;
    if (ok) times.push(now);
    if (times.length) this.recent.set(key, times);
    else this.recent.delete(key);
    // Forget keys whose window passed, so the map cannot grow without bound.
    if (this.recent.size > 10_000) for (const [k, v] of this.recent) if (v.every((t) => now - t >= this.windowMs)) this.recent.delete(k);
    return ok;
  }
}
