"""Who may use the console and export, and the audit trail: roles from the agent table or the site file only,
refusals audited, console openings, views of vulnerable callers' records and exports audited; the CLI's export
filters, and an agent limited to their own interactions."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from cxassist.cli import main
from cxassist.config import load_settings, resolve_paths
from cxassist.domain.models import Channel, Outcome
from cxassist.services import access, review
from cxassist.services.access import AccessDenied
from cxassist.services.calls import CallDetails, log_interaction
from cxassist.services.export import ExportFilter, ExportFormat, export_to_file, write_export
from cxassist.services.runtime import Runtime, open_runtime
from cxassist.store import audit, tables
from cxassist.store.query import InteractionQuery
from cxassist.store.rows import save

SITE = '[roles]\nsupervisors = ["lee.supervisor"]\nadmins = ["ada.admin"]\n'


@pytest.fixture
def site_file(tmp_path: Path) -> Path:
    path = tmp_path / "site.toml"
    path.write_text(SITE, encoding="utf-8")
    return path


def make_runtime(data_dir: Path, agent_id: str, *, site: Path | None = None, **environ: str) -> Runtime:
    settings = load_settings(data_dir=data_dir, site_config=site, environ=environ)
    runtime = open_runtime(settings, resolve_paths(settings))
    return replace(runtime, agent_id=agent_id)


def audit_rows(runtime: Runtime) -> list[dict[str, Any]]:
    event = tables.audit_event
    with runtime.db.read() as conn:
        return [dict(r) for r in conn.execute(select(event).order_by(event.c.seq)).mappings()]


def add_agent(runtime: Runtime, agent_id: str, role: str, team: str = "Thames") -> None:
    with runtime.db.write() as conn:
        values = {"id": agent_id, "display_name": agent_id, "role": role, "team": team}
        save(conn, tables.agent, values, hlc=runtime.stamp(), now=runtime.now())


def test_roles_come_from_the_agent_table_then_the_site_file(data_dir: Path, site_file: Path) -> None:
    runtime = make_runtime(data_dir, "lee.supervisor", site=site_file)
    try:
        assert access.role_of(runtime).value == "supervisor"
        assert access.role_of(runtime, "ada.admin").value == "admin"
        assert access.role_of(runtime, "sam.agent").value == "agent"
        add_agent(runtime, "lee.supervisor", "agent")
        add_agent(runtime, "gareth", "supervisor")
        add_agent(runtime, "odd", "overlord")
        assert access.role_of(runtime).value == "agent", "the synced agent table decides"
        assert access.role_of(runtime, "gareth").value == "supervisor"
        assert access.role_of(runtime, "odd").value == "agent", "an unknown role grants nothing"
    finally:
        runtime.close()


def test_roles_from_the_environment_are_ignored(data_dir: Path) -> None:
    runtime = make_runtime(data_dir, "sam.agent", CXASSIST_ROLES_SUPERVISORS="sam.agent")
    try:
        assert runtime.settings.roles.supervisors == ("sam.agent",)
        assert access.role_of(runtime).value == "agent"
    finally:
        runtime.close()


def test_roles_in_the_users_own_settings_file_are_ignored(data_dir: Path, isolated_home: Path) -> None:
    settings = load_settings(data_dir=data_dir)
    settings.user_file.parent.mkdir(parents=True, exist_ok=True)
    settings.user_file.write_text('[roles]\nsupervisors = ["sam.agent"]\n', encoding="utf-8")
    runtime = make_runtime(data_dir, "sam.agent")
    try:
        assert runtime.settings.roles.supervisors == ("sam.agent",)
        assert access.role_of(runtime).value == "agent"
    finally:
        runtime.close()


def test_an_agent_without_the_role_is_refused_and_the_refusal_audited(data_dir: Path) -> None:
    runtime = make_runtime(data_dir, "sam.agent")
    try:
        with pytest.raises(AccessDenied, match="Only a supervisor or admin can use the supervisor console"):
            access.open_console(runtime)
        with pytest.raises(AccessDenied, match="review interactions"):
            review.save_review(runtime, runtime.new_id(), scores={})
        events = audit_rows(runtime)
        assert [e["action"] for e in events] == ["refused-supervisor-console", "refused-supervisor-action"]
        assert all(e["actor"] == "sam.agent" for e in events)
        assert json.loads(events[1]["detail"]) == {"purpose": "review interactions", "role": "agent"}
    finally:
        runtime.close()


def test_opening_the_console_and_viewing_a_vulnerable_record_are_audited(
    data_dir: Path, site_file: Path, add_caller: Any, runtime: Runtime
) -> None:
    plain = log_interaction(replace(runtime, agent_id="sam.agent"), phone="020 7946 0100", details=CallDetails())
    vulnerable = log_interaction(replace(runtime, agent_id="sam.agent"), phone="020 7946 0101", details=CallDetails())
    with runtime.db.write() as conn:
        conn.execute(
            tables.interaction.update()
            .where(tables.interaction.c.id == vulnerable.value.id)
            .values(flag_vulnerable=True)
        )
    supervisor = make_runtime(data_dir, "lee.supervisor", site=site_file)
    try:
        assert access.open_console(supervisor).value.value == "supervisor"
        assert not review.interaction_detail(supervisor, plain.value.id).involves_vulnerable_caller
        detail = review.interaction_detail(supervisor, vulnerable.value.id)
        assert detail.involves_vulnerable_caller
        actions = [(e["actor"], e["action"], e["subject"]) for e in audit_rows(supervisor)]
        assert actions == [
            ("lee.supervisor", "opened-supervisor-console", "agent:lee.supervisor"),
            ("lee.supervisor", "viewed-vulnerable-caller-record", f"interaction:{vulnerable.value.id}"),
        ]
        with supervisor.db.read() as conn:
            assert audit.verify(conn).intact
    finally:
        supervisor.close()


@pytest.fixture
def logged(data_dir: Path) -> dict[str, Any]:
    """Calls by two agents in two teams, with enough variety for every export flag."""
    runtime = make_runtime(data_dir, "setup")
    add_agent(runtime, "sam.agent", "agent", "Thames")
    add_agent(runtime, "pat.agent", "agent", "Pennine")
    base = datetime(2026, 3, 2, 10, tzinfo=UTC)
    made: dict[str, Any] = {}
    for n, (agent, channel, outcome, tags) in enumerate(
        [
            ("sam.agent", Channel.PHONE, Outcome.MET, ("refund",)),
            ("sam.agent", Channel.CHAT, Outcome.FAILED, ("boiler",)),
            ("pat.agent", Channel.PHONE, Outcome.EXCEEDED, ("refund", "vip")),
            ("pat.agent", Channel.EMAIL, Outcome.FAILED, ()),
        ]
    ):
        details = CallDetails(
            channel=channel, outcome=outcome, tags=tags, note=f"call {n} card 4111 1111 1111 1111",
            follow_up_due=date(2026, 3, 3) if n == 3 else None,
        )  # fmt: skip
        done = log_interaction(replace(runtime, agent_id=agent), phone="020 7946 0200", details=details,
                               started_at=base + timedelta(days=n))  # fmt: skip
        made[f"call{n}"] = str(done.value.id)
    with runtime.db.write() as conn:
        conn.execute(
            tables.interaction.update()
            .where(tables.interaction.c.id == done.value.id)
            .values(flag_emergency=True, flag_vulnerable=True)
        )
    runtime.close()
    return made


def cli(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, agent: str, *args: str
) -> tuple[int, str, str]:
    monkeypatch.setenv("CXASSIST_AGENT_ID", agent)
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def exported_ids(out: str) -> list[str]:
    return [row["id"] for row in csv.DictReader(io.StringIO(out))]


def test_an_agent_exports_only_their_own_and_asking_for_others_is_refused_and_audited(
    data_dir: Path, logged: dict[str, Any], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    d = str(data_dir)
    code, out, _ = cli(capsys, monkeypatch, "sam.agent", "--data-dir", d, "export")
    assert code == 0 and exported_ids(out) == [logged["call0"], logged["call1"]]
    assert "4111 1111 1111 1111" not in out and "**** **** **** 1111" in out
    code, out, _ = cli(capsys, monkeypatch, "sam.agent", "--data-dir", d, "export", "--agent", "sam.agent")
    assert code == 0 and len(exported_ids(out)) == 2
    code, out, err = cli(capsys, monkeypatch, "sam.agent", "--data-dir", d, "export", "--agent", "pat.agent")
    assert code == 2 and out == "" and err.count("\n") == 1
    assert "Only a supervisor or admin can export other agents' interactions (pat.agent)" in err
    runtime = make_runtime(data_dir, "check")
    try:
        events = [(e["actor"], e["action"], json.loads(e["detail"])) for e in audit_rows(runtime)]
    finally:
        runtime.close()
    assert [e[:2] for e in events] == [
        ("sam.agent", "exported-interactions"),
        ("sam.agent", "exported-interactions"),
        ("sam.agent", "refused-export"),
    ]
    assert events[0][2]["rows"] == 2 and events[0][2]["filters"] == {"agent_ids": ["sam.agent"]}
    assert events[0][2]["completed"] is True and events[2][2]["asked_for"] == ["pat.agent"]


@pytest.mark.parametrize(
    ("flags", "expected"),
    [
        ([], ["call0", "call1", "call2", "call3"]),
        (["--agent", "pat.agent"], ["call2", "call3"]),
        (["--team", "Thames"], ["call0", "call1"]),
        (["--channel", "phone", "--channel", "email"], ["call0", "call2", "call3"]),
        (["--outcome", "failed"], ["call1", "call3"]),
        (["--tag", "refund"], ["call0", "call2"]),
        (["--emergency"], ["call3"]),
        (["--vulnerable"], ["call3"]),
        (["--follow-up-overdue"], ["call3"]),
        (["--not-reviewed"], ["call0", "call1", "call2", "call3"]),
        (["--search", "call 2"], ["call2"]),
        (["--since", "2026-03-03", "--until", "2026-03-04"], ["call1", "call2"]),
        (["--tag", "refund", "--agent", "pat.agent", "--outcome", "exceeded"], ["call2"]),
    ],
)
def test_a_supervisor_exports_with_every_filter(
    data_dir: Path,
    site_file: Path,
    logged: dict[str, Any],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    flags: list[str],
    expected: list[str],
) -> None:
    args = ["--data-dir", str(data_dir), "--site-config", str(site_file), "export", *flags]
    code, out, _ = cli(capsys, monkeypatch, "lee.supervisor", *args)
    assert code == 0
    assert exported_ids(out) == [logged[name] for name in expected]


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (["--since", "2026-03-05", "--until", "2026-03-01"], "reversed"),
        (["--search", "x"], "at least two letters"),
        (["--search", '"('], "no letters or digits"),
    ],
)
def test_bad_export_filters_are_one_line_and_exit_2(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, flags: list[str], message: str
) -> None:
    code, out, err = cli(capsys, monkeypatch, "sam.agent", "--data-dir", str(data_dir), "export", *flags)
    assert code == 2 and out == "" and message in err and err.count("\n") == 1


def test_an_export_to_a_file_reports_and_audits_its_rows(
    data_dir: Path, site_file: Path, logged: dict[str, Any], capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:  # fmt: skip
    target = tmp_path / "out.jsonl"
    args = ["--data-dir", str(data_dir), "--site-config", str(site_file), "export", "--format", "jsonl"]
    code, out, _ = cli(capsys, monkeypatch, "lee.supervisor", *args, "--tag", "refund", "--out", str(target))
    assert code == 0 and json.loads(out)["rows"] == 2
    lines = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == [logged["call0"], logged["call2"]]
    assert lines[1]["tags"] == ["refund", "vip"] and lines[1]["flag_emergency"] is False
    runtime = make_runtime(data_dir, "check")
    try:
        (event,) = [e for e in audit_rows(runtime) if e["action"] == "exported-interactions"]
    finally:
        runtime.close()
    assert event["actor"] == "lee.supervisor" and event["subject"] == str(target.absolute())
    assert json.loads(event["detail"]) == {
        "completed": True, "filters": {"tags": ["refund"]}, "format": "jsonl", "rows": 2,
    }  # fmt: skip


@pytest.mark.parametrize("fmt", list(ExportFormat))
def test_the_query_export_writes_exactly_what_the_date_export_writes(
    runtime: Runtime, fmt: ExportFormat, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cxassist.services.demo import seed_demo

    seed_demo(runtime, callers=60, seed=4)
    log_interaction(
        runtime, phone="+1 212 555 0147",
        details=CallDetails(note='quote " comma, semicolon; tab\there card 5555 5555 5555 4444 cvv 123',
                            tags=("a;b", 'q"uote', "ünï")),
    )  # fmt: skip
    with runtime.db.write() as conn:  # times written by other tools, not in the canonical stored form
        for rowid, stored in ((3, "2026-01-01T10:00:00+00:00"), (4, "2026-01-01T11:00:00.000000+01:00"),
                              (5, "2026-01-01T10:00:00.5+00:00"), (6, "2026-01-01T10:00:00.250000Z")):  # fmt: skip
            conn.exec_driver_sql("UPDATE interaction SET ended_at = ? WHERE rowid = ?", (stored, rowid))
    old, new = io.StringIO(), io.StringIO()
    assert write_export(runtime, ExportFilter(), fmt, old) == write_export(runtime, InteractionQuery(), fmt, new)
    assert new.getvalue() == old.getvalue()
    assert "5555 5555 5555 4444" not in new.getvalue() and "cvv 123" not in new.getvalue()


def test_a_query_export_to_a_full_disk_leaves_nothing(runtime: Runtime, tmp_path: Path) -> None:
    for _ in range(30):
        log_interaction(runtime, phone="020 7946 0300", details=CallDetails(note="x" * 600, tags=("t",)))

    class FullDisk(io.StringIO):
        def write(self, text: str) -> int:
            if self.tell() > 5_000:
                raise OSError(28, "No space left on device")
            return super().write(text)

    def opener(path: Path) -> Any:
        path.write_text("")
        return FullDisk()

    target = tmp_path / "export.csv"
    with pytest.raises(Exception, match="No space left on device"):
        export_to_file(runtime, InteractionQuery(tags=("t",)), ExportFormat.CSV, target, opener=opener)
    assert not target.exists() and not (tmp_path / ".export.csv.partial").exists()
