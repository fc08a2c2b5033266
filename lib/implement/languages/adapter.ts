import type { ImplementLanguage } from "../../config/types.js";
import type { Diagnostic } from "../../diagnostics.js";
import type { OutputFile } from "../../emitters/types.js";
import type { TemplateRenderer } from "../../emitters/templates.js";
import type { TestFramework } from "../detect-test-framework.js";
import type { InterfaceTarget, TestCase } from "../types.js";

/** What a language adapter gets: the emitted contracts of its target and where things go. */
export interface AdapterContext {
  target: InterfaceTarget;
  /** The contract files of this language, paths as the emitter returns them (`typescript/cart/index.ts`). */
  contracts: readonly OutputFile[];
  cases: readonly TestCase[];
  templates: TemplateRenderer;
  /** Repository-relative folders. */
  sourceDir: string;
  testDir: string;
  contractsDir: string;
  /** The test framework to write the tests for (one of TEST_FRAMEWORKS[lang]). */
  testFramework: TestFramework;
  report(d: Diagnostic): void;
}

/** One scaffold language: reads the emitted contract of the interface and renders the scaffold. */
export interface LanguageAdapter {
  lang: ImplementLanguage;
  /** Emitter target whose output the scaffold compiles against. */
  emitterTarget: string;
  /** Test frameworks, for docs and `--help`. */
  framework: string;
  /** Scaffold files (repository-relative paths), or [] after reporting why not. */
  build(ctx: AdapterContext): OutputFile[];
}
