/**
 * The independent bot (implementations/independent/bot.mjs: plain JavaScript, event-sourced, written from
 * README.md and PROTOCOL.md without reading the reference) passes every conformance check except the suite
 * defects it found, each declared in its known-defects.json and argued in DISAGREEMENTS.md. When the suite is
 * fixed, the run fails with "unexpected pass" and the entry must go, so the list cannot go stale. Also: its
 * decisions where PROTOCOL.md is silent, which no check covers yet, are pinned on its pure reduction.
 * Runs the built CLI as a user does, so it needs `npm run build` first.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { describeRun, leftovers, ROOT, runCommand } from "./command-run.js";

const BOT_DIR = path.join(ROOT, "implementations/independent");
const KNOWN_DEFECTS_FILE = path.join(BOT_DIR, "known-defects.json");

interface KnownDefect {
  checks: string;
  reason: string;
}

/** `graph-calls-contract run --command <the bot> --known-defects <its file>`, watching the processes it starts. */
function runConformance(marker: string) {
  // The bot ignores its arguments: the marker only tags this run's processes, so orphans can be found.
  const command = `node implementations/independent/bot.mjs --conformance-run=${marker}`;
  return runCommand({ command, marker, isBot: /bot\.mjs/, extraArgs: ["--known-defects", KNOWN_DEFECTS_FILE] });
}

const knownDefects = JSON.parse(fs.readFileSync(KNOWN_DEFECTS_FILE, "utf8")) as KnownDefect[];

describe("independent bot (implementations/independent)", () => {
  beforeAll(() => {
    if (!fs.existsSync(path.join(ROOT, "dist/src/cli/main.js"))) {
      throw new Error("dist/ has no CLI: run `npm run build` before this suite (it runs the built CLI)");
    }
  });

  it("declares only suite defects, each argued in DISAGREEMENTS.md", () => {
    const disagreements = fs.readFileSync(path.join(BOT_DIR, "DISAGREEMENTS.md"), "utf8");
    // Empty once the suite is fixed: then there is nothing left to argue.
    for (const d of knownDefects) {
      // A bug of the bot is fixed, never declared: only the suite's mistakes may be listed.
      expect(d.reason, d.checks).toMatch(/^suite defect: /);
      const ref = /see DISAGREEMENTS\.md, (D\d+)\)$/.exec(d.reason)?.[1];
      expect(ref, `${d.checks}: the reason must end with (see DISAGREEMENTS.md, D<n>)`).toBeDefined();
      expect(disagreements, `${ref} is not a heading of DISAGREEMENTS.md`).toMatch(new RegExp(`^## ${ref}\\b`, "m"));
      expect(disagreements, `DISAGREEMENTS.md does not name the check ${d.checks}`).toContain(`\`${d.checks}\``);
    }
  });

  it("passes every conformance check but its declared suite defects, and leaves no process behind", async () => {
    const marker = randomUUID();
    const run = await runConformance(marker);
    const report = describeRun(run);

    expect(run.code, report).toBe(0);
    expect(run.stdout, report).not.toMatch(/^Root causes/m); // a failing run leads stdout with its root causes
    expect(run.stdout, report).toMatch(/^\d+ passed, 0 failed(, \d+ known defects?)? in .* \(seed 1\)$/m);
    expect(run.checks.length, report).toBeGreaterThan(300);
    expect(run.checks.filter((c) => c.status === "failed" || c.status === "error").map((c) => `${c.id}: ${c.message}`), report).toEqual([]);
    // Each entry still fails as declared (an entry matching nothing, or passing, would have failed the run);
    // and nothing else is excused.
    const known = run.checks.filter((c) => c.status === "known");
    expect(new Set(known.map((c) => c.knownDefect))).toEqual(new Set(knownDefects.map((d) => d.reason)));
    expect(run.checks.filter((c) => c.status === "passed").length, report).toBe(run.checks.length - known.length);

    expect(run.seen.size, "no process of the bot was ever seen: the orphan check would prove nothing").toBeGreaterThan(0);
    const alive = await leftovers(marker, 3000);
    expect(alive, "processes of the run outlived it").toEqual([]);
  }, 180_000); // a hang bound: a whole run through node processes, 16 s at load 10 on two cores
});

