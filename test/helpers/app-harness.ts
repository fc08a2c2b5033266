/**
 * Runs the real Probot app behind real HTTP: webhooks are signed POSTs to Probot's node middleware,
 * and the app's Octokit talks to the git-backed GitHub emulator. Nothing is mocked in between.
 */
import { sign } from "@octokit/webhooks-methods";
import { execFileSync } from "node:child_process";
import { generateKeyPairSync, randomUUID } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { createNodeMiddleware, Probot, ProbotOctokit, type Logger } from "probot";
import { readAppSettings } from "../../app/app-settings.js";
import { createPenultApp } from "../../app/index.js";
import type { JobQueue } from "../../app/queue/job-queue.js";
import { LocalJobQueue } from "../../app/queue/local-job-queue.js";
import { RedisJobQueue } from "../../app/queue/redis-job-queue.js";
import { startRedisWorker, type RedisWorker } from "../../app/queue/redis-worker.js";
import { startGitHubEmulator, type GitHubEmulator, type Permission } from "./github-emulator.js";
import webhookExamples from "@octokit/webhooks-examples/api.github.com/index.json" with { type: "json" };

/** A real payload recorded by GitHub (from @octokit/webhooks-examples), to override field by field. */
function example(event: string, pick: (p: Record<string, any>) => boolean): Record<string, any> {
  const entry = (webhookExamples as { name: string; examples: Record<string, any>[] }[]).find((e) => e.name === event);
  const found = entry?.examples.find(pick);
  if (!found) throw new Error(`no ${event} example in @octokit/webhooks-examples`);
  return structuredClone(found);
}

export const OWNER = "acme";
export const REPO = "widgets";
const SECRET = "test-secret";

/** One emulated repository: a bare repository GitHub "holds" and a work clone people push from. */
export interface RepoFixture {
  name: string;
  bare: string;
  work: string;
  /** Writes files into the work clone (null deletes), commits as `author` and pushes main; returns the push payload. */
  commitAndPush(files: Record<string, string | null>, message: string, options?: { author?: string }): PushPayload;
  git(...args: string[]): string;
  /** `git show <ref>:<path>` on the bare repository, or undefined. */
  show(ref: string, path: string): string | undefined;
}

/** The default repository (acme/widgets) plus the app, its queue and, in Redis mode, its workers. */
export interface Harness extends RepoFixture {
  gh: GitHubEmulator;
  queue: JobQueue;
  /** Where the app listens (http://127.0.0.1:port): /api/github/webhooks, /healthz, /metrics. */
  appUrl: string;
  workers: RedisWorker[];
  /** Another repository of owner acme: of the same installation unless `installationId` says another. */
  addRepo(name: string, options?: { files?: Record<string, string>; copyDir?: string; installationId?: number }): RepoFixture;
  /** Sends one signed webhook and waits until the work it caused is done; resolves with the HTTP status. */
  deliver(event: string, payload: unknown, options?: { id?: string; signature?: string; settle?: boolean }): Promise<number>;
  /** Waits until no job is waiting, running or due for a retry. */
  settle(): Promise<void>;
  /** Stops the webhook process and starts a new one (in one process, everything in memory is gone). */
  restartApp(): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  files?: Record<string, string>;
  copyDir?: string;
  permissions?: Record<string, Permission>;
  /** Run jobs in the webhook process ("local", the default) or on Redis workers. */
  queue?: "local" | "redis";
  /** Redis mode: the server to use (the test starts it) and how many workers to run. */
  redisUrl?: string;
  workers?: number;
  workerConcurrency?: number;
  /** Jobs at once over all repositories. */
  maxConcurrent?: number;
  attempts?: number;
  /** First retry back-off (ms); tests keep it short. */
  retryBaseMs?: number;
  lockMs?: number;
  /** A logger for the app and its workers (default: silent). */
  log?: Logger;
  /** The App's environment over the test process's (PENULT_* limits, PENULT_LLM_*, OPENAI_*). */
  env?: Record<string, string>;
}

export interface PushPayload {
  ref: string;
  before: string;
  after: string;
  [key: string]: unknown;
}

// stderr is captured (it is in the error when git fails), so "cloned an empty repository" stays quiet.
const run = (cwd: string, args: string[], env: NodeJS.ProcessEnv = {}) =>
  execFileSync("git", args, { cwd, encoding: "utf8", env: { ...process.env, ...env }, maxBuffer: 256 * 1024 * 1024, stdio: ["pipe", "pipe", "pipe"] }).trim();

