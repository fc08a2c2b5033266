import type { Command } from "commander";
import type { CommandContext } from "../context.js";
import { formatDiagnostic } from "../output.js";

export function registerWatch(program: Command, ctx: CommandContext): void {
  program
    .command("watch")
    .description("generate, then regenerate on every save of a statement, the config or a template; one line per change")
    .addHelpText(
      "after",
      `
Examples:
  $ npx penult watch        # Ctrl-C stops

Each change prints one line: the file, the model elements added, changed and removed, the files
written, and the time from the save to the files on disk. The compile cache stays in memory, so
only what an edit touches is read, extracted and rendered again. Errors in statements are printed
as in \`generate\`; a broken config is reported and watching goes on.`,
    )
    .action(async () => {
      const { watchProject } = await import("../watch-project.js");
      const controller = new AbortController();
      const stop = () => controller.abort();
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
      const c = ctx.colors;
      let shown = new Set<string>();
      try {
        await watchProject({
          root: ctx.root,
          env: ctx.io.env,
          signal: controller.signal,
          onRun: (run) => {
            // New problems only: a long session should not repeat every warning on every save.
            const now = new Set<string>();
            for (const d of run.result?.diagnostics ?? []) {
              const text = formatDiagnostic(d, c);
              now.add(text);
              if (!shown.has(text) && d.severity !== "info") ctx.io.stderr(text + "\n");
            }
            shown = now;
            ctx.io.stdout((run.error ? c.red(run.line) : run.line) + "\n");
          },
        });
      } finally {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
      }
    });
}
