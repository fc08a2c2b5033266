import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Octokit } from "@octokit/rest";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startGitHubEmulator, type GitHubEmulator } from "../helpers/github-emulator.js";

const git = (cwd: string, ...args: string[]) => execFileSync("git", args, { cwd, encoding: "utf8" }).trim();

describe("GitHub emulator (the test double the app's end-to-end tests stand on)", () => {
  let gh: GitHubEmulator;
  let tmp: string;
  let bare: string;
  let octokit: Octokit;

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), "penult-emu-"));
    bare = join(tmp, "widgets.git");
    git(tmp, "init", "-q", "--bare", "-b", "main", bare);
    const work = join(tmp, "work");
    git(tmp, "clone", "-q", bare, work);
    mkdirSync(join(work, "statements"));
    writeFileSync(join(work, "statements", "cart.md"), "THE Cart SHALL keep items.\n");
    git(work, "add", ".");
    git(work, "-c", "user.name=Alice", "-c", "user.email=a@x", "commit", "-qm", "first");
    git(work, "push", "-q", "origin", "main");
    gh = await startGitHubEmulator({ permissions: { alice: "write", mallory: "read" } });
    gh.addRepo({ owner: "acme", name: "widgets", dir: bare, defaultBranch: "main" });
    const quiet = () => undefined;
    octokit = new Octokit({ baseUrl: gh.url, auth: "x", log: { debug: quiet, info: quiet, warn: quiet, error: quiet } });
  });
  afterAll(async () => {
    await gh.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it("writes one commit with trees, commits and refs, and serves it back", async () => {
    const o = { owner: "acme", repo: "widgets" };
    const { data: ref } = await octokit.rest.git.getRef({ ...o, ref: "heads/main" });
    const { data: base } = await octokit.rest.git.getCommit({ ...o, commit_sha: ref.object.sha });
    const { data: tree } = await octokit.rest.git.createTree({
      ...o,
      base_tree: base.tree.sha,
      tree: [{ path: "contracts/model.json", mode: "100644", type: "blob", content: "{}\n" }],
    });
    const { data: commit } = await octokit.rest.git.createCommit({ ...o, message: "gen", tree: tree.sha, parents: [ref.object.sha] });
    await octokit.rest.git.createRef({ ...o, ref: "refs/heads/penult/contracts", sha: commit.sha });
    await expect(octokit.rest.git.createRef({ ...o, ref: "refs/heads/penult/contracts", sha: commit.sha })).rejects.toMatchObject({ status: 422 });
    expect(git(bare, "show", "penult/contracts:contracts/model.json")).toBe("{}");
    const { data: listing } = await octokit.rest.git.getTree({ ...o, tree_sha: commit.sha, recursive: "1" });
    expect(listing.tree.map((e) => e.path)).toEqual(["contracts", "contracts/model.json", "statements", "statements/cart.md"]);
    // A non-fast-forward update is refused unless forced.
    const { data: other } = await octokit.rest.git.createCommit({ ...o, message: "other", tree: tree.sha, parents: [] });
    await expect(octokit.rest.git.updateRef({ ...o, ref: "heads/penult/contracts", sha: other.sha })).rejects.toMatchObject({ status: 422 });
    await octokit.rest.git.updateRef({ ...o, ref: "heads/penult/contracts", sha: other.sha, force: true });
    expect(git(bare, "rev-parse", "penult/contracts")).toBe(other.sha);
  });

  it("keeps pull requests, comments and check runs, and answers permission queries", async () => {
    const o = { owner: "acme", repo: "widgets" };
    const { data: pr } = await octokit.rest.pulls.create({ ...o, title: "t", head: "penult/contracts", base: "main", body: "b" });
    const { data: found } = await octokit.rest.pulls.list({ ...o, head: "acme:penult/contracts", state: "open" });
    expect(found.map((p) => p.number)).toEqual([pr.number]);
    await octokit.rest.issues.createComment({ ...o, issue_number: pr.number, body: "hello" });
    await octokit.rest.checks.create({ ...o, name: "penult", head_sha: "abc", conclusion: "success", output: { title: "ok", summary: "s" } });
    expect(gh.state.issueComments).toHaveLength(1);
    expect(gh.state.checkRuns[0]?.conclusion).toBe("success");
    const { data: perm } = await octokit.rest.repos.getCollaboratorPermissionLevel({ ...o, username: "mallory" });
    expect(perm.permission).toBe("read");
    await expect(octokit.rest.repos.getCollaboratorPermissionLevel({ ...o, username: "eve" })).rejects.toMatchObject({ status: 404 });
    const raw = await octokit.request("GET /repos/{owner}/{repo}/contents/{path}", { ...o, path: "statements/cart.md", mediaType: { format: "raw" } });
    expect(String(raw.data)).toContain("THE Cart SHALL");
    expect(gh.state.unknownRoutes).toEqual([]);
  });
});
