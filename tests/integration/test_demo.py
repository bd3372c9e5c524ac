"""`cxassist demo`: a believable, deterministic demo database whose story caller pops exactly, written once."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any
from uuid import UUID

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
from cxassist.prompts import load_default_pack
from cxassist.security.redaction import find_card_numbers
from cxassist.services import duty_of_care
from cxassist.services import feedback as feedback_service
from cxassist.services import review as review_service
from cxassist.services.dashboard import dashboard
from cxassist.services.demo import DemoSummary, seed_demo
from cxassist.services.duty_of_care import DutyOutcome
from cxassist.services.prompts import DISMISS_REASONS
from cxassist.services.review import check_scores
from cxassist.services.runtime import Runtime
from cxassist.services.screen_pop import Match, screen_pop
from cxassist.store import audit, tables
from cxassist.store.care import contacts_for_caller, vulnerabilities_for_caller
from cxassist.store.interactions import emergency_actions, interaction_from_row
from cxassist.store.prompt_events import EVENTS
from cxassist.store.prompt_suggestions import open_suggestions
from cxassist.store.query import InteractionQuery
from cxassist.store.reviews import ReviewRecord, feedback_for, reviews_for
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
    assert count(runtime, outbox, outbox.c.entity == "review") == count(runtime, tables.review) > 0
    assert count(runtime, outbox, outbox.c.entity == "prompt_event") == summary.prompt_events > 0
    assert count(runtime, outbox, outbox.c.entity == "friction_point") == summary.friction_points > 0
    assert count(runtime, outbox, outbox.c.entity == "feedback") == summary.feedback > 0
    assert count(runtime, outbox, outbox.c.entity == "prompt_suggestion") == count(runtime, tables.prompt_suggestion)
    assert count(runtime, outbox, outbox.c.entity == "audit_event") == count(runtime, tables.audit_event) > 0
    for table in (tables.interaction, tables.review, tables.prompt_event, tables.feedback, tables.audit_event):
        assert count(runtime, table, table.c.hlc == "") == 0


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
    assert supervision_ids(runtime) == supervision_ids(make_runtime("fresh"))
    with runtime.db.read() as conn:
        assert audit.verify(conn).intact


def supervision_ids(runtime: Runtime) -> dict[str, list[str]]:
    """The ids of what supervisors and agents made of the contacts, table by table."""
    found = {}
    with runtime.db.read() as conn:
        for table in (tables.review, tables.feedback, tables.friction_point, tables.prompt_event, tables.audit_event):
            found[table.name] = sorted(str(i) for i in conn.execute(select(table.c.id)).scalars())
    return found


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


# -- what supervisors see: reviews, duty of care, feedback, friction, prompts -------------------------------------


def as_supervisor(runtime: Runtime) -> Runtime:
    return replace(runtime, agent_id="helen.ward")  # a supervisor in the demo's agent table


def reviews(runtime: Runtime) -> list[tuple[ReviewRecord, Any]]:
    """Every review with its interaction."""
    with runtime.db.read() as conn:
        items = {i.id: i for i in all_interactions(runtime)}
        ids = list(conn.execute(select(tables.review.c.interaction_id)).scalars())
        return [(r, items[r.interaction_id]) for r in reviews_for(conn, list(set(ids)))]


def test_quality_reviews_score_every_criterion_by_a_supervisor_after_the_contact(runtime: Runtime) -> None:
    summary = seed_demo(runtime, callers=60, seed=7)
    criteria = runtime.settings.review.criteria
    with runtime.db.read() as conn:
        supervisors = set(conn.execute(select(tables.agent.c.id).where(tables.agent.c.role == "supervisor")).scalars())
    quality = [(r, i) for r, i in reviews(runtime) if r.is_quality_review]
    assert len(quality) == summary.quality_reviews and len(quality) > 10
    for review, item in quality:
        assert tuple(review.scores) == criteria, "every criterion of the scorecard, in order"
        assert all(type(score) is int and 1 <= score <= 5 for score in review.scores.values())
        check_scores(criteria, review.scores)  # what the console's scorecard accepts
        assert review.reviewer_id in supervisors and review.reviewer_id != item.agent_id
        assert review.comment and review.created_at is not None
        assert item.ended_at <= review.created_at <= runtime.now()
    assert len({score for r, _ in quality for score in r.scores.values()}) >= 3, "scores vary"
    recent = runtime.now() - timedelta(days=90)
    assert sum(r.created_at is not None and r.created_at >= recent for r, _ in quality) > 5, "the dashboard has some"
    kudos = [(r, i) for r, i in quality if r.kudos]
    assert len(kudos) >= 2 and all(i.outcome is Outcome.EXCEEDED for _, i in kudos)
    assert not review_service.kudos_for_agent(runtime, runtime.agent_id), "the desktop's own workspace is unchanged"


def test_peggys_good_call_has_a_kudos_and_her_last_call_waits_for_a_supervisor(runtime: Runtime) -> None:
    seed_demo(runtime, callers=40, seed=7)
    pop = screen_pop(runtime, STORY)
    assert pop.caller is not None
    direct_debit = next(h for h in pop.history if h.reason == "Direct debit")
    kudos = review_service.kudos_for_agent(runtime, "sam.okafor")
    assert any(k.interaction_id == direct_debit.id and "Peggy" in k.text for k in kudos)

    queue = duty_of_care.queue(as_supervisor(runtime), size=500).items
    waiting = {item.id for item in queue}
    last, *earlier = pop.history
    assert last.outcome is Outcome.FAILED and last.id in waiting
    assert not any(h.id in waiting for h in earlier), "her earlier calls have their outcome"
    with runtime.db.read() as conn:
        assert not any(r.is_quality_review for r in reviews_for(conn, [last.id])), "not reviewed yet"


def test_duty_of_care_queue_has_open_emergencies_and_vulnerable_callers_and_outcomes(runtime: Runtime) -> None:
    seed_demo(runtime, callers=60, seed=7)
    queue = duty_of_care.queue(as_supervisor(runtime), size=500).items
    reasons = {reason for item in queue for reason in item.reasons}
    assert any(item.kind == "interaction" for item in queue)
    emergencies = [i for i in all_interactions(runtime) if i.flag_emergency]
    waiting = {item.id for item in queue}
    assert any(i.id in waiting for i in emergencies), "an emergency waits for its outcome"
    assert any(i.id not in waiting for i in emergencies), "and an older one has its outcome"
    assert len(reasons) >= 2, reasons

    outcomes = [(r, i) for r, i in reviews(runtime) if not r.is_quality_review]
    assert outcomes and all(i.flag_emergency or i.flag_vulnerable for _, i in outcomes)
    assert {r.duty_of_care_outcome for r, _ in outcomes} <= {o.value for o in DutyOutcome}
    assert all(r.comment and not r.scores for r, _ in outcomes)
    with runtime.db.read() as conn:
        events = audit.page(conn, action="recorded-duty-of-care-outcome", limit=1000)
        assert audit.verify(conn).intact
    assert sorted(e.subject for e in events) == sorted(f"interaction:{i.id}" for _, i in outcomes)
    assert [e.at for e in events] == sorted((e.at for e in events), reverse=True), "the trail reads in time order"
    assert all(json.loads(e.detail)["outcome"] in {o.value for o in DutyOutcome} for e in events)


def test_most_long_overdue_vulnerability_reviews_were_done_and_moved_on_a_year(runtime: Runtime) -> None:
    seed_demo(runtime, callers=600, seed=7)  # about one vulnerability in a hundred callers is long overdue
    today = runtime.today()
    with runtime.db.read() as conn:
        done = audit.page(conn, action="reviewed-vulnerability", limit=1000)
        review_by = dict(conn.execute(select(tables.vulnerability.c.id, tables.vulnerability.c.review_by)).all())
    assert done
    for event in done:
        detail = json.loads(event.detail)
        vulnerability_id = UUID(event.subject.removeprefix("vulnerability:"))
        assert review_by[vulnerability_id].isoformat() == detail["next_review"]
        assert review_by[vulnerability_id] > today and detail["comment"]
        assert event.at <= runtime.now() and event.actor in {"helen.ward", "gareth.lloyd"}
    queue = duty_of_care.queue(as_supervisor(runtime), size=500).items
    waiting = [item for item in queue if item.kind == "vulnerability"]
    assert len(waiting) >= 2 and len(done) > len(waiting) / 2


def test_feedback_friction_and_suggestions(runtime: Runtime) -> None:
    seed_demo(runtime, callers=60, seed=7)
    items = {i.id: i for i in all_interactions(runtime)}
    with runtime.db.read() as conn:
        feedback = feedback_for(conn, list(items))
        suggestions = open_suggestions(conn, limit=50)
    compliments = [f for f in feedback if f.kind == "compliment"]
    (complaint,) = [f for f in feedback if f.kind == "complaint"]
    assert len(compliments) >= 2 and all(items[f.interaction_id].outcome is Outcome.EXCEEDED for f in compliments)
    assert all(items[f.interaction_id].agent_id != runtime.agent_id for f in compliments)
    about = items[complaint.interaction_id]
    assert about.outcome is Outcome.FAILED and about.follow_up is not None
    assert about.follow_up.kind is FollowUpKind.SENIOR_CALLBACK and about.follow_up.is_open()
    assert about.follow_up.owner in {"helen.ward", "gareth.lloyd"} and about.follow_up.due > runtime.today()

    ranked = feedback_service.rank_friction(runtime)
    rules = {r.key for r in ranked}
    assert "refund dates only visible to the refunds team" in rules, "marked on Peggy's last call"
    assert sum(r.count for r in ranked) >= 3 and all(r.examples for r in ranked)

    assert 1 <= len(suggestions) <= 2 and all(s.text and s.interaction_id in items for s in suggestions)


def test_prompt_events_use_rules_of_the_default_pack_as_the_workspace_records_them(runtime: Runtime) -> None:
    summary = seed_demo(runtime, callers=60, seed=7)
    pack = load_default_pack()
    rule_ids = {rule.id for rule in pack.rules}
    items = {i.id: i for i in all_interactions(runtime)}
    with runtime.db.read() as conn:
        events = conn.execute(select(tables.prompt_event).order_by(tables.prompt_event.c.at)).mappings().all()
    assert len(events) == summary.prompt_events > 50
    shown: set[tuple[Any, str]] = set()
    for event in sorted(events, key=lambda e: (e["at"], e["event"] != "shown")):
        key = (event["interaction_id"], event["rule_id"])
        assert event["rule_id"] in rule_ids and event["pack_version"] == f"{pack.name}@{pack.version}"
        assert event["event"] in EVENTS
        assert (event["reason"] in DISMISS_REASONS) if event["event"] == "dismissed" else event["reason"] == ""
        item = items[event["interaction_id"]]
        assert item.started_at <= event["at"] <= item.ended_at <= runtime.now()
        if event["event"] == "shown":
            assert key not in shown, "shown once per contact"
            shown.add(key)
        else:
            assert key in shown, "used or dismissed after it was shown"
    kinds = {event["event"] for event in events}
    assert kinds == set(EVENTS)


def test_the_dashboard_has_review_scores_and_prompt_use_to_show(runtime: Runtime) -> None:
    seed_demo(runtime, callers=60, seed=7)
    board = dashboard(as_supervisor(runtime), InteractionQuery())
    assert board.scores_by_agent and board.scores_by_team
    assert {row.criterion for row in board.scores_by_team} == set(runtime.settings.review.criteria)
    assert all(1 <= row.average <= 5 for row in board.scores_by_agent)
    assert board.prompts and any(row.used for row in board.prompts)
    assert sum(sum(row.used_outcomes.values()) for row in board.prompts) > 0
