import { makeIdentifier, sanitizeCommentText } from "../../emitters/identifiers.js";
import { RUST_NAMING } from "../../emitters/rust.js";
import { buildCaseViews, describeScaffold } from "../case-views.js";
import { bodyUntilLine, findDeclaration, joinPath, matchOperations, splitParams } from "../read-contract.js";
import type { AdapterContext, LanguageAdapter } from "./adapter.js";

/** Name of the contracts crate in the user's Cargo workspace (`contracts/rust` as a path dependency). */
export const RUST_CONTRACTS_CRATE = "contracts";

const METHOD = /^ {4}fn (\w+)\(&self(?:, )?(.*)\)(?: -> (.+))?;$/gm;

/**
 * A Rust string literal holding exactly `text` (Rust has `\u{...}`, not `\uXXXX`), for use as the
 * format string of `todo!`: braces are doubled so they are not read as placeholders.
 */
export function quoteRust(text: string): string {
  let out = "";
  for (const ch of text.replace(/[{}]/g, (b) => b + b)) {
    const cp = ch.codePointAt(0)!;
    if (ch === "\\") out += "\\\\";
    else if (ch === '"') out += '\\"';
    else if (cp < 0x20 || cp === 0x7f || (cp >= 0x80 && cp < 0xa0) || (cp >= 0x2028 && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) || cp === 0x200e || cp === 0x200f || cp === 0xfeff)
      out += `\\u{${cp.toString(16)}}`;
    else out += ch;
  }
  return `"${out}"`;
}

/** `rust/cart/mod.rs` -> `contracts::cart`; `rust/lib.rs` -> `contracts`. */
function modulePath(path: string): string {
  const segs = path.replace(/^rust\//, "").replace(/(^|\/)(mod|lib)\.rs$/, "").replace(/\.rs$/, "").split("/").filter(Boolean);
  return [RUST_CONTRACTS_CRATE, ...segs].join("::");
}

/**
 * Rust: `<source>/<snake_name>.rs` with `pub struct <Name>Impl;` and `impl <Trait> for <Name>Impl`
 * whose methods are `todo!()`; `<test>/<snake_name>_test.rs` with one `#[test]` per scenario,
 * using `crate::<snake_name>::<Name>Impl` (mount both as modules of your crate, e.g.
 * `mod cart_service; #[cfg(test)] #[path = "../tests/cart_service_test.rs"] mod cart_service_test;`).
 * The contracts crate is `contracts` (a path dependency on `contracts/rust`).
 */
export const rustAdapter: LanguageAdapter = {
  lang: "rust",
  emitterTarget: "rust",
  framework: "built-in #[test]",
  build(ctx: AdapterContext) {
    const { target } = ctx;
    const base = makeIdentifier(target.iface.name, { naming: { ...RUST_NAMING, reservedSuffix: "Type" }, style: "pascal", kind: "type" });
    const decl = findDeclaration({ files: ctx.contracts, target, base, pattern: /^pub trait (\w+)(?::[^{\n]*)? \{$/gm, bodyAt: bodyUntilLine("}") });
    if (!decl) {
      ctx.report({ code: "IMPLEMENT_CONTRACT_NOT_FOUND", severity: "error", message: `the Rust contract of ${target.iface.id} was not found in the emitted files` });
      return [];
    }
    const module = modulePath(decl.file.path);
    const found = [...decl.body.matchAll(METHOD)];
    const ops = matchOperations({
      names: found.map((m) => m[1]!),
      operations: target.iface.operations,
      identifier: (n) => makeIdentifier(n, { naming: RUST_NAMING, style: "snake", kind: "member" }),
    });
    const rebase = (code: string) => code.replace(/\bcrate::/g, `${RUST_CONTRACTS_CRATE}::`);
    const methods = found.map((m, i) => ({
      operation: ops[i],
      name: m[1]!,
      // Parameters are unused in a todo!() body: a leading underscore keeps `-D warnings` quiet.
      params: splitParams(rebase(m[2] ?? "")).map((p) => `, _${p}`).join(""),
      returns: m[3] ? ` -> ${rebase(m[3])}` : "",
    }));
    const declared = new Set([...decl.file.content.matchAll(/^pub (?:struct|enum|trait|type) (\w+)/gm)].map((m) => m[1]!));
    // Only bare names need a `use`; `contracts::BoxFuture` is already a path.
    const bare = [...new Set([...methods.map((m) => `${m.params} ${m.returns}`).join(" ").matchAll(/(?<![:\w])([A-Za-z_]\w*)/g)].map((m) => m[1]!))];
    const used = bare.filter((n) => declared.has(n) && n !== decl.name).sort();
    const uses = [decl.name, ...used];
    const fileBase = makeIdentifier(decl.name, { naming: RUST_NAMING, style: "snake", kind: "module" });
    const className = `${decl.name}Impl`;
    const comment = (l: string) => sanitizeCommentText(l, "slash-line");
    const impl = ctx.templates.render("impl.rs", {
      header: describeScaffold(target, "Implementation scaffold").map(comment),
      uses: uses.length === 1 ? `${module}::${uses[0]}` : `${module}::{${uses.join(", ")}}`,
      interfaceName: decl.name,
      className,
      methods: methods.map((m, i) => ({ ...m, first: i === 0, message: quoteRust(`not implemented: ${decl.name}::${m.name}`) })),
    });
    const methodOf = new Map(methods.flatMap((m) => (m.operation ? [[m.operation, m.name] as const] : [])));
    const cases = buildCaseViews({ cases: ctx.cases, naming: RUST_NAMING, style: "snake", comment: "slash-line", quote: quoteRust, methodOf, className });
    const test = ctx.templates.render("test.rs", {
      header: describeScaffold(target, "Tests").map(comment),
      implModule: fileBase,
      className,
      cases,
    });
    return [
      { path: joinPath(ctx.sourceDir, `${fileBase}.rs`), content: impl },
      { path: joinPath(ctx.testDir, `${fileBase}_test.rs`), content: test },
    ];
  },
};
