"""Friction points marked in one step and ranked by how often and how recently; customer feedback that arrives later:
compliments become recognition, complaints open a follow-up that shows in the caller's history."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from cxassist.config import load_settings, resolve_paths
from cxassist.domain.errors import NotFoundError, UserError
from cxassist.domain.models import Channel, FollowUpKind
from cxassist.services import feedback
from cxassist.services.access import AccessDenied
from cxassist.services.calls import CallDetails, log_interaction
from cxassist.services.feedback import FeedbackKind
from cxassist.services.runtime import Runtime, open_runtime
from cxassist.services.screen_pop import screen_pop

NOW = datetime(2026, 6, 10, 15, tzinfo=UTC)


@pytest.fixture
def lee(data_dir: Path, tmp_path: Path) -> Any:
    site = tmp_path / "site.toml"
    site.write_text('[roles]\nsupervisors = ["lee"]\n', encoding="utf-8")
    settings = load_settings(data_dir=data_dir, site_config=site)
    runtime = replace(open_runtime(settings, resolve_paths(settings), wall=lambda: NOW), agent_id="lee")
    yield runtime
    runtime.close()


def at(runtime: Runtime, days_ago: float, agent: str = "sam") -> Runtime:
    when = NOW - timedelta(days=days_ago)
    return replace(runtime, agent_id=agent, wall=lambda: when)


def call(runtime: Runtime, phone: str = "020 7946 0600", **details: Any) -> Any:
    return log_interaction(replace(runtime, agent_id="sam"), phone=phone, details=CallDetails(**details)).value


def test_marking_friction_takes_one_step_and_cleans_the_text(lee: Runtime) -> None:
    item = call(lee)
    done = feedback.mark_friction(
        replace(lee, agent_id="sam"), item.id, "  Security  questions\n asked twice ", "card 4111 1111 1111 1111"
    )
    assert done.value.rule == "Security questions asked twice"
    assert "4111 1111 1111 1111" not in done.value.words and done.changes.interactions == {item.id}
    with pytest.raises(UserError, match="Name the rule"):
        feedback.mark_friction(lee, item.id, " ... ")
    with pytest.raises(NotFoundError):
        feedback.mark_friction(lee, lee.new_id(), "Proof of address")


def test_friction_ranks_by_how_often_and_how_recently(lee: Runtime) -> None:
    item = call(lee)
    for days_ago in (1, 2, 3):  # three this week: 0.5 ** (d / 30) each, about 2.80
        feedback.mark_friction(at(lee, days_ago), item.id, "Proof of address by post", f"this week {days_ago}")
    for days_ago in (120, 125, 130, 140, 150, 160, 170, 180):  # eight in the spring: about 0.47 in all
        feedback.mark_friction(at(lee, days_ago), item.id, "proof of address by post.", "spring")
        feedback.mark_friction(at(lee, days_ago), item.id, "Two forms of ID in branch", "spring")
    feedback.mark_friction(at(lee, 0), item.id, "Fax the form", "today")
    ranked = feedback.rank_friction(lee)
    assert [r.key for r in ranked] == ["proof of address by post", "fax the form", "two forms of id in branch"]
    top = ranked[0]
    assert top.count == 11 and top.rule == "Proof of address by post", "the most recent spelling is shown"
    assert [e.words for e in top.examples] == ["this week 1", "this week 2", "this week 3"]
    assert top.score == pytest.approx(
        sum(0.5 ** (d / 30) for d in (1, 2, 3, 120, 125, 130, 140, 150, 160, 170, 180)), abs=1e-3
    )
    assert ranked[1].score == pytest.approx(1.0) and ranked[2].count == 8
    assert [r.key for r in feedback.rank_friction(lee, NOW - timedelta(days=10))] == [
        "proof of address by post", "fax the form",
    ]  # fmt: skip


def test_a_removed_rule_leaves_the_ranking_and_returns_flagged_if_marked_again(lee: Runtime) -> None:
    item = call(lee)
    feedback.mark_friction(at(lee, 5), item.id, "Fax the form")
    feedback.mark_friction(at(lee, 4), item.id, "Call back within office hours only")
    with pytest.raises(AccessDenied):
        feedback.mark_friction_removed(replace(lee, agent_id="sam"), "fax the form")
    assert feedback.mark_friction_removed(lee, "FAX THE FORM ").value == 1
    assert [r.key for r in feedback.rank_friction(lee)] == ["call back within office hours only"]
    with pytest.raises(NotFoundError):
        feedback.mark_friction_removed(lee, "fax the form")
    feedback.mark_friction(at(lee, 1), item.id, "Fax the form", "back again")
    back = {r.key: r for r in feedback.rank_friction(lee)}["fax the form"]
    assert back.previously_removed and back.count == 1


def test_a_compliment_becomes_recognition_and_cannot_be_self_recorded(lee: Runtime) -> None:
    item = call(lee)
    with pytest.raises(UserError, match="colleague or supervisor"):
        feedback.record_feedback(replace(lee, agent_id="sam"), item.id, FeedbackKind.COMPLIMENT, Channel.PHONE, "me!")
    with pytest.raises(UserError, match="Only a complaint opens a follow-up"):
        feedback.record_feedback(lee, item.id, FeedbackKind.COMPLIMENT, Channel.PHONE, "Great", senior_callback=True)
    done = feedback.record_feedback(lee, item.id, FeedbackKind.COMPLIMENT, Channel.WEB, "Sam saved the day")
    assert done.changes.follow_ups == frozenset()
    from cxassist.services.review import kudos_for_agent

    assert [r.text for r in kudos_for_agent(lee, "sam")] == ["Sam saved the day"]


def test_a_complaint_opens_a_senior_callback_in_the_callers_history(lee: Runtime, add_caller: Any) -> None:
    add_caller("Margaret Hale", "020 7946 0018")
    item = call(lee, "020 7946 0018", note="refund refused")
    done = feedback.record_feedback(
        lee, item.id, FeedbackKind.COMPLAINT, Channel.EMAIL, "Nobody called me back", senior_callback=True,
        follow_up_owner="helen.ward",
    )  # fmt: skip
    assert done.changes.follow_ups == {item.id} and done.changes.callers
    pop = screen_pop(lee, "020 7946 0018")
    (open_item,) = pop.follow_ups
    assert open_item.id == item.id and open_item.follow_up is not None
    assert open_item.follow_up.kind is FollowUpKind.SENIOR_CALLBACK and open_item.follow_up.owner == "helen.ward"
    assert open_item.follow_up.due == date(2026, 6, 11)
    assert [h.id for h in pop.history] == [item.id]


def test_a_second_complaint_keeps_the_open_follow_up_and_the_earlier_date(lee: Runtime) -> None:
    item = call(lee, follow_up_due=date(2026, 6, 20))
    feedback.record_feedback(lee, item.id, FeedbackKind.COMPLAINT, Channel.PHONE, "Still waiting",
                             follow_up_due=date(2026, 6, 12))  # fmt: skip
    feedback.record_feedback(
        lee, item.id, FeedbackKind.COMPLAINT, Channel.PHONE, "Again", follow_up_due=date(2026, 6, 15)
    )
    from cxassist.services.review import interaction_detail

    detail = interaction_detail(lee, item.id)
    assert detail.interaction.follow_up is not None
    assert detail.interaction.follow_up.due == date(2026, 6, 12) and detail.interaction.follow_up.owner == "sam"
    assert [f.text for f in detail.feedback] == ["Still waiting", "Again"]
    with pytest.raises(UserError, match="in the past"):
        feedback.record_feedback(
            lee, item.id, FeedbackKind.COMPLAINT, Channel.PHONE, "x", follow_up_due=date(2026, 1, 1)
        )
