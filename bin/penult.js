#!/usr/bin/env node
// Thin launcher: the CLI lives in lib/cli (compiled to dist/).
import { main } from "../dist/lib/cli/main.js";

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => {
    process.stderr.write(`penult: internal error: ${err && err.stack ? err.stack : String(err)}\n`);
    process.exitCode = 2;
  },
);
