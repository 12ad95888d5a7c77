/**
 * The catalog of faulty implementations: the reference with one realistic bug each, grouped by
 * where the bug is. The kill matrix (suites/conformance/kill-matrix.test.ts) proves that the
 * conformance run catches each one with the checks it names.
 */
import type { FaultyVariant } from "./variant.js";
// What it sends Graph: headers.
import { variant as noAuthorization } from "./no-authorization.js";
import { variant as sendsIdToken } from "./sends-id-token.js";
import { variant as deprecatedAppPath } from "./deprecated-app-path.js";
import { variant as dropsAppHostedBlob } from "./drops-app-hosted-blob.js";
import { variant as noContentType } from "./no-content-type.js";
// What it sends Graph: the create call body.
import { variant as mediaConfigWithoutOdataType } from "./media-config-without-odata-type.js";
import { variant as targetsAsIdentitySets } from "./targets-as-identity-sets.js";
import { variant as enumsAsNumbers } from "./enums-as-numbers.js";
import { variant as callbackFromDocs } from "./callback-from-docs.js";
import { variant as globalCallOptions } from "./global-call-options.js";
import { variant as appHostedMediaAlways } from "./app-hosted-media-always.js";
import { variant as omitsSource } from "./omits-source.js";
import { variant as dropsTenantId } from "./drops-tenant-id.js";
import { variant as homeTenantIdAlways } from "./home-tenant-id-always.js";
import { variant as omitsChatInfo } from "./omits-chat-info.js";
import { variant as joinMeetingIdAsNumber } from "./join-meeting-id-as-number.js";
import { variant as crashesOnNullSubject } from "./crashes-on-null-subject.js";
import { variant as oneToOneOnly } from "./one-to-one-only.js";
import { variant as audioVideoAlways } from "./audio-video-always.js";
import { variant as serviceHostedMediaAlways } from "./service-hosted-media-always.js";
import { variant as passcodeNeverSet } from "./passcode-never-set.js";
import { variant as targetsLeakBetweenCalls } from "./targets-leak-between-calls.js";
import { variant as reportsCallChainId } from "./reports-call-chain-id.js";
import { variant as identitiesWithoutTenant } from "./identities-without-tenant.js";
// What it sends Graph: the transfer.
import { variant as transfersMyParticipantId } from "./transfers-my-participant-id.js";
import { variant as pythonSnakeCaseKeys } from "./python-snake-case-keys.js";
import { variant as replacesCallIdAtTop } from "./replaces-call-id-at-top.js";
import { variant as transfereeIdOnTarget } from "./transferee-id-on-target.js";
import { variant as targetIdentityNotSet } from "./target-identity-not-set.js";
import { variant as clientContextAlways } from "./client-context-always.js";
import { variant as transfersToTheCallee } from "./transfers-to-the-callee.js";
import { variant as transferNotSent } from "./transfer-not-sent.js";
import { variant as transfer202AsFailure } from "./transfer-202-as-failure.js";
// How it answers Graph's POSTs.
import { variant as firstNotificationOnly } from "./first-notification-only.js";
import { variant as requiresClientState } from "./requires-client-state.js";
import { variant as rejectsUnknownProperty } from "./rejects-unknown-property.js";
import { variant as throwsOnUnknownMediaType } from "./throws-on-unknown-media-type.js";
import { variant as rejectsDuplicates } from "./rejects-duplicates.js";
import { variant as rejectsEmptyRoster } from "./rejects-empty-roster.js";
import { variant as hangsOnTransferAccepted } from "./hangs-on-transfer-accepted.js";
import { variant as rejectsEmptyBatch } from "./rejects-empty-batch.js";
import { variant as rejectsUnknownCall } from "./rejects-unknown-call.js";
// How it authenticates Graph's POSTs (the notification tokens) and how fast it answers them.
import { variant as authOptional } from "./auth-optional.js";
import { variant as decodesWithoutVerifying } from "./decodes-without-verifying.js";
import { variant as acceptsAlgNone } from "./accepts-alg-none.js";
import { variant as algFromHeader } from "./alg-from-header.js";
import { variant as skipsUnknownKid } from "./skips-unknown-kid.js";
import { variant as anyIssuer } from "./any-issuer.js";
import { variant as anyAudience } from "./any-audience.js";
import { variant as clockToleranceInMs } from "./clock-tolerance-in-ms.js";
import { variant as expiryOptional } from "./expiry-optional.js";
import { variant as anyTenant } from "./any-tenant.js";
import { variant as appliesBeforeValidating } from "./applies-before-validating.js";
import { variant as silentlyDropsForgeries } from "./silently-drops-forgeries.js";
import { variant as keysFetchedOnce } from "./keys-fetched-once.js";
import { variant as graphIssuerOnly } from "./graph-issuer-only.js";
import { variant as slowFirstNotification } from "./slow-first-notification.js";
// What it believes from the notifications.
import { variant as keyedOnResourceDataId } from "./keyed-on-resource-data-id.js";
import { variant as lateEstablishingRegresses } from "./late-establishing-regresses.js";
import { variant as failedTransferTerminates } from "./failed-transfer-terminates.js";
import { variant as readsOnlySubcode } from "./reads-only-subcode.js";
import { variant as readsOnlyCamelSubcode } from "./reads-only-camel-subcode.js";
import { variant as deltaInArrivalOrder } from "./delta-in-arrival-order.js";
import { variant as dropsStaleBatches } from "./drops-stale-batches.js";
import { variant as sequenceNumbersOnly } from "./sequence-numbers-only.js";
import { variant as resultNumbersOnly } from "./result-numbers-only.js";
import { variant as deletedNeedsState } from "./deleted-needs-state.js";
import { variant as mergesFullRoster } from "./merges-full-roster.js";
import { variant as ignoresContentSharingDeleted } from "./ignores-content-sharing-deleted.js";
import { variant as routesOnlyCallResources } from "./routes-only-call-resources.js";
// Several calls alive at once, and notifications after a call ended.
import { variant as oneCallAtATime } from "./one-call-at-a-time.js";
import { variant as transfersLastPlacedCall } from "./transfers-last-placed-call.js";
import { variant as forgetsEndedCalls } from "./forgets-ended-calls.js";
import { variant as lastEndWins } from "./last-end-wins.js";
import { variant as updateWithoutStateClears } from "./update-without-state-clears.js";
import { variant as listsInvitedParticipants } from "./lists-invited-participants.js";
import { variant as codeZeroCompletesTransfer } from "./code-zero-completes-transfer.js";
// How a transfer ends (PROTOCOL.md, endings of a transfer).
import { variant as endCompletesTransfer } from "./end-completes-transfer.js";
import { variant as completionNeedsAccepted } from "./completion-needs-accepted.js";
import { variant as acceptedTransferCannotFail } from "./accepted-transfer-cannot-fail.js";
import { variant as unmarkedEndFailsTransfer } from "./unmarked-end-fails-transfer.js";
// What its observations mean (the observation versions).
import { variant as claimsV2AnswersV1 } from "./claims-v2-answers-v1.js";
import { variant as v1ResultWithoutFailedTransfer } from "./v1-result-without-failed-transfer.js";

