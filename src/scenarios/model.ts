/**
 * Scenarios: what a documented Create call or transfer example intends, in neutral form, so any
 * bot (whatever its language or SDK) can be asked to do it and its request judged against it.
 */

export type IdentityKind = "user" | "application" | "applicationInstance" | "phone" | "guest" | "device" | "encrypted" | "onPremises";

export interface Party {
  kind: IdentityKind;
  id: string;
  displayName?: string | null;
  tenantId?: string | null;
}

export type Media =
  | { hosting: "service"; prefetch: Array<{ uri: string; resourceId: string | null }>; removeFromDefaultAudioGroup?: boolean | null }
  | { hosting: "app"; blob: string | null; removeFromDefaultAudioGroup?: boolean | null };

export type Meeting =
  | { kind: "organizer"; organizer: Party; chat: { threadId: string; messageId: string | null }; allowConversationWithoutHost?: boolean | null }
  | { kind: "joinMeetingId"; joinMeetingId: string; passcode: string | null }
  | { kind: "token"; token: string };

export interface CreateCallIntent {
  operation: "create-call";
  /** Who the bot says it is (an application or application instance), when the example says. */
  source: Party | null;
  /** Whom to call; empty when the call joins a meeting. */
  targets: Party[];
  modalities: string[];
  media: Media;
  meeting: Meeting | null;
  tenantId: string | null;
  subject: string | null;
  /** Notifications the call asks for beyond call state. */
  notifications: { contentSharing: boolean; deltaRoster: boolean };
}

export interface TransferIntent {
  operation: "transfer";
  target: Party & { endpointType?: string | null; languageId?: string | null; region?: string | null };
  /** The call the transfer replaces: set for a consultative transfer. */
  replacesCallId: string | null;
  /** Who is transferred: needed to transfer out of a group call. */
  transferee: (Party & { participantId?: string | null }) | null;
  clientContext: string | null;
}

export type Intent = CreateCallIntent | TransferIntent;

export interface Scenario {
  /** Stable id: "create-call.ex01", "call-transfer.beta.ex02". */
  id: string;
  description: string;
  /** The documented fixtures this scenario is the intent of (several renderings of one example). */
  from: string[];
  /** How the documented request was changed to make a scenario a bot can honour (e.g. a malformed GUID). */
  repairs: string[];
  intent: Intent;
}
