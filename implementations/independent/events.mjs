// The bot's whole state model: an append-only log of accepted notification events per call, and a pure reduction
// that derives the observation from a log each time it is asked. Nothing is ever mutated in place, so the answer
// depends only on what arrived and in which order (duplicates included), never on when `observe` was asked.

/** Graph's callState members (unknownFutureValue and anything newer are "a state you do not know"). */
const KNOWN_STATES = new Set([
  "incoming", "establishing", "established", "hold", "transferring", "transferAccepted",
  "redirecting", "terminating", "terminated",
]);
/** Setup states never undo a later state (PROTOCOL.md, "Call state"). */
const SETUP_STATES = new Set(["incoming", "establishing"]);
/** The endings the transfer page labels "Notification - transfer completed" (beta page, examples 1 and 2). */
const TRANSFER_COMPLETED_SUBCODE = 7015n;
const TRANSFER_COMPLETED_REASON = "apptransferred";

const isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);

/** An integer as Graph may write it (number, or an Int64/IEEE754Compatible string); null otherwise. */
export function toBigInt(value) {
  if (typeof value === "number" && Number.isInteger(value)) return BigInt(value);
  if (typeof value === "string" && /^-?\d{1,19}$/.test(value.trim())) return BigInt(value.trim());
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Routing: one element of `value` -> events for one call (or none, for what the bot cannot use).

/** The call id and the sub-resource of a notification, from resourceUrl (or the deprecated `resource`). */
export function routeOf(item) {
  const url = [item.resourceUrl, item.resource].find((u) => typeof u === "string" && u.length > 0);
  if (url === undefined) return null;
  const path = url.replace(/^[a-z]+:\/\/[^/]+/i, "").split(/[?#]/)[0];
  const segments = path.split("/").filter((s) => s.length > 0);
  const at = segments.findIndex((s) => s.toLowerCase() === "calls");
  if (at < 0 || at + 1 >= segments.length) return null;
  let callId;
  try {
    callId = decodeURIComponent(segments[at + 1]);
  } catch {
    return null;
  }
  const rest = segments.slice(at + 2).map((s, i) => (i === 0 ? s.toLowerCase() : s));
  if (rest.length === 0) return { callId, kind: "call" };
  if (rest[0] === "participants" && rest.length === 1) return { callId, kind: "roster" };
  if (rest[0] === "contentsharingsessions" && rest.length <= 2) return { callId, kind: "sharing", sessionId: rest[1] };
  return null; // operations, a single participant, anything else: not part of what the bot observes
}

const asList = (data) => (Array.isArray(data) ? data : isObject(data) ? [data] : []);

/** Turns one notification element into a routed event, or null when the bot cannot use it. */
export function eventOf(item) {
  if (!isObject(item)) return null;
  const route = routeOf(item);
  if (route === null) return null;
  const changeType = typeof item.changeType === "string" ? item.changeType : "updated";
  switch (route.kind) {
    case "call": {
      const resources = asList(item.resourceData);
      return { callId: route.callId, kind: "call", changeType, call: resources.length > 0 ? resources.at(-1) : {} };
    }
    case "roster":
      if (!Array.isArray(item.resourceData)) return null;
      return { callId: route.callId, kind: "roster", changeType, items: item.resourceData.filter(isObject) };
    case "sharing": {
      const ids = asList(item.resourceData).map((s) => s.id).filter((id) => typeof id === "string");
      if (route.sessionId !== undefined && !ids.includes(route.sessionId)) ids.push(route.sessionId);
      return ids.length > 0 ? { callId: route.callId, kind: "sharing", changeType, sessionIds: ids } : null;
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Reduction: log -> observation.

function resultOf(call) {
  const info = call.resultInfo;
  if (!isObject(info)) return null;
  const code = toBigInt(info.code);
  if (code === null) return null;
  const sub = toBigInt(info.subcode ?? info.subCode);
  return { code: Number(code), subcode: sub === null ? null : Number(sub) };
}

const reasonOf = (call) =>
  typeof call.terminationReason === "string" && call.terminationReason.length > 0 ? call.terminationReason : null;

/** The docs' transfer-completed notification, recognised on its own: resultInfo subcode 7015 or AppTransferred. */
function tellsTransferCompleted(call) {
  const info = isObject(call.resultInfo) ? call.resultInfo : {};
  const sub = toBigInt(info.subcode ?? info.subCode);
  return sub === TRANSFER_COMPLETED_SUBCODE || reasonOf(call)?.toLowerCase() === TRANSFER_COMPLETED_REASON;
}

function nextTransfer(transfer, state, call) {
  const inFlight = transfer === "transferring" || transfer === "accepted";
  switch (state) {
    case "transferring":
      return "transferring";
    case "transferAccepted":
      return "accepted";
    case "established":
      return inFlight ? "failed" : transfer;
    case "terminated":
      return inFlight || tellsTransferCompleted(call) ? "completed" : transfer;
    default:
      return transfer;
  }
}

const EMPTY_CALL = Object.freeze({ state: null, transfer: "none", result: null, terminationReason: null });

/** One call-state event applied to the call's view so far (a pure function of both). */
function applyCallEvent(view, event) {
  const call = isObject(event.call) ? event.call : {};
  let state = event.changeType === "deleted" ? "terminated" : typeof call.state === "string" ? call.state : null;
  if (state !== null && !KNOWN_STATES.has(state)) state = null; // unknown value: keep the previous state
  if (view.state === "terminated") {
    // Terminal: nothing changes any more, except that a later terminal notification may tell what the first left
    // out (Graph may send `updated`/terminated and then `deleted` with the resultInfo).
    return {
      ...view,
      result: view.result ?? resultOf(call),
      terminationReason: view.terminationReason ?? reasonOf(call),
    };
  }
  if (state !== null && SETUP_STATES.has(state) && view.state !== null && !SETUP_STATES.has(view.state)) {
    return view; // a late setup state is not applied at all
  }
  return {
    state: state ?? view.state,
    transfer: nextTransfer(view.transfer, state, call),
    result: resultOf(call) ?? view.result,
    terminationReason: reasonOf(call) ?? view.terminationReason,
  };
}

/** Which of two delta updates of one participant wins: the newer number; the first one on a tie. */
function newer(candidate, current) {
  if (candidate.seq !== null && current.seq !== null) return candidate.seq > current.seq;
  if (candidate.seq === null && current.seq === null) return true; // unnumbered: arrival order
  return candidate.seq !== null; // a numbered update beats an unnumbered one
}

const isDeltaBatch = (item) =>
  item["@odata.type"] === "#microsoft.graph.deltaParticipants" ||
  (Array.isArray(item.participants) && item.sequenceNumber !== undefined);

/** Roster events -> participant ids: the last full roster, then per id the newest delta update after it. */
function reduceRoster(events) {
  let base = new Set();
  let latest = new Map(); // participant id -> winning delta update since the last full roster
  for (const event of events) {
    const deltas = event.items.filter(isDeltaBatch);
    if (deltas.length === 0) {
      const ids = event.items.map((p) => p.id).filter((id) => typeof id === "string");
      if (event.changeType === "deleted") {
        base = new Set([...base].filter((id) => !ids.includes(id)));
        latest = new Map([...latest].filter(([id]) => !ids.includes(id)));
      } else {
        base = new Set(ids);
        latest = new Map();
      }
      continue;
    }
    for (const batch of deltas) {
      const batchSeq = toBigInt(batch.sequenceNumber);
      for (const p of Array.isArray(batch.participants) ? batch.participants : []) {
        if (!isObject(p) || typeof p.id !== "string") continue; // an invited participant has no id yet
        const seq = toBigInt(p.rosterSequenceNumber) ?? batchSeq;
        const update = { seq, removed: isObject(p.removedState) };
        const current = latest.get(p.id);
        if (current === undefined || newer(update, current)) latest = new Map(latest).set(p.id, update);
      }
    }
  }
  const present = new Set(base);
  for (const [id, update] of latest) {
    if (update.removed) present.delete(id);
    else present.add(id);
  }
  return [...present].sort();
}

/** Content sharing events, in arrival order: created/updated means active, deleted means ended. */
function reduceSharing(events) {
  const active = new Set();
  for (const event of events) {
    for (const id of event.sessionIds) {
      if (event.changeType === "deleted") active.delete(id);
      else if (event.changeType === "created" || event.changeType === "updated") active.add(id);
    }
  }
  return [...active].sort();
}

/** The observation of one call, from its log. An empty log is the empty observation of PROTOCOL.md. */
export function observe(log) {
  const view = log.filter((e) => e.kind === "call").reduce(applyCallEvent, EMPTY_CALL);
  return {
    state: view.state,
    participants: reduceRoster(log.filter((e) => e.kind === "roster")),
    contentSharingSessions: reduceSharing(log.filter((e) => e.kind === "sharing")),
    transfer: view.transfer,
    result: view.result,
    terminationReason: view.terminationReason,
  };
}
