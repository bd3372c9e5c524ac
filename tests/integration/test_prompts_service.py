"""Prompts for a real caller from the database, the agents' actions on them, and the `prompts` CLI."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from cxassist.cli import main
from cxassist.domain.errors import UserError
from cxassist.prompts import PackError
from cxassist.services.calls import CallDetails, start_call
from cxassist.services.demo import seed_demo
from cxassist.services.prompts import (
    PromptRequest,
    load_pack_set,
    pack_version,
    prompt_stats,
    prompts_for,
    record_prompt_events,
    suggest_prompt,
)
from cxassist.services.screen_pop import screen_pop
from cxassist.store.prompt_events import PromptEventRecord

STORY = "+442079460018"


@pytest.fixture
def demo_runtime(runtime: Any) -> Any:
    seed_demo(runtime, callers=12, seed=3)
    return runtime


def ids(prompts: list[Any]) -> list[str]:
    return [p.rule_id for p in prompts]


def test_story_caller_typing_confusion_is_offered_emergency_mode_first(demo_runtime: Any) -> None:
    pack_set = load_pack_set(demo_runtime.settings)
    pop = screen_pop(demo_runtime, STORY)
    note = "she sounds confused and doesn't know where she is"
    prompts = prompts_for(demo_runtime.settings, pack_set, PromptRequest(pop=pop, note=note), now=demo_runtime.now())
    assert prompts[0].category == "care-and-safety" and prompts[0].offers == "emergency-mode"
    calm = prompts_for(demo_runtime.settings, pack_set, PromptRequest(pop=pop), now=demo_runtime.now())
    assert all(p.offers != "emergency-mode" for p in calm), "cues come from the note, never on their own"
    assert "empathy-last-failed" in ids(calm), "her last call failed her: own it"


def test_demo_callers_get_prompts_that_differ(demo_runtime: Any) -> None:
    pack_set = load_pack_set(demo_runtime.settings)
    seen = set()
    with demo_runtime.db.read() as conn:
        numbers = [r[0] for r in conn.exec_driver_sql("SELECT e164 FROM caller_phone LIMIT 8")]
    for number in numbers:
        pop = screen_pop(demo_runtime, number)
        prompts = prompts_for(demo_runtime.settings, pack_set, PromptRequest(pop=pop), now=demo_runtime.now())
        seen.add(tuple(ids(prompts)))
    assert len(seen) >= 4


def test_unknown_caller_gets_a_warm_generic_greeting(runtime: Any) -> None:
    pack_set = load_pack_set(runtime.settings)
    pop = screen_pop(runtime, "020 7946 0999")
    prompts = prompts_for(runtime.settings, pack_set, PromptRequest(pop=pop), now=runtime.now())
    assert prompts and all(p.text.strip() for p in prompts)


def test_events_and_suggestions_are_saved_and_counted(demo_runtime: Any) -> None:
    pack_set = load_pack_set(demo_runtime.settings)
    pop = screen_pop(demo_runtime, STORY)
    call = start_call(demo_runtime, phone=STORY).value
    prompts = prompts_for(demo_runtime.settings, pack_set, PromptRequest(pop=pop), now=demo_runtime.now())
    first, second = prompts[0], prompts[1]
    events = [
        PromptEventRecord(call.id, first.rule_id, pack_version(first), "shown"),
        PromptEventRecord(call.id, second.rule_id, pack_version(second), "shown"),
        PromptEventRecord(call.id, first.rule_id, pack_version(first), "used"),
        PromptEventRecord(call.id, second.rule_id, pack_version(second), "dismissed", "wrong for this caller"),
    ]
    with demo_runtime.db.read() as conn:  # the demo's own prompt events are in the outbox already
        demo_entities = [r[0] for r in conn.exec_driver_sql("SELECT entity FROM outbox")]
    assert record_prompt_events(demo_runtime, events).value == 4
    from cxassist.domain.models import Outcome
    from cxassist.services.calls import complete_call

    complete_call(demo_runtime, call.id, CallDetails(outcome=Outcome.EXCEEDED))
    stats = {s.rule_id: s for s in prompt_stats(demo_runtime, since=call.started_at)}  # not the demo's events
    assert (stats[first.rule_id].shown, stats[first.rule_id].used) == (1, 1)
    assert stats[first.rule_id].used_outcomes == {"exceeded": 1}
    assert stats[second.rule_id].dismiss_reasons == {"wrong for this caller": 1}
    suggest_prompt(demo_runtime, text="Offer a large-print letter", category="care-and-safety")
    with pytest.raises(UserError, match="empty"):
        suggest_prompt(demo_runtime, text="   ")
    with demo_runtime.db.read() as conn:
        entities = [r[0] for r in conn.exec_driver_sql("SELECT entity FROM outbox")]
    added = {e: entities.count(e) - demo_entities.count(e) for e in ("prompt_event", "prompt_suggestion")}
    assert added == {"prompt_event": 4, "prompt_suggestion": 1}


def test_a_broken_site_pack_is_rejected_whole_naming_file_and_line(
    tmp_path: Path, runtime: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "site.toml"
    bad.write_text('[pack]\nname = "site"\nversion = 1\n\n[[rule]]\nid = "x"\ncategory = "nonsense"\n')
    monkeypatch.setenv("CXASSIST_PROMPTS_PACKS", str(bad))
    from cxassist.config import load_settings

    with pytest.raises(PackError) as caught:
        load_pack_set(load_settings(data_dir=runtime.paths.data_dir))
    assert "site.toml" in str(caught.value)


def test_prompts_cli_show_validate_and_stats(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    d = str(data_dir)
    assert main(["--data-dir", d, "demo", "--callers", "8"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", d, "prompts", "show", STORY, "--note", "I can't breathe, chest pain"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert set(shown[0]) >= {"id", "category", "text", "why", "priority"}
    assert shown[0]["offers"] == "emergency-mode"
    bad = tmp_path / "bad.toml"
    bad.write_text(
        '[pack]\nname = "x"\nversion = 1\n\n[[rule]]\nid = "a"\ncategory = "greeting"\n'
        'template = "{{ \'\'.__class__.__mro__ }}"\npriority = 5\nwhy = "w"\n'
    )
    assert main(["--data-dir", d, "prompts", "validate", str(bad)]) == 2
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    assert not report["ok"] and report["problems"][0]["rule_id"] == "a" and report["problems"][0]["line"]
    assert captured.err.startswith("cxassist: ") and "Traceback" not in captured.err
    from cxassist.prompts import default_pack_path

    assert main(["--data-dir", d, "prompts", "validate", str(default_pack_path())]) == 0
    capsys.readouterr()
    assert main(["--data-dir", d, "prompts", "stats", "--since", "2020-01-01"]) == 0
    stats = json.loads(capsys.readouterr().out)  # the demo's prompt events
    assert stats and all(set(row) >= {"rule_id", "shown", "used", "dismissed"} for row in stats)
