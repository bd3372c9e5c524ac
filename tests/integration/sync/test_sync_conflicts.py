"""Concurrent edits of a vulnerability or an emergency contact keep both versions and flag the caller."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from cxassist.domain.errors import UserError
from cxassist.domain.models import Vulnerability, VulnerabilityDriver
from cxassist.services import conflicts as conflicts_service
from cxassist.services.conflicts import conflicts_for_caller, settle_conflict
from cxassist.store import care
from cxassist.store.callers import get_caller
from cxassist.store.sync_conflicts import open_conflicts
from cxassist.sync.backends.folder import FolderBackend


def save(agent: Any, item: Vulnerability) -> None:
    with agent.runtime.db.write() as conn:
        care.save_vulnerability(conn, item, hlc=agent.runtime.stamp(), now=agent.runtime.now())


def setup(make_agent: Any, tmp_path: Path) -> tuple[Any, Any, Any, Vulnerability]:
    share = tmp_path / "share"
    share.mkdir()
    a, b = make_agent("agent-a"), make_agent("agent-b")
    a.connect(FolderBackend(share))
    b.connect(FolderBackend(share))
    caller = a.add_caller("Margaret Hale", "020 7946 0018")
    item = Vulnerability(
        id=a.runtime.new_id(), caller_id=caller.id, driver=VulnerabilityDriver.HEALTH, detail="hard of hearing",
        adjustments="speak slowly", consent=None, recorded_by="agent-a", review_by=date(2027, 6, 1),
    )
    save(a, item)
    a.sync()
    b.sync()
    return a, b, caller, item


def test_concurrent_edits_keep_both_versions_and_flag_the_caller_everywhere(make_agent: Any, tmp_path: Path) -> None:
    a, b, caller, item = setup(make_agent, tmp_path)
    save(a, replace(item, adjustments="speak slowly; confirm each step"))
    save(b, replace(item, adjustments="use the text relay service"))
    a.sync()
    b.sync()
    a.sync()
    for agent in (a, b):
        with agent.runtime.db.read() as conn:
            conflicts = open_conflicts(conn)
            flagged = get_caller(conn, caller.id)
            (kept,) = care.vulnerabilities_for_caller(conn, caller.id)
        assert len(conflicts) == 1, agent.runtime.agent_id
        both = {conflicts[0].local_payload["adjustments"], conflicts[0].remote_payload["adjustments"]}
        assert both == {"speak slowly; confirm each step", "use the text relay service"}
        assert flagged is not None and flagged.needs_attention
        assert kept.adjustments == "use the text relay service", "the newest version shows until settled"
    assert a.runner.status().open_conflicts == 1
    ids = set()
    for agent in (a, b):
        with agent.runtime.db.read() as conn:
            ids.add(open_conflicts(conn)[0].id)
    assert len(ids) == 1, "both desktops name the conflict alike"


def test_edits_made_one_after_another_are_not_conflicts(make_agent: Any, tmp_path: Path) -> None:
    a, b, caller, item = setup(make_agent, tmp_path)
    save(a, replace(item, adjustments="first"))
    a.sync()
    b.sync()
    save(b, replace(item, adjustments="second, on top of the first"))
    b.sync()
    a.sync()
    save(a, replace(item, adjustments="third"))
    a.sync()
    b.sync()
    for agent in (a, b):
        with agent.runtime.db.read() as conn:
            assert open_conflicts(conn) == []
            (kept,) = care.vulnerabilities_for_caller(conn, caller.id)
            flagged = get_caller(conn, caller.id)
        assert kept.adjustments == "third"
        assert flagged is not None and not flagged.needs_attention


def test_a_third_desktop_that_edited_nothing_sees_the_conflict_too(make_agent: Any, tmp_path: Path) -> None:
    a, b, caller, item = setup(make_agent, tmp_path)
    c = make_agent("agent-c")
    c.connect(FolderBackend(tmp_path / "share"))
    save(a, replace(item, detail="hard of hearing; new hearing aid"))
    save(b, replace(item, detail="profoundly deaf"))
    a.sync()
    b.sync()
    c.sync()
    with c.runtime.db.read() as conn:
        assert len(open_conflicts(conn)) == 1
        flagged = get_caller(conn, caller.id)
    assert flagged is not None and flagged.needs_attention


def conflicted(make_agent: Any, tmp_path: Path) -> tuple[Any, Any, Any]:
    a, b, caller, item = setup(make_agent, tmp_path)
    save(a, replace(item, adjustments="speak slowly; confirm each step"))
    save(b, replace(item, adjustments="use the text relay service"))
    a.sync()
    b.sync()
    a.sync()
    return a, b, caller


def test_settling_keeps_the_chosen_version_everywhere_and_unflags_the_caller(make_agent: Any, tmp_path: Path) -> None:
    a, b, caller = conflicted(make_agent, tmp_path)
    (case,) = conflicts_for_caller(b.runtime, caller.id)
    adjustments = next(f for f in case.fields if f.name == "adjustments")
    assert adjustments.differs and adjustments.first == "speak slowly; confirm each step"
    assert not next(f for f in case.fields if f.name == "detail").differs

    done = settle_conflict(b.runtime, case.id, keep_version=case.first.hlc)
    assert caller.id in done.changes.callers and done.changes.outbox_pending
    b.sync()
    a.sync()
    for agent in (a, b):
        with agent.runtime.db.read() as conn:
            assert open_conflicts(conn) == [], agent.runtime.agent_id
            (kept,) = care.vulnerabilities_for_caller(conn, caller.id)
            flagged = get_caller(conn, caller.id)
        assert kept.adjustments == "speak slowly; confirm each step"
        assert flagged is not None and not flagged.needs_attention
        assert conflicts_for_caller(agent.runtime, caller.id) == []
    with pytest.raises(UserError, match="already settled"):
        settle_conflict(a.runtime, case.id, keep_version=case.second.hlc)


def test_settling_is_one_transaction(make_agent: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a, _b, caller = conflicted(make_agent, tmp_path)
    (case,) = conflicts_for_caller(a.runtime, caller.id)
    pending = a.pending()

    def broken(*_args: Any, **_kwargs: Any) -> None:
        raise RuntimeError("disk full while auditing")

    monkeypatch.setattr(conflicts_service, "append_event", broken)
    with pytest.raises(RuntimeError):
        settle_conflict(a.runtime, case.id, keep_version=case.first.hlc)
    assert [c.id for c in conflicts_for_caller(a.runtime, caller.id)] == [case.id]
    assert a.pending() == pending
    with a.runtime.db.read() as conn:
        (kept,) = care.vulnerabilities_for_caller(conn, caller.id)
        flagged = get_caller(conn, caller.id)
    assert kept.adjustments == "use the text relay service" and flagged is not None and flagged.needs_attention


def test_a_version_that_is_not_one_of_the_pair_is_refused(make_agent: Any, tmp_path: Path) -> None:
    a, _b, caller = conflicted(make_agent, tmp_path)
    (case,) = conflicts_for_caller(a.runtime, caller.id)
    with pytest.raises(UserError, match="one of the two versions"):
        settle_conflict(a.runtime, case.id, keep_version=a.runtime.stamp())
