#!/usr/bin/env python3
"""A calling bot built on the official Microsoft Graph SDK for Python (msgraph-sdk), speaking PROTOCOL.md.

What a Python bot team writes with the SDK:
- requests: the SDK's models (Call, InvitationParticipantInfo, TransferPostRequestBody, ...) sent by
  graph_client.communications.calls.post(...) and .by_call_id(id).transfer.post(...), through the SDK's
  request adapter and middleware; a property the model lacks goes in additional_data under Graph's JSON name;
- notifications: each resourceData parsed with the SDK's own models through Kiota's JSON parse node
  (Call, Participant, DeltaParticipants, ContentSharingSession), then the call-state rules of PROTOCOL.md.
  Those rules are the project's stdlib Python bot's (implementations/python/bot.py), reused, so a failure
  here is about the SDK (its models and serializers), not about a second copy of the rules.

Run it (after scripts/setup-toolchains.sh):
    node bin/graph-calls-contract.js run --command "implementations/sdk-python/run-bot.sh"
"""
from __future__ import annotations

import asyncio
import importlib.util
import json
import os
import sys
import threading
import urllib.request
from typing import Any, Optional

HERE = os.path.dirname(os.path.abspath(__file__))


def _load_rules():
    """The stdlib bot (implementations/python/bot.py): protocol loop, call-state rules, callback server."""
    spec = importlib.util.spec_from_file_location("stdlib_bot", os.path.join(HERE, "..", "python", "bot.py"))
    module = importlib.util.module_from_spec(spec)
    sys.modules["stdlib_bot"] = module
    spec.loader.exec_module(module)
    return module


rules = _load_rules()
import jwt  # noqa: E402  (PyJWT: notification tokens)
from kiota_serialization_json.json_parse_node import JsonParseNode  # noqa: E402
from msgraph import GraphServiceClient  # noqa: E402
from msgraph.generated.communications.calls.item.transfer.transfer_post_request_body import TransferPostRequestBody  # noqa: E402
from msgraph.generated.models.app_hosted_media_config import AppHostedMediaConfig  # noqa: E402
from msgraph.generated.models.call import Call  # noqa: E402
from msgraph.generated.models.chat_info import ChatInfo  # noqa: E402
from msgraph.generated.models.content_sharing_session import ContentSharingSession  # noqa: E402
from msgraph.generated.models.delta_participants import DeltaParticipants  # noqa: E402
from msgraph.generated.models.identity import Identity  # noqa: E402
from msgraph.generated.models.identity_set import IdentitySet  # noqa: E402
from msgraph.generated.models.invitation_participant_info import InvitationParticipantInfo  # noqa: E402
from msgraph.generated.models.join_meeting_id_meeting_info import JoinMeetingIdMeetingInfo  # noqa: E402
from msgraph.generated.models.media_info import MediaInfo  # noqa: E402
from msgraph.generated.models.modality import Modality  # noqa: E402
from msgraph.generated.models.organizer_meeting_info import OrganizerMeetingInfo  # noqa: E402
from msgraph.generated.models.outgoing_call_options import OutgoingCallOptions  # noqa: E402
from msgraph.generated.models.participant import Participant  # noqa: E402
from msgraph.generated.models.participant_info import ParticipantInfo  # noqa: E402
from msgraph.generated.models.service_hosted_media_config import ServiceHostedMediaConfig  # noqa: E402
from msgraph.generated.models.token_meeting_info import TokenMeetingInfo  # noqa: E402

from graph_client import client_for  # noqa: E402  (GraphServiceClient over the SDK's adapter, static token)

Json = dict


def log(message: str) -> None:
    rules.log("sdk-python: " + message)


# ---- intent -> the SDK's models --------------------------------------------------------------------------------

IDENTITY_SLOTS_IN_MODEL = {"user", "application", "device"}


def extra(**values: Any) -> dict:
    """additional_data for properties the model lacks: Graph's JSON names, set values only."""
    return {k: v for k, v in values.items() if v is not None}


def identity(party: Json) -> Identity:
    return Identity(id=party.get("id"), display_name=party.get("displayName"), additional_data=extra(tenantId=party.get("tenantId")))


