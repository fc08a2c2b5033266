import { createRequire } from "node:module";
import type OpenAI from "openai";

/*
 * The `openai` SDK is an optional peer dependency: most people run penult offline, and the SDK is
 * a fifth of a default install. It is loaded on the first request, never at start-up, and a clear
 * message says how to add it when a run asks for the LLM without it.
 */

/** What penult says when the LLM engine is asked for and the `openai` package is not installed. */
export const OPENAI_MISSING = "the LLM engine needs the `openai` package, an optional peer dependency of penult: run `npm install --save-dev openai`";

/** Is the `openai` package installed where penult can load it? */
export function openAiInstalled(): boolean {
  try {
    createRequire(import.meta.url).resolve("openai");
    return true;
  } catch {
    return false;
  }
}

/** Thrown on a request when the `openai` package is missing. */
export class OpenAiMissingError extends Error {
  override name = "OpenAiMissingError";
  constructor() {
    super(OPENAI_MISSING);
  }
}

export interface OpenAiClientOptions {
  /** Endpoint of any OpenAI-compatible server; the SDK's default (OPENAI_BASE_URL, else api.openai.com) when absent. */
  baseURL?: string;
  apiKey?: string;
  timeoutMs: number;
  maxRetries?: number;
}

/** The one SDK call penult makes, on a client built (and the SDK imported) on first use. */
export interface ChatClient {
  createChat(body: OpenAI.Chat.Completions.ChatCompletionCreateParamsNonStreaming): Promise<OpenAI.Chat.Completions.ChatCompletion>;
}

/** A chat client for one endpoint; the SDK retries 429 and 5xx with back-off and honours `retry-after`. */
export function openAiClient(options: OpenAiClientOptions): ChatClient {
  let client: Promise<OpenAI> | undefined;
  const connect = async (): Promise<OpenAI> => {
    let mod: typeof import("openai");
    try {
      mod = await import("openai");
    } catch (err) {
      if ((err as { code?: string }).code === "ERR_MODULE_NOT_FOUND") throw new OpenAiMissingError();
      throw err;
    }
    return new mod.default({
      apiKey: options.apiKey ?? "unused",
      ...(options.baseURL ? { baseURL: options.baseURL } : {}),
      timeout: options.timeoutMs,
      maxRetries: options.maxRetries ?? 2,
    });
  };
  return {
    async createChat(body) {
      client ??= connect();
      return (await client).chat.completions.create(body);
    },
  };
}
