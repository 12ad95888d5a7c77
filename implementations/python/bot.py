#!/usr/bin/env python3
"""A calling bot for the Microsoft Graph calling API, speaking the process protocol v1.

README
======

This is an implementation of ``graph-calls-contract``'s process protocol (``PROTOCOL.md`` at the
repository root) in Python 3 with only the standard library. It was written from PROTOCOL.md alone,
to show that the protocol is language-neutral and that its documentation is enough.

Run the conformance suite against it (from the repository root, after ``npm run build``)::

    node bin/graph-calls-contract.js run --command "python3 implementations/python/bot.py" --seed 1

Run its unit tests (delta roster and transfer state)::

    python3 -m unittest implementations/python/test_bot.py

Requirements: Python 3.9 or newer, nothing else. Notification tokens (RS256 JWTs, PROTOCOL.md "Notification
tokens") are verified with the standard library too: RSASSA-PKCS1-v1_5 verification is one modular
exponentiation and a byte comparison with the one encoding SHA-256 allows (``rsa_sha256_verify``),
so the bot stays a single file a reader can run anywhere; PyJWT would need ``cryptography``, a
compiled wheel, for RS256. It can also be driven by hand: write one JSON
request per line on stdin (``{"protocol":1,"id":1,"method":"start","params":{...}}``) and read one
JSON response per line on stdout. Logs go to stderr, never to stdout, because every stdout line
must be a response.

Layout (one job per piece):

- request builders (``identity_set`` ... ``build_transfer_body``): intent -> Graph request body;
- ``GraphClient``: the HTTP calls to Graph (auth header, JSON, error reporting);
- ``CallState`` / ``CallRegistry``: what the bot believes about each call, under one lock;
- ``NotificationRouter``: a ``commsNotifications`` body -> updates of the right call;
- ``NotificationAuth``: the bearer token of every notification POST (Graph's signing keys, claims, tenant);
- ``CallbackServer``: the HTTP listener Graph (the harness) POSTs notifications to, in a thread;
- ``Bot``: the protocol methods; ``ProtocolLoop``: stdin/stdout framing and dispatch.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Dict, List, Optional, Set, TextIO, Tuple

PROTOCOL_VERSION = 1

# Graph calls must finish well inside the harness's step timeout (5 s by default), so that a slow
# or dead Graph turns into an error response rather than a timed-out step.
GRAPH_TIMEOUT_SECONDS = 4.0

# The largest notification body we read; anything bigger is refused rather than buffered.
MAX_NOTIFICATION_BYTES = 10 * 1024 * 1024

Json = Dict[str, Any]


def log(message: str) -> None:
    """Log to stderr: stdout is reserved for protocol responses."""
    try:
        sys.stderr.write("[python-bot] " + message + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass  # a closed stderr must not take the bot down


class RequestError(Exception):
    """A request the bot cannot honour; its message becomes the error response."""


# ---------------------------------------------------------------------------------------------
# Request builders: intents (the harness's neutral description) -> Graph request bodies
# ---------------------------------------------------------------------------------------------


def _require_dict(value: Any, what: str) -> Json:
    if not isinstance(value, dict):
        raise RequestError(f"{what} must be an object")
    return value


def _put_if_present(target: Json, key: str, value: Any) -> None:
    """Graph's strict schemas refuse nulls where a value is expected: absent and null are omitted."""
    if value is not None:
        target[key] = value


def identity_set(party: Any) -> Json:
    """A Party becomes an identitySet with a single slot named after its kind."""
    party = _require_dict(party, "party")
    kind = party.get("kind")
    if not isinstance(kind, str) or not kind:
        raise RequestError("party.kind must be a non-empty string")
    identity: Json = {}
    for field in ("id", "displayName", "tenantId"):
        _put_if_present(identity, field, party.get(field))
    return {kind: identity}


def build_media_config(media: Any) -> Json:
    media = _require_dict(media, "intent.media")
    hosting = media.get("hosting")
    config: Json
    if hosting == "service":
        prefetch = media.get("prefetch") or []
        if not isinstance(prefetch, list):
            raise RequestError("intent.media.prefetch must be an array")
        items: List[Json] = []
        for entry in prefetch:
            entry = _require_dict(entry, "intent.media.prefetch[]")
            item: Json = {}
            _put_if_present(item, "uri", entry.get("uri"))
            _put_if_present(item, "resourceId", entry.get("resourceId"))
            items.append(item)
        config = {"@odata.type": "#microsoft.graph.serviceHostedMediaConfig", "preFetchMedia": items}
    elif hosting == "app":
        config = {"@odata.type": "#microsoft.graph.appHostedMediaConfig"}
        _put_if_present(config, "blob", media.get("blob"))
    else:
        raise RequestError(f"intent.media.hosting {hosting!r} is not one this bot knows")
    # PROTOCOL.md lists removeFromDefaultAudioGroup on Media without saying where it goes; Graph
    # defines it on the mediaConfig base type, so both hostings carry it there.
    _put_if_present(config, "removeFromDefaultAudioGroup", media.get("removeFromDefaultAudioGroup"))
    return config


