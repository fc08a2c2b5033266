/**
 * `.github/penult.yml`, after defaults are applied. The CLI issue owns the full JSON Schema
 * (schema/config.schema.json) and validation; stages read only what they need from here.
 */
export interface PenultConfig {
  /** Globs of statement files, relative to the repository root. */
  statements: string[];
  /** Folder the contracts are written to. */
  output: string;
  /** Emitter targets turned on. */
  targets: string[];
  /** Naming pins: a phrase (as it appears in statements, any case) -> the name to use. */
  names: Record<string, string>;
  /** Name of the system (root subsystem); derived from the repository folder when absent. */
  system?: string;
}

export const DEFAULT_CONFIG: PenultConfig = {
  statements: ["statements/**/*.md"],
  output: "contracts",
  targets: ["typescript", "python", "java", "rust", "go", "csharp", "jsonschema", "mermaid", "markdown"],
  names: {},
};
