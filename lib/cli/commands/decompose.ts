import type { Command } from "commander";
import type { CommandContext } from "../context.js";
import { EXIT } from "../exit-codes.js";

export function registerDecompose(program: Command, ctx: CommandContext): void {
  program
    .command("decompose")
    .description("ask the LLM to split one broad statement into finer ones, proposed as a new statements file for review")
    .argument("<id>", "statement id, as `npx penult extract` lists it")
    .option("--write", "write the proposed file (never over an existing one)")
    .option("--llm <model>", "model at the OpenAI-compatible endpoint of OPENAI_BASE_URL / OPENAI_API_KEY (default: llm.model in .github/penult.yml)")
    .option("--json", "print the proposal as JSON")
    .addHelpText(
      "after",
      `
Needs an endpoint: OPENAI_BASE_URL (any OpenAI-compatible server) or OPENAI_API_KEY. The model's
lines are flattened to plain text; review and edit them. The proposal enters the model only once
the file is committed under the statements folder.

Examples:
  $ npx penult extract | grep -i "social network"     # find the id
  $ npx penult decompose notes/build-me-a-social-network --llm gpt-4o-mini
  $ npx penult decompose notes/build-me-a-social-network --write

Exit codes: 0 proposed; 1 the request failed, the answer was unusable, or --write found the file already there; 2 unknown id, no model or no endpoint.`,
    )
    .action(async (id: string, opts: { write?: boolean; llm?: string; json?: boolean }) => {
      const { decomposeProjectStatement } = await import("../decompose-project-statement.js");
      const r = await decomposeProjectStatement({ root: ctx.root, id, env: ctx.io.env, ...(opts.llm ? { llm: opts.llm } : {}), ...(opts.write ? { write: true } : {}) });
      const c = ctx.colors;
      if (r.status !== "proposed") {
        ctx.io.stderr(`${c.red("penult:")} ${r.message}\n`);
        ctx.setExit(r.status === "usage" ? EXIT.usage : EXIT.findings);
        return;
      }
      if (opts.json) {
        ctx.io.stdout(JSON.stringify(r, null, 2) + "\n");
        return;
      }
      ctx.io.stdout(r.content);
      if (r.written) ctx.io.stderr(c.green(`wrote ${r.path}`) + ": a proposal to review; it enters the contracts once you commit it (sync and the GitHub App read commits; a local generate reads the working tree and sees it now)\n");
      else if (opts.write && r.exists) {
        ctx.setExit(EXIT.findings);
        ctx.io.stderr(c.yellow(`${r.path} exists: not overwritten`) + " (remove or rename it to write a new proposal)\n");
      } else ctx.io.stderr(c.dim(`proposal for ${r.path}; run again with --write to save it (it enters the model only once committed)`) + "\n");
    });
}
