/**
 * What the bot knows about one call, and how each kind of notification changes it. Delivery is
 * at-least-once, batched and not strictly ordered, so every update is idempotent and guarded
 * against arriving late.
 */
import type { CallObservation, ObservationVersion, ResultCode, TransferOutcome } from "../../src/harness/observation.js";

type Json = Record<string, unknown>;

/** Where a state sits in a call's life: a late notification never moves a call backwards. */
const SETUP_STATES = new Set(["incoming", "establishing"]);

export class CallState {
  state: string | null = null;
  transfer: TransferOutcome = "none";
  /** The resultInfo of the call's termination (observation version 2's result). */
  result: ResultCode | null = null;
  /** The resultInfo of the notification that ended the last transfer. */
  transferResult: ResultCode | null = null;
  /** The last resultInfo applied, whatever it was about (observation version 1's result). */
  lastResult: ResultCode | null = null;
  terminationReason: string | null = null;
  /** Full roster: the participants of the last full roster update. */
  private roster = new Set<string>();
  /** Delta roster: per participant, the newest roster sequence number seen and whether it left. */
  private delta = new Map<string, { sequence: number; removed: boolean }>();
  private sessions = new Set<string>();

  applyCall(changeType: string, data: Json): void {
    if (this.state === "terminated") return; // a terminated call stays terminated, whatever arrives late
    const next = typeof data.state === "string" ? data.state : changeType === "deleted" ? "terminated" : undefined;
    const resultInfo = readResultInfo(data.resultInfo);
    if (next === undefined) return;
    if (SETUP_STATES.has(next) && this.state !== null && !SETUP_STATES.has(this.state)) return; // late "establishing"
    switch (next) {
      case "transferring":
        if (this.transfer !== "transferring" && this.transfer !== "accepted") this.transferResult = null; // a new transfer
        if (this.transfer !== "accepted") this.transfer = "transferring";
        break;
      case "transferAccepted":
        this.transfer = "accepted";
        break;
      case "established":
        // Graph reports a failed transfer by putting the call back to established (with the reason).
        if (this.transfer === "transferring" || this.transfer === "accepted") this.endTransfer("failed", resultInfo);
        break;
      case "terminated":
        // The transfer completed when the transferee had accepted it, or when the termination says so
        // (PROTOCOL.md, endings of a transfer); a call that ends while only transferring did not complete one.
        if (this.transfer === "accepted" || (this.transfer === "transferring" && completesTransfer(resultInfo, data.terminationReason))) this.endTransfer("completed", resultInfo);
        if (typeof data.terminationReason === "string") this.terminationReason = data.terminationReason;
        this.result = resultInfo;
        break;
    }
    if (resultInfo) this.lastResult = resultInfo;
    this.state = next;
  }

  private endTransfer(outcome: TransferOutcome, resultInfo: ResultCode | null): void {
    this.transfer = outcome;
    this.transferResult = resultInfo;
  }

  /** A full roster replaces what the bot knew. */
  applyRoster(participants: unknown[]): void {
    this.roster = new Set(participants.flatMap((p) => (isJson(p) && typeof p.id === "string" && !isJson(p.removedState) ? [p.id] : [])));
    this.delta.clear();
  }

  /** Delta updates apply per participant by sequence number (Int64: a number or a string of digits): an older update never undoes a newer one. */
  applyDelta(update: Json): void {
    const batchSequence = readInteger(update.sequenceNumber) ?? 0;
    for (const p of Array.isArray(update.participants) ? update.participants : []) {
      if (!isJson(p) || typeof p.id !== "string") continue;
      const sequence = readInteger(p.rosterSequenceNumber) ?? batchSequence;
      const known = this.delta.get(p.id);
      if (known && known.sequence > sequence) continue;
      if (known && known.sequence === sequence && known.removed) continue; // a removal wins over an update of the same number
      this.delta.set(p.id, { sequence, removed: isJson(p.removedState) });
    }
  }

  applyContentSharing(changeType: string, sessions: unknown[]): void {
    for (const s of sessions) {
      if (!isJson(s) || typeof s.id !== "string") continue;
      if (changeType === "deleted") this.sessions.delete(s.id);
      else this.sessions.add(s.id);
    }
  }

  observe(version: ObservationVersion): CallObservation {
    const participants = new Set(this.roster);
    for (const [id, { removed }] of this.delta) {
      if (removed) participants.delete(id);
      else participants.add(id);
    }
    const base = {
      state: this.state,
      participants: [...participants].sort(),
      contentSharingSessions: [...this.sessions].sort(),
      transfer: this.transfer,
    };
    return version === 1
      ? { ...base, result: this.lastResult, terminationReason: this.terminationReason }
      : { ...base, result: this.result, transferResult: this.transferResult, terminationReason: this.terminationReason };
  }
}

/** The two ways the Transfer page's "transfer completed" notifications say so: 0/7015 GracefulTransferCompleted, or AppTransferred. */
function completesTransfer(resultInfo: ResultCode | null, terminationReason: unknown): boolean {
  return (resultInfo?.code === 0 && resultInfo.subcode === 7015) || terminationReason === "AppTransferred";
}

/**
 * resultInfo, reading the sub-code under either spelling the docs use (subcode / subCode), and
 * numbers written as strings ({"code": "200", "subcode": "5001"} on the call-delete pages).
 */
export function readResultInfo(value: unknown): ResultCode | null {
  if (!isJson(value)) return null;
  const code = readInteger(value.code);
  if (code === null) return null;
  return { code, subcode: readInteger(value.subcode) ?? readInteger(value.subCode) };
}

/** An integer Graph may write as a JSON number or, for Int64 and in some pages' resultInfo, as a string of digits. */
export function readInteger(value: unknown): number | null {
  if (typeof value === "number" && Number.isInteger(value)) return value;
  return typeof value === "string" && /^-?\d+$/.test(value) ? Number(value) : null;
}

export function isJson(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
