import type { Context } from "probot";
import { CONFIG_PATHS } from "../../lib/config/load-config.js";
import { cmp, type Diagnostic } from "../../lib/diagnostics.js";
import type { TreeReader } from "../../lib/git/tree-reader.js";
import type { PlannedChange } from "../../lib/write-output.js";
import { fitBody, GITHUB_BODY_LIMIT } from "../../lib/report/fit-body.js";
import { DEFAULT_JOB_LIMITS } from "../../lib/limits/job-limits.js";
import { gitBlobSha } from "./git-blob-sha.js";
import { readArchiveBody, readTarballTree, type ArchiveLimits } from "./tarball-tree-reader.js";

type Octokit = Context["octokit"];

/** A downloaded commit; `read` holds only the paths `keep` accepts. */
export interface CommitArchive {
  read(keep: (path: string) => boolean): Promise<TreeReader>;
}

export interface PullInfo {
  number: number;
  body: string;
  headSha: string;
  headRef: string;
  url: string;
}

export interface CommitInfo {
  sha: string;
  message: string;
  parents: string[];
  author?: { name: string; email: string } | undefined;
  committer?: { name: string; email: string } | undefined;
}

/**
 * GitHub's limit of annotations per check-run request, and penult's cap per check run: one request
 * whatever the number of findings, the most important annotated, the rest counted in the summary.
 */
const MAX_ANNOTATIONS = 50;

/**
 * File content sent inline in one create-tree request, at most (about): a larger commit is built
 * in several requests, each on the tree the previous one made, so no request grows with the
 * repository.
 */
export const TREE_REQUEST_BYTES = 8 * 1024 * 1024;

/**
 * Every GitHub call the app makes, for one repository. Jobs call these; nothing else in app/
 * talks to the API, so the number of calls per event is easy to see and to count in tests.
 */
export class RepoClient {
  constructor(
    private readonly octokit: Octokit,
    readonly owner: string,
    readonly repo: string,
  ) {}

  private get o() {
    return { owner: this.owner, repo: this.repo };
  }

  /**
   * A commit's files as one archive: one request whatever the number of files. The body is
   * streamed and cut at `limits.archiveBytes`; each `read` inflates it again within the limits.
   */
  async downloadArchive(ref: string, limits: Partial<ArchiveLimits> = {}): Promise<CommitArchive> {
    const res = await this.octokit.rest.repos.downloadTarballArchive({ ...this.o, ref, request: { parseSuccessResponseBody: false } });
    const archive = await readArchiveBody(res.data, { ...DEFAULT_JOB_LIMITS, ...limits });
    const label = `${this.owner}/${this.repo}@${ref.slice(0, 12)}`;
    return { read: (keep) => readTarballTree({ archive, label, keep, limits }) };
  }

  async branchHead(branch: string): Promise<string | undefined> {
    try {
      const { data } = await this.octokit.rest.git.getRef({ ...this.o, ref: `heads/${branch}` });
      return data.object.sha;
    } catch (err) {
      if (status(err) === 404) return undefined;
      throw err;
    }
  }

  /** One file's text at a ref, or undefined when it does not exist there. */
  async readFileAt(ref: string, path: string): Promise<string | undefined> {
    try {
      const res = await this.octokit.rest.repos.getContent({ ...this.o, path, ref, mediaType: { format: "raw" } });
      return typeof res.data === "string" ? res.data : new TextDecoder().decode(res.data as unknown as ArrayBuffer);
    } catch (err) {
      if (status(err) === 404) return undefined;
      throw err;
    }
  }

  /**
   * The shared config in this owner's `.github` repository (its default branch), the one place
   * `_extends` may point to; undefined when there is none.
   */
  async readSharedConfig(): Promise<{ file: string; text: string } | undefined> {
    for (const path of CONFIG_PATHS) {
      try {
        const res = await this.octokit.rest.repos.getContent({ owner: this.owner, repo: ".github", path, mediaType: { format: "raw" } });
        return { file: path, text: typeof res.data === "string" ? res.data : new TextDecoder().decode(res.data as unknown as ArrayBuffer) };
      } catch (err) {
        if (status(err) === 404) continue;
        throw err;
      }
    }
    return undefined;
  }

  async treeOfCommit(sha: string): Promise<string> {
    const { data } = await this.octokit.rest.git.getCommit({ ...this.o, commit_sha: sha });
    return data.tree.sha;
  }

  async commitMessage(sha: string): Promise<string> {
    return (await this.commitInfo(sha)).message;
  }

  /** A commit's message, parents and identities (one call). */
  async commitInfo(sha: string): Promise<CommitInfo> {
    const { data } = await this.octokit.rest.git.getCommit({ ...this.o, commit_sha: sha });
    const who = (p: { name?: string; email?: string } | undefined) => (p ? { name: p.name ?? "", email: p.email ?? "" } : undefined);
    return { sha: data.sha, message: data.message, parents: data.parents.map((p) => p.sha), author: who(data.author), committer: who(data.committer) };
  }

