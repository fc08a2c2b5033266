/**
 * The App's queue, end to end in both modes (jobs in the webhook process; jobs on Redis workers):
 * signed webhooks through the real Probot middleware, the git-backed GitHub emulator, a real
 * redis-server. Each test names the behaviour of the code before the queue that it guards against.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { Writable } from "node:stream";
import { pino } from "pino";
import { startHarness, type Harness, type HarnessOptions, type PushPayload } from "../helpers/app-harness.js";
import { startRedisServer, type RedisServer } from "../helpers/redis-server.js";

// A small repository keeps each job short; the bookshop example runs through the main e2e suite.
const FILES = { "statements/catalog.md": "The catalog SHALL list books by title.\n" };

let h: Harness | undefined;
let redis: RedisServer | undefined;
beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(async () => {
  await redis?.close();
});
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const writes = (hh: Harness) => hh.gh.state.requests.filter((r) => r.method !== "GET" && !r.path.startsWith("/app/"));
const commitsWritten = (hh: Harness, repo = "widgets") => hh.gh.state.requests.filter((r) => r.method === "POST" && r.path === `/repos/acme/${repo}/git/commits`).length;
const marker = (hh: Harness, repo = "widgets") => {
  const body = hh.gh.state.pulls.find((p) => p.repo === `acme/${repo}` && p.head === "penult/contracts")?.body ?? "";
  const m = /<!-- penult:state head=([0-9a-f]{40}) source=([0-9a-f]{40}) -->/.exec(body);
  return m ? { head: m[1], source: m[2] } : undefined;
};

describe.each(["local", "redis"] as const)("App queue, %s mode", (mode) => {
  const start = (o: HarnessOptions = {}) => startHarness({ files: FILES, ...o, queue: mode, ...(mode === "redis" ? { redisUrl: redis!.url } : {}) });

  it("pushes queued for one repository coalesce: one regeneration for the newest, not one per push (before: 5 pushes, 5 regenerations)", async () => {
    h = await start();
    const pushes: PushPayload[] = [];
    for (let i = 0; i < 5; i++) pushes.push(h.commitAndPush({ [`statements/s${i}.md`]: `The catalog SHALL list shelf ${i}.\n` }, `shelf ${i}`));
    // The first job is held at its first call while the other four arrive.
    h.gh.delay(1500, /\/tarball\//);
    await h.deliver("push", pushes[0], { settle: false });
    await new Promise((r) => setTimeout(r, 300));
    h.gh.delay(0, /\/tarball\//);
    for (const p of pushes.slice(1)) await h.deliver("push", p, { settle: false });
    await h.settle();

    expect(commitsWritten(h)).toBeLessThanOrEqual(2);
    expect(h.gh.state.pulls).toHaveLength(1);
    expect(marker(h)?.source).toBe(pushes[4]!.after);
    expect(h.git("rev-parse", "penult/contracts^")).toBe(pushes[4]!.after);
    expect(h.show("penult/contracts", "contracts/model.json")).toMatch(/shelf/i);
  });

  it("pushes delivered out of order: the PR ends on the newest commit; the late older push writes nothing (before: the PR moved back to the older commit)", async () => {
    h = await start();
    const a = h.commitAndPush({ "statements/a.md": "The catalog SHALL list authors.\n" }, "a");
    const b = h.commitAndPush({ "statements/b.md": "The catalog SHALL list publishers.\n" }, "b");
    await h.deliver("push", b);
    const n = writes(h).length;
    const calls = h.gh.apiCalls().length;
    await h.deliver("push", a);
    expect(writes(h).length).toBe(n);
    // Penult knows a is older (b replaced it): no API call at all.
    expect(h.gh.apiCalls().length).toBe(calls);
    expect(marker(h)?.source).toBe(b.after);
    expect(h.git("rev-parse", "penult/contracts^")).toBe(b.after);
  });

  it("after a restart, a push older than what the PR shows is skipped by asking GitHub (before: regenerated from the older commit)", async () => {
    h = await start();
    const a = h.commitAndPush({ "statements/a.md": "The catalog SHALL list authors.\n" }, "a");
    h.commitAndPush({ "statements/b.md": "The catalog SHALL list publishers.\n" }, "b");
    const c = h.commitAndPush({ "statements/c.md": "The catalog SHALL list translators.\n" }, "c");
    await h.deliver("push", c);
    await h.restartApp();
    const n = writes(h).length;
    await h.deliver("push", a);
    expect(writes(h).length).toBe(n);
    expect(marker(h)?.source).toBe(c.after);
    expect(h.git("rev-parse", "penult/contracts^")).toBe(c.after);
    if (mode === "local") expect(h.gh.apiCalls().some((r) => r.path.includes("/compare/"))).toBe(true);
  });

  it("a global limit on concurrent jobs across repositories: with 1, jobs of three repositories never overlap (before: all three at once)", async () => {
    h = await start({ maxConcurrent: 1 });
    const repos = [h as { name: string; commitAndPush: Harness["commitAndPush"] }, h.addRepo("gadgets", { files: FILES }), h.addRepo("gizmos", { files: FILES })];
    h.gh.delay(300, /\/tarball\//);
    const pushes = repos.map((r) => r.commitAndPush({ "statements/x.md": "The catalog SHALL list editors.\n" }, "x"));
    await Promise.all(pushes.map((p) => h!.deliver("push", p, { settle: false })));
    await h.settle();
    const spans = repos
      .map((r) => {
        const mine = h!.gh.state.requests.filter((q) => q.path.startsWith(`/repos/acme/${r.name}/`));
        return { repo: r.name, start: Math.min(...mine.map((q) => q.start)), end: Math.max(...mine.map((q) => q.end)) };
      })
      .sort((x, y) => x.start - y.start);
    expect(h.gh.state.pulls).toHaveLength(3);
    for (let i = 1; i < spans.length; i++) expect(spans[i]!.start).toBeGreaterThanOrEqual(spans[i - 1]!.end);
  });

  it("a 502 between moving the branch and updating the PR: the next push repairs the PR (before: every later push was blocked as 'changed by a person')", async () => {
    h = await start({ attempts: 1 });
    await h.deliver("push", h.commitAndPush({ "statements/a.md": "The catalog SHALL list authors.\n" }, "a"));
    h.gh.fail({ method: "PATCH", path: /\/repos\/acme\/widgets\/pulls\/1$/, status: 502, message: "Bad Gateway" });
    const b = h.commitAndPush({ "statements/b.md": "The catalog SHALL list publishers.\n" }, "b");
    await h.deliver("push", b);
    expect(h.gh.state.checkRuns.find((c) => c.head_sha === b.after)?.output?.title).toBe("penult could not run");
    expect(marker(h)?.head).not.toBe(h.git("rev-parse", "penult/contracts"));

    const c = h.commitAndPush({ "statements/c.md": "The catalog SHALL list translators.\n" }, "c");
    await h.deliver("push", c);
    expect(h.gh.state.issueComments.some((x) => x.body.includes("penult did not update this pull request"))).toBe(false);
    expect(marker(h)).toEqual({ head: h.git("rev-parse", "penult/contracts"), source: c.after });
    expect(h.show("penult/contracts", "contracts/model.json")).toMatch(/translator/i);
  });

  it("a transient failure is retried: a 502 mid-job is repaired by the retry itself; a rate limit waits as long as GitHub's retry-after says", async () => {
    h = await start({ attempts: 3 });
    await h.deliver("push", h.commitAndPush({ "statements/a.md": "The catalog SHALL list authors.\n" }, "a"));
    h.gh.fail({ method: "PATCH", path: /\/repos\/acme\/widgets\/pulls\/1$/, status: 502 });
    const b = h.commitAndPush({ "statements/b.md": "The catalog SHALL list publishers.\n" }, "b");
    await h.deliver("push", b);
    expect(h.gh.state.requests.some((r) => r.method === "PATCH" && r.status === 502)).toBe(true);
    expect(marker(h)).toEqual({ head: h.git("rev-parse", "penult/contracts"), source: b.after });
    expect(h.gh.state.checkRuns.filter((c) => c.head_sha === b.after).map((c) => c.output?.title)).not.toContain("penult could not run");

    h.gh.fail({ method: "GET", path: /\/tarball\//, status: 403, message: "You have exceeded a secondary rate limit", headers: { "retry-after": "1" } });
    const c = h.commitAndPush({ "statements/c.md": "The catalog SHALL list translators.\n" }, "c");
    await h.deliver("push", c);
    const tarballs = h.gh.state.requests.filter((r) => r.path.includes(`/tarball/${c.after}`));
    expect(tarballs.map((r) => r.status === 403)).toEqual([true, false]);
    expect(tarballs[1]!.start - tarballs[0]!.end).toBeGreaterThanOrEqual(1000);
    expect(marker(h)?.source).toBe(c.after);
  });

  it("serves /healthz and Prometheus /metrics (queue depth, job durations, failures); job logs carry delivery id, repository and job id", async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        for (const l of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(l) as Record<string, unknown>);
        done();
      },
    });
    h = await start({ log: pino({ level: "info" }, sink) });
    const health = await fetch(`${h.appUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok", queue: mode });
    await h.deliver("push", h.commitAndPush({ "statements/a.md": "The catalog SHALL list authors.\n" }, "a"), { id: "delivery-metrics" });
    // Jobs are counted where they run: this process, or whichever worker took the job.
    const registries = h.workers.length ? h.workers.map((w) => w.metrics.registry) : [h.queue.metrics.registry];
    const text = (await Promise.all(registries.map((r) => r.metrics()))).join("\n");
    expect(text).toMatch(/penult_jobs_total\{kind="push",outcome="opened"\} 1/);
    expect(text).toMatch(/penult_job_duration_seconds_count\{kind="push"\} 1/);
    const served = await (await fetch(`${h.appUrl}/metrics`)).text();
    expect(served).toMatch(/penult_queue_jobs\{state="waiting"\} 0/);
    expect(served).toMatch(/penult_webhooks_total\{event="push",result="queued"\} 1/);
    const jobLine = lines.find((l) => l.deliveryId === "delivery-metrics" && l.jobId && l.repo === "acme/widgets" && String(l.msg).includes("opened"));
    expect(jobLine).toBeDefined();
  });
});
