import type { Command } from "commander";
import { syncContracts } from "../../sync/sync-contracts.js";
import type { CommandContext } from "../context.js";
import { EXIT } from "../exit-codes.js";
import { formatDiagnostic } from "../output.js";
import { loadTemplateOverrides } from "../project.js";
import { renderProject } from "../render-project.js";

export function registerSync(program: Command, ctx: CommandContext): void {
  program
    .command("sync")
    .description("regenerate the contracts from the statements committed at HEAD and commit them onto penult/contracts (what the GitHub App does on push)")
    .option("--branch <name>", "branch to commit to (default: `branch` in .github/penult.yml, else penult/contracts)")
    .option("--dry-run", "show the commit that would be made; write no ref")
    .option("--json", "print the result as JSON")
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
    .action(async (opts: { branch?: string; dryRun?: boolean; json?: boolean }) => {
      const r = await syncContracts({
        cwd: ctx.cwd,
        render: renderProject,
        loadTemplates: loadTemplateOverrides,
        ...(opts.branch ? { branch: opts.branch } : {}),
        ...(opts.dryRun ? { dryRun: true } : {}),
        progress: ctx.progress(!opts.json),
      });
      if (r.diagnostics.some((d) => d.severity === "error")) ctx.setExit(EXIT.findings);
      if (opts.json) {
        ctx.io.stdout(JSON.stringify(r, null, 2) + "\n");
        return;
      }
      const c = ctx.colors;
      for (const d of r.diagnostics) ctx.io.stderr(formatDiagnostic(d, c) + "\n");
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
