"""Quality review: a scorecard on the site's criteria, checked; one review per reviewer, updated in place; kudos the
agent then sees; reviews queued for sync like every other row."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from cxassist.config import load_settings, resolve_paths
from cxassist.domain.errors import NotFoundError, UserError
from cxassist.domain.models import Channel
from cxassist.services import review
from cxassist.services.calls import CallDetails, log_interaction
from cxassist.services.feedback import FeedbackKind, record_feedback
from cxassist.services.runtime import Runtime, open_runtime
from cxassist.store import tables
from cxassist.store.query import InteractionQuery

SITE = '[roles]\nsupervisors = ["lee", "kim"]\n[review]\ncriteria = ["empathy", "ownership", "care"]\n'
GOOD = {"empathy": 5, "ownership": 4, "care": 5}
NOW = datetime(2026, 6, 1, 12, tzinfo=UTC)


@pytest.fixture
def lee(data_dir: Path, tmp_path: Path) -> Any:
    site = tmp_path / "site.toml"
    site.write_text(SITE, encoding="utf-8")
    settings = load_settings(data_dir=data_dir, site_config=site)
    runtime = replace(open_runtime(settings, resolve_paths(settings), wall=lambda: NOW), agent_id="lee")
    yield runtime
    runtime.close()


def call_by(runtime: Runtime, agent: str, note: str = "sorted the refund") -> Any:
    return log_interaction(
        replace(runtime, agent_id=agent), phone="020 7946 0400", details=CallDetails(note=note)
    ).value


@pytest.mark.parametrize(
    ("scores", "message"),
    [
        ({"empathy": 5, "ownership": 4}, "missing: care"),
        ({**GOOD, "speed": 3}, "Unknown review criteria: speed"),
        ({**GOOD, "care": 0}, "care must be a whole number from 1 to 5, not 0"),
        ({**GOOD, "care": 6}, "not 6"),
        ({**GOOD, "care": True}, "not True"),
        ({**GOOD, "care": "5"}, "not '5'"),
        ({**GOOD, "care": 4.5}, "not 4.5"),
    ],
)
def test_a_scorecard_scores_every_criterion_from_1_to_5(lee: Runtime, scores: dict[str, Any], message: str) -> None:
    item = call_by(lee, "sam")
    with pytest.raises(UserError, match=message):
        review.save_review(lee, item.id, scores=scores)


def test_a_review_is_saved_updated_in_place_and_queued_for_sync(lee: Runtime) -> None:
    item = call_by(lee, "sam")
    first = review.save_review(lee, item.id, scores=GOOD, comment="Owned it", kudos="Lovely care")
    assert first.changes.reviews == {first.value.id} and first.changes.outbox_pending
    second = review.save_review(lee, item.id, scores={**GOOD, "care": 3}, comment="On reflection")
    assert second.value.id == first.value.id, "one review per reviewer and interaction"
    other = review.save_review(replace(lee, agent_id="kim"), item.id, scores=GOOD)
    assert other.value.id != first.value.id
    with lee.db.read() as conn:
        rows = conn.execute(select(tables.review).order_by(tables.review.c.reviewer_id)).mappings().all()
        pushed = conn.execute(select(tables.outbox.c.row_id).where(tables.outbox.c.entity == "review")).scalars()
        assert {str(first.value.id), str(other.value.id)} == set(pushed)
    assert [(r["reviewer_id"], r["scores"]["care"], r["comment"]) for r in rows] == [
        ("kim", 5, ""),
        ("lee", 3, "On reflection"),
    ]
    detail = review.interaction_detail(lee, item.id)
    assert {r.reviewer_id for r in detail.reviews} == {"lee", "kim"}


def test_reviewing_your_own_interaction_or_one_that_does_not_exist_is_refused(lee: Runtime) -> None:
    own = call_by(lee, "lee")
    with pytest.raises(UserError, match="your own interaction"):
        review.save_review(lee, own.id, scores=GOOD)
    with pytest.raises(NotFoundError):
        review.save_review(lee, lee.new_id(), scores=GOOD)


def test_kudos_and_compliments_reach_the_agent_and_no_one_else(lee: Runtime) -> None:
    older = call_by(lee, "sam", "an older call")
    newer = call_by(lee, "sam", "a newer call")
    pats = call_by(lee, "pat")
    review.save_review(lee, older.id, scores=GOOD, kudos="You stayed with her until help came")
    review.save_review(lee, newer.id, scores=GOOD)  # no kudos: nothing to show
    review.save_review(lee, pats.id, scores=GOOD, kudos="Great for Pat")
    later = replace(lee, wall=lambda: NOW + timedelta(days=2))
    record_feedback(later, newer.id, FeedbackKind.COMPLIMENT, Channel.EMAIL, "Sam was wonderful")
    sams = review.kudos_for_agent(replace(lee, agent_id="sam"), "sam")
    assert [(r.kind, r.text, r.given_by) for r in sams] == [
        ("compliment", "Sam was wonderful", "email"),
        ("kudos", "You stayed with her until help came", "lee"),
    ]
    assert sams[1].interaction_id == older.id
    assert [r.text for r in review.kudos_for_agent(lee, "sam", since=NOW + timedelta(days=1))] == ["Sam was wonderful"]
    assert [r.text for r in review.kudos_for_agent(lee, "pat")] == ["Great for Pat"]


def test_a_reviewed_interaction_leaves_the_not_reviewed_filter(lee: Runtime) -> None:
    first, second = call_by(lee, "sam"), call_by(lee, "pat")
    review.save_review(lee, first.id, scores=GOOD)
    page = review.log_page(lee, InteractionQuery(not_reviewed=True))
    assert [row.interaction.id for row in page.rows] == [second.id]
    everything = review.log_page(lee, InteractionQuery())
    assert {row.interaction.id: row.reviewed for row in everything.rows} == {first.id: True, second.id: False}
    assert review.log_count(lee, InteractionQuery(not_reviewed=True)) is not None
