/**
 * `npm run bench:queue`: the App under load, through the GitHub emulator and a real redis-server
 * (both on 127.0.0.1, started here). 20 repositories x 10 pushes each, delivered as signed webhooks
 * in two bursts per repository, shuffled (so partly out of order), with one in ten delivered twice.
 * Runs: one process without Redis; Redis with 1 worker; Redis with 3 workers, one killed (SIGKILL)
 * mid-run. Each run then redelivers all 200 webhooks with their original delivery ids.
 *
 * Reports pushes per minute (first delivery to an idle queue), API calls per push, regenerations,
 * and checks the guarantees: every PR on its repository's newest commit, exactly one PR per
 * repository, nothing lost when a worker dies, no API call at all for the redeliveries.
 * Octokit's own throttling is off (GitHub paces writes at about one a second in production).
 * Options: --runs N (default 3: min and median), --repos N, --pushes N.
 */
import { sign } from "@octokit/webhooks-methods";
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { generateKeyPairSync, randomUUID } from "node:crypto";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createNodeMiddleware, Probot, ProbotOctokit } from "probot";
import { createPenultApp } from "../app/index.js";
import type { JobQueue } from "../app/queue/job-queue.js";
import { LocalJobQueue } from "../app/queue/local-job-queue.js";
import { RedisJobQueue } from "../app/queue/redis-job-queue.js";
import { startGitHubEmulator, type GitHubEmulator } from "../test/helpers/github-emulator.js";
import { startRedisServer, type RedisServer } from "../test/helpers/redis-server.js";
import { formatTable, type BenchTable } from "./table.js";

const here = dirname(fileURLToPath(import.meta.url));
const ROOT = join(here, "..", "..");
const EXAMPLE = join(ROOT, "examples", "bookshop");
const SECRET = "bench-secret";

const args = process.argv.slice(2);
const opt = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const RUNS = opt("runs", 3);
const REPOS = opt("repos", 20);
const PUSHES = opt("pushes", 10);

interface Scenario {
  name: string;
  mode: "local" | "redis";
  workers: number;
  kill: boolean;
}

interface RunResult {
  seconds: number;
  pushesPerMinute: number;
  apiCallsPerPush: number;
  regenerations: number;
  prOnNewest: number;
  onePr: number;
  redeliveryCalls: number;
  killed: string;
}

