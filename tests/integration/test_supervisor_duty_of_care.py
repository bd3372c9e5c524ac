"""The duty-of-care queue: emergencies, vulnerable callers, sync conflicts and vulnerabilities past review, oldest
first, each until a supervisor records an outcome; outcomes are reviews (synced) and audit events."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update

from cxassist.config import load_settings, resolve_paths
from cxassist.domain.errors import UserError
from cxassist.domain.models import EmergencyActionKind, Vulnerability, VulnerabilityDriver
from cxassist.services import duty_of_care
from cxassist.services.access import AccessDenied
from cxassist.services.calls import CallDetails, log_interaction
from cxassist.services.duty_of_care import DutyOutcome
from cxassist.services.emergency import record_action
from cxassist.services.runtime import Runtime, open_runtime
from cxassist.store import care, tables
from cxassist.store.query import duty_of_care_page

NOW = datetime(2026, 6, 10, 15, tzinfo=UTC)
DAY = timedelta(days=1)


@pytest.fixture
def lee(data_dir: Path, tmp_path: Path) -> Any:
    site = tmp_path / "site.toml"
    site.write_text('[roles]\nsupervisors = ["lee"]\n', encoding="utf-8")
    settings = load_settings(data_dir=data_dir, site_config=site)
    runtime = replace(open_runtime(settings, resolve_paths(settings), wall=lambda: NOW), agent_id="lee")
    yield runtime
    runtime.close()


def flagged(runtime: Runtime, when: datetime, **flags: bool) -> Any:
    item = log_interaction(
        replace(runtime, agent_id="sam"), phone="020 7946 0500", details=CallDetails(reason="billing"), started_at=when
    ).value
    if flags:
        with runtime.db.write() as conn:
            conn.execute(update(tables.interaction).where(tables.interaction.c.id == item.id).values(**flags))
    return item


def vulnerability(runtime: Runtime, caller: Any, review_by: date) -> Vulnerability:
    item = Vulnerability(
        id=runtime.new_id(), caller_id=caller.id, driver=VulnerabilityDriver.HEALTH, detail="hard of hearing",
        adjustments="speak slowly", consent=None, recorded_by="sam", review_by=review_by,
    )  # fmt: skip
    with runtime.db.write() as conn:
        care.save_vulnerability(conn, item, hlc=runtime.stamp(), now=runtime.now())
    return item


@pytest.fixture
def queue(lee: Runtime, add_caller: Any) -> dict[str, Any]:
    caller = add_caller("Margaret Hale", "020 7946 0018")
    items: dict[str, Any] = {
        "emergency": flagged(lee, NOW - 9 * DAY),
        "vulnerable": flagged(lee, NOW - 7 * DAY, flag_vulnerable=True),
        "conflict": flagged(lee, NOW - 3 * DAY, flag_conflict=True),
        "ordinary": flagged(lee, NOW - 8 * DAY),
        "overdue review": vulnerability(lee, caller, (NOW - 5 * DAY).date()),
        "review later": vulnerability(lee, caller, (NOW + 30 * DAY).date()),
        "unflagged action": flagged(lee, NOW - 2 * DAY),
    }
    record_action(replace(lee, agent_id="sam"), items["emergency"].id, EmergencyActionKind.EMERGENCY_SERVICES_CALLED)
    record_action(replace(lee, agent_id="sam"), items["unflagged action"].id, EmergencyActionKind.KEPT_ON_LINE)
    with lee.db.write() as conn:  # as an older desktop might have left it: an action, but no flag
        table = tables.interaction
        conn.execute(update(table).where(table.c.id == items["unflagged action"].id).values(flag_emergency=False))
    return items


def names(queue: dict[str, Any], page: Any) -> list[str]:
    by_id = {item.id: name for name, item in queue.items()}
    return [by_id[item.id] for item in page.items]


def test_the_queue_holds_what_needs_care_oldest_first(lee: Runtime, queue: dict[str, Any]) -> None:
    page = duty_of_care.queue(lee)
    assert names(queue, page) == ["emergency", "vulnerable", "overdue review", "conflict", "unflagged action"]
    reasons = {name: item.reasons for name, item in zip(names(queue, page), page.items, strict=True)}
    assert reasons["emergency"] == ("emergency",) and reasons["unflagged action"] == ("emergency",)
    assert reasons["vulnerable"] == ("vulnerable caller",) and reasons["conflict"] == ("sync conflict",)
    assert reasons["overdue review"] == ("review date passed",)
    assert page.items[2].caller_name == "Margaret Hale" and page.next is None


def test_the_queue_pages_by_keyset_across_both_kinds(lee: Runtime, queue: dict[str, Any]) -> None:
    seen, cursor = [], None
    with lee.db.read() as conn:
        while True:
            page = duty_of_care_page(conn, today=lee.today(), after=cursor, size=2)
            seen.extend(names(queue, page))
            if page.next is None:
                break
            cursor = page.next
    assert seen == ["emergency", "vulnerable", "overdue review", "conflict", "unflagged action"]


def test_an_outcome_takes_an_interaction_out_of_the_queue_everywhere(lee: Runtime, queue: dict[str, Any]) -> None:
    done = duty_of_care.record_outcome(lee, queue["emergency"].id, DutyOutcome.REFERRED, "Referred to the care team")
    assert done.value.duty_of_care_outcome == "referred" and done.changes.reviews == {done.value.id}
    assert "emergency" not in names(queue, duty_of_care.queue(lee))
    with lee.db.read() as conn:
        review = conn.execute(select(tables.review)).mappings().one()
        event = conn.execute(select(tables.audit_event)).mappings().one()
        pushed = set(conn.execute(select(tables.outbox.c.entity)).scalars())
    assert review["comment"] == "Referred to the care team" and review["reviewer_id"] == "lee"
    assert review["scores"] == {}, "an outcome is not a quality review"
    assert event["action"] == "recorded-duty-of-care-outcome" and json.loads(event["detail"]) == {"outcome": "referred"}
    assert {"review", "audit_event"} <= pushed
    with pytest.raises(UserError, match="already has a duty-of-care outcome"):
        duty_of_care.record_outcome(lee, queue["emergency"].id, DutyOutcome.NO_ACTION, "again")


@pytest.mark.parametrize(
    ("outcome", "comment", "message"),
    [("no-action", "  ", "needs a comment"), ("maybe", "x", "not a valid DutyOutcome")],
)
def test_an_outcome_needs_a_known_kind_and_a_comment(
    lee: Runtime, queue: dict[str, Any], outcome: str, comment: str, message: str
) -> None:
    with pytest.raises((UserError, ValueError), match=message):
        duty_of_care.record_outcome(lee, queue["vulnerable"].id, outcome, comment)  # type: ignore[arg-type]


def test_reviewing_a_vulnerability_moves_its_date_and_audits_the_outcome(lee: Runtime, queue: dict[str, Any]) -> None:
    target = queue["overdue review"]
    with pytest.raises(UserError, match="after today"):
        duty_of_care.review_vulnerability(lee, target.id, DutyOutcome.NO_ACTION, "ok", next_review=lee.today())
    with pytest.raises(UserError, match="at most 12 months"):
        duty_of_care.review_vulnerability(
            lee, target.id, DutyOutcome.NO_ACTION, "ok", next_review=lee.today() + timedelta(days=400)
        )
    done = duty_of_care.review_vulnerability(lee, target.id, DutyOutcome.FOLLOW_UP_NEEDED, "Call her daughter")
    assert done.value.review_by == lee.today() + timedelta(days=365)
    assert "overdue review" not in names(queue, duty_of_care.queue(lee))
    with lee.db.read() as conn:
        event = conn.execute(select(tables.audit_event).where(tables.audit_event.c.subject.like("vulnerab%"))).one()
    assert json.loads(event.detail)["outcome"] == "follow-up-needed"


def test_an_agent_cannot_see_the_queue_or_record_outcomes(lee: Runtime, queue: dict[str, Any]) -> None:
    sam = replace(lee, agent_id="sam")
    with pytest.raises(AccessDenied):
        duty_of_care.queue(sam)
    with pytest.raises(AccessDenied):
        duty_of_care.record_outcome(sam, queue["emergency"].id, DutyOutcome.NO_ACTION, "fine")
