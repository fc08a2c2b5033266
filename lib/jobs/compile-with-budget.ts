import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { DEFAULT_JOB_LIMITS, type JobLimits } from "../limits/job-limits.js";
import { LimitExceededError } from "../limits/limit-exceeded-error.js";
import type { AskModel, AskResult } from "../llm/enrich-facts.js";
import type { Statement } from "../statements/types.js";
import type { BudgetTask, BudgetTaskResult } from "./run-budget-task.js";

/** Parent -> worker. */
export type WorkerRequest =
  | { type: "task"; task: BudgetTask; limits: JobLimits }
  | { type: "answer"; id: number; result?: AskResult; error?: { name: string; message: string; status?: number } };

/** Worker -> parent. */
export type WorkerReply =
  | { type: "ready" }
  | { type: "ask"; id: number; statement: Statement }
  | { type: "done"; result: unknown }
  | { type: "failed"; error: { name: string; message: string; stack: string; limit?: keyof JobLimits; detail?: string } };

export interface CompileWithBudgetOptions<T extends BudgetTask> {
  task: T;
  limits?: Partial<JobLimits>;
  /** The LLM engine, already wrapped in its budget; called from this thread for the worker. */
  ask?: AskModel;
}

/** How often the worker's busy time is read (ms). */
const POLL_MS = 50;

/**
 * Runs one compile job over untrusted content in its own worker thread, so nothing it does can
 * stall the caller's event loop (the App's webhooks for every other installation), with:
 * - a busy-time limit (`cpuMs`: the worker's event loop not idle, so LLM waits do not count) and a
 *   wall-clock limit (`wallMs`), after which the worker is terminated (V8 stops it even inside a
 *   regular expression);
 * - a heap limit (`memoryMb`, V8's own resource limit for the worker);
 * - the content limits of lib/limits (templates, rendered size), applied inside.
 * A worker runs one job and is then terminated: no template or memo cache outlives a job. One
 * spare worker is kept loaded and waiting, so a job does not wait for a cold start.
 * Going over a limit rejects with a {@link LimitExceededError} naming it.
 */
export function compileWithBudget<T extends BudgetTask>(options: CompileWithBudgetOptions<T>): Promise<BudgetTaskResult<T>> {
  const limits: JobLimits = { ...DEFAULT_JOB_LIMITS, ...options.limits };
  const worker = takeWorker(limits.memoryMb);
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (err: Error | undefined, result?: unknown) => {
      if (settled) return;
      settled = true;
      clearInterval(poll);
      clearTimeout(wall);
      worker.removeAllListeners("message");
      void worker.terminate();
      if (err) reject(err);
      else resolve(result as BudgetTaskResult<T>);
    };
    // Busy time counts from the task on: the warm-up of a spare worker is not the job's.
    const start = worker.performance.eventLoopUtilization();
    const poll = setInterval(() => {
      const busy = worker.performance.eventLoopUtilization(start).active;
      if (busy > limits.cpuMs) finish(new LimitExceededError("cpuMs", `compiling took more than ${limits.cpuMs} ms of busy time`));
    }, POLL_MS);
    const wall = setTimeout(() => finish(new LimitExceededError("wallMs", `compiling took more than ${limits.wallMs} ms`)), limits.wallMs);
    worker.on("message", (m: WorkerReply) => {
      if (m.type === "done") finish(undefined, m.result);
      else if (m.type === "failed") finish(rebuildError(m.error));
      else if (m.type === "ask") void answer(worker, m.id, m.statement, options.ask);
    });
    worker.on("error", (err: Error & { code?: string }) => {
      if (err.code === "ERR_WORKER_OUT_OF_MEMORY") finish(new LimitExceededError("memoryMb", `compiling needed more than ${limits.memoryMb} MB of heap`));
      else finish(err);
    });
    worker.on("exit", (code) => finish(new Error(`the compile worker stopped (exit code ${code}) before it answered`)));
    worker.ref();
    worker.postMessage({ type: "task", task: options.task, limits } satisfies WorkerRequest);
  });
}

/** The loaded worker waiting for the next job, and the heap limit it was started with. */
let spare: { worker: Worker; memoryMb: number } | undefined;

/** A worker for one job: the spare when it fits, a new one otherwise; a new spare is started behind it. */
function takeWorker(memoryMb: number): Worker {
  const ready = spare && spare.memoryMb === memoryMb ? spare.worker : undefined;
  if (spare && !ready) void spare.worker.terminate();
  spare = undefined;
  const worker = ready ?? startWorker(memoryMb);
  // The next job's worker loads while this one works (it waits unref'd: it never keeps a process alive).
  setImmediate(() => {
    if (spare) return;
    const next = startWorker(memoryMb);
    next.unref();
    const drop = () => {
      if (spare?.worker === next) spare = undefined;
    };
    next.once("error", drop);
    next.once("exit", drop);
    spare = { worker: next, memoryMb };
  });
  return worker;
}

function startWorker(memoryMb: number): Worker {
  return new Worker(findWorkerScript(), {
    resourceLimits: { maxOldGenerationSizeMb: memoryMb },
    // The worker needs no secret: LLM requests come back here.
    env: {},
    stdout: false,
    stderr: false,
  });
}

async function answer(worker: Worker, id: number, statement: Statement, ask: AskModel | undefined): Promise<void> {
  let reply: WorkerRequest;
  try {
    if (!ask) throw new Error("no LLM engine for this job");
    reply = { type: "answer", id, result: await ask(statement) };
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    const status = typeof err === "object" && err !== null && "status" in err ? Number((err as { status: unknown }).status) : undefined;
    reply = { type: "answer", id, error: { name: e.constructor.name || e.name, message: e.message, ...(status !== undefined && !Number.isNaN(status) ? { status } : {}) } };
  }
  try {
    worker.postMessage(reply);
  } catch {
    // The worker was terminated meanwhile (over budget): nobody waits for the answer.
  }
}

function rebuildError(e: { name: string; message: string; stack: string; limit?: keyof JobLimits; detail?: string }): Error {
  if (e.name === "LimitExceededError" && e.limit && e.detail !== undefined) return new LimitExceededError(e.limit, e.detail);
  return Object.assign(new Error(e.message), { name: e.name, stack: e.stack });
}

let workerScript: URL | undefined;

/**
 * The compiled worker: next to this module in dist/, or, when this module runs from the
 * TypeScript sources (the tests), the build in dist/ (`npm test` builds first).
 */
function findWorkerScript(): URL {
  if (workerScript) return workerScript;
  const here = dirname(fileURLToPath(import.meta.url));
  const sibling = join(here, "budget-worker.js");
  if (existsSync(sibling)) return (workerScript = pathToFileURL(sibling));
  let dir = here;
  for (let i = 0; i < 6; i++) {
    const built = join(dir, "dist", "lib", "jobs", "budget-worker.js");
    if (existsSync(join(dir, "package.json")) && existsSync(built)) return (workerScript = pathToFileURL(built));
    dir = dirname(dir);
  }
  throw new Error("penult: the compile worker (dist/lib/jobs/budget-worker.js) is missing; run `npm run build`");
}