  /** True when `ancestor` is `descendant` or one of its ancestors (GitHub's compare, one call). */
  async isAncestor(ancestor: string, descendant: string): Promise<boolean> {
    const { data } = await this.octokit.rest.repos.compareCommitsWithBasehead({ ...this.o, basehead: `${ancestor}...${descendant}`, per_page: 1 });
    return data.status === "ahead" || data.status === "identical";
  }

  /** The open PR from `branch` (found by head branch, so repeated runs update the same PR). */
  async findOpenPull(branch: string): Promise<PullInfo | undefined> {
    const { data } = await this.octokit.rest.pulls.list({ ...this.o, head: `${this.owner}:${branch}`, state: "open", per_page: 5 });
    const pr = data[0];
    return pr ? { number: pr.number, body: pr.body ?? "", headSha: pr.head.sha, headRef: pr.head.ref, url: pr.html_url } : undefined;
  }

  async getPull(number: number) {
    const { data } = await this.octokit.rest.pulls.get({ ...this.o, pull_number: number });
    return data;
  }

  /** Paths a pull request changes (first 3,000 files, GitHub's limit). */
  async pullFiles(number: number): Promise<string[]> {
    const files = await this.octokit.paginate(this.octokit.rest.pulls.listFiles, { ...this.o, pull_number: number, per_page: 100 });
    return files.map((f) => f.filename);
  }

  /**
   * One commit holding every planned change, on top of `parent`: a tree request (removals as
   * `sha: null`), then the commit. A file whose content GitHub already holds at that path in
   * `known` (path -> blob SHA, e.g. the open contracts branch) is named by its SHA instead of sent
   * again, so the request grows with what changed, not with the repository; contents past
   * {@link TREE_REQUEST_BYTES} go in further tree requests. Two calls for most pushes.
   */
  async commitChanges(options: { parent: string; baseTree: string; changes: readonly PlannedChange[]; message: string; known?: ReadonlyMap<string, string> }): Promise<string> {
    type Entry = { path: string; mode: "100644"; type: "blob"; sha?: string | null; content?: string };
    const chunks: Entry[][] = [[]];
    let bytes = 0;
    for (const c of options.changes) {
      let entry: Entry;
      if (c.action === "remove") entry = { path: c.path, mode: "100644", type: "blob", sha: null };
      else {
        const content = c.content ?? "";
        const sha = options.known?.get(c.path);
        entry = sha !== undefined && sha === gitBlobSha(content) ? { path: c.path, mode: "100644", type: "blob", sha } : { path: c.path, mode: "100644", type: "blob", content };
      }
      const size = (entry.content?.length ?? 0) + c.path.length + 80;
      if (bytes + size > TREE_REQUEST_BYTES && chunks[chunks.length - 1]!.length > 0) {
        chunks.push([]);
        bytes = 0;
      }
      chunks[chunks.length - 1]!.push(entry);
      bytes += size;
    }
    let tree = options.baseTree;
    for (const entries of chunks) {
      const { data: t } = await this.octokit.rest.git.createTree({ ...this.o, base_tree: tree, tree: entries });
      tree = t.sha;
    }
    const { data: commit } = await this.octokit.rest.git.createCommit({ ...this.o, message: options.message, tree, parents: [options.parent] });
    return commit.sha;
  }

  /** Path -> blob SHA of every file of a commit (one request; a listing, not the contents). */
  async listBlobs(sha: string): Promise<Map<string, string>> {
    const { data } = await this.octokit.rest.git.getTree({ ...this.o, tree_sha: sha, recursive: "1" });
    const out = new Map<string, string>();
    for (const e of data.tree) if (e.type === "blob" && e.path && e.sha) out.set(e.path, e.sha);
    return out;
  }

  /** Creates the branch at `sha`; false when it already exists. */
  async createBranch(branch: string, sha: string): Promise<boolean> {
    try {
      await this.octokit.rest.git.createRef({ ...this.o, ref: `refs/heads/${branch}`, sha });
      return true;
    } catch (err) {
      if (status(err) === 422) return false;
      throw err;
    }
  }

  async moveBranch(branch: string, sha: string, force: boolean): Promise<void> {
    await this.octokit.rest.git.updateRef({ ...this.o, ref: `heads/${branch}`, sha, force });
  }

  async createPull(options: { title: string; body: string; head: string; base: string }): Promise<PullInfo> {
    const { data, headers } = await this.octokit.rest.pulls.create({ ...this.o, ...options, body: fitBody(options.body) });
    if (!data || typeof data !== "object" || !data.head) {
      throw new Error(`GitHub answered the pull request creation without a pull request (content-type ${headers["content-type"]}, ${typeof data}: ${String(JSON.stringify(data)).slice(0, 200)})`);
    }
    return { number: data.number, body: data.body ?? "", headSha: data.head.sha, headRef: data.head.ref, url: data.html_url };
  }

  async updatePull(number: number, patch: { title?: string; body?: string; state?: "open" | "closed" }): Promise<void> {
    await this.octokit.rest.pulls.update({ ...this.o, pull_number: number, ...patch, ...(patch.body !== undefined ? { body: fitBody(patch.body) } : {}) });
  }

