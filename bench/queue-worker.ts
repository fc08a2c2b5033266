/**
 * A queue worker process for `npm run bench:queue`: the App's own worker (`startRedisWorker`) with
 * an Octokit pointed at the bench's GitHub emulator and without Octokit's throttling and retries,
 * so the bench measures penult's work, not GitHub's pacing. The bench kills one of these mid-run.
 */
import { Probot, ProbotOctokit } from "probot";
import { startRedisWorker } from "../app/queue/redis-worker.js";

const env = process.env;
const probot = new Probot({
  appId: 1,
  privateKey: env.PRIVATE_KEY ?? "",
  baseUrl: env.GITHUB_URL ?? "",
  logLevel: "error",
  Octokit: ProbotOctokit.defaults((o: Record<string, unknown>) => ({ ...o, throttle: { enabled: false }, retry: { enabled: false } })),
});
const worker = await startRedisWorker({
  connection: env.REDIS_URL ?? "",
  queueName: env.PENULT_QUEUE_NAME ?? "penult",
  probot,
  concurrency: Number(env.PENULT_WORKER_CONCURRENCY ?? 2),
  maxConcurrent: Number(env.PENULT_MAX_CONCURRENT_JOBS ?? 4),
  lockMs: Number(env.PENULT_LOCK_MS ?? 5000),
  retry: { baseMs: 200, maxMs: 5000 },
  name: env.PENULT_WORKER_NAME ?? `bench-${process.pid}`,
});
process.stdout.write("ready\n");
process.on("SIGTERM", () => void worker.close().finally(() => process.exit(0)));
