/**
 * What the property suites share: bounded runs, replay from the seed and path fast-check prints on
 * failure, and checking one mutation per run against the contract.
 *
 *   FC_SEED=<seed> FC_PATH=<path> npx vitest run suites/properties/<file> -t "<test name>"
 *   FC_RUNS=1000 npx vitest run suites/properties        (a longer search)
 */
import fc from "fast-check";
import { loadContract } from "../../src/index.js";
import { expect } from "vitest";
import {
  applyMutation, injectUnknownPropertyMutations, locationsOf, neverSeenEnumValue, payloadArbitraries, unknownPropertyName, type GeneratedValue, type Mutation,
} from "../../src/arbitraries/index.js";
import type { Profile } from "../../src/index.js";
import type { ContractError } from "../../src/contract/errors.js";

export const contract = loadContract();
export const arbitraries = payloadArbitraries();

/** The operation and notification schemas, with the profile that decides strict or tolerant. */
export const MESSAGE_SCHEMAS = arbitraries.messageSchemaNames().map((name) => ({ name, profile: arbitraries.store.entry(name).profile }));
export const SEND_SCHEMAS = MESSAGE_SCHEMAS.filter((s) => s.profile === "send").map((s) => s.name);
export const RECEIVE_SCHEMAS = MESSAGE_SCHEMAS.filter((s) => s.profile === "receive").map((s) => s.name);

const RUNS_PER_SCHEMA = 100;

export function runParameters<T>(): fc.Parameters<T> {
  const seed = process.env.FC_SEED;
  const path = process.env.FC_PATH;
  const runs = process.env.FC_RUNS;
  return {
    numRuns: runs ? Number(runs) : RUNS_PER_SCHEMA,
    ...(seed !== undefined ? { seed: Number(seed) } : {}),
    ...(path !== undefined ? { path } : {}),
  };
}

/** Assert a property; on failure the message carries fast-check's seed and path for replay. */
export function check<Ts extends [unknown, ...unknown[]]>(property: fc.IProperty<Ts>): void {
  fc.assert(property, runParameters<Ts>());
}

/** (pointer, rule) pairs as a sorted list of strings, for exact comparison with readable diffs. */
export function pairs(errors: ReadonlyArray<Pick<ContractError, "pointer" | "rule">>): string[] {
  return [...new Set(errors.map((e) => `${e.pointer} ${e.rule}`))].sort();
}

/**
 * For each generated payload, pick one of its mutations (the index shrinks towards the first) and
 * check the contract answers exactly what the mutation expects. Payloads offering no mutation are
 * skipped. `ingredient` feeds the mutations (an unknown property name, a never-seen enum value).
 */
export function checkOneMutation<I>(schema: string, mutationsOf: (generated: GeneratedValue, ingredient: I) => Mutation[], ingredient: fc.Arbitrary<I>): void {
  check(fc.property(arbitraries.annotated(schema), fc.nat(), ingredient, (generated, pick, extra) => {
    const candidates = mutationsOf(generated, extra);
    fc.pre(candidates.length > 0);
    const mutation = candidates[pick % candidates.length]!;
    const actual = pairs(contract.validate(schema, applyMutation(generated.value, mutation)).errors);
    const expected = mutation.expect.valid ? [] : pairs(mutation.expect.errors);
    expect({ mutation: mutation.description, errors: actual }).toEqual({ mutation: mutation.description, errors: expected });
  }));
}

/**
 * Inject a property no schema declares into one object per run. The profile says what every object
 * must do with it: a request (send) rejects it, a received payload tolerates it; no object may be
 * left out because its schemas leave that open.
 */
export function checkUnknownPropertyInjection(schema: string, profile: Profile): void {
  checkOneMutation(schema, (g, name) => {
    const mutations = injectUnknownPropertyMutations(g, name);
    const objects = locationsOf(g).filter((l) => l.generated.facts.kind === "object");
    expect(mutations).toHaveLength(objects.length);
    expect(mutations.filter((m) => m.expect.valid !== (profile === "receive")).map((m) => m.pointer)).toEqual([]);
    return mutations;
  }, UNKNOWN_PROPERTY_NAME);
}

export const NO_INGREDIENT = fc.constant(undefined);
export const UNKNOWN_PROPERTY_NAME = unknownPropertyName(arbitraries.store);
export const NEVER_SEEN_ENUM_VALUE = neverSeenEnumValue(arbitraries.store);
