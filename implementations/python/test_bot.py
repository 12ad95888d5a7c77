"""Unit tests of the Python bot's call-state logic: the delta roster and the transfer states.

Run from the repository root (standard library only):

    python3 -m unittest implementations/python/test_bot.py

The conformance run (PROTOCOL.md) checks the bot end to end; these pin down the ordering rules
it relies on, so that a regression points at the rule rather than at a failing sequence.
"""

from __future__ import annotations

import json
import os
import sys
import unittest
from typing import Any, Dict

# bot.py sits next to this file; unittest may import us as implementations.python.test_bot.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from bot import (  # noqa: E402
    CallRegistry,
    CallState,
    MalformedNotification,
    NotificationRouter,
    build_create_call_body,
    build_transfer_body,
)


def delta(sequence: int, *participants: Dict[str, Any]) -> Dict[str, Any]:
    return {"@odata.type": "#microsoft.graph.deltaParticipants", "sequenceNumber": sequence, "participants": list(participants)}


def joined(participant_id: str, roster_sequence: int) -> Dict[str, Any]:
    return {"id": participant_id, "rosterSequenceNumber": roster_sequence}


def left(participant_id: str, roster_sequence: int) -> Dict[str, Any]:
    return {"id": participant_id, "rosterSequenceNumber": roster_sequence, "removedState": {"reason": "left"}}


class DeltaRosterTest(unittest.TestCase):
    def test_in_order_updates_add_and_remove(self) -> None:
        call = CallState()
        call.apply_delta_roster(delta(1, joined("a", 1), joined("b", 1)))
        call.apply_delta_roster(delta(2, left("a", 2)))
        self.assertEqual(call.observation()["participants"], ["b"])

    def test_an_older_update_arriving_late_is_ignored(self) -> None:
        call = CallState()
        call.apply_delta_roster(delta(2, left("a", 2)))  # the removal overtook the join
        call.apply_delta_roster(delta(1, joined("a", 1)))
        self.assertEqual(call.observation()["participants"], [])

    def test_a_duplicate_is_idempotent(self) -> None:
        call = CallState()
        for _ in range(2):
            call.apply_delta_roster(delta(1, joined("a", 1)))
        call.apply_delta_roster(delta(2, left("a", 2)))
        call.apply_delta_roster(delta(1, joined("a", 1)))  # redelivered after the removal
        self.assertEqual(call.observation()["participants"], [])

    def test_a_newer_join_brings_a_participant_back(self) -> None:
        call = CallState()
        call.apply_delta_roster(delta(1, joined("a", 1)))
        call.apply_delta_roster(delta(2, left("a", 2)))
        call.apply_delta_roster(delta(3, joined("a", 3)))
        self.assertEqual(call.observation()["participants"], ["a"])

    def test_sequence_is_per_participant(self) -> None:
        call = CallState()
        call.apply_delta_roster(delta(5, joined("a", 5)))
        call.apply_delta_roster(delta(2, joined("b", 2)))  # older batch, but news about b
        self.assertEqual(call.observation()["participants"], ["a", "b"])

    def test_batch_sequence_stands_in_for_a_missing_roster_sequence(self) -> None:
        call = CallState()
        call.apply_delta_roster(delta(2, {"id": "a", "removedState": {}}))
        call.apply_delta_roster(delta(1, {"id": "a"}))
        self.assertEqual(call.observation()["participants"], [])

    def test_string_sequence_numbers_are_numbers(self) -> None:
        call = CallState()
        call.apply_delta_roster(delta(10, left("a", "10")))  # type: ignore[arg-type]
        call.apply_delta_roster(delta(9, joined("a", "9")))  # type: ignore[arg-type]
        self.assertEqual(call.observation()["participants"], [])

    def test_full_roster_replaces_and_may_be_empty(self) -> None:
        call = CallState()
        call.replace_roster([{"id": "a"}, {"id": "b"}])
        call.replace_roster([{"id": "c"}])
        self.assertEqual(call.observation()["participants"], ["c"])
        call.replace_roster([])
        self.assertEqual(call.observation()["participants"], [])