def identity_set(party: Json) -> IdentitySet:
    kind = party.get("kind")
    if kind in IDENTITY_SLOTS_IN_MODEL:
        return IdentitySet(**{kind: identity(party)})
    # applicationInstance, phone, guest, encrypted, onPremises: not in the v1.0 model
    return IdentitySet(additional_data={kind: extra(id=party.get("id"), displayName=party.get("displayName"), tenantId=party.get("tenantId"))})


def media_config(media: Json):
    remove = extra(removeFromDefaultAudioGroup=media.get("removeFromDefaultAudioGroup"))
    if media.get("hosting") == "app":
        return AppHostedMediaConfig(blob=media.get("blob"), additional_data=remove)
    prefetch = [MediaInfo(uri=p.get("uri"), resource_id=p.get("resourceId")) for p in media.get("prefetch") or []]
    return ServiceHostedMediaConfig(pre_fetch_media=prefetch or None, additional_data=remove)


def meeting_info(meeting: Json):
    kind = meeting.get("kind")
    if kind == "organizer":
        return OrganizerMeetingInfo(organizer=identity_set(meeting["organizer"]), additional_data=extra(allowConversationWithoutHost=meeting.get("allowConversationWithoutHost")))
    if kind == "joinMeetingId":
        return JoinMeetingIdMeetingInfo(join_meeting_id=meeting.get("joinMeetingId"), passcode=meeting.get("passcode"))
    return TokenMeetingInfo(token=meeting.get("token"))


def call_model(intent: Json, callback_uri: str) -> Call:
    call = Call(
        callback_uri=callback_uri,
        requested_modalities=[Modality(m) for m in intent.get("modalities") or []],
        media_config=media_config(intent["media"]),
        tenant_id=intent.get("tenantId"),
        subject=intent.get("subject"),
    )
    if intent.get("source"):
        call.source = ParticipantInfo(identity=identity_set(intent["source"]))
    if intent.get("targets"):
        call.targets = [InvitationParticipantInfo(identity=identity_set(t)) for t in intent["targets"]]
    meeting = intent.get("meeting")
    if meeting:
        call.meeting_info = meeting_info(meeting)
        if meeting.get("kind") == "organizer":
            chat = meeting.get("chat") or {}
            call.chat_info = ChatInfo(thread_id=chat.get("threadId"), message_id=chat.get("messageId"))
    wanted = intent.get("notifications") or {}
    if wanted.get("contentSharing") or wanted.get("deltaRoster"):
        call.call_options = OutgoingCallOptions(
            is_content_sharing_notification_enabled=True if wanted.get("contentSharing") else None,
            is_delta_roster_enabled=True if wanted.get("deltaRoster") else None,
        )
    return call


def transfer_model(intent: Json) -> TransferPostRequestBody:
    target = intent["target"]
    body = TransferPostRequestBody(
        transfer_target=InvitationParticipantInfo(
            identity=identity_set(target),
            replaces_call_id=intent.get("replacesCallId"),
            additional_data=extra(endpointType=target.get("endpointType"), languageId=target.get("languageId"), region=target.get("region")),
        ),
        additional_data=extra(clientContext=intent.get("clientContext")),
    )
    transferee = intent.get("transferee")
    if transferee:
        body.transferee = ParticipantInfo(identity=identity_set(transferee), participant_id=transferee.get("participantId"))
    return body


# ---- notifications: resourceData through the SDK's models ------------------------------------------------------


def parse(value: Any, model):
    """One resourceData object as the SDK's model, through Kiota's JSON parse node (None when it does not parse)."""
    if not isinstance(value, dict):
        return None
    try:
        return JsonParseNode(value).get_object_value(model)
    except Exception as error:  # the SDK failing on a payload Graph sends: logged, the element skipped
        log(f"the SDK could not parse a {model.__name__}: {error!r}")
        return None


def enum_text(value: Any) -> Optional[str]:
    return getattr(value, "value", value) if value is not None else None


def call_data(call: Call) -> Json:
    """What the rules read from a call-state resourceData, from the SDK's Call model."""
    data: Json = {"state": enum_text(call.state)}
    info = call.result_info
    if info is not None:
        # subCode (the other spelling the docs use) is not in the model: it lands in additional_data.
        data["resultInfo"] = {"code": info.code, "subcode": info.subcode if info.subcode is not None else info.additional_data.get("subCode")}
    reason = getattr(call, "termination_reason", None) or call.additional_data.get("terminationReason")
    if reason is not None:
        data["terminationReason"] = enum_text(reason)
    return data