export type { FaultyVariant } from "./variant.js";

export const FAULTY_VARIANTS: readonly FaultyVariant[] = [
  noAuthorization,
  sendsIdToken,
  noContentType,
  deprecatedAppPath,
  dropsAppHostedBlob,
  mediaConfigWithoutOdataType,
  targetsAsIdentitySets,
  enumsAsNumbers,
  callbackFromDocs,
  globalCallOptions,
  appHostedMediaAlways,
  omitsSource,
  dropsTenantId,
  homeTenantIdAlways,
  omitsChatInfo,
  joinMeetingIdAsNumber,
  crashesOnNullSubject,
  oneToOneOnly,
  audioVideoAlways,
  serviceHostedMediaAlways,
  passcodeNeverSet,
  targetsLeakBetweenCalls,
  reportsCallChainId,
  identitiesWithoutTenant,
  transfersMyParticipantId,
  pythonSnakeCaseKeys,
  replacesCallIdAtTop,
  transfereeIdOnTarget,
  targetIdentityNotSet,
  clientContextAlways,
  transfersToTheCallee,
  transferNotSent,
  transfer202AsFailure,
  firstNotificationOnly,
  requiresClientState,
  rejectsUnknownProperty,
  throwsOnUnknownMediaType,
  rejectsDuplicates,
  rejectsEmptyRoster,
  hangsOnTransferAccepted,
  rejectsEmptyBatch,
  rejectsUnknownCall,
  authOptional,
  decodesWithoutVerifying,
  acceptsAlgNone,
  algFromHeader,
  skipsUnknownKid,
  anyIssuer,
  anyAudience,
  clockToleranceInMs,
  expiryOptional,
  anyTenant,
  appliesBeforeValidating,
  silentlyDropsForgeries,
  keysFetchedOnce,
  graphIssuerOnly,
  slowFirstNotification,
  keyedOnResourceDataId,
  lateEstablishingRegresses,
  failedTransferTerminates,
  readsOnlySubcode,
  readsOnlyCamelSubcode,
  deltaInArrivalOrder,
  dropsStaleBatches,
  sequenceNumbersOnly,
  resultNumbersOnly,
  deletedNeedsState,
  mergesFullRoster,
  ignoresContentSharingDeleted,
  routesOnlyCallResources,
  oneCallAtATime,
  transfersLastPlacedCall,
  forgetsEndedCalls,
  lastEndWins,
  updateWithoutStateClears,
  listsInvitedParticipants,
  codeZeroCompletesTransfer,
  endCompletesTransfer,
  completionNeedsAccepted,
  acceptedTransferCannotFail,
  unmarkedEndFailsTransfer,
  claimsV2AnswersV1,
  v1ResultWithoutFailedTransfer,
];
