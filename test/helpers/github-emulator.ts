/**
 * A small GitHub REST emulator for end-to-end tests: real HTTP on 127.0.0.1, backed by real bare git
 * repositories. It serves only the endpoints penult's app uses, with GitHub's status codes; any other
 * route answers 404 and is recorded in `unknownRoutes`, so a test can fail on unplanned API use.
 *
 * Git objects (blobs, trees, commits, refs) live in the bare repository, so tests can assert on the
 * resulting branch and tree with plain git. Pull requests, comments, check runs, labels and
 * reactions are kept in memory (`state`).
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export type Permission = "admin" | "write" | "read" | "none";

export interface EmulatedRepo {
  owner: string;
  name: string;
  /** Path of the bare repository. */
  dir: string;
  defaultBranch: string;
  /** Numeric id used in payloads. */
  id: number;
}

export interface PullRequest {
  number: number;
  title: string;
  body: string;
  head: string;
  base: string;
  state: "open" | "closed";
  user: string;
  labels: string[];
}

export interface IssueComment {
  id: number;
  issue: number;
  body: string;
  user: string;
}

export interface ReviewComment {
  id: number;
  pull: number;
  path: string;
  body: string;
  line?: number;
  commit_id?: string;
  subject_type?: string;
}

export interface CheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion?: string;
  output?: { title?: string; summary?: string; text?: string; annotations?: unknown[] };
  /** All annotations sent over create + updates. */
  annotations: unknown[];
}

export interface RequestLogEntry {
  method: string;
  path: string;
  status: number;
  /** When the request arrived and when it was answered (ms since the epoch). */
  start: number;
  end: number;
}

/** A fault to inject: the next `times` requests matching `method` and `path` get `status` instead of an answer. */
export interface Fault {
  method: string;
  path: RegExp;
  status: number;
  times?: number;
  message?: string;
  headers?: Record<string, string>;
}

export interface EmulatorState {
  pulls: (PullRequest & { repo: string })[];
  issueComments: (IssueComment & { repo: string })[];
  reviewComments: (ReviewComment & { repo: string })[];
  checkRuns: (CheckRun & { repo: string })[];
  reactions: { repo: string; comment: number; content: string }[];
  requests: RequestLogEntry[];
  unknownRoutes: string[];
}

