/**
 * Emitting every contract target for a 10k-statement-sized model, side by side in the same run with
 * the TypeSpec compiler checking an equivalent .tsp (same number of interfaces, operations, models
 * and enums). Both are measured warm, in interleaved rounds (best of 3 after one warm-up each).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compile as compileTypeSpec, NodeHost } from "@typespec/compiler";
import { EMITTERS, emitContracts } from "../lib/emitters/index.js";
import type { Entity, Model, Operation, StatementRef, Subsystem } from "../lib/model/types.js";
import { timeIt, type BenchTable } from "./table.js";

const GROUPS = 30;
const PER_GROUP = 10; // 300 subsystems with one component and one interface each
const OPS = 5; // 1500 operations
const STATEMENTS = 10_000;

/** A synthetic model of realistic shape: 30 groups x 10 subsystems, ~800 entities, 1500 operations. */
export function buildSyntheticModel(): Model {
  const statements: StatementRef[] = [];
  for (let i = 0; i < STATEMENTS; i++)
    statements.push({ id: `s${i}`, file: `statements/g${i % GROUPS}/f${i % 97}.md`, line: 1 + (i % 200), kind: "shall", text: `The system SHALL handle case ${i} of the order flow within 200 ms.` });
  let next = 0;
  const src = (): string[] => [`s${next++ % STATEMENTS}`, `s${(next * 7) % STATEMENTS}`].sort();
  const groups: Subsystem[] = [];
  let entityCount = 0;
  for (let g = 0; g < GROUPS; g++) {
    const children: Subsystem[] = [];
    for (let k = 0; k < PER_GROUP; k++) {
      const id = `g${g}/s${k}`;
      const nEntities = (g * PER_GROUP + k) % 3 === 0 ? 2 : 3; // ~800 in total
      const entities: Entity[] = [];
      for (let e = 0; e < nEntities; e++) {
        entityCount++;
        entities.push({
          id: `${id}/Entity${e}`, name: `Entity${e}`, sources: src(),
          fields: Array.from({ length: 6 }, (_, f) => ({ id: `${id}/Entity${e}#field${f}`, name: `field${f}`, sources: src(), type: { kind: "primitive" as const, name: f % 2 ? ("string" as const) : ("integer" as const) }, optional: f === 5 })),
          relations: e > 0 ? [{ id: `${id}/Entity${e}#parent`, name: "parent", sources: src(), cardinality: "one" as const, target: `${id}/Entity0` }] : [],
        });
      }
      const operations: Operation[] = Array.from({ length: OPS }, (_, o) => ({
        id: `${id}/Api${k}#op${o}`, name: `operation${o}`, sources: src(),
        params: [
          { id: `${id}/Api${k}#op${o}.key`, name: "key", sources: src(), type: { kind: "primitive" as const, name: "string" as const }, optional: false },
          { id: `${id}/Api${k}#op${o}.entity`, name: "entity", sources: src(), type: { kind: "ref" as const, target: `${id}/Entity${o % nEntities}` }, optional: false },
        ],
        returns: { kind: "ref" as const, target: `${id}/Entity${(o + 1) % nEntities}` },
        errors: [], async: o % 2 === 0, actors: [], constraints: [],
      }));
      children.push({
        id, name: `Service${k}`, path: [`g${g}`, `s${k}`], sources: src(),
        components: [{ id: `${id}/Comp${k}`, name: `Comp${k}`, sources: src(), dependsOn: k > 0 ? [`g${g}/s${k - 1}/Comp${k - 1}`] : [], constraints: [], interfaces: [{ id: `${id}/Api${k}`, name: `Api${k}`, sources: src(), constraints: [], operations }] }],
        entities,
        enums: [{ id: `${id}/Status`, name: "Status", sources: src(), values: ["open", "closed", "failed"] }],
        events: [],
        constraints: [],
        subsystems: [],
      });
    }
    groups.push({ id: `g${g}`, name: `Group${g}`, path: [`g${g}`], sources: src(), components: [], entities: [], enums: [], events: [], constraints: [], subsystems: children });
  }
  void entityCount;
  return { version: 2, actors: [], statements, system: { id: "", name: "Synthetic", path: [], sources: ["s0"], components: [], entities: [], enums: [], events: [], constraints: [], subsystems: groups } };
}

