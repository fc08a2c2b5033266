import type { PendingPush } from "./penult-job.js";

/** What recording a push found: a new delivery, a redelivery still waiting, or one already handled. */
export type RecordResult = "new" | "pending" | "done";

/**
 * Pushes waiting per repository, the commits penult already handled, and the deliveries it has
 * seen. In one process it lives in memory (`MemoryPushStore`); with REDIS_URL in Redis
 * (`RedisPushStore`), shared by the webhook process and every worker.
 */
export interface PushStore {
  /** Records a push under its delivery id; a delivery id seen before records nothing. */
  record(repo: string, push: PendingPush): Promise<RecordResult>;
  /** True the first time a delivery id is offered (events other than push). */
  claimDelivery(id: string): Promise<boolean>;
  pending(repo: string): Promise<PendingPush[]>;
  /** Which of `shas` penult already handled in `repo`. */
  settled(repo: string, shas: readonly string[]): Promise<Set<string>>;
  /**
   * Removes handled pushes from the waiting list; with `remember`, their commits (and the heads they
   * replaced) count as handled from now on. Pushes recorded meanwhile stay.
   */
  finish(repo: string, pushes: readonly PendingPush[], options: { remember: boolean }): Promise<void>;
  /** Pushes waiting over all repositories (a metric). */
  pendingCount(): Promise<number>;
}

/** How many handled commits a store remembers per repository; past it, the GitHub-side check still holds. */
export const SETTLED_LIMIT = 10_000;
