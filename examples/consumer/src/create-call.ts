/** The bot's request builder: what it POSTs to /communications/calls to call a user. */
import type { CreateCallRequest } from "graph-calls-contract/types";

export interface CallUser {
  /** The bot's public callback: Graph posts the call's notifications there. */
  callbackUri: string;
  tenantId: string;
  userId: string;
  displayName?: string;
  /** Ask for delta roster notifications instead of the full roster each time. */
  deltaRoster?: boolean;
}

export function buildCreateCallRequest(call: CallUser): CreateCallRequest {
  return {
    "@odata.type": "#microsoft.graph.call",
    callbackUri: call.callbackUri,
    tenantId: call.tenantId,
    targets: [
      {
        "@odata.type": "#microsoft.graph.invitationParticipantInfo",
        identity: {
          "@odata.type": "#microsoft.graph.identitySet",
          user: { "@odata.type": "#microsoft.graph.identity", id: call.userId, ...(call.displayName === undefined ? {} : { displayName: call.displayName }) },
        },
      },
    ],
    requestedModalities: ["audio"],
    mediaConfig: { "@odata.type": "#microsoft.graph.serviceHostedMediaConfig" },
    callOptions: { "@odata.type": "#microsoft.graph.outgoingCallOptions", isDeltaRosterEnabled: call.deltaRoster ?? false },
  };
}
