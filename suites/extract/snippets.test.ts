/**
 * Snippet rebuilders on synthetic snippets written in each SDK's style (samples/snippets/): every
 * language, nested objects, lists, enums, additional data (Python's snake_cased keys kept), null,
 * booleans, beta SDKs, operations other than create/transfer, and invalid Go.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { detectSnippetLanguage, rebuildRequest, scanSnippet, type RebuiltRequest, type SnippetLanguage } from "../../src/extract/snippets/index.js";

const SAMPLES = path.join(path.dirname(fileURLToPath(import.meta.url)), "samples", "snippets");
const readSample = (file: string) => fs.readFileSync(path.join(SAMPLES, file), "utf8");

const TRANSFER = { method: "POST", path: "/communications/calls/{call-id}/transfer" };
const ANSWER = { method: "POST", path: "/communications/calls/{call-id}/answer" };
const HEIDI = { id: "550fae72-d251-43ec-868c-373732c2704f", displayName: "Heidi Steen" };

interface Case {
  file: string;
  language: SnippetLanguage;
  expected: Omit<RebuiltRequest, "language">;
}

const CASES: Case[] = [
  {
    file: "csharp-answer-beta.txt",
    language: "csharp",
    expected: {
      body: {
        callbackUri: "https://bot.example.com/answer",
        mediaConfig: { "@odata.type": "#microsoft.graph.appHostedMediaConfig", blob: '<media "config">' },
        acceptedModalities: ["audio", "videoBasedScreenSharing"],
        participantCapacity: 200,
        callOptions: { isContentSharingNotificationEnabled: true, hideBotAfterEscalation: false },
        customFlag: null,
        nested: { level: -1.5 },
      },
      operation: ANSWER,
      apiVersion: "beta",
      additionalData: ["/customFlag", "/nested"],
      issues: [],
    },
  },
  {
    file: "java-redirect.txt",
    language: "java",
    expected: {
      body: {
        targets: [{ "@odata.type": "#microsoft.graph.invitationParticipantInfo", identity: { phone: { id: "+12345678901", displayName: null } } }],
        timeout: 30,
        callbackUri: "https://bot.example.com/redirect",
        maskCaller: false,
        direction: "outgoing",
      },
      operation: { method: "POST", path: "/communications/calls/{call-id}/redirect" },
      apiVersion: "v1.0",
      additionalData: ["/targets/0/identity/phone", "/maskCaller", "/direction"],
      issues: [],
    },
  },
  {
    file: "python-invite-beta.txt",
    language: "python",
    expected: {
      body: {
        participants: [
          {
            "@odata.type": "#microsoft.graph.invitationParticipantInfo",
            replacesCallId: "a7ebfb2d-871e-419c-87af-27290b22e8db",
            isOnHold: false,
            identity: {
              user: {
                id: "278405a3-f568-4b3e-b684-009193463064",
                displayName: "Test User",
                // Additional-data keys stay as the snippet wrote them: snake_cased, nested ones too.
                tenant_id: "aa67bd4c-8475-432d-bd41-39f255720e0a",
                extra_info: { display_name: "nested keys are snake_cased too", enabled: true },
              },
            },
          },
        ],
        clientContext: null,
        modalities: ["audio", "videoBasedScreenSharing"],
      },
      operation: { method: "POST", path: "/communications/calls/{call-id}/participants/invite" },
      apiVersion: "beta",
      additionalData: ["/participants/0/identity/user/tenant_id", "/participants/0/identity/user/extra_info", "/modalities"],
      issues: [],
    },
  },
  {
    file: "go-valid-beta.txt",
    language: "go",
    expected: {
      body: {
        transferTarget: {
          "@odata.type": "#microsoft.graph.invitationParticipantInfo",
          identity: { user: { id: HEIDI.id } },
          endpointType: "default",
          capacity: 5,
          modalities: ["audio", "videoBasedScreenSharing"],
          flag: true,
          nothing: null,
        },
      },
      operation: TRANSFER,
      apiVersion: "beta",
      additionalData: ["/transferTarget/endpointType", "/transferTarget/capacity", "/transferTarget/modalities", "/transferTarget/flag", "/transferTarget/nothing"],
      issues: [],
    },
  },
  {
    file: "go-invalid.txt",
    language: "go",
    expected: {
      body: {
        source: { region: null },
        requestedModalities: ["audio"],
        mediaConfig: { removeFromDefaultAudioGroup: false },
        direction: "sideways",
      },
      operation: { method: "POST", path: "/communications/calls" },
      apiVersion: "v1.0",
      additionalData: ["/mediaConfig/removeFromDefaultAudioGroup"],
      issues: [
        { line: 8, message: "`null` is not Go (nil); read as null" },
        { line: 9, message: "`®` is `&reg` decoded as an HTML entity by the page; read as `&reg`" },
        { line: 12, message: "statement `modality := …` inside a []graphmodels.Modalityable literal is not valid Go" },
        {
          line: 13,
          message: '`requestBody.SetModality(…)` inside a []graphmodels.Modalityable literal is not valid Go; guessed that "audio" was meant as an element of the list (not set on requestBody)',
        },
        { line: 18, message: "statement `removeFromDefaultAudioGroup := …` inside a map literal is not valid Go" },
        {
          line: 19,
          message: '`mediaConfig.SetRemoveFromDefaultAudioGroup(…)` inside a map literal is not valid Go; guessed the entry "removeFromDefaultAudioGroup": false (not set on mediaConfig)',
        },
        { line: 23, message: "`source :=` redeclares a name already declared (no new variables: not valid Go); the new value is used from here on" },
        { line: 24, message: 'Go enum constant SIDEWAYS_CALLDIRECTION does not keep the value\'s casing; assumed "sideways"' },
      ],
    },
  },
  {
    file: "php-transfer-beta.txt",
    language: "php",
    expected: {
      body: {
        transferTarget: {
          "@odata.type": "#microsoft.graph.invitationParticipantInfo",
          replacesCallId: null,
          isOnHold: true,
          modalities: ["audio", "video"],
          endpointType: "default",
          phone: { "@odata.type": "#microsoft.graph.identity", id: "+12345678901", tags: ["a", "b"] },
          weight: 2.5,
        },
        // $additionalData was reassigned after the first setAdditionalData: PHP arrays are values.
        clientContext: "it's quoted",
      },
      operation: TRANSFER,
      apiVersion: "beta",
      additionalData: ["/transferTarget/endpointType", "/transferTarget/phone", "/transferTarget/weight", "/clientContext"],
      issues: [],
    },
  },
  {
    file: "javascript-answer-beta.txt",
    language: "javascript",
    expected: {
      body: {
        callbackUri: "https://bot.example.com/answer",
        mediaConfig: { "@odata.type": "#microsoft.graph.appHostedMediaConfig", blob: "<media config>" },
        acceptedModalities: ["audio"],
        participantCapacity: 200,
        callOptions: { isContentSharingNotificationEnabled: true, hidden: false, note: null },
      },
      // The concrete call id in the URL is normalised to the placeholder.
      operation: ANSWER,
      apiVersion: "beta",
      additionalData: [],
      issues: [],
    },
  },
  {
    file: "powershell-transfer.txt",
    language: "powershell",
    expected: {
      body: {
        transferTarget: { endpointType: "default", identity: { user: { id: HEIDI.id, displayName: 'Heidi "HS" Steen' } }, languageId: null },
        flags: [true, false, 3],
        "@odata.type": "#microsoft.graph.transferRequest",
        empty: [],
      },
      operation: TRANSFER,
      apiVersion: "v1.0",
      additionalData: [],
      issues: [],
    },
  },
  {
    file: "cli-transfer.txt",
    language: "cli",
    expected: {
      body: { transferTarget: { endpointType: "default", identity: { user: HEIDI } }, flags: [true, false, null, -2] },
      operation: TRANSFER,
      apiVersion: "v1.0",
      additionalData: [],
      issues: [
        { line: 0, message: "the single-quoted --body keeps its trailing `\\` line continuations literally (not valid JSON as sent); read without them" },
        { line: 8, message: "trailing comma (not valid JSON)" },
      ],
    },
  },
];

describe.each(CASES)("$file", ({ file, language, expected }) => {
  const code = readSample(file);
  const lines = code.replace(/\n$/, "").split("\n");

  it(`is recognised as ${language}`, () => {
    expect(detectSnippetLanguage(code)).toBe(language);
  });

  it("scans as one snippet from its first to its last line", () => {
    expect(scanSnippet(lines, 0)).toEqual({ language, start: 0, end: lines.length - 1 });
  });

  it("rebuilds the request", () => {
    expect(rebuildRequest(language, code)).toEqual({ language, ...expected });
  });
});

it("every language is covered by a sample", () => {
  expect(new Set(CASES.map((c) => c.language))).toEqual(new Set(["csharp", "go", "java", "javascript", "php", "powershell", "python", "cli"]));
});

describe("corner cases", () => {
  it("a property set both typed and through additional data is reported (the additional value is sent)", () => {
    const code = [
      "var requestBody = new InvitationParticipantInfo",
      "{",
      "\tEndpointType = EndpointType.Default,",
      "\tAdditionalData = new Dictionary<string, object> { { \"endpointType\", \"voicemail\" } },",
      "};",
      "await graphClient.Communications.Calls[\"{call-id}\"].Transfer.PostAsync(requestBody);",
    ].join("\n");
    expect(rebuildRequest("csharp", code)).toEqual({
      language: "csharp",
      body: { endpointType: "voicemail" },
      operation: TRANSFER,
      additionalData: ["/endpointType"],
      issues: [{ line: 0, message: "/endpointType is set both as a property and in additional data; the additional-data value is sent" }],
    });
  });

  it("the 4.x C# SDK (arguments on the action, `.Request().PostAsync()`) is C#, and its missing body is reported", () => {
    const lines = [
      "GraphServiceClient graphClient = new GraphServiceClient( authProvider );",
      "var transferTarget = new InvitationParticipantInfo { ReplacesCallId = \"x\" };",
      "await graphClient.Communications.Calls[\"{id}\"].Transfer(transferTarget, null).Request().PostAsync();",
    ];
    expect(scanSnippet(lines, 0)).toEqual({ language: "csharp", start: 0, end: 2 });
    const rebuilt = rebuildRequest("csharp", lines.join("\n"));
    expect(rebuilt.operation).toEqual(TRANSFER);
    expect(rebuilt.body).toBeUndefined();
    expect(rebuilt.issues).toEqual([{ line: 2, message: "the POST call passes no request body (arguments given earlier in the call chain are not read as one)" }]);
  });

  it("Java list factories and Python keyword arguments in the client call", () => {
    const java = 'Call call = new Call();\ncall.setRequestedModalities(Arrays.asList(Modality.Audio, Modality.Video));\ngraphClient.communications().calls().post(call);';
    expect(rebuildRequest("java", java).body).toEqual({ requestedModalities: ["audio", "video"] });
    const python = 'request_body = Call(\n\tsubject = "s",\n)\nresult = await graph_client.communications.calls.post(body = request_body)';
    expect(rebuildRequest("python", python)).toEqual({
      language: "python",
      body: { subject: "s" },
      operation: { method: "POST", path: "/communications/calls" },
      additionalData: [],
      issues: [],
    });
  });

  it("an unsupported language or an empty snippet gives issues, not exceptions", () => {
    expect(rebuildRequest("objc" as SnippetLanguage, "x").issues).toEqual([{ line: 0, message: "unsupported snippet language objc" }]);
    expect(rebuildRequest("go", "")).toEqual({
      language: "go",
      body: undefined,
      additionalData: [],
      issues: [{ line: 0, message: "no SDK request call found; the body is the snippet's request variable" }],
    });
  });
});
