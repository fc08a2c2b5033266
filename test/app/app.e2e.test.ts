import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { commentPayload, pullRequestPayload, startHarness, type Harness, type HarnessOptions } from "../helpers/app-harness.js";
import { startFakeOpenAi } from "../helpers/fake-openai.js";
import { startRedisServer, type RedisServer } from "../helpers/redis-server.js";

const EXAMPLE = join(process.cwd(), "examples", "bookshop");
const CART = "statements/cart.md";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

// Both queue modes run the same suite: jobs in the webhook process, and jobs on two Redis workers.
let redis: RedisServer | undefined;
beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(async () => {
  await redis?.close();
});

const calls = (hh: Harness) => hh.gh.apiCalls().map((r) => `${r.method} ${r.path.replace(/\/repos\/acme\/widgets/, "")}`);

describe.each(["local", "redis"] as const)("GitHub App end to end, %s queue (real Probot, signed webhooks, git-backed GitHub emulator)", (mode) => {
  const startHarness = (o: HarnessOptions = {}) => startHarnessIn(mode, o);

  it("first push: one commit on penult/contracts, one PR with the impact report, file comments, a check run, a label", async () => {
    h = await startHarness({ copyDir: EXAMPLE });
    const push = h.commitAndPush({ "statements/cart.md": readCart(h) + "\nThe cart SHALL show the total price of its books.\n" }, "cart: show the total");
    expect(await h.deliver("push", push)).toBe(200);

    const head = h.git("rev-parse", "penult/contracts");
    expect(h.git("rev-parse", "penult/contracts^")).toBe(push.after);
    expect(h.show("penult/contracts", "contracts/model.json")).toContain('"version"');
    expect(h.show("penult/contracts", "contracts/typescript/index.ts") ?? h.git("ls-tree", "-r", "--name-only", "penult/contracts", "contracts/typescript")).toBeTruthy();
    expect(h.git("log", "-1", "--format=%B", "penult/contracts")).toContain(`Penult-Source: ${push.after}`);

    const pulls = h.gh.state.pulls;
    expect(pulls).toHaveLength(1);
    expect(pulls[0]).toMatchObject({ head: "penult/contracts", base: "main", state: "open", labels: ["penult"] });
    expect(pulls[0]!.body).toContain(`<!-- penult:state head=${head} source=${push.after} -->`);
    expect(pulls[0]!.title).toMatch(/^penult: contracts for \d+ changed statements?/);
    expect(h.gh.state.reviewComments.length).toBeGreaterThan(0);
    for (const c of h.gh.state.reviewComments) expect(c.path.startsWith("contracts/")).toBe(true);
    // The body is short and shaped for review; the full report is a file of the commit, one click away.
    expect(pulls[0]!.body.length).toBeLessThan(12_000);
    expect(pulls[0]!.body).toContain(`[The full report](${h.gh.url}/acme/widgets/blob/${head}/contracts/IMPACT.md)`);
    expect(h.show("penult/contracts", "contracts/IMPACT.md")).toContain("### Why each contract changed");
    expect(h.gh.state.reviews[0]!.body).toMatch(/^\*\*These statements\*\* \([0-9a-f]{7}\): /);
    const check = h.gh.state.checkRuns.find((c) => c.head_sha === push.after);
    expect(check).toMatchObject({ name: "penult", status: "completed" });
    expect(h.gh.state.unknownRoutes).toEqual([]);
    // Every call is accounted for: archive, PR lookup, tree, commit, ref, PR, label, review, check run.
    expect(calls(h)).toEqual([
      `GET /tarball/${push.after}`,
      "GET /pulls",
      "POST /git/trees",
      "POST /git/commits",
      "POST /git/refs",
      "POST /pulls",
      "POST /issues/1/labels",
      "POST /pulls/1/reviews",
      "POST /check-runs",
    ]);
  });

  it("an edited statement updates the same PR: the body adds what this push changed (old -> new), the review names it; 9 API calls", async () => {
    h = await startHarness({ copyDir: EXAMPLE });
    await h.deliver("push", h.commitAndPush({ "statements/extra.md": "The cart SHALL show the total price of its books.\n" }, "add total"));
    const first = h.git("rev-parse", "penult/contracts");
    const before = h.gh.state.requests.length;
    const edited = readCart(h).replace("refuse to add another copy", "refuse to add another copy and suggest a bulk order");
    const push = h.commitAndPush({ [CART]: edited }, "cart: suggest bulk orders");
    expect(await h.deliver("push", push)).toBe(200);

    expect(h.gh.state.pulls).toHaveLength(1);
    const body = h.gh.state.pulls[0]!.body;
    // The cumulative view stays (both statements), and this push's own section names only its edit.
    const thisPush = body.slice(body.indexOf("### This push"), body.indexOf("### What breaks"));
    expect(thisPush).toMatch(/^### This push: [0-9a-f]{7} \(the previous push\) → [0-9a-f]{7}/);
    expect(thisPush).toMatch(/\*\*[^*]*suggest a bulk order[^*]*\*\*/);
    expect(thisPush).not.toContain("show the total price");
    // (Against the default branch, which has no contracts yet, every statement of the PR is new.)
    expect(body).toMatch(/### Statements in this pull request\n\n\| Statement \| Old → new \| Elements changed \|/);
    const review = h.gh.state.reviews.at(-1)!;
    expect(review.body).toMatch(/^\*\*This push\*\* \([0-9a-f]{7}\): 1 statement changed \(1 edited\)/);
    expect(review.body).toMatch(/\*\*[^*]*suggest a bulk order[^*]*\*\*/);
    expect(h.git("rev-parse", "penult/contracts^")).toBe(push.after);
    expect(h.git("rev-parse", "penult/contracts")).not.toBe(first);
    // Archive, PR lookup, the open PR's model (what the previous push made), tree, commit, ref, PR, review, check run.
    const apiCalls = h.gh.state.requests.slice(before).filter((r) => !r.path.startsWith("/app/") && !r.path.startsWith("/_codeload/"));
    expect(apiCalls.map((r) => `${r.method} ${r.path.replace(/\/repos\/acme\/widgets/, "").replace(/\/[0-9a-f]{40}$/, "/<sha>")}`)).toEqual([
      "GET /tarball/<sha>",
      "GET /pulls",
      "GET /contents/contracts/model.json",
      "POST /git/trees",
      "POST /git/commits",
      "PATCH /git/refs/heads/penult/contracts",
      "PATCH /pulls/1",
      "POST /pulls/1/reviews",
      "POST /check-runs",
    ]);
  });

  it("statement text reaches GitHub inert: @mentions do not notify, HTML and table syntax stay text", async () => {
    h = await startHarness({ copyDir: EXAMPLE });
    const push = h.commitAndPush({ "statements/extra.md": "WHEN a customer cancels an order, THE Order service SHALL notify @security-team and log <script>x</script> | done.\n" }, "mention");
    expect(await h.deliver("push", push)).toBe(200);
    const texts = [h.gh.state.pulls[0]!.body, ...h.gh.state.reviews.map((r) => r.body), ...h.gh.state.reviewComments.map((c) => c.body)];
    expect(texts.join("\n")).toContain("@&#8203;security-team");
    for (const t of texts) {
      expect(t).not.toMatch(/(^|[^\w&;])@security-team/);
      expect(t).not.toContain("<script>");
    }
  });

  it("findings past 50 cost no extra call: the most important are annotated, the rest counted", async () => {
    const files: Record<string, string> = {};
    files["statements/vague.md"] = Array.from({ length: 60 }, (_, i) => `- The page ${i} SHALL be fast and user-friendly.`).join("\n") + "\n";
    h = await startHarness({ files });
    const push = h.commitAndPush({ "statements/vague.md": files["statements/vague.md"] + "- The page 60 SHALL be fast and user-friendly.\n" }, "more pages");
    expect([200, 202]).toContain(await h.deliver("push", push));
    const run = h.gh.state.checkRuns.find((c) => c.head_sha === push.after)!;
    expect(run.annotations).toHaveLength(50);
    expect(run.output?.summary).toMatch(/\d+ more findings are not annotated here \(the 50 most important are\)/);
    expect(h.gh.apiCalls().filter((r) => r.method === "PATCH" && r.path.includes("/check-runs/"))).toEqual([]);
  });

  it("removed statements disappear from the contracts and the report says so", async () => {
    h = await startHarness({ copyDir: EXAMPLE });
    await h.deliver("push", h.commitAndPush({ "statements/extra.md": "WHEN a customer rates a book, THE Catalog SHALL store the rating.\n" }, "ratings"));
    expect(h.show("penult/contracts", "contracts/model.json")).toMatch(/rating/i);
    const push = h.commitAndPush({ "statements/extra.md": null }, "drop ratings");
    await h.deliver("push", push);
    expect(h.show("penult/contracts", "contracts/model.json")).not.toMatch(/rating/i);
  });

  it("a push that changes nothing relevant writes nothing; a redelivery does nothing twice", async () => {
    h = await startHarness({ copyDir: EXAMPLE });
    const push = h.commitAndPush({ "statements/extra.md": "The catalog SHALL list new books first.\n" }, "new books first");
    expect(await h.deliver("push", push, { id: "delivery-1" })).toBe(200);
    const head = h.git("rev-parse", "penult/contracts");
    const n = h.gh.state.requests.length;
    expect(await h.deliver("push", push, { id: "delivery-1" })).toBe(200);
    expect(h.gh.state.requests.length).toBe(n);
    // The same commit under a new delivery id finds its own state in the PR and writes nothing.
    expect(await h.deliver("push", push, { id: "delivery-2" })).toBe(200);
    expect(h.git("rev-parse", "penult/contracts")).toBe(head);
    expect(h.gh.state.requests.slice(n).filter((r) => r.method !== "GET" && !r.path.startsWith("/app/"))).toEqual([]);
    // A push touching only code files is skipped before any API call.
    const m = h.gh.state.requests.length;
    expect(await h.deliver("push", h.commitAndPush({ "src/index.ts": "export {};\n" }, "code only"))).toBe(200);
    expect(h.gh.state.requests.length).toBe(m);
  });

  it("two pushes at once: work is serialised, one PR, the branch ends at the later commit", async () => {
    h = await startHarness({ copyDir: EXAMPLE });
    const a = h.commitAndPush({ "statements/a.md": "The catalog SHALL list authors.\n" }, "a");
    const b = h.commitAndPush({ "statements/b.md": "The catalog SHALL list publishers.\n" }, "b");
    const statuses = await Promise.all([h.deliver("push", a), h.deliver("push", b)]);
    // Probot answers 202 when a handler runs long (a loaded machine); the harness waits for the queue either way.
    for (const s of statuses) expect([200, 202]).toContain(s);
    expect(h.gh.state.pulls).toHaveLength(1);
    expect(h.git("rev-parse", "penult/contracts^")).toBe(b.after);
    expect(h.show("penult/contracts", "contracts/model.json")).toMatch(/publisher/i);
  });

  it("a bad signature is rejected and nothing is written", async () => {
    h = await startHarness({ copyDir: EXAMPLE });
    const push = h.commitAndPush({ "statements/a.md": "The catalog SHALL list authors.\n" }, "a");
    expect(await h.deliver("push", push, { signature: "sha256=" + "0".repeat(64) })).toBe(400);
    expect(h.gh.state.requests).toEqual([]);
    expect(() => h!.git("rev-parse", "--verify", "penult/contracts")).toThrow();
  });

  it("a person's commit on the bot branch is never clobbered: penult comments instead", async () => {
    h = await startHarness({ copyDir: EXAMPLE });
    await h.deliver("push", h.commitAndPush({ "statements/a.md": "The catalog SHALL list authors.\n" }, "a"));
    // Bob pushes to penult/contracts by hand.
    const w = h.work;
    const sh = (...args: string[]) => require_git(w, args);
    sh("fetch", "-q", "origin", "penult/contracts");
    sh("switch", "-q", "-c", "bob", "FETCH_HEAD");
    sh("-c", "user.name=Bob", "-c", "user.email=bob@example.test", "commit", "-q", "--allow-empty", "-m", "bob: note");
    sh("push", "-q", "origin", "bob:penult/contracts");
    sh("switch", "-q", "main");
    const bobHead = h.git("rev-parse", "penult/contracts");
    await h.deliver("push", h.commitAndPush({ "statements/b.md": "The catalog SHALL list publishers.\n" }, "b"));
    expect(h.git("rev-parse", "penult/contracts")).toBe(bobHead);
    const comment = h.gh.state.issueComments.find((c) => c.body.includes("penult did not update this pull request"));
    expect(comment).toBeDefined();
    // A writer can ask for it explicitly.
    await h.deliver("issue_comment", commentPayload({ body: "/penult regenerate --force", user: "alice", number: 1, pullRequest: true }));
    expect(h.git("rev-parse", "penult/contracts")).not.toBe(bobHead);
    expect(h.show("penult/contracts", "contracts/model.json")).toMatch(/publisher/i);
  });

  it("/implement by a read-only user is refused politely and writes nothing; by a writer it opens a follow-up PR", async () => {
    h = await startHarness({ copyDir: EXAMPLE });
    await h.deliver("push", h.commitAndPush({ "statements/a.md": "The catalog SHALL list authors.\n" }, "a"));
    const refs = h.git("for-each-ref", "--format=%(refname)");
    await h.deliver("issue_comment", commentPayload({ body: "/implement Cart --lang ts", user: "mallory", number: 1, pullRequest: true }));
    expect(h.git("for-each-ref", "--format=%(refname)")).toBe(refs);
    expect(h.gh.state.issueComments.at(-1)?.body).toMatch(/Sorry @mallory.*write access/);
    // Bots get no answer at all.
    const n = h.gh.state.issueComments.length;
    await h.deliver("issue_comment", commentPayload({ body: "/implement Cart", user: "penult[bot]", userType: "Bot", number: 1, pullRequest: true }));
    expect(h.gh.state.issueComments.length).toBe(n);

    await h.deliver("issue_comment", commentPayload({ body: "please\n/implement CartApi --lang ts", user: "alice", number: 7 }));
    const answer = h.gh.state.issueComments.at(-1)?.body ?? "";
    expect(answer).toMatch(/Opened #2 with the `CartApi` scaffold \(ts\)/);
    const pr = h.gh.state.pulls.find((p) => p.number === 2)!;
    expect(pr.head).toBe("penult/implement/cart-api-ts");
    const files = h.git("diff", "--name-only", "main", "penult/implement/cart-api-ts").split("\n");
    expect(files.some((f) => f.startsWith("src/"))).toBe(true);
    expect(files.some((f) => f.startsWith("test/"))).toBe(true);
    expect(files.some((f) => f.startsWith("contracts/"))).toBe(false);
  });

  it("/penult explain lists the statements an element comes from", async () => {
    h = await startHarness({ copyDir: EXAMPLE });
    h.commitAndPush({}, "noop");
    await h.deliver("issue_comment", commentPayload({ body: "/penult explain Cart", user: "alice", number: 3 }));
    const answer = h.gh.state.issueComments.at(-1)?.body ?? "";
    expect(answer).toMatch(/comes from \d+ statements?/);
    expect(answer).toContain("statements/cart.md");
  });

  it("a person's PR: statement lint and hand edits of contracts become the check run; statement edits get an impact preview", async () => {
    h = await startHarness({ copyDir: EXAMPLE });
    const w = h.work;
    const sh = (...args: string[]) => require_git(w, args);
    sh("switch", "-q", "-c", "feature");
    writeFileSync(join(w, "statements/cart.md"), readCart(h) + "\nThe cart SHALL be fast and user-friendly.\n");
    sh("commit", "-qam", "vague");
    sh("push", "-q", "origin", "feature");
    const headSha = sh("rev-parse", "HEAD");
    // The emulator's PR: opened by a person.
    const pr = await fetch(`${h.gh.url}/repos/acme/widgets/pulls`, { method: "POST", headers: { "x-emulator-user": "alice" }, body: JSON.stringify({ title: "vague", head: "feature", base: "main" }) }).then((r) => r.json() as Promise<{ number: number }>);
    await h.deliver("pull_request", pullRequestPayload({ number: pr.number, head: "feature", headSha, baseSha: h.git("rev-parse", "main"), user: "alice" }));
    const check = h.gh.state.checkRuns.find((c) => c.head_sha === headSha);
    expect(check).toBeDefined();
    expect(JSON.stringify(check!.annotations)).toMatch(/LINT_VAGUE_TERMS/);
    expect(h.gh.state.issueComments.some((c) => c.issue === pr.number && c.body.includes("What merging this changes in the contracts"))).toBe(true);
  });

  it("with llm: configured, the PR body reports requests, tokens and cache hits; only changed statements cost a request", async () => {
    const empty = { actors: [], subject: null, actions: [], entities: [], fields: [], events: [], errors: [], constraints: [], functional: true, qualities: [] };
    const fake = await startFakeOpenAi(() => ({ answer: empty }));
    const saved = { url: process.env.OPENAI_BASE_URL, key: process.env.OPENAI_API_KEY };
    process.env.OPENAI_BASE_URL = fake.baseURL;
    process.env.OPENAI_API_KEY = "test";
    try {
      h = await startHarness({ copyDir: EXAMPLE });
      const config = readFileSync(join(h.work, ".github/penult.yml"), "utf8") + "\nllm:\n  model: test-model\n  maxRetries: 0\n";
      await h.deliver("push", h.commitAndPush({ ".github/penult.yml": config }, "turn on the LLM engine"));
      const asked = fake.requests.length;
      expect(asked).toBeGreaterThan(10);
      expect(h.gh.state.pulls[0]!.body).toMatch(new RegExp(`### LLM engine[\\s\\S]*\`test-model\`: ${asked} requests \\(${asked * 120} tokens`));
      expect(h.show("penult/contracts", "contracts/.penult-cache/llm.jsonl")?.split("\n").filter(Boolean).length).toBe(asked);
      // The next push (PR not merged yet) reuses the answers on the contracts branch.
      await h.deliver("push", h.commitAndPush({ "statements/extra.md": "The catalog SHALL list new books first.\n" }, "one more"));
      expect(fake.requests.length).toBe(asked + 1);
      expect(h.gh.state.pulls[0]!.body).toMatch(/1 request \(120 tokens[^)]*\), \d+ cache hits/);
    } finally {
      process.env.OPENAI_BASE_URL = saved.url;
      process.env.OPENAI_API_KEY = saved.key;
      if (saved.url === undefined) delete process.env.OPENAI_BASE_URL;
      if (saved.key === undefined) delete process.env.OPENAI_API_KEY;
      await fake.close();
    }
  });

  it("a repository without statements gets a check run and no PR", async () => {
    h = await startHarness({ files: { "docs/readme.md": "# nothing here\n" } });
    const push = h.commitAndPush({ "docs/more.md": "More docs.\n" }, "docs");
    expect(await h.deliver("push", push)).toBe(200);
    expect(h.gh.state.pulls).toHaveLength(0);
    expect(h.gh.state.checkRuns.some((c) => c.head_sha === push.after)).toBe(true);
  });

  it("a push with 1,000 statement files costs the same number of API calls", async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 1000; i++) files[`statements/area-${i % 10}/s-${i}.md`] = `The catalog SHALL keep shelf ${i} sorted by title.\n`;
    h = await startHarness({ files });
    const push = h.commitAndPush({ "statements/area-0/s-0.md": "The catalog SHALL keep shelf zero sorted by author.\n" }, "edit one");
    // The webhook only queues the job (GitHub gets its answer at once); deliver waits for the work.
    expect(await h.deliver("push", push)).toBe(200);
    const run = h.gh.state.checkRuns.find((c) => c.head_sha === push.after);
    expect(run?.output?.title === "penult could not run" ? `${run.output.summary}\n${JSON.stringify(h.gh.state.requests)}` : "ok").toBe("ok");
    expect(h.gh.state.pulls).toHaveLength(1);
    // The report of 1,000 new statements is cut to GitHub's body limit, keeping penult's state marker.
    expect(h.gh.state.pulls[0]!.body.length).toBeLessThanOrEqual(65_536);
    expect(h.gh.state.pulls[0]!.body).toMatch(/<!-- penult:state head=[0-9a-f]{40} source=[0-9a-f]{40} -->\n$/);
    expect(h.gh.apiCalls().length).toBeLessThanOrEqual(9);
    // Readable: summarised by importance, far below the limit, never cut at a line.
    expect(h.gh.state.pulls[0]!.body.length).toBeLessThan(20_000);
    expect(h.gh.state.pulls[0]!.body).not.toContain("(cut here");
  });
});

function startHarnessIn(mode: "local" | "redis", o: HarnessOptions): Promise<Harness> {
  return startHarness({ ...o, queue: mode, ...(mode === "redis" ? { redisUrl: redis!.url } : {}) });
}

function readCart(hh: Harness): string {
  return readFileSync(join(hh.work, CART), "utf8");
}

function require_git(cwd: string, args: string[]): string {
  return execFileSync("git", args, { cwd, encoding: "utf8" }).trim();
}
