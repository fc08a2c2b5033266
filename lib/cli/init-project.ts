import { createConfinedFs } from "../confined-fs.js";
import { CONFIG_PATH } from "../config/load-config.js";
import { findPackage } from "./package-info.js";
import { renderActionWorkflow } from "./render-action-workflow.js";
import { defaultBranch, repositoryName } from "./repository-name.js";
import { ALL_TARGETS, DEFAULT_BRANCH, DEFAULT_CONFIG, DEFAULT_IMPLEMENT, DEFAULT_TEMPLATES } from "../config/types.js";

export interface InitProjectResult {
  /** Repository-relative paths written. */
  created: string[];
  /** Paths that already existed and were left exactly as they were. */
  skipped: string[];
}

/**
 * `.github/penult.yml` with every default written out and explained; a test checks it parses to the
 * defaults. With `system`, the system's name is pinned to it (init passes the repository's name),
 * so every clone, CI and the GitHub App generate the same names whatever folder they run in.
 */
export function renderDefaultConfig(options: { system?: string } = {}): string {
  const list = (xs: readonly string[]) => xs.map((x) => `  - ${x}`).join("\n");
  return `# penult configuration. Every value below is the default; delete what you do not change.
# Validated against schema/config.schema.json of the penult package (JSON Schema 2020-12);
# every command reports all problems at once, with the line and the key.

# Statement files (globs, relative to the repository root): plain-language requirements in
# markdown: user stories, EARS (WHEN .. THE X SHALL ..), "The system SHALL ..", OpenSpec
# requirements with scenarios, glossary lines (**Term**: definition), prose.
statements:
${list(DEFAULT_CONFIG.statements)}

# Folder for the generated model (model.json), contracts, diagrams and ARCHITECTURE.md.
# Everything in it is generated: change the statements, not these files.
output: ${DEFAULT_CONFIG.output}

# Contract targets. Remove a line to turn that target off.
targets:
${list(ALL_TARGETS)}

# Naming pins: a phrase as written in the statements (any case) -> the name penult must use,
# so rewording a statement never renames an interface. Example:
#   names:
#     shopping basket: Cart
names: {}

# Name of the system (the root subsystem). Default: the repository's name (the origin remote's,
# else the folder's).
${options.system ? `system: ${JSON.stringify(options.system)}` : "# system: MyShop"}

# Statement lint (\`npx penult check\`): rule id -> off | info | warning | error,
# or { level: <severity>, options: { ... } }. Rules not listed keep their default.
lint:
  rules: {}
  # vagueWords: [snappy, seamless]   # added to the built-in list ("fast", "user-friendly", "etc.", ...)

# Where \`npx penult implement <Interface>\` writes the implementation scaffold and its tests.
implement:
  source: ${DEFAULT_IMPLEMENT.source}
  test: ${DEFAULT_IMPLEMENT.test}
  lang: ${DEFAULT_IMPLEMENT.lang}   # ts | python | java | rust | go | csharp

# Your own copies of penult's templates (<templates>/<target>/...) override the built-in ones.
templates: ${DEFAULT_TEMPLATES}

# Branch that \`npx penult sync\` (and the GitHub App) commit the regenerated contracts to.
branch: ${DEFAULT_BRANCH}
`;
}

const EXAMPLE_STATEMENTS = `<!--
  A first statements file. Write what the system must do in plain language, one statement per
  line or bullet: user stories, EARS (WHEN .. THE X SHALL ..), "The system SHALL ..", glossary
  lines. Then run \`npx penult generate\` and look in contracts/. (Comments are not statements.)
-->

# Notes

**Notebook**: the notes one user keeps, newest first.

- As a user, I want to write a note, so that I remember things.
- As a user, I want to archive a note, so that my list stays short.
- WHEN a user archives a note THE Notebook SHALL move the note to the archive.
- The system SHALL show the 50 most recent notes within 200 ms.
`;

const CONTRACTS_README = `# contracts/

This folder is written by \`npx penult generate\` (and the \`penult/contracts\` branch by
\`npx penult sync\`) from the statements in \`statements/\`: the architecture model
(\`model.json\`), abstract contracts per language, diagrams and ARCHITECTURE.md.

Do not edit the generated files: change the statements instead. \`npx penult check\` reports
contracts that are out of step with the statements and implementation code added here by hand.
`;

/** Where `penult init --action` writes the workflow. */
export const ACTION_WORKFLOW_PATH = ".github/workflows/penult.yml";

/**
 * `penult init`: the config with every default spelled out, a first statements file and the
 * contracts folder; with `action`, also the workflow that runs the penult GitHub Action. Never
 * overwrites: an existing file is reported as skipped and left untouched.
 */
export function initProject(options: { root: string; action?: boolean }): InitProjectResult {
  const files: [string, string][] = [
    [CONFIG_PATH, renderDefaultConfig({ system: repositoryName(options.root) })],
    ["statements/notes.md", EXAMPLE_STATEMENTS],
    [`${DEFAULT_CONFIG.output}/README.md`, CONTRACTS_README],
  ];
  if (options.action) {
    const pkg = findPackage();
    files.push([ACTION_WORKFLOW_PATH, renderActionWorkflow({ defaultBranch: defaultBranch(options.root), action: `${pkg.repository}@v${pkg.version}` })]);
  }
  const result: InitProjectResult = { created: [], skipped: [] };
  // Links are neither followed nor replaced: a cloned `.github -> ~` gets nothing written through it.
  const fs = createConfinedFs(options.root);
  const hasStatements = fs.exists("statements");
  for (const [path, content] of files) {
    // An existing statements folder is the user's: do not add an example to it.
    if (fs.exists(path) || fs.linkIn(path) || (path.startsWith("statements/") && hasStatements) || (path === CONFIG_PATH && fs.exists(".github/penult.yaml"))) {
      result.skipped.push(path.startsWith("statements/") && hasStatements && !fs.exists(path) ? "statements/" : path);
      continue;
    }
    fs.write(path, content, { exclusive: true });
    result.created.push(path);
  }
  return result;
}
