/** `graph-calls-contract compat --help`: its usage text, apart from the command so that --help loads nothing else. */
export const DEFAULT_SEED = 1;
export const DEFAULT_RUNS = 3;

export const usage = `Usage: graph-calls-contract compat [--check] [--seed <n>] [--runs <n>] [--implementations <file>] [--markdown <file>] [--reports <dir>] [--step-timeout <ms>]

Runs the conformance suite against each implementation of the list (the reference, in-process and
as a process, the Python bot, the Graph client libraries), then writes the table, a row per
scenario and sequence and a column per implementation (✅ pass, ❌ fail, ⚠️ known defect):
docs/COMPATIBILITY.md, and reports/compatibility/index.html with each implementation's reports
under reports/compatibility/<id>/. The Markdown depends only on the results (fixed seed, no times).
  --check                  do not write the Markdown: exit 1 if it differs from what the run produces
  --seed <n>               seed of every run (default ${DEFAULT_SEED}; the committed table uses it)
  --runs <n>               property-based deliveries per sequence (default ${DEFAULT_RUNS}; 0 skips them)
  --implementations <f>    the list: { "implementations": [{ "id", "label", "adapter" | "command", "requires"? }] }
                           (default implementations/compatibility.json); adapters and commands are
                           resolved and run in the current directory
  --markdown <file>        default docs/COMPATIBILITY.md
  --reports <dir>          default reports/compatibility
  --step-timeout <ms>      longest one call into an implementation may take (default 5000)
An implementation whose "requires" executable is not on PATH (python3 for the Python bot) is not
run: its column says so.`;
