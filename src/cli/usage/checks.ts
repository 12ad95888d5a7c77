/** `graph-calls-contract checks --help`: its usage text, apart from the command so that --help loads nothing else. */
export const usage = `Usage: graph-calls-contract checks [--out <file> [--check]]

Prints the check catalog (Markdown): every kind of check with its id pattern and a one-line doc,
what blocks it, what counts as one root cause, the statuses, the exit codes, and every scenario and
sequence a check id names. docs/checks.md is this output, and every report links to it.
  --out <file>   write it to this file instead (npm run checks writes docs/checks.md)
  --check        with --out: write nothing; exit 1 if the file differs from what it would be`;