/** A Probot for tests: a fresh key, the emulator as GitHub, no throttling or Octokit-level retries. */
function testProbot(baseUrl: string, log?: Logger): Probot {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs1", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });
  return new Probot({
    appId: 1,
    privateKey,
    secret: SECRET,
    baseUrl,
    ...(log ? { log } : { logLevel: "fatal" as const }),
    Octokit: ProbotOctokit.defaults((o: Record<string, unknown>) => ({ ...o, throttle: { enabled: false }, retry: { enabled: false } })),
  });
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const tmp = mkdtempSync(join(tmpdir(), "penult-app-"));
  const gh = await startGitHubEmulator({ permissions: { alice: "write", mallory: "read", ...options.permissions } });
  let nextRepoId = 4242;
  const addRepo = (name: string, o: { files?: Record<string, string>; copyDir?: string; installationId?: number } = {}): RepoFixture => {
    const fixture = createRepo({ tmp, name, id: nextRepoId, files: o.files, copyDir: o.copyDir, installationId: o.installationId ?? 1 });
    gh.addRepo({ owner: OWNER, name, dir: fixture.bare, defaultBranch: "main", id: nextRepoId++ });
    return fixture;
  };
  const main = addRepo(REPO, { files: options.files, copyDir: options.copyDir });

  const mode = options.queue ?? "local";
  if (mode === "redis" && !options.redisUrl) throw new Error("Redis mode needs redisUrl (start one with startRedisServer)");
  const queueName = `test-${randomUUID().slice(0, 8)}`;
  const retry = { baseMs: options.retryBaseMs ?? 50, maxMs: 2_000 };
  const settings = readAppSettings({ ...process.env, ...options.env });
  const newQueue = (): JobQueue =>
    mode === "redis"
      ? new RedisJobQueue({ connection: options.redisUrl!, queueName, maxConcurrent: options.maxConcurrent ?? 4, attempts: options.attempts ?? 5 })
      : new LocalJobQueue({ maxConcurrent: options.maxConcurrent ?? 4, attempts: options.attempts ?? 5, retry, settings });
  const workers: RedisWorker[] = [];
  if (mode === "redis") {
    for (let i = 0; i < (options.workers ?? 2); i++) {
      workers.push(
        await startRedisWorker({
          connection: options.redisUrl!,
          queueName,
          probot: testProbot(gh.url, options.log),
          concurrency: options.workerConcurrency ?? 2,
          maxConcurrent: options.maxConcurrent ?? 4,
          attempts: options.attempts ?? 5,
          retry,
          lockMs: options.lockMs ?? 30_000,
          name: `w${i + 1}`,
          settings,
        }),
      );
    }
  }

  let queue = newQueue();
  let server: Server;
  let url = "";
  const startApp = async () => {
    const middleware = await createNodeMiddleware(createPenultApp({ queue, settings }), { probot: testProbot(gh.url, options.log) });
    server = createServer((req, res) => {
      void middleware(req, res, () => {
        res.writeHead(404);
        res.end();
      });
    });
    server.keepAliveTimeout = 120_000;
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const addr = server.address();
    url = `http://127.0.0.1:${typeof addr === "object" && addr ? addr.port : 0}/api/github/webhooks`;
  };
  const stopApp = async () => {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  };
  await startApp();

  return {
    ...main,
    gh,
    get queue() {
      return queue;
    },
    get appUrl() {
      return url.replace(/\/api\/github\/webhooks$/, "");
    },
    workers,
    addRepo,
    async deliver(event, payload, o = {}) {
      const body = JSON.stringify(payload);
      const res = await fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-github-event": event,
          "x-github-delivery": o.id ?? randomUUID(),
          "x-hub-signature-256": o.signature ?? (await sign(SECRET, body)),
        },
        body,
      });
      await res.text();
      // The webhook only queues the work: a test sees its effects once the queue is idle again.
      if (o.settle !== false) await queue.idle();
      return res.status;
    },
    settle: () => queue.idle(),
    async restartApp() {
      await stopApp();
      await queue.close();
      queue = newQueue();
      await startApp();
    },
    async close() {
      // No job of this test may outlive it (a late job could write into the next test's emulator).
      await queue.idle();
      await stopApp();
      for (const w of workers) await w.close();
      await queue.close();
      await gh.close();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

function createRepo(options: { tmp: string; name: string; id: number; files?: Record<string, string> | undefined; copyDir?: string | undefined; installationId: number }): RepoFixture {
  const { tmp, name } = options;
  const bare = join(tmp, `${name}.git`);
  const work = join(tmp, `${name}-work`);
  run(tmp, ["init", "-q", "--bare", "-b", "main", bare]);
  run(tmp, ["clone", "-q", bare, work]);
  run(work, ["config", "user.name", "Alice"]);
  run(work, ["config", "user.email", "alice@example.test"]);
  if (options.copyDir) cpSync(options.copyDir, work, { recursive: true });
  for (const [p, c] of Object.entries(options.files ?? {})) writeAt(work, p, c);
  writeAt(work, "README.md", `# ${name}\n`);
  run(work, ["add", "-A"]);
  run(work, ["commit", "-qm", "initial statements"]);
  run(work, ["push", "-q", "origin", "main"]);
  const repository = {
    id: options.id,
    name,
    full_name: `${OWNER}/${name}`,
    private: false,
    default_branch: "main",
    master_branch: "main",
    owner: { login: OWNER, name: OWNER, id: 1, type: "Organization" },
  };
  return {
    name,
    bare,
    work,
    commitAndPush(files, message, opts = {}) {
      const before = run(work, ["rev-parse", "HEAD"]);
      for (const [p, c] of Object.entries(files)) {
        if (c === null) rmSync(join(work, p), { recursive: true, force: true });
        else writeAt(work, p, c);
      }
      run(work, ["add", "-A"]);
      const author = opts.author ?? "Alice";
      run(work, ["-c", `user.name=${author}`, "-c", `user.email=${author.toLowerCase()}@example.test`, "commit", "-qm", message, "--allow-empty"]);
      run(work, ["push", "-q", "origin", "main"]);
      const after = run(work, ["rev-parse", "HEAD"]);
      const tree = run(work, ["rev-parse", "HEAD^{tree}"]);
      // GitHub's push payloads list a rename as a removal and an addition.
      const changed = run(work, ["diff", "--name-status", "--no-renames", before, after]).split("\n").filter(Boolean);
      const pick = (s: string) => changed.filter((l) => l.startsWith(s)).map((l) => l.split("\t").pop() as string);
      const base = example("push", (p) => p.ref.startsWith("refs/heads/") && p.commits.length > 0);
      return {
        ...base,
        ref: "refs/heads/main",
        before,
        after,
        created: false,
        deleted: false,
        forced: false,
        base_ref: null,
        compare: "",
        commits: [{ id: after, tree_id: tree, distinct: true, message, timestamp: "2026-01-01T00:00:00Z", url: "", author: { name: author, email: "", username: author.toLowerCase() }, committer: { name: author, email: "" }, added: pick("A"), removed: pick("D"), modified: pick("M") }],
        head_commit: { id: after, tree_id: tree, distinct: true, message, timestamp: "2026-01-01T00:00:00Z", url: "", author: { name: author, email: "" }, committer: { name: author, email: "" }, added: pick("A"), removed: pick("D"), modified: pick("M") },
        repository: { ...base.repository, ...repository, pushed_at: Math.floor(Date.now() / 1000) },
        pusher: { name: author.toLowerCase(), email: "" },
        sender: { ...base.sender, login: author.toLowerCase(), id: 7, type: "User" },
        installation: { id: options.installationId, node_id: "x" },
      };
    },
    git: (...args) => run(bare, args),
    show(ref, path) {
      try {
        return execFileSync("git", ["show", `${ref}:${path}`], { cwd: bare, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], maxBuffer: 256 * 1024 * 1024 });
      } catch {
        return undefined;
      }
    },
  };
}

