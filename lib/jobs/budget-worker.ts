/**
 * Entry of the compile worker (lib/jobs/compile-with-budget.ts uses one per job). It loads what
 * every job needs, says `ready`, runs the one {@link BudgetTask} it is then sent, and posts the
 * result; LLM requests go back to the parent, which holds the client, the key and the budget.
 * Nothing here reads the environment or the file system.
 */
import { parentPort, type MessagePort } from "node:worker_threads";
import type { JobLimits } from "../limits/job-limits.js";
import { LimitExceededError } from "../limits/limit-exceeded-error.js";
import type { AskResult } from "../llm/enrich-facts.js";
import { loadNlp } from "../nlp/tag-text.js";
import type { Statement } from "../statements/types.js";
import { runBudgetTask, type BudgetTask } from "./run-budget-task.js";
import type { WorkerReply, WorkerRequest } from "./compile-with-budget.js";

if (!parentPort) throw new Error("budget-worker.js runs only as a worker thread");
const port: MessagePort = parentPort;

const pending = new Map<number, { resolve: (r: AskResult) => void; reject: (e: Error) => void }>();
let nextId = 1;
let started = false;

port.on("message", (m: WorkerRequest) => {
  if (m.type === "task") {
    // One task per worker: a second would share module state (caches) with the first.
    if (started) return;
    started = true;
    void run(m.task, m.limits);
    return;
  }
  const waiting = pending.get(m.id);
  if (!waiting) return;
  pending.delete(m.id);
  if (m.result) waiting.resolve(m.result);
  else waiting.reject(rebuildError(m.error ?? { name: "Error", message: "no answer" }));
});

const ask = (statement: Statement): Promise<AskResult> =>
  new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    port.postMessage({ type: "ask", id, statement } satisfies WorkerReply);
  });

async function run(task: BudgetTask, limits: JobLimits): Promise<void> {
  try {
    const result = await runBudgetTask(task, { limits, ask });
    port.postMessage({ type: "done", result } satisfies WorkerReply);
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    port.postMessage({
      type: "failed",
      error: { name: e.name, message: e.message, stack: e.stack ?? "", ...(e instanceof LimitExceededError ? { limit: e.limit, detail: e.detail } : {}) },
    } satisfies WorkerReply);
  }
  // The parent terminates the worker once it has the answer.
}

// Warm up while waiting for the task (the parent keeps a spare worker ready): the model's tables are most of a cold start.
loadNlp();
port.postMessage({ type: "ready" } satisfies WorkerReply);

/** An error from the parent's LLM client, with its class name and HTTP status kept (the fallback reason reads both). */
function rebuildError(e: { name: string; message: string; status?: number }): Error {
  const Named = { [e.name]: class extends Error {} }[e.name] ?? Error;
  return Object.assign(new Named(e.message), { name: e.name }, e.status !== undefined ? { status: e.status } : {});
}
