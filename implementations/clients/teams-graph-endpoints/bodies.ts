/**
 * Intent -> the request bodies, typed as @microsoft/teams.graph-endpoints declares the bodies of
 * calls.create and calls.transfer.create. Where the declared type rejects a property the
 * documentation sends, the property goes through `undeclared` (the endpoint functions pass the
 * body through untouched, so it is sent all the same) and typing-defects.json says what the
 * type lacks; suites/clients/teams-graph-endpoints-typing.ts proves each one with the compiler.
 */
import type { communications } from "@microsoft/teams.graph-endpoints";
import type { CreateCallIntent, Media, Meeting, Party, TransferIntent } from "../../../src/scenarios/model.js";

export type CreateCallBody = Parameters<typeof communications.calls.create>[0];
export type TransferBody = Parameters<typeof communications.calls.transfer.create>[0];

/** The package types an optional object as "T | Record<string, never> | null": T alone. */
type Declared<T> = Exclude<NonNullable<T>, Record<string, never>>;

export type InvitationParticipantInfo = NonNullable<CreateCallBody["targets"]>[number];
export type ParticipantInfo = Declared<CreateCallBody["source"]>;
export type IdentitySet = NonNullable<InvitationParticipantInfo["identity"]>;
export type Identity = Declared<IdentitySet["user"]>;
export type MediaConfig = Declared<CreateCallBody["mediaConfig"]>;
export type MeetingInfo = Declared<CreateCallBody["meetingInfo"]>;
type Modality = Declared<NonNullable<CreateCallBody["requestedModalities"]>[number]>;

/**
 * Documented properties the declared type lacks (each one is in typing-defects.json), set all the
 * same; null means "not in this scenario" and is left out, as the protocol says.
 */
function undeclared<T extends object>(typed: T, properties: Record<string, unknown>): T {
  for (const [key, value] of Object.entries(properties)) if (value != null) Object.assign(typed, { [key]: value });
  return typed;
}

/** The slots identitySet declares; the others (applicationInstance, phone, guest...) only communicationsIdentitySet has. */
const DECLARED_SLOTS = ["user", "application", "device"] as const;
const isDeclaredSlot = (kind: string): kind is (typeof DECLARED_SLOTS)[number] => (DECLARED_SLOTS as readonly string[]).includes(kind);

function identity(party: Party): Identity {
  const typed: Identity = { "@odata.type": "#microsoft.graph.identity", id: party.id };
  if (party.displayName != null) typed.displayName = party.displayName;
  return undeclared(typed, { tenantId: party.tenantId });
}

function identitySet(party: Party): IdentitySet {
  const set: IdentitySet = { "@odata.type": "#microsoft.graph.identitySet" };
  if (isDeclaredSlot(party.kind)) set[party.kind] = identity(party);
  else undeclared(set, { [party.kind]: identity(party) });
  return set;
}

function participantInfo(party: Party & { participantId?: string | null }): ParticipantInfo {
  const info: ParticipantInfo = { "@odata.type": "#microsoft.graph.participantInfo", identity: identitySet(party) };
  if (party.participantId != null) info.participantId = party.participantId;
  return info;
}

/** mediaConfig declares only @odata.type: its derived types (and so blob, preFetchMedia) are not in the package. */
function mediaConfig(media: Media): MediaConfig {
  const hosting = media.hosting === "app"
    ? undeclared({ "@odata.type": "#microsoft.graph.appHostedMediaConfig" }, { blob: media.blob })
    : undeclared({ "@odata.type": "#microsoft.graph.serviceHostedMediaConfig" }, { preFetchMedia: media.prefetch.length > 0 ? media.prefetch.map((m) => undeclared({ uri: m.uri }, { resourceId: m.resourceId })) : null });
  return undeclared(hosting, { removeFromDefaultAudioGroup: media.removeFromDefaultAudioGroup });
}

/** meetingInfo declares only @odata.type, like mediaConfig. */
function meetingInfo(meeting: Meeting): MeetingInfo {
  switch (meeting.kind) {
    case "organizer":
      return undeclared({ "@odata.type": "#microsoft.graph.organizerMeetingInfo" }, { organizer: identitySet(meeting.organizer), allowConversationWithoutHost: meeting.allowConversationWithoutHost });
    case "joinMeetingId":
      return undeclared({ "@odata.type": "#microsoft.graph.joinMeetingIdMeetingInfo" }, { joinMeetingId: meeting.joinMeetingId, passcode: meeting.passcode });
    case "token":
      return undeclared({ "@odata.type": "#microsoft.graph.tokenMeetingInfo" }, { token: meeting.token });
  }
}

export function createCallBody(intent: CreateCallIntent, callbackUri: string): CreateCallBody {
  const body: CreateCallBody = {
    "@odata.type": "#microsoft.graph.call",
    callbackUri,
    // The scenarios' modalities are Graph's modality values.
    requestedModalities: intent.modalities as Modality[],
    mediaConfig: mediaConfig(intent.media),
  };
  if (intent.subject != null) body.subject = intent.subject;
  if (intent.source) body.source = participantInfo(intent.source);
  if (intent.targets.length > 0) body.targets = intent.targets.map((t) => ({ "@odata.type": "#microsoft.graph.invitationParticipantInfo", identity: identitySet(t) }));
  const { contentSharing, deltaRoster } = intent.notifications;
  if (contentSharing || deltaRoster) {
    body.callOptions = { "@odata.type": "#microsoft.graph.outgoingCallOptions", ...(contentSharing ? { isContentSharingNotificationEnabled: true } : {}), ...(deltaRoster ? { isDeltaRosterEnabled: true } : {}) };
  }
  if (intent.meeting) {
    body.meetingInfo = meetingInfo(intent.meeting);
    if (intent.meeting.kind === "organizer") {
      const { threadId, messageId } = intent.meeting.chat;
      body.chatInfo = { "@odata.type": "#microsoft.graph.chatInfo", threadId, ...(messageId != null ? { messageId } : {}) };
    }
  }
  if (intent.tenantId != null) body.tenantId = intent.tenantId;
  return body;
}

export function transferBody(intent: TransferIntent): TransferBody {
  const target: InvitationParticipantInfo = { "@odata.type": "#microsoft.graph.invitationParticipantInfo", identity: identitySet(intent.target) };
  if (intent.replacesCallId != null) target.replacesCallId = intent.replacesCallId;
  const { endpointType, languageId, region } = intent.target;
  const body: TransferBody = { transferTarget: undeclared(target, { endpointType, languageId, region }) };
  if (intent.transferee) body.transferee = participantInfo(intent.transferee);
  return undeclared(body, { clientContext: intent.clientContext });
}
