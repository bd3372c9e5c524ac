"""The history tree model: newest first, details as a child row, outcomes in words and symbols."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any
from uuid import uuid4

from PySide6.QtCore import QModelIndex, Qt

from cxassist.domain.models import Channel, Direction, FollowUp, Interaction, Outcome, Status
from cxassist.ui.agent.history_model import HistoryModel


def _call(days_ago: int, outcome: Outcome | None, **extra: Any) -> Interaction:
    return Interaction(
        id=uuid4(), caller_id=None, phone="+442079460018", agent_id="sam", channel=Channel.PHONE,
        direction=Direction.INBOUND, status=Status.COMPLETED,
        started_at=datetime(2025, 11, 20, 14, 0, tzinfo=UTC) - timedelta(days=days_ago), outcome=outcome, **extra,
    )


def test_history_model_passes_the_model_tester(qtmodeltester: Any) -> None:
    model = HistoryModel()
    model.set_items([_call(3, Outcome.MET), _call(1, Outcome.FAILED, reason="billing"), _call(9, None)])
    qtmodeltester.check(model)


def test_newest_first_with_outcome_text_and_details_in_place(qapp: Any) -> None:
    model = HistoryModel()
    follow = FollowUp(due=date(2025, 11, 25))
    model.set_items([_call(30, Outcome.EXCEEDED), _call(1, Outcome.FAILED, reason="billing", follow_up=follow,
                                                        flag_emergency=True, note="refund not sorted")])
    first = model.index(0, 0)
    assert model.data(model.index(0, 2)) == "billing"
    assert model.data(model.index(0, 3)) == "✗ Failed"
    assert model.data(model.index(1, 3)) == "★ Exceeded"
    assert "⚠ Emergency" in model.data(model.index(0, 5)) and "Follow-up due" in model.data(model.index(0, 5))
    assert model.rowCount(first) == 1
    detail = model.index(0, 0, first)
    assert "refund not sorted" in model.data(detail)
    assert model.parent(detail) == first
    assert model.rowCount(detail) == 0 and model.parent(first) == QModelIndex()
    assert model.data(model.index(0, 1, first), Qt.ItemDataRole.DisplayRole) is None


def test_agents_show_by_name_once_names_are_known(qapp: Any) -> None:
    model = HistoryModel()
    lee = replace(_call(2, Outcome.MET), agent_id="lee")
    model.set_items([_call(1, Outcome.MET), lee])
    assert [model.data(model.index(row, 4)) for row in range(2)] == ["sam", "lee"]
    model.set_agent_names({"sam": "Sam Okafor"})
    assert [model.data(model.index(row, 4)) for row in range(2)] == ["Sam Okafor", "lee"], "unknown stays by id"