// Its decisions where PROTOCOL.md is silent or the suite has no check yet (see its README, "Ambiguities").
const { eventOf, observe } = (await import(pathToFileURL(path.join(BOT_DIR, "events.mjs")).href)) as {
  eventOf: (item: unknown) => ({ callId: string } & Record<string, unknown>) | null;
  observe: (log: unknown[]) => Record<string, unknown>;
};

describe("independent bot: its reduction", () => {
  const CALL = "/communications/calls/c1";
  const item = (resourceUrl: string, resourceData: unknown, changeType = "updated") => ({ changeType, resourceUrl, resourceData });
  const fold = (...items: unknown[]) => observe(items.map(eventOf).filter((e) => e !== null));
  const call = (data: object, changeType?: string) => item(CALL, { "@odata.type": "#microsoft.graph.call", ...data }, changeType);

  it("reads resultInfo codes written as strings, and both spellings of the sub-code", () => {
    expect(fold(call({ state: "terminated", resultInfo: { code: "200", subcode: "5001" } })).result).toEqual({ code: 200, subcode: 5001 });
    expect(fold(call({ state: "terminated", resultInfo: { code: 0, subCode: 7015 } })).result).toEqual({ code: 0, subcode: 7015 });
    expect(fold(call({ state: "terminated", resultInfo: { code: "zero" } })).result).toBeNull();
  });

  it("keeps a terminated call terminated, filling in only what its first terminal notification left out", () => {
    const o = fold(call({ state: "terminated" }), call({ resultInfo: { code: 0 }, terminationReason: "x" }, "deleted"), call({ state: "established", resultInfo: { code: 500 } }));
    expect(o).toMatchObject({ state: "terminated", result: { code: 0, subcode: null }, terminationReason: "x" });
  });

  it("does not read a failed transfer out of a terminated call, nor a transfer out of an ordinary termination", () => {
    expect(fold(call({ state: "established" }), call({ state: "terminated", resultInfo: { code: 0, subcode: 5000 } }, "deleted")).transfer).toBe("none");
    expect(fold(call({ state: "transferring" }), call({ state: "established", resultInfo: { code: 500 } }), call({ state: "terminated" }, "deleted")).transfer).toBe("failed");
  });

  it("routes the deprecated resource path, a per-session content sharing URL, and ignores operations", () => {
    expect(eventOf({ changeType: "updated", resource: "/app/calls/c2", resourceData: { state: "established" } })).toMatchObject({ callId: "c2", kind: "call" });
    expect(fold(item(`${CALL}/contentSharingSessions/s1`, null, "created"))).toMatchObject({ contentSharingSessions: ["s1"] });
    expect(eventOf(item(`${CALL}/operations/op1`, { "@odata.type": "#microsoft.graph.playPromptOperation", status: "completed" }))).toBeNull();
  });

  it("orders delta updates per participant, Int64 strings included, and skips invited participants without an id", () => {
    const delta = (seq: number, participants: object[]) => item(`${CALL}/participants`, [{ "@odata.type": "#microsoft.graph.deltaParticipants", sequenceNumber: seq, participants }]);
    const o = fold(
      delta(2, [{ id: "p1", rosterSequenceNumber: "2", removedState: { reason: "left" } }]),
      delta(1, [{ id: "p1", rosterSequenceNumber: "1" }, { id: null, info: { "@odata.type": "#microsoft.graph.invitationParticipantInfo" } }]),
      delta(3, [{ id: "p2" }]),
    );
    expect(o.participants).toEqual(["p2"]);
  });
});
