import { readAppSettings, type AppSettings } from "../app-settings.js";
import type { JobQueue } from "./job-queue.js";
import { LocalJobQueue } from "./local-job-queue.js";
import { QueueMetrics } from "./queue-metrics.js";

/** A positive integer from the environment, or the default. */
export function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const n = Number(env[name]);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/**
 * The queue the environment asks for: with REDIS_URL, BullMQ on Redis (this process only enqueues;
 * `npm run worker` runs the jobs); without it, jobs run in this process. BullMQ is loaded only then.
 */
export async function createQueueFromEnv(env: NodeJS.ProcessEnv = process.env, settings: AppSettings = readAppSettings(env)): Promise<JobQueue> {
  const metrics = new QueueMetrics({ processMetrics: true });
  if (env.REDIS_URL) {
    const { RedisJobQueue } = await import("./redis-job-queue.js");
    return new RedisJobQueue({ connection: env.REDIS_URL, metrics, ...redisQueueSettingsFromEnv(env) });
  }
  return new LocalJobQueue({ metrics, maxConcurrent: intFromEnv(env, "PENULT_MAX_CONCURRENT_JOBS", 4), attempts: intFromEnv(env, "PENULT_JOB_ATTEMPTS", 5), settings });
}

/** Settings both Redis roles read, so the webhook process and the workers agree. */
export function redisQueueSettingsFromEnv(env: NodeJS.ProcessEnv) {
  return {
    queueName: env.PENULT_QUEUE_NAME || "penult",
    maxConcurrent: intFromEnv(env, "PENULT_MAX_CONCURRENT_JOBS", 4),
    attempts: intFromEnv(env, "PENULT_JOB_ATTEMPTS", 5),
    deliveryTtlSeconds: intFromEnv(env, "PENULT_DELIVERY_TTL_SECONDS", 3 * 24 * 3600),
  };
}
