"""build_context: every schema field is filled, for a well-known caller and for an unknown number."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from prompt_factories import (
    NOW,
    follow_up,
    make_caller,
    make_contact,
    make_context,
    make_interaction,
    make_vulnerability,
)

from cxassist.domain.models import Channel, ContactPurpose, FollowUpKind, Outcome, VulnerabilityDriver
from cxassist.prompts import FIELDS, build_context
from cxassist.prompts.sandbox import Group

DOCS = Path(__file__).resolve().parents[3] / "docs" / "prompt-packs.md"


def test_fields_match_the_schema_exactly() -> None:
    context = make_context()
    assert set(context.fields) == {f.path for f in FIELDS if f.for_conditions}
    assert set(context.template_vars) == {f.root for f in FIELDS} | {"range"}


def test_field_values_have_their_kind() -> None:
    for context in (make_context(), make_context(None, tz=None)):
        for spec in FIELDS:
            if not spec.for_conditions:
                continue
            value = context.fields[spec.path]
            expected = {"bool": bool, "int": (int, type(None)), "str": str, "list": tuple}[spec.kind]
            assert isinstance(value, expected), (spec.path, value)
            if spec.choices and spec.kind == "str":
                assert value in (*spec.choices, ""), (spec.path, value)


def test_every_field_is_documented() -> None:
    text = DOCS.read_text(encoding="utf-8")
    missing = [f.path for f in FIELDS if f"`{f.path}`" not in text]
    assert missing == []


def test_unknown_caller_with_no_history_and_no_name() -> None:
    fields = make_context(None, tz=None).fields
    assert fields["caller.known"] is False
    assert fields["caller.name"] == ""
    assert fields["caller.tenure_years"] is None
    assert fields["history.count"] == 0
    assert fields["history.days_since_last"] is None
    assert fields["history.last_outcome"] == ""
    assert fields["history.failed_last_3"] == 0
    assert fields["vulnerability.any"] is False
    assert fields["emergency_contacts.count"] == 0
    assert fields["time.known"] is False
    assert fields["time.hour"] is None
    assert fields["note.cues"] == ()


def test_caller_profile() -> None:
    caller = make_caller(
        pronunciation="PEG-ee", customer_since=date(2009, 11, 2), preferred_channel=Channel.EMAIL,
        email="p@example.org", language="cy", tags=("older",),
    )  # fmt: skip
    fields = make_context(caller).fields
    assert fields["caller.name"] == "Peggy"
    assert fields["caller.full_name"] == "Margaret Hale"
    assert fields["caller.tenure_years"] == 16
    assert fields["caller.customer_since_year"] == 2009
    assert fields["caller.joined_this_month"] is True
    assert fields["caller.preferred_channel"] == "email"
    assert fields["call.on_preferred_channel"] is False
    assert fields["caller.has_email"] is True
    assert fields["caller.tags"] == ("older",)


def test_name_falls_back_to_full_name() -> None:
    assert make_context(make_caller(preferred_name="")).fields["caller.name"] == "Margaret Hale"


def test_history_summary() -> None:
    history = [
        make_interaction(40, Outcome.EXCEEDED, channel=Channel.EMAIL, emergency=True),
        make_interaction(20, Outcome.MET, follow_up=follow_up(-5, done=True)),
        make_interaction(10, Outcome.FAILED, tags=("Complaint",), follow_up=follow_up(2, FollowUpKind.SENIOR_CALLBACK)),
        make_interaction(3, Outcome.FAILED, reason="refund", resolution="promised a call", channel=Channel.CHAT,
                         follow_up=follow_up(-2)),
        make_interaction(-1, Outcome.MET),  # in the future: ignored
    ]  # fmt: skip
    fields = make_context(make_caller(), history).fields
    assert fields["history.count"] == 4
    assert fields["history.days_since_last"] == 3
    assert fields["history.last_outcome"] == "failed"
    assert fields["history.last_reason"] == "refund"
    assert fields["history.last_resolution"] == "promised a call"
    assert fields["history.last_channel"] == "chat"
    assert fields["history.channels"] == ("chat", "phone", "email")
    assert fields["history.contacts_7d"] == 1
    assert fields["history.contacts_30d"] == 3
    assert fields["history.open_follow_ups"] == 2
    assert fields["history.overdue_follow_ups"] == 1
    assert fields["history.next_follow_up_days"] == -2
    assert fields["history.next_follow_up_due"] == (NOW.date() - timedelta(days=2)).isoformat()
    assert fields["history.next_follow_up_kind"] == "callback"
    assert fields["history.next_follow_up_reason"] == "refund"
    assert fields["history.senior_callback_open"] is True
    assert fields["history.complaints"] == 1
    assert fields["history.days_since_complaint"] == 10
    assert fields["history.failed_last_3"] == 2
    assert fields["history.exceeded_before"] is True
    assert fields["history.emergency_before"] is True


def test_vulnerabilities_and_contacts() -> None:
    vulns = [
        make_vulnerability(adjustments="speak slowly, confirm understanding; Speak slowly\nlarge print"),
        make_vulnerability(VulnerabilityDriver.LIFE_EVENT, "recently bereaved", review_by=date(2025, 1, 1)),
    ]
    contacts = [
        make_contact("Tom Reid", "neighbour", [ContactPurpose.WELFARE], consent=False, priority=2),
        make_contact("Ann Hale", "daughter", priority=1),
    ]
    fields = make_context(make_caller(), [], vulns, contacts).fields
    assert fields["vulnerability.any"] is True
    assert fields["vulnerability.drivers"] == ("health", "life-event")
    assert fields["vulnerability.details"] == ("lives alone", "recently bereaved")
    assert fields["vulnerability.adjustments"] == ("speak slowly", "confirm understanding", "large print")
    assert fields["vulnerability.review_due"] == 1
    assert fields["emergency_contacts.count"] == 2
    assert fields["emergency_contacts.labels"] == ("Ann Hale (daughter)", "Tom Reid (neighbour)")
    assert fields["emergency_contacts.names"] == ("Ann Hale", "Tom Reid")
    assert fields["emergency_contacts.for_health"] == 1
    assert fields["emergency_contacts.for_welfare"] == 2
    assert fields["emergency_contacts.with_consent"] == 1


@pytest.mark.parametrize(
    ("hour", "tz", "local_hour", "part"),
    [
        (14, "Europe/London", 14, "afternoon"),
        (7, "Europe/London", 7, "morning"),
        (19, "Europe/London", 19, "evening"),
        (23, "Europe/London", 23, "night"),
        (14, "Asia/Tokyo", 23, "night"),
        (14, "America/New_York", 9, "morning"),
    ],
)
def test_local_time(hour: int, tz: str, local_hour: int, part: str) -> None:
    now = datetime(2025, 11, 24, hour, 30, tzinfo=UTC)  # a Monday
    fields = make_context(now=now, tz=tz).fields
    assert fields["time.known"] is True
    assert fields["time.hour"] == local_hour
    assert fields["time.part_of_day"] == part
    assert fields["time.local_time"] == f"{local_hour:02d}:30"


def test_weekday_and_unknown_zone() -> None:
    fields = make_context(tz="Europe/London").fields
    assert (fields["time.weekday"], fields["time.is_weekend"]) == ("sunday", True)
    assert make_context(tz="Not/AZone").fields["time.known"] is False


def test_naive_now_is_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        build_context(None, [], now=datetime(2025, 1, 1))  # noqa: DTZ001 - the point of the test


def test_note_cues_jargon_and_chosen_cues() -> None:
    context = make_context(note="She sounds confused about where she is. Asked about the tariff.", chosen=["Medical"])
    assert context.fields["note.has_text"] is True
    assert context.fields["note.cues"] == ("confusion", "medical")
    assert context.fields["note.jargon"] == ("tariff",)
    assert context.evidence == {"confusion": "sounds confused"}  # a chosen cue has no typed evidence
    assert context.jargon_found == (("tariff", "price plan"),)


def test_context_is_read_only() -> None:
    context = make_context()
    caller = context.template_vars["caller"]
    assert isinstance(caller, Group)
    with pytest.raises(AttributeError):
        caller.name = "x"  # type: ignore[attr-defined]
    with pytest.raises(TypeError):
        context.fields["caller.name"] = "x"  # type: ignore[index]


def test_as_dict_is_json_friendly() -> None:
    import json

    data = make_context(note="arrears").as_dict()
    assert json.loads(json.dumps(data))["note.jargon_found"] == [{"term": "arrears", "plain": "money owed"}]


def test_current_call_is_left_out_and_older_follow_ups_count() -> None:
    current = make_interaction(0, None)
    old_promise = make_interaction(200, follow_up=follow_up(-30))
    context = build_context(
        make_caller(), [current, make_interaction(10)], now=NOW, follow_ups=[old_promise],
        current_interaction_id=current.id,
    )  # fmt: skip
    assert context.fields["history.count"] == 1
    assert context.fields["history.days_since_last"] == 10
    assert context.fields["history.overdue_follow_ups"] == 1
    assert context.fields["history.next_follow_up_days"] == -30
