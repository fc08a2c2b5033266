import type { Finding } from "./n1-codes.js";
import type { Token } from "./tokenize-source.js";
import { findClose, isPunct, isWord } from "./token-utils.js";

/**
 * Finds implementation in Go source: functions with bodies, methods (functions with a receiver)
 * and function literals. Function *types* (`func(int) error` in a field, parameter or interface
 * method) are skipped by parsing the signature and its result type, so that only a `{` that really
 * opens a body counts.
 */
export function scanGo(tokens: readonly Token[]): Finding[] {
  const findings: Finding[] = [];

  /** Index after a type starting at `j` (best effort over Go's type grammar). */
  const skipType = (j: number): number => {
    for (;;) {
      const t = tokens[j];
      if (!t) return j;
      if (isPunct(t, "*") || (isPunct(t, ".") && isPunct(tokens[j + 1], ".") && isPunct(tokens[j + 2], "."))) {
        j += t.text === "*" ? 1 : 3;
        continue;
      }
      if (isPunct(t, "[")) {
        j = findClose(tokens, j) + 1;
        continue;
      }
      if (isWord(t, "map")) {
        j++;
        if (isPunct(tokens[j], "[")) j = findClose(tokens, j) + 1;
        continue;
      }
      if (isPunct(t, "<") && isPunct(tokens[j + 1], "-")) {
        j += 2;
        continue;
      }
      if (isWord(t, "chan")) {
        j++;
        if (isPunct(tokens[j], "<") && isPunct(tokens[j + 1], "-")) j += 2;
        continue;
      }
      if (isWord(t, "func")) {
        j++;
        if (!isPunct(tokens[j], "(")) return j;
        return skipResult(findClose(tokens, j) + 1);
      }
      if (isWord(t, "struct") || isWord(t, "interface")) {
        j++;
        return isPunct(tokens[j], "{") ? findClose(tokens, j) + 1 : j;
      }
      if (isPunct(t, "(")) return findClose(tokens, j) + 1;
      if (t.kind === "ident") {
        j++;
        while (isPunct(tokens[j], ".") && tokens[j + 1]?.kind === "ident") j += 2;
        if (isPunct(tokens[j], "[") && !tokens[j]!.newlineBefore) j = findClose(tokens, j) + 1;
        return j;
      }
      return j;
    }
  };

  /** Index after the result of a signature whose parameters end just before `j`. */
  const skipResult = (j: number): number => {
    const t = tokens[j];
    if (!t || t.newlineBefore) return j;
    if (isPunct(t, "(")) return findClose(tokens, j) + 1;
    if (isPunct(t, "{")) return j;
    const startsType =
      t.kind === "ident" || isPunct(t, "*") || isPunct(t, "[") || (isPunct(t, "<") && isPunct(tokens[j + 1], "-")) || isPunct(t, "(");
    return startsType ? skipType(j) : j;
  };

  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === "punct") {
      if (t.text === "(" || t.text === "[" || t.text === "{") depth++;
      else if (t.text === ")" || t.text === "]" || t.text === "}") depth--;
      continue;
    }
    if (!isWord(t, "func")) continue;
    const prev = tokens[i - 1];
    // `[]func()`, `chan func()`: a type, never a literal (`[]func(){f, g}` is a composite literal).
    if (isPunct(prev, "]") || isWord(prev, "chan") || isPunct(prev, "*")) continue;
    let j = i + 1;
    let receiver: string | undefined;
    let name: Token | undefined;
    // A declaration (with optional receiver and a name) starts a top-level statement; anything
    // else is a function literal or type.
    const declaration = depth === 0 && (prev === undefined || t.newlineBefore || isPunct(prev, ";"));
    if (declaration && isPunct(tokens[j], "(")) {
      const close = findClose(tokens, j);
      const idents = tokens.slice(j + 1, close).filter((x) => x.kind === "ident");
      // `(c *Cart)`, `(Cart)`, `(c *Cart[T])`: the type name is the first identifier after the
      // receiver name (or the only one).
      receiver = (idents.length >= 2 ? idents[1] : idents[0])?.text;
      j = close + 1;
    }
    if (declaration && tokens[j]?.kind === "ident") {
      name = tokens[j];
      j++;
      if (isPunct(tokens[j], "[")) j = findClose(tokens, j) + 1;
    }
    if (!isPunct(tokens[j], "(")) continue;
    j = skipResult(findClose(tokens, j) + 1);
    if (!isPunct(tokens[j], "{")) {
      i = j - 1;
      continue;
    }
    const close = findClose(tokens, j);
    if (receiver !== undefined) {
      findings.push({
        code: "N1_METHOD",
        line: (name ?? t).line,
        column: (name ?? t).column,
        what: `method \`${name?.text ?? "?"}\` on \`${receiver}\` has a body`,
        owner: receiver,
      });
    } else if (name) {
      findings.push({ code: "N1_FUNCTION_BODY", line: name.line, column: name.column, what: `function \`${name.text}\` has a body` });
    } else {
      findings.push({ code: "N1_FUNCTION_BODY", line: t.line, column: t.column, what: "function literal in a contract" });
    }
    i = close;
  }
  return findings;
}
