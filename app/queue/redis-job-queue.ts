import { randomUUID } from "node:crypto";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import type { JobQueue, QueueCounts } from "./job-queue.js";
import { repoKey, type JobTarget, type PenultJob, type PendingPush } from "./penult-job.js";
import { QueueMetrics } from "./queue-metrics.js";
import { RedisPushStore } from "./redis-push-store.js";

export interface RedisQueueOptions {
  /** REDIS_URL. */
  connection: string;
  /** BullMQ queue name; the webhook process and the workers must agree. */
  queueName?: string;
  /** Jobs running at once over all workers (BullMQ's global concurrency). */
  maxConcurrent?: number;
  /** Attempts per job (transient failures are retried with back-off). */
  attempts?: number;
  /** How long a delivery id is remembered (GitHub lets people redeliver for a few days). */
  deliveryTtlSeconds?: number;
  metrics?: QueueMetrics;
}

/** What the webhook process and the workers share: names and keys derived from the options. */
export function redisNames(options: Pick<RedisQueueOptions, "queueName">) {
  const queueName = options.queueName ?? "penult";
  return { queueName, storePrefix: `penult:${queueName}` };
}

/**
 * The webhook side of the Redis mode: records pushes and adds BullMQ jobs, then answers GitHub at
 * once; `npm run worker` processes run them (`startRedisWorker`). Push jobs carry no push: one per
 * repository waits at a time (BullMQ deduplication with keepLastIfActive: a push arriving while
 * that repository's job runs gets exactly one follow-up job), and it takes every recorded push.
 * Other jobs are deduplicated by delivery id for `deliveryTtlSeconds`.
 */
export class RedisJobQueue implements JobQueue {
  readonly mode = "redis" as const;
  readonly metrics: QueueMetrics;
  readonly queue: Queue;
  readonly store: RedisPushStore;
  private readonly redis: Redis;
  private readonly deliveryTtlMs: number;
  private readonly maxConcurrent: number;
  private concurrencySet: Promise<unknown> | undefined;

  constructor(options: RedisQueueOptions) {
    const { queueName, storePrefix } = redisNames(options);
    // Fail fast when Redis is down: the webhook then answers 500 and GitHub records the failed delivery.
    this.redis = new Redis(options.connection, { maxRetriesPerRequest: 1 });
    this.redis.on("error", () => undefined);
    this.metrics = options.metrics ?? new QueueMetrics();
    this.deliveryTtlMs = (options.deliveryTtlSeconds ?? 3 * 24 * 3600) * 1000;
    this.maxConcurrent = Math.max(1, options.maxConcurrent ?? 4);
    this.store = new RedisPushStore(this.redis, { prefix: storePrefix, deliveryTtlSeconds: options.deliveryTtlSeconds ?? 3 * 24 * 3600 });
    this.queue = new Queue(queueName, {
      connection: this.redis,
      defaultJobOptions: {
        attempts: Math.max(1, options.attempts ?? 5),
        backoff: { type: "penult" },
        removeOnComplete: { age: 24 * 3600, count: 10_000 },
        removeOnFail: { age: 14 * 24 * 3600 },
      },
    });
    this.queue.on("error", () => undefined);
    this.metrics.readCountsFrom(() => this.counts());
  }

  start(): void {
    this.concurrencySet ??= this.queue.setGlobalConcurrency(this.maxConcurrent).catch(() => (this.concurrencySet = undefined));
  }

  async push(target: JobTarget, push: PendingPush): Promise<boolean> {
    const key = repoKey(target);
    if ((await this.store.record(key, push)) === "done") return false;
    // A crash between recording and adding is healed by the redelivery: "pending" adds the job again.
    await this.queue.add("push", { kind: "push", ...target }, { deduplication: { id: `push:${key}`, keepLastIfActive: true } });
    return true;
  }

  async add(job: Exclude<PenultJob, { kind: "push" }>): Promise<boolean> {
    // BullMQ answers a deduplicated add with the job already there: a fresh id tells the two apart.
    const jobId = `${job.kind}-${randomUUID()}`;
    const added = await this.queue.add(job.kind, job, { jobId, deduplication: { id: `delivery:${job.deliveryId}`, ttl: this.deliveryTtlMs } });
    return added.id === jobId;
  }

  async counts(): Promise<QueueCounts> {
    const c = await this.queue.getJobCounts("waiting", "prioritized", "active", "delayed", "failed");
    return {
      waiting: (c.waiting ?? 0) + (c.prioritized ?? 0),
      active: c.active ?? 0,
      delayed: c.delayed ?? 0,
      failed: c.failed ?? 0,
      pendingPushes: await this.store.pendingCount(),
    };
  }

  async health(): Promise<{ ok: boolean; detail: string }> {
    const pong = await Promise.race([this.redis.ping(), new Promise<string>((r) => setTimeout(() => r("timeout"), 2000))]);
    return pong === "PONG" ? { ok: true, detail: "redis reachable" } : { ok: false, detail: `redis: ${pong}` };
  }

  /** Waits until no job waits, runs or is delayed, and no push is left unhandled. */
  async idle(options: { timeoutMs?: number } = {}): Promise<void> {
    const end = Date.now() + (options.timeoutMs ?? 300_000);
    let quiet = 0;
    while (quiet < 2) {
      const c = await this.counts();
      quiet = c.waiting + c.active + c.delayed + c.pendingPushes === 0 ? quiet + 1 : 0;
      if (Date.now() > end) throw new Error(`queue not idle after ${options.timeoutMs ?? 300_000} ms: ${JSON.stringify(c)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  async close(): Promise<void> {
    await this.queue.close();
    this.redis.disconnect();
  }
}
