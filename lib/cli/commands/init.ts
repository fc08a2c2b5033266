import type { Command } from "commander";
import type { CommandContext } from "../context.js";

export function registerInit(program: Command, ctx: CommandContext): void {
  program
    .command("init")
    .description("create .github/penult.yml (every default written out), statements/ with an example, and contracts/; never overwrites")
    .addHelpText("after", "\nExamples:\n  $ npx penult init\n  $ npx penult init -C path/to/repo\n")
    .action(async () => {
      const { initProject } = await import("../init-project.js");
      const root = ctx.cwd;
      const r = initProject({ root });
      const c = ctx.colors;
      for (const p of r.created) ctx.io.stdout(`${c.green("created")} ${p}\n`);
      for (const p of r.skipped) ctx.io.stdout(`${c.dim("exists ")} ${p} (left as it is)\n`);
      ctx.io.stdout(r.created.length ? `\nNext: write statements in statements/, then run \`npx penult generate\`.\n` : "\nNothing to do: penult is already set up here.\n");
    });
}
