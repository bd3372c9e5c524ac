"""Screen pop matching: exact first, probable matches offered (never merged), unknown numbers kept."""

from __future__ import annotations

from typing import Any

import pytest

from cxassist.domain.phones import PhoneError
from cxassist.services.calls import CallDetails, log_interaction
from cxassist.services.screen_pop import Match, screen_pop


@pytest.mark.parametrize(
    "spelling",
    [
        "+442079460018",
        "020 7946 0018",
        "(020) 7946-0018",
        "0044 20 7946 0018",
        "tel:+44-20-7946-0018",
        "tel:020-7946-0018;phone-context=+44",
        " +44 (0)20 7946 0018 ",
    ],
)
def test_every_common_spelling_finds_the_caller_exactly(runtime: Any, add_caller: Any, spelling: str) -> None:
    peggy = add_caller("Margaret Hale", "020 7946 0018", preferred_name="Peggy")
    pop = screen_pop(runtime, spelling)
    assert pop.match is Match.EXACT
    assert pop.caller is not None and pop.caller.id == peggy.id
    assert pop.caller.display_name == "Peggy"


def test_exact_match_brings_history_newest_first_and_limited_to_20(runtime: Any, add_caller: Any) -> None:
    from datetime import timedelta

    caller = add_caller("Tom Reid", "020 7946 0100")
    start = runtime.now() - timedelta(days=100)
    for day in range(25):
        details = CallDetails(note=f"call number {day}")
        log_interaction(runtime, phone="020 7946 0100", details=details, started_at=start + timedelta(days=day))
    pop = screen_pop(runtime, "020 7946 0100")
    assert pop.caller is not None and pop.caller.id == caller.id
    assert len(pop.history) == 20
    assert pop.history[0].note == "call number 24"
    assert [h.started_at for h in pop.history] == sorted((h.started_at for h in pop.history), reverse=True)


def test_same_national_number_under_another_country_code_is_only_probable(runtime: Any, add_caller: Any) -> None:
    sam = add_caller("Sam Ortiz", "+1 212 555 0147", country="US")
    pop = screen_pop(runtime, "212 555 0147")  # typed under the site's GB default, no country code
    assert pop.match is Match.PROBABLE
    assert pop.caller is None, "a probable match is never filled in silently"
    assert [(c.caller.id, c.reason) for c in pop.candidates] == [(sam.id, "same national number, other country code")]


def test_number_dialled_without_area_code_is_offered_as_probable(runtime: Any, add_caller: Any) -> None:
    ann = add_caller("Ann Hale", "020 7946 0055")
    pop = screen_pop(runtime, "7946 0055")
    assert pop.match is Match.PROBABLE
    assert pop.caller is None
    assert [c.caller.id for c in pop.candidates] == [ann.id]
    assert pop.candidates[0].reason == "same last digits"


def test_a_shared_household_number_asks_the_agent_to_choose(runtime: Any, add_caller: Any) -> None:
    add_caller("Ann Hale", "020 7946 0077")
    add_caller("Bob Hale", "020 7946 0077")
    pop = screen_pop(runtime, "020 7946 0077")
    assert pop.match is Match.PROBABLE
    assert sorted(c.caller.full_name for c in pop.candidates) == ["Ann Hale", "Bob Hale"]


def test_unknown_number_shows_earlier_unlinked_calls(runtime: Any) -> None:
    log_interaction(runtime, phone="020 7946 0999", details=CallDetails(note="asked about opening hours"))
    pop = screen_pop(runtime, "+44 20 7946 0999")
    assert pop.match is Match.NONE
    assert [h.note for h in pop.history] == ["asked about opening hours"]
    assert pop.history[0].caller_id is None and pop.history[0].phone == "+442079460999"


@pytest.mark.parametrize("bad", ["", "   ", "call me", "++--", "tel:", "0800-FLOWERS"])
def test_input_that_is_not_a_number_is_a_clear_error(runtime: Any, bad: str) -> None:
    with pytest.raises(PhoneError, match="is not a phone number"):
        screen_pop(runtime, bad)


def test_deleted_callers_are_not_matched(runtime: Any, add_caller: Any) -> None:
    from datetime import UTC, datetime

    caller = add_caller("Gone Away", "020 7946 0123")
    with runtime.db.write() as conn:
        conn.exec_driver_sql(
            "UPDATE caller SET deleted_at = ? WHERE id = ?",
            (datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f+00:00"), caller.id.hex),
        )
    assert screen_pop(runtime, "020 7946 0123").match is Match.NONE