const git = (cwd: string, ...a: string[]) => execFileSync("git", a, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();

async function runScenario(s: Scenario, redis: RedisServer): Promise<RunResult> {
  const tmp = mkdtempSync(join(tmpdir(), "penult-bench-queue-"));
  const gh = await startGitHubEmulator();
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs1", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });
  const queueName = `bench-${randomUUID().slice(0, 8)}`;
  const workers: ChildProcess[] = [];
  let server: Server | undefined;
  let queue: JobQueue | undefined;
  try {
    // Repositories: the bookshop example, one bare repository and one work clone each.
    const repos = Array.from({ length: REPOS }, (_, i) => {
      const name = `repo-${String(i).padStart(2, "0")}`;
      const bare = join(tmp, `${name}.git`);
      const work = join(tmp, name);
      git(tmp, "init", "-q", "--bare", "-b", "main", bare);
      git(tmp, "clone", "-q", bare, work);
      cpSync(EXAMPLE, work, { recursive: true });
      git(work, "add", "-A");
      git(work, "-c", "user.name=Alice", "-c", "user.email=a@example.test", "commit", "-qm", "initial");
      git(work, "push", "-q", "origin", "main");
      gh.addRepo({ owner: "acme", name, dir: bare, defaultBranch: "main", id: 5000 + i });
      return { name, work, id: 5000 + i };
    });

    const probot = new Probot({
      appId: 1,
      privateKey,
      secret: SECRET,
      baseUrl: gh.url,
      logLevel: "error",
      Octokit: ProbotOctokit.defaults((o: Record<string, unknown>) => ({ ...o, throttle: { enabled: false }, retry: { enabled: false } })),
    });
    queue = s.mode === "redis" ? new RedisJobQueue({ connection: redis.url, queueName, maxConcurrent: 6 }) : new LocalJobQueue({ maxConcurrent: 4 });
    const middleware = await createNodeMiddleware(createPenultApp({ queue }), { probot });
    const srv = createServer((req, res) => void middleware(req, res, () => res.writeHead(404).end()));
    server = srv;
    // Clients reuse connections; a server closing idle ones after Node's default 5 s races them.
    srv.keepAliveTimeout = 120_000;
    await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
    const addr = srv.address();
    const url = `http://127.0.0.1:${typeof addr === "object" && addr ? addr.port : 0}/api/github/webhooks`;

    for (let w = 0; w < (s.mode === "redis" ? s.workers : 0); w++) workers.push(await startWorker({ redis, gh, privateKey, queueName, name: `w${w + 1}` }));

    const deliveries: { id: string; body: string }[] = [];
    const deliver = async (d: { id: string; body: string }) => {
      const signature = await sign(SECRET, d.body);
      // A connection reset on a loaded machine is sent again, as GitHub's "redeliver" would (same id).
      for (let attempt = 1; ; attempt++) {
        try {
          const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", "x-github-event": "push", "x-github-delivery": d.id, "x-hub-signature-256": signature }, body: d.body });
          await res.text();
          if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
          return;
        } catch (err) {
          if (attempt >= 3 || !(err instanceof TypeError)) throw err;
        }
      }
    };

    const t0 = Date.now();
    let killed = "-";
    const bursts = 2;
    for (let b = 0; b < bursts; b++) {
      const burst: { id: string; body: string }[] = [];
      for (const r of repos) {
        for (let k = 0; k < PUSHES / bursts; k++) {
          const n = b * (PUSHES / bursts) + k;
          const before = git(r.work, "rev-parse", "HEAD");
          execFileSync("sh", ["-c", `printf 'The catalog SHALL list shelf ${n} of ${r.name}.\\n' >> statements/cart.md`], { cwd: r.work });
          git(r.work, "-c", "user.name=Alice", "-c", "user.email=a@example.test", "commit", "-qam", `shelf ${n}`);
          const after = git(r.work, "rev-parse", "HEAD");
          burst.push({ id: randomUUID(), body: JSON.stringify(pushPayload({ repo: r.name, id: r.id, before, after, tree: git(r.work, "rev-parse", "HEAD^{tree}"), n })) });
        }
        git(r.work, "push", "-q", "origin", "main");
      }
      // Partly out of order: each burst is shuffled; one delivery in ten is sent twice.
      shuffle(burst, b + 1);
      for (const [i, d] of burst.entries()) {
        await deliver(d);
        deliveries.push(d);
        if (i % 10 === 3) await deliver(d);
      }
      if (b === 0 && s.kill) {
        // Kill a worker while it holds a job: wait until work is under way, then SIGKILL.
        await waitFor(async () => (await queue!.counts()).active > 0 && gh.state.pulls.length >= 2, 120_000);
        const victim = workers[0]!;
        victim.kill("SIGKILL");
        killed = "w1 (SIGKILL mid-run)";
      }
    }
    await queue.idle();
    const seconds = (Date.now() - t0) / 1000;
    const calls = gh.apiCalls().length;
    const regenerations = gh.state.requests.filter((r) => r.method === "POST" && r.path.endsWith("/git/commits")).length;

    // Guarantees.
    let prOnNewest = 0;
    let onePr = 0;
    for (const r of repos) {
      const newest = git(r.work, "rev-parse", "HEAD");
      const pulls = gh.state.pulls.filter((p) => p.repo === `acme/${r.name}` && p.head === "penult/contracts" && p.state === "open");
      if (pulls.length === 1) onePr++;
      const source = /source=([0-9a-f]{40})/.exec(pulls[0]?.body ?? "")?.[1];
      const branchParent = git(join(tmp, `${r.name}.git`), "rev-parse", "penult/contracts^");
      if (source === newest && branchParent === newest) prOnNewest++;
    }
    // Redeliver every webhook with its original delivery id: nothing may be called or written.
    const before = gh.state.requests.length;
    for (const d of deliveries) await deliver(d);
    await queue.idle();
    const redeliveryCalls = gh.state.requests.length - before;

    const pushes = REPOS * PUSHES;
    return { seconds, pushesPerMinute: pushes / (seconds / 60), apiCallsPerPush: calls / pushes, regenerations, prOnNewest, onePr, redeliveryCalls, killed };
  } finally {
    for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill("SIGTERM");
    await Promise.all(workers.map((w) => (w.exitCode === null && w.signalCode === null ? new Promise((r) => w.once("exit", r)) : undefined)));
    if (server) {
      server.closeAllConnections();
      await new Promise((r) => server!.close(r));
    }
    await queue?.close();
    await gh.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

function startWorker(o: { redis: RedisServer; gh: GitHubEmulator; privateKey: string; queueName: string; name: string }): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(here, "queue-worker.js")], {
    env: { ...process.env, REDIS_URL: o.redis.url, GITHUB_URL: o.gh.url, PRIVATE_KEY: o.privateKey, PENULT_QUEUE_NAME: o.queueName, PENULT_WORKER_NAME: o.name, PENULT_MAX_CONCURRENT_JOBS: "6", PENULT_WORKER_CONCURRENCY: "2", PENULT_LOCK_MS: "5000" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.stdout?.on("data", (d) => {
      if (String(d).includes("ready")) resolve(child);
    });
    child.once("exit", (code) => reject(new Error(`worker ${o.name} exited ${code}`)));
  });
}

function pushPayload(o: { repo: string; id: number; before: string; after: string; tree: string; n: number }) {
  const commit = { id: o.after, tree_id: o.tree, distinct: true, message: `shelf ${o.n}`, timestamp: "2026-01-01T00:00:00Z", url: "", author: { name: "Alice", email: "a@example.test" }, committer: { name: "Alice", email: "a@example.test" }, added: [], removed: [], modified: ["statements/cart.md"] };
  const owner = { login: "acme", name: "acme", id: 1, type: "Organization" };
  return {
    ref: "refs/heads/main",
    before: o.before,
    after: o.after,
    created: false,
    deleted: false,
    forced: false,
    base_ref: null,
    compare: "",
    commits: [commit],
    head_commit: commit,
    repository: { id: o.id, node_id: "x", name: o.repo, full_name: `acme/${o.repo}`, private: false, owner, default_branch: "main", master_branch: "main", pushed_at: Math.floor(Date.now() / 1000) },
    pusher: { name: "alice", email: "" },
    sender: { login: "alice", id: 7, type: "User" },
    installation: { id: 1, node_id: "x" },
  };
}

/** A fixed shuffle (seeded), so every run sees the same order. */
function shuffle<T>(list: T[], seed: number): void {
  let x = seed * 2654435761;
  for (let i = list.length - 1; i > 0; i--) {
    x = (x * 1103515245 + 12345) % 2147483648;
    const j = x % (i + 1);
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
}

async function waitFor(predicate: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > end) throw new Error("bench: condition not met in time");
    await new Promise((r) => setTimeout(r, 20));
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

const scenarios: Scenario[] = [
  { name: "one process (no Redis)", mode: "local", workers: 0, kill: false },
  { name: "Redis, 1 worker", mode: "redis", workers: 1, kill: false },
  { name: "Redis, 3 workers, 1 killed mid-run", mode: "redis", workers: 3, kill: true },
];

const redis = await startRedisServer();
const rows: (string | number)[][] = [];
let ok = true;
try {
  for (const s of scenarios) {
    const results: RunResult[] = [];
    for (let i = 0; i < RUNS; i++) results.push(await runScenario(s, redis));
    const ppm = results.map((r) => r.pushesPerMinute);
    const worst = (f: (r: RunResult) => number) => Math.min(...results.map(f));
    const held = worst((r) => r.prOnNewest) === REPOS && worst((r) => r.onePr) === REPOS && Math.max(...results.map((r) => r.redeliveryCalls)) === 0;
    ok &&= held;
    process.stderr.write(`${s.name}: ${JSON.stringify(results)}\n`);
    rows.push([
      s.name,
      Math.min(...ppm),
      median(ppm),
      median(results.map((r) => r.apiCallsPerPush)),
      median(results.map((r) => r.regenerations)),
      `${worst((r) => r.prOnNewest)}/${REPOS}`,
      `${worst((r) => r.onePr)}/${REPOS}`,
      Math.max(...results.map((r) => r.redeliveryCalls)),
      results[0]!.killed,
    ]);
  }
} finally {
  await redis.close();
}
const table: BenchTable = {
  title: `App under load: ${REPOS} repositories x ${PUSHES} pushes (${REPOS * PUSHES} webhooks, 2 bursts, shuffled, 1 in 10 sent twice), ${RUNS} run(s) each`,
  columns: ["setup", "pushes/min (min)", "pushes/min (median)", "API calls/push", "regenerations", "PR on newest commit", "exactly one PR", "API calls on redelivery", "worker killed"],
  rows,
  note: `Guarantees ${ok ? "held in every run" : "FAILED"}: PR on the newest commit and one PR per repository, nothing lost after the kill, no API call when all ${REPOS * PUSHES} webhooks are redelivered. Octokit throttling off (GitHub paces writes itself).`,
};
process.stdout.write(formatTable(table));
process.exitCode = ok ? 0 : 1;