/** The same shape in TypeSpec: a namespace per subsystem with its models, enum and interface. */
export function buildEquivalentTsp(model: Model): string {
  const out: string[] = [];
  for (const g of model.system.subsystems) {
    out.push(`namespace ${g.name} {`);
    for (const s of g.subsystems) {
      out.push(`  namespace ${s.name} {`);
      out.push(`    enum Status { open, closed, failed }`);
      for (const e of s.entities) {
        out.push(`    model ${e.name} {`);
        for (const f of e.fields) out.push(`      ${f.name}${f.optional ? "?" : ""}: ${f.type.kind === "primitive" && f.type.name === "integer" ? "int64" : "string"};`);
        for (const r of e.relations) out.push(`      ${r.name}: Entity0;`);
        out.push("    }");
      }
      for (const c of s.components)
        for (const i of c.interfaces) {
          out.push(`    interface ${i.name} {`);
          for (const o of i.operations) {
            const [, entity] = o.params;
            const pt = entity?.type.kind === "ref" ? entity.type.target.split("/").pop() : "string";
            const rt = o.returns.kind === "ref" ? o.returns.target.split("/").pop() : "void";
            out.push(`      ${o.name}(key: string, entity: ${pt}): ${rt};`);
          }
          out.push("    }");
        }
      out.push("  }");
    }
    out.push("}");
  }
  return out.join("\n") + "\n";
}

function count(model: Model): { subsystems: number; interfaces: number; operations: number; entities: number } {
  let subsystems = 0, interfaces = 0, operations = 0, entities = 0;
  const walk = (s: Subsystem): void => {
    subsystems++;
    entities += s.entities.length;
    for (const c of s.components) for (const i of c.interfaces) { interfaces++; operations += i.operations.length; }
    s.subsystems.forEach(walk);
  };
  walk(model.system);
  return { subsystems, interfaces, operations, entities };
}

export async function run(): Promise<BenchTable[]> {
  const model = buildSyntheticModel();
  const n = count(model);
  let files = 0;
  let bytes = 0;
  const emitAll = (): void => {
    const r = emitContracts({ model });
    files = r.files.length;
    bytes = r.files.reduce((a, f) => a + f.content.length, 0);
  };
  const dir = mkdtempSync(join(tmpdir(), "penult-tsp-"));
  const main = join(dir, "main.tsp");
  writeFileSync(main, buildEquivalentTsp(model));
  let tspDiagnostics = 0;
  const checkTsp = async (): Promise<void> => {
    const program = await compileTypeSpec(NodeHost, main, { noEmit: true });
    tspDiagnostics = program.diagnostics.length;
  };
  // Interleaved rounds, best of each: on a shared machine load drifts, and both sides should see the same drift.
  let penultMs = Infinity;
  let tspMs = Infinity;
  emitAll();
  await checkTsp();
  for (let round = 0; round < 3; round++) {
    penultMs = Math.min(penultMs, await timeIt(emitAll, 1));
    tspMs = Math.min(tspMs, await timeIt(checkTsp, 1));
  }
  rmSync(dir, { recursive: true, force: true });
  if (tspDiagnostics) throw new Error(`the equivalent .tsp has ${tspDiagnostics} diagnostics`);
  const perTarget = EMITTERS.map((e) => [e.name, 0] as [string, number]);
  for (const row of perTarget) row[1] = await timeIt(() => emitContracts({ model, targets: [row[0]] }), 1);

  return [
    {
      title: `Emit all targets vs TypeSpec compile (${n.subsystems} subsystems, ${n.interfaces} interfaces, ${n.operations} operations, ${n.entities} entities, ${STATEMENTS} statements)`,
      columns: ["what", "warm ms (best of 3 interleaved rounds)", "output"],
      rows: [
        [`penult emitContracts, ${EMITTERS.length} targets`, penultMs, `${files} files, ${(bytes / 1e6).toFixed(1)} MB`],
        ["TypeSpec compile(NodeHost, main.tsp, { noEmit: true })", tspMs, "checked program, no output"],
        ["ratio TypeSpec / penult", tspMs / penultMs, ""],
      ],
      note: `Aim: penult faster than TypeSpec checking the same shape. ${penultMs < tspMs ? "Met" : "Not met"}.`,
    },
    {
      title: "Emit time per target (warm, one run each)",
      columns: ["target", "ms"],
      rows: perTarget,
    },
  ];
}
