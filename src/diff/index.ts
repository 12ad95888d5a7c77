/**
 * The schema regression gate: compare two versions of the published schemas, classify every change
 * for each side of the wire, prove each breaking one with a witness payload, and let through only
 * what the acknowledgement file explains.
 *
 *   const report = diffSchemas({ spec: "baseline", dir: "contract-baseline/schemas" }, { spec: "schemas", dir: "schemas" }, options);
 *   report.summary.blocking // breaking changes nobody acknowledged: the gate fails when > 0
 */
import { Contract } from "../contract/validator.js";
import { applyAcknowledgements } from "./acknowledgements.js";
import { classify } from "./classify.js";
import { compareSchemaSets } from "./compare.js";
import type { FixturePool } from "./fixture-pool.js";
import { LocationIndex } from "./locations.js";
import { CLASSIFICATIONS, isBreaking, type Acknowledgement, type ClassifiedChange, type DiffReport, type SchemaChange, type WitnessDirection } from "./model.js";
import { SchemaSet } from "./schema-set.js";
import { changeLocations, searchWitness, type SearchOptions, type Side } from "./witness.js";

export type { DiffReport, ClassifiedChange, Classification, Witness, Acknowledgement } from "./model.js";

export interface SchemasVersion {
  /** As the user named it: a directory, WORKTREE, or a git revision. */
  spec: string;
  dir: string;
  /** The release it corresponds to, when known (contract-baseline/RELEASE.json). */
  release?: string;
}

export interface DiffOptions {
  fixtures: FixturePool;
  /** Generated payloads tried per schema, for each breaking change. */
  runs: number;
  seed: number;
  /** Time budget of the witness search for one change, in milliseconds. */
  budgetMs: number;
  acknowledgements: readonly Acknowledgement[];
  acknowledgementsFile?: string;
}

export { DEFAULT_DIFF_OPTIONS } from "./model.js";

export function diffSchemas(oldVersion: SchemasVersion, newVersion: SchemasVersion, options: DiffOptions): DiffReport {
  const sides = { old: sideOf("old", oldVersion), new: sideOf("new", newVersion) };
  const search: SearchOptions = { fixtures: options.fixtures, runs: options.runs, seed: options.seed, budgetMs: options.budgetMs };
  const changes = compareSchemaSets(sides.old.set, sides.new.set)
    .map((change) => judge(change, sides, search))
    .sort(bySchemaThenSeverity);
  const unmatched = applyAcknowledgements(changes, options.acknowledgements);
  const count = (c: ClassifiedChange["classification"]) => changes.filter((x) => x.classification === c).length;
  return {
    old: describeVersion(oldVersion),
    new: describeVersion(newVersion),
    ...(options.acknowledgementsFile === undefined ? {} : { acknowledgementsFile: options.acknowledgementsFile }),
    changes,
    unmatchedAcknowledgements: unmatched,
    summary: {
      breaking: count("breaking"),
      breakingForHandlers: count("breaking-for-handlers"),
      compatible: count("compatible"),
      annotationOnly: count("annotation-only"),
      acknowledged: changes.filter((c) => c.acknowledged !== undefined).length,
      blocking: changes.filter((c) => c.blocking).length,
      unmatchedAcknowledgements: unmatched.length,
    },
  };
}

/** A version's schemas cannot be read or compiled: the gate cannot judge it (said with which version). */
export class UnreadableSchemasError extends Error {}

function sideOf(name: "old" | "new", version: SchemasVersion): Side {
  let set: SchemaSet;
  try {
    set = SchemaSet.load(version.dir);
  } catch (error) {
    throw new UnreadableSchemasError(`the ${name} schemas (${version.spec}) cannot be read: ${(error as Error).message}`);
  }
  let contract: Contract | undefined;
  return {
    name,
    set,
    locations: new LocationIndex(set),
    // Compiled only when a witness is looked for: a diff with no breaking change never pays for it.
    contract: () => {
      if (!contract) {
        try {
          contract = Contract.load(version.dir);
        } catch (error) {
          throw new UnreadableSchemasError(`the ${name} schemas (${version.spec}) do not compile: ${(error as Error).message}`);
        }
      }
      return contract;
    },
  };
}

function judge(change: SchemaChange, sides: { old: Side; new: Side }, search: SearchOptions): ClassifiedChange {
  const { probes: _probes, nodes, ...fields } = change;
  let classification = classify(change);
  const locations = changeLocations(change, nodes.new === undefined ? sides.old : sides.new);
  const judged: ClassifiedChange = { ...fields, classification, locations, blocking: isBreaking(classification) };
  if (!isBreaking(classification)) return judged;
  if (change.effect === "none") return { ...judged, noWitness: "not a change of the payloads accepted: no payload can show it" };
  const reasons: string[] = [];
  for (const direction of directionsFor(change)) {
    const outcome = searchWitness(change, direction, sides, search);
    if (outcome.witness) {
      // A receive-side change that could go both ways, proven only as a widening, hands handlers new values but rejects nothing shown.
      if (direction === "new-valid-old-invalid" && change.profile === "receive") classification = "breaking-for-handlers";
      return { ...judged, classification, witness: outcome.witness };
    }
    reasons.push(outcome.why);
  }
  return { ...judged, noWitness: reasons.join(". Nor the other way: ") };
}

/** Which witnesses prove the classification: a rejected old payload for narrowing, a new value for receive-side widening. */
function directionsFor(change: SchemaChange): WitnessDirection[] {
  const narrowing: WitnessDirection = "old-valid-new-invalid";
  const widening: WitnessDirection = "new-valid-old-invalid";
  if (change.effect === "narrowing") return [narrowing];
  if (change.effect === "widening") return [widening];
  return change.profile === "receive" ? [narrowing, widening] : [narrowing];
}

function bySchemaThenSeverity(a: ClassifiedChange, b: ClassifiedChange): number {
  return byText(a.schema, b.schema) || CLASSIFICATIONS.indexOf(a.classification) - CLASSIFICATIONS.indexOf(b.classification) || byText(a.pointer, b.pointer) || byText(a.kind, b.kind);
}

/** Code-point order: the same on every machine, whatever its locale. */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function describeVersion(version: SchemasVersion): DiffReport["old"] {
  return version.release === undefined ? { spec: version.spec } : { spec: version.spec, release: version.release };
}