  async addLabels(number: number, labels: string[]): Promise<void> {
    await this.octokit.rest.issues.addLabels({ ...this.o, issue_number: number, labels });
  }

  /** One review holding a comment per file (one call). Comments sit on the first changed line. */
  async review(options: { number: number; commitId: string; body: string; comments: { path: string; line: number; side: "LEFT" | "RIGHT"; body: string }[] }): Promise<void> {
    await this.octokit.rest.pulls.createReview({
      ...this.o,
      pull_number: options.number,
      commit_id: options.commitId,
      event: "COMMENT",
      body: fitBody(options.body),
      comments: options.comments.map((c) => ({ ...c, body: fitBody(c.body) })),
    });
  }

  async comment(number: number, body: string): Promise<void> {
    await this.octokit.rest.issues.createComment({ ...this.o, issue_number: number, body: fitBody(body) });
  }

  /** Creates or updates, in place, the one comment carrying `marker` (an HTML comment). */
  async upsertComment(number: number, marker: string, body: string): Promise<void> {
    const comments = await this.octokit.paginate(this.octokit.rest.issues.listComments, { ...this.o, issue_number: number, per_page: 100 });
    const mine = comments.find((c) => (c.body ?? "").includes(marker));
    const text = `${fitBody(body, { limit: GITHUB_BODY_LIMIT - marker.length - 2 })}\n\n${marker}`;
    if (mine) await this.octokit.rest.issues.updateComment({ ...this.o, comment_id: mine.id, body: text });
    else await this.octokit.rest.issues.createComment({ ...this.o, issue_number: number, body: text });
  }

  /** admin | write | read | none (a 404 means no access). */
  async permission(username: string): Promise<string> {
    try {
      const { data } = await this.octokit.rest.repos.getCollaboratorPermissionLevel({ ...this.o, username });
      return data.permission;
    } catch (err) {
      if (status(err) === 404) return "none";
      throw err;
    }
  }

  /**
   * The `penult` check run: summary plus annotations on statement lines, in one request. At most
   * {@link MAX_ANNOTATIONS} findings are annotated, errors before warnings before notes (then by
   * file and line); the summary counts the rest and says how to see them all.
   */
  async checkRun(options: { headSha: string; conclusion: "success" | "failure" | "neutral"; title: string; summary: string; findings: readonly Diagnostic[] }): Promise<void> {
    const rank = { error: 0, warning: 1, info: 2 } as Record<string, number>;
    const positioned = options.findings
      .filter((d) => d.file && d.line)
      .sort((a, b) => (rank[a.severity] ?? 3) - (rank[b.severity] ?? 3) || cmp(a.file!, b.file!) || a.line! - b.line! || cmp(a.code, b.code));
    const annotations = positioned.slice(0, MAX_ANNOTATIONS).map((d) => ({
      path: d.file as string,
      start_line: d.line as number,
      end_line: d.line as number,
      annotation_level: d.severity === "error" ? ("failure" as const) : d.severity === "warning" ? ("warning" as const) : ("notice" as const),
      title: d.code,
      message: d.message,
    }));
    const left = positioned.length - annotations.length;
    const rest = left ? `\n\n${left} more finding${left === 1 ? " is" : "s are"} not annotated here (the ${MAX_ANNOTATIONS} most important are); \`npx penult check\` lists them all.` : "";
    await this.octokit.rest.checks.create({
      ...this.o,
      name: "penult",
      head_sha: options.headSha,
      status: "completed",
      conclusion: options.conclusion,
      output: { title: options.title.slice(0, 255), summary: fitBody(options.summary, { limit: 65_535 - rest.length }) + rest, annotations },
    });
  }

  /**
   * The web address of a file at a commit of this repository (github.com, or a GitHub Enterprise
   * host derived from the API's base URL).
   */
  blobUrl(ref: string, path: string): string {
    const api = String(this.octokit.request.endpoint.DEFAULTS.baseUrl ?? "https://api.github.com").replace(/\/+$/, "");
    const web = api === "https://api.github.com" ? "https://github.com" : api.replace(/\/api\/v3$/, "");
    return `${web}/${this.owner}/${this.repo}/blob/${ref}/${path.split("/").map(encodeURIComponent).join("/")}`;
  }
}

/** HTTP status of an Octokit error, if any. */
export function status(err: unknown): number | undefined {
  return typeof err === "object" && err !== null && "status" in err ? Number((err as { status: unknown }).status) : undefined;
}

/** Paths the app reads from a commit: config, statements, generated output, template overrides. */
export function keepForPenult(options: { statements: (path: string) => boolean; output: string; templates: string }): (path: string) => boolean {
  const out = options.output === "." ? "" : options.output + "/";
  const tpl = options.templates.replace(/\/$/, "") + "/";
  return (p) => CONFIG_PATHS.includes(p) || options.statements(p) || out === "" || p.startsWith(out) || p.startsWith(tpl);
}
