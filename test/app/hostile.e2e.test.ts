/**
 * Hostile repositories against the real App: signed webhooks through Probot's middleware, the
 * git-backed GitHub emulator, and content an attacker controls (a fork, a template bomb, an
 * archive bomb, a 100,000-character word, `_extends` to another repository, comment floods).
 * Each test states what must hold; none measures time (the isolation bench does).
 *
 * The compile runs in a worker built in dist/ (`npm test` builds first).
 */
import { afterEach, describe, expect, it } from "@jest/globals";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { commentPayload, pullRequestPayload, startHarness, type Harness } from "../helpers/app-harness.js";
import { startFakeOpenAi } from "../helpers/fake-openai.js";
import { partialBomb } from "../helpers/hostile-content.js";

const EXAMPLE = join(process.cwd(), "examples", "bookshop");

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** The bomb of the issue: ten typescript partials, each including the next ten times. */
function templateBomb(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [p, t] of Object.entries({ ...partialBomb("typescript", 10), "typescript/module.ts.mustache": "{{> p0}}" })) files[`.penult/templates/${p}`] = t;
  return files;
}

const sh = (cwd: string, ...args: string[]) => execFileSync("git", args, { cwd, encoding: "utf8" }).trim();
const checkOf = (hh: Harness, sha: string) => hh.gh.state.checkRuns.filter((c) => c.head_sha === sha).at(-1);
const branchExists = (hh: Harness, branch: string) => {
  try {
    hh.git("rev-parse", "--verify", "--quiet", branch);
    return true;
  } catch {
    return false;
  }
};

