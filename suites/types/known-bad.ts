/**
 * Payloads the generated types must reject, one mistake each. Every case is preceded by
 * `// @ts-expect-error <why>`, so `npx tsc -p tsconfig.json` fails as soon as a type loosens enough
 * to accept one (the directive becomes unused). types.test.ts also compiles this file with the
 * directives removed and checks each error stands on the line after its directive.
 *
 * Keep each case's mistake on its own line, and everything else in the case valid.
 */
import type { CreateCallRequest, CreateCallResponse, Notification, NotificationCallState, NotificationRoster, NotificationRosterDelta, Receive, Send, TransferRequest } from "../../generated/index.js";

const user: Send.IdentitySet = { user: { id: "7b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9", displayName: "Ada" } };
const target: Send.InvitationParticipantInfo = { "@odata.type": "#microsoft.graph.invitationParticipantInfo", identity: user };
const serviceHostedMedia: Send.MediaConfig = { "@odata.type": "#microsoft.graph.serviceHostedMediaConfig" };
const callbackUri = "https://bot.example.com/callback";
const participant = { "@odata.type": "#microsoft.graph.participant", id: "1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e", info: { identity: { user: { id: "7b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9" } } } } satisfies Receive.Participant;
const callUrl = "/communications/calls/2e1a0b00-1c2d-4e3f-a4b5-c6d7e8f90a1b";

// The valid shapes the cases below break, proving the mistake (not the rest) is what the types reject.
export const validRequest: CreateCallRequest = { callbackUri, targets: [target], requestedModalities: ["audio"], mediaConfig: serviceHostedMedia };
export const validTransfer: TransferRequest = { transferTarget: target };
export const validResponse: CreateCallResponse = { id: "2e1a0b00-1c2d-4e3f-a4b5-c6d7e8f90a1b", state: "establishing", mediaConfig: { "@odata.type": "#microsoft.graph.serviceHostedMediaConfig" } };
export const validCallState: NotificationCallState = { value: [{ changeType: "updated", resourceUrl: callUrl, resourceData: { "@odata.type": "#microsoft.graph.call", state: "established" } }] };
export const validNotification: NotificationRoster = { value: [{ changeType: "updated", resourceUrl: `${callUrl}/participants`, resourceData: [participant] }] };

export const misspelledCallbackUri: CreateCallRequest = {
  // @ts-expect-error callbackURL is not a property of a call: the property is callbackUri
  callbackURL: callbackUri,
  targets: [target],
  requestedModalities: ["audio"],
  mediaConfig: serviceHostedMedia,
};

export const readOnlyStateSent: CreateCallRequest = {
  callbackUri,
  targets: [target],
  requestedModalities: ["audio"],
  mediaConfig: serviceHostedMedia,
  // @ts-expect-error state is set by Graph (read-only): the send profile has no such property
  state: "establishing",
};

export const readOnlyIdSent: CreateCallRequest = {
  callbackUri,
  targets: [target],
  requestedModalities: ["audio"],
  mediaConfig: serviceHostedMedia,
  // @ts-expect-error id is set by Graph (read-only): the send profile has no such property
  id: "2e1a0b00-1c2d-4e3f-a4b5-c6d7e8f90a1b",
};

export const unknownModality: CreateCallRequest = {
  callbackUri,
  targets: [target],
  // @ts-expect-error "smell" is not a modality (send enums are closed)
  requestedModalities: ["smell"],
  mediaConfig: serviceHostedMedia,
};

export const noModality: CreateCallRequest = {
  callbackUri,
  targets: [target],
  // @ts-expect-error requestedModalities needs at least one modality (minItems 1)
  requestedModalities: [],
  mediaConfig: serviceHostedMedia,
};

// @ts-expect-error a create call request needs targets (to place a call) or meetingInfo (to join one)
export const neitherTargetsNorMeeting: CreateCallRequest = {
  callbackUri,
  requestedModalities: ["audio"],
  mediaConfig: serviceHostedMedia,
};

export const untaggedMediaConfig: CreateCallRequest = {
  callbackUri,
  targets: [target],
  requestedModalities: ["audio"],
  // @ts-expect-error mediaConfig is abstract: @odata.type must say which kind it is
  mediaConfig: { removeFromDefaultAudioGroup: false },
};

