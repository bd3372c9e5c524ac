"""The benchmark data generator (bench/generate.py) at a tiny scale: the app opens what it makes, finds the sidecar's
numbers exactly, searches its notes, and SQLite finds the file sound; the same seed makes the same rows whatever the
number of worker processes."""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from cxassist.config import load_settings, resolve_paths
from cxassist.domain.phones import normalise
from cxassist.services.maintenance import check_database
from cxassist.services.runtime import Runtime, open_runtime
from cxassist.services.screen_pop import Match, screen_pop
from cxassist.services.search import search
from cxassist.store.query import derived

GENERATOR = Path(__file__).resolve().parents[2] / "bench" / "generate.py"
TABLES = ("caller", "caller_phone", "emergency_contact", "vulnerability", "interaction")


def generate(db: Path, *, callers: int, interactions: int, seed: int, workers: int) -> dict[str, object]:
    command = [sys.executable, str(GENERATOR), "--db", str(db), "--callers", str(callers),
               "--interactions", str(interactions), "--seed", str(seed), "--workers", str(workers), "--quiet"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    summary: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    return summary


def content_digest(db: Path) -> dict[str, str]:
    conn = sqlite3.connect(db)
    try:
        digests = {}
        for table in TABLES:
            digest = hashlib.sha256()
            for row in conn.execute(f"SELECT * FROM {table} ORDER BY rowid"):
                digest.update(repr(row).encode())
            digests[table] = digest.hexdigest()
        return digests
    finally:
        conn.close()


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, object]]:
    data = tmp_path_factory.mktemp("bench") / "data"
    summary = generate(data / "cxassist.db", callers=200, interactions=2000, seed=5, workers=2)
    return data, summary


@pytest.fixture
def bench_runtime(generated: tuple[Path, dict[str, object]]) -> Iterator[Runtime]:
    settings = load_settings(data_dir=generated[0])
    runtime = open_runtime(settings, resolve_paths(settings))
    yield runtime
    runtime.close()


def sidecar(generated: tuple[Path, dict[str, object]]) -> dict[str, list[object]]:
    data: dict[str, list[object]] = json.loads((generated[0] / "cxassist.db.numbers.json").read_text("utf-8"))
    return data


def test_generator_makes_the_rows_asked_for(generated: tuple[Path, dict[str, object]]) -> None:
    counts = generated[1]["counts"]
    assert isinstance(counts, dict)
    assert counts["caller"] == 200
    assert counts["interaction"] == 2000
    assert 200 < counts["caller_phone"] <= 600
    assert counts["emergency_contact"] > 0
    assert counts["vulnerability"] > 0


def test_sidecar_numbers_are_valid_and_known_ones_pop_as_exact_matches(
    generated: tuple[Path, dict[str, object]], bench_runtime: Runtime
) -> None:
    numbers = sidecar(generated)
    known = numbers["known"]
    assert len(known) == 200
    for item in known[:50]:
        assert isinstance(item, dict)
        assert normalise(item["e164"], "GB") == item["e164"]
        pop = screen_pop(bench_runtime, item["e164"])
        assert pop.match is Match.EXACT
        assert pop.caller is not None
        assert pop.caller.id.hex == item["caller_id"]
        assert item["e164"] in {p.e164 for p in pop.caller.phones}
        assert len(pop.history) <= 20
        assert all(h.caller_id == pop.caller.id for h in pop.history)
        started = [h.started_at for h in pop.history]
        assert started == sorted(started, reverse=True)
    for number in numbers["unknown"][:20]:
        assert isinstance(number, str)
        assert normalise(number, "GB") == number
        assert screen_pop(bench_runtime, number).match is not Match.EXACT
    called_before = numbers["unknown_seen"][0]
    assert isinstance(called_before, str)
    pop = screen_pop(bench_runtime, called_before)
    assert pop.match is not Match.EXACT
    assert pop.history, "an unknown number from the sidecar's 'unknown_seen' has earlier calls"


def test_search_finds_a_word_of_the_newest_note(
    generated: tuple[Path, dict[str, object]], bench_runtime: Runtime
) -> None:
    conn = sqlite3.connect(generated[0] / "cxassist.db")
    try:
        newest_id, note = conn.execute("SELECT id, note FROM interaction ORDER BY rowid DESC LIMIT 1").fetchone()
    finally:
        conn.close()
    word = max(re.findall(r"\w+", note), key=len)
    found = search(bench_runtime, word)
    assert newest_id in {item.id.hex for item in found.interactions}
    assert all(word.lower() in (item.note + " " + item.reason).lower() for item in found.interactions)


def test_database_passes_sqlite_and_app_checks(
    generated: tuple[Path, dict[str, object]], bench_runtime: Runtime
) -> None:
    conn = sqlite3.connect(generated[0] / "cxassist.db")
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        triggers = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        indexes = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    finally:
        conn.close()
    assert {"interaction_fts_ai", "interaction_fts_ad", "interaction_fts_au", "caller_fts_ai"} <= triggers
    assert set(derived.TRIGGERS) <= triggers
    assert {"ix_caller_phone_e164", "ix_interaction_caller_started", "ix_interaction_phone"} <= indexes
    report = check_database(bench_runtime)
    assert report.problems == ()
    with bench_runtime.db.read() as conn:
        assert derived.integrity_problems(conn) == []
        assert conn.exec_driver_sql("SELECT count(*) FROM interaction_tag").scalar_one() > 0
    assert (report.callers, report.interactions, report.outbox_pending) == (200, 2000, 0)


def test_same_seed_same_rows_whatever_the_worker_count(
    generated: tuple[Path, dict[str, object]], tmp_path: Path
) -> None:
    again = tmp_path / "again" / "cxassist.db"
    generate(again, callers=200, interactions=2000, seed=5, workers=0)  # the fixture used 2 workers
    made = generated[0] / "cxassist.db"
    assert content_digest(again) == content_digest(made)
    sidecars = [json.loads(db.with_name("cxassist.db.numbers.json").read_text("utf-8")) for db in (again, made)]
    assert sidecars[0] == sidecars[1]
