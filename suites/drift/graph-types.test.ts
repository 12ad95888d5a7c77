/**
 * Drift check: Microsoft's own type packages (@microsoft/microsoft-graph-types for v1.0, -beta), generated
 * from Graph's metadata, are the second source of truth. Every property, enum member and type of the
 * calling surface is in our schemas or decided (schemas/source/graph-types-decisions.json, with the
 * reason); when a package is bumped, the surface snapshot says what changed.
 *
 * GRAPH_TYPES_SURFACE=write npx vitest run suites/drift   rewrites graph-types-surface.json after a bump.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { readGraphTypes } from "./graph-types.js";
import { SchemaSources, walkSurface, type DriftDecisions, type Fact } from "./surface.js";
import { SCHEMA_SOURCES_DIR } from "../../src/util/paths.js";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SNAPSHOT = path.join(HERE, "graph-types-surface.json");
const decisions = JSON.parse(fs.readFileSync(path.join(SCHEMA_SOURCES_DIR, "graph-types-decisions.json"), "utf8")) as DriftDecisions;
const ours = new SchemaSources(path.join(SCHEMA_SOURCES_DIR, "types"));
const packages = Object.keys(decisions.packages).map((name) => {
  const graph = readGraphTypes(name);
  return { name, version: graph.version, facts: walkSurface(graph, decisions, ours) };
});

type Snapshot = Record<string, { version: string; surface: string[] }>;
const current: Snapshot = Object.fromEntries(packages.map((p) => [p.name, { version: p.version, surface: p.facts.map((f) => f.key) }]));
if (process.env.GRAPH_TYPES_SURFACE === "write") fs.writeFileSync(SNAPSHOT, JSON.stringify(current, null, 2) + "\n");
const snapshot = (fs.existsSync(SNAPSHOT) ? JSON.parse(fs.readFileSync(SNAPSHOT, "utf8")) : {}) as Snapshot;

describe("Microsoft's type packages against our schemas", () => {
  test.each(packages.map((p) => [p.name, p] as const))("%s is installed at the pinned version", (name, p) => {
    expect(p.version, `${name}: package.json pins one version, graph-types-decisions.json says which the decisions were made against`).toBe(decisions.packages[name]);
  });

  test.each(packages.map((p) => [p.name, p] as const))("%s: the calling surface is what it was (else: what changed)", (name, p) => {
    const before = new Set(snapshot[name]?.surface ?? []);
    const now = new Set(p.facts.map((f) => f.key));
    const changed = [
      ...[...now].filter((k) => !before.has(k)).map((k) => `added in ${p.version}: ${k}`),
      ...[...before].filter((k) => !now.has(k)).map((k) => `gone in ${p.version} (was in ${snapshot[name]?.version}): ${k}`),
    ];
    expect(changed, "decide each change, then GRAPH_TYPES_SURFACE=write npx vitest run suites/drift").toEqual([]);
  });

  test("every property, enum member and type is in our schemas or decided with a reason", () => {
    const undecided = packages.flatMap((p) => p.facts.filter((f) => !f.declared && !decisions.decisions[f.key]).map((f) => describeFact(f, p.name)));
    expect(undecided).toEqual([]);
  });

  test("every decision is needed: it names something the packages have and our schemas lack", () => {
    const needed = new Set(packages.flatMap((p) => p.facts.filter((f) => !f.declared).map((f) => f.key)));
    expect(Object.keys(decisions.decisions).filter((k) => !needed.has(k))).toEqual([]);
    for (const [key, reason] of Object.entries(decisions.decisions)) expect(reason.length, key).toBeGreaterThan(20);
  });

  test("the walk reaches the calling types the contract is about", () => {
    const keys = new Set(packages.flatMap((p) => p.facts.map((f) => f.key)));
    for (const k of ["Call.targets", "Participant.rosterSequenceNumber", "CommsNotification.resourceUrl", "ResultInfo.subcode", "PlayPromptOperation.status", "OperationStatus.Running", "CommunicationsIdentitySet.azureCommunicationServicesUser", "ServiceHostedMediaConfig.liveCaptionOptions", "OrganizerMeetingInfo.organizer", "OutgoingCallOptions.isInteractiveRosterEnabled", "IncomingContext.transferor", "CallRoute.routingType", "RoutingType.forwarded", "InvitationParticipantInfo.replacesCallId"]) {
      expect(keys, k).toContain(k);
    }
  });
});

function describeFact(f: Fact, pkg: string): string {
  return `${f.key} (${pkg}, reached via ${f.via})`;
}
