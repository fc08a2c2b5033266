#!/usr/bin/env node
// Thin launcher: the CLI lives in lib/cli (compiled to dist/).
import { main } from "../dist/lib/cli/main.js";

// `penult extract | head`: a closed pipe ends the output, it is not a crash.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (err) => {
    if (err && err.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw err;
  });
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => {
    process.stderr.write(`penult: internal error: ${err && err.stack ? err.stack : String(err)}\n`);
    process.exitCode = 2;
  },
);
