/** Load sequences and resolve their steps to bound notification bodies. */
import fs from "node:fs";
import path from "node:path";
import { FIXTURES_DIR } from "../util/paths.js";
import { isObject, type JsonValue } from "../util/json.js";
import type { DocumentedFixture, WireShapeFixture } from "../fixtures/model.js";
import { loadDocumentedFixtures, loadWireShapeFixtures } from "../fixtures/load.js";
import type { Scenario } from "../scenarios/model.js";
import { applyPatch } from "./patch.js";
import { callOf, isNotificationStep, OWN_CALL, type Sequence, type Step } from "./model.js";
import { EMPTY_OBSERVATION, isAnyOf, type ExpectedObservation } from "../harness/observation.js";

export function loadSequences(root = FIXTURES_DIR): Sequence[] {
  return readDir<Sequence>(path.join(root, "sequences"));
}

export function loadScenarios(root = FIXTURES_DIR): Scenario[] {
  return readDir<Scenario>(path.join(root, "scenarios"));
}

function readDir<T>(dir: string): T[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort().map((f) => {
    try {
      return JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as T;
    } catch (e) {
      throw new Error(`${path.join(dir, f)}: not valid JSON: ${(e as Error).message}`);
    }
  });
}

/** The notifications of these fixtures (documented, or shapes Graph sends: fixtures/wire-shapes) by fixture id. */
export function notificationIndex(fixtures: ReadonlyArray<{ data: DocumentedFixture | WireShapeFixture }>): Map<string, JsonValue> {
  const index = new Map<string, JsonValue>();
  for (const { data } of fixtures) if (data.provenance.role === "notification" && data.payload !== null) index.set(data.id, data.payload);
  return index;
}

/** Every notification a sequence may deliver: the documented ones, and the shapes Graph sends that the seeds do not show. */
export function loadNotifications(root = FIXTURES_DIR): Map<string, JsonValue> {
  return notificationIndex([...loadDocumentedFixtures(root), ...loadWireShapeFixtures(root)]);
}

/** The body a notification step delivers (before binding): the documented payload, patched if the step says. */
export function stepBody(step: Extract<Step, { notification: string }>, notifications: ReadonlyMap<string, JsonValue>, sequenceId: string): JsonValue {
  const documented = notifications.get(step.notification);
  if (documented === undefined) throw new Error(`sequence ${sequenceId}, step ${step.id}: no notification fixture ${step.notification}`);
  try {
    return step.patch ? applyPatch(documented, step.patch) : documented;
  } catch (e) {
    throw new Error(`sequence ${sequenceId}, step ${step.id}: ${(e as Error).message}`);
  }
}

/** Structural problems of a sequence file, for the suite and for a clear error before running. */
export function sequenceProblems(seq: Sequence, scenarios: ReadonlyArray<Scenario>, notifications: ReadonlyMap<string, JsonValue>): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const step of seq.steps) {
    if (ids.has(step.id)) problems.push(`step id ${step.id} is used twice`);
    ids.add(step.id);
    if (isNotificationStep(step)) {
      try {
        const body = stepBody(step, notifications, seq.id);
        if (!isObject(body) || !Array.isArray(body.value)) problems.push(`step ${step.id}: the body is not a commsNotifications object`);
      } catch (e) {
        problems.push((e as Error).message);
      }
    } else if (!seq.transfer) {
      problems.push(`step ${step.id} transfers, but the sequence names no transfer scenario`);
    }
  }
  const call = scenarios.find((s) => s.id === seq.call);
  if (!call || call.intent.operation !== "create-call") problems.push(`call scenario ${seq.call} is not a create-call scenario`);
  if (seq.transfer && scenarios.find((s) => s.id === seq.transfer)?.intent.operation !== "transfer") problems.push(`transfer scenario ${seq.transfer} is not a transfer scenario`);
  problems.push(...callProblems(seq, scenarios));
  for (const step of seq.steps) if (step.expect) problems.push(...expectationProblems(`step ${step.id}`, step.expect));
  problems.push(...expectationProblems("end", seq.end));
  for (const [name, expected] of Object.entries(seq.ends ?? {})) problems.push(...expectationProblems(`end of call ${name}`, expected));
  if (seq.v1) {
    if (!(seq.v1.because?.length > 20)) problems.push("v1 must say, in because, why protocol version 1 is held to something else");
    for (const [id, expected] of Object.entries(seq.v1.steps ?? {})) {
      if (!seq.steps.some((s) => s.id === id && s.expect)) problems.push(`v1 names step ${id}, which expects nothing`);
      problems.push(...expectationProblems(`v1 step ${id}`, expected));
    }
    if (seq.v1.end) problems.push(...expectationProblems("v1 end", seq.v1.end));
  }
  for (const group of seq.unordered ?? []) {
    for (const id of group.steps) {
      const step = seq.steps.find((s) => s.id === id);
      if (!step) problems.push(`unordered group names an unknown step ${id}`);
      else if (!isNotificationStep(step)) problems.push(`unordered group names ${id}, which is not a notification step`);
    }
  }
  return problems;
}

/** Every call a sequence names exists, is created from a create-call scenario or never created, and each further call has its end. */
function callProblems(seq: Sequence, scenarios: ReadonlyArray<Scenario>): string[] {
  const problems: string[] = [];
  const names = new Set([OWN_CALL, ...Object.keys(seq.calls ?? {})]);
  for (const [name, other] of Object.entries(seq.calls ?? {})) {
    if (name === OWN_CALL) problems.push(`calls: "${OWN_CALL}" names the sequence's own call and cannot name a further one`);
    if (other.scenario !== undefined && scenarios.find((s) => s.id === other.scenario)?.intent.operation !== "create-call") problems.push(`call ${name}: scenario ${other.scenario} is not a create-call scenario`);
    if (!(other.why?.length > 10)) problems.push(`call ${name} must say why the sequence has it`);
    if (!seq.ends?.[name]) problems.push(`call ${name} has no end expectation (ends.${name})`);
  }
  for (const name of Object.keys(seq.ends ?? {})) if (!seq.calls?.[name]) problems.push(`ends names ${name}, which is not a call of the sequence`);
  for (const step of seq.steps) {
    if (step.call !== undefined && !names.has(step.call)) problems.push(`step ${step.id} is about call ${step.call}, which the sequence does not have`);
    if (!isNotificationStep(step) && step.replacesCall !== undefined) {
      if (!names.has(step.replacesCall)) problems.push(`step ${step.id} replaces call ${step.replacesCall}, which the sequence does not have`);
      else if (step.replacesCall === callOf(step)) problems.push(`step ${step.id} transfers call ${step.replacesCall} replacing itself`);
    }
  }
  return problems;
}

/** An expectation names only observation fields, and a set of accepted values has at least two. */
function expectationProblems(where: string, expected: ExpectedObservation): string[] {
  return Object.entries(expected).flatMap(([field, value]) => {
    if (!Object.hasOwn(EMPTY_OBSERVATION, field)) return [`${where}: ${field} is not a field of the observation`];
    if (isAnyOf(value) && value.anyOf.length < 2) return [`${where}: ${field} accepts any of fewer than two values`];
    return [];
  });
}
