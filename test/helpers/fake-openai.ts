/**
 * A local OpenAI-compatible server for the LLM engine's plumbing tests: real HTTP, the real
 * `openai` SDK on the other side. It answers from a script keyed by the statement text. The
 * scripted answers test plumbing only; they are never reported as a model's quality.
 */
import { createServer, type Server } from "node:http";

export type Scripted =
  | { answer: unknown }
  | { raw: string }
  | { refusal: string }
  | { status: number; times?: number; then?: Scripted }
  | { delayMs: number; then: Scripted };

export interface FakeOpenAi {
  baseURL: string;
  /** Request bodies received, in order. */
  requests: { model: string; system: string; user: string; responseFormat: unknown }[];
  close(): Promise<void>;
}

export async function startFakeOpenAi(script: (statementText: string) => Scripted | undefined): Promise<FakeOpenAi> {
  const requests: FakeOpenAi["requests"] = [];
  const failuresLeft = new Map<string, number>();
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (req.method !== "POST" || !req.url?.endsWith("/chat/completions")) {
      res.writeHead(404, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: "not found" } }));
      return;
    }
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    const system = body.messages?.find((m: { role: string }) => m.role === "system")?.content ?? "";
    const user = body.messages?.find((m: { role: string }) => m.role === "user")?.content ?? "";
    requests.push({ model: body.model, system, user, responseFormat: body.response_format });
    let text = "";
    try {
      text = JSON.parse(user).statement ?? "";
    } catch {
      // not our prompt shape
    }
    let step = script(text);
    const send = async (s: Scripted | undefined): Promise<void> => {
      if (!s) {
        res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: { message: `no scripted answer for ${JSON.stringify(text)}` } }));
        return;
      }
      if ("delayMs" in s) {
        await new Promise((r) => setTimeout(r, s.delayMs));
        if (res.destroyed) return;
        return send(s.then);
      }
      if ("status" in s) {
        const left = failuresLeft.get(text) ?? s.times ?? Infinity;
        if (left > 0) {
          failuresLeft.set(text, left - 1);
          res.writeHead(s.status, { "content-type": "application/json", "retry-after-ms": "10" });
          res.end(JSON.stringify({ error: { message: `scripted ${s.status}` } }));
          return;
        }
        return send(s.then);
      }
      const message =
        "refusal" in s
          ? { role: "assistant", content: null, refusal: s.refusal }
          : { role: "assistant", content: "raw" in s ? s.raw : JSON.stringify(s.answer), refusal: null };
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          id: "chatcmpl-test",
          object: "chat.completion",
          created: 0,
          model: body.model,
          choices: [{ index: 0, message, finish_reason: "stop", logprobs: null }],
          usage: { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 },
        }),
      );
    };
    await send(step);
    step = undefined;
  });
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const addr = server.address();
  return {
    baseURL: `http://127.0.0.1:${typeof addr === "object" && addr ? addr.port : 0}/v1`,
    requests,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
