/**
 * Payloads with "__proto__", "constructor" and "prototype" keys: they are data like any other key.
 * Validating them must not change any prototype, must not steer detection or fixture recognition,
 * and a strict schema reports them as unknown properties.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { put, run, useTempDir } from "./helpers.js";
import { callStateNotification, createCallRequest, fixtureFile, transferRequest } from "./payloads.js";

/** JSON text with a "__proto__" key: JSON.stringify cannot write one from an object literal, so splice it in. */
function withKey(payload: object, key: string, value: unknown): string {
  const rest = JSON.stringify(payload).slice(1);
  return `{${JSON.stringify(key)}:${JSON.stringify(value)}${rest === "}" ? "" : ","}${rest}`;
}

const POISON = { polluted: true, toString: "polluted", hasOwnProperty: "polluted" };

function describeBuiltins() {
  const snapshot = (o: object) =>
    Object.getOwnPropertyNames(o).sort().map((name) => {
      const d = Object.getOwnPropertyDescriptor(o, name)!;
      return [name, d.value, d.get, d.set, d.writable, d.enumerable, d.configurable];
    });
  return {
    object: snapshot(Object.prototype),
    array: snapshot(Array.prototype),
    func: snapshot(Function.prototype),
    objectProtoOfProto: Object.getPrototypeOf(Object.prototype),
  };
}

describe("validate: prototype keys in payloads", () => {
  const tmp = useTempDir();
  let before: ReturnType<typeof describeBuiltins>;
  beforeAll(() => {
    before = describeBuiltins();
  });
  afterAll(() => {
    // The whole suite, including JSON output and fixtures, left every built-in prototype as it was.
    expect(describeBuiltins()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a "__proto__" key in a request is an unknown property like any other', async () => {
    put(tmp(), "req.json", withKey(createCallRequest(), "__proto__", POISON));
    const r = await run(["validate", "req.json"], { cwd: tmp() });
    expect(r.lines).toEqual([
      "req.json: invalid (create-call-request, detected: a call without the properties Graph sets)",
      'req.json: /__proto__: unknown property "__proto__" (additionalProperties)',
      "1 file: 0 valid, 1 invalid",
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(describeBuiltins()).toEqual(before);
  });

  it('"constructor" and "prototype" keys, at the root and nested, are unknown properties too', async () => {
    const request = createCallRequest();
    const target = JSON.parse(withKey(request.targets[0]!, "constructor", { prototype: POISON })) as Record<string, unknown>;
    put(tmp(), "req.json", withKey({ ...request, targets: [target] }, "prototype", POISON));
    const r = await run(["validate", "req.json"], { cwd: tmp() });
    expect(r.lines).toEqual([
      "req.json: invalid (create-call-request, detected: a call without the properties Graph sets)",
      'req.json: /prototype: unknown property "prototype" (additionalProperties)',
      'req.json: /targets/0/constructor: unknown property "constructor" (additionalProperties)',
      "1 file: 0 valid, 1 invalid",
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("prototype keys inside a tolerant notification and in JSON output leave prototypes alone", async () => {
    const notification = callStateNotification();
    const data = JSON.parse(withKey(notification.value[0]!.resourceData, "__proto__", POISON)) as Record<string, unknown>;
    const text = withKey({ ...notification, value: [{ ...notification.value[0]!, resourceData: data }] }, "__proto__", { value: [] });
    put(tmp(), "n.json", text);
    const r = await run(["validate", "--format", "json", "n.json", "-"], { cwd: tmp(), stdin: text });
    const report = JSON.parse(r.stdout) as { files: Array<{ path: string; schemas: Array<{ schema: string }> }> };
    expect(report.files.map((f) => [f.path, f.schemas.map((s) => s.schema)])).toEqual([
      ["n.json", ["notification"]],
      ["<stdin>", ["notification"]],
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(describeBuiltins()).toEqual(before);
  });

  it('a "__proto__" key does not steer detection: its contents are not the payload\'s properties', async () => {
    put(tmp(), "hidden.json", withKey({}, "__proto__", transferRequest()));
    const r = await run(["validate", "hidden.json"], { cwd: tmp() });
    expect(r.lines[0]).toBe(
      "hidden.json: error: no schema detected: cannot tell which schema applies (no @odata.type, no value, callbackUri, targets, transferTarget or participant info); name one with --as <schema>",
    );
  });

  it('a fixture\'s keys under "__proto__" do not make a file a fixture', async () => {
    put(tmp(), "fake-fixture.json", withKey(transferRequest(), "__proto__", fixtureFile(createCallRequest(), ["create-call-request"])));
    const r = await run(["validate", "fake-fixture.json"], { cwd: tmp() });
    expect(r.lines.slice(0, 2)).toEqual([
      "fake-fixture.json: invalid (transfer-request, detected: transferTarget/transferee parameters)",
      'fake-fixture.json: /__proto__: unknown property "__proto__" (additionalProperties)',
    ]);
  });

  it("a fixture whose payload carries prototype keys: reported, nothing polluted", async () => {
    const payload = JSON.parse(withKey(transferRequest(), "__proto__", POISON)) as unknown;
    put(tmp(), "fx.json", fixtureFile(payload, ["transfer-request"]));
    const r = await run(["validate", "fx.json"], { cwd: tmp() });
    expect(r.lines.slice(0, 2)).toEqual([
      "fx.json: invalid (transfer-request, claimed by the fixture)",
      'fx.json: /__proto__: unknown property "__proto__" (additionalProperties)',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
