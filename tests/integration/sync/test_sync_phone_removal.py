"""A number taken off a caller on one desktop is gone from every desktop's screen pop; added again, it comes back."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import func, select

from cxassist.services.caller_edit import CallerInput, PhoneInput, save_caller
from cxassist.services.screen_pop import Match, screen_pop
from cxassist.services.search import search
from cxassist.store import tables

HOME, MOBILE = "020 7946 0018", "020 7946 0342"


def edit_numbers(agent: Any, caller_id: Any, *numbers: str) -> None:
    data = CallerInput(full_name="Margaret Hale", phones=tuple(PhoneInput(n) for n in numbers))
    save_caller(agent.runtime, data, caller_id=caller_id)


def phone_rows(agent: Any) -> int:
    with agent.runtime.db.read() as conn:
        return int(conn.execute(select(func.count()).select_from(tables.caller_phone)).scalar_one())


def test_a_removed_number_syncs_and_a_re_added_number_comes_back(
    make_agent: Any, new_backend: Callable[[], Any]
) -> None:
    a, b = make_agent("agent-a"), make_agent("agent-b")
    a.connect(new_backend())
    b.connect(new_backend())
    peggy = save_caller(
        a.runtime, CallerInput(full_name="Margaret Hale", phones=(PhoneInput(HOME), PhoneInput(MOBILE)))
    ).value
    a.sync()
    b.sync()
    assert screen_pop(b.runtime, MOBILE).match is Match.EXACT

    edit_numbers(a, peggy.id, HOME)
    a.sync()
    b.sync()
    for agent in (a, b):
        pop = screen_pop(agent.runtime, MOBILE)
        assert pop.match is Match.NONE and pop.caller is None and pop.candidates == (), agent.runtime.agent_id
        (found,) = search(agent.runtime, "Margaret").callers
        assert [p.e164 for p in found.phones] == ["+442079460018"], "search shows only the numbers still in use"
        assert screen_pop(agent.runtime, HOME).match is Match.EXACT

    edit_numbers(b, peggy.id, HOME, MOBILE)
    b.sync()
    a.sync()
    for agent in (a, b):
        pop = screen_pop(agent.runtime, MOBILE)
        assert pop.match is Match.EXACT and pop.caller is not None and pop.caller.id == peggy.id
        assert phone_rows(agent) == 2, "the number came back as the same row, not a second copy"
    assert a.pending() == b.pending() == 0
