/**
 * Small payloads for the CLI suites, shaped like the documented examples (ids, URLs and names are
 * made up). Each builder returns a fresh object, so a test can break one without touching another.
 */

const USER_ID = "0b6f5a3c-9d2e-4c1a-8f7b-1e2d3c4b5a69";
const CALL_ID = "7c3e1f20-4b5a-4d6c-9e8f-0a1b2c3d4e5f";
const CALLBACK = "https://bot.example.com/api/callback";

/** POST /communications/calls: a peer-to-peer call with service-hosted media. */
export function createCallRequest() {
  return {
    "@odata.type": "#microsoft.graph.call",
    callbackUri: CALLBACK,
    targets: [
      {
        "@odata.type": "#microsoft.graph.invitationParticipantInfo",
        identity: {
          "@odata.type": "#microsoft.graph.identitySet",
          user: { "@odata.type": "#microsoft.graph.identity", displayName: "Ada", id: USER_ID },
        },
      },
    ],
    requestedModalities: ["audio"],
    mediaConfig: { "@odata.type": "#microsoft.graph.serviceHostedMediaConfig" },
  };
}

/** The same request with the callback property misspelled: one unknown property, one missing. */
export function createCallRequestWithTypo() {
  const { callbackUri, ...rest } = createCallRequest();
  return { ...rest, callbackURL: callbackUri };
}

/** POST /communications/calls/{id}/transfer */
export function transferRequest() {
  return {
    transferTarget: {
      endpointType: "default",
      identity: { user: { id: USER_ID, displayName: "Grace" } },
    },
    clientContext: "f2a1c3d4-5b6e-4f70-8a9b-0c1d2e3f4a5b",
  };
}

/** A commsNotifications body: the call became established. */
export function callStateNotification() {
  return {
    "@odata.type": "#microsoft.graph.commsNotifications",
    value: [
      {
        "@odata.type": "#microsoft.graph.commsNotification",
        changeType: "updated",
        resourceUrl: `/communications/calls/${CALL_ID}`,
        callbackUri: CALLBACK,
        resourceData: { "@odata.type": "#microsoft.graph.call", state: "established", id: CALL_ID },
      },
    ],
  };
}

/** A documented fixture file (src/fixtures/model.ts) wrapping `payload`. */
export function fixtureFile(payload: unknown, schemas: string[]) {
  return {
    id: "create-call/en/v1.0/example-1/request",
    description: "test fixture",
    provenance: { document: "test.txt", page: "create-call", role: "request" },
    schemas,
    errata: [],
    payload,
  };
}

/** A negative case file (src/fixtures/model.ts InvalidCase): a payload that must fail, and how. */
export function invalidCaseFile(schema: string, payload: unknown) {
  return { description: "test case", schema, payload, expect: [{ pointer: "/callbackURL", rule: "additionalProperties" }] };
}

/** A document manifest (src/fixtures/model.ts DocumentManifest): lists fixtures, carries no payload. */
export function documentManifestFile() {
  return {
    document: "test.txt",
    page: "create-call",
    format: "rendered-text",
    language: "en",
    apiVersion: "v1.0",
    evidence: [],
    counts: { examples: 0, requests: 0, responses: 0, notifications: 0, errata: 0 },
    examples: [],
    errata: [],
  };
}
