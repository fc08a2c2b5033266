import type { Command } from "../../lib/jobs/parse-command.js";

/** Where a job runs: one repository of one installation. Plain JSON, so a job can wait in Redis. */
export interface JobTarget {
  installationId: number;
  owner: string;
  repo: string;
  /** The webhook delivery that asked for the job (for logs; pushes coalesce, so it may be one of several). */
  deliveryId: string;
}

/**
 * One push to the default branch, kept until a push job has handled it. Push jobs do not carry
 * their push: they take every push waiting for their repository and regenerate once, from the
 * newest (see `choosePush`).
 */
export interface PendingPush {
  /** The pushed commit and the branch head before it (GitHub's `after` and `before`). */
  after: string;
  before: string;
  treeSha?: string;
  subject: string;
  defaultBranch: string;
  /** A force push may move the branch back: it is never skipped as "older". */
  forced: boolean;
  /** When GitHub says the push happened (ms), then when penult received it: orders pushes that no chain links. */
  pushedAt: number;
  receivedAt: number;
  deliveryId: string;
}

/** The work a webhook turns into. Every kind runs through `runPenultJob`, in one process or on workers. */
export type PenultJob =
  | ({ kind: "push" } & JobTarget)
  | ({ kind: "pull_request"; number: number; headSha: string; /** Set when the PR comes from a fork: its templates are never rendered, the base's are. */ forkBaseSha?: string } & JobTarget)
  | ({ kind: "command"; command: Command; number: number; user: string; isPullRequest: boolean; defaultBranch: string } & JobTarget);

/** `owner/repo`: the key work is serialised on. */
export function repoKey(target: Pick<JobTarget, "owner" | "repo">): string {
  return `${target.owner}/${target.repo}`;
}
