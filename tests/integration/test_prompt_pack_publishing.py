"""Prompt packs published from the console: a synced, versioned row that the next load puts in force, on this desktop
and (after sync) on every other; rollback as a new version; bad packs and agents without the role refused; the
agents' dismiss reasons and suggestions for supervisors to act on; and the `prompts` CLI for all of it."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from cxassist.cli import main
from cxassist.config import load_settings, resolve_paths
from cxassist.domain.errors import UserError
from cxassist.prompts import PackError
from cxassist.services import prompt_feedback, prompt_packs
from cxassist.services.access import AccessDenied
from cxassist.services.calls import CallDetails, log_interaction
from cxassist.services.prompts import record_prompt_events, suggest_prompt
from cxassist.services.runtime import Runtime, open_runtime
from cxassist.store import tables
from cxassist.store.prompt_events import PromptEventRecord
from cxassist.store.rows import save
from cxassist.sync.backends.folder import FolderBackend
from cxassist.sync.runner import Pulled, SyncRunner

NORTH = """[pack]
name = "north-site"
version = 1

[[rule]]
id = "north-welcome"
category = "greeting"
template = "Welcome {{ caller.name | default('them') }} to the North centre."
why = "Every caller to the North centre."
"""
NORTH_2 = NORTH.replace("version = 1", "version = 2").replace("Welcome", "Say hello and welcome")
BAD = NORTH.replace('category = "greeting"', 'category = "empahty"')


@pytest.fixture
def site_file(tmp_path: Path) -> Path:
    path = tmp_path / "site.toml"
    path.write_text('[roles]\nsupervisors = ["lee"]\n', encoding="utf-8")
    return path


def desktop(folder: Path, site: Path, agent: str) -> Runtime:
    settings = load_settings(data_dir=folder, site_config=site)
    return replace(open_runtime(settings, resolve_paths(settings)), agent_id=agent)


@pytest.fixture
def lee(tmp_path: Path, site_file: Path) -> Any:
    runtime = desktop(tmp_path / "lee", site_file, "lee")
    yield runtime
    runtime.close()


def pack_rows(runtime: Runtime) -> list[dict[str, Any]]:
    with runtime.db.read() as conn:
        query = select(tables.prompt_pack).order_by(tables.prompt_pack.c.version)
        return [dict(row) for row in conn.execute(query).mappings()]


def outbox_entities(runtime: Runtime) -> list[str]:
    with runtime.db.read() as conn:
        return list(conn.execute(select(tables.outbox.c.entity).order_by(tables.outbox.c.seq)).scalars())


def audit_actions(runtime: Runtime) -> list[tuple[str, str, str]]:
    with runtime.db.read() as conn:
        event = tables.audit_event
        query = select(event.c.action, event.c.subject, event.c.detail).order_by(event.c.seq)
        return [tuple(row) for row in conn.execute(query)]


def rule_ids(runtime: Runtime) -> list[str]:
    return [rule.id for _pack, rule in prompt_packs.packs_in_force(runtime).rules]


def test_publishing_stores_a_synced_row_and_the_next_load_uses_it(lee: Runtime) -> None:
    assert "north-welcome" not in rule_ids(lee)
    done = prompt_packs.publish_pack(lee, NORTH)
    assert done.changes.prompt_pack and done.changes.outbox_pending
    (row,) = pack_rows(lee)
    assert (row["name"], row["version"], row["source"], row["published_by"], row["active"]) == (
        "north-site", 1, "published", "lee", True,
    )  # fmt: skip
    assert row["body"] == NORTH
    assert outbox_entities(lee).count("prompt_pack") == 1
    assert "north-welcome" in rule_ids(lee)
    listed = {p.name: p for p in prompt_packs.load_in_force(lee).packs}
    assert listed["default"].source == "shipped" and listed["default"].rules >= 30
    north = listed["north-site"]
    assert north.source == "published" and north.rules == 1 and north.published is not None
    assert north.published.version == 1
    assert ("published-prompt-pack", "prompt_pack:north-site") in [a[:2] for a in audit_actions(lee)]


def test_a_second_publish_makes_the_first_inactive(lee: Runtime) -> None:
    prompt_packs.publish_pack(lee, NORTH)
    second = prompt_packs.publish_pack(lee, NORTH_2).value
    assert second.version == 2
    assert [(r["version"], r["active"]) for r in pack_rows(lee)] == [(1, False), (2, True)]
    assert outbox_entities(lee).count("prompt_pack") == 3  # v1, then v1 made inactive and v2, with the publish
    in_force = prompt_packs.packs_in_force(lee)
    assert in_force.rule("north-welcome") is not None
    pack, _rule = in_force.rule("north-welcome") or (None, None)
    assert pack is not None and pack.text == NORTH_2


def test_publishing_the_text_in_force_again_is_refused(lee: Runtime) -> None:
    prompt_packs.publish_pack(lee, NORTH)
    with pytest.raises(UserError, match="nothing to publish"):
        prompt_packs.publish_pack(lee, NORTH)
    assert len(pack_rows(lee)) == 1


def test_rollback_publishes_the_old_body_as_a_new_version(lee: Runtime) -> None:
    prompt_packs.publish_pack(lee, NORTH)
    prompt_packs.publish_pack(lee, NORTH_2)
    done = prompt_packs.roll_back(lee, "north-site", 1)
    assert done.value.version == 3 and done.value.body == NORTH and done.changes.prompt_pack
    rows = pack_rows(lee)
    assert [(r["version"], r["active"]) for r in rows] == [(1, False), (2, False), (3, True)], "nothing deleted"
    listed = {p.name: p for p in prompt_packs.load_in_force(lee).packs}
    assert listed["north-site"].text == NORTH
    assert ("rolled-back-prompt-pack", "prompt_pack:north-site") in [a[:2] for a in audit_actions(lee)]
    with pytest.raises(UserError, match=r"no published version 9 .*versions are 1, 2, 3"):
        prompt_packs.roll_back(lee, "north-site", 9)
    with pytest.raises(UserError, match="nothing was published"):
        prompt_packs.roll_back(lee, "south-site", 1)


def test_an_invalid_pack_is_refused_with_line_and_rule_and_nothing_is_stored(lee: Runtime) -> None:
    with pytest.raises(PackError) as refused:
        prompt_packs.publish_pack(lee, BAD)
    problem = refused.value.problems[0]
    assert (problem.file, problem.line, problem.rule_id) == ("published:north-site", 7, "north-welcome")
    assert "did you mean 'empathy'" in problem.message
    assert pack_rows(lee) == [] and "prompt_pack" not in outbox_entities(lee)
    (toml_error,) = prompt_packs.check_pack('[pack]\nname = "x"\nversion = \n')
    assert toml_error.line == 3 and toml_error.file == "published:draft"


def test_an_agent_is_refused_and_the_refusal_audited(tmp_path: Path, site_file: Path) -> None:
    sam = desktop(tmp_path / "sam", site_file, "sam")
    try:
        with pytest.raises(AccessDenied, match="Only a supervisor or admin can publish a prompt pack"):
            prompt_packs.publish_pack(sam, NORTH)
        with pytest.raises(AccessDenied):
            prompt_packs.roll_back(sam, "north-site", 1)
        assert pack_rows(sam) == []
        refusals = [a for a in audit_actions(sam) if a[0] == "refused-supervisor-action"]
        assert len(refusals) == 2 and "publish a prompt pack" in refusals[0][2]
    finally:
        sam.close()


def test_a_published_pack_replaces_the_pack_of_its_name_and_a_broken_body_is_skipped(lee: Runtime) -> None:
    own_default = NORTH.replace('name = "north-site"', 'name = "default"')
    prompt_packs.publish_pack(lee, own_default)
    prompt_packs.publish_pack(lee, NORTH_2)
    with lee.db.write() as conn:  # a pack written by a newer cxassist, arrived by sync
        values = {
            "id": lee.new_id(), "name": "newer", "version": 1, "source": "published",
            "body": NORTH.replace('name = "north-site"', 'name = "newer"') + "\n[future]\nx = 1\n",
            "published_by": "ada", "active": True,
        }  # fmt: skip
        save(conn, tables.prompt_pack, values, hlc=lee.stamp(), now=lee.now())
    in_force = prompt_packs.load_in_force(lee)
    assert [(p.name, p.source) for p in in_force.packs] == [("default", "published"), ("north-site", "published")]
    assert [rule.id for _pack, rule in in_force.pack_set.rules] == ["north-welcome"], "the published one wins"
    (skipped,) = in_force.skipped
    assert "'newer' version 1 cannot be used" in skipped and "unknown table 'future'" in skipped


def test_a_pack_published_on_one_desktop_is_in_force_on_another_after_sync(
    tmp_path: Path, site_file: Path, lee: Runtime
) -> None:
    share = tmp_path / "share"
    share.mkdir()
    sam = desktop(tmp_path / "sam", site_file, "sam")
    try:
        seen: list[Pulled] = []
        lee_sync = SyncRunner(db=lee.db, adapter=FolderBackend(share), clock=lee.clock, sleep=lambda _s: None)
        sam_sync = SyncRunner(
            db=sam.db, adapter=FolderBackend(share), clock=sam.clock, sleep=lambda _s: None, on_pulled=seen.append
        )
        prompt_packs.publish_pack(lee, NORTH)
        prompt_packs.publish_pack(lee, NORTH_2)
        lee_sync.run_once()
        sam_sync.run_once()
        assert any(part.prompt_pack for part in seen), "the workspace hears of it and reloads its packs"
        pack, _rule = prompt_packs.packs_in_force(sam).rule("north-welcome") or (None, None)
        assert pack is not None and pack.text == NORTH_2
        prompt_packs.roll_back(lee, "north-site", 1)
        lee_sync.run_once()
        sam_sync.run_once()
        assert [(r["version"], r["active"]) for r in pack_rows(sam)] == [(1, False), (2, False), (3, True)]
        assert {p.name: p.text for p in prompt_packs.load_in_force(sam).packs}["north-site"] == NORTH
    finally:
        sam.close()


def test_preview_shows_the_draft_prompts_for_a_caller_by_number_or_name(lee: Runtime, add_caller: Any) -> None:
    del add_caller  # the fixture's runtime is another database; store the caller in lee's
    from cxassist.domain.models import Address, Caller, PhoneNumber
    from cxassist.store.callers import save_caller

    peggy = Caller(
        id=lee.new_id(), full_name="Margaret Hale", preferred_name="Peggy",
        phones=(PhoneNumber(e164="+442079460018", label="home", is_primary=True),),
        address=Address(lines=("1 High Street",), city="London", postcode="N1 1AA", country="GB"),
    )  # fmt: skip
    with lee.db.write() as conn:
        save_caller(conn, peggy, hlc=lee.stamp(), now=lee.now(), new_phone_id=lee.new_id)
    by_number = prompt_packs.preview_pack(lee, NORTH, who="020 7946 0018")
    assert by_number.caller == "Margaret Hale (+442079460018)"
    welcome = next(p for p in by_number.prompts if p.rule_id == "north-welcome")
    assert welcome.text == "Welcome Peggy to the North centre." and welcome.why == "Every caller to the North centre."
    by_name = prompt_packs.preview_pack(lee, NORTH, who="Hale")
    assert by_name.caller.startswith("Margaret Hale") and "north-welcome" in [p.rule_id for p in by_name.prompts]
    unknown = prompt_packs.preview_pack(lee, NORTH, who="020 7946 0999")
    assert unknown.caller.startswith("an unknown caller")
    assert "Welcome them" in next(p.text for p in unknown.prompts if p.rule_id == "north-welcome")
    with pytest.raises(UserError, match="No caller named 'Nobody'"):
        prompt_packs.preview_pack(lee, NORTH, who="Nobody")
    with pytest.raises(PackError):
        prompt_packs.preview_pack(lee, BAD, who="Hale")
    assert pack_rows(lee) == [], "a preview stores nothing"


def test_dismiss_reasons_and_suggestions_for_supervisors_to_act_on(lee: Runtime) -> None:
    sam = replace(lee, agent_id="sam")
    call = log_interaction(sam, phone="020 7946 0600", details=CallDetails()).value
    events = [
        PromptEventRecord(call.id, "greet-name", "default@1", "dismissed", "wording"),
        PromptEventRecord(call.id, "greet-name", "default@1", "dismissed", "wording"),
        PromptEventRecord(call.id, "greet-name", "default@1", "dismissed", "not helpful"),
        PromptEventRecord(call.id, "greet-name", "default@1", "dismissed"),
        PromptEventRecord(call.id, "close-summary", "default@1", "dismissed", "wrong for this caller"),
        PromptEventRecord(call.id, "close-summary", "default@1", "used"),
    ]
    record_prompt_events(sam, events)
    ranked = prompt_feedback.dismissals(lee)
    assert [(r.rule_id, r.dismissed) for r in ranked] == [("greet-name", 4), ("close-summary", 1)]
    assert ranked[0].reasons == (("wording", 2), ("not helpful", 1), ("", 1))
    idea = suggest_prompt(sam, text="Offer a large-print letter", category="plain-language").value
    (listed,) = prompt_feedback.open_suggestions(lee)
    assert (listed.id, listed.agent_id, listed.category, listed.text) == (
        idea, "sam", "plain-language", "Offer a large-print letter",
    )  # fmt: skip
    with pytest.raises(AccessDenied):
        prompt_feedback.set_suggestion_status(sam, idea, prompt_feedback.SuggestionStatus.DONE)
    done = prompt_feedback.set_suggestion_status(lee, idea, prompt_feedback.SuggestionStatus.DONE)
    assert done.value.status == "done" and done.changes.outbox_pending
    assert prompt_feedback.open_suggestions(lee) == []
    assert outbox_entities(lee).count("prompt_suggestion") == 2


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, Any, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, (json.loads(out) if out.strip() else None), err


def test_the_cli_publishes_lists_and_rolls_back(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, site_file: Path
) -> None:
    folder = str(tmp_path / "cli")
    monkeypatch.setenv("CXASSIST_AGENT_ID", "lee")
    base = ("--data-dir", folder, "--site-config", str(site_file), "prompts")
    first, second, bad = tmp_path / "north.toml", tmp_path / "north2.toml", tmp_path / "bad.toml"
    first.write_text(NORTH, encoding="utf-8")
    second.write_text(NORTH_2, encoding="utf-8")
    bad.write_text(BAD, encoding="utf-8")
    code, out, _ = run(capsys, *base, "publish", str(first))
    assert code == 0 and out["name"] == "north-site" and out["version"] == 1 and out["published_by"] == "lee"
    assert run(capsys, *base, "publish", str(second))[0] == 0
    code, out, err = run(capsys, *base, "publish", str(bad))
    assert code == 2 and out["ok"] is False and err.count("\n") == 1
    assert (out["problems"][0]["line"], out["problems"][0]["rule_id"]) == (7, "north-welcome")
    code, out, _ = run(capsys, *base, "rollback", "north-site", "1")
    assert code == 0 and out["version"] == 3 and out["rolled_back_to"] == 1
    code, out, err = run(capsys, *base, "rollback", "north-site", "7")
    assert code == 2 and out is None and err.startswith("cxassist: There is no published version 7")
    code, packs, _ = run(capsys, *base, "packs")
    north = next(p for p in packs if p["name"] == "north-site")
    assert code == 0 and north["source"] == "published" and north["version"] == 3 and north["rules"] == 1
    assert [(v["version"], v["active"]) for v in north["versions"]] == [(3, True), (2, False), (1, False)]
    code, shown, _ = run(capsys, *base, "show", "020 7946 0018")
    assert code == 0 and "north-welcome" in [p["id"] for p in shown]
    monkeypatch.setenv("CXASSIST_AGENT_ID", "sam")
    code, out, err = run(capsys, *base, "publish", str(first))
    assert code == 2 and out is None and "Only a supervisor or admin can publish a prompt pack" in err
