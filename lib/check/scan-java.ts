import type { Finding } from "./n1-codes.js";
import type { Token } from "./tokenize-source.js";
import { findClose, isPunct, isWord, StructureError } from "./token-utils.js";

type BodyKind = "file" | "interface" | "class" | "enum" | "record" | "annotation";

/**
 * Finds implementation in Java source: any `{` at member level that is not a type body is code
 * (method, constructor, compact constructor, initializer block), `default` methods in interfaces,
 * lambdas and anonymous classes in field initializers and enum constant arguments.
 */
export function scanJava(tokens: readonly Token[]): Finding[] {
  const findings: Finding[] = [];
  const n = tokens.length;

  /** Reports lambdas and anonymous class bodies in an expression `[from, to)`. */
  const scanExpr = (from: number, to: number, owner: string | undefined): void => {
    for (let i = from; i < to; i++) {
      const t = tokens[i]!;
      if (isPunct(t, "->")) {
        findings.push({ code: "N1_FUNCTION_BODY", line: t.line, column: t.column, what: "lambda expression in a contract", owner });
      } else if (isPunct(t, "{") && isPunct(tokens[i - 1], ")")) {
        const close = findClose(tokens, i);
        findings.push({ code: "N1_FUNCTION_BODY", line: t.line, column: t.column, what: "anonymous class body in a contract", owner });
        i = close;
      }
    }
  };

  /** End (index of `;` or the closing `}` of the body) of an initializer starting at `from`. */
  const endOfInitializer = (from: number, stopAtComma: boolean): number => {
    let depth = 0;
    for (let i = from; i < n; i++) {
      const t = tokens[i]!;
      if (t.kind !== "punct") continue;
      if (t.text === "(" || t.text === "[" || t.text === "{") depth++;
      else if (t.text === ")" || t.text === "]" || t.text === "}") {
        if (depth === 0) return i;
        depth--;
      } else if (depth === 0 && (t.text === ";" || (stopAtComma && t.text === ","))) return i;
    }
    return n;
  };

  const typeDecl = (header: readonly Token[]): { kind: BodyKind; name: string | undefined } | undefined => {
    for (let k = 0; k < header.length; k++) {
      const t = header[k]!;
      if (t.kind !== "ident") continue;
      const name = header[k + 1]?.kind === "ident" ? header[k + 1]!.text : undefined;
      if (t.text === "class") return { kind: "class", name };
      if (t.text === "enum") return { kind: "enum", name };
      if (t.text === "interface") return { kind: isPunct(header[k - 1], "@") ? "annotation" : "interface", name };
      if (t.text === "record" && header[k + 1]?.kind === "ident") return { kind: "record", name };
    }
    return undefined;
  };

  const scanBody = (start: number, kind: BodyKind, owner: string | undefined): number => {
    let header: Token[] = [];
    /** Header position of each `(` group and the token before it. */
    let groups: { prev: Token | undefined; at: number }[] = [];
    let enumConstants = kind === "enum";
    const reset = (): void => {
      header = [];
      groups = [];
    };
    let i = start;
    while (i < n) {
      const t = tokens[i]!;
      if (isPunct(t, "}")) {
        if (kind === "file") throw new StructureError("unbalanced `}`", t.line);
        return i;
      }
      if (isPunct(t, ";")) {
        enumConstants = false;
        reset();
        i++;
        continue;
      }
      if (enumConstants && isPunct(t, ",")) {
        reset();
        i++;
        continue;
      }
      if (isPunct(t, "@") && tokens[i + 1]?.kind === "ident" && !isWord(tokens[i + 1], "interface")) {
        // Annotation: `@a.b.C` with optional arguments. Not part of the member's shape.
        i += 2;
        while (isPunct(tokens[i], ".") && tokens[i + 1]?.kind === "ident") i += 2;
        if (isPunct(tokens[i], "(")) {
          const close = findClose(tokens, i);
          scanExpr(i + 1, close, owner);
          i = close + 1;
        }
        continue;
      }
      if (isPunct(t, "(") || isPunct(t, "[")) {
        const close = findClose(tokens, i);
        scanExpr(i + 1, close, owner);
        if (t.text === "(") groups.push({ prev: header[header.length - 1], at: header.length });
        header.push(t);
        i = close + 1;
        continue;
      }
      if (isPunct(t, "=") && !enumConstants) {
        const end = endOfInitializer(i + 1, false);
        scanExpr(i + 1, end, owner);
        i = end;
        continue;
      }
      if (isPunct(t, "{")) {
        const decl = typeDecl(header);
        if (decl) {
          const close = scanBody(i + 1, decl.kind, decl.name ?? owner);
          reset();
          i = close + 1;
          continue;
        }
        if (enumConstants) {
          // `A { ... }`: the constant's own class body; its methods are reported inside.
          const close = scanBody(i + 1, "class", owner);
          reset();
          i = close + 1;
          continue;
        }
        const close = findClose(tokens, i);
        if (isWord(header[header.length - 1], "default")) {
          // Annotation element default `int[] xs() default {1, 2};`: a value, not a body.
          scanExpr(i + 1, close, owner);
          i = close + 1;
          continue;
        }
        const method = groups.find((g) => g.prev?.kind === "ident");
        const isDefault = header.some((h) => isWord(h, "default"));
        if (method?.prev) {
          const name = method.prev.text;
          const code = kind === "interface" && isDefault ? "N1_DEFAULT_METHOD" : "N1_FUNCTION_BODY";
          const what =
            code === "N1_DEFAULT_METHOD"
              ? `default method \`${name}\` of \`${owner ?? "?"}\` has a body`
              : name === owner
                ? `constructor of \`${name}\` has a body`
                : `method \`${name}\`${owner ? ` of \`${owner}\`` : ""} has a body`;
          findings.push({ code, line: method.prev.line, column: method.prev.column, what, owner });
        } else {
          const compact = kind === "record" && header[header.length - 1]?.kind === "ident";
          const what = compact
            ? `compact constructor of record \`${owner ?? "?"}\` has a body`
            : `initializer block${owner ? ` in \`${owner}\`` : ""}`;
          findings.push({ code: "N1_FUNCTION_BODY", line: t.line, column: t.column, what, owner });
        }
        reset();
        i = close + 1;
        continue;
      }
      header.push(t);
      i++;
    }
    if (kind !== "file") throw new StructureError(`body of \`${owner ?? kind}\` is never closed`, tokens[start - 1]?.line ?? 1);
    return n;
  };

  scanBody(0, "file", undefined);
  return findings;
}
