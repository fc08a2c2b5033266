import type { Probot } from "probot";
import type { JobTarget, PenultJob, PendingPush } from "./penult-job.js";
import type { QueueMetrics } from "./queue-metrics.js";

/** Jobs per state, as operators read them (BullMQ's names). */
export interface QueueCounts {
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  /** Pushes recorded and not yet handled, over all repositories. */
  pendingPushes: number;
}

/**
 * Where webhooks put their work. `LocalJobQueue` runs it in this process; `RedisJobQueue` hands it
 * to BullMQ for `npm run worker` processes. Both deduplicate deliveries, coalesce pushes and
 * serialise each repository's jobs; the jobs themselves are the same (`runPenultJob`).
 */
export interface JobQueue {
  readonly mode: "local" | "redis";
  readonly metrics: QueueMetrics;
  /** Connects the queue to the app (a local queue runs jobs with the app's credentials). */
  start(app: Probot): void;
  /** Records a push and queues a push job for its repository; false for a redelivery (nothing queued). */
  push(target: JobTarget, push: PendingPush): Promise<boolean>;
  /** Queues any other job; false for a redelivery. */
  add(job: Exclude<PenultJob, { kind: "push" }>): Promise<boolean>;
  counts(): Promise<QueueCounts>;
  /** Whether the queue can take work (the health endpoint). */
  health(): Promise<{ ok: boolean; detail: string }>;
  /** Resolves once nothing is waiting, running or due for a retry (tests; shutdown). */
  idle(): Promise<void>;
  close(): Promise<void>;
}
