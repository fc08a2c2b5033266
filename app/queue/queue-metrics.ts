import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { QueueCounts } from "./job-queue.js";

/**
 * The App's Prometheus metrics (prom-client), one registry per queue so that several apps in one
 * process (tests) do not collide: jobs by kind and outcome, job durations, retries, webhooks by
 * result, and the queue's depth read at scrape time.
 */
export class QueueMetrics {
  readonly registry = new Registry();
  readonly jobs: Counter<"kind" | "outcome">;
  readonly duration: Histogram<"kind">;
  readonly retries: Counter<"kind">;
  readonly webhooks: Counter<"event" | "result">;
  private counts: (() => Promise<QueueCounts>) | undefined;

  constructor(options: { processMetrics?: boolean } = {}) {
    const registers = [this.registry];
    this.jobs = new Counter({ name: "penult_jobs_total", help: "Jobs finished, by kind and outcome (failed = reported to GitHub as a failure).", labelNames: ["kind", "outcome"], registers });
    this.duration = new Histogram({
      name: "penult_job_duration_seconds",
      help: "Time one job attempt took, from start to its last GitHub call.",
      labelNames: ["kind"],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300],
      registers,
    });
    this.retries = new Counter({ name: "penult_job_retries_total", help: "Job attempts that failed transiently and were scheduled again.", labelNames: ["kind"], registers });
    this.webhooks = new Counter({ name: "penult_webhooks_total", help: "Webhooks by event and result (queued, duplicate, ignored).", labelNames: ["event", "result"], registers });
    const self = this;
    new Gauge({
      name: "penult_queue_jobs",
      help: "Jobs in the queue by state; pending_pushes counts pushes waiting to be coalesced.",
      labelNames: ["state"],
      registers,
      async collect() {
        if (!self.counts) return;
        const c = await self.counts();
        for (const [state, n] of Object.entries({ waiting: c.waiting, active: c.active, delayed: c.delayed, failed: c.failed, pending_pushes: c.pendingPushes })) this.set({ state }, n);
      },
    });
    if (options.processMetrics) collectDefaultMetrics({ register: this.registry, prefix: "penult_" });
  }

  /** Where the depth gauge reads from (the queue, once it exists). */
  readCountsFrom(counts: () => Promise<QueueCounts>): void {
    this.counts = counts;
  }

  /** Times one job attempt and counts its outcome. */
  async time<T extends string>(kind: string, run: () => Promise<T>): Promise<T> {
    const end = this.duration.startTimer({ kind });
    try {
      const outcome = await run();
      this.jobs.inc({ kind, outcome });
      return outcome;
    } finally {
      end();
    }
  }
}