def build_meeting(meeting: Any) -> Tuple[Json, Optional[Json]]:
    """The meetingInfo of a meeting, and the chatInfo that an organizer meeting also needs."""
    meeting = _require_dict(meeting, "intent.meeting")
    kind = meeting.get("kind")
    if kind == "organizer":
        info: Json = {
            "@odata.type": "#microsoft.graph.organizerMeetingInfo",
            "organizer": identity_set(meeting.get("organizer")),
        }
        _put_if_present(info, "allowConversationWithoutHost", meeting.get("allowConversationWithoutHost"))
        chat = _require_dict(meeting.get("chat"), "intent.meeting.chat")
        chat_info: Json = {}
        _put_if_present(chat_info, "threadId", chat.get("threadId"))
        _put_if_present(chat_info, "messageId", chat.get("messageId"))
        return info, chat_info
    if kind == "joinMeetingId":
        info = {"@odata.type": "#microsoft.graph.joinMeetingIdMeetingInfo"}
        _put_if_present(info, "joinMeetingId", meeting.get("joinMeetingId"))
        _put_if_present(info, "passcode", meeting.get("passcode"))
        return info, None
    if kind == "token":
        info = {"@odata.type": "#microsoft.graph.tokenMeetingInfo"}
        _put_if_present(info, "token", meeting.get("token"))
        return info, None
    raise RequestError(f"intent.meeting.kind {kind!r} is not one this bot knows")


def build_call_options(notifications: Any) -> Optional[Json]:
    """callOptions only when a notification kind is asked for, with only the flags asked for."""
    if notifications is None:
        return None
    notifications = _require_dict(notifications, "intent.notifications")
    options: Json = {}
    if notifications.get("contentSharing") is True:
        options["isContentSharingNotificationEnabled"] = True
    if notifications.get("deltaRoster") is True:
        options["isDeltaRosterEnabled"] = True
    if not options:
        return None
    return {"@odata.type": "#microsoft.graph.outgoingCallOptions", **options}


def build_create_call_body(intent: Any, callback_uri: str) -> Json:
    """The body of POST /communications/calls for a CreateCallIntent."""
    intent = _require_dict(intent, "intent")
    body: Json = {"@odata.type": "#microsoft.graph.call", "callbackUri": callback_uri}
    if intent.get("source") is not None:
        body["source"] = {"identity": identity_set(intent["source"])}
    targets = intent.get("targets") or []
    if not isinstance(targets, list):
        raise RequestError("intent.targets must be an array")
    if targets:
        # Joining a meeting has no targets: the property is left out rather than sent empty.
        body["targets"] = [{"identity": identity_set(target)} for target in targets]
    modalities = intent.get("modalities")
    if modalities is not None:
        if not isinstance(modalities, list):
            raise RequestError("intent.modalities must be an array")
        body["requestedModalities"] = modalities
    body["mediaConfig"] = build_media_config(intent.get("media"))
    if intent.get("meeting") is not None:
        meeting_info, chat_info = build_meeting(intent["meeting"])
        body["meetingInfo"] = meeting_info
        if chat_info is not None:
            body["chatInfo"] = chat_info
    _put_if_present(body, "tenantId", intent.get("tenantId"))
    _put_if_present(body, "subject", intent.get("subject"))
    options = build_call_options(intent.get("notifications"))
    if options is not None:
        body["callOptions"] = options
    return body


def build_transfer_body(intent: Any) -> Json:
    """The body of POST /communications/calls/{id}/transfer for a TransferIntent."""
    intent = _require_dict(intent, "intent")
    target = _require_dict(intent.get("target"), "intent.target")
    transfer_target: Json = {"identity": identity_set(target)}
    for field in ("endpointType", "languageId", "region"):
        _put_if_present(transfer_target, field, target.get(field))
    # replacesCallId belongs to the target (a consultative transfer), not to the top of the body.
    _put_if_present(transfer_target, "replacesCallId", intent.get("replacesCallId"))
    body: Json = {"transferTarget": transfer_target}
    transferee = intent.get("transferee")
    if transferee is not None:
        transferee = _require_dict(transferee, "intent.transferee")
        info: Json = {"identity": identity_set(transferee)}
        _put_if_present(info, "participantId", transferee.get("participantId"))
        body["transferee"] = info
    _put_if_present(body, "clientContext", intent.get("clientContext"))
    return body


# ---------------------------------------------------------------------------------------------
# Graph client
# ---------------------------------------------------------------------------------------------


