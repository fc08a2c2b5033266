/**
 * The GitHub Action's entry against the same git-backed GitHub emulator the App's tests use: the
 * event payload in a file, the step's environment, GITHUB_TOKEN auth, real Octokit over HTTP. The
 * Action runs the App's own jobs; what differs is where it reports (annotations, job summary).
 */
import { afterEach, describe, expect, it } from "@jest/globals";
import { execFile, execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { parse } from "yaml";
import { runAction, type ActionEnv } from "../../app/action/run-action.js";
import { OWNER, pullRequestPayload, REPO, startHarness, type Harness } from "../helpers/app-harness.js";
import { REPO_ROOT, runCli } from "../cli/run-cli.js";
import { partialBomb } from "../helpers/hostile-content.js";

const EXAMPLE = join(REPO_ROOT, "examples", "bookshop");
const CART = "statements/cart.md";

let h: Harness | undefined;
const temps: string[] = [];
afterEach(async () => {
  await h?.close();
  h = undefined;
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true });
});

/** The environment GitHub Actions gives a step, for one event. */
function stepEnv(hh: Harness, event: string, payload: unknown, extra: Record<string, string> = {}): ActionEnv & { GITHUB_STEP_SUMMARY: string } {
  const dir = mkdtempSync(join(tmpdir(), "penult-action-"));
  temps.push(dir);
  writeFileSync(join(dir, "event.json"), JSON.stringify(payload));
  writeFileSync(join(dir, "summary.md"), "");
  return {
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: join(dir, "event.json"),
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_API_URL: hh.gh.url,
    GITHUB_TOKEN: "ghs_workflow_token",
    GITHUB_STEP_SUMMARY: join(dir, "summary.md"),
    ...extra,
  };
}

async function act(env: ActionEnv): Promise<{ code: number; lines: string[]; summary: string }> {
  const lines: string[] = [];
  let summary = "";
  const code = await runAction({ env, out: { line: (t) => lines.push(t), summary: (m) => (summary += m + "\n") } });
  return { code, lines, summary };
}

const readCart = (hh: Harness) => readFileSync(join(hh.work, CART), "utf8");
const git = (cwd: string, ...args: string[]) => execFileSync("git", args, { cwd, encoding: "utf8" }).trim();
const writes = (hh: Harness) => hh.gh.apiCalls().filter((r) => r.method !== "GET").map((r) => `${r.method} ${r.path}`);

/** A person's pull request from `head` in the emulator (as opened on GitHub). */
const openPull = (hh: Harness, head: string) =>
  fetch(`${hh.gh.url}/repos/${OWNER}/${REPO}/pulls`, { method: "POST", headers: { "x-emulator-user": "alice" }, body: JSON.stringify({ title: head, head, base: "main" }) }).then(
    (res) => res.json() as Promise<{ number: number }>,
  );

/** Runs a node script without blocking this process (the emulator answers from here). */
const runNode = (script: string, env: NodeJS.ProcessEnv) =>
  new Promise<{ status: number; stdout: string }>((resolve) => {
    execFile(process.execPath, [script], { env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }, (err, stdout) => resolve({ status: err ? Number(err.code ?? 2) : 0, stdout }));
  });