/** An issue_comment.created payload for a comment by `user` on issue or PR `number`. */
export function commentPayload(options: { body: string; user: string; number: number; pullRequest?: boolean; userType?: string }) {
  const base = example("issue_comment", (p) => p.action === "created");
  const issue = { ...base.issue, number: options.number };
  if (options.pullRequest) issue.pull_request = { ...(issue.pull_request ?? {}), url: "" };
  else delete issue.pull_request;
  const user = { ...base.comment.user, login: options.user, id: 9, type: options.userType ?? "User" };
  return {
    ...base,
    action: "created",
    issue,
    comment: { ...base.comment, id: 99, body: options.body, user },
    repository: { ...base.repository, id: 4242, name: REPO, full_name: `${OWNER}/${REPO}`, default_branch: "main", owner: { ...base.repository.owner, login: OWNER, id: 1, type: "Organization" } },
    sender: user,
    installation: { id: 1, node_id: "x" },
  };
}

/**
 * A pull_request payload (opened by default) for PR `number` from `head` (at `headSha`) into main;
 * from a fork when `headRepo` names another repository (`mallory/widgets`).
 */
export function pullRequestPayload(options: { number: number; head: string; headSha: string; baseSha: string; user: string; action?: string; headRepo?: string }) {
  const base = example("pull_request", (p) => p.action === (options.action ?? "opened"));
  const repo = { ...base.repository, id: 4242, name: REPO, full_name: `${OWNER}/${REPO}`, default_branch: "main", owner: { ...base.repository.owner, login: OWNER, id: 1, type: "Organization" } };
  const user = { ...base.pull_request.user, login: options.user, type: "User" };
  return {
    ...base,
    action: options.action ?? "opened",
    number: options.number,
    pull_request: {
      ...base.pull_request,
      number: options.number,
      user,
      head: { ...base.pull_request.head, ref: options.head, sha: options.headSha, repo: options.headRepo ? forkOf(repo, options.headRepo) : repo },
      base: { ...base.pull_request.base, ref: "main", sha: options.baseSha, repo },
    },
    repository: repo,
    sender: user,
    installation: { id: 1, node_id: "x" },
  };
}

function forkOf(repo: Record<string, any>, fullName: string): Record<string, any> {
  const [login, name] = fullName.split("/") as [string, string];
  return { ...repo, id: 9999, name, full_name: fullName, fork: true, owner: { ...repo.owner, login, id: 9, type: "User" } };
}

function writeAt(root: string, path: string, content: string): void {
  const abs = join(root, path);
  mkdirSync(dirname(abs), { recursive: true });
  writeFileSync(abs, content);
}