class GraphClient:
    """POSTs JSON to Graph with the bearer token; a non-2xx answer becomes a RequestError."""

    def __init__(self, base_url: str, access_token: str) -> None:
        self._base_url = base_url.rstrip("/")
        self._access_token = access_token

    def post(self, path: str, body: Json) -> Tuple[int, Optional[Json]]:
        request = urllib.request.Request(
            self._base_url + path,
            data=json.dumps(body).encode("utf-8"),
            method="POST",
            headers={
                "Authorization": "Bearer " + self._access_token,
                "Content-Type": "application/json",
                "Accept": "application/json",
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=GRAPH_TIMEOUT_SECONDS) as response:
                return response.status, self._parse(response.read())
        except urllib.error.HTTPError as error:
            detail = error.read().decode("utf-8", "replace")
            raise RequestError(f"Graph refused POST {path}: {error.code} {detail}") from None
        except (urllib.error.URLError, OSError) as error:
            raise RequestError(f"Graph unreachable for POST {path}: {error}") from None

    @staticmethod
    def _parse(raw: bytes) -> Optional[Json]:
        if not raw.strip():
            return None
        try:
            parsed = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            return None
        return parsed if isinstance(parsed, dict) else None


# ---------------------------------------------------------------------------------------------
# Call state: what the bot believes about one call
# ---------------------------------------------------------------------------------------------

# States a call passes through before it is set up: a late one must never undo a later state.
SETUP_STATES = frozenset({"incoming", "establishing", "ringing"})

# Progress of a transfer; a late notification never moves it backwards.
TRANSFER_RANK = {"none": 0, "transferring": 1, "accepted": 2, "completed": 3, "failed": 3}


def _as_int(value: Any) -> Optional[int]:
    """Graph numbers may be serialised as strings (Int64 in OData); booleans are not numbers."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            return None
    return None


def parse_result_info(value: Any) -> Optional[Json]:
    """resultInfo -> {code, subcode}; the docs spell the sub-code both subcode and subCode."""
    if not isinstance(value, dict):
        return None
    code = _as_int(value.get("code"))
    if code is None:
        return None
    subcode = _as_int(value.get("subcode"))
    if subcode is None:
        subcode = _as_int(value.get("subCode"))
    return {"code": code, "subcode": subcode}


class CallState:
    """One call's state. Not thread-safe on its own: CallRegistry serialises access."""

    def __init__(self) -> None:
        self.state: Optional[str] = None
        self.transfer: str = "none"
        self.result: Optional[Json] = None
        self.termination_reason: Optional[str] = None
        self.participants: Set[str] = set()
        # Newest sequence number applied per participant, kept after removal so that an older
        # "joined" update arriving late cannot bring a participant back.
        self.roster_sequence: Dict[str, int] = {}
        self.sharing_sessions: Set[str] = set()
        # Ended sessions stay ended: a late or repeated "created" must not resurrect them.
        self.ended_sessions: Set[str] = set()
        # Set when the bot asks Graph for a new transfer, so that "transferring" after a failed
        # or completed transfer starts a new one instead of being taken for a late duplicate.
        self.transfer_requested: bool = False

    # -- call resource ---------------------------------------------------------------------

    def apply_call_update(self, change_type: Optional[str], data: Json) -> None:
        new_state = data.get("state") if isinstance(data.get("state"), str) else None
        if new_state == "unknownFutureValue":
            new_state = None  # an evolving-enum value we cannot interpret tells us nothing
        if change_type == "deleted":
            new_state = "terminated"  # a deleted call has ended, whatever else it says

        if self.state == "terminated":
            # Terminated is final. A repeated end (e.g. "updated terminated" then "deleted") may
            # still tell why the call ended.
            if new_state == "terminated":
                self._record_outcome(data)
            elif new_state in ("transferring", "transferAccepted") and self.transfer == "none":
                # A transfer step that arrives after the end: the call ended while transferring,
                # which is how a completed transfer ends.
                self.transfer = "completed"
            return
        if new_state in SETUP_STATES and self.state is not None and self.state not in SETUP_STATES:
            return  # a late setup state: the call is already past it
        if new_state is not None and not self._advance_transfer(new_state):
            return  # a late transfer step: the transfer is already past it
        if new_state is not None:
            self.state = new_state
        self._record_outcome(data)

    def _advance_transfer(self, new_state: str) -> bool:
        """Moves the transfer on; False when new_state is a stale step that must be ignored."""
        current = self.transfer
        if new_state == "transferring":
            if current == "none" or (current in ("failed", "completed") and self.transfer_requested):
                self.transfer = "transferring"
                self.transfer_requested = False
                return True
            return current == "transferring"  # a duplicate is harmless; later steps are not undone
        if new_state == "transferAccepted":
            if current in ("none", "transferring") or (current == "failed" and self.transfer_requested):
                self.transfer = "accepted"
                self.transfer_requested = False
                return True
            return current == "accepted"
        if new_state == "established" and current in ("transferring", "accepted"):
            # A transfer that fails puts the call back to established (with a resultInfo).
            self.transfer = "failed"
        elif new_state == "terminated" and current in ("transferring", "accepted"):
            self.transfer = "completed"
        return True

    def _record_outcome(self, data: Json) -> None:
        result = parse_result_info(data.get("resultInfo"))
        if result is not None:
            self.result = result
        reason = data.get("terminationReason")
        if isinstance(reason, str) and reason:
            self.termination_reason = reason

    # -- roster ----------------------------------------------------------------------------

    def replace_roster(self, participants: List[Any]) -> None:
        """A full roster replaces what we had (it may be empty)."""
        ids: Set[str] = set()
        for participant in participants:
            if isinstance(participant, dict) and isinstance(participant.get("id"), str):
                ids.add(participant["id"])
                sequence = _as_int(participant.get("rosterSequenceNumber"))
                if sequence is not None:
                    self.roster_sequence[participant["id"]] = sequence
        self.participants = ids

    def apply_delta_roster(self, delta: Json) -> None:
        """One deltaParticipants: apply each participant's update only if it is newer."""
        batch_sequence = _as_int(delta.get("sequenceNumber"))
        participants = delta.get("participants")
        if not isinstance(participants, list):
            return
        for participant in participants:
            if not isinstance(participant, dict) or not isinstance(participant.get("id"), str):
                continue
            participant_id = participant["id"]
            # The participant's own rosterSequenceNumber orders its updates; the batch's
            # sequenceNumber stands in when a participant does not carry one.
            sequence = _as_int(participant.get("rosterSequenceNumber"))
            if sequence is None:
                sequence = batch_sequence
            if sequence is not None:
                known = self.roster_sequence.get(participant_id)
                if known is not None and sequence <= known:
                    continue  # stale or duplicate
                self.roster_sequence[participant_id] = sequence
            if participant.get("removedState") is not None:
                self.participants.discard(participant_id)
            else:
                self.participants.add(participant_id)

    def apply_participant(self, change_type: Optional[str], participant_id: str) -> None:
        """A notification about one participant (resourceUrl .../participants/{id})."""
        if change_type == "deleted":
            self.participants.discard(participant_id)
        else:
            self.participants.add(participant_id)

    # -- content sharing -------------------------------------------------------------------

    def apply_content_sharing(self, change_type: Optional[str], sessions: List[Any]) -> None:
        for session in sessions:
            if not isinstance(session, dict) or not isinstance(session.get("id"), str):
                continue
            session_id = session["id"]
            if change_type == "deleted":
                self.sharing_sessions.discard(session_id)
                self.ended_sessions.add(session_id)
            elif change_type in ("created", "updated") and session_id not in self.ended_sessions:
                self.sharing_sessions.add(session_id)

    # -- observation -----------------------------------------------------------------------

    def observation(self) -> Json:
        return {
            "state": self.state,
            "participants": sorted(self.participants),
            "contentSharingSessions": sorted(self.sharing_sessions),
            "transfer": self.transfer,
            "result": dict(self.result) if self.result is not None else None,
            "terminationReason": self.termination_reason,
        }


EMPTY_OBSERVATION: Json = CallState().observation()


class CallRegistry:
    """All calls, keyed on the call id, behind one lock shared by the stdin loop and the server."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._calls: Dict[str, CallState] = {}

    def update(self, call_id: str, change: Callable[[CallState], None]) -> None:
        with self._lock:
            call = self._calls.get(call_id)
            if call is None:
                call = self._calls[call_id] = CallState()
            change(call)

    def observe(self, call_id: str) -> Json:
        with self._lock:
            call = self._calls.get(call_id)
            return call.observation() if call is not None else dict(EMPTY_OBSERVATION)


# ---------------------------------------------------------------------------------------------
# Notification routing
# ---------------------------------------------------------------------------------------------


class MalformedNotification(Exception):
    """The POST body is not a commsNotifications object: answered with 400."""


def split_resource_url(resource_url: Any) -> Optional[Tuple[str, List[str]]]:
    """'/communications/calls/{id}/participants' -> ('{id}', ['participants']).

    The call id is the segment after '/calls/'; resourceData.id does not always match it.
    """
    if not isinstance(resource_url, str):
        return None
    path = resource_url.split("?", 1)[0].split("#", 1)[0]
    segments = [urllib.parse.unquote(segment) for segment in path.split("/") if segment]
    lowered = [segment.lower() for segment in segments]
    if "calls" not in lowered:
        return None
    index = lowered.index("calls")
    if index + 1 >= len(segments):
        return None
    return segments[index + 1], segments[index + 2:]


def _is_delta_participants(item: Any) -> bool:
    if not isinstance(item, dict):
        return False
    odata_type = item.get("@odata.type")
    if isinstance(odata_type, str) and odata_type.lower().endswith("deltaparticipants"):
        return True
    return "participants" in item and "sequenceNumber" in item


def _as_list(resource_data: Any) -> List[Any]:
    if isinstance(resource_data, list):
        return resource_data
    if isinstance(resource_data, dict):
        return [resource_data]
    return []


class NotificationRouter:
    """Routes every element of a commsNotifications body to the call its resourceUrl names."""

    def __init__(self, calls: CallRegistry) -> None:
        self._calls = calls

    def handle_body(self, raw: bytes) -> None:
        try:
            body = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as error:
            raise MalformedNotification(f"body is not JSON: {error}") from None
        if not isinstance(body, dict) or not isinstance(body.get("value"), list):
            raise MalformedNotification("body is not a commsNotifications object with a value array")
        for notification in body["value"]:
            try:
                self.route(notification)
            except Exception as error:  # one odd element must not stop the others
                log(f"skipped a notification: {error!r}")

    def route(self, notification: Any) -> None:
        if not isinstance(notification, dict):
            return
        target = split_resource_url(notification.get("resourceUrl"))
        if target is None:
            log(f"ignored a notification for {notification.get('resourceUrl')!r}")
            return
        call_id, rest = target
        change_type = notification.get("changeType")
        change_type = change_type if isinstance(change_type, str) else None
        data = notification.get("resourceData")
        collection = rest[0].lower() if rest else None

        if collection is None:
            call_data = data if isinstance(data, dict) else {}
            self._calls.update(call_id, lambda call: call.apply_call_update(change_type, call_data))
        elif collection == "participants":
            self._route_roster(call_id, change_type, rest, data)
        elif collection == "contentsharingsessions":
            sessions = _as_list(data)
            if len(rest) > 1 and not sessions:
                sessions = [{"id": rest[1]}]
            self._calls.update(call_id, lambda call: call.apply_content_sharing(change_type, sessions))
        else:
            log(f"ignored a notification about {'/'.join(rest)} of call {call_id}")

    def _route_roster(self, call_id: str, change_type: Optional[str], rest: List[str], data: Any) -> None:
        if len(rest) > 1:
            # One participant's own resource: not a roster, an add or a removal.
            participant_id = rest[1]
            self._calls.update(call_id, lambda call: call.apply_participant(change_type, participant_id))
            return
        if not isinstance(data, list):
            return  # a roster is always an array; anything else tells us nothing reliable
        deltas = [item for item in data if _is_delta_participants(item)]
        if deltas:
            def apply(call: CallState) -> None:
                for delta in deltas:
                    call.apply_delta_roster(delta)

            self._calls.update(call_id, apply)
        else:
            self._calls.update(call_id, lambda call: call.replace_roster(data))


# ---------------------------------------------------------------------------------------------
# Callback server: where notifications are POSTed
# ---------------------------------------------------------------------------------------------


# ---------------------------------------------------------------------------------------------
# Notification tokens: Graph signs every notification POST (PROTOCOL.md, "Notification tokens")
# ---------------------------------------------------------------------------------------------

NOTIFICATION_ISSUERS = frozenset({"https://graph.microsoft.com", "https://api.botframework.com"})
CLOCK_SKEW_SECONDS = 300  # .NET's default allowance
KEY_REFRESH_COOLDOWN_SECONDS = 1.0  # at most one key set fetch a second for unknown kids
# The DER prefix of a SHA-256 DigestInfo (RFC 8017, section 9.2, note 1).
_SHA256_DIGEST_INFO = bytes.fromhex("3031300d060960864801650304020105000420")


class Unauthorized(Exception):
    """A notification whose token does not show Graph sent it for this bot; args: (status, why)."""


def _b64url(segment: str) -> bytes:
    return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))


def rsa_sha256_verify(n: int, e: int, message: bytes, signature: bytes) -> bool:
    """RSASSA-PKCS1-v1_5 with SHA-256: the whole encoded block is compared, never parsed."""
    k = (n.bit_length() + 7) // 8
    if n.bit_length() < 2048 or len(signature) != k:
        return False
    s = int.from_bytes(signature, "big")
    if s >= n:
        return False
    encoded = pow(s, e, n).to_bytes(k, "big")
    digest = _SHA256_DIGEST_INFO + hashlib.sha256(message).digest()
    expected = b"\x00\x01" + b"\xff" * (k - len(digest) - 3) + b"\x00" + digest
    return hmac.compare_digest(encoded, expected)


class NotificationAuth:
    """Graph's signing keys (from the OpenID configuration, refreshed on an unknown kid) and the checks."""

    def __init__(self, app_id: str, configuration_url: str) -> None:
        self.app_id = app_id
        self.configuration_url = configuration_url
        self._keys: Dict[str, Tuple[int, int]] = {}
        self._fetched_at: Optional[float] = None
        self._lock = threading.Lock()

    def verify(self, authorization: Optional[str]) -> Json:
        """The token's claims, or Unauthorized(401, why)."""
        parts = (authorization or "").split()
        if len(parts) != 2 or parts[0].lower() != "bearer":
            raise Unauthorized(401, "no bearer token")
        token = parts[1]
        try:
            header_b64, payload_b64, signature_b64 = token.split(".")
            header = json.loads(_b64url(header_b64))
            claims = json.loads(_b64url(payload_b64))
            signature = _b64url(signature_b64)
        except ValueError:
            raise Unauthorized(401, "not a JWT") from None
        if not isinstance(header, dict) or not isinstance(claims, dict):
            raise Unauthorized(401, "not a JWT")
        # The algorithm is ours to require, never the token's to choose (none, HS256...).
        if header.get("alg") != "RS256":
            raise Unauthorized(401, f"alg {header.get('alg')!r} is not RS256")
        key = self._key(header.get("kid"))
        if key is None or not rsa_sha256_verify(key[0], key[1], f"{header_b64}.{payload_b64}".encode("ascii"), signature):
            raise Unauthorized(401, "the signature does not verify with Graph's keys")
        self._check_claims(claims)
        return claims

    def _check_claims(self, claims: Json) -> None:
        now = time.time()
        if claims.get("iss") not in NOTIFICATION_ISSUERS:
            raise Unauthorized(401, f"issuer {claims.get('iss')!r}")
        audience = claims.get("aud")
        if self.app_id not in (audience if isinstance(audience, list) else [audience]):
            raise Unauthorized(401, f"audience {audience!r}")
        exp, nbf = claims.get("exp"), claims.get("nbf")
        if not isinstance(exp, (int, float)) or isinstance(exp, bool) or exp < now - CLOCK_SKEW_SECONDS:
            raise Unauthorized(401, "expired")
        if isinstance(nbf, (int, float)) and not isinstance(nbf, bool) and nbf > now + CLOCK_SKEW_SECONDS:
            raise Unauthorized(401, "not yet valid")
        tid = claims.get("tid")
        if not isinstance(tid, str) or not tid:
            raise Unauthorized(401, "no tenant claim")

    def _key(self, kid: Any) -> Optional[Tuple[int, int]]:
        if not isinstance(kid, str):
            return None
        with self._lock:
            if kid not in self._keys and (self._fetched_at is None or time.monotonic() - self._fetched_at >= KEY_REFRESH_COOLDOWN_SECONDS):
                self._refresh()
            return self._keys.get(kid)

    def _refresh(self) -> None:
        self._fetched_at = time.monotonic()
        try:
            configuration = self._get_json(self.configuration_url)
            key_set = self._get_json(str(configuration.get("jwks_uri")))
        except (OSError, ValueError, AttributeError) as error:
            log(f"could not fetch Graph's signing keys: {error!r}")
            return
        keys: Dict[str, Tuple[int, int]] = {}
        for jwk in key_set.get("keys", []) if isinstance(key_set, dict) else []:
            if isinstance(jwk, dict) and jwk.get("kty") == "RSA" and jwk.get("use", "sig") == "sig" and isinstance(jwk.get("kid"), str):
                try:
                    keys[jwk["kid"]] = (int.from_bytes(_b64url(jwk["n"]), "big"), int.from_bytes(_b64url(jwk["e"]), "big"))
                except (KeyError, TypeError, ValueError):
                    continue
        self._keys = keys

    @staticmethod
    def _get_json(url: str) -> Any:
        with urllib.request.urlopen(urllib.request.Request(url, method="GET"), timeout=GRAPH_TIMEOUT_SECONDS) as response:
            return json.loads(response.read(MAX_NOTIFICATION_BYTES))



class _CallbackHandler(BaseHTTPRequestHandler):
    router: NotificationRouter  # set on the subclass made by CallbackServer
    bot: "Bot"
    protocol_version = "HTTP/1.1"

    def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
        raw = self._read_body()
        if raw is None:
            self.close_connection = True  # the framing is lost: do not reuse the connection
            self._answer(400, "unreadable body (bad Content-Length or chunked encoding, or too large)")
            return
        # Authenticate before anything is applied: a refused notification changes nothing.
        try:
            self.bot.authenticate(self.headers.get("Authorization"), raw)
        except Unauthorized as refusal:
            status, why = refusal.args
            log(f"refused a notification ({status}): {why}")
            self._answer(status, "unauthorized" if status == 401 else "forbidden")
            return
        try:
            self.router.handle_body(raw)
        except MalformedNotification as error:
            log(f"refused a notification: {error}")
            self._answer(400, str(error))
            return
        except Exception as error:  # never let a bug turn into a dropped connection
            log(f"notification handling failed: {error!r}")
        self._answer(202, None)

    def _read_body(self) -> Optional[bytes]:
        """The request body, by Content-Length or chunked; None when it cannot be read."""
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            return self._read_chunked()
        try:
            length = int(self.headers.get("Content-Length") or "0")
        except ValueError:
            return None
        if length < 0 or length > MAX_NOTIFICATION_BYTES:
            return None
        return self.rfile.read(length) if length else b""

    def _read_chunked(self) -> Optional[bytes]:
        # http.server does not decode chunked bodies; an HTTP client streaming its body uses them.
        body = bytearray()
        try:
            while True:
                size = int(self.rfile.readline(1024).split(b";", 1)[0].strip(), 16)
                if size == 0:
                    while self.rfile.readline(1024).strip():
                        pass  # trailers
                    return bytes(body)
                if len(body) + size > MAX_NOTIFICATION_BYTES:
                    return None
                body += self.rfile.read(size)
                self.rfile.readline(1024)  # the CRLF after the chunk
        except ValueError:
            return None

    def do_GET(self) -> None:  # noqa: N802
        self._answer(405, "notifications are POSTed")

    def _answer(self, status: int, message: Optional[str]) -> None:
        payload = b"" if message is None else json.dumps({"error": {"message": message}}).encode("utf-8")
        self.send_response(status)
        if payload:
            self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if payload:
            self.wfile.write(payload)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass  # the default logs every request to stderr; too chatty for the harness's tail


class CallbackServer:
    """A threaded HTTP server on 127.0.0.1 (a free port), serving in a daemon thread."""

    PATH = "/api/calls"

    def __init__(self, router: NotificationRouter, bot: "Bot") -> None:
        handler = type("CallbackHandler", (_CallbackHandler,), {"router": router, "bot": bot})
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, name="callback", daemon=True
        )
        self._thread.start()  # listening already (bound in the constructor): the port is open

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}{self.PATH}"

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


