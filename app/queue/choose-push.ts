import type { PendingPush } from "./penult-job.js";

export interface PushChoice {
  /** The push to regenerate from: the newest one not handled before. Undefined when every pending push is older. */
  newest?: PendingPush;
  /** Every pending push this choice answers for (the newest, the ones it supersedes, the stale ones). */
  covered: PendingPush[];
  /** Pushes that nothing links into a chain: more than one means the caller should say which is the branch head. */
  heads: PendingPush[];
}

/**
 * Coalesces the pushes waiting for one repository into one regeneration. GitHub delivers pushes
 * unordered, but each names the head it replaced (`before`): a push whose commit another pending push
 * replaced is superseded, and one whose commit penult already handled (`settled`) is older than the
 * pull request, unless it was forced (a force push may move the branch back on purpose). Of the
 * pushes left, the one at `head` (the default branch's head, when the caller read it) wins, else
 * the one pushed last.
 */
export function choosePush(options: { pending: readonly PendingPush[]; settled: ReadonlySet<string>; head?: string }): PushChoice {
  const { pending, settled } = options;
  const replaced = new Set(pending.map((p) => p.before));
  const heads = pending.filter((p) => !replaced.has(p.after) && (p.forced || !settled.has(p.after)));
  const atHead = options.head ? heads.find((p) => p.after === options.head) : undefined;
  const newest = atHead ?? [...heads].sort((a, b) => a.pushedAt - b.pushedAt || a.receivedAt - b.receivedAt).at(-1);
  return { ...(newest ? { newest } : {}), covered: [...pending], heads };
}
