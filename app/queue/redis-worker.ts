import { randomUUID } from "node:crypto";
import { DelayedError, UnrecoverableError, Worker, type Job } from "bullmq";
import { Redis } from "ioredis";
import type { Probot } from "probot";
import { readAppSettings, type AppSettings } from "../app-settings.js";
import { repoKey, type PenultJob } from "./penult-job.js";
import { QueueMetrics } from "./queue-metrics.js";
import { RedisJobQueue, redisNames, type RedisQueueOptions } from "./redis-job-queue.js";
import { LockLost, RepoLock } from "./repo-lock.js";
import { DEFAULT_RETRY, type RetryOptions } from "./retry-policy.js";
import { RetryLater, runPenultJob } from "./run-penult-job.js";

export interface RedisWorkerOptions extends RedisQueueOptions {
  /** Authenticates as installations (`auth`) and logs; built from the environment by `npm run worker`. */
  probot: Probot;
  /** Jobs this process runs at once. */
  concurrency?: number;
  retry?: RetryOptions;
  /**
   * How long a job's hold on BullMQ and on its repository lasts without renewal: after a worker dies,
   * its job runs again on another worker after about this long.
   */
  lockMs?: number;
  /** Name in BullMQ's job records and in the logs. */
  name?: string;
  /** Limits and LLM policy for the jobs (default: read from the environment). */
  settings?: AppSettings;
}

export interface RedisWorker {
  readonly worker: Worker;
  /** The producer side on the same Redis: counts for metrics, health. */
  readonly queue: RedisJobQueue;
  readonly metrics: QueueMetrics;
  close(): Promise<void>;
}

/**
 * A worker process of the Redis mode: takes jobs from BullMQ and runs them with `runPenultJob`, the
 * code the single-process mode runs. One job per repository at a time over all workers (`RepoLock`:
 * a job whose repository is busy goes back to the delayed set for a moment, without using an
 * attempt); transient failures retry after the delay GitHub asks for (`RetryLater`); other failures
 * are reported on GitHub once and not retried. A worker that dies mid-job stops renewing its locks:
 * BullMQ's stalled-job check puts the job back and another worker runs it; the retry is safe because
 * the ref update is compare-and-swap and penult recognises its own half-finished work.
 */
export async function startRedisWorker(options: RedisWorkerOptions): Promise<RedisWorker> {
  const { queueName } = redisNames(options);
  await options.probot.ready();
  const metrics = options.metrics ?? new QueueMetrics();
  const queue = new RedisJobQueue({ ...options, metrics });
  queue.start();
  const connection = new Redis(options.connection, { maxRetriesPerRequest: null });
  connection.on("error", () => undefined);
  const locks = new RepoLock(connection, redisNames(options).storePrefix);
  const lockMs = options.lockMs ?? 30_000;
  const retry = options.retry ?? DEFAULT_RETRY;
  const settings = options.settings ?? readAppSettings();
  const name = options.name ?? `worker-${randomUUID().slice(0, 8)}`;
  const log = options.probot.log.child({ worker: name });

  const processJob = async (job: Job, token?: string): Promise<string> => {
    const data = job.data as PenultJob;
    const repo = repoKey(data);
    const holder = `${name}:${job.id}:${token ?? ""}`;
    if (!(await locks.acquire(repo, holder, lockMs))) {
      // Another job of this repository runs: come back shortly (not an attempt, not a failure).
      await job.moveToDelayed(Date.now() + 200 + Math.floor(Math.random() * 300), token);
      throw new DelayedError();
    }
    const renew = setInterval(() => void locks.extend(repo, holder, lockMs).catch(() => undefined), Math.max(250, Math.floor(lockMs / 3)));
    // Every write first renews the lock: a job whose worker stalled past the lock's expiry (a long
    // synchronous compile, a paused VM) finds it held by the worker that took over, and stops.
    const fencedOctokit = async (installationId: number) => {
      const octokit = await options.probot.auth(installationId);
      octokit.hook.before("request", async (request) => {
        if (request.method !== "GET" && !(await locks.extend(repo, holder, lockMs))) throw new LockLost(repo);
      });
      return octokit;
    };
    const attempt = job.attemptsMade + 1;
    const jobLog = log.child({ deliveryId: data.deliveryId, repo, jobId: job.id, kind: data.kind, attempt });
    try {
      return await metrics.time(data.kind, () =>
        runPenultJob(data, { octokit: (id) => fencedOctokit(id), log: jobLog, store: queue.store, retry, settings }, { number: attempt, last: attempt >= (job.opts.attempts ?? 1) }),
      );
    } catch (err) {
      if (err instanceof RetryLater) {
        metrics.retries.inc({ kind: data.kind });
        throw err;
      }
      if (err instanceof LockLost) {
        jobLog.warn({ err }, "job taken over by another worker");
        throw err;
      }
      metrics.jobs.inc({ kind: data.kind, outcome: "failed" });
      throw new UnrecoverableError(err instanceof Error ? err.message : String(err));
    } finally {
      clearInterval(renew);
      await locks.release(repo, holder).catch(() => undefined);
    }
  };

  const worker = new Worker(queueName, processJob, {
    connection,
    name,
    concurrency: Math.max(1, options.concurrency ?? 2),
    lockDuration: lockMs,
    stalledInterval: lockMs,
    // A job that kills its worker three times (out of memory, say) is failed, not retried forever.
    maxStalledCount: 3,
    settings: { backoffStrategy: (attemptsMade: number, _type?: string, err?: Error) => (err instanceof RetryLater ? err.delayMs : Math.min(retry.maxMs, retry.baseMs * 2 ** Math.max(0, attemptsMade - 1))) },
  });
  worker.on("error", (err) => log.error({ err }, "worker error"));
  worker.on("failed", (job, err) => {
    if (job && !(err instanceof UnrecoverableError) && err.name !== "UnrecoverableError") log.warn({ err, jobId: job.id, attemptsMade: job.attemptsMade }, "job attempt failed");
  });
  await worker.waitUntilReady();
  return {
    worker,
    queue,
    metrics,
    async close() {
      // Waits for the jobs in hand to finish; unstarted ones stay queued for the other workers.
      await worker.close();
      await queue.close();
      connection.disconnect();
    },
  };
}
