/** `graph-calls-contract snippets --help`: its usage text, apart from the command so that --help loads nothing else. */
import { RUN_LANGUAGES } from "../../snippets-run/model.js";
import { SEEDS_ENV } from "../../util/paths.js";

export const usage = `Usage: graph-calls-contract snippets [--check] [--language <l>]... [--seeds <dir>]

Runs every documented Create call and transfer snippet in ${RUN_LANGUAGES.join(", ")} (as the
extractor reads it from the pages) with its SDK against the mock Graph, compares the request each
sends with the documented request, validates it with the send profile, and writes
docs/SNIPPETS.md and docs/snippets.json (every difference an erratum with the language, SDK version
and JSON pointer). The SDKs come from scripts/setup-toolchains.sh; a language whose toolchain is
not installed is not run, with a note saying how to install it, and keeps its committed results.
  --check            write nothing; exit 1 if the committed report differs from this run's
  --language <l>     run only these languages (repeatable); the others keep their committed results
  --seeds <dir>      the documents (default: $${SEEDS_ENV}, else ../shared/seeds next to this package)
Exit codes: 0 written or up to date, 1 stale (--check), 2 usage or tool error.`;