export interface GitHubEmulator {
  url: string;
  state: EmulatorState;
  /** Registers a bare repository (created by the test) under owner/name. */
  addRepo(repo: Omit<EmulatedRepo, "id"> & { id?: number }): EmulatedRepo;
  setPermission(user: string, permission: Permission): void;
  /** Answers matching requests with an error (a 502 from GitHub, a rate limit) instead of doing them. */
  fail(fault: Fault): void;
  /** Delays every answer matching `path` by `ms` (0 removes it): lets a test hold a job mid-way. */
  delay(ms: number, path?: RegExp): void;
  /** Requests made so far that were not token minting (the API calls an app pays for). */
  apiCalls(): RequestLogEntry[];
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

interface Ctx {
  method: string;
  path: string;
  query: URLSearchParams;
  body: any;
  headers: IncomingMessage["headers"];
}

type Handler = (ctx: Ctx, m: string[]) => Promise<unknown> | unknown;

export async function startGitHubEmulator(options: { permissions?: Record<string, Permission> } = {}): Promise<GitHubEmulator> {
  const repos = new Map<string, EmulatedRepo>();
  const permissions = new Map<string, Permission>(Object.entries(options.permissions ?? {}));
  const state: EmulatorState = {
    pulls: [],
    issueComments: [],
    reviewComments: [],
    checkRuns: [],
    reactions: [],
    requests: [],
    unknownRoutes: [],
  };
  let nextId = 1000;
  const faults: (Fault & { left: number })[] = [];
  const delays: { ms: number; path: RegExp }[] = [];
  const scratch = mkdtempSync(join(tmpdir(), "penult-gh-"));
  // Git writes to one bare repo are serialised: GitHub is atomic per request, and index files are per call anyway.
  const locks = new Map<string, Promise<unknown>>();
  const serial = <T>(key: string, fn: () => Promise<T>): Promise<T> => {
    const prev = locks.get(key) ?? Promise.resolve();
    const next = prev.then(fn, fn);
    locks.set(key, next.catch(() => undefined));
    return next;
  };

  const repoOf = (o: string, r: string): EmulatedRepo => {
    const repo = repos.get(`${o}/${r}`.toLowerCase());
    if (!repo) throw new HttpError(404, "Not Found");
    return repo;
  };
  const git = async (repo: EmulatedRepo, args: string[], opts: { input?: string | Buffer; env?: NodeJS.ProcessEnv } = {}) => {
    const child = run("git", args, {
      cwd: repo.dir,
      env: { ...process.env, GIT_TERMINAL_PROMPT: "0", ...opts.env },
      maxBuffer: 256 * 1024 * 1024,
      encoding: "buffer",
    });
    if (opts.input !== undefined) {
      child.child.stdin?.end(opts.input);
    }
    const { stdout } = await child;
    return stdout as unknown as Buffer;
  };
  const gitText = async (repo: EmulatedRepo, args: string[], opts: { input?: string | Buffer; env?: NodeJS.ProcessEnv } = {}) =>
    (await git(repo, args, opts)).toString("utf8").trim();
  const resolveRef = async (repo: EmulatedRepo, ref: string): Promise<string | undefined> => {
    try {
      return await gitText(repo, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
    } catch {
      return undefined;
    }
  };
  const objectType = async (repo: EmulatedRepo, sha: string) => {
    try {
      return await gitText(repo, ["cat-file", "-t", sha]);
    } catch {
      return undefined;
    }
  };
  const repoJson = (repo: EmulatedRepo) => ({
    id: repo.id,
    name: repo.name,
    full_name: `${repo.owner}/${repo.name}`,
    owner: { login: repo.owner, type: "Organization" },
    default_branch: repo.defaultBranch,
    private: false,
  });
  const pullJson = async (repo: EmulatedRepo, p: PullRequest) => ({
    number: p.number,
    title: p.title,
    body: p.body,
    state: p.state,
    html_url: `https://github.test/${repo.owner}/${repo.name}/pull/${p.number}`,
    head: { ref: p.head, sha: (await resolveRef(repo, `refs/heads/${p.head}`)) ?? null, label: `${repo.owner}:${p.head}`, repo: repoJson(repo) },
    base: { ref: p.base, sha: (await resolveRef(repo, `refs/heads/${p.base}`)) ?? null, label: `${repo.owner}:${p.base}`, repo: repoJson(repo) },
    user: { login: p.user, type: p.user.endsWith("[bot]") ? "Bot" : "User" },
    labels: p.labels.map((name) => ({ name })),
  });
  const commitJson = async (repo: EmulatedRepo, sha: string) => {
    const raw = await gitText(repo, ["cat-file", "commit", sha]);
    const [head, ...msg] = raw.split("\n\n");
    const lines = (head ?? "").split("\n");
    const tree = lines.find((l) => l.startsWith("tree "))?.slice(5) ?? "";
    const parents = lines.filter((l) => l.startsWith("parent ")).map((l) => ({ sha: l.slice(7) }));
    const person = (kind: string) => {
      const l = lines.find((x) => x.startsWith(kind + " ")) ?? "";
      const m = /^\w+ (.*) <(.*)> (\d+) ([+-]\d{4})$/.exec(l);
      return m ? { name: m[1], email: m[2], date: new Date(Number(m[3]) * 1000).toISOString() } : undefined;
    };
    return { sha, tree: { sha: tree }, parents, message: msg.join("\n\n"), author: person("author"), committer: person("committer") };
  };
  const authorEnv = (body: any): NodeJS.ProcessEnv => {
    const a = body?.author ?? { name: "penult-test[bot]", email: "bot@penult.test" };
    const c = body?.committer ?? a;
    // A fixed date keeps commit SHAs reproducible across runs.
    return {
      GIT_AUTHOR_NAME: a.name,
      GIT_AUTHOR_EMAIL: a.email,
      GIT_AUTHOR_DATE: a.date ?? "2026-01-01T00:00:00Z",
      GIT_COMMITTER_NAME: c.name,
      GIT_COMMITTER_EMAIL: c.email,
      GIT_COMMITTER_DATE: c.date ?? "2026-01-01T00:00:00Z",
    };
  };
  const branchOf = (ref: string) => ref.replace(/^refs\/heads\//, "").replace(/^heads\//, "");
  const pullsOf = (repo: EmulatedRepo) => state.pulls.filter((p) => p.repo === `${repo.owner}/${repo.name}`);

  const routes: [string, RegExp, Handler][] = [];
  const route = (method: string, pattern: string, handler: Handler) => {
    // ":name" matches one segment, "*name" the rest of the path (branch names contain slashes).
    const re = new RegExp(
      "^" + pattern.replace(/:\w+/g, "([^/]+)").replace(/\*\w+/g, "(.+)") + "$",
    );
    routes.push([method, re, handler]);
  };

  route("POST", "/app/installations/:id/access_tokens", () => ({
    token: "ghs_emulated",
    expires_at: "2099-01-01T00:00:00Z",
    permissions: {},
  }));
  route("GET", "/repos/:o/:r", (_c, [o, r]) => repoJson(repoOf(o!, r!)));
  route("GET", "/repos/:o/:r/git/ref/*ref", async (_c, [o, r, ref]) => {
    const repo = repoOf(o!, r!);
    const full = ref!.startsWith("refs/") ? ref! : `refs/${ref}`;
    const sha = await resolveRef(repo, full);
    if (!sha) throw new HttpError(404, "Not Found");
    return { ref: full, object: { sha, type: "commit" } };
  });
  route("GET", "/repos/:o/:r/branches/*branch", async (_c, [o, r, b]) => {
    const repo = repoOf(o!, r!);
    const sha = await resolveRef(repo, `refs/heads/${b}`);
    if (!sha) throw new HttpError(404, "Branch not found");
    return { name: b, commit: { sha, commit: await commitJson(repo, sha) }, protected: false };
  });
  route("GET", "/repos/:o/:r/git/commits/:sha", async (_c, [o, r, sha]) => {
    const repo = repoOf(o!, r!);
    if ((await objectType(repo, sha!)) !== "commit") throw new HttpError(404, "Not Found");
    return commitJson(repo, sha!);
  });
  route("GET", "/repos/:o/:r/commits/*ref", async (_c, [o, r, ref]) => {
    const repo = repoOf(o!, r!);
    const sha = (await resolveRef(repo, ref!)) ?? (await resolveRef(repo, `refs/heads/${ref}`));
    if (!sha) throw new HttpError(422, `No commit found for SHA: ${ref}`);
    const c = await commitJson(repo, sha);
    return { sha, commit: { message: c.message, tree: c.tree, author: c.author, committer: c.committer }, parents: c.parents };
  });
  // GitHub's compare: how `head` relates to `base` (ahead: base is an ancestor of head; behind: the reverse).
  route("GET", "/repos/:o/:r/compare/*basehead", async (_c, [o, r, basehead]) => {
    const repo = repoOf(o!, r!);
    const [base, head] = basehead!.split("...") as [string, string | undefined];
    const b = await resolveRef(repo, base);
    const h = head === undefined ? undefined : await resolveRef(repo, head);
    if (!b || !h) throw new HttpError(404, "Not Found");
    const [behind, ahead] = (await gitText(repo, ["rev-list", "--left-right", "--count", `${b}...${h}`])).split(/\s+/).map(Number) as [number, number];
    const status = ahead === 0 && behind === 0 ? "identical" : behind === 0 ? "ahead" : ahead === 0 ? "behind" : "diverged";
    return { status, ahead_by: ahead, behind_by: behind, total_commits: ahead, base_commit: await commitJson(repo, b), commits: [], files: [] };
  });
  route("GET", "/repos/:o/:r/git/trees/:sha", async (c, [o, r, sha]) => {
    const repo = repoOf(o!, r!);
    const type = await objectType(repo, sha!);
    if (type !== "tree" && type !== "commit") throw new HttpError(404, "Not Found");
    const recursive = c.query.has("recursive");
    const out = await gitText(repo, ["ls-tree", "-l", "-z", ...(recursive ? ["-r", "-t"] : []), sha!]);
    const tree = out
      .split("\0")
      .filter(Boolean)
      .map((line) => {
        const [meta, path] = line.split("\t") as [string, string];
        const [mode, kind, osha, size] = meta.split(/\s+/) as [string, string, string, string];
        return { path, mode, type: kind, sha: osha, ...(kind === "blob" ? { size: Number(size) } : {}) };
      });
    const treeSha = type === "commit" ? await gitText(repo, ["rev-parse", `${sha}^{tree}`]) : sha!;
    return { sha: treeSha, tree, truncated: false };
  });
  route("GET", "/repos/:o/:r/git/blobs/:sha", async (_c, [o, r, sha]) => {
    const repo = repoOf(o!, r!);
    if ((await objectType(repo, sha!)) !== "blob") throw new HttpError(404, "Not Found");
    const buf = await git(repo, ["cat-file", "blob", sha!]);
    return { sha, size: buf.length, encoding: "base64", content: buf.toString("base64") };
  });
  route("GET", "/repos/:o/:r/contents/*path", async (c, [o, r, path]) => {
    const repo = repoOf(o!, r!);
    const ref = c.query.get("ref") ?? `refs/heads/${repo.defaultBranch}`;
    const sha = (await resolveRef(repo, ref)) ?? (await resolveRef(repo, `refs/heads/${ref}`));
    if (!sha) throw new HttpError(404, "No commit found for the ref");
    const p = decodeURIComponent(path!);
    let buf: Buffer;
    try {
      buf = await git(repo, ["cat-file", "blob", `${sha}:${p}`]);
    } catch {
      throw new HttpError(404, "Not Found");
    }
    if (String(c.headers.accept ?? "").includes("raw")) return new RawBody(buf);
    return { type: "file", path: p, name: p.split("/").pop(), encoding: "base64", content: buf.toString("base64"), size: buf.length };
  });
  // Like GitHub: the API answers with a redirect to a download host, which serves the archive.
  route("GET", "/repos/:o/:r/tarball/*ref", async (_c, [o, r, ref]) => {
    const repo = repoOf(o!, r!);
    const sha = (await resolveRef(repo, ref!)) ?? (await resolveRef(repo, `refs/heads/${ref}`));
    if (!sha) throw new HttpError(404, "Not Found");
    return new Redirect(`/_codeload/${repo.owner}/${repo.name}/legacy.tar.gz/${sha}`);
  });
  route("GET", "/_codeload/:o/:r/legacy.tar.gz/:sha", async (_c, [o, r, sha]) => {
    const repo = repoOf(o!, r!);
    const buf = await git(repo, ["archive", "--format=tar.gz", `--prefix=${repo.owner}-${repo.name}-${sha!.slice(0, 7)}/`, sha!]);
    return new RawBody(buf, "application/x-gzip");
  });
  route("POST", "/repos/:o/:r/git/blobs", async (c, [o, r]) => {
    const repo = repoOf(o!, r!);
    const content = c.body.encoding === "base64" ? Buffer.from(c.body.content, "base64") : Buffer.from(String(c.body.content), "utf8");
    const sha = await gitText(repo, ["hash-object", "-w", "--stdin"], { input: content });
    return withStatus(201, { sha, url: "" });
  });
  route("POST", "/repos/:o/:r/git/trees", (c, [o, r]) => {
    const repo = repoOf(o!, r!);
    return serial(`${repo.owner}/${repo.name}`, async () => {
      const index = join(scratch, `index-${nextId++}`);
      const env = { GIT_INDEX_FILE: index };
      try {
        if (c.body.base_tree) {
          if (!(await objectType(repo, c.body.base_tree))) throw new HttpError(422, "base_tree is not a valid tree");
          await git(repo, ["read-tree", c.body.base_tree], { env });
        } else {
          await git(repo, ["read-tree", "--empty"], { env });
        }
        const lines: string[] = [];
        const removals: string[] = [];
        for (const e of c.body.tree as any[]) {
          if (e.sha === null) {
            removals.push(e.path);
            continue;
          }
          let sha = e.sha as string | undefined;
          if (sha === undefined && typeof e.content === "string") {
            sha = await gitText(repo, ["hash-object", "-w", "--stdin"], { input: Buffer.from(e.content, "utf8") });
          }
          if (!sha) throw new HttpError(422, "Must supply either tree.sha or tree.content");
          lines.push(`${e.mode ?? "100644"} ${sha}\t${e.path}`);
        }
        if (lines.length) await git(repo, ["update-index", "--add", "--index-info"], { env, input: lines.join("\n") + "\n" });
        for (const p of removals) {
          // GitHub deletes a file or a whole folder with sha: null.
          const listed = (await gitText(repo, ["ls-files", "-z", "--", p], { env })).split("\0").filter(Boolean);
          if (listed.length) await git(repo, ["update-index", "--force-remove", "-z", "--stdin"], { env, input: listed.join("\0") + "\0" });
        }
        const sha = await gitText(repo, ["write-tree"], { env });
        return withStatus(201, { sha, tree: [], truncated: false });
      } finally {
        rmSync(index, { force: true });
      }
    });
  });
  route("POST", "/repos/:o/:r/git/commits", async (c, [o, r]) => {
    const repo = repoOf(o!, r!);
    if ((await objectType(repo, c.body.tree)) !== "tree") throw new HttpError(422, "Tree SHA does not exist");
    const args = ["commit-tree", c.body.tree];
    for (const p of c.body.parents ?? []) {
      if ((await objectType(repo, p)) !== "commit") throw new HttpError(422, "Parent SHA does not exist or is not a commit object");
      args.push("-p", p);
    }
    const sha = await gitText(repo, args, { input: String(c.body.message ?? ""), env: authorEnv(c.body) });
    return withStatus(201, await commitJson(repo, sha));
  });
  route("POST", "/repos/:o/:r/git/refs", (c, [o, r]) => {
    const repo = repoOf(o!, r!);
    return serial(`${repo.owner}/${repo.name}`, async () => {
      const ref = String(c.body.ref);
      if (!ref.startsWith("refs/") || ref.split("/").length < 3) throw new HttpError(422, "Reference name must start with 'refs/' and have at least two slashes.");
      if (await resolveRef(repo, ref)) throw new HttpError(422, "Reference already exists");
      if ((await objectType(repo, c.body.sha)) !== "commit") throw new HttpError(422, "Object does not exist");
      await git(repo, ["update-ref", ref, c.body.sha, "0000000000000000000000000000000000000000"]);
      return withStatus(201, { ref, object: { sha: c.body.sha, type: "commit" } });
    });
  });
  route("PATCH", "/repos/:o/:r/git/refs/*ref", (c, [o, r, ref]) => {
    const repo = repoOf(o!, r!);
    return serial(`${repo.owner}/${repo.name}`, async () => {
      const full = ref!.startsWith("refs/") ? ref! : `refs/${ref}`;
      const current = await resolveRef(repo, full);
      if (!current) throw new HttpError(422, "Reference does not exist");
      if ((await objectType(repo, c.body.sha)) !== "commit") throw new HttpError(422, "Object does not exist");
      if (!c.body.force) {
        try {
          await git(repo, ["merge-base", "--is-ancestor", current, c.body.sha]);
        } catch {
          throw new HttpError(422, "Update is not a fast forward");
        }
      }
      await git(repo, ["update-ref", full, c.body.sha, current]);
      return { ref: full, object: { sha: c.body.sha, type: "commit" } };
    });
  });
  route("DELETE", "/repos/:o/:r/git/refs/*ref", async (_c, [o, r, ref]) => {
    const repo = repoOf(o!, r!);
    const full = ref!.startsWith("refs/") ? ref! : `refs/${ref}`;
    if (!(await resolveRef(repo, full))) throw new HttpError(422, "Reference does not exist");
    await git(repo, ["update-ref", "-d", full]);
    return withStatus(204, undefined);
  });
  route("GET", "/repos/:o/:r/pulls", (c, [o, r]) => {
    const repo = repoOf(o!, r!);
    const wantState = c.query.get("state") ?? "open";
    const head = c.query.get("head");
    return Promise.all(
      pullsOf(repo)
        .filter((p) => wantState === "all" || p.state === wantState)
        .filter((p) => !head || head === `${repo.owner}:${p.head}` || head === p.head)
        .map((p) => pullJson(repo, p)),
    );
  });
  route("GET", "/repos/:o/:r/pulls/:n", (_c, [o, r, n]) => {
    const repo = repoOf(o!, r!);
    const p = pullsOf(repo).find((x) => x.number === Number(n));
    if (!p) throw new HttpError(404, "Not Found");
    return pullJson(repo, p);
  });
  route("POST", "/repos/:o/:r/pulls", async (c, [o, r]) => {
    const repo = repoOf(o!, r!);
    const { title, head, base, body } = c.body;
    if (!(await resolveRef(repo, `refs/heads/${head}`))) throw new HttpError(422, "Validation Failed: head does not exist");
    if (!(await resolveRef(repo, `refs/heads/${base}`))) throw new HttpError(422, "Validation Failed: base does not exist");
    if (pullsOf(repo).some((p) => p.head === head && p.base === base && p.state === "open")) {
      throw new HttpError(422, `A pull request already exists for ${repo.owner}:${head}.`);
    }
    const p: PullRequest & { repo: string } = {
      repo: `${repo.owner}/${repo.name}`,
      number: nextNumber(repo),
      title,
      body: body ?? "",
      head,
      base,
      state: "open",
      user: c.headers["x-emulator-user"] ? String(c.headers["x-emulator-user"]) : "penult[bot]",
      labels: [],
    };
    state.pulls.push(p);
    return withStatus(201, await pullJson(repo, p));
  });
  route("PATCH", "/repos/:o/:r/pulls/:n", (c, [o, r, n]) => {
    const repo = repoOf(o!, r!);
    const p = pullsOf(repo).find((x) => x.number === Number(n));
    if (!p) throw new HttpError(404, "Not Found");
    if (typeof c.body.title === "string") p.title = c.body.title;
    if (typeof c.body.body === "string") p.body = c.body.body;
    if (c.body.state === "open" || c.body.state === "closed") p.state = c.body.state;
    return pullJson(repo, p);
  });
  route("GET", "/repos/:o/:r/pulls/:n/files", async (_c, [o, r, n]) => {
    const repo = repoOf(o!, r!);
    const p = pullsOf(repo).find((x) => x.number === Number(n));
    if (!p) throw new HttpError(404, "Not Found");
    const out = await gitText(repo, ["diff", "--name-status", "-z", `refs/heads/${p.base}...refs/heads/${p.head}`]);
    const parts = out.split("\0").filter(Boolean);
    const files = [];
    for (let i = 0; i + 1 < parts.length; i += 2) {
      const s = parts[i]!;
      files.push({ filename: parts[i + 1], status: s === "A" ? "added" : s === "D" ? "removed" : "modified" });
    }
    return files;
  });
  route("POST", "/repos/:o/:r/pulls/:n/reviews", (c, [o, r, n]) => {
    const repo = repoOf(o!, r!);
    if (!pullsOf(repo).some((x) => x.number === Number(n))) throw new HttpError(404, "Not Found");
    for (const cm of (c.body.comments ?? []) as any[]) {
      state.reviewComments.push({ repo: `${repo.owner}/${repo.name}`, id: nextId++, pull: Number(n), path: cm.path, body: cm.body, line: cm.line, commit_id: c.body.commit_id });
    }
    return { id: nextId++, state: c.body.event === "COMMENT" ? "COMMENTED" : "PENDING", body: c.body.body ?? "" };
  });
  route("POST", "/repos/:o/:r/pulls/:n/comments", (c, [o, r, n]) => {
    const repo = repoOf(o!, r!);
    if (!pullsOf(repo).some((x) => x.number === Number(n))) throw new HttpError(404, "Not Found");
    const cm = { repo: `${repo.owner}/${repo.name}`, id: nextId++, pull: Number(n), path: c.body.path, body: c.body.body, line: c.body.line, commit_id: c.body.commit_id, subject_type: c.body.subject_type };
    state.reviewComments.push(cm);
    return withStatus(201, cm);
  });
  route("GET", "/repos/:o/:r/pulls/:n/comments", (_c, [o, r, n]) => {
    const repo = repoOf(o!, r!);
    return state.reviewComments.filter((x) => x.repo === `${repo.owner}/${repo.name}` && x.pull === Number(n));
  });
  route("GET", "/repos/:o/:r/issues/:n/comments", (_c, [o, r, n]) => {
    const repo = repoOf(o!, r!);
    return state.issueComments
      .filter((x) => x.repo === `${repo.owner}/${repo.name}` && x.issue === Number(n))
      .map((x) => ({ id: x.id, body: x.body, user: { login: x.user, type: x.user.endsWith("[bot]") ? "Bot" : "User" } }));
  });
  route("POST", "/repos/:o/:r/issues/:n/comments", (c, [o, r, n]) => {
    const repo = repoOf(o!, r!);
    const cm = { repo: `${repo.owner}/${repo.name}`, id: nextId++, issue: Number(n), body: String(c.body.body), user: "penult[bot]" };
    state.issueComments.push(cm);
    return withStatus(201, { id: cm.id, body: cm.body, user: { login: cm.user, type: "Bot" } });
  });
  route("PATCH", "/repos/:o/:r/issues/comments/:id", (c, [o, r, id]) => {
    repoOf(o!, r!);
    const cm = state.issueComments.find((x) => x.id === Number(id));
    if (!cm) throw new HttpError(404, "Not Found");
    cm.body = String(c.body.body);
    return { id: cm.id, body: cm.body, user: { login: cm.user, type: "Bot" } };
  });
  route("POST", "/repos/:o/:r/issues/comments/:id/reactions", (c, [o, r, id]) => {
    const repo = repoOf(o!, r!);
    state.reactions.push({ repo: `${repo.owner}/${repo.name}`, comment: Number(id), content: String(c.body.content) });
    return withStatus(201, { id: nextId++, content: c.body.content });
  });
  route("POST", "/repos/:o/:r/issues/:n/labels", (c, [o, r, n]) => {
    const repo = repoOf(o!, r!);
    const p = pullsOf(repo).find((x) => x.number === Number(n));
    if (!p) throw new HttpError(404, "Not Found");
    const labels: string[] = Array.isArray(c.body) ? c.body : (c.body.labels ?? []);
    for (const l of labels) if (!p.labels.includes(l)) p.labels.push(l);
    return p.labels.map((name) => ({ name }));
  });
  route("POST", "/repos/:o/:r/check-runs", (c, [o, r]) => {
    const repo = repoOf(o!, r!);
    const run: CheckRun & { repo: string } = {
      repo: `${repo.owner}/${repo.name}`,
      id: nextId++,
      name: c.body.name,
      head_sha: c.body.head_sha,
      status: c.body.status ?? (c.body.conclusion ? "completed" : "queued"),
      conclusion: c.body.conclusion,
      output: c.body.output,
      annotations: [...(c.body.output?.annotations ?? [])],
    };
    if ((c.body.output?.annotations?.length ?? 0) > 50) throw new HttpError(422, "Only 50 annotations are allowed per request");
    state.checkRuns.push(run);
    return withStatus(201, { id: run.id, name: run.name, head_sha: run.head_sha, status: run.status, conclusion: run.conclusion ?? null });
  });
  route("PATCH", "/repos/:o/:r/check-runs/:id", (c, [o, r, id]) => {
    repoOf(o!, r!);
    const run = state.checkRuns.find((x) => x.id === Number(id));
    if (!run) throw new HttpError(404, "Not Found");
    if ((c.body.output?.annotations?.length ?? 0) > 50) throw new HttpError(422, "Only 50 annotations are allowed per request");
    if (c.body.status) run.status = c.body.status;
    if (c.body.conclusion) {
      run.conclusion = c.body.conclusion;
      run.status = "completed";
    }
    if (c.body.output) {
      run.output = { ...run.output, ...c.body.output };
      run.annotations.push(...(c.body.output.annotations ?? []));
    }
    return { id: run.id, name: run.name, head_sha: run.head_sha, status: run.status, conclusion: run.conclusion ?? null };
  });
  route("GET", "/repos/:o/:r/collaborators/:user/permission", (_c, [o, r, user]) => {
    repoOf(o!, r!);
    const permission = permissions.get(user!) ?? "none";
    if (permission === "none") throw new HttpError(404, `${user} is not a user`);
    return { permission, role_name: permission, user: { login: user } };
  });

  const nextNumber = (repo: EmulatedRepo) => pullsOf(repo).length + 1;

  const server: Server = createServer((req, res) => {
    void handle(req, res);
  });
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    // Probot may send requests under /api/v3 (GHE style); accept both.
    const path = decodeURIComponent(url.pathname.replace(/^\/api\/v3/, "")).replace(/\/$/, "");
    const method = req.method ?? "GET";
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    let status = 200;
    let payload: unknown;
    const start = Date.now();
    const match = routes.find(([m, re]) => m === method && re.test(path));
    let extraHeaders: Record<string, string> = {};
    try {
      const wait = delays.find((d) => d.path.test(path));
      if (wait) await new Promise((r) => setTimeout(r, wait.ms));
      const fault = faults.find((f) => f.left > 0 && f.method === method && f.path.test(path));
      if (fault) {
        fault.left--;
        extraHeaders = fault.headers ?? {};
        throw new HttpError(fault.status, fault.message ?? "Server Error (injected by the test)");
      }
      if (!match) {
        state.unknownRoutes.push(`${method} ${path}`);
        throw new HttpError(404, "Not Found");
      }
      const args = match[1].exec(path)!.slice(1);
      const ctx: Ctx = { method, path, query: url.searchParams, body: raw ? JSON.parse(raw) : {}, headers: req.headers };
      // GitHub refuses bodies over 65,536 characters (PRs, comments, reviews; check summaries 65,535).
      const limit = path.includes("/check-runs") ? 65_535 : 65_536;
      const long = [ctx.body?.body, ctx.body?.output?.summary, ...((ctx.body?.comments as { body?: string }[] | undefined) ?? []).map((c) => c.body)].find((b) => typeof b === "string" && b.length > limit);
      if (long !== undefined) throw new HttpError(422, `Validation Failed: body is too long (maximum is ${limit} characters)`);
      const result = await match[2](ctx, args);
      if (result instanceof WithStatus) {
        status = result.status;
        payload = result.body;
      } else payload = result;
    } catch (err) {
      if (err instanceof HttpError) {
        status = err.status;
        payload = { message: err.message, documentation_url: "https://docs.github.com/rest" };
      } else {
        status = 500;
        payload = { message: err instanceof Error ? err.message : String(err) };
      }
    }
    state.requests.push({ method, path, status, start, end: Date.now() });
    if (payload instanceof Redirect) {
      res.writeHead(302, { location: `http://127.0.0.1:${port}${payload.location}` });
      res.end();
      return;
    }
    if (payload instanceof RawBody) {
      res.writeHead(status, { "content-type": payload.contentType });
      res.end(payload.buf);
      return;
    }
    if (status === 204 || payload === undefined) {
      res.writeHead(status);
      res.end();
      return;
    }
    res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...extraHeaders });
    res.end(JSON.stringify(payload));
  };
  // Clients reuse connections; a server closing idle ones after Node's default 5 s races them.
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;

  return {
    url: `http://127.0.0.1:${port}`,
    state,
    addRepo(repo) {
      const full: EmulatedRepo = { ...repo, id: repo.id ?? nextId++ };
      repos.set(`${repo.owner}/${repo.name}`.toLowerCase(), full);
      return full;
    },
    setPermission(user, permission) {
      permissions.set(user, permission);
    },
    fail(fault) {
      faults.push({ ...fault, left: fault.times ?? 1 });
    },
    delay(ms, path = /./) {
      for (let i = delays.length - 1; i >= 0; i--) if (String(delays[i]!.path) === String(path)) delays.splice(i, 1);
      if (ms > 0) delays.push({ ms, path });
    },
    apiCalls() {
      return state.requests.filter((r) => !r.path.startsWith("/app/") && !r.path.startsWith("/_codeload/"));
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

class WithStatus {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {}
}
function withStatus(status: number, body: unknown): WithStatus {
  return new WithStatus(status, body);
}
class RawBody {
  constructor(
    readonly buf: Buffer,
    readonly contentType = "application/vnd.github.raw; charset=utf-8",
  ) {}
}
class Redirect {
  constructor(readonly location: string) {}
}
