/** `graph-calls-contract generate [--check]`: rebuild the published schemas, the generated types and the exported OpenAPI/AsyncAPI documents. */
import { parseArgs } from "node:util";
import { buildSchemas, compileProfiles, readSchemaSources } from "../../schema-build/index.js";
import { exportTree, readExportInputs } from "../../export/index.js";
import { describeSync, diffGeneratedTree, writeGeneratedTree, type SyncResult } from "../../util/generated-files.js";
import { SCHEMA_SOURCES_DIR } from "../../util/paths.js";
import { writeStandaloneModule } from "../../validators/write-standalone.js";
import { EXIT, writeLine, type Command } from "../command.js";
import { usage } from "../usage/generate.js";

export const generateCommand: Command = {
  usage,
  async run(args, io) {
    const { values } = parseArgs({ args, options: { check: { type: "boolean", default: false } }, strict: true });
    const check = values.check === true;
    const schemas = buildSchemas({ check });
    // json-schema-to-typescript is a dev dependency: load it only for this command.
    const { typesTree } = await import("../../generate/types.js");
    const published = compileProfiles(readSchemaSources(SCHEMA_SOURCES_DIR));
    const tree = await typesTree(published);
    const types = check ? diffGeneratedTree(tree) : writeGeneratedTree(tree);
    const documents = exportTree(readExportInputs(published));
    const exported = check ? diffGeneratedTree(documents) : writeGeneratedTree(documents);
    // The precompiled validators (a build output in dist/) follow the schemas just written, so they are never staler.
    if (!check) writeStandaloneModule();
    const stale = isStale(schemas) || isStale(types) || isStale(exported);
    const out = check && stale ? io.stderr : io.stdout;
    writeLine(out, describeSync("schemas (schemas/)", schemas, check));
    writeLine(out, describeSync("types (generated/)", types, check));
    writeLine(out, describeSync("exports (exports/)", exported, check));
    if (check && stale) {
      writeLine(out, "Run `npm run generate` and commit the result.");
      return EXIT.failed;
    }
    return EXIT.ok;
  },
};

function isStale(result: SyncResult): boolean {
  return result.changed.length + result.extra.length > 0;
}
