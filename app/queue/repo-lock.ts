import type { Redis } from "ioredis";

const EXTEND = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

/**
 * One job per repository at a time across every worker: a Redis key per repository set with NX and
 * an expiry, holding the job's token. The holder renews it while it works; a worker that dies
 * stops renewing and the key expires, so the repository is never stuck. Only the holder can renew
 * or release (checked in one script), so a job that lost its lock cannot free another's.
 * One Redis, not Redlock's quorum: the queue itself lives on that one Redis anyway.
 */
export class RepoLock {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private key(repo: string): string {
    return `${this.prefix}:lock:${repo}`;
  }

  async acquire(repo: string, token: string, ttlMs: number): Promise<boolean> {
    return (await this.redis.set(this.key(repo), token, "PX", ttlMs, "NX")) === "OK";
  }

  async extend(repo: string, token: string, ttlMs: number): Promise<boolean> {
    return Number(await this.redis.eval(EXTEND, 1, this.key(repo), token, String(ttlMs))) === 1;
  }

  async release(repo: string, token: string): Promise<void> {
    await this.redis.eval(RELEASE, 1, this.key(repo), token);
  }
}

/**
 * Thrown before a write when the job no longer holds its repository's lock (its worker stalled past
 * the lock's expiry, and another worker took the job over): the write is not made.
 */
export class LockLost extends Error {
  constructor(repo: string) {
    super(`lost the lock on ${repo}: another worker runs this repository's job now; no further writes`);
  }
}
