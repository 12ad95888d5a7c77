/** `graph-calls-contract extract --help`: its usage text, apart from the command so that --help loads nothing else. */
import { MAX_DOCUMENT_BYTES } from "../../extract/document.js";
import { SEEDS_ENV } from "../../util/paths.js";

export const usage = `Usage: graph-calls-contract extract [--check] [--seeds <dir>] [--out <dir>] [<page>...]

Reads Graph documentation pages (rendered text or markdown source), and writes one fixture per
documented payload, a manifest per document and ERRATA.md.
  --check          write nothing; exit 1 if the committed fixtures differ from what extraction produces
  --seeds <dir>    the documents to read (default: $${SEEDS_ENV}, else ../shared/seeds next to this package)
  --out <dir>      where to write (default: the package's fixtures/)
  --max-bytes <n>  refuse a page larger than this (default ${MAX_DOCUMENT_BYTES}, 128 MiB)
  <page>...        extract these files instead of the seeds folder (with --out, to try a new page)

Pages are UTF-8 or UTF-16 text (a byte order mark is fine); binary, compressed or empty files are
refused. Two pages with the same page, language and version are both written, the later one (in
name order) under "<page>.<language>.<version>~<file name>"; the same content given twice is refused.
Exit codes: 0 written (or --check found them fresh), 1 a page cannot be read, the pages collide,
or --check found stale fixtures; 2 usage error.`;
