import type { Command } from "commander";
import type { CommandContext } from "../context.js";

export function registerInit(program: Command, ctx: CommandContext): void {
  program
    .command("init")
    .description("create .github/penult.yml (every default written out), statements/ with an example, and contracts/; never overwrites")
    .option("--action", "also write .github/workflows/penult.yml, which runs the penult GitHub Action (checks on pull requests, the contracts pull request on pushes)")
    .addHelpText("after", "\nExamples:\n  $ npx penult init\n  $ npx penult init --action     # and the GitHub Action workflow (docs/action.md)\n  $ npx penult init -C path/to/repo\n")
    .action(async (opts: { action?: boolean }) => {
      const { initProject } = await import("../init-project.js");
      const root = ctx.cwd;
      const r = initProject({ root, ...(opts.action ? { action: true } : {}) });
      const c = ctx.colors;
      for (const p of r.created) ctx.io.stdout(`${c.green("created")} ${p}\n`);
      for (const p of r.skipped) ctx.io.stdout(`${c.dim("exists ")} ${p} (left as it is)\n`);
      ctx.io.stdout(r.created.length ? `\nNext: write statements in statements/, then run \`npx penult generate\`.\n` : "\nNothing to do: penult is already set up here.\n");
      if (r.created.includes(".github/workflows/penult.yml")) {
        ctx.io.stdout("Commit and push .github/workflows/penult.yml: pull requests then get penult's checks, and pushes to the default branch the contracts pull request (permissions: docs/action.md).\n");
      }
    });
}
