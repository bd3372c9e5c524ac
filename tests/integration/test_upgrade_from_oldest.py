"""Upgrading from the oldest schema keeps every row: a database made at the first revision, with data written by raw
SQL as that version wrote it, is opened by this build. A backup exists exactly when a migration ran.

Meaningful whatever HEAD is: while HEAD is the first revision nothing migrates and no backup is taken; once a later
revision exists the same test proves the upgrade path, its backup and the data after it.
"""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory

from cxassist.cli import main
from cxassist.config import load_settings, resolve_paths
from cxassist.services.runtime import open_runtime
from cxassist.services.screen_pop import screen_pop
from cxassist.services.search import search
from cxassist.store import migrate, sync_indexes
from cxassist.store.engine import create_sqlite_engine
from cxassist.store.errors import StoreError
from cxassist.store.migrations import HEAD

T = "2025-03-01T10:00:00+00:00"
HLC = "0000018f0000000000-0000-node1"
CALLER, PHONE, CONTACT, VULN = (uuid.uuid4().hex for _ in range(4))
CALL, ACTION, PROMPT, REVIEW, FRICTION, FEEDBACK = (uuid.uuid4().hex for _ in range(6))
STAMPS = {"created_at": T, "updated_at": T, "hlc": HLC}

# The rows the first released schema held, one or more per table, as that version wrote them.
ROWS: dict[str, list[dict[str, object]]] = {
    "meta": [{"key": "node_id", "value": "node1"}, {"key": "app_version", "value": "0.0.9"}],
    "agent": [{"id": "sam", "display_name": "Sam Patel", "role": "agent", "team": "Leeds", **STAMPS}],
    "caller": [
        {
            "id": CALLER, "full_name": "Margaret Hale", "preferred_name": "Peggy", "pronunciation": "PEG-ee",
            "email": "peggy@example.org", "address_lines": '["1 High Street"]', "city": "London", "postcode": "N1 1AA",
            "country": "GB", "preferred_channel": "phone", "language": "en", "customer_since": "2009-05-01",
            "external_id": "CRM-1", "notes": "Prefers mornings", "tags": '["vip"]', "needs_attention": 0,
            "deleted_at": None, **STAMPS,
        }
    ],
    "caller_phone": [
        {
            "id": PHONE, "caller_id": CALLER, "e164": "+442079460018", "national": "2079460018", "tail": "9460018",
            "label": "home", "is_primary": 1, **STAMPS,
        }
    ],
    "emergency_contact": [
        {
            "id": CONTACT, "caller_id": CALLER, "name": "Ann Hale", "relationship": "daughter",
            "phones": '[{"e164": "+442079460019", "label": "mobile", "is_primary": true}]',
            "may_contact_for": '["health", "welfare"]', "consent_at": T,
            "consent_how": "verbal", "consent_by": "sam", "priority": 1, "deleted_at": None, **STAMPS,
        }
    ],
    "vulnerability": [
        {
            "id": VULN, "caller_id": CALLER, "driver": "health", "detail": "Hard of hearing",
            "adjustments": '["speak slowly"]', "consent_at": T, "consent_how": "verbal", "consent_by": "sam",
            "recorded_by": "sam", "review_by": "2026-03-01", "deleted_at": None, **STAMPS,
        }
    ],
    "interaction": [
        {
            "id": CALL, "caller_id": CALLER, "phone": "+442079460018", "agent_id": "sam", "channel": "phone",
            "direction": "inbound", "status": "completed", "started_at": T, "ended_at": T, "reason": "refund",
            "outcome": "met", "resolution": "Refund sent", "follow_up_due": None, "follow_up_owner": "",
            "follow_up_kind": "", "follow_up_done_at": None, "note": "Quokka refund confirmed by phone",
            "tags": '["refund"]', "flag_emergency": 1, "flag_vulnerable": 1, "flag_conflict": 0, **STAMPS,
        }
    ],
    "emergency_action": [
        {"id": ACTION, "interaction_id": CALL, "at": T, "kind": "contact-notified", "detail": "Ann", "agent_id": "sam",
         **STAMPS}
    ],
    "prompt_event": [
        {"id": PROMPT, "interaction_id": CALL, "rule_id": "greet", "pack_version": "1", "event": "used", "reason": "",
         "at": T, **STAMPS}
    ],
    "review": [
        {"id": REVIEW, "interaction_id": CALL, "reviewer_id": "lee", "scores": '{"empathy": 5}', "comment": "Kind",
         "kudos": "Well done", "duty_of_care_outcome": "ok", **STAMPS}
    ],
    "friction_point": [
        {"id": FRICTION, "interaction_id": CALL, "rule": "security questions", "words": "asked twice",
         "status": "open", **STAMPS}
    ],
    "feedback": [
        {"id": FEEDBACK, "interaction_id": CALL, "kind": "compliment", "channel": "phone", "text": "Lovely",
         **STAMPS}
    ],
    "draft": [{"interaction_id": CALL, "body": '{"note": "half typed"}', "updated_at": T}],
    "outbox": [
        {"seq": 1, "entity": "interaction", "row_id": CALL, "hlc": HLC, "payload": "{}", "created_at": T,
         "state": "pending", "reject_reason": "", "attempts": 0},
        {"seq": 2, "entity": "caller", "row_id": CALLER, "hlc": HLC, "payload": "{}", "created_at": T,
         "state": "rejected", "reject_reason": "bad field", "attempts": 3},
    ],
    "sync_state": [{"key": "pull_cursor", "value": "42"}],
}  # fmt: skip


