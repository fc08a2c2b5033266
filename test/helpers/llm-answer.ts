/** An LLM answer (lib/llm/answer-schema.ts) that says nothing, with `over` filled in: what scripted fakes return. */
export function llmAnswer(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    actors: [],
    subject: null,
    actions: [],
    entities: [],
    fields: [],
    events: [],
    errors: [],
    constraints: [],
    functional: true,
    qualities: [],
    ...over,
  };
}
