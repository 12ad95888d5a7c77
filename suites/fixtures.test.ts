/**
 * Every documented fixture against every schema it claims. Where an erratum says the document is
 * wrong and the contract rejects it, the exact errors the decision predicts are asserted instead of
 * "valid": nothing here is hard-coded, the expectations come from the fixtures' errata and
 * schemas/source/errata-decisions.json.
 */
import { describe, expect, test } from "vitest";
import { loadContract } from "../src/index.js";
import { checkDocumented, sortKeys } from "../src/fixtures/check.js";
import { decisionFor, readDecisions } from "../src/fixtures/decisions.js";
import { loadDocumentedFixtures, loadManifests } from "../src/fixtures/load.js";
import { getAtPointer } from "../src/util/json.js";

const contract = loadContract();
const decisions = readDecisions();
const fixtures = loadDocumentedFixtures();
const manifests = loadManifests();

const cases = fixtures.flatMap(({ data }) => checkDocumented(contract, decisions, data).map((check) => ({ fixture: data, check })));

describe("documented fixtures validate as the schemas they claim", () => {
  test.each(cases.map((c) => [`${c.fixture.id} as ${c.check.schema}`, c] as const))("%s", (_name, { fixture, check }) => {
    expect(sortKeys(check.actual), `errors of ${fixture.id} as ${check.schema}`).toEqual(check.expected);
  });
});

describe("the fixture set itself", () => {
  test("there are documented fixtures for every document", () => {
    expect(manifests.length).toBeGreaterThan(0);
    for (const { data } of manifests) {
      expect(data.counts.requests + data.counts.responses + data.counts.notifications, data.document).toBeGreaterThan(0);
    }
  });

  test("every fixture with a body claims at least one schema, unless its operation has none", () => {
    const covered = new Set(["create-call", "call-transfer"]);
    const unclaimed = fixtures.filter(({ data }) => data.payload !== null && data.schemas.length === 0 && (covered.has(data.provenance.page) || data.provenance.role === "notification"));
    expect(unclaimed.map((f) => f.data.id)).toEqual([]);
  });

  test("every erratum, in fixtures and documents, has a decision", () => {
    const errata = [...fixtures.flatMap((f) => f.data.errata), ...manifests.flatMap((m) => m.data.errata)];
    expect(errata.length).toBeGreaterThan(0);
    expect(errata.filter((e) => !decisionFor(decisions, e)).map((e) => `${e.code}:${e.subject}`)).toEqual([]);
  });

  test("every erratum that predicts an error points at a location in the payload", () => {
    for (const { data } of fixtures) {
      for (const e of data.errata.filter((x) => decisionFor(decisions, x)?.verdict)) {
        expect(e.pointer, `${data.id} ${e.code}`).toBeDefined();
        expect(getAtPointer(data.payload, e.pointer!), `${data.id} ${e.code} ${e.pointer}`).not.toBeUndefined();
      }
    }
  });

  test("repaired published JSON keeps its text as published, and only repaired JSON does", () => {
    for (const { data } of fixtures) {
      const repaired = data.provenance.origin === "json" && data.errata.some((e) => e.repair !== undefined);
      expect(data.raw !== undefined, data.id).toBe(repaired);
    }
  });
});
