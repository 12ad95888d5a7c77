/** Intent -> the request bodies a calling bot sends Graph (create call, transfer). */
import type { CreateCallIntent, Meeting, Party, TransferIntent } from "../../src/scenarios/model.js";

type Body = Record<string, unknown>;

export function identitySet(party: Party): Body {
  const identity: Body = { "@odata.type": "#microsoft.graph.identity", id: party.id };
  if (party.displayName != null) identity.displayName = party.displayName;
  if (party.tenantId != null) identity.tenantId = party.tenantId;
  return { "@odata.type": "#microsoft.graph.identitySet", [party.kind]: identity };
}

function meetingInfo(meeting: Meeting): Body {
  switch (meeting.kind) {
    case "organizer": {
      const info: Body = { "@odata.type": "#microsoft.graph.organizerMeetingInfo", organizer: identitySet(meeting.organizer) };
      if (meeting.allowConversationWithoutHost != null) info.allowConversationWithoutHost = meeting.allowConversationWithoutHost;
      return info;
    }
    case "joinMeetingId":
      // A meeting without a passcode: the property is left out, never sent as null (PROTOCOL.md).
      return { "@odata.type": "#microsoft.graph.joinMeetingIdMeetingInfo", joinMeetingId: meeting.joinMeetingId, ...(meeting.passcode != null ? { passcode: meeting.passcode } : {}) };
    case "token":
      return { "@odata.type": "#microsoft.graph.tokenMeetingInfo", token: meeting.token };
  }
}

export function createCallBody(intent: CreateCallIntent, callbackUri: string): Body {
  const body: Body = { "@odata.type": "#microsoft.graph.call", callbackUri };
  if (intent.subject != null) body.subject = intent.subject;
  if (intent.source) body.source = { "@odata.type": "#microsoft.graph.participantInfo", identity: identitySet(intent.source) };
  if (intent.targets.length > 0) {
    body.targets = intent.targets.map((t) => ({ "@odata.type": "#microsoft.graph.invitationParticipantInfo", identity: identitySet(t) }));
  }
  body.requestedModalities = [...intent.modalities];
  const media = intent.media;
  body.mediaConfig = media.hosting === "app"
    ? { "@odata.type": "#microsoft.graph.appHostedMediaConfig", ...(media.blob != null ? { blob: media.blob } : {}) }
    : { "@odata.type": "#microsoft.graph.serviceHostedMediaConfig", ...(media.prefetch.length > 0 ? { preFetchMedia: media.prefetch.map((m) => ({ uri: m.uri, resourceId: m.resourceId })) } : {}) };
  if (media.removeFromDefaultAudioGroup != null) (body.mediaConfig as Body).removeFromDefaultAudioGroup = media.removeFromDefaultAudioGroup;
  if (intent.notifications.contentSharing || intent.notifications.deltaRoster) {
    body.callOptions = {
      "@odata.type": "#microsoft.graph.outgoingCallOptions",
      ...(intent.notifications.contentSharing ? { isContentSharingNotificationEnabled: true } : {}),
      ...(intent.notifications.deltaRoster ? { isDeltaRosterEnabled: true } : {}),
    };
  }
  if (intent.meeting) {
    body.meetingInfo = meetingInfo(intent.meeting);
    if (intent.meeting.kind === "organizer") {
      body.chatInfo = { "@odata.type": "#microsoft.graph.chatInfo", threadId: intent.meeting.chat.threadId, ...(intent.meeting.chat.messageId != null ? { messageId: intent.meeting.chat.messageId } : {}) };
    }
  }
  if (intent.tenantId != null) body.tenantId = intent.tenantId;
  return body;
}

export function transferBody(intent: TransferIntent): Body {
  const target: Body = { "@odata.type": "#microsoft.graph.invitationParticipantInfo", identity: identitySet(intent.target) };
  for (const key of ["endpointType", "languageId", "region"] as const) if (intent.target[key] != null) target[key] = intent.target[key];
  if (intent.replacesCallId != null) target.replacesCallId = intent.replacesCallId;
  const body: Body = { transferTarget: target };
  if (intent.transferee) {
    body.transferee = {
      "@odata.type": "#microsoft.graph.participantInfo",
      identity: identitySet(intent.transferee),
      ...(intent.transferee.participantId != null ? { participantId: intent.transferee.participantId } : {}),
    };
  }
  if (intent.clientContext != null) body.clientContext = intent.clientContext;
  return body;
}
