/**
 * The fluent API for the two requests, client.communications.calls.post(call) and
 * client.communications.calls.byCallId(id).transfer.post(body), as Kiota generates it for
 * @microsoft/msgraph-sdk's area packages (@microsoft/msgraph-sdk-users, -subscriptions...):
 * request metadata over the SDK's own model serializers, added to the GraphServiceClient with
 * extendGraphServiceClient. No "@microsoft/msgraph-sdk-communications" package is published, so
 * a bot team writes this (or these few lines of generated code) itself; everything that builds and
 * sends the request (serializers, request adapter, middleware) stays the SDK's.
 */
import { extendGraphServiceClient } from "@microsoft/msgraph-sdk";
import { createCallFromDiscriminatorValue, serializeCall, serializeInvitationParticipantInfo, serializeParticipantInfo, type Call, type InvitationParticipantInfo, type ParticipantInfo } from "@microsoft/msgraph-sdk/models/index.js";
import { createODataErrorFromDiscriminatorValue } from "@microsoft/msgraph-sdk/models/oDataErrors/index.js";
// The SDK's own abstractions package (a dependency of @microsoft/msgraph-sdk), as generated code imports it.
import type { AdditionalDataHolder, BaseRequestBuilder, NavigationMetadata, Parsable, RequestConfiguration, RequestsMetadata, SerializationWriter } from "@microsoft/kiota-abstractions";

/** The transfer action's parameters, as generated from Graph's metadata: transferTarget and transferee, nothing else. */
export interface TransferPostRequestBody extends AdditionalDataHolder, Parsable {
  transferee?: ParticipantInfo | null;
  transferTarget?: InvitationParticipantInfo | null;
}

/** Kiota's serializer for an action body: each parameter with the model's serializer, then the additional data. */
export function serializeTransferPostRequestBody(writer: SerializationWriter, body: Partial<TransferPostRequestBody> | undefined | null = {}, isSerializingDerivedType = false): void {
  if (!body || isSerializingDerivedType) return;
  writer.writeObjectValue("transferee", body.transferee, serializeParticipantInfo);
  writer.writeObjectValue("transferTarget", body.transferTarget, serializeInvitationParticipantInfo);
  writer.writeAdditionalData(body.additionalData);
}

export interface TransferRequestBuilder extends BaseRequestBuilder<TransferRequestBuilder> {
  post(body: TransferPostRequestBody, requestConfiguration?: RequestConfiguration<object>): Promise<void>;
}
export interface CallItemRequestBuilder extends BaseRequestBuilder<CallItemRequestBuilder> {
  get transfer(): TransferRequestBuilder;
}
export interface CallsRequestBuilder extends BaseRequestBuilder<CallsRequestBuilder> {
  byCallId(callId: string): CallItemRequestBuilder;
  post(body: Call, requestConfiguration?: RequestConfiguration<object>): Promise<Call | undefined>;
}
export interface CommunicationsRequestBuilder extends BaseRequestBuilder<CommunicationsRequestBuilder> {
  get calls(): CallsRequestBuilder;
}

declare module "@microsoft/msgraph-sdk" {
  interface GraphServiceClient {
    get communications(): CommunicationsRequestBuilder;
  }
}

const errorMappings = { XXX: createODataErrorFromDiscriminatorValue } as NonNullable<RequestsMetadata["post"]>["errorMappings"];

const TransferRequestsMetadata: RequestsMetadata = {
  post: {
    uriTemplate: "{+baseurl}/communications/calls/{call%2Did}/transfer",
    responseBodyContentType: "application/json",
    errorMappings,
    adapterMethodName: "sendNoResponseContent",
    requestBodyContentType: "application/json",
    requestBodySerializer: serializeTransferPostRequestBody,
    requestInformationContentSetMethod: "setContentFromParsable",
  },
};

const CallsRequestsMetadata: RequestsMetadata = {
  post: {
    uriTemplate: "{+baseurl}/communications/calls",
    responseBodyContentType: "application/json",
    errorMappings,
    adapterMethodName: "send",
    responseBodyFactory: createCallFromDiscriminatorValue,
    requestBodyContentType: "application/json",
    requestBodySerializer: serializeCall,
    requestInformationContentSetMethod: "setContentFromParsable",
  },
};

const CommunicationsNavigationMetadata: Record<string, NavigationMetadata> = {
  calls: {
    requestsMetadata: CallsRequestsMetadata,
    navigationMetadata: {
      byCallId: { navigationMetadata: { transfer: { requestsMetadata: TransferRequestsMetadata } }, pathParametersMappings: ["call%2Did"] },
    },
  },
};

extendGraphServiceClient({ communications: { navigationMetadata: CommunicationsNavigationMetadata } });
