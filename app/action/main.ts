/**
 * Entry of the penult GitHub Action (action.yml runs `node dist/app/action/main.js`): the step's
 * environment in, workflow commands on stdout, the job summary appended to $GITHUB_STEP_SUMMARY.
 */
import { appendFileSync } from "node:fs";
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
    process.stdout.write(`::error title=penult internal error::${err instanceof Error ? (err.stack ?? err.message).replace(/\n/g, "%0A") : String(err)}\n`);
    process.exitCode = 2;
  },
);