def _oldest_revision() -> str:
    script = ScriptDirectory(str(migrate.MIGRATIONS_DIR))
    (base,) = script.get_bases()
    return str(base)


def _create_at(path: Path, revision: str) -> None:
    """The schema as of `revision`, made by Alembic on a fresh file (what that version's first start did)."""
    engine = create_sqlite_engine(path)
    config = Config()
    config.set_main_option("script_location", str(migrate.MIGRATIONS_DIR))
    try:
        with engine.connect() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, revision)
            if conn.in_transaction():
                conn.commit()
    finally:
        engine.dispose()


def _insert(path: Path, rows: dict[str, list[dict[str, object]]]) -> None:
    with sqlite3.connect(path) as conn:
        for table, table_rows in rows.items():
            for row in table_rows:
                columns = ", ".join(f'"{c}"' for c in row)
                marks = ", ".join("?" for _ in row)
                conn.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", tuple(row.values()))
    conn.close()


def _snapshot(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table's rows in the columns the oldest schema had, in a stable order."""
    with sqlite3.connect(path) as conn:
        found = {
            table: sorted(
                conn.execute(f"SELECT {', '.join(repr(c) for c in rows[0])} FROM {table}").fetchall(), key=repr
            )
            for table, rows in ROWS.items()
        }
    conn.close()
    return found


@pytest.fixture
def oldest(data_dir: Path) -> Path:
    path = data_dir / "cxassist.db"
    _create_at(path, _oldest_revision())
    _insert(path, ROWS)
    return path


def test_the_oldest_revision_is_the_first_release() -> None:
    assert _oldest_revision() == "0001_initial"


def test_upgrade_from_the_oldest_schema_keeps_every_row(oldest: Path, data_dir: Path) -> None:
    before = _snapshot(oldest)
    assert migrate.revision_of(oldest) == _oldest_revision()

    settings = load_settings(data_dir=data_dir)
    runtime = open_runtime(settings, resolve_paths(settings))
    try:
        pop = screen_pop(runtime, "020 7946 0018")
        assert pop.match == "exact" and pop.caller is not None and pop.caller.preferred_name == "Peggy"
        assert [c.name for c in pop.emergency_contacts] == ["Ann Hale"]
        assert [h.id for h in pop.history] == [uuid.UUID(CALL)]
        assert [i.id for i in search(runtime, "quokka").interactions] == [uuid.UUID(CALL)]
    finally:
        runtime.close()

    assert migrate.revision_of(oldest) == HEAD
    assert _snapshot(oldest) == before
    backups = sorted((data_dir / "backups").glob("*.db")) if (data_dir / "backups").exists() else []
    if _oldest_revision() == HEAD:
        assert backups == [], "nothing was migrated, so nothing needed a backup"
    else:
        assert [b.name.startswith(f"cxassist-{_oldest_revision()}-") for b in backups] == [True]
        assert migrate.revision_of(backups[0]) == _oldest_revision()
        assert _snapshot(backups[0]) == before
    with sqlite3.connect(oldest) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()


def test_a_database_the_build_cannot_migrate_is_refused_with_the_backup_kept(
    oldest: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if _oldest_revision() == HEAD:
        pytest.skip("HEAD is the oldest revision: no migration runs, so none can fail")
    # A row pointing at a caller that does not exist (written with foreign keys off, as a damaged copy might be):
    # the check after migrating finds it and the upgrade is refused.
    with sqlite3.connect(oldest) as conn:
        conn.execute("PRAGMA foreign_keys=OFF")
        conn.execute(
            "INSERT INTO caller_phone VALUES (?, ?, '+442079460099', '2079460099', '9460099', 'home', 0, ?, ?, ?)",
            (uuid.uuid4().hex, uuid.uuid4().hex, T, T, HLC),
        )
    conn.close()
    before = _snapshot(oldest)
    code = main(["--data-dir", str(data_dir), "lookup", "020 7946 0018"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and str(oldest) in err and "backup" in err and "Traceback" not in err
    (backup,) = (data_dir / "backups").glob(f"cxassist-{_oldest_revision()}-*.db")
    assert migrate.revision_of(backup) == _oldest_revision()
    assert _snapshot(backup) == before


def test_opening_a_damaged_database_is_refused_and_it_stays_as_it_was(oldest: Path, data_dir: Path) -> None:
    oldest.write_bytes(b"SQLite format 3\x00" + b"\x00" * 50)
    before = oldest.read_bytes()
    with pytest.raises(StoreError, match=r"cxassist\.db"):
        migrate.open_database(oldest)
    assert oldest.read_bytes() == before


def test_indexes_a_killed_first_pull_left_out_are_back_before_the_upgrade(oldest: Path, data_dir: Path,
                                                                          tmp_path: Path) -> None:
    engine = create_sqlite_engine(oldest)
    try:
        with engine.begin() as conn:
            sync_indexes.defer(conn)  # as a first pull does; then the app was killed before the pull's end
    finally:
        engine.dispose()

    settings = load_settings(data_dir=data_dir)
    open_runtime(settings, resolve_paths(settings)).close()

    fresh = tmp_path / "fresh.db"
    _create_at(fresh, HEAD)
    assert _indexes(oldest) == _indexes(fresh)
    with sqlite3.connect(oldest) as conn:
        left = conn.execute("SELECT count(*) FROM sync_state WHERE key = ?", (sync_indexes.DEFERRED,)).fetchone()
        assert left == (0,)
    conn.close()


def _indexes(path: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(path) as conn:
        found = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                             "ORDER BY name").fetchall()
    conn.close()
    return [(str(name), str(sql)) for name, sql in found]
