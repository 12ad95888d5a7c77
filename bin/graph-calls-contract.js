#!/usr/bin/env node
// The published bin: the compiled CLI (npm ci runs `prepare`, which builds dist/).
import { main } from "../dist/src/cli/main.js";

main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, cwd: process.cwd() }).then(
  (code) => { process.exitCode = code; },
  (error) => { process.stderr.write(`graph-calls-contract: ${String(error)}\n`); process.exitCode = 1; },
);
