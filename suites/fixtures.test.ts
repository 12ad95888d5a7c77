/**
 * Every documented fixture (fixtures/documented/) and every hand-written wire shape
 * (fixtures/wire-shapes/) against every schema it claims. Where an erratum says the document is
 * wrong and the contract rejects it, the exact errors the decision predicts are asserted instead of
 * "valid": nothing here is hard-coded, the expectations come from the fixtures' errata and
 * schemas/source/errata-decisions.json.
 */
import { describe, expect, test } from "vitest";
import { loadContract } from "../src/index.js";
import { checkDocumented, sortKeys } from "../src/fixtures/check.js";
import { decisionFor, readDecisions } from "../src/fixtures/decisions.js";
import { loadDocumentedFixtures, loadManifests, loadWireShapeFixtures, WIRE_SHAPES_DIR } from "../src/fixtures/load.js";
import { readSchemaSources } from "../src/schema-build/profiles.js";
import { schemasFor } from "../src/contract/applies-to.js";
import { getAtPointer, isObject } from "../src/util/json.js";
import { SCHEMA_SOURCES_DIR } from "../src/util/paths.js";

const contract = loadContract();
const decisions = readDecisions();
const fixtures = loadDocumentedFixtures();
const manifests = loadManifests();
const wireShapes = loadWireShapeFixtures();

const cases = fixtures.flatMap(({ data }) => checkDocumented(contract, decisions, data).map((check) => ({ fixture: data, check })));

describe("documented fixtures validate as the schemas they claim", () => {
  test.each(cases.map((c) => [`${c.fixture.id} as ${c.check.schema}`, c] as const))("%s", (_name, { fixture, check }) => {
    expect(sortKeys(check.actual), `errors of ${fixture.id} as ${check.schema}`).toEqual(check.expected);
  });
});

describe("wire shapes (fixtures/wire-shapes) validate as the schemas they claim, as their decisions say", () => {
  const wireCases = wireShapes.flatMap(({ data }) => checkDocumented(contract, decisions, data).map((check) => ({ fixture: data, check })));
  test.each(wireCases.map((c) => [`${c.fixture.id} as ${c.check.schema}`, c] as const))("%s", (_name, { fixture, check }) => {
    expect(sortKeys(check.actual), `errors of ${fixture.id} as ${check.schema}`).toEqual(check.expected);
  });
});

describe("the wire shapes themselves", () => {
  test("there are wire shapes in every class the contract decided", () => {
    const classes = new Set(wireShapes.map(({ file }) => file.split("/")[1]));
    for (const c of ["incoming-call", "invited-participant", "result-info", "deleted-call", "legacy-resource", "operations", "content-sharing", "metadata", "requests"]) expect(classes, c).toContain(c);
  });

  test.each(wireShapes.map((w) => [w.file, w] as const))("%s: id is its path, provenance says where the shape is known from", (file, { data }) => {
    expect(`${data.id}.json`).toBe(file);
    expect(file.startsWith(`${WIRE_SHAPES_DIR}/`)).toBe(true);
    expect(data.description.length).toBeGreaterThan(0);
    const p = data.provenance;
    expect(["request", "response", "notification"]).toContain(p.role);
    if (p.source === "graph-page") {
      expect(p.page).toMatch(/^[a-z0-9-]+$/);
      expect(["v1.0", "beta"]).toContain(p.apiVersion);
      expect(p.section.length).toBeGreaterThan(0);
    } else {
      expect(p.source).toBe("traffic");
      expect(p.where.length).toBeGreaterThan(0);
    }
    expect(data.schemas.length).toBeGreaterThan(0);
  });

  test.each(wireShapes.map((w) => [w.file, w] as const))("%s: every erratum has a decision and points into the payload", (_file, { data }) => {
    for (const e of data.errata) {
      expect(decisionFor(decisions, e), `${e.code}:${e.subject}`).toBeDefined();
      expect(e.pointer, e.code).toBeDefined();
      expect(getAtPointer(data.payload, e.pointer!), `${e.code} at ${e.pointer}`).not.toBeUndefined();
    }
  });

  test.each(wireShapes.filter((w) => w.data.provenance.role === "notification").map((w) => [w.file, w] as const))("%s: claims what the notification schemas say applies to it", (_file, { data }) => {
    expect(schemasFor({ role: "notification", payload: data.payload }, contract.entries).sort()).toEqual([...data.schemas].sort());
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

  test("every x-erratum a schema source carries has a decision", () => {
    const sources = readSchemaSources(SCHEMA_SOURCES_DIR);
    const markers: string[] = [];
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(visit);
      else if (isObject(node)) {
        if (Array.isArray(node["x-erratum"])) markers.push(...(node["x-erratum"] as string[]));
        Object.values(node).forEach(visit);
      }
    };
    for (const group of Object.values(sources.groups)) for (const schema of group.values()) visit(schema);
    expect(markers.length).toBeGreaterThan(0);
    const undecided = markers.filter((m) => {
      const [code, ...rest] = m.split(":");
      return !decisionFor(decisions, { code: code!, subject: rest.join(":") });
    });
    expect(undecided).toEqual([]);
  });

  test("repaired published JSON keeps its text as published, and only repaired JSON does", () => {
    for (const { data } of fixtures) {
      const repaired = data.provenance.origin === "json" && data.errata.some((e) => e.repair !== undefined);
      expect(data.raw !== undefined, data.id).toBe(repaired);
    }
  });
});
