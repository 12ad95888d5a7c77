/**
 * Auto-detection (validate without --as): payloads shaped like captured traffic (detection-cases.json),
 * every wire shape and documented fixture detected as the schemas it claims, and the per-item verdicts
 * that keep one bad notification from condemning its batch silently.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { loadContract } from "../../src/index.js";
import { detectSchema, MISSING_HASH_NOTE } from "../../src/contract/detect.js";
import { loadDocumentedFixtures, loadWireShapeFixtures } from "../../src/fixtures/load.js";
import { MAX_ITEM_VERDICTS, planValidation } from "../../src/cli/schema-choice.js";
import { validateItems } from "../../src/cli/validate-report.js";
import { isObject } from "../../src/util/json.js";

interface DetectionCase {
  name: string;
  payload: unknown;
  schema: string | null;
  items?: Array<string | null>;
  note?: boolean;
}

const contract = loadContract();
const entries = contract.entries;
const cases = (JSON.parse(fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), "detection-cases.json"), "utf8")) as { cases: DetectionCase[] }).cases;

describe("detection on payloads shaped like real traffic", () => {
  test.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const d = detectSchema(c.payload, entries);
    expect(d.schema ?? null, d.reason).toBe(c.schema);
    if (c.items) expect(d.items?.map((i) => i.kind ?? null)).toEqual(c.items);
    expect(d.note, "what detection tolerated").toBe(c.note ? MISSING_HASH_NOTE : undefined);
    expect(d.reason.length).toBeGreaterThan(0);
  });

  test("the default entries are the package's schemas", () => {
    expect(detectSchema(cases[0]!.payload)).toEqual(detectSchema(cases[0]!.payload, entries));
  });
});

describe("every fixture is detected as what it claims", () => {
  const fixtures = [...loadWireShapeFixtures(), ...loadDocumentedFixtures()].filter(({ data }) => data.payload !== null && data.schemas.length > 0);

  test.each(fixtures.map((f) => [f.file, f.data] as const))("%s", (_file, fixture) => {
    const d = detectSchema(fixture.payload, entries);
    const kind = fixture.schemas.find((s) => s.startsWith("notification-"));
    if (fixture.provenance.role === "notification") {
      expect(d.schema).toBe("notification");
      // A fixture claims a kind only when all its items are of it (schemasFor); detection must agree item by item.
      if (kind) expect(d.items?.map((i) => i.kind)).toEqual((fixture.payload as { value: unknown[] }).value.map(() => kind));
    } else {
      expect(fixture.schemas, d.reason).toContain(d.schema);
    }
  });
});

describe("validate reports each value[] item with its own verdict and kind", () => {
  const good = cases.find((c) => c.name === "one batch: the call established and its roster")!.payload as { value: unknown[] };
  // A second call's update that forgot its state: the generic schema cannot tell, its kind can.
  const stateless = {
    "@odata.type": "#microsoft.graph.commsNotification",
    changeType: "updated",
    resourceUrl: "/communications/calls/9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a",
    resourceData: { "@odata.type": "#microsoft.graph.call", direction: "outgoing" },
  };
  const batch = { ...good, value: [...good.value, stateless] };

  test("the generic notification schema alone would pass the batch: the bad item is only caught by its kind", () => {
    expect(contract.validate("notification", batch).valid).toBe(true);
  });

  test("detected: each item against its own kind, errors pointing into the whole body", () => {
    const plan = planValidation(batch, undefined, contract);
    expect(plan.items?.map((i) => [i.pointer, i.schema])).toEqual([
      ["/value/0", "notification-call-state"],
      ["/value/1", "notification-roster"],
      ["/value/2", "notification-call-state"],
    ]);
    const outcomes = validateItems(contract, plan.payload, plan.items!);
    expect(outcomes.map((o) => o.valid)).toEqual([true, true, false]);
    expect(outcomes[2]!.errors.map((e) => `${e.pointer} ${e.rule}`)).toEqual(["/value/2/resourceData/state required"]);
    expect(outcomes[2]!.kind).toBe("notification-call-state");
  });

  test("named with --as: no item verdicts, the named schema's errors already point at each item", () => {
    expect(planValidation(batch, "notification-call-state", contract).items).toBeUndefined();
    const body = contract.validate("notification-call-state", batch);
    expect(body.errors.map((e) => e.pointer.split("/").slice(0, 3).join("/"))).toContain("/value/1");
  });

  test("at most MAX_ITEM_VERDICTS items get a verdict of their own", () => {
    const many = { value: Array.from({ length: MAX_ITEM_VERDICTS + 5 }, () => stateless) };
    expect(planValidation(many, undefined, contract).items).toHaveLength(MAX_ITEM_VERDICTS);
  });

  test("a payload that is no notifications body has no items", () => {
    const request = cases.find((c) => c.schema === "create-call-request")!.payload;
    expect(planValidation(request, undefined, contract).items).toBeUndefined();
    expect(isObject(request)).toBe(true);
  });
});
