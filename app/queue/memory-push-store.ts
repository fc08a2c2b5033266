import type { PendingPush } from "./penult-job.js";
import { SETTLED_LIMIT, type PushStore, type RecordResult } from "./push-store.js";

/**
 * The push store of a single process. It forgets everything on restart, like the process's queue;
 * the pull request's state marker is then what keeps a late push from moving the PR back.
 */
export class MemoryPushStore implements PushStore {
  private readonly waiting = new Map<string, Map<string, PendingPush>>();
  private readonly handled = new Map<string, Set<string>>();
  private readonly deliveries = new Set<string>();

  constructor(private readonly rememberDeliveries = 5000) {}

  async record(repo: string, push: PendingPush): Promise<RecordResult> {
    if (!this.offer(push.deliveryId)) return this.waiting.get(repo)?.has(push.after) ? "pending" : "done";
    let map = this.waiting.get(repo);
    if (!map) this.waiting.set(repo, (map = new Map()));
    map.set(push.after, push);
    return "new";
  }

  async claimDelivery(id: string): Promise<boolean> {
    return this.offer(id);
  }

  async pending(repo: string): Promise<PendingPush[]> {
    return [...(this.waiting.get(repo)?.values() ?? [])];
  }

  async settled(repo: string, shas: readonly string[]): Promise<Set<string>> {
    const set = this.handled.get(repo);
    return new Set(shas.filter((s) => set?.has(s)));
  }

  async finish(repo: string, pushes: readonly PendingPush[], options: { remember: boolean }): Promise<void> {
    const map = this.waiting.get(repo);
    for (const p of pushes) if (map?.get(p.after)?.deliveryId === p.deliveryId) map.delete(p.after);
    if (map?.size === 0) this.waiting.delete(repo);
    if (!options.remember) return;
    let set = this.handled.get(repo);
    if (!set) this.handled.set(repo, (set = new Set()));
    for (const p of pushes) set.add(p.after).add(p.before);
    // Oldest first out: a Set keeps insertion order.
    for (const s of set) {
      if (set.size <= SETTLED_LIMIT) break;
      set.delete(s);
    }
  }

  async pendingCount(): Promise<number> {
    let n = 0;
    for (const m of this.waiting.values()) n += m.size;
    return n;
  }

  private offer(id: string): boolean {
    if (this.deliveries.has(id)) return false;
    this.deliveries.add(id);
    if (this.deliveries.size > this.rememberDeliveries) this.deliveries.delete(this.deliveries.values().next().value as string);
    return true;
  }
}
