import type { Probot } from "probot";
import { readAppSettings, type AppSettings } from "../app-settings.js";
import type { JobQueue, QueueCounts } from "./job-queue.js";
import { MemoryPushStore } from "./memory-push-store.js";
import { repoKey, type JobTarget, type PenultJob, type PendingPush } from "./penult-job.js";
import { QueueMetrics } from "./queue-metrics.js";
import { DEFAULT_RETRY, type RetryOptions } from "./retry-policy.js";
import { JobFailed, RetryLater, runPenultJob } from "./run-penult-job.js";

export interface LocalQueueOptions {
  /** Jobs running at once over all repositories (each repository runs one at a time). */
  maxConcurrent?: number;
  /** Attempts per job before a transient failure is reported as a failure. */
  attempts?: number;
  retry?: RetryOptions;
  metrics?: QueueMetrics;
  /** Limits and LLM policy for the jobs (default: read from the environment). */
  settings?: AppSettings;
}

/**
 * The queue of a single process (no REDIS_URL): jobs run here, one at a time per repository and at
 * most `maxConcurrent` at once, with the same job code, coalescing, deduplication and retries as the
 * workers. What one process cannot give: work queued when it stops is gone (GitHub does not
 * redeliver by itself), and one process is the limit.
 */
export class LocalJobQueue implements JobQueue {
  readonly mode = "local" as const;
  readonly metrics: QueueMetrics;
  private readonly store = new MemoryPushStore();
  private readonly maxConcurrent: number;
  private readonly attempts: number;
  private readonly retry: RetryOptions;
  private readonly settings: AppSettings;
  private app: Probot | undefined;
  private readonly tails = new Map<string, Promise<void>>();
  /** Repositories with a push job queued that has not started yet: one is enough, it takes every push. */
  private readonly pushQueued = new Set<string>();
  private readonly running = new Set<Promise<void>>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly slotWaiters: (() => void)[] = [];
  private slotsInUse = 0;
  private active = 0;
  private waiting = 0;
  private failed = 0;
  private nextId = 1;

  constructor(options: LocalQueueOptions = {}) {
    this.maxConcurrent = Math.max(1, options.maxConcurrent ?? 4);
    this.attempts = Math.max(1, options.attempts ?? 5);
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.settings = options.settings ?? readAppSettings();
    this.metrics = options.metrics ?? new QueueMetrics();
    this.metrics.readCountsFrom(() => this.counts());
  }

  start(app: Probot): void {
    this.app = app;
  }

  async push(target: JobTarget, push: PendingPush): Promise<boolean> {
    const key = repoKey(target);
    if ((await this.store.record(key, push)) === "done") return false;
    this.queuePush(target);
    return true;
  }

  async add(job: Exclude<PenultJob, { kind: "push" }>): Promise<boolean> {
    if (!(await this.store.claimDelivery(job.deliveryId))) return false;
    this.schedule(job, 1);
    return true;
  }

  async counts(): Promise<QueueCounts> {
    return { waiting: this.waiting, active: this.active, delayed: this.timers.size, failed: this.failed, pendingPushes: await this.store.pendingCount() };
  }

  async health(): Promise<{ ok: boolean; detail: string }> {
    return { ok: true, detail: "single process (no REDIS_URL)" };
  }

  async idle(): Promise<void> {
    while (this.running.size > 0 || this.timers.size > 0) {
      // Only retries due later: wait for time to pass (racing an empty Promise.all would spin).
      if (this.running.size === 0) await new Promise((r) => setTimeout(r, 20));
      else await Promise.race([Promise.all([...this.running]), new Promise((r) => setTimeout(r, 20))]);
    }
  }

  async close(): Promise<void> {
    await this.idle();
  }

  private queuePush(target: JobTarget, attempt = 1): void {
    const key = repoKey(target);
    if (this.pushQueued.has(key)) return;
    this.pushQueued.add(key);
    const { installationId, owner, repo, deliveryId } = target;
    this.schedule({ kind: "push", installationId, owner, repo, deliveryId }, attempt);
  }

  private schedule(job: PenultJob, attempt: number): void {
    const key = repoKey(job);
    const id = `local-${this.nextId++}`;
    this.waiting++;
    const run = (this.tails.get(key) ?? Promise.resolve()).then(async () => {
      await this.acquire();
      this.waiting--;
      this.active++;
      // From here on, a push recorded for this repository needs a job of its own.
      if (job.kind === "push") this.pushQueued.delete(key);
      try {
        await this.runAttempt(job, attempt, id);
      } finally {
        this.active--;
        this.release();
      }
    });
    const tail = run.catch(() => undefined);
    this.tails.set(key, tail);
    this.running.add(tail);
    void tail.then(() => {
      this.running.delete(tail);
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
  }

  private async runAttempt(job: PenultJob, attempt: number, id: string): Promise<void> {
    const app = this.app;
    if (!app) throw new Error("LocalJobQueue.start(app) was not called");
    const log = app.log.child({ deliveryId: job.deliveryId, repo: repoKey(job), jobId: id, kind: job.kind, attempt });
    try {
      await this.metrics.time(job.kind, () =>
        runPenultJob(job, { octokit: (installationId) => app.auth(installationId), log, store: this.store, retry: this.retry, settings: this.settings }, { number: attempt, last: attempt >= this.attempts }),
      );
    } catch (err) {
      if (err instanceof RetryLater) {
        this.metrics.retries.inc({ kind: job.kind });
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          if (job.kind === "push") this.queuePush(job, attempt + 1);
          else this.schedule(job, attempt + 1);
        }, err.delayMs);
        this.timers.add(timer);
        return;
      }
      this.failed++;
      this.metrics.jobs.inc({ kind: job.kind, outcome: "failed" });
      if (!(err instanceof JobFailed)) log.error({ err }, "penult job failed");
    }
  }

  /** A slot of the global limit; taken synchronously, so two jobs never both see the last one free. */
  private acquire(): Promise<void> {
    if (this.slotsInUse < this.maxConcurrent) {
      this.slotsInUse++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => this.slotWaiters.push(resolve));
  }

  /** Hands the slot to the next waiting job, or frees it. */
  private release(): void {
    const next = this.slotWaiters.shift();
    if (next) next();
    else this.slotsInUse--;
  }
}
