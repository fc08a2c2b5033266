import type { ImplementLanguage, PenultConfig } from "../config/types.js";
import type { Diagnostic } from "../diagnostics.js";
import type { TemplateSource } from "../emitters/types.js";
import type { Component, Interface, Model, Subsystem } from "../model/types.js";
import type { Statement, StepKeyword } from "../statements/types.js";
import type { TestFramework } from "./detect-test-framework.js";

/** What `penult implement` and the App's `/implement` ask for: the scaffold of one interface. */
export interface ScaffoldOptions {
  model: Model;
  /**
   * The parsed statements, for scenario steps and acceptance criteria. Optional: without them the
   * model's statement rows (id, kind, text) are used and steps are read from the text.
   */
  statements?: readonly Statement[];
  /** Interface name or id as the user typed it (`CartService`, `cart/CartService`), any case. */
  interfaceName: string;
  lang: ImplementLanguage;
  /**
   * Output folders: `implement.source`/`implement.test` (defaults `src`, `test`) and `output`
   * (contracts folder, default `contracts`), all repository-relative.
   */
  config?: Partial<Pick<PenultConfig, "output">> & { implement?: { source?: string; test?: string } };
  /** Template overrides (`.penult/templates/`): `implement/<lang>/<name>.mustache`. */
  templates?: TemplateSource;
  /** Paths (repository-relative) that already exist; they are returned with `isNew: false`. */
  existing?: ReadonlySet<string> | ((path: string) => boolean);
  /** Test framework of the test file (see detectTestFramework); default: the language's built-in runner. */
  testFramework?: TestFramework;
}

export interface ScaffoldFile {
  /** Repository-relative POSIX path. */
  path: string;
  content: string;
  /** False when the path already exists: the caller must leave that file alone. */
  isNew: boolean;
}

export interface ScaffoldResult {
  /** The implementation class and its test file (sorted by path); empty on error. */
  files: ScaffoldFile[];
  diagnostics: Diagnostic[];
  /** The framework the test file is written for (absent on error). */
  testFramework?: TestFramework;
}

/** The interface the user named, with where it lives. */
export interface InterfaceTarget {
  iface: Interface;
  component: Component;
  subsystem: Subsystem;
}

/** One step of a test case, as written. */
export interface CaseStep {
  keyword: StepKeyword;
  text: string;
}

/** One test case: a scenario or acceptance criterion traced to the interface. */
export interface TestCase {
  /** Human title: the scenario name, or the criterion's label and text. */
  title: string;
  /** Statement the case comes from, and where it is. */
  statement: string;
  where: string;
  /** Model operation id the statement traces to, when one does. */
  operation?: string;
  steps: CaseStep[];
}

/** A method signature read from the emitted contract, copied verbatim into the scaffold. */
export interface ContractMethod {
  /** Model operation id, when matched. */
  operation?: string;
  name: string;
  /** Parameters as written in the contract (language syntax). */
  params: string;
  /** Return type as written (may be empty for languages where it is part of `params`). */
  returns: string;
  async: boolean;
}
