import type { Token } from "./tokenize-source.js";

const OPEN: Record<string, string> = { "(": ")", "[": "]", "{": "}" };

/** Thrown when brackets do not balance: the file cannot be verified. */
export class StructureError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/** True when token `t` is punctuation `p`. */
export function isPunct(t: Token | undefined, p: string): boolean {
  return t !== undefined && t.kind === "punct" && t.text === p;
}

/** True when token `t` is the (non-raw) identifier/keyword `word`. */
export function isWord(t: Token | undefined, word: string): boolean {
  return t !== undefined && t.kind === "ident" && !t.raw && t.text === word;
}

/** Index of the bracket closing the one at `open` (`(`, `[` or `{`); other brackets nest inside. */
export function findClose(tokens: readonly Token[], open: number): number {
  const stack: string[] = [];
  for (let i = open; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== "punct") continue;
    const close = OPEN[t.text];
    if (close) stack.push(close);
    else if (t.text === ")" || t.text === "]" || t.text === "}") {
      if (stack.pop() !== t.text) throw new StructureError(`unbalanced \`${t.text}\``, t.line);
      if (stack.length === 0) return i;
    }
  }
  throw new StructureError(`\`${tokens[open]?.text}\` is never closed`, tokens[open]?.line ?? 1);
}
