import type { Command } from "commander";
import type { CommandContext } from "../context.js";

export function registerDemo(program: Command, ctx: CommandContext): void {
  program
    .command("demo")
    .description("run the whole loop on a bundled example in a temporary git repo, offline, and print what the GitHub App would post")
    .option("--example <name>", "example folder under examples/ (bookshop, seed-conversation)", "bookshop")
    .option("--keep", "keep the temporary repository and print its path")
    .option("--json", "print the steps and the pull request as JSON")
    .addHelpText(
      "after",
      `
What it does:
  1. copies examples/<name> into a fresh temporary git repository and commits the statements
  2. npx penult sync      -> commits the generated contracts onto penult/contracts
  3. edits one statement (examples/demo-edits.json) and commits the edit
  4. npx penult sync      -> a second contracts commit
  5. prints the pull request the GitHub App would open: title and body (the impact report)

Examples:
  $ npx penult demo
  $ npx penult demo --example seed-conversation --keep`,
    )
    .action(async (opts: { example: string; keep?: boolean; json?: boolean }) => {
      const { runDemo } = await import("../run-demo.js");
      const r = await runDemo({ example: opts.example, ...(opts.keep ? { keep: true } : {}), progress: ctx.progress(!opts.json) });
      if (opts.json) {
        ctx.io.stdout(JSON.stringify({ example: r.example, repoDir: r.kept ? r.repoDir : undefined, steps: r.steps, pullRequest: r.pullRequest }, null, 2) + "\n");
        return;
      }
      const c = ctx.colors;
      const out = (s = "") => ctx.io.stdout(s + "\n");
      out(c.bold(`penult demo: examples/${r.example} in a fresh git repository (offline)`));
      out();
      r.steps.forEach((s, i) => {
        out(`${c.cyan(`${i + 1}.`)} ${s.title}`);
        for (const d of s.detail) out(`     ${d.startsWith("- ") ? c.red(d) : d.startsWith("+ ") ? c.green(d) : d}`);
      });
      const rule = "─".repeat(72);
      out();
      out(c.bold(`What the GitHub App would post: a pull request ${r.pullRequest.head} -> ${r.pullRequest.base}`));
      out(rule);
      out(`${c.bold("Title:")} ${r.pullRequest.title}`);
      out(rule);
      out(r.pullRequest.body.trimEnd());
      out(rule);
      out(r.kept ? `The demo repository is kept at ${r.repoDir} (git log --all --oneline to look around).` : "The temporary repository was removed (pass --keep to look around).");
    });
}