class TransferStateTest(unittest.TestCase):
    def test_completed(self) -> None:
        call = CallState()
        call.apply_call_update("updated", {"state": "established"})
        call.apply_call_update("updated", {"state": "transferring"})
        self.assertEqual(call.observation()["transfer"], "transferring")
        call.apply_call_update("updated", {"state": "transferAccepted"})
        self.assertEqual(call.observation()["transfer"], "accepted")
        call.apply_call_update("deleted", {"state": "terminated", "resultInfo": {"code": 0, "subcode": 7015}})
        observation = call.observation()
        self.assertEqual(observation["state"], "terminated")
        self.assertEqual(observation["transfer"], "completed")
        self.assertEqual(observation["result"], {"code": 0, "subcode": 7015})

    def test_failed_goes_back_to_established_not_terminated(self) -> None:
        call = CallState()
        for state in ("established", "transferring"):
            call.apply_call_update("updated", {"state": state})
        call.apply_call_update("updated", {"state": "established", "resultInfo": {"code": 500, "subCode": 7000}})
        observation = call.observation()
        self.assertEqual(observation["state"], "established")
        self.assertEqual(observation["transfer"], "failed")
        self.assertEqual(observation["result"], {"code": 500, "subcode": 7000})

    def test_late_steps_do_not_move_a_transfer_backwards(self) -> None:
        call = CallState()
        for state in ("established", "transferring", "terminated", "transferAccepted", "transferring"):
            call.apply_call_update("updated", {"state": state})
        self.assertEqual(call.observation()["transfer"], "completed")
        self.assertEqual(call.observation()["state"], "terminated")

    def test_transfer_steps_overtaken_by_the_end(self) -> None:
        call = CallState()
        for state in ("established", "terminated", "transferAccepted", "transferring"):
            call.apply_call_update("updated", {"state": state})
        self.assertEqual(call.observation()["transfer"], "completed")
        self.assertEqual(call.observation()["state"], "terminated")

    def test_accepted_overtaking_transferring(self) -> None:
        call = CallState()
        for state in ("established", "transferAccepted", "transferring"):
            call.apply_call_update("updated", {"state": state})
        self.assertEqual(call.observation()["transfer"], "accepted")
        self.assertEqual(call.observation()["state"], "transferAccepted")

    def test_duplicates_are_idempotent(self) -> None:
        call = CallState()
        for state in ("established", "transferring", "transferring", "transferAccepted", "transferAccepted"):
            call.apply_call_update("updated", {"state": state})
        self.assertEqual(call.observation()["transfer"], "accepted")

    def test_a_new_transfer_after_a_failed_one(self) -> None:
        call = CallState()
        for state in ("established", "transferring", "established"):
            call.apply_call_update("updated", {"state": state})
        call.apply_call_update("updated", {"state": "transferring"})  # a late duplicate: ignored
        self.assertEqual(call.observation()["transfer"], "failed")
        call.transfer_requested = True  # the bot asked Graph again
        call.apply_call_update("updated", {"state": "transferring"})
        self.assertEqual(call.observation()["transfer"], "transferring")

    def test_late_setup_state_and_terminated_is_final(self) -> None:
        call = CallState()
        call.apply_call_update("updated", {"state": "established"})
        call.apply_call_update("updated", {"state": "establishing"})
        self.assertEqual(call.observation()["state"], "established")
        call.apply_call_update("deleted", {"terminationReason": "hangUp"})
        call.apply_call_update("updated", {"state": "established"})
        observation = call.observation()
        self.assertEqual(observation["state"], "terminated")
        self.assertEqual(observation["terminationReason"], "hangUp")
        self.assertEqual(observation["transfer"], "none")

    def test_unknown_future_values_are_tolerated(self) -> None:
        call = CallState()
        call.apply_call_update("updated", {"state": "established", "somethingNew": {"x": 1}})
        call.apply_call_update("updated", {"state": "unknownFutureValue"})
        self.assertEqual(call.observation()["state"], "established")


class RoutingTest(unittest.TestCase):
    def post(self, router: NotificationRouter, *notifications: Dict[str, Any]) -> None:
        router.handle_body(json.dumps({"value": list(notifications)}).encode("utf-8"))

    def test_routes_on_the_resource_url_not_on_resource_data_id(self) -> None:
        calls = CallRegistry()
        router = NotificationRouter(calls)
        self.post(
            router,
            {"changeType": "updated", "resourceUrl": "/communications/calls/c1", "resourceData": {"id": "other", "state": "established"}},
            {"changeType": "updated", "resourceUrl": "/communications/calls/c1/participants", "resourceData": [delta(1, joined("p", 1))]},
            {"changeType": "created", "resourceUrl": "/communications/calls/c1/contentsharingsessions", "resourceData": [{"id": "s"}]},
        )
        observation = calls.observe("c1")
        self.assertEqual(observation["state"], "established")
        self.assertEqual(observation["participants"], ["p"])
        self.assertEqual(observation["contentSharingSessions"], ["s"])
        self.assertIsNone(calls.observe("other")["state"])
        self.post(router, {"changeType": "deleted", "resourceUrl": "/communications/calls/c1/contentsharingsessions", "resourceData": [{"id": "s"}]})
        self.assertEqual(calls.observe("c1")["contentSharingSessions"], [])

    def test_malformed_bodies_are_refused(self) -> None:
        router = NotificationRouter(CallRegistry())
        for raw in (b"{", b"[]", b'{"value": 3}', b"\xff"):
            with self.assertRaises(MalformedNotification):
                router.handle_body(raw)
        router.handle_body(b'{"value": [1, null, {"resourceUrl": 5}, {"resourceUrl": "/x"}]}')  # odd elements: skipped


class RequestBodyTest(unittest.TestCase):
    def test_meeting_join_leaves_targets_out_and_nulls_are_omitted(self) -> None:
        body = build_create_call_body(
            {
                "operation": "create-call",
                "source": None,
                "targets": [],
                "modalities": ["audio"],
                "media": {"hosting": "service", "prefetch": []},
                "meeting": {"kind": "joinMeetingId", "joinMeetingId": "123", "passcode": None},
                "tenantId": None,
                "subject": None,
                "notifications": {"contentSharing": False, "deltaRoster": True},
            },
            "https://bot.example.com/api/calls",
        )
        self.assertNotIn("targets", body)
        self.assertEqual(body["meetingInfo"], {"@odata.type": "#microsoft.graph.joinMeetingIdMeetingInfo", "joinMeetingId": "123"})
        self.assertEqual(body["callOptions"], {"@odata.type": "#microsoft.graph.outgoingCallOptions", "isDeltaRosterEnabled": True})

    def test_transfer_puts_replaces_call_id_on_the_target(self) -> None:
        body = build_transfer_body(
            {
                "operation": "transfer",
                "target": {"kind": "user", "id": "u", "displayName": None, "endpointType": "default"},
                "replacesCallId": "c0",
                "transferee": {"kind": "user", "id": "t", "participantId": "p9"},
                "clientContext": None,
            }
        )
        self.assertEqual(
            body,
            {
                "transferTarget": {"identity": {"user": {"id": "u"}}, "endpointType": "default", "replacesCallId": "c0"},
                "transferee": {"identity": {"user": {"id": "t"}}, "participantId": "p9"},
            },
        )


if __name__ == "__main__":
    unittest.main()
