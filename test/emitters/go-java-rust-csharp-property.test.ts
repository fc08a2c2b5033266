import { it } from "@jest/globals";
/*
 * Property: models whose names are drawn from words that are reserved, special or hostile in one
 * of Java, Rust, Go or C# (keywords, prelude/framework type names, Go file-name suffixes, comment
 * terminators, unicode escapes, bidi, digits, empty) always give contracts the real compilers
 * accept and the n-1 guard finds clean. Subsystems refer to each other in a cycle (Go import
 * cycles, Rust containment cycles). Few runs: each one runs four compilers (RUNS/SEED override).
 */
import fc from "fast-check";
import { emitContracts } from "../../lib/emitters/index.js";
import { findImplementations } from "../../lib/check/find-implementations.js";
import { compileEmitted } from "../helpers/compile/index.js";
import type { Model, TypeRef } from "../../lib/model/types.js";

const WORDS = ["class", "type", "self", "Self", "crate", "super", "String", "Task", "System", "value", "var", "record", "yield", "default", "impl", "fn", "main", "ctx", "context", "time", "_", "1st", "日本", "a*/b", "x\ny", "\u202e", "IList", "Option", "Result", "wait", "hashCode", "Equals", "test", "linux", "amd64", "foo_test", "", " ", "Value", "BoxFuture", "Shop", "Billing", "billing", "go", "package", "object", "@", "\\u000a", "operator", "struct", "namespace", "internal", "vendor", "testdata", "lib", "mod", "std", "GetType", "Microsoft", "Object", "Void", "init", "Send", "Contracts", "global", "async", "await", "dyn", "r#type", "#[derive(Debug)]", "+build ignore", "//go:build x", "- item", "# heading", "  indented", "``", "''", "<summary>", "&amp;", "\"\"\"", "-->"];
const word = fc.constantFrom(...WORDS);
const name = fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(" "));

it("random hostile models compile in Java, Rust, Go and C# and hold no implementation", async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(fc.tuple(name, name, fc.array(name, { maxLength: 4 }), fc.array(name, { maxLength: 3 })), { minLength: 1, maxLength: 4 }), fc.array(name, {minLength:1, maxLength: 3}), async (subs, sysName) => {
      const subsystems = subs.map(([sn, en, fields, ops], si) => {
        const id = `s${si}`;
        const ent = `${id}/E`;
        const other = `s${(si + 1) % subs.length}/E`;
        const kinds: TypeRef[] = [{ kind: "ref", target: ent }, { kind: "ref", target: other }, { kind: "list", of: { kind: "ref", target: other } }, { kind: "primitive", name: "datetime" }, { kind: "primitive", name: "unknown" }, { kind: "ref", target: `${id}/En` }, { kind: "primitive", name: "void" }, { kind: "list", of: { kind: "primitive", name: "void" } }, { kind: "list", of: { kind: "primitive", name: "binary" } }, { kind: "primitive", name: "duration" }, { kind: "primitive", name: "uuid" }];
        return {
          id, name: sn, doc: `${sn} ${en}`, path: [sn], sources: ["s"], components: [{ id: `${id}/C`, name: en, sources: ["s"], dependsOn: [], constraints: [], interfaces: [{ id: `${id}/I`, name: en, sources: ["s"], constraints: [], operations: ops.map((o, oi) => ({ id: `${id}/I#${oi}`, name: o, doc: o, sources: ["s"], params: fields.map((f, fi) => ({ id: `${id}/I#${oi}.${fi}`, name: f, sources: ["s"], type: kinds[(f.length + fi * 3 + oi * 5 + si) % kinds.length]!, optional: fi % 2 === 1 })), returns: kinds[(o.length + oi * 7 + si) % kinds.length]!, errors: [], async: oi % 2 === 0, actors: [], constraints: [] })) }] }],
          entities: [{ id: ent, name: en, doc: fields.join(" "), sources: ["s"], fields: fields.map((f, fi) => ({ id: `${ent}#${fi}`, name: f, sources: ["s"], type: kinds[(f.length + fi * 5 + si * 3) % kinds.length]!, optional: fi % 3 === 0 })), relations: [{ id: `${ent}#r`, name: sn, sources: ["s"], cardinality: "one" as const, target: other }] }],
          enums: [{ id: `${id}/En`, name: sn + " status", sources: ["s"], values: [...fields, ...ops] }],
          events: [{ id: `${id}/Ev`, name: en, sources: ["s"], fields: [] }],
          constraints: [], subsystems: [],
        };
      });
      const model: Model = { version: 2, actors: [], statements: [{ id: "s", file: "statements/x.md", line: 1, kind: "prose", text: `${sysName.join(" ")} */ \\u000a` }], system: { id: "", name: sysName.join(" "), path: [], sources: ["s"], components: [], entities: [], enums: [], events: [], constraints: [], subsystems } };
      const targets = ["java", "rust", "go", "csharp"];
      const { files } = emitContracts({ model, targets });
      const guard = findImplementations({ files });
      if (guard.length) throw new Error(JSON.stringify(guard));
      const res = await compileEmitted({ files, targets });
      for (const t of targets) if (!res[t]!.ok) throw new Error(`${t}:\n${res[t]!.output.slice(0, 2500)}\n${JSON.stringify(subs)} ${JSON.stringify(sysName)}`);
    }),
    { numRuns: Number(process.env.RUNS ?? 3), ...(process.env.SEED ? { seed: Number(process.env.SEED) } : {}), endOnFailure: true },
  );
}, 600000);
