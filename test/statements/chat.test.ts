import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { parseStatements } from "../../lib/statements/parse-statements.js";
import { seedConversationPath } from "../../bench/corpus-path.js";

function readSeed(): Buffer {
  return readFileSync(seedConversationPath());
}

/** Lines of the seed that are code pasted without fences (a language line, then code). */
const CODE_LINES = [
  "constraints = {",
  '"latency": "< 100ms",',
  'llm_prompt = f"""',
  "Given these constraints: {constraints}",
  "What system architecture would you recommend?",
  "observed_failures = [",
  "def architectural_recursion(requirements, depth=0):",
  "from abc import ABC, abstractmethod",
  "class EventProcessor(ABC):",
  "ValidationResult validateEvent(Event event);",
  "fn validate_event(&self, event: Event) -> ValidationResult;",
  "apiVersion: apps/v1",
  "replicas: 10",
  '"I need a chat system where messages are delivered instantly"',
  "system_vision:",
  "lets research on system architectures using llms...",
  "reality = system.manifest_from_conversation(test_conversation)",
];

describe("chat transcripts", () => {
  for (const path of ["statements/seed.txt", "statements/seed.md"]) {
    it(`finds the user turns of the unmarked seed conversation (${path})`, () => {
      const { statements, diagnostics } = parseStatements([{ path, content: readSeed() }]);
      expect(statements.every((s) => s.kind === "chat")).toBe(true);
      const user = statements.filter((s) => s.speaker === "user");
      expect(user.map((s) => s.span.start.line)).toEqual([1, 76, 198, 199, 200, 201, 202, 203, 204, 349, 521]);
      expect(user[0]!.text).toBe("lets research on system architectures using llms.");
      expect(user[9]!.text).toBe("then all the input I need for such system are just statements ? and the reality follows ?");
      const assistant = statements.filter((s) => s.speaker === "assistant");
      expect(assistant.length).toBeGreaterThan(200);
      expect(assistant.some((s) => s.text === "Parses intent from statements")).toBe(true);
      // No code line, search residue or filler became a statement.
      const texts = new Set(statements.map((s) => s.text));
      for (const code of CODE_LINES) expect(texts.has(code) || texts.has(code.replace(/^"|"$/g, ""))).toBe(false);
      for (const s of statements) {
        // "ai = Abstract → Implementation" is the assistant's notation, not code; an assignment of a call or literal is.
        expect(s.text).not.toMatch(/^(?:[\w.]+\s*=\s*[\w.]*[({\["]|def |class |import |from \w+ import|fn |trait |interface |#|\/\/|[{}\[\]])/);
        expect(s.text).not.toMatch(/^\d+ results?$|\s\|\s/);
        expect(s.text).not.toMatch(/^(Would you like|Want to explore|Should we)/);
      }
      const info = diagnostics.find((d) => d.code === "PARSE_SKIPPED");
      expect(info?.message).toMatch(/\d+ code lines, \d+ search-result lines, \d+ diagram lines, \d+ filler sentences/);
      expect(Number(/(\d+) code lines/.exec(info!.message)![1])).toBeGreaterThan(100);
    });
  }

  it("reads explicit speaker markers and skips code and filler", () => {
    const s = parseStatements([{ path: "statements/chat.md", content: readFileSync(join(process.cwd(), "test/fixtures/statements/chat-marked/input.md")) }]).statements;
    expect(s.map((x) => [x.speaker, x.text])).toEqual([
      ["user", "I want a shop where people can add items to a cart."],
      ["assistant", "The cart keeps the items a shopper picked."],
      ["assistant", "Each item has a quantity and a price."],
      ["user", "yes, and payments must be refunded within 14 days."],
      ["assistant", "Refunds are issued to the original payment method within 14 days."],
    ]);
  });

  it("supports Human:/AI: lines, ## headings and quoted turns under front matter", () => {
    const plain = parseStatements([{ path: "statements/a.txt", content: "Human: The shop sells books.\nAI: Books have an ISBN and a title.\n" }]).statements;
    expect(plain.map((x) => x.speaker)).toEqual(["user", "assistant"]);
    const headings = parseStatements([{ path: "statements/b.md", content: "## User\n\nCarts expire after a day.\n\n## Assistant\n\nThe cart store deletes carts older than a day.\n" }]).statements;
    expect(headings.map((x) => [x.speaker, x.kind])).toEqual([["user", "chat"], ["assistant", "chat"]]);
    const quoted = parseStatements([
      { path: "statements/c.md", content: "---\npenult:\n  format: chat\n---\n> the shop needs gift cards\n\nGift cards hold a balance in one currency.\n" },
    ]).statements;
    expect(quoted.map((x) => [x.speaker, x.text])).toEqual([
      ["user", "the shop needs gift cards"],
      ["assistant", "Gift cards hold a balance in one currency."],
    ]);
  });

  it("does not mistake a spec with a **User** glossary bullet for a chat", () => {
    const s = parseStatements([{ path: "statements/g.md", content: "## Glossary\n\n- **User**: a person with an account\n- **AI**: the assistant feature\n" }]).statements;
    expect(s.map((x) => x.kind)).toEqual(["glossary", "glossary"]);
  });
});