describe("hostile content in a push", () => {
  it("a template bomb ends in a failed check run naming the limit, and nothing is written", async () => {
    h = await startHarness({ copyDir: EXAMPLE });
    const push = h.commitAndPush({ ...templateBomb(), "statements/extra.md": "The catalog SHALL list new books first.\n" }, "templates");
    await h.deliver("push", push);
    const check = checkOf(h, push.after);
    expect(check).toMatchObject({ conclusion: "failure", output: { title: "penult stopped: a limit was reached" } });
    expect(check?.output?.summary).toMatch(/included more than 8 levels deep \(limit partialDepth: .*PENULT_PARTIAL_DEPTH\)/);
    expect(branchExists(h, "penult/contracts")).toBe(false);
    expect(h.gh.state.pulls).toHaveLength(0);
  });

  it("an archive bomb stops at the inflated-size limit; an oversized statement file at the file-size limit, named", async () => {
    h = await startHarness({ copyDir: EXAMPLE, env: { PENULT_UNPACKED_BYTES: "20000000", PENULT_FILE_BYTES: "100000" } });
    // 64 MB of zeros: git stores (and GitHub serves) it as a few kilobytes.
    writeFileSync(join(h.work, "zeros.bin"), Buffer.alloc(64 * 1024 * 1024));
    const bomb = h.commitAndPush({ "statements/extra.md": "The catalog SHALL list new books first.\n" }, "assets");
    await h.deliver("push", bomb);
    expect(checkOf(h, bomb.after)?.output?.summary).toMatch(/inflates to more than 20000000 bytes \(limit unpackedBytes: .*PENULT_UNPACKED_BYTES\)/);

    const big = h.commitAndPush({ "zeros.bin": null, "statements/big.md": "The catalog SHALL list books.\n".repeat(5_000) }, "a big statements file");
    await h.deliver("push", big);
    expect(checkOf(h, big.after)?.output?.summary).toMatch(/statements\/big\.md is 150000 bytes, more than 100000 \(limit fileBytes/);
    expect(branchExists(h, "penult/contracts")).toBe(false);
  });

  it("a 100,000-character word is cut before the tagger: the job completes with names of ordinary length", async () => {
    h = await startHarness({ copyDir: EXAMPLE });
    const push = h.commitAndPush({ "statements/long.md": `The cart SHALL store ${"q".repeat(100_000)} items.\n` }, "a long word");
    await h.deliver("push", push);
    expect(checkOf(h, push.after)?.output?.title).not.toMatch(/penult (stopped|could not run)/);
    const model = h.show("penult/contracts", "contracts/model.json") ?? "";
    const names: number[] = [];
    JSON.parse(model, (k, v) => (k === "name" && typeof v === "string" && names.push(v.length), v));
    expect(names.length).toBeGreaterThan(10);
    expect(Math.max(...names)).toBeLessThan(1_000);
  });

  it("reads `.github/penult.yaml` as the CLI does", async () => {
    h = await startHarness({ copyDir: EXAMPLE });
    const yml = readFileSync(join(h.work, ".github/penult.yml"), "utf8");
    const push = h.commitAndPush({ ".github/penult.yml": null, ".github/penult.yaml": `${yml}\noutput: generated\ntargets: [typescript]\n` }, "yaml spelling");
    await h.deliver("push", push);
    expect(h.show("penult/contracts", "generated/model.json")).toContain('"version"');
    expect(h.show("penult/contracts", "contracts/model.json")).toBeUndefined();
  });
});

describe("a pull request from a fork", () => {
  it("is checked without rendering the fork's templates (a partial bomb there changes nothing)", async () => {
    h = await startHarness({ copyDir: EXAMPLE });
    h.commitAndPush({}, "base");
    const w = h.work;
    sh(w, "switch", "-q", "-c", "fork-feature");
    for (const [p, t] of Object.entries(templateBomb())) writeAt(w, p, t);
    writeAt(w, "statements/extra.md", "The catalog SHALL list new books first.\n");
    sh(w, "add", "-A");
    sh(w, "commit", "-qm", "fork: templates and a statement");
    sh(w, "push", "-q", "origin", "fork-feature");
    const headSha = sh(w, "rev-parse", "HEAD");
    sh(w, "switch", "-q", "main");
    const pr = await fetch(`${h.gh.url}/repos/acme/widgets/pulls`, { method: "POST", headers: { "x-emulator-user": "mallory" }, body: JSON.stringify({ title: "from a fork", head: "fork-feature", base: "main" }) }).then(
      (r) => r.json() as Promise<{ number: number }>,
    );
    await h.deliver("pull_request", pullRequestPayload({ number: pr.number, head: "fork-feature", headSha, baseSha: h.git("rev-parse", "main"), user: "mallory", headRepo: "mallory/widgets" }));
    const check = checkOf(h, headSha);
    expect(check?.output?.title).toMatch(/statements checked|error/);
    expect(h.gh.state.issueComments.some((c) => c.issue === pr.number && c.body.includes("What merging this changes in the contracts"))).toBe(true);
  });
});

describe("config from elsewhere", () => {
  const leaky = "targets: ['ghp_SECRETTOKEN0123456789']\nghp_secretkey_name: 1\n";

  it("`_extends` to another repository of the installation is refused, and that repository is never read", async () => {
    h = await startHarness({ copyDir: EXAMPLE });
    h.addRepo("secrets", { files: { ".github/penult.yml": leaky } });
    const push = h.commitAndPush({ ".github/penult.yml": "_extends: secrets\n" }, "extend");
    await h.deliver("push", push);
    const check = checkOf(h, push.after);
    expect(check?.conclusion).toBe("failure");
    expect(JSON.stringify(check)).toMatch(/_extends may only name this owner's shared settings/);
    expect(JSON.stringify(h.gh.state)).not.toMatch(/ghp_/i);
    expect(h.gh.state.requests.some((r) => r.path.includes("/repos/acme/secrets"))).toBe(false);
  });

  it("`_extends: .github` merges the owner's shared settings; an invalid shared file is counted, never quoted", async () => {
    h = await startHarness({ copyDir: EXAMPLE });
    const shared = h.addRepo(".github", { files: { ".github/penult.yml": "targets: [typescript, go]\noutput: generated\n" } });
    const yml = readFileSync(join(h.work, ".github/penult.yml"), "utf8");
    const push = h.commitAndPush({ ".github/penult.yml": `_extends: .github\n${yml}` }, "extend the shared settings");
    await h.deliver("push", push);
    const files = h.git("ls-tree", "-r", "--name-only", "penult/contracts", "generated").split("\n");
    expect(files.some((f) => f.startsWith("generated/typescript/"))).toBe(true);
    expect(files.some((f) => f.startsWith("generated/go/"))).toBe(true);
    expect(files.some((f) => f.startsWith("generated/java/"))).toBe(false);

    shared.commitAndPush({ ".github/penult.yml": leaky }, "break the shared settings");
    const again = h.commitAndPush({ "statements/extra.md": "The catalog SHALL list new books first.\n" }, "one more");
    await h.deliver("push", again);
    const check = checkOf(h, again.after);
    expect(JSON.stringify(check)).toMatch(/shared settings in acme\/\.github \(\.github\/penult\.yml\) are invalid \(2 problems\)/);
    expect(JSON.stringify(h.gh.state.checkRuns)).not.toMatch(/ghp_/i);
  });
});

describe("commands and failures", () => {
  it("a command inside an HTML comment does nothing", async () => {
    h = await startHarness({ copyDir: EXAMPLE });
    h.commitAndPush({}, "noop");
    const n = h.gh.state.requests.length;
    await h.deliver("issue_comment", commentPayload({ body: "Thanks!\n<!--\n/penult regenerate --force\n-->", user: "alice", number: 3 }));
    expect(h.gh.state.requests.length).toBe(n);
    expect(h.gh.state.issueComments).toHaveLength(0);
  });

  it("thirty commands from one person get at most five answers", async () => {
    h = await startHarness({ copyDir: EXAMPLE });
    h.commitAndPush({}, "noop");
    for (let i = 0; i < 30; i++) await h.deliver("issue_comment", commentPayload({ body: "/implement Cart", user: "mallory", number: 3 }));
    expect(h.gh.state.issueComments.length).toBeLessThanOrEqual(5);
    expect(h.gh.state.issueComments.length).toBeGreaterThan(0);
  });

  it("`--force` never resets a branch outside penult/ (`branch: release`)", async () => {
    h = await startHarness({ copyDir: EXAMPLE });
    const yml = readFileSync(join(h.work, ".github/penult.yml"), "utf8");
    h.commitAndPush({ ".github/penult.yml": `${yml}\nbranch: release\n` }, "contracts on release");
    sh(h.work, "push", "-q", "origin", "main:release");
    const release = h.git("rev-parse", "release");
    await h.deliver("issue_comment", commentPayload({ body: "/penult regenerate --force", user: "alice", number: 3 }));
    expect(h.git("rev-parse", "release")).toBe(release);
    expect(h.gh.state.issueComments.at(-1)?.body).toMatch(/only resets branches under penult\//);
  });

  it("a failure check run says only that it failed, with the delivery id; no server path or message", async () => {
    h = await startHarness({ copyDir: EXAMPLE });
    const push = h.commitAndPush({ "statements/extra.md": "The catalog SHALL list new books first.\n" }, "x");
    // A commit GitHub cannot serve: the archive request fails inside the job.
    const missing = { ...push, after: "f".repeat(40), head_commit: { ...(push.head_commit as object), id: "f".repeat(40) } };
    await h.deliver("push", missing, { id: "delivery-42" });
    const check = checkOf(h, "f".repeat(40));
    expect(check?.output?.title).toBe("penult could not run");
    expect(check?.output?.summary).toContain("delivery `delivery-42`");
    expect(check?.output?.summary).not.toMatch(/\/app\/|\/lib\/|\.ts:|127\.0\.0\.1|Not Found|at /);
  });
});

describe("LLM budgets set by the operator", () => {
  const empty = { actors: [], subject: null, actions: [], entities: [], fields: [], events: [], errors: [], constraints: [], functional: true, qualities: [] };

  it("a repository asking for 32 parallel requests and 10 retries gets the operator's per-job and per-day budget", async () => {
    const fake = await startFakeOpenAi(() => ({ answer: empty }));
    try {
      h = await startHarness({
        copyDir: EXAMPLE,
        env: { OPENAI_BASE_URL: fake.baseURL, OPENAI_API_KEY: "test", PENULT_LLM_REQUESTS_PER_JOB: "5", PENULT_LLM_REQUESTS_PER_DAY: "8" },
      });
      const config = readFileSync(join(h.work, ".github/penult.yml"), "utf8") + "\nllm:\n  model: test-model\n  concurrency: 32\n  maxRetries: 10\n";
      await h.deliver("push", h.commitAndPush({ ".github/penult.yml": config }, "turn on the LLM engine"));
      expect(fake.requests.length).toBe(5);
      expect(h.gh.state.pulls[0]!.body).toMatch(/`test-model`: 5 requests/);
      expect(h.gh.state.pulls[0]!.body).toContain("the LLM budget of 5 requests per job is spent");
      await h.deliver("push", h.commitAndPush({ "statements/extra.md": "The catalog SHALL list new books first.\n" }, "one more"));
      // Five more would pass the job's budget but not the installation's day: three are left.
      expect(fake.requests.length).toBe(8);
    } finally {
      await fake.close();
    }
  });

  it("a model the operator does not allow is not asked at all", async () => {
    const fake = await startFakeOpenAi(() => ({ answer: empty }));
    try {
      h = await startHarness({ copyDir: EXAMPLE, env: { OPENAI_BASE_URL: fake.baseURL, OPENAI_API_KEY: "test", PENULT_LLM_MODELS: "small-model" } });
      const config = readFileSync(join(h.work, ".github/penult.yml"), "utf8") + "\nllm:\n  model: huge-model\n";
      const push = h.commitAndPush({ ".github/penult.yml": config }, "turn on the LLM engine");
      await h.deliver("push", push);
      expect(fake.requests).toHaveLength(0);
      expect(checkOf(h, push.after)?.output?.summary).toContain('the LLM model "huge-model" is not one this App\'s operator allows');
    } finally {
      await fake.close();
    }
  });
});

function writeAt(root: string, path: string, content: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}
