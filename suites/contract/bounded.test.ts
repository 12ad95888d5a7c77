/**
 * Validation stays linear and bounded on hostile payloads (a webhook body from anyone): errors are
 * listed up to a cap and counted beyond it, each array or object stops collecting after a bounded
 * number of errors, isValid stops at the first one, and the rewrite of ajv's code that makes this
 * so (src/validators/standalone-code.ts) changes no verdict and no reported error, refusing code it
 * does not recognise. How the cost grows with the number of errors is measured by `npm run bench`
 * (row errors-linear), not timed here.
 */
import fs from "node:fs";
import path from "node:path";
import type { ValidateFunction } from "ajv";
import { describe, expect, test } from "vitest";
import { Contract, formatOmitted, loadContract } from "../../src/index.js";
import { createContractAjv } from "../../src/contract/ajv-setup.js";
import { toContractErrors } from "../../src/contract/errors.js";
import { readSchemaEntries } from "../../src/contract/registry.js";
import { errorsPerLoop } from "../../src/contract/result.js";
import { rewrite } from "../../src/validators/standalone-code.js";
import { FIXTURES_DIR } from "../../src/util/paths.js";

const contract = loadContract();

/** A documented roster notification, repeated `n` times, each with one participant whose serverMuted is a string. */
function roster(n: number): unknown {
  const fixture = JSON.parse(fs.readFileSync(path.join(FIXTURES_DIR, "documented", "create-call.fr.v1.0", "ex05.notification-03.json"), "utf8")) as { payload: { value: Array<{ resourceData: Array<{ mediaStreams: Array<Record<string, unknown>> }> }> } };
  const entry = fixture.payload.value[0]!;
  const participant = structuredClone(entry.resourceData[0]!);
  participant.mediaStreams[0]!.serverMuted = "no";
  return { ...fixture.payload, value: Array.from({ length: n }, () => ({ ...entry, resourceData: [structuredClone(participant)] })) };
}

