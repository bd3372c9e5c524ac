"""Reading the audit trail back for the console: pages newest first by keyset, filters by action and by who, the
choices the filters offer, and a chain check that names the event tampered with."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import update

from cxassist.domain.errors import UserError
from cxassist.services import audit_log
from cxassist.services.audit_log import AuditAction
from cxassist.services.runtime import Runtime
from cxassist.store import tables


def fill(runtime: Runtime, count: int) -> None:
    for n in range(count):
        who = replace(runtime, agent_id="sam" if n % 2 else "lee")
        action = AuditAction.VIEWED_VULNERABILITIES if n % 3 else AuditAction.VIEWED_EMERGENCY_CONTACTS
        audit_log.record(who, action=action, subject=f"caller:{n}")


def test_pages_run_newest_first_without_repeats_or_gaps(runtime: Any) -> None:
    fill(runtime, 7)
    first = audit_log.events_page(runtime, size=3)
    assert [e.subject for e in first.events] == ["caller:6", "caller:5", "caller:4"]
    second = audit_log.events_page(runtime, before=first.before, size=3)
    third = audit_log.events_page(runtime, before=second.before, size=3)
    assert [e.subject for e in second.events + third.events] == [f"caller:{n}" for n in (3, 2, 1, 0)]
    assert third.before is None


def test_filters_by_action_and_by_who_and_offers_what_is_there(runtime: Any) -> None:
    fill(runtime, 7)
    contacts = audit_log.events_page(runtime, action=AuditAction.VIEWED_EMERGENCY_CONTACTS.value)
    assert [e.subject for e in contacts.events] == ["caller:6", "caller:3", "caller:0"]
    both = audit_log.events_page(runtime, action=AuditAction.VIEWED_EMERGENCY_CONTACTS.value, actor="sam")
    assert [e.subject for e in both.events] == ["caller:3"]
    choices = audit_log.filter_choices(runtime)
    assert choices.actors == ["lee", "sam"]
    assert choices.actions == ["viewed-emergency-contacts", "viewed-vulnerabilities"]


def test_a_page_size_out_of_range_is_refused(runtime: Any) -> None:
    with pytest.raises(UserError, match="1 to 500 events"):
        audit_log.events_page(runtime, size=0)


def test_the_chain_check_names_the_event_that_was_changed(runtime: Any) -> None:
    fill(runtime, 4)
    assert audit_log.check_chain(runtime).intact
    assert audit_log.check_chain(runtime).events == 4
    event = tables.audit_event
    with runtime.db.engine.begin() as conn:
        conn.execute(update(event).where(event.c.seq == 2).values(actor="someone-else"))
    check = audit_log.check_chain(runtime)
    assert not check.intact and check.broken_count == 1
    assert [(e.seq, e.subject) for e in check.broken] == [(2, "caller:1")]


def test_a_deleted_event_breaks_the_link_of_the_next(runtime: Any) -> None:
    fill(runtime, 4)
    event = tables.audit_event
    with runtime.db.engine.begin() as conn:
        conn.execute(event.delete().where(event.c.seq == 2))
    check = audit_log.check_chain(runtime)
    assert [e.seq for e in check.broken] == [3]
