/**
 * A strict deserialiser (FAIL_ON_UNKNOWN_PROPERTIES, zod's .strict()): it answers 400 to a POST with
 * any property that no Graph type it was generated from declares.
 */
import { SchemaStore } from "../../src/arbitraries/schema-store.js";
import { isJson } from "../reference/call-state.js";
import { faulty, withParts } from "./variant.js";

let declared: Set<string> | undefined;
/** The properties its model knows: every one the published schemas declare. */
const knownProperties = () => (declared ??= SchemaStore.load().declaredPropertyNames());

function hasUnknownProperty(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasUnknownProperty);
  if (!isJson(value)) return false;
  return Object.entries(value).some(([key, inner]) => (!key.startsWith("@odata.") && !knownProperties().has(key)) || hasUnknownProperty(inner));
}

export const variant = faulty({
  id: "rejects-unknown-property",
  bug: "rejects (400) a notification with a property it does not know",
  why: "Graph adds properties to its resources without notice, and the contract's receive profile tolerates unknown properties for that reason; a bot that refuses them stops working the day Graph adds one (the documented failed consultative transfer already carries replacesContext, which no schema declares)",
  // The documented failed consultative transfer is refused (its deliveries are blocked by that); every other sequence fails once deliveries add unknown properties.
  expectedFailures: ["sequence.transfer-2-failed/acks", "delivery.!(transfer-2-failed)"],
  messages: { "sequence.transfer-2-failed/acks": /POST 4 \(failed\) answered 400/, "delivery.outgoing-call-lifecycle": /\(unknown property [^)]+\)\) answered 400/ },
  createBot: withParts({ screen: (body) => (hasUnknownProperty(body) ? 400 : undefined) }),
});

export const { name, createBot } = variant;
