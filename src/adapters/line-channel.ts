/**
 * Requests and responses over a child's stdin/stdout, one JSON object per line, each request
 * bounded by a timeout. A line that is not a response, an exit, or a timeout fails the pending
 * requests with what the child printed on stderr, never hangs the harness.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { killTree, track } from "./children.js";
import { ImplementationFault } from "../harness/adapter.js";
import { HANDSHAKE_VERSION, type Method, type Methods, type ProtocolVersion, type ResponseMessage } from "./protocol.js";

/** The process could not answer: it died ("crash"), did not answer in time ("timeout"), or broke the protocol. */
export class ChannelError extends ImplementationFault {}

/** The implementation answered a request with an error of its own: a verdict on it, not a fault of the channel. */
export class ImplementationErrorReply extends Error {}

const STDERR_LINES = 40;

export class LineChannel {
  private readonly child: ChildProcess;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; method: string }>();
  private readonly stderrTail: string[] = [];
  private exited: string | undefined;
  /** The version every request carries: the handshake's until the implementation chose one. */
  protocol: ProtocolVersion = HANDSHAKE_VERSION;

  constructor(command: string, options: { cwd: string; env?: NodeJS.ProcessEnv }) {
    // detached: the child leads its own process group, so killTree reaches what it starts in turn.
    this.child = spawn(command, { cwd: options.cwd, env: options.env ?? process.env, shell: true, detached: true, stdio: ["pipe", "pipe", "pipe"] });
    track(this.child);
    createInterface({ input: this.child.stdout! }).on("line", (line) => this.onLine(line));
    createInterface({ input: this.child.stderr! }).on("line", (line) => {
      this.stderrTail.push(line.length > 300 ? line.slice(0, 300) + "…" : line);
      if (this.stderrTail.length > STDERR_LINES) this.stderrTail.shift();
    });
    this.child.stdin!.on("error", () => { /* the exit handler reports it */ });
    this.child.once("error", (e) => this.failAll(`could not start \`${command}\`: ${e.message}`, "crash"));
    this.child.once("exit", (code, signal) => {
      this.exited = signal ? `it was killed by ${signal}` : `it exited with code ${code}`;
      this.failAll(`the implementation is not running (${this.exited})`, "crash");
    });
  }

  get running(): boolean {
    return this.exited === undefined;
  }

  /** The last lines the implementation wrote on stderr, for diagnostics. */
  stderr(): string[] {
    return [...this.stderrTail];
  }

  request<M extends Method>(method: M, params: Methods[M]["params"], timeoutMs: number): Promise<Methods[M]["result"]> {
    if (this.exited) return Promise.reject(new ChannelError(this.withStderr(`the implementation is not running (${this.exited})`), "crash"));
    const id = this.nextId++;
    return new Promise<Methods[M]["result"]>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new ChannelError(this.withStderr(`no answer to ${method} within ${timeoutMs} ms`), "timeout"));
      }, timeoutMs);
      this.pending.set(id, {
        method,
        resolve: (v) => { clearTimeout(timer); resolve(v as Methods[M]["result"]); },
        reject: (e) => { clearTimeout(timer); reject(e); },
      });
      this.child.stdin!.write(JSON.stringify({ protocol: this.protocol, id, method, params }) + "\n");
    });
  }

  /** Ask politely, then make sure: the process group is killed either way, and gone when this returns. */
  async close(graceMs: number): Promise<void> {
    if (this.exited === undefined) this.child.stdin!.end();
    await this.exit(graceMs);
    killTree(this.child);
    await this.exit(1_000);
    // A grandchild that escaped the process group (setsid) may still hold these pipes open;
    // the harness must not wait for it.
    for (const stream of [this.child.stdin, this.child.stdout, this.child.stderr]) stream?.destroy();
  }

  /** Wait (bounded) for the process to exit; at once if it already has. */
  private exit(ms: number): Promise<void> {
    if (this.exited !== undefined || this.child.exitCode !== null || this.child.signalCode !== null) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.child.once("exit", () => { clearTimeout(timer); resolve(); });
    });
  }

  private onLine(line: string): void {
    const trimmed = line.trim();
    if (trimmed === "") return;
    let message: ResponseMessage | undefined;
    try {
      message = JSON.parse(trimmed) as ResponseMessage;
    } catch {
      message = undefined;
    }
    const entry = message && typeof message === "object" && typeof message.id === "number" ? this.pending.get(message.id) : undefined;
    if (!message || !entry) {
      this.failAll(`garbage on stdout (stdout is for protocol responses only; log to stderr): ${JSON.stringify(trimmed.slice(0, 200))}`, "protocol");
      return;
    }
    this.pending.delete(message.id);
    if ("error" in message) entry.reject(new ImplementationErrorReply(this.withStderr(`${entry.method} failed in the implementation: ${message.error?.message ?? JSON.stringify(message.error)}`)));
    else if ("result" in message) entry.resolve(message.result);
    else entry.reject(new ChannelError(this.withStderr(`the answer to ${entry.method} has neither result nor error: ${JSON.stringify(trimmed.slice(0, 200))}`), "protocol"));
  }

  private failAll(reason: string, kind: ChannelError["kind"]): void {
    const error = new ChannelError(this.withStderr(reason), kind);
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
