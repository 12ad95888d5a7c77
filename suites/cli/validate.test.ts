/** `validate` in-process: what it prints for valid and invalid payloads, and its exit codes. */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { put, run, useTempDir } from "./helpers.js";
import {
  callStateNotification,
  createCallRequest,
  createCallRequestWithTypo,
  documentManifestFile,
  fixtureFile,
  invalidCaseFile,
  transferRequest,
} from "./payloads.js";

const USAGE_HINT = "See graph-calls-contract validate --help.";
const CALL_REQUEST = "create-call-request, detected: a call without the properties Graph sets";

describe("validate: text output", () => {
  const tmp = useTempDir();

  it("a valid request: one line naming the detected schema and why, then the summary; exit 0", async () => {
    put(tmp(), "req.json", createCallRequest());
    const r = await run(["validate", "req.json"], { cwd: tmp() });
    expect(r.lines).toEqual([`req.json: valid (${CALL_REQUEST})`, "1 file: 1 valid, 0 invalid"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
  });

  it("an invalid request: a line per error, path: /pointer: message (rule); exit 1", async () => {
    put(tmp(), "req.json", createCallRequestWithTypo());
    const r = await run(["validate", "req.json"], { cwd: tmp() });
    expect(r.lines).toEqual([
      `req.json: invalid (${CALL_REQUEST})`,
      'req.json: /callbackURL: unknown property "callbackURL" (did you mean "callbackUri"?) (additionalProperties)',
      'req.json: /callbackUri: missing required property "callbackUri" (required)',
      "1 file: 0 valid, 1 invalid",
    ]);
    expect(r.code).toBe(1);
  });

  it("detects transfer requests and notifications, and says why", async () => {
    put(tmp(), "transfer.json", transferRequest());
    put(tmp(), "notification.json", callStateNotification());
    const r = await run(["validate", "transfer.json", "notification.json"], { cwd: tmp() });
    expect(r.lines).toEqual([
      "transfer.json: valid (transfer-request, detected: transferTarget/transferee parameters)",
      "notification.json: valid (notification, detected: a commsNotifications body (value array: 1 notification-call-state))",
      "2 files: 2 valid, 0 invalid",
    ]);
  });

  it("several paths, stdin among them: results in argument order and the summary counts them all", async () => {
    put(tmp(), "a.json", createCallRequest());
    put(tmp(), "b.json", createCallRequestWithTypo());
    const r = await run(["validate", "a.json", "-", "b.json"], { cwd: tmp(), stdin: JSON.stringify(transferRequest()) });
    expect(r.lines.filter((l) => !l.includes(": /"))).toEqual([
      `a.json: valid (${CALL_REQUEST})`,
      "<stdin>: valid (transfer-request, detected: transferTarget/transferee parameters)",
      `b.json: invalid (${CALL_REQUEST})`,
      "3 files: 2 valid, 1 invalid",
    ]);
    expect(r.code).toBe(1);
  });

  it("a nested error pointer and a notification that breaks its schema", async () => {
    const notification = callStateNotification();
    (notification.value[0] as Record<string, unknown>).changeType = 42;
    put(tmp(), "n.json", notification);
    const r = await run(["validate", "n.json"], { cwd: tmp() });
    expect(r.lines).toContain("n.json: /value/0/changeType: \"changeType\" must be a string (got integer 42) (type)");
    expect(r.code).toBe(1);
  });
});

describe("validate --as", () => {
  const tmp = useTempDir();

  it("uses the named schema instead of detecting one: path: valid (schema)", async () => {
    put(tmp(), "n.json", callStateNotification());
    const r = await run(["validate", "--as", "notification-call-state", "n.json"], { cwd: tmp() });
    expect(r.lines).toEqual(["n.json: valid (notification-call-state)", "1 file: 1 valid, 0 invalid"]);
  });

  it("a payload validated as the wrong operation gets that schema's errors", async () => {
    put(tmp(), "t.json", transferRequest());
    const r = await run(["validate", "--as=create-call-request", "t.json"], { cwd: tmp() });
    expect(r.lines).toEqual([
      "t.json: invalid (create-call-request)",
      "t.json: (root): the payload must have targets (to place a call) or meetingInfo (to join a meeting) (anyOf)",
      't.json: /callbackUri: missing required property "callbackUri" (required)',
      't.json: /clientContext: unknown property "clientContext" (additionalProperties)',
      't.json: /mediaConfig: missing required property "mediaConfig" (required)',
      't.json: /requestedModalities: missing required property "requestedModalities" (required)',
      't.json: /transferTarget: unknown property "transferTarget" (additionalProperties)',
      "1 file: 0 valid, 1 invalid",
    ]);
    expect(r.code).toBe(1);
  });

  it("accepts the type schemas too (send/<type>, receive/<type>)", async () => {
    put(tmp(), "identity.json", { displayName: "Ada", id: "0b6f5a3c-9d2e-4c1a-8f7b-1e2d3c4b5a69" });
    const r = await run(["validate", "--as", "send/identity", "identity.json"], { cwd: tmp() });
    expect(r.lines[0]).toBe("identity.json: valid (send/identity)");
  });

  it("an unknown schema is a usage error listing the valid names, before any file is read", async () => {
    const r = await run(["validate", "--as", "create-call", "missing.json"], { cwd: tmp() });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      'graph-calls-contract validate: unknown schema "create-call"; known schemas: create-call-request, create-call-response, transfer-request, ' +
        "notification-call-state, notification-content-sharing, notification-operation, notification-roster-delta, notification-roster, notification (and send/<type>, receive/<type>). " +
        `${USAGE_HINT}\n`,
    );
  });
});

describe("validate: documented fixture files", () => {
  const tmp = useTempDir();

  it("validates the payload against each schema the fixture claims", async () => {
    put(tmp(), "fx.json", fixtureFile(callStateNotification(), ["notification", "notification-call-state"]));
    const r = await run(["validate", "fx.json"], { cwd: tmp() });
    expect(r.lines).toEqual([
      "fx.json: valid (notification, claimed by the fixture)",
      "fx.json: valid (notification-call-state, claimed by the fixture)",
      "1 file: 1 valid, 0 invalid",
    ]);
  });

  it("a fixture is invalid when its payload breaks any schema it claims", async () => {
    put(tmp(), "fx.json", fixtureFile(createCallRequestWithTypo(), ["create-call-request"]));
    const r = await run(["validate", "fx.json"], { cwd: tmp() });
    expect(r.lines.slice(0, 2)).toEqual([
      "fx.json: invalid (create-call-request, claimed by the fixture)",
      'fx.json: /callbackURL: unknown property "callbackURL" (did you mean "callbackUri"?) (additionalProperties)',
    ]);
    expect(r.code).toBe(1);
  });

  it("--as overrides what the fixture claims", async () => {
    put(tmp(), "fx.json", fixtureFile(transferRequest(), ["create-call-request"]));
    const r = await run(["validate", "--as", "transfer-request", "fx.json"], { cwd: tmp() });
    expect(r.lines).toEqual(["fx.json: valid (transfer-request)", "1 file: 1 valid, 0 invalid"]);
  });

  it("a fixture that claims no schema (a message without a body) has nothing to break", async () => {
    put(tmp(), "accepted.json", fixtureFile(null, []));
    const r = await run(["validate", "accepted.json"], { cwd: tmp() });
    expect(r.lines).toEqual(["accepted.json: valid (nothing to validate: the fixture claims no schema)", "1 file: 1 valid, 0 invalid"]);
  });

  it("a fixture that claims an unknown schema, or claims schemas wrongly, is an error of that file", async () => {
    put(tmp(), "unknown.json", fixtureFile(createCallRequest(), ["create-call-request", "make-call"]));
    put(tmp(), "malformed.json", { ...fixtureFile(createCallRequest(), []), schemas: "create-call-request" });
    const r = await run(["validate", "unknown.json", "malformed.json"], { cwd: tmp() });
    expect(r.lines).toEqual([
      'unknown.json: error: fixture: names unknown schema "make-call" (see graph-calls-contract schemas --all)',
      'malformed.json: error: fixture: "schemas" must be an array of schema names (got "create-call-request")',
      "2 files: 0 valid, 2 invalid",
    ]);
    expect(r.code).toBe(1);
  });
});

describe("validate: the other files of the fixture model", () => {
  const tmp = useTempDir();

  it("an invalid case: its payload is validated against the schema it names (and is expected to fail)", async () => {
    put(tmp(), "case.json", invalidCaseFile("create-call-request", createCallRequestWithTypo()));
    const r = await run(["validate", "case.json"], { cwd: tmp() });
    expect(r.lines).toEqual([
      "case.json: invalid (create-call-request, named by the invalid case)",
      'case.json: /callbackURL: unknown property "callbackURL" (did you mean "callbackUri"?) (additionalProperties)',
      'case.json: /callbackUri: missing required property "callbackUri" (required)',
      "1 file: 0 valid, 1 invalid",
    ]);
    expect(r.code).toBe(1);
  });

  it("an invalid case naming an unknown schema is an error of that file", async () => {
    put(tmp(), "case.json", invalidCaseFile("create-call", createCallRequest()));
    const r = await run(["validate", "case.json"], { cwd: tmp() });
    expect(r.lines[0]).toBe('case.json: error: invalid case: names unknown schema "create-call" (see graph-calls-contract schemas --all)');
  });

  it("a document manifest has nothing to validate; the JSON report keeps its documented keys", async () => {
    put(tmp(), "doc/document.json", documentManifestFile());
    put(tmp(), "doc/ex01.request.json", fixtureFile(createCallRequest(), ["create-call-request"]));
    const text = await run(["validate", "doc"], { cwd: tmp() });
    expect(text.lines).toEqual([
      "doc/document.json: valid (nothing to validate: a document manifest, it lists fixtures and has no payload)",
      "doc/ex01.request.json: valid (create-call-request, claimed by the fixture)",
      "2 files: 2 valid, 0 invalid",
    ]);
    expect(text.code).toBe(0);
    const json = await run(["validate", "--format", "json", "doc/document.json"], { cwd: tmp() });
    expect(JSON.parse(json.stdout)).toEqual({ files: [{ path: "doc/document.json", schemas: [] }], summary: { files: 1, valid: 1, invalid: 0 } });
  });
});

describe("validate: directories", () => {
  const tmp = useTempDir();

  it("recursively, *.json only, in code-point order whatever the creation order", async () => {
    put(tmp(), "in/z.json", transferRequest());
    put(tmp(), "in/sub/deeper/n.json", callStateNotification());
    put(tmp(), "in/a.json", createCallRequest());
    put(tmp(), "in/B.json", createCallRequest());
    put(tmp(), "in/sub.json", transferRequest());
    put(tmp(), "in/notes.txt", "ignored");
    put(tmp(), "in/data.json.bak", "ignored");
    const r = await run(["validate", "in"], { cwd: tmp() });
    expect(r.lines.map((l) => l.slice(0, l.indexOf(":")))).toEqual(["in/B.json", "in/a.json", "in/sub.json", "in/sub/deeper/n.json", "in/z.json", "5 files"]);
    expect(r.code).toBe(0);
  });

  it("paths are shown as given, joined with the path inside the directory", async () => {
    put(tmp(), "in/a.json", createCallRequest());
    const r = await run(["validate", "./in/", path.join(tmp(), "in")], { cwd: tmp() });
    expect(r.lines).toEqual([
      `in/a.json: valid (${CALL_REQUEST})`,
      `${path.join(tmp(), "in", "a.json")}: valid (${CALL_REQUEST})`,
      "2 files: 2 valid, 0 invalid",
    ]);
  });

  it("a file named explicitly is validated whatever its extension", async () => {
    put(tmp(), "request.txt", createCallRequest());
    const r = await run(["validate", "request.txt"], { cwd: tmp() });
    expect(r.code).toBe(0);
  });
});

describe("validate --format json", () => {
  const tmp = useTempDir();

  it("one stable object on stdout and nothing else: files with schemas (and error), then the summary", async () => {
    put(tmp(), "ok.json", transferRequest());
    put(tmp(), "typo.json", createCallRequestWithTypo());
    put(tmp(), "broken.json", "{");
    const r = await run(["validate", "--format", "json", "ok.json", "typo.json", "broken.json"], { cwd: tmp() });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("");
    expect(r.stdout.endsWith("}\n")).toBe(true);
    expect(JSON.parse(r.stdout)).toEqual({
      files: [
        { path: "ok.json", schemas: [{ schema: "transfer-request", detected: true, reason: "transferTarget/transferee parameters", valid: true, errors: [] }] },
        {
          path: "typo.json",
          schemas: [
            {
              schema: "create-call-request",
              detected: true,
              reason: "a call without the properties Graph sets",
              valid: false,
              errors: [
                { pointer: "/callbackURL", rule: "additionalProperties", message: 'unknown property "callbackURL" (did you mean "callbackUri"?)' },
                { pointer: "/callbackUri", rule: "required", message: 'missing required property "callbackUri"' },
              ],
            },
          ],
        },
        { path: "broken.json", schemas: [], error: "invalid JSON at line 1, column 2: unexpected end of input (expected a property name in double quotes or '}')" },
      ],
      summary: { files: 3, valid: 1, invalid: 2 },
    });
  });

  it("keys come in a fixed order, so the output diffs cleanly", async () => {
    put(tmp(), "fx.json", fixtureFile(transferRequest(), ["transfer-request"]));
    const r = await run(["validate", "--format=json", "fx.json"], { cwd: tmp() });
    expect(r.stdout).toBe(
      [
        "{",
        '  "files": [',
        "    {",
        '      "path": "fx.json",',
        '      "schemas": [',
        "        {",
        '          "schema": "transfer-request",',
        '          "detected": false,',
        '          "reason": "claimed by the fixture",',
        '          "valid": true,',
        '          "errors": []',
        "        }",
        "      ]",
        "    }",
        "  ],",
        '  "summary": {',
        '    "files": 1,',
        '    "valid": 1,',
        '    "invalid": 0',
        "  }",
        "}",
        "",
      ].join("\n"),
    );
    expect(r.code).toBe(0);
  });
});

describe("validate: usage errors (exit 2, stderr only)", () => {
  it.each([
    [[], "no input given: name JSON files, directories, or - for stdin"],
    [["--format", "yaml", "x.json"], '--format must be text or json (got "yaml")'],
    [["--as"], "Option '--as <value>' argument missing"],
    [["--strict", "x.json"], "Unknown option '--strict'"],
  ])("validate %j", async (args, message) => {
    const r = await run(["validate", ...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.split("\n")).toHaveLength(2); // one line
    expect(r.stderr).toContain(`graph-calls-contract validate: ${message}`);
    expect(r.stderr.trimEnd().endsWith(USAGE_HINT)).toBe(true);
  });

  it("a path that starts with a dash can follow --", async () => {
    const dir = fs.mkdtempSync(path.join(fs.realpathSync("/tmp"), "graph-calls-contract-dash-"));
    try {
      put(dir, "-odd.json", transferRequest());
      const r = await run(["validate", "--", "-odd.json"], { cwd: dir });
      expect(r.lines[0]).toBe("-odd.json: valid (transfer-request, detected: transferTarget/transferee parameters)");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
