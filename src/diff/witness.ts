/**
 * Witnesses: for a change that narrows, a payload the old schemas accept and the new ones reject at
 * the changed location (for one that widens, the other way round). Looked for first in the
 * fixtures of every message schema that uses the changed node (and in their probed variants), then
 * in payloads fast-check generates from the accepting side, within a number of runs and a time
 * budget. A found witness is shrunk by fast-check, so it is as small as the schemas allow.
 */
import fc from "fast-check";
import { arbitraryFor } from "../arbitraries/index.js";
import type { ContractError } from "../contract/errors.js";
import type { Contract } from "../contract/validator.js";
import type { JsonValue } from "../util/json.js";
import type { FixturePayload, FixturePool } from "./fixture-pool.js";
import { errorsShowing } from "./attribution.js";
import { instancesOf, patternText, type LocationIndex } from "./locations.js";
import type { SchemaChange, Witness, WitnessDirection } from "./model.js";
import type { SchemaSet } from "./schema-set.js";
import { reduceWitness } from "./reduce.js";
import { candidatesOf, type Candidate } from "./variants.js";

/** One version of the schemas, as the search uses it. */
export interface Side {
  name: "old" | "new";
  set: SchemaSet;
  contract(): Contract;
  locations: LocationIndex;
}

export interface SearchOptions {
  fixtures: FixturePool;
  /** Generated payloads per schema tried. */
  runs: number;
  seed: number;
  /** Time budget for one change, in milliseconds. */
  budgetMs: number;
}

export type SearchOutcome = { witness: Witness } | { witness?: undefined; why: string };

/** Where the change applies in payloads of one schema, and what an error there looks like. */
interface Target {
  root: string;
  /** Payload locations of the changed node. */
  patterns: string[][];
  /** Where errors caused by the change are expected: the node, or the changed property of it. */
  errorPatterns: string[][];
}

export function searchWitness(change: SchemaChange, direction: WitnessDirection, sides: { old: Side; new: Side }, options: SearchOptions): SearchOutcome {
  const [accepting, rejecting] = direction === "old-valid-new-invalid" ? [sides.old, sides.new] : [sides.new, sides.old];
  const deadline = Date.now() + options.budgetMs;
  const targets = targetsOf(change, accepting, rejecting);
  const check = (target: Target, payload: JsonValue) => rejection(change, target, payload, accepting, rejecting);
  const found = (target: Target, candidate: Candidate, source: string, origin: Witness["origin"]): SearchOutcome => {
    const { related, others } = check(target, candidate.payload)!;
    return { witness: { direction, schema: target.root, source: candidate.note ? `${source}, ${candidate.note}` : source, origin, payload: candidate.payload, errors: related, otherErrors: others } };
  };

  const tried: string[] = [];
  for (const target of targets) {
    const fixtures = options.fixtures.forSchema(target.root);
    const hit = fixtureWitness(fixtures, change, target, (p) => check(target, p) !== undefined);
    if (hit) return found(target, hit.candidate, hit.source, "fixture");
    if (fixtures.length > 0) tried.push(`none of the ${fixtures.length} fixtures of ${target.root} (nor their variants at ${describe(target.patterns)}) is one`);
  }
  // The changed schema itself first: the most direct payloads. Message schemas that use it come after.
  for (const target of [...targets].sort((a, b) => Number(b.root === change.schema) - Number(a.root === change.schema))) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) {
      tried.push(`the time budget (${options.budgetMs / 1000} s) ran out before ${target.root} was tried`);
      break;
    }
    const outcome = generate(target, change, accepting, options, remaining, (p) => check(target, p) !== undefined);
    if ("hit" in outcome) return found(target, outcome.hit, `generated from the ${accepting.name} ${target.root} (fast-check seed ${options.seed})`, "generated");
    tried.push(outcome.why);
  }
  if (targets.length === 0) tried.push(`no schema of the ${accepting.name} version reaches the changed node`);
  const location = targets.find((t) => t.root === change.schema)?.errorPatterns ?? [];
  return { why: `no payload valid under the ${accepting.name} schemas is rejected by the ${rejecting.name} ones at ${describe(location)}: ${tried.join("; ")}` };
}

/** The first fixture (or variant of one) that is a witness, cut down to what it needs. */
function fixtureWitness(fixtures: readonly FixturePayload[], change: SchemaChange, target: Target, isWitness: (payload: JsonValue) => boolean): { candidate: Candidate; source: string } | undefined {
  for (const fixture of fixtures) {
    const hit = candidatesOf(fixture.payload, change.probes, target.patterns).find((c) => isWitness(c.payload));
    if (!hit) continue;
    const reduced = reduceWitness(hit.payload, isWitness);
    const note = [hit.note, reduced.removed > 0 ? `reduced to what the witness needs (${reduced.removed} properties or items removed)` : undefined].filter(Boolean).join(", then ");
    return { candidate: { payload: reduced.payload, ...(note ? { note } : {}) }, source: fixture.source };
  }
  return undefined;
}

