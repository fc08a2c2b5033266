/**
 * `npm run worker`: one worker process of the Redis mode (REDIS_URL). Run as many as you like, on
 * any machines that reach the Redis and GitHub; each runs PENULT_WORKER_CONCURRENCY jobs at once,
 * and PENULT_MAX_CONCURRENT_JOBS bounds all of them together. Serves GET /healthz and /metrics on
 * PORT (default 3001). SIGTERM finishes the jobs in hand and leaves the rest queued.
 */
import { createServer } from "node:http";
import { createProbot } from "probot";
import { createOpsRoutes } from "./queue/ops-routes.js";
import { intFromEnv, redisQueueSettingsFromEnv } from "./queue/queue-from-env.js";
import { QueueMetrics } from "./queue/queue-metrics.js";
import { startRedisWorker } from "./queue/redis-worker.js";

const env = process.env;
if (!env.REDIS_URL) {
  process.stderr.write("penult worker: REDIS_URL is not set. Workers take their jobs from Redis; without it, `npm start` runs the jobs itself.\n");
  process.exit(2);
}

const probot = createProbot({ env });
const running = await startRedisWorker({
  connection: env.REDIS_URL,
  probot,
  ...redisQueueSettingsFromEnv(env),
  concurrency: intFromEnv(env, "PENULT_WORKER_CONCURRENCY", 2),
  lockMs: intFromEnv(env, "PENULT_LOCK_MS", 30_000),
  metrics: new QueueMetrics({ processMetrics: true }),
  ...(env.PENULT_WORKER_NAME ? { name: env.PENULT_WORKER_NAME } : {}),
});
const routes = createOpsRoutes({
  queue: running.queue,
  role: "worker",
  metricsToken: env.METRICS_TOKEN,
  health: async () => {
    if (!running.worker.isRunning()) return { ok: false, detail: "worker stopped" };
    return running.queue.health();
  },
});
const server = createServer((req, res) => {
  void routes(req, res).then((handled) => {
    if (!handled) res.writeHead(404).end();
  });
});
const port = intFromEnv(env, "PORT", 3001);
server.listen(port, env.HOST || "localhost", () => probot.log.info(`penult worker ${running.worker.name}: health and metrics on port ${port}`));

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  probot.log.info(`${signal}: finishing the jobs in hand`);
  server.close();
  void running.close().finally(() => process.exit(0));
};
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));
