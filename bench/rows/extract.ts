/** Extraction of the source documents (h-extract: replace with extraction per MB and its size check). */
import fs from "node:fs";
import path from "node:path";
import { extractCorpus, readSeedDocuments } from "../../src/extract/index.js";
import { SEEDS_DIR, SEEDS_ENV } from "../../src/util/paths.js";
import { ONE_CALL } from "../measure.js";
import { MissingInput, type Row } from "../row.js";

export const extractRow: Row = {
  id: "extract",
  title: "extract the seed documents (fixtures and errata)",
  baseline: "reading the same files and splitting them into lines: the least any extractor does",
  slow: true,
  prepare() {
    if (!fs.existsSync(SEEDS_DIR)) throw new MissingInput(`the source documents at ${SEEDS_DIR} (set ${SEEDS_ENV} to their folder)`);
    const files = fs.readdirSync(SEEDS_DIR).filter((f) => !/^readme/i.test(f)).map((f) => path.join(SEEDS_DIR, f));
    return {
      subject: { name: "extractCorpus(readSeedDocuments())", run: () => extractCorpus(readSeedDocuments(SEEDS_DIR)) },
      baseline: { name: "read and split lines", run: () => files.map((f) => fs.readFileSync(f, "utf8").split("\n")) },
      bounds: { ...ONE_CALL, minSamples: 5 },
    };
  },
};
