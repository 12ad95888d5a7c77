/** What both exported documents are built from, so the generator and the tests build them from the same data. */
import fs from "node:fs";
import path from "node:path";
import { readDecisions, type Decisions } from "../fixtures/decisions.js";
import { loadDocumentedFixtures } from "../fixtures/load.js";
import type { DocumentedFixture } from "../fixtures/model.js";
import { compileProfiles, readSchemaSources } from "../schema-build/profiles.js";
import { PROJECT_ROOT, SCHEMA_SOURCES_DIR } from "../util/paths.js";
import type { PublishedSchemas } from "./schema-refs.js";

export interface ExportInputs {
  /** The published schemas as the profile compiler produces them (the same bytes as schemas/). */
  published: PublishedSchemas;
  fixtures: readonly DocumentedFixture[];
  decisions: Decisions;
  /** The package version: the documents' info.version. */
  version: string;
  /** The package's SPDX licence id and where to report a problem: the documents' info.license and info.contact. */
  license: string;
  contactUrl: string;
}

export function readExportInputs(published: PublishedSchemas = compileProfiles(readSchemaSources(SCHEMA_SOURCES_DIR))): ExportInputs {
  const pkg = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, "package.json"), "utf8")) as { version: string; license: string; bugs: { url: string } };
  return { published, fixtures: loadDocumentedFixtures().map((f) => f.data), decisions: readDecisions(), version: pkg.version, license: pkg.license, contactUrl: pkg.bugs.url };
}