describe("the penult GitHub Action (app/action) against the GitHub emulator", () => {
  it("push to the default branch: one contracts commit, one labelled PR with the impact report; the check becomes annotations and a job summary", async () => {
    h = await startHarness({ copyDir: EXAMPLE });
    const push = h.commitAndPush({ [CART]: readCart(h) + "\nThe cart SHALL show the total price of its books.\n" }, "cart: show the total");
    const r = await act(stepEnv(h, "push", push));
    expect(r.code).toBe(0);
    expect(h.git("rev-parse", "penult/contracts^")).toBe(push.after);
    expect(h.show("penult/contracts", "contracts/model.json")).toContain("total");
    expect(h.gh.state.pulls).toHaveLength(1);
    const pr = h.gh.state.pulls[0]!;
    expect(pr.head).toBe("penult/contracts");
    expect(pr.labels).toContain("penult");
    expect(pr.body).toContain("Contract impact of statement changes");
    expect(r.lines.some((l) => l.startsWith(`penult: opened: `) && l.includes(`#${pr.number}`))).toBe(true);
    expect(r.summary).toMatch(/^## penult: \d+ statements, \d+ findings/m);
    // The workflow reports in its own channels: no check run through GITHUB_TOKEN.
    expect(h.gh.state.checkRuns).toEqual([]);

    // The same push again (a re-run of the workflow) writes nothing.
    const before = writes(h).length;
    const again = await act(stepEnv(h, "push", push));
    expect(again.code).toBe(0);
    expect(writes(h).length).toBe(before);
    expect(h.gh.state.pulls).toHaveLength(1);
  });

  it("pull request: lint findings become annotations on the statement lines and fail the step; the impact preview is the job summary; nothing is written", async () => {
    h = await startHarness({ copyDir: EXAMPLE });
    const w = h.work;
    git(w, "switch", "-q", "-c", "feature");
    writeFileSync(join(w, CART), readCart(h) + "\nThe cart SHALL be fast and user-friendly.\n");
    // This team makes vague words an error: the step must fail on them.
    writeFileSync(join(w, ".github/penult.yml"), readFileSync(join(w, ".github/penult.yml"), "utf8") + "\nlint:\n  rules:\n    vague-terms: error\n");
    git(w, "commit", "-qam", "vague");
    git(w, "push", "-q", "origin", "feature");
    const headSha = git(w, "rev-parse", "HEAD");
    const pr = await openPull(h, "feature");
    const before = writes(h);
    const line = readCart(h).split("\n").length - 1;

    // Through the built entry, as action.yml runs it: summary file, stdout, exit code.
    const env = stepEnv(h, "pull_request", pullRequestPayload({ number: pr.number, head: "feature", headSha, baseSha: h.git("rev-parse", "main"), user: "alice" }));
    const main = join(REPO_ROOT, "dist", "app", "action", "main.js");
    if (!existsSync(main)) throw new Error("dist/ is missing: run `npm run build` (npm test does it first)");
    const child = await runNode(main, { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env });
    expect(child.status).toBe(1);
    expect(child.stdout).toMatch(new RegExp(`^::error file=statements/cart\\.md,line=${line}(,col=\\d+)?,title=penult LINT_VAGUE_TERMS::`, "m"));
    const summary = readFileSync(env.GITHUB_STEP_SUMMARY, "utf8");
    expect(summary).toContain("What merging this changes in the contracts");
    expect(summary).toMatch(/## penult: \d+ errors?/);
    expect(writes(h)).toEqual(before);
    expect(h.gh.state.issueComments).toEqual([]);
  });

  it("pull request from a fork: checked with the base's templates, with the App's limits (a partial bomb in the fork changes nothing)", async () => {
    h = await startHarness({ copyDir: EXAMPLE });
    const w = h.work;
    git(w, "switch", "-q", "-c", "fork-feature");
    for (const [p, t] of Object.entries({ ...partialBomb("typescript", 10), "typescript/module.ts.mustache": "{{> p0}}" })) {
      mkdirSync(dirname(join(w, ".penult/templates", p)), { recursive: true });
      writeFileSync(join(w, ".penult/templates", p), t);
    }
    writeFileSync(join(w, CART), readCart(h) + "\nThe cart SHALL list new books first.\n");
    git(w, "add", "-A");
    git(w, "commit", "-qm", "fork: templates and a statement");
    git(w, "push", "-q", "origin", "fork-feature");
    const headSha = git(w, "rev-parse", "HEAD");
    const pr = await openPull(h, "fork-feature");
    const payload = pullRequestPayload({ number: pr.number, head: "fork-feature", headSha, baseSha: h.git("rev-parse", "main"), user: "mallory", headRepo: "mallory/widgets" });
    const run = await act(stepEnv(h, "pull_request", payload));
    expect(run.summary).not.toMatch(/partialDepth|PENULT_PARTIAL_DEPTH|could not run/);
    expect(run.summary).toContain("What merging this changes in the contracts");
    expect(run.code).toBe(0);
  });

  it("pull request without findings passes; the contracts PR itself and other branches are left alone", async () => {
    h = await startHarness({ copyDir: EXAMPLE });
    const w = h.work;
    git(w, "switch", "-q", "-c", "clean");
    writeFileSync(join(w, CART), readCart(h) + "\nThe cart SHALL show the number of books in it.\n");
    git(w, "commit", "-qam", "count");
    git(w, "push", "-q", "origin", "clean");
    const headSha = git(w, "rev-parse", "HEAD");
    const pr = await openPull(h, "clean");
    const ok = await act(stepEnv(h, "pull_request", pullRequestPayload({ number: pr.number, head: "clean", headSha, baseSha: h.git("rev-parse", "main"), user: "alice" })));
    expect(ok.lines.filter((l) => l.startsWith("::error"))).toEqual([]);
    expect(ok.code).toBe(0);

    const calls = h.gh.apiCalls().length;
    const own = await act(stepEnv(h, "pull_request", pullRequestPayload({ number: 8, head: "penult/contracts", headSha, baseSha: headSha, user: "alice" })));
    expect(own.code).toBe(0);
    const feature = h.commitAndPush({ [CART]: readCart(h) + "\nThe cart SHALL list its books.\n" }, "on main");
    const other = await act(stepEnv(h, "push", { ...feature, ref: "refs/heads/feature" }));
    expect(other.code).toBe(0);
    expect(other.lines.join("\n")).toContain("not the default branch");
    const unrelated = h.commitAndPush({ "src/app.ts": "export const x = 1;\n" }, "code only");
    expect((await act(stepEnv(h, "push", unrelated))).lines.join("\n")).toContain("touches no statements");
    expect(h.gh.apiCalls().length).toBe(calls);
  });

  it("outside a workflow, or without a token, it says what is missing", async () => {
    const none = await act({});
    expect(none.code).toBe(1);
    expect(none.lines[0]).toMatch(/^::error title=penult ACTION_ENV::GITHUB_REPOSITORY and GITHUB_EVENT_PATH are not set/);
    h = await startHarness({ copyDir: EXAMPLE });
    const { GITHUB_TOKEN: _token, ...env } = stepEnv(h, "push", {});
    const noToken = await act(env);
    expect(noToken.code).toBe(1);
    expect(noToken.lines[0]).toContain("no token");
  });
});

describe("action.yml and `penult init --action`", () => {
  it("action.yml installs penult from the action's checkout and runs the built entry with the token input", () => {
    const action = parse(readFileSync(join(REPO_ROOT, "action.yml"), "utf8")) as {
      inputs: Record<string, { default?: string }>;
      runs: { using: string; steps: { run?: string; uses?: string; env?: Record<string, string> }[] };
    };
    expect(action.runs.using).toBe("composite");
    expect(action.inputs.token?.default).toBe("${{ github.token }}");
    const steps = action.runs.steps;
    expect(steps.some((s) => s.run?.includes("npm ci"))).toBe(true);
    const entry = steps.find((s) => s.run?.includes("dist/app/action/main.js"));
    expect(entry?.env?.GITHUB_TOKEN).toBe("${{ inputs.token }}");
    // The path the step runs is what the build writes.
    expect(existsSync(join(REPO_ROOT, "app", "action", "main.ts"))).toBe(true);
  });

  it("init --action writes a workflow using this action at this version, with the least permissions, on the default branch", async () => {
    const dir = mkdtempSync(join(tmpdir(), "penult-init-action-"));
    temps.push(dir);
    git(dir, "init", "-q", "-b", "trunk");
    const r = await runCli(["init", "--action"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("created .github/workflows/penult.yml");
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as { version: string; repository: { url: string } };
    const slug = /github\.com\/([^/]+\/[^/.]+)/.exec(pkg.repository.url)![1];
    const workflow = parse(readFileSync(join(dir, ".github/workflows/penult.yml"), "utf8")) as {
      on: { push: { branches: string[] }; pull_request: unknown };
      permissions: Record<string, string>;
      jobs: { penult: { steps: { uses: string }[] } };
    };
    expect(workflow.on.push.branches).toEqual(["trunk"]);
    expect("pull_request" in workflow.on).toBe(true);
    expect(workflow.permissions).toEqual({ contents: "write", "pull-requests": "write", issues: "write" });
    expect(workflow.jobs.penult.steps).toEqual([{ uses: `${slug}@v${pkg.version}` }]);
    // Never overwrites.
    const again = await runCli(["init", "--action"], { cwd: dir });
    expect(again.stdout).toContain("exists  .github/workflows/penult.yml (left as it is)");
  });
});