def participant_data(p: Participant) -> Json:
    return {"id": p.id, "rosterSequenceNumber": p.roster_sequence_number, "removedState": p.removed_state}


class SdkNotificationRouter(rules.NotificationRouter):
    def route(self, notification: Any) -> None:
        if not isinstance(notification, dict):
            return
        data = notification.get("resourceData")
        target = rules.split_resource_url(notification.get("resourceUrl"))
        collection = target[1][0].lower() if target and target[1] else None
        if target is None:
            parsed: Any = None
        elif collection is None:
            call = parse(data, Call)
            parsed = call_data(call) if call is not None else {}
        elif collection == "participants" and isinstance(data, list):
            parsed = []
            for item in data:
                if rules._is_delta_participants(item):
                    delta = parse(item, DeltaParticipants)
                    if delta is not None:
                        parsed.append({"@odata.type": "#microsoft.graph.deltaParticipants", "sequenceNumber": delta.sequence_number, "participants": [participant_data(p) for p in delta.participants or []]})
                else:
                    participant = parse(item, Participant)
                    if participant is not None:
                        parsed.append(participant_data(participant))
        elif collection == "contentsharingsessions":
            sessions = [parse(s, ContentSharingSession) for s in rules._as_list(data)]
            parsed = [{"id": s.id} for s in sessions if s is not None]
        else:
            parsed = data
        super().route({**notification, "resourceData": parsed})


# ---- notification tokens (PROTOCOL.md "Notification tokens"), with PyJWT --------------------------------------

NOTIFICATION_ISSUERS = ("https://graph.microsoft.com", "https://api.botframework.com")


class Refused(Exception):
    """args: (status, why)."""


# The stdlib bot's refusal, which its callback server answers with the status (401/403) and nothing applied.
Unauthorized = getattr(rules, "Unauthorized", Refused)


class TokenVerifier:
    """Graph's keys from the OpenID configuration's jwks_uri (PyJWKClient: cached, refetched on an unknown kid with a
    cool-down), then PyJWT's checks: RS256 only, signature, issuer, audience, exp/nbf with 5 minutes of skew, a tid."""

    def __init__(self, app_id: str, configuration_url: str) -> None:
        self.app_id = app_id
        self.configuration_url = configuration_url
        self._keys: Optional[jwt.PyJWKClient] = None
        self._lock = threading.Lock()

    def _client(self) -> jwt.PyJWKClient:
        with self._lock:
            if self._keys is None:
                with urllib.request.urlopen(self.configuration_url, timeout=rules.GRAPH_TIMEOUT_SECONDS) as response:
                    jwks_uri = json.loads(response.read(1 << 20))["jwks_uri"]
                self._keys = jwt.PyJWKClient(jwks_uri, cache_keys=True, timeout=rules.GRAPH_TIMEOUT_SECONDS, cooldown_duration=1)
            return self._keys

    def verify(self, authorization: Optional[str]) -> dict:
        parts = (authorization or "").split()
        if len(parts) != 2 or parts[0].lower() != "bearer":
            raise Refused(401, "no bearer token")
        try:
            key = self._client().get_signing_key_from_jwt(parts[1])
            claims = jwt.decode(parts[1], key.key, algorithms=["RS256"], audience=self.app_id, issuer=NOTIFICATION_ISSUERS,
                                leeway=300, options={"require": ["exp", "iss", "aud"]})
        except (jwt.PyJWTError, OSError, ValueError, KeyError) as error:
            raise Refused(401, f"{type(error).__name__}: {error}") from None
        if not isinstance(claims.get("tid"), str) or not claims["tid"]:
            raise Refused(401, "no tenant claim")
        return claims


# ---- the bot -----------------------------------------------------------------------------------------------------


