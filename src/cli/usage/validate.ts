/** `graph-calls-contract validate --help`: its usage text, apart from the command so that --help loads nothing else. */
import { DEFAULT_MAX_ERRORS } from "../../contract/result.js";

/** 10 MiB: Graph request bodies are capped at 4 MB and real notifications are kilobytes; this bounds memory (parsed JSON takes several times its text). */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

/** The deepest documented payload nests 10 levels (a roster notification: value > resourceData > participant > info > identity > user...); 64 leaves room and stays far from any stack limit. */
export const MAX_DEPTH = 64;

/** The options --help lists, and only those (a test holds the two together). */
export const VALIDATE_OPTIONS = {
  as: { type: "string" },
  format: { type: "string", default: "text" },
  "max-bytes": { type: "string", default: String(DEFAULT_MAX_BYTES) },
} as const;

export const usage = `Usage: graph-calls-contract validate <file|dir|->... [--as <schema>] [--format text|json] [--max-bytes <n>]

Validates JSON payloads. A directory is searched recursively for *.json files, validated in sorted
order; - reads one payload from stdin (pipe or redirect it: a terminal is refused).
Without --as, the schema is detected from the payload (@odata.type, then its shape) and the reason
is printed. Files of the fixture model are recognised: a documented fixture (provenance, schemas,
payload) has its payload validated against each schema it claims, an invalid case (schema, payload,
expect) against the schema it names; a document manifest has no payload to validate.

Options:
  --as <schema>     validate every payload as this schema (graph-calls-contract schemas --all lists them)
  --format <f>      text (default) or json
  --max-bytes <n>   refuse an input larger than n bytes, checked before reading (default ${DEFAULT_MAX_BYTES}, 10 MiB)
  -h, --help        show this help

Text output: one line per file and schema, "path: valid (schema[, why])" or "path: invalid (schema[, why])"
followed by one line per error, "path: /pointer: message (rule)", at most ${DEFAULT_MAX_ERRORS} of them, then "path: and N more
errors"; an input that cannot be read, parsed or matched to a schema prints "path: error: what went wrong".
Last, a summary: "3 files: 2 valid, 1 invalid".
JSON output: one object on stdout, {"files": [{"path", "schemas": [{"schema", "detected", "reason",
"valid", "errors": [{"pointer", "rule", "message"}], "omitted"?: {"count", "atLeast"}}], "error"?}],
"summary": {"files", "valid", "invalid"}}.
Inputs nested deeper than ${MAX_DEPTH} levels are refused before parsing. Progress goes to stderr, only on a terminal.

Exit codes: 0 all valid, 1 a payload is invalid or an input could not be read, 2 usage error.`;
