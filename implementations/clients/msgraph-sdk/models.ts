/**
 * Intent -> the SDK's model objects, as a careful user of @microsoft/msgraph-sdk builds them: the
 * model named by the @odata.type the documentation sends, each property on the model when the
 * model has it, in additionalData (JSON as Graph reads it, since the serializer writes
 * additionalData verbatim) when it does not. Null means "not in this scenario": left undefined,
 * because the serializer writes null as null.
 */
import type { AppHostedMediaConfig, Call, ChatInfo, Identity, IdentitySet, InvitationParticipantInfo, JoinMeetingIdMeetingInfo, MediaConfig, MeetingInfo, Modality, OrganizerMeetingInfo, OutgoingCallOptions, ParticipantInfo, ServiceHostedMediaConfig, TokenMeetingInfo } from "@microsoft/msgraph-sdk/models/index.js";
import type { CreateCallIntent, Media, Meeting, Party, TransferIntent } from "../../../src/scenarios/model.js";
import { identitySet as jsonIdentitySet } from "../../reference/requests.js";
import type { TransferPostRequestBody } from "./communications.js";

/** The additional data of a model: the properties that are set (not null). */
function additionalData(properties: Record<string, unknown>): { additionalData?: Record<string, unknown> } {
  const set = Object.entries(properties).filter(([, value]) => value != null);
  return set.length > 0 ? { additionalData: Object.fromEntries(set) } : {};
}

function identity(party: Party): Identity {
  // identity has no tenantId in the model.
  return { odataType: "#microsoft.graph.identity", id: party.id, displayName: party.displayName ?? undefined, ...additionalData({ tenantId: party.tenantId }) };
}

/** identitySet's model has user, application and device; applicationInstance, phone, guest... go in additionalData, as the docs' SDK snippets do. */
function identitySet(party: Party): IdentitySet {
  const set: IdentitySet = { odataType: "#microsoft.graph.identitySet" };
  if (party.kind === "user" || party.kind === "application" || party.kind === "device") set[party.kind] = identity(party);
  else set.additionalData = { [party.kind]: jsonIdentitySet(party)[party.kind] };
  return set;
}

function participantInfo(party: Party & { participantId?: string | null }): ParticipantInfo {
  return { odataType: "#microsoft.graph.participantInfo", identity: identitySet(party), participantId: party.participantId ?? undefined };
}

function mediaConfig(media: Media): MediaConfig {
  // removeFromDefaultAudioGroup is not in the mediaConfig model.
  const base = additionalData({ removeFromDefaultAudioGroup: media.removeFromDefaultAudioGroup });
  if (media.hosting === "app") {
    const app: AppHostedMediaConfig = { odataType: "#microsoft.graph.appHostedMediaConfig", blob: media.blob ?? undefined, ...base };
    return app;
  }
  const service: ServiceHostedMediaConfig = { odataType: "#microsoft.graph.serviceHostedMediaConfig", ...base };
  if (media.prefetch.length > 0) service.preFetchMedia = media.prefetch.map((m) => ({ uri: m.uri, resourceId: m.resourceId ?? undefined }));
  return service;
}

function meetingInfo(meeting: Meeting): MeetingInfo {
  switch (meeting.kind) {
    case "organizer": {
      // allowConversationWithoutHost is not in the organizerMeetingInfo model.
      const info: OrganizerMeetingInfo = { odataType: "#microsoft.graph.organizerMeetingInfo", organizer: identitySet(meeting.organizer), ...additionalData({ allowConversationWithoutHost: meeting.allowConversationWithoutHost }) };
      return info;
    }
    case "joinMeetingId": {
      const info: JoinMeetingIdMeetingInfo = { odataType: "#microsoft.graph.joinMeetingIdMeetingInfo", joinMeetingId: meeting.joinMeetingId, passcode: meeting.passcode ?? undefined };
      return info;
    }
    case "token": {
      const info: TokenMeetingInfo = { odataType: "#microsoft.graph.tokenMeetingInfo", token: meeting.token };
      return info;
    }
  }
}

export function callModel(intent: CreateCallIntent, callbackUri: string): Call {
  const call: Call = {
    odataType: "#microsoft.graph.call",
    callbackUri,
    subject: intent.subject ?? undefined,
    // The scenarios' modalities are Graph's modality values.
    requestedModalities: intent.modalities as Modality[],
    mediaConfig: mediaConfig(intent.media),
    tenantId: intent.tenantId ?? undefined,
  };
  if (intent.source) call.source = participantInfo(intent.source);
  if (intent.targets.length > 0) call.targets = intent.targets.map((t): InvitationParticipantInfo => ({ odataType: "#microsoft.graph.invitationParticipantInfo", identity: identitySet(t) }));
  const { contentSharing, deltaRoster } = intent.notifications;
  if (contentSharing || deltaRoster) {
    const options: OutgoingCallOptions = { odataType: "#microsoft.graph.outgoingCallOptions", isContentSharingNotificationEnabled: contentSharing || undefined, isDeltaRosterEnabled: deltaRoster || undefined };
    call.callOptions = options;
  }
  if (intent.meeting) {
    call.meetingInfo = meetingInfo(intent.meeting);
    if (intent.meeting.kind === "organizer") {
      const chat: ChatInfo = { odataType: "#microsoft.graph.chatInfo", threadId: intent.meeting.chat.threadId, messageId: intent.meeting.chat.messageId ?? undefined };
      call.chatInfo = chat;
    }
  }
  return call;
}

export function transferModel(intent: TransferIntent): TransferPostRequestBody {
  const { endpointType, languageId, region } = intent.target;
  const transferTarget: InvitationParticipantInfo = {
    odataType: "#microsoft.graph.invitationParticipantInfo",
    identity: identitySet(intent.target),
    replacesCallId: intent.replacesCallId ?? undefined,
    // endpointType, languageId and region are participantInfo's, not in the invitationParticipantInfo model.
    ...additionalData({ endpointType, languageId, region }),
  };
  return {
    transferTarget,
    transferee: intent.transferee ? participantInfo(intent.transferee) : undefined,
    // clientContext is not a parameter of the transfer action in Graph's metadata.
    ...additionalData({ clientContext: intent.clientContext }),
  };
}
