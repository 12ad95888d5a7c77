/**
 * Request body -> intent. The same function turns a documented request into a scenario and a
 * captured request into what the bot actually asked for, so fidelity is "derive(captured) says
 * what the scenario says", aspect by aspect.
 */
import { isObject, type JsonObject } from "../util/json.js";
import type { CreateCallIntent, IdentityKind, Media, Meeting, Party, TransferIntent } from "./model.js";

const SLOTS: IdentityKind[] = ["user", "application", "applicationInstance", "phone", "guest", "device", "encrypted", "onPremises"];

const str = (v: unknown): string | null => (typeof v === "string" ? v : null);
const obj = (v: unknown): JsonObject | undefined => (isObject(v) ? v : undefined);
const typeName = (v: unknown): string | undefined => {
  const t = obj(v)?.["@odata.type"];
  return typeof t === "string" ? t.replace(/^#?microsoft\.graph\./, "") : undefined;
};

/** The first identity slot of an identity set, as a party (null when there is none). */
export function partyOf(identitySet: unknown): Party | null {
  const set = obj(identitySet);
  if (!set) return null;
  for (const kind of SLOTS) {
    const identity = obj(set[kind]);
    if (!identity) continue;
    const party: Party = { kind, id: str(identity.id) ?? "" };
    if (identity.displayName !== undefined) party.displayName = str(identity.displayName);
    if (identity.tenantId !== undefined) party.tenantId = str(identity.tenantId);
    return party;
  }
  return null;
}

function mediaOf(config: unknown): Media {
  const c = obj(config) ?? {};
  const common = c.removeFromDefaultAudioGroup !== undefined ? { removeFromDefaultAudioGroup: c.removeFromDefaultAudioGroup as boolean | null } : {};
  if (typeName(c) === "appHostedMediaConfig") return { hosting: "app", blob: str(c.blob), ...common };
  const prefetch = Array.isArray(c.preFetchMedia) ? c.preFetchMedia.flatMap((m) => (isObject(m) ? [{ uri: str(m.uri) ?? "", resourceId: str(m.resourceId) }] : [])) : [];
  // Without a (known) @odata.type Graph cannot tell; "service" is what such a body would most likely be read as.
  return { hosting: "service", prefetch, ...common };
}

function meetingOf(info: unknown, chat: unknown): Meeting | null {
  const m = obj(info);
  if (!m) return null;
  switch (typeName(m)) {
    case "joinMeetingIdMeetingInfo":
      return { kind: "joinMeetingId", joinMeetingId: str(m.joinMeetingId) ?? "", passcode: str(m.passcode) };
    case "tokenMeetingInfo":
      return { kind: "token", token: str(m.token) ?? "" };
    default: {
      const c = obj(chat) ?? {};
      const meeting: Meeting = { kind: "organizer", organizer: partyOf(m.organizer) ?? { kind: "user", id: "" }, chat: { threadId: str(c.threadId) ?? "", messageId: str(c.messageId) } };
      if (m.allowConversationWithoutHost !== undefined) meeting.allowConversationWithoutHost = m.allowConversationWithoutHost as boolean | null;
      return meeting;
    }
  }
}

export function deriveCreateCall(body: unknown): CreateCallIntent {
  const b = obj(body) ?? {};
  const options = obj(b.callOptions) ?? {};
  return {
    operation: "create-call",
    source: partyOf(obj(b.source)?.identity),
    targets: Array.isArray(b.targets) ? b.targets.flatMap((t) => { const p = partyOf(obj(t)?.identity); return p ? [p] : []; }) : [],
    modalities: Array.isArray(b.requestedModalities) ? b.requestedModalities.filter((m): m is string => typeof m === "string") : [],
    media: mediaOf(b.mediaConfig),
    meeting: meetingOf(b.meetingInfo, b.chatInfo),
    tenantId: str(b.tenantId),
    subject: str(b.subject),
    notifications: { contentSharing: options.isContentSharingNotificationEnabled === true, deltaRoster: options.isDeltaRosterEnabled === true },
  };
}

export function deriveTransfer(body: unknown): TransferIntent {
  const b = obj(body) ?? {};
  const t = obj(b.transferTarget) ?? {};
  const target = { ...(partyOf(t.identity) ?? { kind: "user" as const, id: "" }) } as TransferIntent["target"];
  for (const key of ["endpointType", "languageId", "region"] as const) if (t[key] !== undefined) target[key] = str(t[key]);
  const e = obj(b.transferee);
  let transferee: TransferIntent["transferee"] = null;
  if (e) {
    transferee = { ...(partyOf(e.identity) ?? { kind: "user" as const, id: "" }) };
    if (e.participantId !== undefined) transferee.participantId = str(e.participantId);
  }
  return { operation: "transfer", target, replacesCallId: str(t.replacesCallId), transferee, clientContext: str(b.clientContext) };
}
