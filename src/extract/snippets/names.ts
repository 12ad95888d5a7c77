/**
 * Name mapping between SDK identifiers and Graph's JSON names: PascalCase (C#, Go setters),
 * setX (Java, PHP), snake_case (Python) all serialise to camelCase; OdataType to "@odata.type".
 */

export function lowerFirst(name: string): string {
  return name.length === 0 ? name : name[0]!.toLowerCase() + name.slice(1);
}

/** snake_case or PascalCase → camelCase. A trailing "_" (Python's keyword escape, `from_`) is dropped. */
export function toCamel(name: string): string {
  const trimmed = name.replace(/_+$/, "");
  const camel = trimmed.replace(/_+([\p{L}\p{N}])/gu, (_, c: string) => c.toUpperCase());
  return lowerFirst(camel);
}

/** The JSON key a typed property is serialised under. */
export function propertyKey(sdkName: string): string {
  const camel = toCamel(sdkName);
  return camel === "odataType" ? "@odata.type" : camel;
}

/** `setCallbackUri` / `SetCallbackUri` → `CallbackUri`; undefined when the method is not a setter. */
export function setterProperty(method: string): string | undefined {
  const m = /^[sS]et([A-Z_].*)$/.exec(method);
  return m ? m[1] : undefined;
}

/** `CallId` / `call_id` → `call-id` (the id placeholder Graph's docs use). */
export function toKebab(name: string): string {
  return name
    .replace(/_/g, "-")
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .toLowerCase();
}

/** `calls` → `call`, `participants` → `participant`: names the id placeholder after its collection. */
export function singular(segment: string): string {
  if (/ies$/.test(segment)) return segment.slice(0, -3) + "y";
  if (/(ss|us)$/.test(segment)) return segment;
  return segment.replace(/s$/, "");
}

/**
 * Multi-word enum members of the cloud-communications API. Go's SDK constants upper-case the
 * member without separators (VIDEOBASEDSCREENSHARING_MODALITY), so the casing comes from here.
 */
const KNOWN_ENUM_MEMBERS = [
  "audio", "video", "data", "videoBasedScreenSharing", "unknownFutureValue", "incoming", "outgoing",
  "default", "voicemail", "skypeForBusiness", "skypeForBusinessVoipPhone", "notRecording", "recording",
  "failed", "unknown", "inactive", "sendOnly", "receiveOnly", "sendReceive", "viewer", "sharer", "none",
  "busy", "forbidden", "establishing", "established", "ringing", "hold", "transferring",
  "transferAccepted", "redirecting", "terminating", "terminated", "muted", "unmuted", "started",
  "stopped", "idle", "active", "tone0", "tone1", "tone2", "tone3", "tone4", "tone5", "tone6", "tone7",
  "tone8", "tone9", "star", "pound", "a", "b", "c", "d", "flash", "sequential", "lookup", "direct",
  "forwarded", "simultaneousRing", "unanswered", "offline", "transfer", "meeting", "peerToPeer",
];
const ENUM_BY_LOWER = new Map(KNOWN_ENUM_MEMBERS.map((m) => [m.toLowerCase(), m]));

/** `Modality.Audio` / `CallDirection.Outgoing` member → its JSON value. */
export function enumMemberValue(member: string): string {
  return ENUM_BY_LOWER.get(member.toLowerCase()) ?? lowerFirst(member);
}

/**
 * Go's `AUDIO_MODALITY` → "audio". `known` is false when the casing had to be guessed (the
 * constant does not keep it and the member is not in the list above).
 */
export function goEnumValue(constant: string): { value: string; known: boolean } {
  const cut = constant.lastIndexOf("_");
  const member = (cut > 0 ? constant.slice(0, cut) : constant).replace(/_/g, "").toLowerCase();
  const known = ENUM_BY_LOWER.get(member);
  return known !== undefined ? { value: known, known: true } : { value: member, known: false };
}

/** Looks like a constant (UPPER_CASE) rather than a type or a variable. */
export function isUpperConstant(name: string): boolean {
  return /^[A-Z][A-Z0-9_]*$/.test(name) && /[A-Z]/.test(name);
}
