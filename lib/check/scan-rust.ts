import type { Finding } from "./n1-codes.js";
import type { Token } from "./tokenize-source.js";
import { findClose, isPunct, isWord, StructureError } from "./token-utils.js";

type ItemContext = "module" | "trait" | "impl" | "extern";

const QUALIFIERS = new Set(["pub", "unsafe", "async", "default", "auto"]);

/**
 * Finds implementation in Rust source: free functions with bodies, trait methods with default
 * bodies, `impl` blocks that hold functions, closures in `const`/`static` initializers, and item
 * macros (which can expand to anything).
 */
export function scanRust(tokens: readonly Token[]): Finding[] {
  const findings: Finding[] = [];
  const n = tokens.length;

  /** First `{` or `;` at bracket depth 0 from `from`. */
  const headerEnd = (from: number): number => {
    for (let i = from; i < n; i++) {
      const t = tokens[i]!;
      if (isPunct(t, "(") || isPunct(t, "[")) i = findClose(tokens, i);
      else if (isPunct(t, "{") || isPunct(t, ";")) return i;
      else if (isPunct(t, "}")) throw new StructureError("unexpected `}` in an item header", t.line);
    }
    throw new StructureError("item never ends", tokens[from]?.line ?? 1);
  };

  /** Index of the `;` ending an item with an initializer; reports closures on the way. */
  const endOfInitializer = (from: number, owner: string | undefined): number => {
    let depth = 0;
    for (let i = from; i < n; i++) {
      const t = tokens[i]!;
      if (t.kind !== "punct") continue;
      if ((t.text === "|" || t.text === "||") && /^(=|\(|,|\{|\[|move)$/.test(tokens[i - 1]?.text ?? "")) {
        findings.push({ code: "N1_FUNCTION_BODY", line: t.line, column: t.column, what: "closure in a contract", owner });
      }
      if (t.text === "(" || t.text === "[" || t.text === "{") depth++;
      else if (t.text === ")" || t.text === "]" || t.text === "}") {
        if (depth === 0) throw new StructureError(`unbalanced \`${t.text}\``, t.line);
        depth--;
      } else if (depth === 0 && t.text === ";") return i;
    }
    throw new StructureError("initializer never ends", tokens[from]?.line ?? 1);
  };

  /** Name following the `impl` header: the type after `for`, else the implemented type. */
  const implName = (from: number, to: number): string | undefined => {
    let angle = 0;
    let candidate: string | undefined;
    for (let i = from; i < to; i++) {
      const t = tokens[i]!;
      if (isPunct(t, "<")) angle++;
      else if (isPunct(t, ">")) angle--;
      else if (angle === 0 && isWord(t, "for")) candidate = undefined;
      else if (angle === 0 && t.kind === "ident" && !isWord(t, "dyn") && !isWord(t, "where") && candidate === undefined) candidate = t.text;
      else if (angle === 0 && isWord(t, "where")) break;
    }
    return candidate;
  };

  /**
   * Scans items until the `}` closing the current block (returned) or the end of file. Returns the
   * lines of function bodies met directly in this block (impl blocks report them as one finding).
   */
  const scanItems = (start: number, ctx: ItemContext, owner: string | undefined): { end: number; bodies: number[] } => {
    const bodies: number[] = [];
    let i = start;
    while (i < n) {
      const t = tokens[i]!;
      if (isPunct(t, "}")) {
        if (start === 0) throw new StructureError("unbalanced `}`", t.line);
        return { end: i, bodies };
      }
      if (isPunct(t, ";")) {
        i++;
        continue;
      }
      if (isPunct(t, "#")) {
        let j = i + 1;
        if (isPunct(tokens[j], "!")) j++;
        if (!isPunct(tokens[j], "[")) throw new StructureError("`#` outside an attribute", t.line);
        i = findClose(tokens, j) + 1;
        continue;
      }
      // Skip visibility and qualifiers to the item keyword.
      let k = i;
      for (;;) {
        const q = tokens[k];
        if (isWord(q, "pub")) {
          k++;
          if (isPunct(tokens[k], "(")) k = findClose(tokens, k) + 1;
        } else if (q?.kind === "ident" && !q.raw && QUALIFIERS.has(q.text) && tokens[k + 1]?.kind === "ident") k++;
        else if (isWord(q, "const") && (isWord(tokens[k + 1], "fn") || isWord(tokens[k + 1], "unsafe") || isWord(tokens[k + 1], "async") || isWord(tokens[k + 1], "extern"))) k++;
        else if (isWord(q, "extern") && tokens[k + 1]?.kind === "string" && (isWord(tokens[k + 2], "fn") || isWord(tokens[k + 2], "unsafe"))) k += 2;
        else if (isWord(q, "extern") && isWord(tokens[k + 1], "fn")) k++;
        else break;
      }
      const kw = tokens[k];
      if (!kw) throw new StructureError("incomplete item", t.line);
      const word = kw.kind === "ident" && !kw.raw ? kw.text : "";
      if (word === "fn") {
        const end = headerEnd(k + 1);
        const name = tokens[k + 1]?.text ?? "?";
        if (isPunct(tokens[end], "{")) {
          const close = findClose(tokens, end);
          if (ctx === "trait") {
            findings.push({ code: "N1_DEFAULT_METHOD", line: kw.line, column: kw.column, what: `trait method \`${name}\` of \`${owner ?? "?"}\` has a default body`, owner });
          } else if (ctx === "impl") {
            bodies.push(kw.line);
          } else {
            findings.push({ code: "N1_FUNCTION_BODY", line: kw.line, column: kw.column, what: `function \`${name}\` has a body` });
          }
          i = close + 1;
        } else i = end + 1;
        continue;
      }
      if (word === "impl") {
        const end = headerEnd(k + 1);
        if (!isPunct(tokens[end], "{")) throw new StructureError("`impl` without a body", kw.line);
        const name = implName(k + 1, end);
        const inner = scanItems(end + 1, "impl", name);
        if (inner.bodies.length > 0) {
          findings.push({
            code: "N1_IMPL_BLOCK",
            line: kw.line,
            column: kw.column,
            what: `impl block for \`${name ?? "?"}\` holds ${inner.bodies.length} function bod${inner.bodies.length === 1 ? "y" : "ies"} (line${inner.bodies.length === 1 ? "" : "s"} ${inner.bodies.join(", ")})`,
            owner: name,
          });
        }
        i = inner.end + 1;
        continue;
      }
      if (word === "trait" || word === "mod" || (word === "extern" && !isWord(tokens[k + 1], "crate"))) {
        const end = headerEnd(k + 1);
        if (isPunct(tokens[end], "{")) {
          const name = tokens.slice(k + 1, end).find((x) => x.kind === "ident")?.text;
          const inner = scanItems(end + 1, word === "trait" ? "trait" : word === "mod" ? "module" : "extern", word === "trait" ? name : owner);
          i = inner.end + 1;
        } else i = end + 1;
        continue;
      }
      if (word === "struct" || word === "enum" || word === "union") {
        const end = headerEnd(k + 1);
        i = (isPunct(tokens[end], "{") ? findClose(tokens, end) : end) + 1;
        continue;
      }
      if (word === "const" || word === "static" || word === "type" || word === "use" || word === "extern") {
        i = endOfInitializer(k + 1, owner) + 1;
        continue;
      }
      if (word === "macro_rules" || (kw.kind === "ident" && (isPunct(tokens[k + 1], "!") || isPunct(tokens[k + 1], "::")))) {
        // `macro_rules! m { .. }`, `m! { .. }`, `path::m!(..);`
        let j = k;
        while (tokens[j]?.kind === "ident" && isPunct(tokens[j + 1], "::")) j += 2;
        if (!isPunct(tokens[j + 1], "!")) throw new StructureError(`unexpected \`${kw.text}\``, kw.line);
        j += 2;
        if (tokens[j]?.kind === "ident") j++;
        if (!isPunct(tokens[j], "{") && !isPunct(tokens[j], "(") && !isPunct(tokens[j], "[")) throw new StructureError("macro without arguments", kw.line);
        findings.push({
          code: "N1_MACRO",
          line: kw.line,
          column: kw.column,
          what: word === "macro_rules" ? "macro definition in a contract file" : `item macro \`${tokens[j - 1]?.text === "!" ? kw.text : kw.text}!\` in a contract file (it can expand to an implementation)`,
          owner,
        });
        i = findClose(tokens, j) + 1;
        continue;
      }
      throw new StructureError(`unexpected \`${kw.text}\` where an item should start`, kw.line);
    }
    if (start !== 0) throw new StructureError("block is never closed", tokens[start - 1]?.line ?? 1);
    return { end: n, bodies };
  };

  scanItems(0, "module", undefined);
  return findings;
}
