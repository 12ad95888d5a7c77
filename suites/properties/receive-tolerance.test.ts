/**
 * (c) The receive profile is tolerant: Graph may add properties anywhere and new members to
 * evolvable enums (those with unknownFutureValue) without breaking a bot that validates what it
 * receives.
 *
 * On failure fast-check prints the counterexample, its seed and path. Replay exactly that run:
 *   FC_SEED=<seed> FC_PATH=<path> npx vitest run suites/properties/receive-tolerance.test.ts -t "<test name>"
 */
import fc from "fast-check";
import { describe, it } from "vitest";
import { locationsOf, neverSeenEnumValueMutations } from "../../src/arbitraries/index.js";
import { arbitraries, checkOneMutation, checkUnknownPropertyInjection, NEVER_SEEN_ENUM_VALUE, RECEIVE_SCHEMAS } from "./harness.js";

/** Schemas whose payloads have evolvable enums at all (the others have nothing to evolve). */
const WITH_EVOLVABLE_ENUMS = RECEIVE_SCHEMAS.filter((schema) =>
  fc.sample(arbitraries.annotated(schema), { numRuns: 50, seed: 1 })
    .some((g) => locationsOf(g).some((l) => l.generated.facts.extensibleEnum !== undefined)));

describe("received payloads tolerate what Graph may add", () => {
  it.each(RECEIVE_SCHEMAS)("%s: an unknown property injected into any object keeps the payload valid", (schema) => {
    checkUnknownPropertyInjection(schema, "receive");
  });

  it.each(WITH_EVOLVABLE_ENUMS)("%s: a never-seen member of an evolvable enum keeps the payload valid", (schema) => {
    checkOneMutation(schema, (g, value) => neverSeenEnumValueMutations(g, value), NEVER_SEEN_ENUM_VALUE);
  });
});
