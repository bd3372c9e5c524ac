"""The engine: ordering, dropping, failure isolation, pack composition, and the story caller."""

from __future__ import annotations

import logging
import textwrap

import pytest
from prompt_factories import NOW, default_set, make_caller, make_contact, make_context, make_vulnerability

from cxassist.domain.models import ContactPurpose
from cxassist.prompts import CATEGORIES, PackSet, Prompt, evaluate, evaluate_report, load_pack_text


def rule(rule_id: str, category: str = "context", priority: int = 50, template: str = "T {{ caller.name }}",
         when: str = "", offers: str = "") -> str:  # fmt: skip
    extra = (f"when = {when}\n" if when else "") + (f'offers = "{offers}"\n' if offers else "")
    return (
        f'[[rule]]\nid = "{rule_id}"\ncategory = "{category}"\npriority = {priority}\n{extra}'
        f"template = '{template}'\nwhy = 'because'\n"
    )


def make_pack(*rules: str, name: str = "p", version: int = 1, extra: str = "") -> PackSet:
    text = f'[pack]\nname = "{name}"\nversion = {version}\n{textwrap.dedent(extra)}\n' + "".join(rules)
    return PackSet.compose([load_pack_text(text, f"{name}.toml")])


def compose(*texts: str) -> PackSet:
    return PackSet.compose([load_pack_text(t, f"p{i}.toml") for i, t in enumerate(texts)])


def test_prompt_fields() -> None:
    (prompt,) = evaluate(
        make_pack(rule("a", "care-and-safety", 70, offers="emergency-mode"), version=4), make_context()
    )
    assert prompt == Prompt("a", "care-and-safety", "T Peggy", "because", 70, "p", 4, "emergency-mode")


def test_order_is_category_then_offers_then_priority_then_pack_order() -> None:
    pack_set = make_pack(
        rule("closing", "closing", 100),
        rule("greet-low", "greeting", 10),
        rule("greet-high", "greeting", 90),
        rule("care-plain", "care-and-safety", 100),
        rule("care-offer", "care-and-safety", 20, offers="emergency-mode"),
        rule("context-a", "context", 50),
        rule("context-b", "context", 50),
    )
    ids = [p.rule_id for p in evaluate(pack_set, make_context())]
    assert ids == ["care-offer", "care-plain", "context-a", "context-b", "greet-high", "greet-low", "closing"]


def test_categories_are_shown_care_first() -> None:
    assert CATEGORIES[0] == "care-and-safety"
    assert len(CATEGORIES) == 7


def test_conditions_select_rules() -> None:
    pack_set = make_pack(rule("known", when='{ field = "caller.known", is_true = true }'), rule("always"))
    assert [p.rule_id for p in evaluate(pack_set, make_context(None))] == ["always"]


def test_empty_text_is_dropped_quietly() -> None:
    pack_set = make_pack(rule("empty", template="{% if caller.known %}{% endif %}"), rule("shown"))
    report = evaluate_report(pack_set, make_context())
    assert [p.rule_id for p in report.prompts] == ["shown"]
    assert report.dropped == ()


def test_a_failing_template_drops_only_its_prompt(caplog: pytest.LogCaptureFixture) -> None:
    # The sample callers at load time have 3 contacts; this one has 9, so the template fails only at run time.
    failing = rule("fails", template="{{ history.count > 5 and (1 / 0) }}")
    pack_set = make_pack(failing, rule("fine"))
    from prompt_factories import make_interaction

    context = make_context(make_caller(), [make_interaction(d) for d in range(1, 10)])
    with caplog.at_level(logging.WARNING, logger="cxassist.prompts.engine"):
        report = evaluate_report(pack_set, context)
    assert [p.rule_id for p in report.prompts] == ["fine"]
    assert report.dropped[0].rule_id == "fails"
    assert "ZeroDivisionError" in report.dropped[0].reason
    assert "fails" in caplog.text
    assert "Peggy" not in caplog.text  # no caller data in logs


def test_later_pack_adds_replaces_and_removes() -> None:
    first = '[pack]\nname = "default"\nversion = 1\n' + rule("a", priority=50) + rule("b") + rule("c")
    second = (
        '[pack]\nname = "site"\nversion = 7\nremove = ["c", "not-there"]\n'
        + rule("a", priority=50, template="Site A")
        + rule("d")
    )
    pack_set = compose(first, second)
    prompts = evaluate(pack_set, make_context())
    assert [(p.rule_id, p.pack_name) for p in prompts] == [("a", "site"), ("b", "default"), ("d", "site")]
    assert prompts[0].text == "Site A"
    assert prompts[0].pack_version == 7
    assert pack_set.describe() == "default v1, site v7"
    assert pack_set.rule("a") is not None
    assert pack_set.rule("c") is None


def test_cue_phrases_are_pooled_and_jargon_overridden() -> None:
    first = '[pack]\nname = "a"\nversion = 1\n[cues]\nmedical = ["chest pain"]\n[jargon]\narrears = "money owed"\n'
    second = '[pack]\nname = "b"\nversion = 1\n[cues]\nmedical = ["head hurts"]\n[jargon]\narrears = "unpaid"\n'
    pack_set = compose(first, second)
    assert pack_set.cues.analyse("chest pain").cues == {"medical"}
    assert pack_set.cues.analyse("my head hurts").cues == {"medical"}
    assert pack_set.cues.analyse("arrears").jargon == (("arrears", "unpaid"),)


def test_story_caller_is_offered_emergency_mode_first() -> None:
    caller = make_caller(full_name="Arthur Bell", preferred_name="Arthur", tags=("older",))
    vulnerability = make_vulnerability(detail="older, lives alone", adjustments="speak slowly, confirm understanding")
    contacts = [
        make_contact("Ann Bell", "daughter", [ContactPurpose.HEALTH, ContactPurpose.WELFARE], priority=1),
        make_contact("Tom Reid", "neighbour", [ContactPurpose.WELFARE], priority=2),
    ]
    context = make_context(
        caller, [], [vulnerability], contacts, note="she sounds confused and doesn't know where she is"
    )
    prompts = evaluate(default_set(), context)
    top = prompts[0]
    assert top.category == "care-and-safety"
    assert top.offers == "emergency-mode"
    assert "emergency mode" in top.text
    assert "sounds confused" in top.why
    offering = {p.rule_id for p in prompts if p.offers}
    assert offering == {"care-cue-confusion", "care-cue-disorientation"}
    ids = [p.rule_id for p in prompts]
    assert {"care-adjustments", "care-speak-slowly", "care-confirm-understanding", "care-emergency-contacts"} <= set(
        ids
    )
    assert any("Ann Bell (daughter) and Tom Reid (neighbour)" in p.text for p in prompts)


def test_prompts_never_enter_emergency_mode_by_themselves() -> None:
    context = make_context(note="caller collapsed on the floor and is not breathing")
    offers = {p.offers for p in evaluate(default_set(), context)}
    assert offers <= {None, "emergency-mode"}  # an offer is all a prompt can carry


def test_unknown_caller_gets_a_warm_welcome() -> None:
    prompts = evaluate(default_set(), make_context(None, tz=None))
    assert prompts[0].rule_id == "greet-unknown-caller"
    assert all(p.text and p.why for p in prompts)


def test_evaluate_is_repeatable_and_thread_safe() -> None:
    from concurrent.futures import ThreadPoolExecutor

    context = make_context(note="she sounds confused")
    expected = evaluate(default_set(), context)
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda _: evaluate(default_set(), context), range(40)))
    assert all(r == expected for r in results)
    assert NOW.tzinfo is not None
