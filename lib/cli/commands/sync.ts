import type { Command } from "commander";
import type { CommandContext } from "../context.js";
import { EXIT } from "../exit-codes.js";
import { formatDiagnostic } from "../output.js";
import type { CompiledTree } from "../stages.js";

export function registerSync(program: Command, ctx: CommandContext): void {
  program
    .command("sync")
    .description("regenerate the contracts from the statements committed at HEAD and commit them onto penult/contracts (what the GitHub App does on push)")
    .option("--branch <name>", "branch to commit to (default: `branch` in .github/penult.yml, else penult/contracts)")
    .option("--dry-run", "show the commit that would be made; write no ref")
    .option("--json", "print the result as JSON")
    .option("--llm <model>", "refine the offline facts with this model (OPENAI_BASE_URL / OPENAI_API_KEY; default: llm.model of the config at HEAD); the answer cache at HEAD is reused and the new one committed with the contracts")
    .addHelpText(
      "after",
      `
Sync never touches your current branch, index, HEAD or uncommitted work: it builds the commit
with git plumbing in a private index and moves only the contracts branch. The commit's parent is
HEAD, its tree is HEAD's tree plus the regenerated contracts, and its message lists the changed
statements. When nothing changed it makes no commit. Uncommitted statement edits are not read:
commit them first.

Examples:
  $ npx penult sync
  $ npx penult sync --dry-run
  $ git push origin penult/contracts   # then open a PR from it`,
    )
    .action(async (opts: { branch?: string; dryRun?: boolean; json?: boolean; llm?: string }) => {
      const { syncContracts } = await import("../../sync/sync-contracts.js");
      const { repositoryName } = await import("../repository-name.js");
      const { compileTree } = await import("../stages.js");
      const { formatLlmStats, llmJson, pipelineLlm, planCliLlm } = await import("../plan-cli-llm.js");
      let llmRun: { compiled: CompiledTree; llmWarning?: string } | undefined;
      const r = await syncContracts({
        cwd: ctx.cwd,
        compile: async ({ tree, config }) => {
          const plan = planCliLlm({ config, ...(opts.llm ? { flag: opts.llm } : {}), env: ctx.io.env });
          const compiled = await compileTree({ tree, config: plan.config, llm: pipelineLlm(plan) });
          llmRun = { compiled, ...(plan.warning ? { llmWarning: plan.warning } : {}) };
          return compiled;
        },
        ...(opts.branch ? { branch: opts.branch } : {}),
        ...(opts.dryRun ? { dryRun: true } : {}),
        defaultSystem: repositoryName(ctx.root),
        progress: ctx.progress(!opts.json),
      });
      if (r.diagnostics.some((d) => d.severity === "error")) ctx.setExit(EXIT.findings);
      if (opts.json) {
        ctx.io.stdout(JSON.stringify({ ...r, ...(llmRun ? llmJson(llmRun) : {}) }, null, 2) + "\n");
        return;
      }
      const c = ctx.colors;
      for (const d of r.diagnostics) ctx.io.stderr(formatDiagnostic(d, c) + "\n");
      if (llmRun?.llmWarning) ctx.io.stderr(c.yellow(`warning: ${llmRun.llmWarning}`) + "\n");
      if (llmRun?.compiled.llm) ctx.io.stderr(formatLlmStats(llmRun.compiled.llm) + "\n");
      if (r.uncommittedStatements.length) {
        ctx.io.stderr(
          c.yellow(`note: sync reads the statements committed at HEAD; uncommitted edits in ${r.uncommittedStatements.join(", ")} are not included (commit them, then sync again)\n`),
        );
      }
      if (r.status === "unchanged") {
        ctx.io.stdout(`${r.branch}: up to date with the statements at ${r.base.slice(0, 7)}; no commit made\n`);
        return;
      }
      const what = opts.dryRun ? `would be ${r.status}` : `${r.status} at ${r.commit?.slice(0, 7)}`;
      ctx.io.stdout(`${c.green(r.branch)} ${what} (on ${r.base.slice(0, 7)}):\n\n${indent(r.message ?? "")}\n`);
    });
}

function indent(text: string): string {
  return text
    .trimEnd()
    .split("\n")
    .map((l) => (l ? "    " + l : l))
    .join("\n");
}
