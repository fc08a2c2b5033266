import type { Redis } from "ioredis";
import type { PendingPush } from "./penult-job.js";
import { SETTLED_LIMIT, type PushStore, type RecordResult } from "./push-store.js";

/** How long handled commits are remembered after a repository's last push. */
const SETTLED_TTL_SECONDS = 90 * 24 * 3600;

// One round trip, atomic: a delivery id is claimed and its push recorded together, so a crash
// between the two cannot make a redelivery look handled while its push was never recorded.
const RECORD = `
if redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) then
  redis.call('HSET', KEYS[2], ARGV[2], ARGV[3])
  redis.call('SADD', KEYS[3], ARGV[4])
  return 'new'
end
if redis.call('HEXISTS', KEYS[2], ARGV[2]) == 1 then return 'pending' end
return 'done'`;

// Removes handled pushes, but not one re-recorded meanwhile under another delivery; remembers
// their commits when asked; bounds the remembered set (past the bound, GitHub's compare decides).
const FINISH = `
for i = 5, #ARGV, 3 do
  local current = redis.call('HGET', KEYS[1], ARGV[i])
  if current and cjson.decode(current)['deliveryId'] == ARGV[i + 1] then redis.call('HDEL', KEYS[1], ARGV[i]) end
  if ARGV[1] == '1' then redis.call('SADD', KEYS[2], ARGV[i], ARGV[i + 2]) end
end
if redis.call('HLEN', KEYS[1]) == 0 then redis.call('SREM', KEYS[3], ARGV[3]) end
if ARGV[1] == '1' then
  if redis.call('SCARD', KEYS[2]) > tonumber(ARGV[2]) then redis.call('DEL', KEYS[2]) end
  redis.call('EXPIRE', KEYS[2], ARGV[4])
end
return 1`;

/**
 * The push store in Redis, shared by the webhook process and every worker. Keys, under `prefix`:
 * `delivery:<id>` (a seen delivery, expiring after `deliveryTtlSeconds`), `pending:<repo>` (a hash
 * of waiting pushes by commit), `settled:<repo>` (commits handled), `pending-repos` (a set).
 */
export class RedisPushStore implements PushStore {
  constructor(
    private readonly redis: Redis,
    private readonly options: { prefix: string; deliveryTtlSeconds: number },
  ) {}

  private key(...parts: string[]): string {
    return [this.options.prefix, ...parts].join(":");
  }

  async record(repo: string, push: PendingPush): Promise<RecordResult> {
    const result = await this.redis.eval(
      RECORD,
      3,
      this.key("delivery", push.deliveryId),
      this.key("pending", repo),
      this.key("pending-repos"),
      String(this.options.deliveryTtlSeconds),
      push.after,
      JSON.stringify(push),
      repo,
    );
    return String(result) as RecordResult;
  }

  async claimDelivery(id: string): Promise<boolean> {
    return (await this.redis.set(this.key("delivery", id), "1", "EX", this.options.deliveryTtlSeconds, "NX")) === "OK";
  }

  async pending(repo: string): Promise<PendingPush[]> {
    const all = await this.redis.hvals(this.key("pending", repo));
    return all.map((v) => JSON.parse(v) as PendingPush);
  }

  async settled(repo: string, shas: readonly string[]): Promise<Set<string>> {
    if (shas.length === 0) return new Set();
    const flags = await this.redis.smismember(this.key("settled", repo), ...shas);
    return new Set(shas.filter((_, i) => flags[i] === 1));
  }

  async finish(repo: string, pushes: readonly PendingPush[], options: { remember: boolean }): Promise<void> {
    await this.redis.eval(
      FINISH,
      3,
      this.key("pending", repo),
      this.key("settled", repo),
      this.key("pending-repos"),
      options.remember ? "1" : "0",
      String(SETTLED_LIMIT),
      repo,
      String(SETTLED_TTL_SECONDS),
      ...pushes.flatMap((p) => [p.after, p.deliveryId, p.before]),
    );
  }

  async pendingCount(): Promise<number> {
    const repos = await this.redis.smembers(this.key("pending-repos"));
    if (repos.length === 0) return 0;
    const pipeline = this.redis.pipeline();
    for (const r of repos) pipeline.hlen(this.key("pending", r));
    const results = (await pipeline.exec()) ?? [];
    return results.reduce((n, [, len]) => n + Number(len ?? 0), 0);
  }
}
