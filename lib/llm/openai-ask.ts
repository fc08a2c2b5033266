import type { Statement } from "../statements/types.js";
import { ANSWER_SCHEMA, renderQuestion, SYSTEM_PROMPT } from "./answer-schema.js";
import type { AskModel } from "./enrich-facts.js";
import { openAiClient } from "./openai-client.js";

export interface OpenAiAskOptions {
  model: string;
  /** Endpoint of any OpenAI-compatible server; the SDK's default (OPENAI_BASE_URL, else api.openai.com) when absent. */
  baseURL?: string;
  apiKey?: string;
  timeoutMs?: number;
  maxRetries?: number;
}

/**
 * Asks through the official `openai` SDK with a JSON Schema structured output, at temperature 0.
 * The SDK retries 429 and 5xx with back-off (`maxRetries`) and honours `retry-after`.
 */
export function createOpenAiAsk(options: OpenAiAskOptions): AskModel {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const client = openAiClient({ ...options, timeoutMs });
  const schema = requestSchema(ANSWER_SCHEMA);
  return async (statement: Statement) => {
    const started = performance.now();
    const res = await client
      .createChat({
      model: options.model,
      temperature: 0,
      messages: [
        { role: "system", content: SYSTEM_PROMPT },
        { role: "user", content: renderQuestion(statement) },
      ],
      response_format: { type: "json_schema", json_schema: { name: "statement_facts", strict: true, schema } },
      })
      .catch((err: unknown) => {
        // The SDK reports an aborted request as a connection error in some runtimes; the clock does not lie.
        if (performance.now() - started >= timeoutMs) throw new LlmTimeoutError(`no answer within ${timeoutMs} ms`);
        throw err;
      });
    const message = res.choices[0]?.message;
    return {
      content: message?.content ?? null,
      refusal: message?.refusal ?? null,
      ...(res.usage ? { promptTokens: res.usage.prompt_tokens, completionTokens: res.usage.completion_tokens } : {}),
    };
  };
}

/** A request that got no answer within the configured timeout (retries included). */
export class LlmTimeoutError extends Error {
  override name = "LlmTimeoutError";
}

/**
 * The schema as sent: size limits removed, since not every OpenAI-compatible server accepts them in
 * strict mode. The full schema, limits included, still validates every answer.
 */
export function requestSchema(schema: unknown): Record<string, unknown> {
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(strip);
    if (v && typeof v === "object") {
      return Object.fromEntries(
        Object.entries(v as Record<string, unknown>)
          .filter(([k]) => !["minLength", "maxLength", "minItems", "maxItems"].includes(k))
          .map(([k, x]) => [k, strip(x)]),
      );
    }
    return v;
  };
  return strip(schema) as Record<string, unknown>;
}