/** The changed schema and every message schema whose payloads reach the changed node. */
function targetsOf(change: SchemaChange, accepting: Side, rejecting: Side): Target[] {
  const pointer = change.nodes[accepting.name];
  if (pointer === undefined || !accepting.set.has(change.schema)) return [];
  const node = { schema: change.schema, pointer };
  const roots = [...accepting.set.messageNames().filter((n) => n !== change.schema), change.schema];
  return roots.flatMap((root): Target[] => {
    // A message schema the other side lacks would reject everything, for a reason unrelated to this change.
    if (root !== change.schema && !rejecting.set.has(root)) return [];
    const found = accepting.locations.patterns(root, node);
    const patterns = found.length > 0 ? found : root === change.schema ? [[]] : [];
    if (patterns.length === 0) return [];
    const errorPatterns = change.property === undefined ? patterns : patterns.map((p) => [...p, change.property!]);
    return [{ root, patterns, errorPatterns }];
  });
}

/** The rejecting side's errors at the changed location, when the accepting side accepts the payload and the other does not. */
function rejection(change: SchemaChange, target: Target, payload: JsonValue, accepting: Side, rejecting: Side): { related: ContractError[]; others: number } | undefined {
  try {
    if (!accepting.contract().validate(target.root, payload).valid) return undefined;
    if (!rejecting.set.has(target.root)) {
      return { related: [{ pointer: "", rule: "schema", message: `the ${rejecting.name} version has no schema "${target.root}"` }], others: 0 };
    }
    const { valid, errors } = rejecting.contract().validate(target.root, payload);
    if (valid) return undefined;
    const related = errorsShowing(change, target.errorPatterns, errors);
    return related.length > 0 ? { related, others: errors.length - related.length } : undefined;
  } catch {
    return undefined;
  }
}

type Generated = { hit: Candidate } | { why: string };

function generate(target: Target, change: SchemaChange, side: Side, options: SearchOptions, budgetMs: number, isWitness: (payload: JsonValue) => boolean): Generated {
  let payloads: fc.Arbitrary<JsonValue>;
  try {
    payloads = arbitraryFor(target.root, { schemasDir: side.set.dir });
  } catch (error) {
    return { why: `payloads of ${target.root} cannot be generated (${(error as Error).message})` };
  }
  // Each run draws a payload and picks one of its variants (0 is the payload itself); shrinking keeps the pick valid.
  const candidates = fc.tuple(payloads, fc.nat({ max: 1 << 16 })).map(([payload, pick]) => {
    const all = candidatesOf(payload, change.probes, target.patterns);
    return all[pick % all.length]!;
  });
  const details = fc.check(fc.property(candidates, (c) => !isWitness(c.payload)), { numRuns: options.runs, seed: options.seed, interruptAfterTimeLimit: budgetMs });
  if (details.failed && details.counterexample) return { hit: details.counterexample[0] };
  const sample = fc.sample(payloads, { numRuns: Math.min(options.runs, 100), seed: options.seed });
  const reaching = sample.filter((p) => target.patterns.some((pattern) => instancesOf(p, pattern).length > 0)).length;
  const stopped = details.interrupted ? `, stopped by the time budget after ${details.numRuns}` : "";
  return {
    why: reaching === 0
      ? `no payload of the ${side.name} ${target.root} reaches ${describe(target.patterns)} within ${details.numRuns} attempts${stopped}`
      : `${details.numRuns} payloads generated from the ${side.name} ${target.root}${stopped} (${reaching} of ${sample.length} reach ${describe(target.patterns)}), with their variants: the other side agrees on every one`,
  };
}

function describe(patterns: readonly string[][]): string {
  if (patterns.length === 0) return "the changed location";
  const texts = [...new Set(patterns.map(patternText))];
  return texts.length > 3 ? `${texts.slice(0, 3).join(", ")} and ${texts.length - 3} more` : texts.join(", ");
}

/** The payload locations of a change in its own schema, for reports ("/targets/*" + "/identity"). */
export function changeLocations(change: SchemaChange, side: Side): string[] {
  const pointer = change.nodes[side.name];
  if (pointer === undefined) return [];
  const patterns = side.locations.patterns(change.schema, { schema: change.schema, pointer });
  return [...new Set(patterns.map((p) => patternText([...p, ...(change.property === undefined ? [] : [change.property])])))];
}
