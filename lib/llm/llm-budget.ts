import type { AskModel } from "./enrich-facts.js";

/** A request the budget refused: the statement keeps its offline facts, with this reason. */
export class LlmBudgetError extends Error {
  override name = "LlmBudgetError";
}

/**
 * Requests and tokens each account (a GitHub App installation) spent on the current UTC day. Kept
 * in memory by the process that makes the requests; a restart forgets it.
 */
export class LlmLedger {
  private day = "";
  private readonly spent = new Map<string, { requests: number; tokens: number }>();

  constructor(
    private readonly perDay: { requests: number; tokens: number },
    private readonly now: () => number = Date.now,
  ) {}

  private of(account: string): { requests: number; tokens: number } {
    const today = new Date(this.now()).toISOString().slice(0, 10);
    if (today !== this.day) {
      this.day = today;
      this.spent.clear();
    }
    let entry = this.spent.get(account);
    if (!entry) this.spent.set(account, (entry = { requests: 0, tokens: 0 }));
    return entry;
  }

  /** Why `account` may not make another request today, or undefined. */
  refusal(account: string): string | undefined {
    const e = this.of(account);
    if (e.requests >= this.perDay.requests) return `the LLM budget of ${this.perDay.requests} requests per installation and day is spent`;
    if (e.tokens >= this.perDay.tokens) return `the LLM budget of ${this.perDay.tokens} tokens per installation and day is spent`;
    return undefined;
  }

  record(account: string, spent: { requests?: number; tokens?: number }): void {
    const e = this.of(account);
    e.requests += spent.requests ?? 0;
    e.tokens += spent.tokens ?? 0;
  }

  /** What `account` spent today. */
  usage(account: string): { requests: number; tokens: number } {
    return { ...this.of(account) };
  }
}

/**
 * `ask` within a budget: at most `perJob.requests` requests and `perJob.tokens` tokens for the
 * job, and whatever the ledger still allows the account today. A request over budget is not sent
 * and fails with an {@link LlmBudgetError}. Tokens are known only once an answer arrives, so
 * requests already in flight may pass the token budget by what they cost.
 */
export function budgetAsk(ask: AskModel, budget: { perJob: { requests: number; tokens: number }; ledger: LlmLedger; account: string }): AskModel {
  let requests = 0;
  let tokens = 0;
  return async (statement) => {
    const refusal =
      requests >= budget.perJob.requests
        ? `the LLM budget of ${budget.perJob.requests} requests per job is spent`
        : tokens >= budget.perJob.tokens
          ? `the LLM budget of ${budget.perJob.tokens} tokens per job is spent`
          : budget.ledger.refusal(budget.account);
    if (refusal) throw new LlmBudgetError(refusal);
    requests++;
    budget.ledger.record(budget.account, { requests: 1 });
    const result = await ask(statement);
    const cost = (result.promptTokens ?? 0) + (result.completionTokens ?? 0);
    tokens += cost;
    budget.ledger.record(budget.account, { tokens: cost });
    return result;
  };
}
