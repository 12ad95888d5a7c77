/**
 * (b) A single mutation of a valid payload is rejected with exactly the error(s) at the mutated
 * location: a dropped required property gives `required` there; a value replaced by one of another
 * JSON type gives what its schemas say (type, const, enum, discriminator...); an unknown property
 * injected into any object of a request gives `additionalProperties` at that property.
 *
 * On failure fast-check prints the counterexample, its seed and path. Replay exactly that run:
 *   FC_SEED=<seed> FC_PATH=<path> npx vitest run suites/properties/mutations.test.ts -t "<test name>"
 */
import { describe, it } from "vitest";
import { breakTypeMutations, dropRequiredMutations } from "../../src/arbitraries/index.js";
import { arbitraries, checkOneMutation, checkUnknownPropertyInjection, MESSAGE_SCHEMAS, NO_INGREDIENT, SEND_SCHEMAS } from "./harness.js";

describe("single mutations are rejected at the mutated location", () => {
  it.each(MESSAGE_SCHEMAS.map((s) => s.name))("%s: dropping a required property is a `required` error there", (schema) => {
    checkOneMutation(schema, (g) => dropRequiredMutations(g), NO_INGREDIENT);
  });

  it.each(MESSAGE_SCHEMAS.map((s) => s.name))("%s: a value of another JSON type is rejected there, by the rule that fails", (schema) => {
    checkOneMutation(schema, (g) => breakTypeMutations(g, arbitraries.store), NO_INGREDIENT);
  });

  it.each(SEND_SCHEMAS)("%s: an unknown property in any request object is an `additionalProperties` error there", (schema) => {
    checkUnknownPropertyInjection(schema, "send");
  });
});
