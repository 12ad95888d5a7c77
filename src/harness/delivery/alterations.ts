/**
 * What Graph may add to a notification without changing what it means, which a tolerant bot
 * must ignore: properties nobody declares (in the body, in a notification, in a resource) and new
 * members of the enums Graph evolves (`x-extensible-enum`). Only enums that leave the end
 * observation as it is: a media stream's mediaType, a participant's endpointType, a call's
 * activeModalities. Never the call `state` (also evolvable), which the end observation depends on.
 *
 * An alteration is chosen as data (an AlterationChoice, which fast-check generates and shrinks),
 * resolved against the body of the POST it lands in (exact pointers for the timeline's label), and
 * applied by the runner to the bound body just before sending (pointers do not move when binding).
 */
import fc from "fast-check";
import { edit, neverSeenEnumValue, SchemaStore, unknownPropertyName } from "../../arbitraries/index.js";
import { getAtPointer, isObject, joinPointer, splitPointer, walkJson, type JsonValue } from "../../util/json.js";

export const EXTRA_PROPERTY_LEVELS = ["body", "notification", "resource"] as const;
export type ExtraPropertyLevel = (typeof EXTRA_PROPERTY_LEVELS)[number];

export type AlterationChoice =
  /** Add `name` to the `at`-th object of that level (modulo). */
  | { kind: "unknown-property"; level: ExtraPropertyLevel; at: number; name: string; value: JsonValue }
  /** Put a new enum member in the `at`-th evolvable enum slot of the body (modulo). */
  | { kind: "new-enum-value"; at: number; value: string };

/** A resolved alteration: what to write where, and how the timeline names it. */
export interface Alteration {
  pointer: string;
  value: JsonValue;
  label: string;
}

/** The words alterations are made of. */
export interface Vocabulary {
  propertyName: fc.Arbitrary<string>;
  propertyValue: fc.Arbitrary<JsonValue>;
  enumValue: fc.Arbitrary<string>;
}

/**
 * Properties Graph sends on other change notifications, or may add; kept only while no schema
 * declares them, so that each stays unknown to the contract.
 */
const FUTURE_PROPERTY_NAMES = ["x-conformance-extra", "validationTokens", "subscriptionId", "subscriptionExpirationDateTime", "clientState", "lifecycleEvent", "encryptedContent", "@odata.etag", "callRecordId"];

let sharedVocabulary: Vocabulary | undefined;

/** Names no schema declares (a marker, realistic future ones, random camelCase) and enum members no evolvable enum lists (or unknownFutureValue). */
export function defaultVocabulary(store?: SchemaStore): Vocabulary {
  if (!store && sharedVocabulary) return sharedVocabulary;
  const schemas = store ?? SchemaStore.load();
  const declared = schemas.declaredPropertyNames();
  const vocabulary: Vocabulary = {
    // Cross-shrinking: a failing random name or member shrinks to the marker or unknownFutureValue when that fails too.
    propertyName: fc.oneof({ withCrossShrink: true }, fc.constantFrom(...FUTURE_PROPERTY_NAMES.filter((n) => !declared.has(n))), unknownPropertyName(schemas)),
    propertyValue: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<JsonValue>,
    enumValue: fc.oneof({ withCrossShrink: true }, fc.constant("unknownFutureValue"), neverSeenEnumValue(schemas)),
  };
  if (!store) sharedVocabulary = vocabulary;
  return vocabulary;
}

export function alterationChoiceArbitrary(vocabulary: Vocabulary): fc.Arbitrary<AlterationChoice> {
  return fc.oneof(
    fc.record({ kind: fc.constant("unknown-property" as const), level: fc.constantFrom(...EXTRA_PROPERTY_LEVELS), at: fc.nat(), name: vocabulary.propertyName, value: vocabulary.propertyValue }),
    fc.record({ kind: fc.constant("new-enum-value" as const), at: fc.nat(), value: vocabulary.enumValue }),
  );
}

/**
 * The choice made concrete in a step's `body` (a commsNotifications body), or undefined when the
 * body has no such place. In a batch, the step's notifications come after `offset` others: the
 * pointer is moved there (resolving within the step's own body keeps the target the same however
 * the plan is batched).
 */
export function resolveAlteration(body: JsonValue, choice: AlterationChoice, offset = 0): Alteration | undefined {
  if (choice.kind === "unknown-property") {
    const free = objectsAt(body, choice.level).filter((p) => !Object.hasOwn(getAtPointer(body, p) as object, choice.name));
    const parent = pick(free, choice.at);
    if (parent === undefined) return undefined;
    const pointer = inBatch(joinPointer(parent, choice.name), offset);
    return { pointer, value: choice.value, label: `unknown property ${pointer}` };
  }
  const slot = pick(enumSlots(body), choice.at);
  if (slot === undefined) return undefined;
  const pointer = inBatch(slot.pointer, offset);
  const value = slot.asList ? [choice.value] : choice.value;
  return { pointer, value, label: `new ${slot.enumName} value ${pointer} = ${JSON.stringify(value)}` };
}

/** /value/i/... of one body -> /value/(offset + i)/... of the batch it is in; the body's own properties stay where they are. */
function inBatch(pointer: string, offset: number): string {
  const [first, index, ...rest] = splitPointer(pointer);
  return first === "value" && index !== undefined ? joinPointer("", "value", offset + Number(index), ...rest) : pointer;
}

/** Apply resolved alterations to a body (a copy). */
export function applyAlterations(body: JsonValue, alterations: readonly Alteration[]): JsonValue {
  return alterations.reduce((altered, a) => edit(altered, a.pointer, a.value), body);
}

/** Pointers of the objects of one level: the body, its notifications, their resources (resourceData or its items). */
export function objectsAt(body: JsonValue, level: ExtraPropertyLevel): string[] {
  if (level === "body") return isObject(body) ? [""] : [];
  const notifications = isObject(body) && Array.isArray(body.value) ? body.value : [];
  return notifications.flatMap((n, k): string[] => {
    if (!isObject(n)) return [];
    const at = joinPointer("", "value", k);
    if (level === "notification") return [at];
    const data = n.resourceData;
    if (isObject(data)) return [joinPointer(at, "resourceData")];
    return Array.isArray(data) ? data.flatMap((item, j) => (isObject(item) ? [joinPointer(at, "resourceData", j)] : [])) : [];
  });
}

interface EnumSlot {
  pointer: string;
  /** The schema enum it belongs to, for the label. */
  enumName: string;
  /** Whether the property holds a list of members (activeModalities). */
  asList: boolean;
}

/** Where a body carries, or may carry, an evolvable enum that no observation depends on. */
export function enumSlots(body: JsonValue): EnumSlot[] {
  return objectsAt(body, "resource").flatMap((resource) => [...walkJson(getAtPointer(body, resource), resource)].flatMap(([pointer, value]): EnumSlot[] => {
    if (!isObject(value)) return [];
    switch (value["@odata.type"]) {
      case "#microsoft.graph.mediaStream":
        return [{ pointer: joinPointer(pointer, "mediaType"), enumName: "modality", asList: false }];
      case "#microsoft.graph.participant":
        return isObject(value.info) ? [{ pointer: joinPointer(pointer, "info", "endpointType"), enumName: "endpointType", asList: false }] : [];
      case "#microsoft.graph.call":
        return [{ pointer: joinPointer(pointer, "activeModalities"), enumName: "modality", asList: true }];
      default:
        return [];
    }
  }));
}

function pick<T>(items: readonly T[], at: number): T | undefined {
  return items.length === 0 ? undefined : items[at % items.length];
}
