import { editDistance } from "../edit-distance.js";
import { createConfinedFs } from "../confined-fs.js";
import { cmp } from "../diagnostics.js";
import { decomposeStatement } from "../llm/decompose.js";
import type { LlmEnv } from "../llm/llm-from-env.js";
import type { Statement } from "../statements/types.js";
import { requireConfig } from "./project.js";
import { planCliLlm } from "./plan-cli-llm.js";
import { createFsTreeReader, parseStatements, readSourceFiles } from "./stages.js";

export interface DecomposeProjectStatementOptions {
  root: string;
  id: string;
  /** `--llm <model>`, over `llm.model` of the config. */
  llm?: string;
  env: LlmEnv;
  /** Write the proposal (never over an existing file). */
  write?: boolean;
}

export type DecomposeProjectStatementResult =
  | { status: "proposed"; statement: { id: string; file: string; line: number }; path: string; content: string; written: boolean; exists: boolean }
  /** A usage problem (unknown id, no model, no endpoint): exit 2, message says how to fix. */
  | { status: "usage"; message: string }
  /** The request failed or the answer was unusable. */
  | { status: "failed"; message: string };

/**
 * `penult decompose <id>`: finer statements for one broad statement of the working tree, as a new
 * statements file for review (lib/llm/decompose.ts). The file is a proposal: it enters the model
 * only once someone commits it under the statements folder.
 */
export async function decomposeProjectStatement(options: DecomposeProjectStatementOptions): Promise<DecomposeProjectStatementResult> {
  const plan = planCliLlm({ config: requireConfig(options.root), ...(options.llm ? { flag: options.llm } : {}), env: options.env });
  const read = await readSourceFiles({ reader: createFsTreeReader({ rootDir: options.root }), globs: plan.config.statements });
  const { statements } = parseStatements(read.files);
  const statement = statements.find((s) => s.id === options.id);
  if (!statement) return { status: "usage", message: unknownIdMessage(options.id, statements) };
  if (!plan.model) return { status: "usage", message: "decompose needs a model: pass --llm <model> or set llm.model in .github/penult.yml" };
  if (!plan.clients) return { status: "usage", message: `decompose needs ${plan.unavailable ?? "an LLM endpoint"}` };
  const proposal = await decomposeStatement({ statement, ask: plan.clients.decompose });
  if ("error" in proposal) return { status: "failed", message: `${statement.id}: ${proposal.error}` };
  const fs = createConfinedFs(options.root);
  // A link on the way counts as "exists": the proposal is printed, never written through it.
  const exists = fs.exists(proposal.path) || fs.linkIn(proposal.path) !== undefined;
  if (options.write && !exists) fs.write(proposal.path, proposal.content, { exclusive: true });
  return {
    status: "proposed",
    statement: { id: statement.id, file: statement.file, line: statement.span.start.line },
    path: proposal.path,
    content: proposal.content,
    written: Boolean(options.write && !exists),
    exists,
  };
}

/** "no statement X; did you mean: a, b, c" with the closest ids (edit distance, then substring). */
function unknownIdMessage(id: string, statements: readonly Statement[]): string {
  if (statements.length === 0) return `no statement has id "${id}": no statements found (see \`statements\` in .github/penult.yml)`;
  const q = id.toLowerCase();
  const ranked = statements
    .map((s) => ({ id: s.id, d: s.id.toLowerCase().includes(q) || q.includes(s.id.toLowerCase()) ? 0 : editDistance(s.id.toLowerCase(), q) }))
    .sort((a, b) => a.d - b.d || cmp(a.id, b.id))
    .slice(0, 5)
    .map((r) => r.id);
  return `no statement has id "${id}"; closest: ${ranked.join(", ")} (\`npx penult extract\` lists every id)`;
}

