/**
 * (a) Payloads generated from each operation and notification schema are valid, and stay valid
 * and equal after a JSON round trip (what a wire does to them).
 *
 * On failure fast-check prints the counterexample, its seed and path. Replay exactly that run:
 *   FC_SEED=<seed> FC_PATH=<path> npx vitest run suites/properties/generated-payloads.test.ts -t "<schema>"
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deepEqual } from "../../src/util/json.js";
import { arbitraries, check, contract, MESSAGE_SCHEMAS, pairs } from "./harness.js";

describe("generated payloads", () => {
  it.each(MESSAGE_SCHEMAS.map((s) => s.name))("%s: every generated payload validates and survives a JSON round trip", (schema) => {
    check(fc.property(arbitraries.arbitrary(schema), (payload) => {
      expect(pairs(contract.validate(schema, payload).errors)).toEqual([]);
      const wired = JSON.parse(JSON.stringify(payload));
      expect(deepEqual(wired, payload)).toBe(true);
      expect(pairs(contract.validate(schema, wired).errors)).toEqual([]);
    }));
  });
});
