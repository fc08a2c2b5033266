/**
 * Entry of the penult GitHub Action (action.yml runs `node dist/app/action/main.js`): the step's
 * environment in, workflow commands on stdout, the job summary appended to $GITHUB_STEP_SUMMARY.
 */
import { appendFileSync } from "node:fs";
import { formatGithubAnnotation } from "../../lib/format-github-annotation.js";
import { runAction } from "./run-action.js";

const summaryFile = process.env.GITHUB_STEP_SUMMARY;
runAction({
  env: process.env,
  out: {
    line: (text) => void process.stdout.write(text + "\n"),
    summary: (markdown) => (summaryFile ? appendFileSync(summaryFile, markdown + "\n") : void process.stdout.write(markdown + "\n")),
  },
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
    process.stdout.write(formatGithubAnnotation({ code: "INTERNAL_ERROR", severity: "error", message: `${message}\nThis is a bug in penult; please report it.` }) + "\n");
    process.exitCode = 2;
  },
);
