import type { Diagnostic } from "../diagnostics.js";
import { explainElement, type ExplainedElement } from "../jobs/explain-element.js";
import { requireConfig } from "./project.js";
import { compileTree, createFsTreeReader } from "./stages.js";

export interface ExplainProjectResult {
  found: ExplainedElement[];
  diagnostics: Diagnostic[];
}

/**
 * `penult explain <element>`: compiles the working tree's statements (nothing is written) and
 * returns the elements named `query` with the statements and rules that made them.
 */
export async function explainProject(options: { root: string; query: string }): Promise<ExplainProjectResult> {
  const config = requireConfig(options.root);
  const reader = createFsTreeReader({ rootDir: options.root });
  const compiled = await compileTree({ tree: reader, config, emit: false });
  return { found: explainElement(compiled.model, options.query), diagnostics: compiled.diagnostics.filter((d) => d.severity === "error") };
}