describe("a capped error list says how many more there are", () => {
  test("150 bad participants: the first 100 listed, then exactly 50 more", () => {
    const result = contract.validate("notification-roster", roster(150));
    expect(result.valid).toBe(false);
    expect(result.errors).toHaveLength(100);
    expect(result.errors[0]).toEqual({ pointer: "/value/0/resourceData/0/mediaStreams/0/serverMuted", rule: "type", message: "\"serverMuted\" must be a boolean or null (got string \"no\")" });
    expect(result.omitted).toEqual({ count: 50, atLeast: false });
    expect(formatOmitted(result.omitted!)).toBe("and 50 more errors");
  });

  test("maxErrors: Infinity lists every error, and a smaller cap lists fewer", () => {
    const all = contract.validate("notification-roster", roster(150), { maxErrors: Infinity });
    expect(all.errors).toHaveLength(150);
    expect(all.omitted).toBeUndefined();
    const three = contract.validate("notification-roster", roster(150), { maxErrors: 3 });
    expect(three.errors).toEqual(all.errors.slice(0, 3));
    expect(three.omitted).toEqual({ count: 147, atLeast: false });
  });

  test("2,000 bad participants: collection stops early, and the list says there are at least that many more", () => {
    const result = contract.validate("notification-roster", roster(2_000));
    expect(result.errors).toHaveLength(100);
    expect(result.omitted?.atLeast).toBe(true);
    expect(result.omitted!.count).toBeGreaterThan(0);
    expect(formatOmitted(result.omitted!)).toMatch(/^and at least [\d,]+ more errors \(collection stops early/);
    // Stopping early lists only true errors: each is one of every error.
    const every = contract.validate("notification-roster", roster(2_000), { maxErrors: Infinity });
    expect(every.errors).toHaveLength(2_000);
    expect(every.errors).toEqual(expect.arrayContaining(result.errors));
  });

  test("a payload with fewer errors than the cap has no omitted count", () => {
    expect(contract.validate("notification-roster", roster(1)).omitted).toBeUndefined();
  });
});

describe("the work done is bounded by the cap, not by the payload", () => {
  const validators = () => (contract as unknown as { source: { all: { validators: Record<string, ValidateFunction> } } }).source.all.validators;

  test("100,000 junk targets: ajv collects a bounded number of raw errors", () => {
    const body = { callbackUri: "https://bot.example.com/cb", requestedModalities: ["audio"], mediaConfig: { "@odata.type": "#microsoft.graph.serviceHostedMediaConfig" }, targets: Array.from({ length: 100_000 }, () => ({ x: 1 })) };
    expect(contract.validate("create-call-request", body).valid).toBe(false);
    const raw = validators()["create-call-request"]!.errors!.length;
    expect(raw).toBeGreaterThanOrEqual(errorsPerLoop(100));
    expect(raw).toBeLessThan(3 * errorsPerLoop(100));
  });

  test("isValid stops at the first error", () => {
    expect(contract.isValid("notification-roster", roster(2_000))).toBe(false);
    const first = (contract as unknown as { firstError: Record<string, ValidateFunction> }).firstError["notification-roster"]!;
    // The first failing participant's errors (its nullable wrapper's branches), not 2,000 participants'.
    expect(first.errors!.length).toBeLessThanOrEqual(10);
  });
});

describe("uniqueItems finds the pair ajv's pairwise comparison finds, in one pass", () => {
  const entries = readSchemaEntries();
  const plain = createContractAjv("all");
  for (const entry of entries) plain.addSchema(entry.schema, entry.id);
  const byId = new Map(entries.map((e) => [e.id, e.schema]));
  const control = (payload: unknown) => {
    const fn = plain.getSchema(entries.find((e) => e.name === "create-call-request")!.id) as ValidateFunction;
    const valid = fn(payload) as boolean;
    return { schema: "create-call-request", valid, errors: valid ? [] : toContractErrors(fn.errors ?? [], { payload, schemaById: (id) => byId.get(id) }) };
  };
  const body = (requestedModalities: unknown[]) => ({ callbackUri: "https://bot.example.com/cb", targets: [], requestedModalities });

  test.each([
    ["distinct", ["audio", "video"]],
    ["two pairs: the highest i wins", ["audio", "video", "audio", "video"]],
    ["three alike", ["audio", "audio", "audio"]],
    ["objects equal up to key order", [{ a: 1, b: [1, { c: 2 }] }, "audio", { b: [1, { c: 2 }], a: 1 }]],
    ["0 and -0", [0, -0]],
    ["1 and \"1\" differ", [1, "1"]],
    ["null and \"null\" differ", [null, "null"]],
    ["arrays by position", [[1, 2], [2, 1], [1, 2]]],
  ])("%s", (_what, modalities) => {
    expect(contract.validate("create-call-request", body(modalities), { maxErrors: Infinity })).toEqual(control(body(modalities)));
  });

  test("values JSON cannot hold fall back to the pairwise comparison", () => {
    const date = new Date(0);
    const modalities = [new Date(0), "audio", date];
    expect(contract.validate("create-call-request", body(modalities), { maxErrors: Infinity })).toEqual(control(body(modalities)));
  });
});

describe("the rewrite refuses ajv code it does not know", () => {
  test("a concatenation of errors it cannot rewrite", () => {
    expect(() => rewrite("vErrors = vErrors.concat(errs);", "all")).toThrow(/concatenates errors/);
  });
  test("a loop of another form", () => {
    expect(() => rewrite("for(let k=0; k<n; k+=2){}", "all")).toThrow(/a loop rewrite\(\) does not know/);
    expect(() => rewrite("while(x){}", "all")).toThrow(/while loop/);
  });
  test("a uniqueItems body that would not leave the loop", () => {
    expect(() => rewrite("outer0:for(;i0--;){for(j0 = i0; j0--;){if(func0(data[i0], data[j0])){x++;}}}", "all")).toThrow(/uniqueItems/);
  });
  test("Contract.load compiles the same rewritten code: same answers on a hostile payload", () => {
    const hostile = roster(2_000);
    expect(Contract.load().validate("notification-roster", hostile)).toEqual(contract.validate("notification-roster", hostile));
  });
});
