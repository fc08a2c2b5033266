// Parses Mermaid diagrams with Mermaid's own parser, in a separate Node process.
// stdin: JSON [{ "name": string, "text": string }]; stdout: JSON [{ "name": string, "error"?: string }].
// mermaid 11 is the last major that runs on Node 20; its sanitiser (DOMPurify) needs a DOM even to
// parse, so a happy-dom window is installed as the global before the import. It runs out of process
// because Jest's per-file global cleanup overflows the stack on happy-dom's object graph.
import { Window } from "happy-dom";

const window = new Window();
globalThis.window = window;
globalThis.document = window.document;
const { default: mermaid } = await import("mermaid");

let input = "";
for await (const chunk of process.stdin) input += chunk;
const results = [];
for (const { name, text } of JSON.parse(input)) {
  try {
    await mermaid.parse(text);
    results.push({ name });
  } catch (err) {
    results.push({ name, error: String(err instanceof Error ? err.message : err) });
  }
}
process.stdout.write(JSON.stringify(results));
process.exit(0);