export const abstractMediaConfigTag: CreateCallRequest = {
  callbackUri,
  targets: [target],
  requestedModalities: ["audio"],
  // @ts-expect-error #microsoft.graph.mediaConfig is the abstract type, not one of its concrete kinds
  mediaConfig: { "@odata.type": "#microsoft.graph.mediaConfig" },
};

export const wrongCallTag: CreateCallRequest = {
  // @ts-expect-error a call's @odata.type is the constant #microsoft.graph.call
  "@odata.type": "#microsoft.graph.calls",
  callbackUri,
  targets: [target],
  requestedModalities: ["audio"],
  mediaConfig: serviceHostedMedia,
};

export const emptyIdentitySet: CreateCallRequest = {
  callbackUri,
  // @ts-expect-error an identity set must name at least one identity (user, application, phone...)
  targets: [{ identity: {} }],
  requestedModalities: ["audio"],
  mediaConfig: serviceHostedMedia,
};

export const ringingTimeoutAsText: CreateCallRequest = {
  callbackUri,
  targets: [target],
  requestedModalities: ["audio"],
  mediaConfig: serviceHostedMedia,
  // @ts-expect-error ringingTimeoutInSeconds is an integer, not a string
  ringingTimeoutInSeconds: "30",
};

export const joinMeetingWithoutId: CreateCallRequest = {
  callbackUri,
  requestedModalities: ["audio"],
  mediaConfig: serviceHostedMedia,
  // @ts-expect-error joinMeetingIdMeetingInfo requires joinMeetingId
  meetingInfo: { "@odata.type": "#microsoft.graph.joinMeetingIdMeetingInfo", passcode: "1234" },
};

// @ts-expect-error a transfer needs transferTarget
export const transferWithoutTarget: TransferRequest = {
  clientContext: "transfer-7",
};

export const transferContextAsNumber: TransferRequest = {
  transferTarget: target,
  // @ts-expect-error clientContext is a string
  clientContext: 7,
};

export const sentResultInfoSubCode: Send.ResultInfo = {
  code: 500,
  // @ts-expect-error subCode (capital C) is a misspelling of subcode, tolerated only in what a bot receives
  subCode: 4001,
};

// @ts-expect-error a create call response always carries the call's state
export const responseWithoutState: CreateCallResponse = {
  id: "2e1a0b00-1c2d-4e3f-a4b5-c6d7e8f90a1b",
};

export const resultCodeAsText: CreateCallResponse = {
  id: "2e1a0b00-1c2d-4e3f-a4b5-c6d7e8f90a1b",
  state: "terminated",
  // @ts-expect-error resultInfo.code is an integer or, as the call delete pages publish it, a string of digits: never a boolean
  resultInfo: { code: true },
};

// @ts-expect-error a commsNotifications body carries its notifications in value
export const notificationWithoutValue: Notification = {
  "@odata.type": "#microsoft.graph.commsNotifications",
};

export const unknownChangeType: Notification = {
  // @ts-expect-error changeType is created, updated or deleted
  value: [{ changeType: "modified", resourceUrl: callUrl }],
};

export const wrongNotificationsTag: Notification = {
  // @ts-expect-error the body's @odata.type is the constant #microsoft.graph.commsNotifications
  "@odata.type": "#microsoft.graph.commsNotification",
  value: [{ changeType: "updated", resourceUrl: callUrl }],
};

export const callStateUntagged: NotificationCallState = {
  // @ts-expect-error a call-state notification's resourceData is a call that says so (@odata.type); its state may be absent in a deleted notification, so the type cannot require it
  value: [{ changeType: "updated", resourceUrl: callUrl, resourceData: { state: "established" } }],
};

export const rosterAsObject: NotificationRoster = {
  // @ts-expect-error a roster's resourceData is an array of participants, not one participant
  value: [{ changeType: "updated", resourceUrl: `${callUrl}/participants`, resourceData: participant }],
};

export const rosterParticipantWithoutInfo: NotificationRoster = {
  // @ts-expect-error every participant of a roster has info
  value: [{ changeType: "updated", resourceUrl: `${callUrl}/participants`, resourceData: [{ "@odata.type": "#microsoft.graph.participant", id: "1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e" }] }],
};

export const deltaWithoutSequenceNumber: NotificationRosterDelta = {
  // @ts-expect-error a delta roster update carries the sequenceNumber that orders updates
  value: [{ changeType: "updated", resourceUrl: `${callUrl}/participants`, resourceData: [{ "@odata.type": "#microsoft.graph.deltaParticipants", participants: [participant] }] }],
};
