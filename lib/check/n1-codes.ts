import type { Diagnostic } from "../diagnostics.js";

/**
 * Diagnostic codes of the n-1 guard (`npx penult check`). Contract files are the n-1 layer:
 * declarations only. Every finding is an error, because an implementation in a contract file is
 * overwritten at the next `penult generate` and hides behaviour from review.
 */
export const N1_CODES = {
  /** A function, method, constructor, accessor, lambda or initializer with a body. */
  N1_FUNCTION_BODY: "function or method with a body",
  /** An interface/trait member with a default implementation (Java/C# `default`, Rust trait fn body). */
  N1_DEFAULT_METHOD: "default method in an interface or trait",
  /** A Rust `impl` block holding functions. */
  N1_IMPL_BLOCK: "impl block with code",
  /** A Go method (function with a receiver) with a body. */
  N1_METHOD: "method with a body on a type",
  /** A method of a Python ABC or Protocol that is not abstract. */
  N1_NON_ABSTRACT_METHOD: "non-abstract method in an abstract class",
  /** Statements that run when the module loads (top-level calls, loops). */
  N1_EXECUTABLE_CODE: "executable statement at module level",
  /** A Rust item macro (`macro_rules!`, `foo! { .. }`): it can expand to any implementation. */
  N1_MACRO: "item macro in a contract file",
  /** The file could not be read as the language its extension says; it could not be verified. */
  N1_UNPARSEABLE: "contract file could not be parsed",
} as const;

export type N1Code = keyof typeof N1_CODES;

/** One finding of a language scanner before it becomes a Diagnostic. */
export interface Finding {
  code: N1Code;
  line: number;
  column?: number;
  /** What was found, e.g. "method `total` of `Cart` has a body". */
  what: string;
  /** The type the implementation belongs with, for the `penult implement` hint. */
  owner?: string;
}

/** Turns a scanner finding into a diagnostic whose message says how to fix it. */
export function toDiagnostic(file: string, f: Finding): Diagnostic {
  let message: string;
  if (f.code === "N1_UNPARSEABLE") {
    message = `${f.what}; the n-1 guard cannot verify this contract file. Regenerate it with \`npx penult generate\`.`;
  } else {
    const target = f.owner ? `\`npx penult implement ${f.owner}\`` : "`npx penult implement <Interface>`";
    message =
      `${f.what}. Contract files are the n-1 layer and hold declarations only: ` +
      `move the implementation to the n layer, e.g. ${target}, and keep only the signature here.`;
  }
  const d: Diagnostic = { code: f.code, severity: "error", message, file, line: f.line };
  if (f.column !== undefined) d.column = f.column;
  return d;
}
