/** The scenario and sequence data are consistent with the documents and with each other. */
import { describe, expect, test } from "vitest";
import { loadDocumentedFixtures } from "../../src/fixtures/load.js";
import { deriveCreateCall, deriveTransfer } from "../../src/scenarios/derive.js";
import { loadNotifications, loadScenarios, loadSequences, notificationIndex, sequenceProblems, stepBody } from "../../src/sequences/load.js";
import { isNotificationStep } from "../../src/sequences/model.js";
import { loadContract } from "../../src/index.js";
import { createCallBody, transferBody } from "../../implementations/reference/requests.js";

const fixtures = loadDocumentedFixtures();
const documented = notificationIndex(fixtures);
/** What sequences may deliver: the documented notifications and the wire shapes. */
const notifications = loadNotifications();
const scenarios = loadScenarios();
const sequences = loadSequences();
const contract = loadContract();

describe("scenarios", () => {
  test("every documented Create call and transfer request is the source of a scenario", () => {
    const requests = fixtures.filter(({ data }) => data.provenance.role === "request" && data.schemas.some((s) => s === "create-call-request" || s === "transfer-request"));
    const covered = new Set(scenarios.flatMap((s) => s.from));
    expect(requests.length).toBeGreaterThanOrEqual(20);
    expect(requests.map((r) => r.data.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  test.each(scenarios.map((s) => [s.id, s] as const))("%s: the reference builds a body that derives back to the same intent", (_id, scenario) => {
    const intent = scenario.intent;
    const derived = intent.operation === "create-call" ? deriveCreateCall(createCallBody(intent, "https://bot.example/cb")) : deriveTransfer(transferBody(intent));
    expect(derived).toEqual(intent);
  });
});

describe("sequences", () => {
  test.each(sequences.map((s) => [s.id, s] as const))("%s is well formed", (_id, sequence) => {
    expect(sequenceProblems(sequence, scenarios, notifications)).toEqual([]);
    for (const group of sequence.unordered ?? []) expect(group.because.length).toBeGreaterThan(20);
  });

  test.each(sequences.flatMap((s) => s.steps.filter(isNotificationStep).map((step) => [`${s.id} / ${step.id}`, s, step] as const)))(
    "%s delivers a notification the contract accepts",
    (_name, sequence, step) => {
      const result = contract.validate("notification", stepBody(step, notifications, sequence.id));
      expect(result.errors).toEqual([]);
    },
  );

  test("every documented notification is delivered by at least one sequence", () => {
    const used = new Set(sequences.flatMap((s) => s.steps.filter(isNotificationStep).map((step) => step.notification)));
    expect([...documented.keys()].filter((id) => !used.has(id))).toEqual([]);
  });

  test("the sequences cover the flows the docs show", () => {
    const ids = sequences.map((s) => s.id);
    for (const wanted of ["outgoing-call-lifecycle", "group-call", "join-meeting-full-roster", "delta-roster", "content-sharing", "transfer-1-completed", "transfer-2-completed", "transfer-1-failed", "call-terminated"]) {
      expect(ids).toContain(wanted);
    }
  });
});