class SdkBot(rules.Bot):
    def __init__(self) -> None:
        super().__init__()
        self._router = SdkNotificationRouter(self.calls)
        self._loop = asyncio.new_event_loop()
        self._client: Optional[GraphServiceClient] = None
        self._verifier: Optional[TokenVerifier] = None
        self._own_tenant: Optional[str] = None
        self._call_tenants: dict = {}
        self._call_tenants_lock = threading.Lock()

    def start(self, params: Json) -> Json:
        # Let the warm-up finish inside start's longer timeout, so no Graph request waits on the SDK's imports.
        WARM_UP.join(timeout=8)
        answer = super().start(params)
        self._client = client_for(params["graphBaseUrl"], params["accessToken"])
        # A harness that signs notifications says so with these fields (PROTOCOL.md); without them there is no token to check.
        app_id, configuration_url = params.get("appId"), params.get("openIdConfigurationUrl")
        self._verifier = TokenVerifier(app_id, configuration_url) if isinstance(app_id, str) and isinstance(configuration_url, str) else None
        self._own_tenant = params.get("tenantId") if isinstance(params.get("tenantId"), str) else None
        return answer

    def authenticate(self, authorization: Optional[str], raw: bytes) -> None:
        """Called by the callback server before anything is applied: the token must be Graph's, for this bot, and for
        the tenant of every call the body names."""
        if self._verifier is None:
            return
        try:
            tid = self._verifier.verify(authorization)["tid"]
            body = json.loads(raw.decode("utf-8"))
        except Refused as refusal:
            raise Unauthorized(*refusal.args) from None
        except (UnicodeDecodeError, ValueError):
            return  # not JSON: the router answers 400
        with self._call_tenants_lock:
            for notification in body.get("value") or [] if isinstance(body, dict) else []:
                target = rules.split_resource_url(notification.get("resourceUrl")) if isinstance(notification, dict) else None
                tenant = self._call_tenants.get(target[0]) if target else None
                if tenant is not None and tenant != tid:
                    raise Unauthorized(403, f"the token is for tenant {tid}, the call {target[0]} is in {tenant}")

    def _sdk(self, coroutine):
        try:
            return self._loop.run_until_complete(asyncio.wait_for(coroutine, timeout=rules.GRAPH_TIMEOUT_SECONDS))
        except Exception as error:
            status = getattr(error, "response_status_code", None)
            message = getattr(getattr(getattr(error, "error", None), "message", None), "__str__", lambda: str(error))()
            raise rules.RequestError(f"Graph refused the request: {status or ''} {message}".strip()) from None

    def create_call(self, params: Json) -> Json:
        _, callback_uri = self._started()
        created = self._sdk(self._client.communications.calls.post(call_model(params.get("intent") or {}, callback_uri)))
        call_id = getattr(created, "id", None)
        if not call_id:
            raise rules.RequestError("Graph created the call but the SDK's Call has no id")
        # The call's tenant: Graph's answer says it; else the request's, else the bot's own.
        tenant = getattr(created, "tenant_id", None) or (params.get("intent") or {}).get("tenantId") or self._own_tenant
        with self._call_tenants_lock:
            self._call_tenants[call_id] = tenant
        self.calls.update(call_id, lambda call: None)
        return {"callId": call_id}

    def transfer(self, params: Json) -> Json:
        self._started()
        call_id = params.get("callId")
        if not isinstance(call_id, str) or not call_id:
            raise rules.RequestError("transfer: params.callId must be a non-empty string")
        self._sdk(self._client.communications.calls.by_call_id(call_id).transfer.post(transfer_model(params.get("intent") or {})))

        def mark(call) -> None:
            call.transfer_requested = True

        self.calls.update(call_id, mark)
        return {}


def warm_up() -> None:
    """The SDK imports its request builders and serializers on first use, and parsing any entity (the 201's Call, a
    notification's Call) imports every model module (Entity.get_field_deserializers, msgraph/generated/models/entity.py):
    about 1 200 dataclasses, seconds of CPU. Done once, in the background, from the moment the process starts."""
    try:
        client = client_for("https://graph.microsoft.com/v1.0", "warm-up")
        client.communications.calls.to_post_request_information(call_model({"media": {"hosting": "app"}}, "https://warm.up"))
        client.communications.calls.by_call_id("warm-up").transfer.to_post_request_information(transfer_model({"target": {"kind": "user", "id": "warm-up"}}))
        parse({"@odata.type": "#microsoft.graph.call"}, Call)
    except Exception as error:  # only a warm-up: the real requests report their own errors
        log(f"warm-up failed: {error!r}")


WARM_UP = threading.Thread(target=warm_up, name="warm-up", daemon=True)


def main() -> int:
    WARM_UP.start()
    stdin = open(sys.stdin.fileno(), "r", encoding="utf-8", errors="replace", closefd=False)
    bot = SdkBot()
    try:
        rules.ProtocolLoop(bot, stdin, sys.stdout).run()
    except (KeyboardInterrupt, BrokenPipeError):
        pass
    finally:
        bot.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
