/**
 * The vocabulary of `graph-calls-contract diff`: what changed between two versions of the published
 * schemas, what that does to the payloads each accepts, and what it means for the people on each
 * side of the wire.
 */
import type { ContractError } from "../contract/errors.js";
import type { Profile } from "../schema-build/profiles.js";
import type { JsonValue } from "../util/json.js";

/** How hard diff looks for a witness by default (the CLI's --runs, --seed, --seconds). */
export const DEFAULT_DIFF_OPTIONS = { runs: 200, seed: 1, budgetMs: 5000 } as const;

/** What a change does to the set of payloads a schema accepts. */
export type Effect =
  /** some payloads valid before are invalid now */
  | "narrowing"
  /** some payloads invalid before are valid now */
  | "widening"
  /** both at once (a $ref retargeted, a const changed...) */
  | "both"
  /** the same payloads are valid before and after */
  | "none";

export type Classification = "breaking" | "breaking-for-handlers" | "compatible" | "annotation-only";

export const CLASSIFICATIONS: readonly Classification[] = ["breaking", "breaking-for-handlers", "compatible", "annotation-only"];

/** Classifications that fail the gate unless acknowledged. */
export function isBreaking(classification: Classification): boolean {
  return classification === "breaking" || classification === "breaking-for-handlers";
}

export type ChangeKind =
  | "schema-added" | "schema-removed" | "id-changed"
  | "annotation-changed" | "definition-added" | "definition-removed"
  | "type-narrowed" | "type-widened" | "type-changed"
  | "enum-value-added" | "enum-value-removed" | "enum-added" | "enum-removed"
  | "const-added" | "const-removed" | "const-changed"
  | "extensible-enum-member-added" | "extensible-enum-member-removed"
  | "format-added" | "format-removed" | "format-changed"
  | "pattern-added" | "pattern-removed" | "pattern-changed"
  | "limit-tightened" | "limit-loosened"
  | "unique-items-added" | "unique-items-removed"
  | "required-added" | "required-removed"
  | "property-added" | "property-removed" | "property-renamed"
  | "additional-properties-closed" | "additional-properties-opened"
  | "branch-added" | "branch-removed" | "discriminator-branch-added" | "discriminator-branch-removed"
  | "ref-changed"
  | "keyword-added" | "keyword-removed" | "keyword-changed";

/**
 * Turns a payload into candidates that reach a change: the value at the changed location replaced
 * (`probe`), a property added there with each kind of value (`inject`), or removed (`remove`).
 */
export interface ChangeProbes {
  values: Array<(current: JsonValue | undefined) => JsonValue | undefined>;
  inject: string[];
  remove: string[];
}

/** One change found by comparing a schema's two versions, before any witness is looked for. */
export interface SchemaChange {
  /** The schema's name: "create-call-request", "send/call", "receive/modality". */
  schema: string;
  profile: Profile;
  kind: ChangeKind;
  /**
   * Where in the schema document: the changed keyword in the new version (in the old one when it
   * was removed). For members of a set-valued keyword (required, enum, x-extensible-enum) the last
   * token is the member itself ("/required/targets", "/enum/data"), so it survives reordering.
   */
  pointer: string;
  effect: Effect;
  /** One line: what changed, in words. */
  summary: string;
  before?: JsonValue;
  after?: JsonValue;
  /** The schema node the change applies to, in each document (to find it in payloads). */
  nodes: { old?: string; new?: string };
  /** For changes about one property of an object: its name (payload errors are expected there). */
  property?: string;
  probes: ChangeProbes;
}

export type WitnessDirection = "old-valid-new-invalid" | "new-valid-old-invalid";

/** A payload proving a change: valid on one side, rejected on the other at the changed location. */
export interface Witness {
  direction: WitnessDirection;
  /** The schema the payload was validated against on both sides (the changed one, or a message that uses it). */
  schema: string;
  /** "fixtures/documented/...json", "fixtures/...json with /x set to 1", or "generated from the old send/call (seed 1)". */
  source: string;
  origin: "fixture" | "generated";
  payload: JsonValue;
  /** What the rejecting side reports at the changed location. */
  errors: ContractError[];
  /** How many other errors the rejecting side reports elsewhere. */
  otherErrors: number;
}

/** A change with its verdict: the unit of every output format. */
export interface ClassifiedChange extends Omit<SchemaChange, "probes" | "nodes"> {
  classification: Classification;
  /** Instance locations in the schema's own payloads (JSON pointer patterns, * for any key or index). */
  locations: string[];
  witness?: Witness;
  /** Why a breaking change has no witness. */
  noWitness?: string;
  /** The reason from the acknowledgement file, when acknowledged. */
  acknowledged?: string;
  /** Breaking and not acknowledged: this fails the gate. */
  blocking: boolean;
}

export interface Acknowledgement {
  schema: string;
  pointer: string;
  kind: string;
  reason: string;
}

export interface DiffSummary {
  breaking: number;
  breakingForHandlers: number;
  compatible: number;
  annotationOnly: number;
  acknowledged: number;
  blocking: number;
  unmatchedAcknowledgements: number;
}

export interface DiffReport {
  /** The versions compared, as named on the command line, and the release each is (when known). */
  old: { spec: string; release?: string };
  new: { spec: string; release?: string };
  acknowledgementsFile?: string;
  changes: ClassifiedChange[];
  unmatchedAcknowledgements: Acknowledgement[];
  summary: DiffSummary;
}
