/**
 * Requests and responses over a child's stdin/stdout, one JSON object per line, each request
 * bounded by a timeout. A line that is not a response, an exit, or a timeout fails the pending
 * requests with what the child printed on stderr, never hangs the harness. Lines are bounded:
 * a stdout line over MAX_STDOUT_LINE is a protocol violation (the process is killed; the next
 * step starts it again), a stderr line keeps its first bytes. Messages are framed natively or as
 * JSON-RPC 2.0 (framing.ts); under "detect" the answer to start says which (handshake()).
 */
import type { ChildProcess } from "node:child_process";
import { killTree, spawnGroup } from "./children.js";
import { LineSplitter } from "./line-splitter.js";
import { ImplementationFault } from "../harness/adapter.js";
import { decodeResponse, describeError, encodeMethodNotFound, encodeRequest, readingError, type Framing, type FramingChoice } from "./framing.js";
import { HANDSHAKE_VERSION, type Method, type Methods, type ProtocolVersion } from "./protocol.js";

/** The process could not answer: it died ("crash"), did not answer in time ("timeout"), or broke the protocol. */
export class ChannelError extends ImplementationFault {}

/** The implementation answered a request with an error of its own: a verdict on it, not a fault of the channel. */
export class ImplementationErrorReply extends Error {}

/** The native start was answered in JSON-RPC 2.0 with an error (a library refusing the native envelope): start again in JSON-RPC. */
class SpeaksJsonRpc extends ChannelError {}

const STDERR_LINES = 40;
/** Longest response line: far above any real answer (an observation is a few KB). */
export const MAX_STDOUT_LINE = 1024 * 1024;
/** What a stderr line keeps (the diagnostics show its first 300 characters). */
const MAX_STDERR_LINE = 4096;
const STDERR_SHOWN = 300;
/** How long, after the process exited, its last stdout lines are waited for. */
const EXIT_DRAIN_MS = 200;
/** Ids of requests that timed out, whose late answers are ignored rather than taken for garbage. */
const LATE_IDS = 64;

