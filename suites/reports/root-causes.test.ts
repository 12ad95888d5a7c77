/**
 * Root causes: roots with the same kind and diagnosis are one cause, every blocked check is folded
 * under the cause of the root it leads back to. The cascade case (mediaConfig without
 * @odata.type) is one cause with every other non-passing check under it.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { blocked, errored, failed, passed, type CheckBase, type CheckResult } from "../../src/harness/checks.js";
import { UNHURRIED } from "../hang-detectors.js";
import { runConformance, type RunResult } from "../../src/harness/run.js";
import { causeHeadline, countByGroup, rootCausesOf } from "../../src/reports/root-causes.js";
import { variant as mediaConfigWithoutOdataType } from "../../implementations/faulty/media-config-without-odata-type.js";

const base = (id: string, group: CheckBase["group"] = "requests"): CheckBase => ({ id, group, subject: id.split("/")[0]!, title: id });
const schemaFail = (scenario: string, first: string) => failed(base(`${scenario}/schema`), "1 schema error(s)", [first]);

describe("rootCausesOf", () => {
  it("makes one cause of roots of one kind with one diagnosis, ids made generic, and folds blocked checks under it", () => {
    const checks: CheckResult[] = [
      passed(base("a/http.sent")),
      schemaFail("a", "/mediaConfig/@odata.type: missing"),
      blocked(base("a/result.call-id"), "a/schema", "Graph answered 400"),
      schemaFail("b", "/mediaConfig/@odata.type: missing"),
      blocked(base("t/result.accepted"), "a/result.call-id", "no call"),
      failed(base("sequence.s/acks", "sequences"), "POST 3 was answered 500 (call 0b0e9f1c-1111-4222-8333-444455556666)"),
      failed(base("sequence.u/acks", "sequences"), "POST 5 was answered 500 (call 9e0e9f1c-1111-4222-8333-444455556666)"),
      errored(base("sequence.v/acks", "sequences"), "timeout", "POST 5 was answered 500 (call 9e0e9f1c-1111-4222-8333-444455556666)"),
    ];
    const { causes, blockedByKnown } = rootCausesOf(checks);
    expect(blockedByKnown).toEqual([]);
    expect(causes.map((c) => [c.number, c.kind, c.status, c.roots.map((r) => r.id), c.blocked.map((b) => b.id)])).toEqual([
      [1, "schema", "failed", ["a/schema", "b/schema"], ["a/result.call-id", "t/result.accepted"]],
      [2, "acks", "failed", ["sequence.s/acks", "sequence.u/acks"], []],
      [3, "acks", "error", ["sequence.v/acks"], []],
    ]);
    expect(causes[1]!.diagnosis).toBe("POST <n> was answered 500 (call <id>)");
    expect(causeHeadline(causes[0]!)).toBe("schema: /mediaConfig/@odata.type: missing (2 checks failed, 2 blocked)");
    expect(causeHeadline(causes[2]!)).toBe("acks: POST <n> was answered 500 (call <id>) (1 error)");
  });

  it("keeps blocked checks whose root is not in the results under the id they name, and those blocked by a known defect apart", () => {
    const known: CheckResult = { ...failed(base("k/schema"), "bad"), status: "known", knownDefect: "we know" };
    const { causes, blockedByKnown } = rootCausesOf([
      blocked(base("x/result.call-id"), "x/schema", "Graph answered 400"),
      known,
      blocked(base("k/result.call-id"), "k/schema", "Graph answered 400"),
    ]);
    expect(causes).toHaveLength(1);
    expect(causes[0]).toMatchObject({ outside: "x/schema", roots: [], kind: "schema" });
    expect(causeHeadline(causes[0]!)).toBe("schema: Graph answered 400 (blocked by x/schema, which is not in this report, 1 blocked)");
    expect(blockedByKnown.map((c) => c.id)).toEqual(["k/result.call-id"]);
  });
});

describe("the cascade case: mediaConfig without @odata.type", () => {
  let result: RunResult;
  beforeAll(async () => {
    result = await runConformance({ adapter: mediaConfigWithoutOdataType, adapterName: mediaConfigWithoutOdataType.id, seed: 1, runs: 2, ...UNHURRIED });
  }, 120_000);

  it("is one root cause, the schema error Graph's 400 names, with every check that did not pass folded under it", () => {
    const { causes } = rootCausesOf(result.checks);
    expect(causes).toHaveLength(1);
    const [cause] = causes;
    expect(cause!.kind).toBe("schema");
    expect(cause!.diagnosis).toMatch(/^\/mediaConfig\/@odata\.type: missing "@odata\.type"/);
    expect(cause!.roots.length).toBe(result.checks.filter((c) => c.status === "failed").length);
    expect(cause!.roots.length).toBeGreaterThan(1);
    expect(cause!.blocked.length).toBe(result.checks.filter((c) => c.status === "blocked").length);
    expect(countByGroup(cause!.blocked)).toMatch(/^\d+ requests, \d+ sequences, \d+ deliveries(, \d+ receiver)?$/);
    expect(cause!.roots[0]!.request?.body).toMatchObject({ mediaConfig: {} });
  });
});