# ---------------------------------------------------------------------------------------------
# The bot: protocol methods
# ---------------------------------------------------------------------------------------------


class Bot:
    def __init__(self) -> None:
        self.calls = CallRegistry()
        self._router = NotificationRouter(self.calls)
        self._server: Optional[CallbackServer] = None
        self._graph: Optional[GraphClient] = None
        self._callback_uri: Optional[str] = None
        self._auth: Optional[NotificationAuth] = None
        self._tenant: Optional[str] = None
        # The tenant of each call the bot created: its notifications must carry that tenant.
        self._call_tenants: Dict[str, str] = {}
        self._tenants_lock = threading.Lock()

    def start(self, params: Json) -> Json:
        names = ("graphBaseUrl", "accessToken", "callbackUri", "appId", "tenantId", "openIdConfigurationUrl")
        base_url, token, callback_uri, app_id, tenant, configuration_url = (params.get(k) for k in names)
        for name, value in zip(names, (base_url, token, callback_uri, app_id, tenant, configuration_url)):
            if not isinstance(value, str) or not value:
                raise RequestError(f"start: params.{name} must be a non-empty string")
        self._graph = GraphClient(base_url, token)
        self._callback_uri = callback_uri
        self._auth = NotificationAuth(app_id, configuration_url)
        self._tenant = tenant
        if self._server is None:  # a second start reuses the listener already open
            self._server = CallbackServer(self._router, self)
        return {"callbackUrl": self._server.url}

    def create_call(self, params: Json) -> Json:
        graph, callback_uri = self._started()
        body = build_create_call_body(params.get("intent"), callback_uri)
        _, answer = graph.post("/communications/calls", body)
        call_id = answer.get("id") if answer else None
        if not isinstance(call_id, str) or not call_id:
            raise RequestError("Graph created the call but its answer has no id")
        # The call's tenant: Graph's answer says it; else the request's, else the bot's own.
        self.remember_call(call_id, (answer or {}).get("tenantId") or body.get("tenantId"))
        # Remember the call now so it exists before any notification; its state stays unknown
        # (null) until Graph notifies one.
        self.calls.update(call_id, lambda call: None)
        return {"callId": call_id}

    def transfer(self, params: Json) -> Json:
        graph, _ = self._started()
        call_id = params.get("callId")
        if not isinstance(call_id, str) or not call_id:
            raise RequestError("transfer: params.callId must be a non-empty string")
        body = build_transfer_body(params.get("intent"))
        graph.post(f"/communications/calls/{urllib.parse.quote(call_id, safe='')}/transfer", body)

        def mark(call: CallState) -> None:
            call.transfer_requested = True

        self.calls.update(call_id, mark)
        return {}

    def remember_call(self, call_id: str, tenant: Optional[str]) -> None:
        """A call this bot placed, in its tenant (the bot's own when None): its notifications must carry that tenant."""
        with self._tenants_lock:
            self._call_tenants[call_id] = str(tenant or self._tenant)

    def authenticate(self, authorization: Optional[str], raw: bytes) -> None:
        """Unauthorized unless the token is Graph's, for this bot, and for the tenant of every call the body names."""
        if self._auth is None:
            raise Unauthorized(401, "not started: no way to check tokens yet")
        tid = self._auth.verify(authorization)["tid"]
        try:
            body = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            return  # not JSON: the router answers 400
        notifications = body.get("value") if isinstance(body, dict) else None
        with self._tenants_lock:
            for notification in notifications if isinstance(notifications, list) else []:
                target = split_resource_url(notification.get("resourceUrl")) if isinstance(notification, dict) else None
                tenant = self._call_tenants.get(target[0]) if target else None
                if tenant is not None and tenant != tid:
                    raise Unauthorized(403, f"the token is for tenant {tid}, the call {target[0]} is in {tenant}")

    def observe(self, params: Json) -> Json:
        call_id = params.get("callId")
        if not isinstance(call_id, str):
            raise RequestError("observe: params.callId must be a string")
        return self.calls.observe(call_id)

    def close(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None

    def _started(self) -> Tuple[GraphClient, str]:
        if self._graph is None or self._callback_uri is None:
            raise RequestError("start must be called first")
        return self._graph, self._callback_uri


# ---------------------------------------------------------------------------------------------
# Protocol loop: stdin requests -> stdout responses
# ---------------------------------------------------------------------------------------------


class ProtocolLoop:
    def __init__(self, bot: Bot, stdin: TextIO, stdout: TextIO) -> None:
        self._bot = bot
        self._stdin = stdin
        self._stdout = stdout
        self._write_lock = threading.Lock()
        self._methods: Dict[str, Callable[[Json], Json]] = {
            "start": bot.start,
            "createCall": bot.create_call,
            "transfer": bot.transfer,
            "observe": bot.observe,
        }

    def run(self) -> None:
        """Answers requests until stop or the end of stdin."""
        for line in self._stdin:
            if not line.strip():
                continue
            if self._handle_line(line) == "stop":
                return
        log("stdin closed: exiting")

    def _handle_line(self, line: str) -> Optional[str]:
        try:
            request = json.loads(line)
        except ValueError as error:
            # Without an id there is nothing to answer: a response the harness did not ask for
            # would be garbage on stdout.
            log(f"ignored a line that is not JSON: {error}")
            return None
        if not isinstance(request, dict):
            log("ignored a line that is not a JSON object")
            return None
        request_id = request.get("id")
        if isinstance(request_id, bool) or not isinstance(request_id, int):
            log(f"ignored a request without an integer id: {line.strip()[:200]}")
            return None
        method = request.get("method")
        try:
            response: Json = {"result": self._dispatch(request)}
        except RequestError as error:
            response = {"error": {"message": str(error)}}
        except Exception as error:  # a bug answers an error instead of killing the process
            log(f"{method} failed: {error!r}")
            response = {"error": {"message": f"{method} failed: {error!r}"}}
        # Outside the try: a failure to write (the harness went away) is not the request's error.
        self._respond(request_id, response)
        return "stop" if method == "stop" and "result" in response else None

    def _dispatch(self, request: Json) -> Json:
        if request.get("protocol") != PROTOCOL_VERSION:
            raise RequestError(f"unsupported protocol {request.get('protocol')!r}; this bot speaks {PROTOCOL_VERSION}")
        params = request.get("params")
        if params is None:
            params = {}  # stop and observe-like methods may come without params
        if not isinstance(params, dict):
            raise RequestError("params must be an object")
        method = request.get("method")
        if method == "stop":
            return {}  # the loop ends once the answer is written
        handler = self._methods.get(method) if isinstance(method, str) else None
        if handler is None:
            raise RequestError(f"unknown method {method!r}")
        return handler(params)

    def _respond(self, request_id: int, payload: Json) -> None:
        line = json.dumps({"id": request_id, **payload}, separators=(",", ":"))
        with self._write_lock:
            self._stdout.write(line + "\n")
            self._stdout.flush()


def main() -> int:
    # Read stdin as UTF-8 whatever the locale says; output is ASCII (json.dumps escapes the rest).
    stdin = open(sys.stdin.fileno(), "r", encoding="utf-8", errors="replace", closefd=False)
    bot = Bot()
    try:
        ProtocolLoop(bot, stdin, sys.stdout).run()
    except KeyboardInterrupt:
        pass
    except BrokenPipeError:
        # The harness stopped reading: nobody is left to answer. Point stdout at devnull so the
        # interpreter's final flush does not complain about the broken pipe as well.
        log("stdout closed: exiting")
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    finally:
        bot.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
