import type { Command } from "commander";
import { EXIT } from "../exit-codes.js";
import type { CommandContext } from "../context.js";
import { formatDiagnostic, summarizeDiagnostics } from "../output.js";

export function registerGenerate(program: Command, ctx: CommandContext): void {
  program
    .command("generate")
    .description("compile the statements of the working tree into <output>/model.json, contracts, diagrams and ARCHITECTURE.md")
    .option("--check", "write nothing; exit 1 when the files on disk are not what the statements generate (for CI)")
    .option("--dry-run", "write nothing; list what would be created, updated or removed")
    .option("--json", "print the result as JSON (files and diagnostics)")
    .option("--llm <model>", "refine the offline facts with this model at the OpenAI-compatible endpoint of OPENAI_BASE_URL / OPENAI_API_KEY (default: llm.model in .github/penult.yml)")
    .addHelpText(
      "after",
      `
Examples:
  $ npx penult generate
  $ npx penult generate --check     # CI: fail when contracts/ is stale
  $ npx penult generate --dry-run --json
  $ OPENAI_BASE_URL=http://localhost:11434/v1 npx penult generate --llm llama3.1

With --llm (or llm.model in the config) and an endpoint, answers are cached in
contracts/.penult-cache/llm.jsonl (llm.cache): commit it, and the next run asks only about
changed statements and gives the same bytes. Without an endpoint penult warns and compiles offline.

Diagnostics are printed as: file:line:column severity CODE message
Exit codes: 0 ok; 1 statement errors, or (--check) contracts out of date; 2 bad config or usage.`,
    )
    .action(async (opts: { check?: boolean; dryRun?: boolean; json?: boolean; llm?: string }) => {
      const mode = opts.check ? "check" : opts.dryRun ? "dry-run" : "write";
      const { generateProject } = await import("../generate-project.js");
      const { manifestPath } = await import("../stages.js");
      const { formatLlmStats, llmJson } = await import("../plan-cli-llm.js");
      const r = await generateProject({ root: ctx.root, mode, progress: ctx.progress(!opts.json), ...(opts.llm ? { llm: opts.llm } : {}), env: ctx.io.env });
      const w = r.written;
      const errors = r.diagnostics.some((d) => d.severity === "error");
      if (errors) ctx.setExit(EXIT.findings);
      if (opts.json) {
        ctx.io.stdout(
          JSON.stringify(
            { mode, statementFiles: r.statementFiles, statements: r.compiled.statements.length, created: w.created, updated: w.updated, removed: w.removed, unchanged: w.unchanged.length, diagnostics: r.diagnostics, ...llmJson(r) },
            null,
            2,
          ) + "\n",
        );
        return;
      }
      const c = ctx.colors;
      for (const d of r.diagnostics) ctx.io.stderr(formatDiagnostic(d, c) + "\n");
      if (r.llmWarning) ctx.io.stderr(c.yellow(`warning: ${r.llmWarning}`) + "\n");
      if (r.compiled.llm) ctx.io.stderr(formatLlmStats(r.compiled.llm) + "\n");
      if (mode !== "check") {
        const verb = mode === "write" ? "" : "would be ";
        for (const p of w.created) ctx.io.stdout(`${c.green(verb + "created")} ${p}\n`);
        for (const p of w.updated) ctx.io.stdout(`${c.yellow(verb + "updated")} ${p}\n`);
        for (const p of w.removed) ctx.io.stdout(`${c.red(verb + "removed")} ${p}\n`);
      }
      // The manifest is bookkeeping; counts are of the generated files people read.
      const manifest = manifestPath(r.config);
      const count = (xs: readonly string[]) => xs.filter((p) => p !== manifest).length;
      const n = r.compiled.statements.length;
      const summary = `${n} statement${n === 1 ? "" : "s"} from ${r.statementFiles} file${r.statementFiles === 1 ? "" : "s"} -> ${r.compiled.files.length} generated files in ${r.config.output}/ (${count(w.created)} created, ${count(w.updated)} updated, ${count(w.removed)} removed); ${summarizeDiagnostics(r.diagnostics)}`;
      ctx.io.stdout(`${mode === "dry-run" ? "dry run: " : ""}${summary}\n`);
      if (mode === "check") {
        if (w.changed) {
          ctx.setExit(EXIT.findings);
          ctx.io.stdout(c.red(`contracts are out of date with the statements: run \`npx penult generate\` and commit the result\n`));
        } else ctx.io.stdout(c.green("contracts are up to date\n"));
      }
    });
}
