/**
 * The payloads the type suite typechecks: every documented fixture (fixtures/documented/, one
 * DocumentedFixture per file) and the hand-written samples beside this suite, paired with each
 * schema they claim.
 */
import fs from "node:fs";
import path from "node:path";
import type { Contract } from "../../../src/index.js";
import { loadDocumentedFixtures } from "../../../src/fixtures/load.js";
import type { DocumentedFixture } from "../../../src/fixtures/model.js";
import type { ContractError } from "../../../src/contract/errors.js";
import { FIXTURES_DIR, PROJECT_ROOT } from "../../../src/util/paths.js";

export const SAMPLES_DIR = path.join(PROJECT_ROOT, "suites/types/samples");

/** The part of a DocumentedFixture the suite needs; the samples carry only this. */
export type PayloadFile = Pick<DocumentedFixture, "id" | "schemas" | "payload">;

export interface PayloadCase {
  /** "fixtures/documented/…/x.json as create-call-request": names the failing fixture. */
  name: string;
  schema: string;
  payload: NonNullable<DocumentedFixture["payload"]>;
  /** Why the contract rejects the payload (empty when it accepts it). */
  contractErrors: ContractError[];
}

/** The hand-written samples: one PayloadFile per JSON file in samples/, named by their path in the repo. */
export function readSamples(): Array<{ file: string; data: PayloadFile }> {
  return fs.readdirSync(SAMPLES_DIR).filter((name) => name.endsWith(".json")).sort().map((name) => {
    const file = path.relative(PROJECT_ROOT, path.join(SAMPLES_DIR, name));
    return { file, data: JSON.parse(fs.readFileSync(path.join(SAMPLES_DIR, name), "utf8")) as PayloadFile };
  });
}

/** Every documented fixture (fixtures/documented/**, except the document.json manifests), named by its path in the repo. */
export function readDocumentedFixtures(): Array<{ file: string; data: PayloadFile }> {
  return loadDocumentedFixtures().map(({ file, data }) => ({ file: path.relative(PROJECT_ROOT, path.join(FIXTURES_DIR, file)), data }));
}

/** One case per (file, schema) pair with a body, with the contract's verdict on it. */
export function payloadCases(files: Array<{ file: string; data: PayloadFile }>, contract: Contract): PayloadCase[] {
  return files.flatMap(({ file, data }) =>
    data.payload === null
      ? []
      : data.schemas.map((schema) => ({
          name: `${file} as ${schema}`,
          schema,
          payload: data.payload!,
          contractErrors: contract.validate(schema, data.payload).errors,
        })),
  );
}
