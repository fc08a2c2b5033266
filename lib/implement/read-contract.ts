import type { OutputFile } from "../emitters/types.js";
import type { InterfaceTarget } from "./types.js";

/** Where an interface is declared in the emitted contracts. */
export interface Declaration {
  file: OutputFile;
  /** Emitted name (may carry a collision suffix: `CartService2`). */
  name: string;
  /** Text of the declaration body (between its braces or under its class line). */
  body: string;
}

/**
 * Finds the emitted declaration of `target`'s interface. The emitted files are the source of truth
 * for names and signatures (the emitters own casing, escaping and collision suffixes), so the
 * scaffold copies what they wrote instead of re-deriving it. Candidates are declarations named
 * `base` or `base<N>`; among several, the one whose doc comment names the interface's component
 * and quotes its statements wins.
 */
export function findDeclaration(options: {
  files: readonly OutputFile[];
  target: InterfaceTarget;
  /** Emitted identifier before any collision suffix. */
  base: string;
  /** Matches one declaration; group 1 = name. Must use the `gm` flags. */
  pattern: RegExp;
  /** Body of the declaration that starts at `at` (index just after the match). */
  bodyAt: (text: string, at: number) => string;
}): Declaration | undefined {
  const { files, target, base } = options;
  const nameOk = new RegExp(`^${base.replace(/[$]/g, "\\$")}\\d*$`);
  let best: { d: Declaration; score: number } | undefined;
  for (const file of files) {
    for (const m of file.content.matchAll(options.pattern)) {
      const name = m[1]!;
      if (!nameOk.test(name)) continue;
      const start = m.index ?? 0;
      const before = file.content.slice(Math.max(0, start - 4000), start);
      const docStart = Math.max(before.lastIndexOf("/**"), before.lastIndexOf("\n\n"));
      const doc = before.slice(docStart) + file.content.slice(start, start + 2000);
      let score = name === base ? 1 : 0;
      if (doc.includes(`@component ${target.component.name}`)) score += 2;
      score += target.iface.sources.filter((id) => doc.includes(`@statement ${id}`)).length;
      const d = { file, name, body: options.bodyAt(file.content, start + m[0].length) };
      if (!best || score > best.score) best = { d, score };
    }
  }
  return best?.d;
}

/** The text up to the first line that is exactly `close` (e.g. "}"), from `at`. */
export function bodyUntilLine(close: string): (text: string, at: number) => string {
  return (text, at) => {
    const rest = text.slice(at);
    const end = rest.search(new RegExp(`^${close.replace(/[}]/g, "\\}")}$`, "m"));
    return end < 0 ? rest : rest.slice(0, end);
  };
}

/** Splits a parameter list at top-level commas (not inside <>, (), [] or {}). */
export function splitParams(params: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = "";
  for (const ch of params) {
    if ("<([{".includes(ch)) depth++;
    else if (">)]}".includes(ch)) depth--;
    if (ch === "," && depth === 0) {
      out.push(cur.trim());
      cur = "";
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

/** Identifiers that appear in a piece of code, in order of first appearance. */
export function identifiersIn(code: string): string[] {
  return [...new Set(code.match(/[A-Za-z_$][\w$]*/g) ?? [])];
}

/** POSIX path join that drops empty and "." segments. */
export function joinPath(...parts: string[]): string {
  return parts
    .flatMap((p) => p.split("/"))
    .filter((s) => s !== "" && s !== ".")
    .join("/");
}

/** POSIX relative module path from the folder of file `from` to file `to`, always starting with ./ or ../. */
export function relativeImport(from: string, to: string): string {
  const a = from.split("/").slice(0, -1);
  const b = to.split("/");
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  const up = a.length - i;
  return (up === 0 ? "./" : "../".repeat(up)) + b.slice(i).join("/");
}

/**
 * Pairs emitted method names with model operations: the operation whose identifier (as the
 * emitter would case it) equals the method name, or equals it without a collision suffix.
 */
export function matchOperations(options: {
  names: readonly string[];
  operations: readonly { id: string; name: string }[];
  identifier: (name: string) => string;
}): (string | undefined)[] {
  const left = [...options.operations];
  const take = (pred: (op: { id: string; name: string }) => boolean) => {
    const i = left.findIndex(pred);
    return i < 0 ? undefined : left.splice(i, 1)[0]!.id;
  };
  return options.names.map((n) => take((op) => options.identifier(op.name) === n) ?? take((op) => options.identifier(op.name) === n.replace(/_?\d+$/, "")));
}
