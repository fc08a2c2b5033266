import { describe, expect, it } from "@jest/globals";
import { budgetAsk, LlmBudgetError, LlmLedger } from "../../lib/llm/llm-budget.js";
import { applyLlmPolicy, readLlmPolicy } from "../../lib/llm/llm-limits.js";
import type { Statement } from "../../lib/statements/types.js";

const statement = { id: "s" } as Statement;
const answer = async () => ({ content: "{}", promptTokens: 60, completionTokens: 40 });

describe("LLM budgets", () => {
  it("a repository can only lower the operator's limits", () => {
    const policy = readLlmPolicy({ PENULT_LLM_CONCURRENCY: "4", PENULT_LLM_MAX_RETRIES: "0", PENULT_LLM_REQUESTS_PER_JOB: "50" });
    const applied = applyLlmPolicy({ model: "m", concurrency: 32, maxRetries: 10, timeoutMs: 900_000, maxRequests: 10 }, policy);
    expect(applied.llm).toMatchObject({ concurrency: 4, maxRetries: 0, timeoutMs: 30_000 });
    expect(applied.perJob.requests).toBe(10);
    expect(applyLlmPolicy({ model: "m", maxRequests: 500 }, policy).perJob.requests).toBe(50);
  });

  it("a model outside the operator's list is refused; bad numbers stop start-up", () => {
    expect(applyLlmPolicy({ model: "big" }, readLlmPolicy({ PENULT_LLM_MODELS: "small, tiny" })).refused).toMatch(/not one this App's operator allows \(small, tiny\)/);
    expect(() => readLlmPolicy({ PENULT_LLM_REQUESTS_PER_JOB: "lots" })).toThrow(/PENULT_LLM_REQUESTS_PER_JOB must be a whole number/);
  });

  it("stops at the job's requests and tokens, and at the installation's day, which rolls over at midnight UTC", async () => {
    let now = Date.parse("2026-03-01T12:00:00Z");
    const ledger = new LlmLedger({ requests: 5, tokens: 1_000_000 }, () => now);
    const ask = budgetAsk(answer, { perJob: { requests: 3, tokens: 1_000_000 }, ledger, account: "1" });
    for (let i = 0; i < 3; i++) await ask(statement);
    await expect(ask(statement)).rejects.toThrow(new LlmBudgetError("the LLM budget of 3 requests per job is spent"));
    const next = budgetAsk(answer, { perJob: { requests: 3, tokens: 1_000_000 }, ledger, account: "1" });
    await next(statement);
    await next(statement);
    await expect(next(statement)).rejects.toThrow(/5 requests per installation and day/);
    // Another installation has its own day.
    await budgetAsk(answer, { perJob: { requests: 3, tokens: 1_000_000 }, ledger, account: "2" })(statement);
    now = Date.parse("2026-03-02T00:00:01Z");
    await next(statement);
    const tokens = budgetAsk(answer, { perJob: { requests: 100, tokens: 150 }, ledger, account: "3" });
    await tokens(statement);
    await tokens(statement);
    await expect(tokens(statement)).rejects.toThrow(/150 tokens per job/);
  });
});
