// Pure builders of the two Graph request bodies, from the intents of PROTOCOL.md ("createCall", "transfer").
// Rule applied everywhere (PROTOCOL.md, "Building the body"): a null, absent or empty value is left out, never sent.

/** Copies the entries of `fields` whose value is neither null nor undefined. */
function present(fields) {
  const out = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value !== null && value !== undefined) out[key] = value;
  }
  return out;
}

/** Party -> identitySet with one slot named after the party's kind. */
export function identitySet(party) {
  return { [party.kind]: present({ id: party.id, displayName: party.displayName, tenantId: party.tenantId }) };
}

function mediaConfig(media) {
  const common = present({ removeFromDefaultAudioGroup: media.removeFromDefaultAudioGroup });
  if (media.hosting === "app") {
    return { "@odata.type": "#microsoft.graph.appHostedMediaConfig", ...present({ blob: media.blob }), ...common };
  }
  const prefetch = (media.prefetch ?? []).map((m) => present({ uri: m.uri, resourceId: m.resourceId }));
  return {
    "@odata.type": "#microsoft.graph.serviceHostedMediaConfig",
    ...(prefetch.length > 0 ? { preFetchMedia: prefetch } : {}),
    ...common,
  };
}

/** Meeting -> the body properties it sets (meetingInfo, and chatInfo for an organizer meeting). */
function meetingProperties(meeting) {
  switch (meeting.kind) {
    case "organizer":
      return {
        meetingInfo: {
          "@odata.type": "#microsoft.graph.organizerMeetingInfo",
          organizer: identitySet(meeting.organizer),
          ...present({ allowConversationWithoutHost: meeting.allowConversationWithoutHost }),
        },
        chatInfo: present({ threadId: meeting.chat.threadId, messageId: meeting.chat.messageId }),
      };
    case "joinMeetingId":
      return {
        meetingInfo: {
          "@odata.type": "#microsoft.graph.joinMeetingIdMeetingInfo",
          ...present({ joinMeetingId: meeting.joinMeetingId, passcode: meeting.passcode }),
        },
      };
    case "token":
      return { meetingInfo: { "@odata.type": "#microsoft.graph.tokenMeetingInfo", token: meeting.token } };
    default:
      throw new Error(`unknown meeting kind ${JSON.stringify(meeting.kind)}`);
  }
}

function callOptions(notifications) {
  const flags = present({
    isContentSharingNotificationEnabled: notifications?.contentSharing ? true : null,
    isDeltaRosterEnabled: notifications?.deltaRoster ? true : null,
  });
  if (Object.keys(flags).length === 0) return {};
  return { callOptions: { "@odata.type": "#microsoft.graph.outgoingCallOptions", ...flags } };
}

/** CreateCallIntent -> body of POST /communications/calls. */
export function createCallBody(intent, callbackUri) {
  const targets = intent.targets ?? [];
  return {
    "@odata.type": "#microsoft.graph.call",
    callbackUri,
    ...(intent.source
      ? { source: { "@odata.type": "#microsoft.graph.participantInfo", identity: identitySet(intent.source) } }
      : {}),
    ...(targets.length > 0
      ? {
          targets: targets.map((t) => ({
            "@odata.type": "#microsoft.graph.invitationParticipantInfo",
            identity: identitySet(t),
          })),
        }
      : {}),
    requestedModalities: intent.modalities,
    mediaConfig: mediaConfig(intent.media),
    ...(intent.meeting ? meetingProperties(intent.meeting) : {}),
    ...present({ tenantId: intent.tenantId, subject: intent.subject }),
    ...callOptions(intent.notifications),
  };
}

/** TransferIntent -> body of POST /communications/calls/{id}/transfer. */
export function transferBody(intent) {
  const target = intent.target;
  return {
    transferTarget: {
      "@odata.type": "#microsoft.graph.invitationParticipantInfo",
      identity: identitySet(target),
      ...present({
        endpointType: target.endpointType,
        languageId: target.languageId,
        region: target.region,
        replacesCallId: intent.replacesCallId,
      }),
    },
    ...(intent.transferee
      ? {
          transferee: {
            "@odata.type": "#microsoft.graph.participantInfo",
            identity: identitySet(intent.transferee),
            ...present({ participantId: intent.transferee.participantId }),
          },
        }
      : {}),
    ...present({ clientContext: intent.clientContext }),
  };
}
