import { readEnvLimits, readJobLimits, type JobLimits, type LimitSpec } from "../lib/limits/job-limits.js";
import { LlmLedger } from "../lib/llm/llm-budget.js";
import type { LlmEnv } from "../lib/llm/llm-from-env.js";
import { readLlmPolicy, type LlmPolicy } from "../lib/llm/llm-limits.js";
import { CommandLimiter } from "./command-limiter.js";

/** How often one person may run commands in one repository. */
export interface CommandLimits {
  commandsPerUser: number;
  commandWindowMs: number;
}

/** Every command limit, in the order docs/security.md lists them. */
export const COMMAND_LIMIT_SPECS: readonly LimitSpec<keyof CommandLimits>[] = [
  { key: "commandsPerUser", env: "PENULT_COMMANDS_PER_USER", default: 5, unit: "requests", what: "commands one person may run in one repository per window" },
  { key: "commandWindowMs", env: "PENULT_COMMAND_WINDOW_MS", default: 600_000, unit: "ms", what: "the window of that count" },
];

/**
 * What the App takes from its own environment, the one input it trusts: limits for every job,
 * the LLM endpoint and the operator's LLM policy, and the per-person command rate. Read once at
 * start-up; a bad value stops the App instead of lifting a limit.
 */
export interface AppSettings {
  limits: JobLimits;
  llm: LlmPolicy;
  /** LLM spending per installation and day, shared by every job of this process. */
  ledger: LlmLedger;
  /** OPENAI_BASE_URL and OPENAI_API_KEY. */
  llmEnv: LlmEnv;
  /** Commands per person and repository, shared by every comment this process handles. */
  commandLimiter: CommandLimiter;
}

export function readAppSettings(env: Readonly<Record<string, string | undefined>> = process.env): AppSettings {
  const llm = readLlmPolicy(env);
  const commands = readEnvLimits(COMMAND_LIMIT_SPECS, env);
  return {
    limits: readJobLimits(env),
    llm,
    ledger: new LlmLedger({ requests: llm.limits.requestsPerDay, tokens: llm.limits.tokensPerDay }),
    llmEnv: { OPENAI_BASE_URL: env.OPENAI_BASE_URL, OPENAI_API_KEY: env.OPENAI_API_KEY },
    commandLimiter: new CommandLimiter(commands.commandsPerUser, commands.commandWindowMs),
  };
}
