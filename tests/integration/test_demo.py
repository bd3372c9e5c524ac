"""`cxassist demo`: a believable, deterministic demo database whose story caller pops exactly, written once."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import phonenumbers
import pytest
from sqlalchemy import func, select

from cxassist.cli import main
from cxassist.domain.models import (
    Channel,
    ContactPurpose,
    Direction,
    FollowUpKind,
    Outcome,
    Role,
    VulnerabilityDriver,
)
from cxassist.security.redaction import find_card_numbers
from cxassist.services.demo import DemoSummary, seed_demo
from cxassist.services.runtime import Runtime
from cxassist.services.screen_pop import Match, screen_pop
from cxassist.store import tables
from cxassist.store.care import contacts_for_caller, vulnerabilities_for_caller
from cxassist.store.interactions import emergency_actions, interaction_from_row
from cxassist.store.rows import save

STORY = "+442079460018"


def count(runtime: Runtime, table: Any, *where: Any) -> int:
    with runtime.db.read() as conn:
        return int(conn.execute(select(func.count()).select_from(table).where(*where)).scalar_one())


def all_interactions(runtime: Runtime) -> list[Any]:
    with runtime.db.read() as conn:
        return [interaction_from_row(row) for row in conn.execute(select(tables.interaction)).mappings()]


def names_by_external_id(runtime: Runtime) -> list[tuple[str, str]]:
    with runtime.db.read() as conn:
        rows = conn.execute(select(tables.caller.c.external_id, tables.caller.c.full_name))
        return sorted((str(external_id), str(name)) for external_id, name in rows)


def test_story_caller_pops_exactly_with_her_care_records_and_history(runtime: Runtime) -> None:
    summary = seed_demo(runtime, callers=40, seed=7)
    assert summary.story_caller_number == STORY and summary.callers == 40 and not summary.reused

    for spelling in (STORY, "020 7946 0018", "tel:+44-20-7946-0018"):
        assert screen_pop(runtime, spelling).match is Match.EXACT
    pop = screen_pop(runtime, STORY)
    peggy = pop.caller
    assert peggy is not None
    assert (peggy.full_name, peggy.display_name, peggy.pronunciation) == ("Margaret Hale", "Peggy", "PEG-ee")
    assert peggy.external_id == "DEMO-0001" and peggy.preferred_channel is Channel.PHONE
    assert peggy.customer_since is not None and peggy.customer_since.year == 2009
    assert peggy.address.country == "GB" and "lives alone" in peggy.notes

    contacts = [(c.name, c.relationship, c.may_contact_for, c.priority) for c in pop.emergency_contacts]
    assert contacts == [
        ("Ann Hale", "daughter", (ContactPurpose.HEALTH, ContactPurpose.WELFARE), 1),
        ("Tom Reid", "neighbour", (ContactPurpose.WELFARE,), 2),
    ]
    assert all(c.consent is not None and c.consent.how == "verbal, recorded call" for c in pop.emergency_contacts)

    (vulnerability,) = pop.vulnerabilities
    today = runtime.today()
    assert vulnerability.driver is VulnerabilityDriver.HEALTH
    assert "hard of hearing" in vulnerability.detail and "lives alone" in vulnerability.detail
    assert vulnerability.adjustments.startswith("Speak slowly and clearly, confirm each step")
    assert vulnerability.consent is not None
    assert today < vulnerability.review_by <= today + timedelta(days=366)

    (open_follow_up,) = pop.follow_ups
    assert open_follow_up.reason == "Refund" and open_follow_up.outcome is Outcome.FAILED
    assert open_follow_up.follow_up is not None and open_follow_up.follow_up.kind is FollowUpKind.CALLBACK
    assert open_follow_up.follow_up.is_overdue(today)

    last = pop.history[0]
    assert last.id == open_follow_up.id, "her last call is the refund call that let her down"
    assert (runtime.now() - last.started_at).days in (2, 3)
    assert {h.outcome for h in pop.history} == set(Outcome)
    assert all(h.outcome is not Outcome.FAILED for h in pop.history[1:]), "earlier calls went well"
    assert all(h.phone == STORY for h in pop.history)


def test_story_contacts_numbers_belong_to_no_caller(runtime: Runtime) -> None:
    seed_demo(runtime, callers=120, seed=3)
    pop = screen_pop(runtime, STORY)
    for contact in pop.emergency_contacts:
        for phone in contact.phones:
            assert screen_pop(runtime, phone.e164).match is not Match.EXACT


def test_every_stored_number_is_valid(runtime: Runtime) -> None:
    seed_demo(runtime, callers=120, seed=11)
    with runtime.db.read() as conn:
        numbers = list(conn.execute(select(tables.caller_phone.c.e164)).scalars())
        for row in conn.execute(select(tables.emergency_contact.c.phones)).scalars():
            numbers += [phone["e164"] for phone in row]
        numbers += [n for n in conn.execute(select(tables.interaction.c.phone)).scalars() if n]
    assert len(numbers) > 200
    for number in numbers:
        parsed = phonenumbers.parse(number, None)
        assert phonenumbers.is_valid_number(parsed), number
        assert phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164) == number


def test_demo_has_the_variety_a_demo_needs(runtime: Runtime) -> None:
    summary = seed_demo(runtime, callers=300, seed=7)
    items = all_interactions(runtime)
    assert len(items) == summary.interactions and 300 * 2 < len(items) < 300 * 12
    assert {i.outcome for i in items} == set(Outcome)
    outcomes = [i.outcome for i in items]
    assert outcomes.count(Outcome.MET) > outcomes.count(Outcome.EXCEEDED) > 0
    assert outcomes.count(Outcome.MET) > outcomes.count(Outcome.FAILED) > 0
    assert {i.channel for i in items} == set(Channel)
    assert {i.direction for i in items} == set(Direction)
    assert any("complaint" in i.tags for i in items)

    today = runtime.today()
    follow_ups = [i.follow_up for i in items if i.follow_up is not None]
    assert any(f.is_overdue(today) for f in follow_ups)
    assert any(f.is_open() and not f.is_overdue(today) for f in follow_ups) or summary.follow_ups_open > 0
    assert any(not f.is_open() for f in follow_ups)
    assert any(f.kind is FollowUpKind.SENIOR_CALLBACK for f in follow_ups)
    assert summary.follow_ups_open == sum(1 for f in follow_ups if f.is_open())

    emergencies = [i for i in items if i.flag_emergency]
    assert emergencies and all(i.flag_vulnerable for i in emergencies)
    with runtime.db.read() as conn:
        actions = emergency_actions(conn, [i.id for i in emergencies])
        caller_ids = list(conn.execute(select(tables.caller.c.id)).scalars())
        vulnerabilities = [v for cid in caller_ids for v in vulnerabilities_for_caller(conn, cid)]
        contacts = [c for cid in caller_ids for c in contacts_for_caller(conn, cid)]
    assert {a.interaction_id for a in actions} == {i.id for i in emergencies}
    assert all(a.agent_id for a in actions)

    assert {v.driver for v in vulnerabilities} == set(VulnerabilityDriver)
    assert all(v.consent is not None and v.recorded_by and v.adjustments for v in vulnerabilities)
    assert all(v.review_by <= today + timedelta(days=366) for v in vulnerabilities)
    assert 1 <= sum(v.is_due_for_review(today) for v in vulnerabilities) < len(vulnerabilities) / 2
    assert len(vulnerabilities) == summary.vulnerabilities and len(contacts) == summary.emergency_contacts
    assert all(c.consent is not None and c.phones and c.may_contact_for for c in contacts)

    with runtime.db.read() as conn:
        callers = conn.execute(select(tables.caller)).mappings().all()
    assert {c["country"] for c in callers} >= {"GB"}
    assert sum(c["country"] == "GB" for c in callers) > len(callers) * 0.75
    assert any(c["preferred_name"] for c in callers) and any(c["pronunciation"] for c in callers)
    assert all(1995 <= c["customer_since"].year <= today.year for c in callers)


def test_notes_are_redacted_like_any_other(runtime: Runtime) -> None:
    seed_demo(runtime, callers=300, seed=7)
    notes = [i.note for i in all_interactions(runtime)]
    assert all(not find_card_numbers(note) for note in notes)
    assert not any("4111 1111 1111 1111" in note for note in notes)
    assert any("**** **** **** 1111" in note for note in notes), "the demo shows a masked card number"


def test_every_demo_row_went_to_the_outbox_with_an_hlc(runtime: Runtime) -> None:
    summary = seed_demo(runtime, callers=40, seed=7)
    outbox = tables.outbox
    assert count(runtime, outbox, outbox.c.entity == "caller") == summary.callers
    assert count(runtime, outbox, outbox.c.entity == "interaction") == summary.interactions
    assert count(runtime, outbox, outbox.c.entity == "emergency_contact") == summary.emergency_contacts
    assert count(runtime, outbox, outbox.c.entity == "vulnerability") == summary.vulnerabilities
    assert count(runtime, outbox, outbox.c.entity == "caller_phone") == count(runtime, tables.caller_phone)
    assert count(runtime, tables.interaction, tables.interaction.c.hlc == "") == 0


def test_second_run_reuses_the_data_and_writes_nothing(runtime: Runtime) -> None:
    first = seed_demo(runtime, callers=40, seed=7)
    outbox_rows = count(runtime, tables.outbox)
    second = seed_demo(runtime, callers=40, seed=7)
    again_other_size = seed_demo(runtime, callers=500, seed=8)
    assert second.reused and again_other_size.reused and not first.reused
    assert _fields(first) | {"reused": True} == _fields(second) == _fields(again_other_size)
    assert count(runtime, tables.outbox) == outbox_rows


def _fields(summary: DemoSummary) -> dict[str, object]:
    return {name: getattr(summary, name) for name in summary.__dataclass_fields__}


def test_an_interrupted_run_is_completed_without_duplicates(make_runtime: Callable[[str], Runtime]) -> None:
    runtime = make_runtime("interrupted")

    def stop(done: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        seed_demo(runtime, callers=120, seed=5, progress=stop)
    assert 0 < count(runtime, tables.caller) < 120
    resumed = seed_demo(runtime, callers=120, seed=5)
    fresh = seed_demo(make_runtime("fresh"), callers=120, seed=5)
    assert not resumed.reused and _fields(resumed) == _fields(fresh)
    assert names_by_external_id(runtime) == names_by_external_id(make_runtime("fresh"))


def test_same_seed_same_callers_other_seed_others(make_runtime: Callable[[str], Runtime]) -> None:
    a, b, c = make_runtime("a"), make_runtime("b"), make_runtime("c")
    seed_demo(a, callers=40, seed=42)
    seed_demo(b, callers=40, seed=42)
    seed_demo(c, callers=40, seed=43)
    assert names_by_external_id(a) == names_by_external_id(b)
    assert names_by_external_id(a) != names_by_external_id(c)
    with a.db.read() as conn_a, b.db.read() as conn_b:
        ids = select(tables.caller.c.id).order_by(tables.caller.c.external_id)
        assert list(conn_a.execute(ids).scalars()) == list(conn_b.execute(ids).scalars())
    peggy_a, peggy_c = screen_pop(a, STORY).caller, screen_pop(c, STORY).caller
    assert peggy_a is not None and peggy_c is not None and peggy_a.full_name == peggy_c.full_name


def test_agents_are_added_but_an_existing_agent_is_left_alone(runtime: Runtime) -> None:
    with runtime.db.write() as conn:
        values = {"id": runtime.agent_id, "display_name": "Sam At The Desk", "role": "supervisor", "team": "Night"}
        save(conn, tables.agent, values, hlc=runtime.stamp(), now=runtime.now())
    summary = seed_demo(runtime, callers=10, seed=7)
    with runtime.db.read() as conn:
        agents = {row["id"]: row for row in conn.execute(select(tables.agent)).mappings()}
    assert summary.agents == len(agents) >= 6
    mine = agents[runtime.agent_id]
    assert (mine["display_name"], mine["role"], mine["team"]) == ("Sam At The Desk", "supervisor", "Night")
    assert {row["role"] for row in agents.values()} >= {Role.AGENT.value, Role.SUPERVISOR.value}


def test_progress_is_reported_after_each_chunk(runtime: Runtime) -> None:
    seen: list[int] = []
    seed_demo(runtime, callers=130, seed=7, progress=seen.append)
    assert seen == sorted(seen) and seen[-1] == 130 and len(seen) >= 3


def test_cli_demo_prints_counts_then_lookup_finds_peggy(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    d = str(data_dir)
    assert main(["--data-dir", d, "demo", "--callers", "30"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["callers"] == 30 and summary["reused"] is False
    assert summary["story_caller_number"] == STORY
    assert summary["interactions"] > 0 and summary["emergency_contacts"] >= 2 and summary["vulnerabilities"] >= 1
    assert summary["follow_ups_open"] >= 1 and summary["agents"] >= 6

    assert main(["--data-dir", d, "lookup", STORY]) == 0
    card = json.loads(capsys.readouterr().out)
    assert card["match"] == "exact" and card["caller"]["preferred_name"] == "Peggy"
    assert [c["name"] for c in card["emergency_contacts"]] == ["Ann Hale", "Tom Reid"]

    assert main(["--data-dir", d, "demo", "--callers", "30"]) == 0
    again = json.loads(capsys.readouterr().out)
    assert again == {**summary, "reused": True}


def test_even_a_small_demo_has_reviews_due_and_an_emergency(runtime: Runtime) -> None:
    seed_demo(runtime, callers=40, seed=7)
    today = runtime.today()
    vulnerability = tables.vulnerability
    assert count(runtime, vulnerability, vulnerability.c.review_by <= today) >= 2
    emergencies = [i for i in all_interactions(runtime) if i.flag_emergency]
    assert emergencies
    with runtime.db.read() as conn:
        kinds = [a.kind.value for a in emergency_actions(conn, [emergencies[0].id])]
    assert kinds == [
        "kept-on-line",
        "address-confirmed",
        "emergency-services-called",
        "contact-notified",
        "stayed-until-help-arrived",
    ]
