/**
 * The classification rules: what a change's effect on accepted payloads means on each side of the wire.
 *
 *   send (what a bot sends, strict): rejecting a request that was valid breaks bots -> breaking;
 *     accepting more breaks nobody -> compatible.
 *   receive (what a bot receives, tolerant): rejecting a payload that was valid breaks whoever
 *     validates what they receive -> breaking; accepting more hands handlers values they could not
 *     get before (a new member of a closed enum, null, another type, a missing property, a new
 *     discriminated branch, a longer string...) -> breaking for handlers.
 *   Exceptions: a property declared on a receive object is compatible (open objects already took
 *   it; declaring it documents what Graph sends); members of an open enum (x-extensible-enum) change
 *   nothing a handler may rely on; annotations (description, title, examples, x-*) change nothing.
 */
import type { Classification, SchemaChange } from "./model.js";

export function classify(change: Pick<SchemaChange, "kind" | "effect" | "profile">): Classification {
  switch (change.kind) {
    case "annotation-changed":
      return "annotation-only";
    case "schema-added":
      return "compatible";
    case "schema-removed":
    case "id-changed":
      return "breaking";
    case "property-added":
      if (change.profile === "receive") return "compatible";
  }
  if (change.effect === "none") return "compatible";
  if (change.effect === "narrowing" || change.effect === "both") return "breaking";
  return change.profile === "send" ? "compatible" : "breaking-for-handlers";
}
