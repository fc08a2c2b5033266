/**
 * Webhook deliveries arrive unordered and may run at once; two jobs writing the same contracts
 * branch would race. Work is chained per repository, and a delivery id seen before does nothing
 * (GitHub redelivers on request with the same id).
 */
export class WorkQueue {
  private readonly tails = new Map<string, Promise<unknown>>();
  private readonly seen = new Set<string>();

  constructor(private readonly rememberDeliveries = 5000) {}

  /** True the first time a delivery id is offered; false for a redelivery. */
  firstDelivery(id: string | undefined): boolean {
    if (!id) return true;
    if (this.seen.has(id)) return false;
    this.seen.add(id);
    if (this.seen.size > this.rememberDeliveries) {
      const oldest = this.seen.values().next().value as string;
      this.seen.delete(oldest);
    }
    return true;
  }

  /** Resolves when every job queued so far has settled (tests and graceful shutdown wait on it). */
  async idle(): Promise<void> {
    while (this.tails.size > 0) await Promise.all([...this.tails.values()]);
  }

  /** Runs `job` after every job queued earlier for the same key has settled. */
  run<T>(key: string, job: () => Promise<T>): Promise<T> {
    const prev = this.tails.get(key) ?? Promise.resolve();
    const next = prev.then(job, job);
    const tail = next.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return next;
  }
}
