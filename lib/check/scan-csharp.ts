import type { Finding } from "./n1-codes.js";
import type { Token } from "./tokenize-source.js";
import { findClose, isPunct, isWord, StructureError } from "./token-utils.js";

type BodyKind = "file" | "namespace" | "interface" | "class" | "struct" | "record";

const ACCESSORS = new Set(["get", "set", "init", "add", "remove"]);

/**
 * Finds implementation in C# source: method/constructor/operator bodies, expression-bodied members
 * (`=> expr`), accessors with bodies (`get { .. }`, `get => ..`), default interface members, lambdas
 * and anonymous methods in initializers, and top-level statements.
 */
export function scanCSharp(tokens: readonly Token[]): Finding[] {
  const findings: Finding[] = [];
  const n = tokens.length;

  const scanExpr = (from: number, to: number, owner: string | undefined): void => {
    for (let i = from; i < to; i++) {
      const t = tokens[i]!;
      if (isPunct(t, "=>")) {
        findings.push({ code: "N1_FUNCTION_BODY", line: t.line, column: t.column, what: "lambda expression in a contract", owner });
      } else if (isWord(t, "delegate") && (isPunct(tokens[i + 1], "(") || isPunct(tokens[i + 1], "{"))) {
        findings.push({ code: "N1_FUNCTION_BODY", line: t.line, column: t.column, what: "anonymous method in a contract", owner });
      }
    }
  };

  /** Index of the `;` ending a member whose rest starts at `from` (brackets balanced). */
  const endOfMember = (from: number): number => {
    let depth = 0;
    for (let i = from; i < n; i++) {
      const t = tokens[i]!;
      if (t.kind !== "punct") continue;
      if (t.text === "(" || t.text === "[" || t.text === "{") depth++;
      else if (t.text === ")" || t.text === "]" || t.text === "}") {
        if (depth === 0) return i;
        depth--;
      } else if (depth === 0 && t.text === ";") return i;
    }
    return n;
  };

  const typeDecl = (header: readonly Token[]): { kind: BodyKind | "enum"; name: string | undefined } | undefined => {
    for (let k = 0; k < header.length; k++) {
      const t = header[k]!;
      if (t.kind !== "ident" || t.raw) continue;
      let nameAt = k + 1;
      let kind: BodyKind | "enum" | undefined;
      if (t.text === "namespace") kind = "namespace";
      else if (t.text === "class") kind = "class";
      else if (t.text === "struct") kind = "struct";
      else if (t.text === "interface") kind = "interface";
      else if (t.text === "enum") kind = "enum";
      else if (t.text === "record" && header[k + 1]?.kind === "ident") {
        kind = "record";
        if (isWord(header[k + 1], "struct") || isWord(header[k + 1], "class")) nameAt++;
      }
      if (kind) return { kind, name: header[nameAt]?.kind === "ident" ? header[nameAt]!.text : undefined };
    }
    return undefined;
  };

  /** The method-name token when the header is a method/constructor/operator signature. */
  const methodName = (header: readonly Token[], groups: readonly number[]): Token | undefined => {
    const isOperator = header.some((h) => isWord(h, "operator"));
    for (const at of groups) {
      const prev = header[at - 1];
      const after = header[at + 1];
      const signatureEnds = after === undefined || isWord(after, "where") || isPunct(after, ":");
      if (!signatureEnds) continue;
      if (isOperator) return header.find((h) => isWord(h, "operator"));
      if (prev?.kind === "ident" || isPunct(prev, ">")) {
        if (isPunct(prev, ">")) {
          // Generic method `Name<T>(..)`: walk back to the name.
          let depth = 0;
          for (let k = at - 1; k >= 0; k--) {
            if (isPunct(header[k], ">")) depth++;
            else if (isPunct(header[k], "<") && --depth === 0) return header[k - 1];
          }
        }
        return prev;
      }
    }
    return undefined;
  };

  /** Accessor list `{ get; set; }` between `open` and its `close`. */
  const scanAccessors = (open: number, close: number, inInterface: boolean, member: string, owner: string | undefined): void => {
    let accessor: Token | undefined;
    for (let i = open + 1; i < close; i++) {
      const t = tokens[i]!;
      if (isPunct(t, "[")) {
        i = findClose(tokens, i);
        continue;
      }
      if (t.kind === "ident" && ACCESSORS.has(t.text)) accessor = t;
      const body = isPunct(t, "{") || isPunct(t, "=>");
      if (body) {
        const at = accessor ?? t;
        findings.push({
          code: inInterface ? "N1_DEFAULT_METHOD" : "N1_FUNCTION_BODY",
          line: at.line,
          column: at.column,
          what: `accessor \`${accessor?.text ?? "?"}\` of \`${member}\` has a body`,
          owner,
        });
        i = isPunct(t, "{") ? findClose(tokens, i) : endOfMember(i + 1);
        accessor = undefined;
      }
    }
  };

  const scanBody = (start: number, kind: BodyKind, owner: string | undefined): number => {
    let header: Token[] = [];
    let groups: number[] = [];
    const reset = (): void => {
      header = [];
      groups = [];
    };
    const topLevel = kind === "file" || kind === "namespace";
    let i = start;
    while (i < n) {
      const t = tokens[i]!;
      if (isPunct(t, "}")) {
        if (kind === "file") throw new StructureError("unbalanced `}`", t.line);
        return i;
      }
      if (isPunct(t, ";")) {
        if (topLevel && groups.length && !header.some((h) => isWord(h, "delegate") || isWord(h, "using"))) {
          const first = header[0]!;
          findings.push({ code: "N1_EXECUTABLE_CODE", line: first.line, column: first.column, what: "top-level statement in a contract file", owner });
        }
        reset();
        i++;
        continue;
      }
      if (isPunct(t, "[") && header.length === 0) {
        // Attribute section: `[Obsolete("..")]`, `[assembly: ..]`.
        const close = findClose(tokens, i);
        scanExpr(i + 1, close, owner);
        i = close + 1;
        continue;
      }
      if (isPunct(t, "(") || isPunct(t, "[")) {
        const close = findClose(tokens, i);
        scanExpr(i + 1, close, owner);
        if (t.text === "(") groups.push(header.length);
        header.push(t);
        i = close + 1;
        continue;
      }
      if (isPunct(t, "=>")) {
        const name = methodName(header, groups) ?? header[header.length - 1];
        const end = endOfMember(i + 1);
        findings.push({
          code: kind === "interface" ? "N1_DEFAULT_METHOD" : "N1_FUNCTION_BODY",
          line: name?.line ?? t.line,
          column: name?.column ?? t.column,
          what: `expression-bodied member \`${name?.text ?? "?"}\`${owner ? ` of \`${owner}\`` : ""}`,
          owner,
        });
        i = end;
        continue;
      }
      if (isPunct(t, "=")) {
        const end = endOfMember(i + 1);
        scanExpr(i + 1, end, owner);
        i = end;
        continue;
      }
      if (isPunct(t, "{")) {
        const close = findClose(tokens, i);
        const decl = typeDecl(header);
        if (decl?.kind === "enum") {
          scanExpr(i + 1, close, owner);
          reset();
          i = close + 1;
          continue;
        }
        if (decl) {
          const end = scanBody(i + 1, decl.kind, decl.kind === "namespace" ? owner : (decl.name ?? owner));
          reset();
          i = end + 1;
          continue;
        }
        const name = methodName(header, groups);
        if (name) {
          const ctor = name.text === owner;
          findings.push({
            code: kind === "interface" ? "N1_DEFAULT_METHOD" : "N1_FUNCTION_BODY",
            line: name.line,
            column: name.column,
            what: kind === "interface"
              ? `interface member \`${name.text}\` of \`${owner ?? "?"}\` has a default body`
              : ctor
                ? `constructor of \`${name.text}\` has a body`
                : `method \`${name.text}\`${owner ? ` of \`${owner}\`` : ""} has a body`,
            owner,
          });
          reset();
          i = close + 1;
          continue;
        }
        if (header.length > 0) {
          const member = [...header].reverse().find((h) => h.kind === "ident")?.text ?? "?";
          scanAccessors(i, close, kind === "interface", member, owner);
          reset();
          i = close + 1;
          if (isPunct(tokens[i], "=")) {
            const end = endOfMember(i + 1);
            scanExpr(i + 1, end, owner);
            i = end;
          }
          continue;
        }
        findings.push({ code: "N1_FUNCTION_BODY", line: t.line, column: t.column, what: "code block in a contract file", owner });
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
