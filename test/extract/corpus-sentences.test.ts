import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "@jest/globals";
import { extractFacts } from "../../lib/extract/extract-facts.js";
import type { Facts } from "../../lib/extract/types.js";
import type { EarsParts, GlossaryParts, ScenarioParts, StatementKind } from "../../lib/statements/types.js";
import { makeStatement } from "./make-statement.js";

interface Expect {
  actors?: string[];
  subject?: string;
  verbs?: string[];
  entities?: string[];
  events?: string[];
  errors?: string[];
  complements?: string[];
  actions?: Partial<Facts["actions"][number]>[];
  fields?: Partial<Facts["fields"][number]>[];
  constraints?: Partial<Facts["constraints"][number]>[];
  functional?: boolean;
  qualities?: string[];
}

interface Case {
  source: string;
  kind: StatementKind;
  text: string;
  ears?: EarsParts;
  scenario?: ScenarioParts;
  glossary?: GlossaryParts;
  expect: Expect;
  absent?: Expect;
}

const here = dirname(fileURLToPath(import.meta.url));
const { cases } = JSON.parse(readFileSync(join(here, "../fixtures/extract/sentences.json"), "utf8")) as { cases: Case[] };

function factsOf(c: Case): Facts {
  const extra = { ...(c.ears ? { ears: c.ears } : {}), ...(c.scenario ? { scenario: c.scenario } : {}), ...(c.glossary ? { glossary: c.glossary } : {}) };
  return extractFacts([makeStatement(c.text, c.kind, extra)])[0]!;
}

const complementsOf = (f: Facts) => f.actions.flatMap((a) => (a.complements ?? []).map((x) => `${x.prep} ${x.phrase}`));

describe("extractFacts on real corpus sentences (test/fixtures/extract/sentences.json)", () => {
  it("has cases from every corpus family", () => {
    const corpora = new Set(cases.map((c) => c.source.split("/")[0]));
    expect([...corpora].sort()).toEqual(["dalpiaz-userstories", "ears-kiro", "openspec-specs", "promise-nfr", "speckit-specs"]);
  });

  for (const c of cases) {
    it(`${c.source}: ${c.text.slice(0, 70)}`, () => {
      const f = factsOf(c);
      const e = c.expect;
      if (e.actors) expect(f.actors).toEqual(expect.arrayContaining(e.actors));
      if (e.subject !== undefined) expect(f.subject).toBe(e.subject);
      if (e.verbs) expect(f.actions.map((a) => a.verb)).toEqual(expect.arrayContaining(e.verbs));
      if (e.entities) expect(f.entities).toEqual(expect.arrayContaining(e.entities));
      if (e.events) expect(f.events).toEqual(expect.arrayContaining(e.events));
      if (e.errors) expect(f.errors).toEqual(expect.arrayContaining(e.errors));
      if (e.actions) expect(f.actions).toEqual(expect.arrayContaining(e.actions.map((x) => expect.objectContaining(x))));
      if (e.complements) expect(complementsOf(f)).toEqual(expect.arrayContaining(e.complements));
      if (e.fields) expect(f.fields).toEqual(expect.arrayContaining(e.fields.map((x) => expect.objectContaining(x))));
      if (e.constraints) expect(f.constraints).toEqual(expect.arrayContaining(e.constraints.map((x) => expect.objectContaining(x))));
      if (e.functional !== undefined) expect(f.functional).toBe(e.functional);
      if (e.qualities) expect(f.qualities).toEqual(expect.arrayContaining(e.qualities));
      const a = c.absent;
      if (a?.subject !== undefined) expect(f.subject).not.toBe(a.subject);
      for (const x of a?.entities ?? []) expect(f.entities).not.toContain(x);
      for (const x of a?.verbs ?? []) expect(f.actions.map((v) => v.verb)).not.toContain(x);
    });
  }
});
