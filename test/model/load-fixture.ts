import { readFileSync } from "node:fs";
import { DEFAULT_CONFIG, type PenultConfig } from "../../lib/config/types.js";
import type { Facts } from "../../lib/extract/types.js";
import type { Statement } from "../../lib/statements/types.js";
import { makeFacts, makeStatement } from "./make-input.js";

/** A hand-built model input: statements and facts in the shapes parser and extractor produce. */
export interface ModelInput {
  source: string;
  statements: Statement[];
  facts: Facts[];
  config: PenultConfig;
}

type RawStatement = Partial<Statement> & { id: string; text: string; file: string; line?: number };
type RawFacts = Partial<Facts> & { id: string };

/** Reads `input.json`: `{ source, config?, statements: [...], facts: [...] }` with empty parts left out. */
export function loadModelInput(path: string): ModelInput {
  const raw = JSON.parse(readFileSync(path, "utf8")) as { source: string; config?: Partial<PenultConfig>; statements: RawStatement[]; facts: RawFacts[] };
  if (!raw.source) throw new Error(`${path}: every fixture names its source`);
  return {
    source: raw.source,
    statements: raw.statements.map((s) => makeStatement(s)),
    facts: raw.facts.map((f) => makeFacts(f)),
    config: { ...DEFAULT_CONFIG, ...raw.config },
  };
}
