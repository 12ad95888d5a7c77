/** What several rows read: the committed fixtures, hostile payloads built from them, processes to time. */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { loadDocumentedFixtures } from "../../src/fixtures/load.js";
import { FIXTURES_DIR } from "../../src/util/paths.js";
import { isValid } from "../../src/validators/index.js";
import type { SchemaName } from "../../generated/index.js";
import { MissingInput } from "../row.js";

/** The largest documented payload of a schema that the contract accepts (the docs have invalid ones: their errata). */
export function largestValid(schema: string): { id: string; file: string; payload: unknown } {
  const candidates = loadDocumentedFixtures()
    .filter((f) => f.data.payload !== null && f.data.schemas.includes(schema) && isValid(schema as SchemaName, f.data.payload))
    .sort((a, b) => JSON.stringify(b.data.payload).length - JSON.stringify(a.data.payload).length);
  const best = candidates[0];
  if (!best) throw new MissingInput(`a valid documented ${schema} (fixtures/documented/; npm run extract writes them)`);
  return { id: best.data.id, file: path.join(FIXTURES_DIR, best.file), payload: best.data.payload };
}

export function documentedPayload(id: string): unknown {
  const fixture = loadDocumentedFixtures().find((f) => f.data.id === id);
  if (!fixture) throw new MissingInput(`the documented fixture ${id} (fixtures/documented/; npm run extract writes them)`);
  return fixture.data.payload;
}

/** Every documented notification, as one commsNotifications batch. */
export function notificationBatch(): { value: unknown[] } {
  const value = loadDocumentedFixtures().map((f) => f.data).filter((f) => f.schemas.includes("notification")).flatMap((f) => (f.payload as { value: unknown[] }).value);
  if (value.length === 0) throw new MissingInput("documented notifications (fixtures/documented/; npm run extract writes them)");
  return { value };
}

/** A create-call request with three faults: a misspelled property (did-you-mean), a read-only one, an unknown enum value. */
export function invalidRequest(): unknown {
  const valid = structuredClone(documentedPayload("create-call.fr.v1.0/ex01.request")) as Record<string, unknown>;
  const { callbackUri, ...rest } = valid;
  return { ...rest, callbackURL: callbackUri, state: "established", requestedModalities: ["smell"] };
}

/** A documented roster notification repeated `n` times, each entry with one participant whose serverMuted is a string (one error each). */
export function hostileRoster(n: number): unknown {
  const file = path.join(FIXTURES_DIR, "documented", "create-call.fr.v1.0", "ex05.notification-03.json");
  if (!fs.existsSync(file)) throw new MissingInput(`${path.relative(process.cwd(), file)} (npm run extract writes it)`);
  const payload = (JSON.parse(fs.readFileSync(file, "utf8")) as { payload: { value: Array<{ resourceData: Array<{ mediaStreams: Array<Record<string, unknown>> }> }> } }).payload;
  const entry = payload.value[0]!;
  const participant = structuredClone(entry.resourceData[0]!);
  participant.mediaStreams[0]!.serverMuted = "no";
  return { ...payload, value: Array.from({ length: n }, () => ({ ...entry, resourceData: [structuredClone(participant)] })) };
}

/** Run a command to completion, output discarded; a failure is the row's failure, loudly. */
export function runProcess(command: string, args: string[], cwd: string): void {
  const result = spawnSync(command, args, { cwd, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  if (result.error) throw result.error;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${command} ${args.join(" ")} exited ${result.status}: ${result.stderr.slice(0, 500)}`);
}

/** The preload that makes a node process report its own CPU time on fd 3 (bench/child-cpu.cjs; not compiled: read from the checkout). */
const childCpu = (root: string) => requireFile(path.join(root, "bench", "child-cpu.cjs"), "a checkout of the repository");

/**
 * Run `node <args>` to completion and return the CPU time the process used (every thread, from exec
 * to exit, as getrusage counts it), in milliseconds: what starting it costs, whoever else loads the
 * machine. Output discarded; a failure is the row's failure, loudly.
 */
export function runProcessCpu(args: string[], root: string): number {
  const result = spawnSync(process.execPath, ["--require", childCpu(root), ...args], { cwd: root, stdio: ["ignore", "ignore", "pipe", "pipe"], encoding: "utf8" });
  if (result.error) throw result.error;
  if (result.status !== 0 && result.status !== 1) throw new Error(`node ${args.join(" ")} exited ${result.status}: ${result.stderr.slice(0, 500)}`);
  const ms = Number((result.output[3] as string | null)?.trim());
  if (!(ms > 0)) throw new Error(`node ${args.join(" ")} reported no CPU time on fd 3 (got ${JSON.stringify(result.output[3])})`);
  return ms;
}

export function requireFile(file: string, how: string): string {
  if (!fs.existsSync(file)) throw new MissingInput(`${file} (${how})`);
  return file;
}
