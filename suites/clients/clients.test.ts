/**
 * The client libraries (implementations/clients/) through the whole conformance run, property-based
 * deliveries included: no check fails, the checks a library fails are exactly those its known
 * defects name, each with a reason naming the library's version; and each adapter is shown to be
 * no empty shell: the same library, not given the bearer token, fails every Authorization check.
 * teams.graph-endpoints' typing defects each have a compiler probe (teams-graph-endpoints-typing.ts).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { CLIENTS, type ClientModule } from "../../implementations/clients/index.js";
import { LibraryBot } from "../../implementations/clients/library-bot.js";
import type { BotUnderTest } from "../../src/harness/adapter.js";
import { isRoot, type CheckResult } from "../../src/harness/checks.js";
import { applyKnownDefects } from "../../src/harness/known-defects.js";
import { runConformance, type RunResult } from "../../src/harness/run.js";
import { TYPING_PROBES } from "./teams-graph-endpoints-typing.js";
import { UNHURRIED } from "../hang-detectors.js";

const SEED = 1;
/** A few delivery plans per sequence: enough to show the notification side is the reference's. */
const RUNS = 3;

/** A run with no known defects applied: what the library really fails (its limits only detect hangs: the library is judged, not timed). */
function runWithoutKnownDefects(name: string, createBot: () => BotUnderTest, only?: string): Promise<RunResult> {
  const { deliveries, ...limits } = UNHURRIED;
  return runConformance({
    adapter: { createBot },
    adapterName: name,
    seed: SEED,
    runs: RUNS,
    ...limits,
    knownDefects: [],
    ...(only ? { only } : { deliveries }),
  });
}

const ids = (checks: readonly CheckResult[]) => checks.map((c) => c.id).sort();
const failing = (checks: readonly CheckResult[]) => checks.filter(isRoot);

const raws = new Map<string, RunResult>();
beforeAll(async () => {
  for (const client of CLIENTS) raws.set(client.library.id, await runWithoutKnownDefects(client.name, client.createBot));
}, 300_000); // three full runs: seconds alone, minutes beside other suites on two shared cores

describe.each(CLIENTS.map((client) => [client.name, client] as const))("%s", (_name, client: ClientModule) => {
  let raw: RunResult;
  beforeAll(() => {
    raw = raws.get(client.library.id)!;
  });

  it("runs every scenario and sequence, deliveries and receiver checks included, and fails no check once its known defects apply", () => {
    expect(raw.checks.length).toBeGreaterThan(300);
    expect(new Set(raw.checks.map((c) => c.group))).toEqual(new Set(["run", "requests", "sequences", "deliveries", "receiver"]));
    const judged = applyKnownDefects(raw.checks, client.knownDefects);
    expect(failing(judged).map((c) => `${c.id}: ${c.message}`)).toEqual([]);
  });

  it("fails exactly the checks its known defects name", () => {
    const judged = applyKnownDefects(raw.checks, client.knownDefects);
    expect(ids(judged.filter((c) => c.status === "known"))).toEqual(ids(failing(raw.checks)));
  });

  it("gives each known defect and typing defect a specific reason, naming the library and its version", () => {
    for (const { reason } of [...client.knownDefects, ...client.typingDefects]) {
      expect(reason).toContain(`${client.library.package} ${client.version}`);
      expect(reason.length, reason).toBeGreaterThan(120);
    }
  });

  it("is no empty shell: the same library, not given the bearer token, fails every Authorization check", async () => {
    const tokenless = () => new LibraryBot((env) => client.library.connect({ ...env, accessToken: "" }));
    const run = await runWithoutKnownDefects(`${client.name} without a token`, tokenless, "create-call.*");
    const authorization = run.checks.filter((c) => c.id.endsWith("/http.authorization"));
    expect(authorization).toHaveLength(10);
    // Each library in its own way: no header, "Bearer" alone (failed), or a refusal to send at all (blocked by http.sent, which failed).
    const byId = new Map(run.checks.map((c) => [c.id, c]));
    for (const check of authorization) {
      const root = check.status === "blocked" ? byId.get(check.blockedBy!) : check;
      expect([root?.id.replace(/^.*\//, ""), root?.status], `${check.id}: ${check.message}`).toEqual([check.status === "blocked" ? "http.sent" : "http.authorization", "failed"]);
    }
    for (const check of run.checks.filter((c) => c.id.endsWith("/result.call-id"))) expect(check.status, check.id).not.toBe("passed");
  });
});

describe("a known defect that no longer happens", () => {
  it("fails the run as an unexpected pass: msgraph-sdk's defects on microsoft-graph-client, which sends what the SDK loses", () => {
    const sdk = CLIENTS.find((c) => c.library.id === "msgraph-sdk")!;
    const judged = applyKnownDefects(raws.get("microsoft-graph-client")!.checks, sdk.knownDefects);
    const unexpected = failing(judged);
    // Every check the SDK's list excuses passes here, so each is an unexpected pass.
    const excused = applyKnownDefects(raws.get("msgraph-sdk")!.checks, sdk.knownDefects).filter((c) => c.status === "known");
    expect(unexpected.map((c) => c.id).sort()).toEqual(excused.map((c) => c.id).sort());
    for (const check of unexpected) expect(check.message, check.id).toMatch(/^unexpected pass: this known defect no longer happens/);
  });
});

describe("@microsoft/teams.graph-endpoints typing defects", () => {
  const teams = CLIENTS.find((c) => c.library.id === "teams-graph-endpoints")!;

  it("has a compiler probe for each entry of typing-defects.json, and an entry for each probe", () => {
    expect(teams.typingDefects.map((d) => d.id).sort()).toEqual(Object.keys(TYPING_PROBES).sort());
  });

  it("are the only ones: no other library lists any", () => {
    expect(CLIENTS.filter((c) => c.typingDefects.length > 0).map((c) => c.library.id)).toEqual(["teams-graph-endpoints"]);
  });
});
