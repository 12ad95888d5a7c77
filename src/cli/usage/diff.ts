/** `graph-calls-contract diff --help`: its usage text, apart from the command so that --help loads nothing else. */
import { ACKNOWLEDGEMENTS_FILE } from "../../diff/acknowledgements.js";
import { DEFAULT_DIFF_OPTIONS } from "../../diff/model.js";
import { WORKTREE } from "../../diff/sources.js";

/** The options --help lists, and only those (a test holds the two together). */
export const DIFF_OPTIONS = {
  format: { type: "string", default: "text" },
  changes: { type: "string" },
  fixtures: { type: "string" },
  runs: { type: "string", default: String(DEFAULT_DIFF_OPTIONS.runs) },
  seed: { type: "string", default: String(DEFAULT_DIFF_OPTIONS.seed) },
  seconds: { type: "string", default: String(DEFAULT_DIFF_OPTIONS.budgetMs / 1000) },
} as const;

export const NO_FIXTURES = "none";

export const usage = `Usage: graph-calls-contract diff <old> <new> [--format text|markdown|json] [--changes <file>] [--fixtures <dir>] [--runs <n>] [--seed <n>] [--seconds <n>]

Compares two versions of the published schemas (operations, notifications, and every type in both
profiles), classifies each change, and looks for a witness of each breaking one: a payload valid
under one version and rejected by the other at the changed place, from the fixtures first (and
variants of them), else generated with fast-check. A breaking change without a witness says why.

<old> and <new> each name a version:
  ${WORKTREE}        schemas/ in the working tree of the git repository around the current directory
  <dir>           a schemas folder (with operations/, notifications/, send/, receive/), or a folder with one in schemas/
  <rev>           schemas/ as committed at a git revision: HEAD~1, main, v0.1.0, a commit id
  <rev>:<path>    another folder at that revision, e.g. HEAD:contract-baseline/schemas
A folder that exists wins over a revision of the same name.

Classification, per change:
  send schemas (what a bot sends): rejects a payload that was valid -> breaking; only accepts more -> compatible.
  receive schemas (what a bot receives): rejects a payload that was valid -> breaking; accepts a value
    handlers could not get before (a new member of a closed enum, null, another type, a missing
    property, a new discriminated branch...) -> breaking for handlers. A property declared, or a
    member of an open enum (x-extensible-enum) added, is compatible.
  description, title, examples and x-* annotations -> annotation-only.

Options:
  --format <f>      text (default), markdown (a pull-request comment) or json (one object, formatVersion 1)
  --changes <file>  the acknowledgement file (default: ${ACKNOWLEDGEMENTS_FILE} in the <new> schemas folder, if any):
                    {"acknowledged": [{"schema", "pointer", "kind", "reason"}]}; an acknowledged breaking
                    change does not fail the run, an acknowledgement matching no change is reported
  --fixtures <dir>  where witnesses are looked for first (default: this package's fixtures/; ${NO_FIXTURES}: generate only)
  --runs <n>        payloads generated per schema, for each breaking change (default ${DIFF_OPTIONS.runs.default})
  --seed <n>        fast-check seed: the same seed gives the same witnesses (default ${DIFF_OPTIONS.seed.default})
  --seconds <n>     time budget of the witness search, per change (default ${DIFF_OPTIONS.seconds.default})
  -h, --help        show this help

Each change is printed as "classification: kind pointer: what changed"; the pointer is into the schema
document (the new version; the old one for a removal), and for members of required, enum and
x-extensible-enum it ends with the member itself (/required/targets). Breaking changes not
acknowledged are in capitals. The JSON format is documented in src/diff/README.md.

Exit codes: 0 no breaking change, or every one acknowledged; 1 a breaking change is not acknowledged
(or a version's schemas cannot be read); 2 usage error (bad option, no such folder or revision,
malformed acknowledgement file).`;
