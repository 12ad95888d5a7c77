/**
 * The compiler's proof of each entry of
 * implementations/clients/teams-graph-endpoints/typing-defects.json: a probe per entry gives the
 * package's declared type what the documentation sends, on one line under @ts-expect-error. The
 * day the package declares it, `tsc -p tsconfig.json` fails on the unused directive, and the
 * entry (and its probe) must go. The probes are never called: they exist to be type-checked.
 */
import type { CreateCallBody, Identity, IdentitySet, InvitationParticipantInfo, MediaConfig, MeetingInfo, ParticipantInfo, TransferBody } from "../../implementations/clients/teams-graph-endpoints/bodies.js";

const user: Identity = { "@odata.type": "#microsoft.graph.identity", id: "550fae72-d251-43ec-868c-373732c2704f" };
const users: IdentitySet = { "@odata.type": "#microsoft.graph.identitySet", user };

export const TYPING_PROBES: Record<string, () => unknown> = {
  "identity.tenantId": () => {
    // @ts-expect-error identity declares no tenantId
    const identity: Identity = { "@odata.type": "#microsoft.graph.identity", id: user.id, tenantId: "72f988bf-86f1-41af-91ab-2d7cd011db47" };
    return identity;
  },
  "identitySet.applicationInstance": () => {
    // @ts-expect-error identitySet has no applicationInstance slot
    const source: ParticipantInfo = { "@odata.type": "#microsoft.graph.participantInfo", identity: { "@odata.type": "#microsoft.graph.identitySet", applicationInstance: user } };
    return source;
  },
  "identitySet.phone": () => {
    // @ts-expect-error identitySet has no phone slot
    const target: InvitationParticipantInfo = { "@odata.type": "#microsoft.graph.invitationParticipantInfo", identity: { "@odata.type": "#microsoft.graph.identitySet", phone: { "@odata.type": "#microsoft.graph.identity", id: "+12345678901" } } };
    return target;
  },
  "mediaConfig.blob": () => {
    // @ts-expect-error mediaConfig declares only @odata.type
    const media: MediaConfig = { "@odata.type": "#microsoft.graph.appHostedMediaConfig", blob: "media-session-configuration" };
    return media;
  },
  "mediaConfig.preFetchMedia": () => {
    // @ts-expect-error mediaConfig declares only @odata.type
    const media: MediaConfig = { "@odata.type": "#microsoft.graph.serviceHostedMediaConfig", preFetchMedia: [{ uri: "https://cdn.contoso.com/beep.wav" }] };
    return media;
  },
  "mediaConfig.removeFromDefaultAudioGroup": () => {
    // @ts-expect-error mediaConfig declares only @odata.type
    const media: MediaConfig = { "@odata.type": "#microsoft.graph.serviceHostedMediaConfig", removeFromDefaultAudioGroup: false };
    return media;
  },
  "meetingInfo.organizer": () => {
    // @ts-expect-error meetingInfo declares only @odata.type
    const meeting: MeetingInfo = { "@odata.type": "#microsoft.graph.organizerMeetingInfo", organizer: users };
    return meeting;
  },
  "meetingInfo.joinMeetingId": () => {
    // @ts-expect-error meetingInfo declares only @odata.type
    const meeting: MeetingInfo = { "@odata.type": "#microsoft.graph.joinMeetingIdMeetingInfo", joinMeetingId: "1234567" };
    return meeting;
  },
  "invitationParticipantInfo.endpointType": () => {
    // @ts-expect-error invitationParticipantInfo has no endpointType
    const target: InvitationParticipantInfo = { "@odata.type": "#microsoft.graph.invitationParticipantInfo", identity: users, endpointType: "default" };
    return target;
  },
  "transfer.clientContext": () => {
    // @ts-expect-error the transfer body is { transferTarget, transferee } only
    const body: TransferBody = { transferTarget: { "@odata.type": "#microsoft.graph.invitationParticipantInfo", identity: users }, clientContext: "9e90d1c1-f61e-43e7-9f75-d420159aae08" };
    return body;
  },
  "odata-type.required": () => {
    // @ts-expect-error transferTarget without @odata.type, as documented transfers send it
    const body: TransferBody = { transferTarget: { identity: users } };
    return body;
  },
  "exports.subpath-types": () => {
    // @ts-expect-error the subpath export has no types for an ESM importer (TS7016)
    return import("@microsoft/teams.graph-endpoints/communications/calls");
  },
};

/** The declared call body does accept what the package does declare: the probes fail for their own reason only. */
export const ACCEPTED: CreateCallBody = { "@odata.type": "#microsoft.graph.call", callbackUri: "https://bot.contoso.com/callback", requestedModalities: ["audio"], mediaConfig: { "@odata.type": "#microsoft.graph.serviceHostedMediaConfig" }, targets: [{ "@odata.type": "#microsoft.graph.invitationParticipantInfo", identity: users }] };