export class LineChannel {
  private readonly child: ChildProcess;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; method: string }>();
  private readonly stderrTail: string[] = [];
  private readonly stderrLines: LineSplitter;
  private readonly timedOut: number[] = [];
  private exited: string | undefined;
  /** The version every request carries: the handshake's until the implementation chose one. */
  protocol: ProtocolVersion = HANDSHAKE_VERSION;
  private framingChoice: FramingChoice;

  constructor(command: string, options: { cwd: string; env?: NodeJS.ProcessEnv; framing?: FramingChoice }) {
    this.framingChoice = options.framing ?? "detect";
    // Its own process group, marked: killTree reaches what it starts in turn (children.ts).
    this.child = spawnGroup(command, undefined, { cwd: options.cwd, ...(options.env ? { env: options.env } : {}) });
    const stdout = new LineSplitter({
      maxBytes: MAX_STDOUT_LINE,
      onLine: (line) => this.onLine(line),
      onOverflow: () => this.violation(`a line on stdout longer than ${MAX_STDOUT_LINE} bytes (responses are one JSON object per line; log to stderr)`),
    });
    this.stderrLines = new LineSplitter({ maxBytes: MAX_STDERR_LINE, onLine: (line, dropped) => this.note(shorten(line, dropped)) });
    this.child.stdout!.on("data", (chunk: Buffer) => stdout.push(chunk));
    this.child.stderr!.on("data", (chunk: Buffer) => this.stderrLines.push(chunk));
    this.child.stdin!.on("error", () => { /* the exit handler reports it */ });
    this.child.once("error", (e) => this.failAll(`could not start \`${command}\`: ${e.message}`, "crash"));
    this.child.once("exit", (code, signal) => {
      this.exited = signal ? `it was killed by ${signal}` : `it exited with code ${code}`;
      // An answer written just before exiting (stop's) may still be in the pipe: read it first. Bounded,
      // since a grandchild that escaped the group may hold stdout open.
      const fail = () => this.failAll(`the implementation is not running (${this.exited})`, "crash");
      const stdout = this.child.stdout!;
      if (stdout.readableEnded || stdout.destroyed) return fail();
      const timer = setTimeout(fail, EXIT_DRAIN_MS);
      stdout.once("end", () => { clearTimeout(timer); fail(); });
    });
  }

  /** The framing the implementation speaks: undefined while it is still to be detected. */
  get framing(): Framing | undefined {
    return this.framingChoice === "detect" ? undefined : this.framingChoice;
  }

  /**
   * start, in the framing chosen, or detected: sent natively first (so every native implementation
   * reads what it always read); an answer in JSON-RPC 2.0 settles the framing, and when it is an
   * error (a stock library refuses the native envelope: "Invalid Request") start is sent again as
   * JSON-RPC. A native answer settles on native.
   */
  async handshake(params: Methods["start"]["params"], timeoutMs: number): Promise<Methods["start"]["result"]> {
    try {
      return await this.request("start", params, timeoutMs);
    } catch (e) {
      if (!(e instanceof SpeaksJsonRpc)) throw e;
      return this.request("start", params, timeoutMs);
    }
  }

  get running(): boolean {
    return this.exited === undefined;
  }

  /** The last lines the implementation wrote on stderr (with the one it is writing), for diagnostics. */
  stderr(): string[] {
    const partial = this.stderrLines.partial();
    return partial.text === "" ? [...this.stderrTail] : [...this.stderrTail, shorten(partial.text, partial.droppedBytes)];
  }

  request<M extends Method>(method: M, params: Methods[M]["params"], timeoutMs: number): Promise<Methods[M]["result"]> {
    if (this.exited) return Promise.reject(new ChannelError(this.withStderr(`the implementation is not running (${this.exited})`), "crash"));
    const id = this.nextId++;
    return new Promise<Methods[M]["result"]>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        this.timedOut.push(id);
        if (this.timedOut.length > LATE_IDS) this.timedOut.shift();
        reject(new ChannelError(this.withStderr(`no answer to ${method} within ${timeoutMs} ms`), "timeout"));
      }, timeoutMs);
      this.pending.set(id, {
        method,
        resolve: (v) => { clearTimeout(timer); resolve(v as Methods[M]["result"]); },
        reject: (e) => { clearTimeout(timer); reject(e); },
      });
      this.child.stdin!.write(encodeRequest(this.framingChoice === "json-rpc" ? "json-rpc" : "native", this.protocol, id, method, params) + "\n");
    });
  }

  /**
   * Ask politely, then make sure: the process group is killed either way, and gone when this returns.
   * True when the process had exited by itself within `graceMs` (PROTOCOL.md: a second after stop).
   */
  async close(graceMs: number): Promise<boolean> {
    if (this.exited === undefined) this.child.stdin!.end();
    const exitedInTime = await this.exit(graceMs);
    killTree(this.child);
    await this.exit(1_000);
    // A grandchild that escaped the process group (setsid) may still hold these pipes open;
    // the harness must not wait for it.
    for (const stream of [this.child.stdin, this.child.stdout, this.child.stderr]) stream?.destroy();
    return exitedInTime;
  }

  /** Wait (bounded) for the process to exit; at once if it already has. Whether it exited. */
  private exit(ms: number): Promise<boolean> {
    if (this.exited !== undefined || this.child.exitCode !== null || this.child.signalCode !== null) return Promise.resolve(true);
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), ms);
      this.child.once("exit", () => { clearTimeout(timer); resolve(true); });
    });
  }

  private onLine(line: string): void {
    const trimmed = line.trim();
    if (trimmed === "") return;
    const message = decodeResponse(this.framingChoice, trimmed);
    const shown = JSON.stringify(trimmed.slice(0, 200));
    if (this.framingChoice === "detect") {
      this.framingChoice = message.framing;
      if (message.framing === "json-rpc" && message.kind !== "result") {
        const answer = message.kind === "error" || message.kind === "unreadable" ? describeError(message.error) : shown;
        this.note(`[harness] the implementation answered start in JSON-RPC 2.0 (${answer}): start sent again in JSON-RPC framing`);
        this.failAll(answer, "protocol", SpeaksJsonRpc);
        return;
      }
    }
    if (message.kind === "incoming") {
      // A JSON-RPC library may send requests or notifications of its own: noted, and a request answered, never garbage.
      this.note(`[harness] the implementation sent ${message.id === undefined ? "a notification" : "a request"} ${JSON.stringify(message.method.slice(0, 100))}${message.id === undefined ? "" : ", answered -32601"}`);
      if (message.id !== undefined && this.exited === undefined) this.child.stdin!.write(encodeMethodNotFound(message.id, message.method) + "\n");
      return;
    }
    if (message.kind === "unreadable") {
      this.failAll(`the implementation could not read a request: ${describeError(message.error)}; ${readingError(message.error) ?? "it answered an error with \"id\": null"}`, "protocol");
      return;
    }
    const entry = message.id !== undefined ? this.pending.get(message.id) : undefined;
    const late = message.id !== undefined && !entry ? this.timedOut.indexOf(message.id) : -1;
    if (late >= 0) {
      // The answer to a request that already timed out (and failed its step): not garbage.
      this.timedOut.splice(late, 1);
      this.note(`[harness] ignored a late answer to request ${message.id}, which had timed out`);
      return;
    }
    if (message.id === undefined || !entry) {
      this.failAll(`garbage on stdout (stdout is for protocol responses only; log to stderr): ${shown}`, "protocol");
      return;
    }
    this.pending.delete(message.id);
    if (message.kind === "result") {
      entry.resolve(message.result);
    } else if (message.kind === "error") {
      const misread = readingError(message.error);
      // A JSON-RPC reading error is the adapter's misreading of the protocol; any other error is the implementation's answer.
      if (misread) entry.reject(new ChannelError(this.withStderr(`${entry.method}: the implementation answered ${describeError(message.error)}; ${misread}`), "protocol"));
      else entry.reject(new ImplementationErrorReply(this.withStderr(`${entry.method} failed in the implementation: ${describeError(message.error)}`)));
    } else {
      entry.reject(new ChannelError(this.withStderr(`the answer to ${entry.method} is not a valid ${message.framing === "json-rpc" ? "JSON-RPC 2.0 response" : "response"}: ${message.why}: ${shown}`), "protocol"));
    }
  }

  /** A violation the stream cannot recover from: fail what is pending and stop the process (the next step starts it again). */
  private violation(reason: string): void {
    this.note(`[harness] stopped the implementation: ${reason}`);
    this.failAll(reason, "protocol");
    killTree(this.child);
  }

  private note(line: string): void {
    this.stderrTail.push(line);
    if (this.stderrTail.length > STDERR_LINES) this.stderrTail.shift();
  }

  private failAll(reason: string, kind: ChannelError["kind"], as: typeof ChannelError = ChannelError): void {
    const error = new as(this.withStderr(reason), kind);
    for (const [id, entry] of this.pending) {
      this.pending.delete(id);
      entry.reject(error);
    }
  }

  private withStderr(message: string): string {
    const tail = this.stderr().slice(-8);
    return tail.length > 0 ? `${message}; its stderr ended with: ${tail.join(" | ")}` : message;
  }
}

function shorten(line: string, droppedBytes: number): string {
  if (line.length <= STDERR_SHOWN && droppedBytes === 0) return line;
  const more = Buffer.byteLength(line.slice(STDERR_SHOWN)) + droppedBytes;
  return `${line.slice(0, STDERR_SHOWN)}… (${more} more bytes)`;
}
