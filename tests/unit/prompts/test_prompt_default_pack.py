"""Every rule of the default pack: a caller it fires for, and a close one it stays quiet for."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

import pytest
from prompt_factories import (
    default_set,
    fired,
    follow_up,
    make_caller,
    make_contact,
    make_context,
    make_interaction,
    make_vulnerability,
)

from cxassist.domain.models import Channel, FollowUpKind, Outcome, VulnerabilityDriver
from cxassist.prompts import CATEGORIES, PromptContext, evaluate

Build = Callable[[], PromptContext]
CHAT, EMAIL = Channel.CHAT, Channel.EMAIL
LATE = datetime(2025, 11, 23, 21, 30, tzinfo=UTC)


def vuln(**kw: object) -> list[object]:
    return [make_vulnerability(**kw)]  # type: ignore[arg-type]


def ctx(*args: object, **kw: object) -> Build:
    return lambda: make_context(*args, **kw)  # type: ignore[arg-type]


def hist(*items: object) -> list[object]:
    return list(items)


CASES: dict[str, tuple[Build, Build]] = {
    "care-cue-medical": (ctx(note="caller says she has chest pain"), ctx(note="my chest of drawers arrived broken")),
    "care-cue-self-harm": (ctx(note="he said he wants to end it all"), ctx(note="wants to end the contract")),
    "care-cue-confusion": (ctx(note="she sounds confused"), ctx(note="she is confused about the bill")),
    "care-cue-disorientation": (ctx(note="I don't know where I am"), ctx(note="don't know where I am meant to go")),
    "care-cue-repetition": (ctx(note="keeps repeating herself"), ctx(note="I'm sick of repeating myself")),
    "care-cue-distress": (ctx(note="caller was in tears"), ctx(note="caller was cheerful")),
    "care-cue-financial-difficulty": (ctx(note="I can't afford the payments"), ctx(note="I can't pay online")),
    "care-adjustments": (
        ctx(make_caller(), [], vuln(adjustments="large print")),
        ctx(make_caller(), [], vuln(adjustments="")),
    ),
    "care-speak-slowly": (
        ctx(make_caller(), [], vuln(adjustments="Speak slowly")),
        ctx(make_caller(), [], vuln(adjustments="Speak slowly"), channel=CHAT),
    ),
    "care-confirm-understanding": (
        ctx(make_caller(), [], vuln(adjustments="confirm understanding")),
        ctx(make_caller(), [], vuln(adjustments="speak slowly")),
    ),
    "care-hearing": (
        ctx(make_caller(), [], vuln(detail="hard of hearing")),
        ctx(make_caller(), [], vuln(detail="lives alone")),
    ),
    "care-in-writing": (
        ctx(make_caller(), [], vuln(adjustments="confirm everything in writing")),
        ctx(make_caller(), [], vuln(adjustments="speak slowly")),
    ),
    "care-late-call": (ctx(make_caller(), [], vuln(), now=LATE), ctx(make_caller(), [], vuln())),
    "care-emergency-contacts": (
        ctx(make_caller(), [], vuln(), [make_contact("Ann Hale", "daughter")]),
        ctx(make_caller(), [], [], [make_contact("Ann Hale", "daughter")]),
    ),
    "care-no-emergency-contact": (
        ctx(make_caller(), [], vuln()),
        ctx(make_caller(), [], vuln(), [make_contact("Ann Hale", "daughter")]),
    ),
    "care-emergency-before": (
        ctx(make_caller(), hist(make_interaction(50, emergency=True))),
        ctx(make_caller(), hist(make_interaction(50))),
    ),
    "care-review-due": (
        ctx(make_caller(), [], vuln(review_by=date(2025, 1, 1))),
        ctx(make_caller(), [], vuln(review_by=date(2026, 1, 1))),
    ),
    "empathy-failed-again": (
        ctx(make_caller(), hist(make_interaction(30, Outcome.FAILED), make_interaction(10, Outcome.FAILED))),
        ctx(make_caller(), hist(make_interaction(30, Outcome.FAILED), make_interaction(20), make_interaction(10))),
    ),
    "empathy-last-failed": (
        ctx(make_caller(), hist(make_interaction(3, Outcome.FAILED, reason="refund"))),
        ctx(make_caller(), hist(make_interaction(40, Outcome.FAILED, reason="refund"))),
    ),
    "empathy-bereavement": (ctx(note="her husband passed away last month"), ctx(note="my phone died")),
    "empathy-recent-complaint": (
        ctx(make_caller(), hist(make_interaction(10, tags=("complaint",)))),
        ctx(make_caller(), hist(make_interaction(100, tags=("complaint",)))),
    ),
    "empathy-life-event": (
        ctx(make_caller(), [], vuln(driver=VulnerabilityDriver.LIFE_EVENT, detail="recently bereaved")),
        ctx(make_caller(), [], vuln()),
    ),
    "empathy-say-yes": (
        ctx(make_caller(), hist(make_interaction(60, Outcome.FAILED))),
        ctx(make_caller(), hist(make_interaction(60, Outcome.MET))),
    ),
    "context-follow-up-overdue": (
        ctx(make_caller(), hist(make_interaction(9, follow_up=follow_up(-2)))),
        ctx(make_caller(), hist(make_interaction(9, follow_up=follow_up(-2, done=True)))),
    ),
    "context-follow-up-due": (
        ctx(make_caller(), hist(make_interaction(9, follow_up=follow_up(2)))),
        ctx(make_caller(), hist(make_interaction(9, follow_up=follow_up(10)))),
    ),
    "context-repeat-caller": (
        ctx(make_caller(), hist(make_interaction(1, reason="new card"))),
        ctx(make_caller(), hist(make_interaction(20, reason="new card"))),
    ),
    "context-summarise-history": (
        ctx(make_caller(), hist(make_interaction(10, reason="move home", resolution="address changed"))),
        ctx(make_caller(), hist(make_interaction(1, reason="move home"))),
    ),
    "context-senior-callback-booked": (
        ctx(make_caller(), hist(make_interaction(9, follow_up=follow_up(5, FollowUpKind.SENIOR_CALLBACK)))),
        ctx(make_caller(), hist(make_interaction(9, follow_up=follow_up(5, FollowUpKind.SENIOR_CALLBACK, done=True)))),
    ),
    "context-channel-switch": (
        ctx(make_caller(), hist(make_interaction(2, channel=CHAT, reason="refund"))),
        ctx(make_caller(), hist(make_interaction(2, reason="refund"))),
    ),
    "context-language": (ctx(make_caller(language="cy")), ctx(make_caller(language="en-GB"))),
    "greet-preferred-name": (ctx(make_caller(pronunciation="PEG-ee")), ctx(make_caller(preferred_name=""))),
    "greet-ask-name": (ctx(make_caller(preferred_name="")), ctx(make_caller())),
    "greet-unknown-caller": (ctx(None), ctx(make_caller())),
    "greet-chat": (ctx(make_caller(), channel=CHAT), ctx(make_caller())),
    "greet-email": (ctx(make_caller(), channel=EMAIL), ctx(make_caller())),
    "greet-time-of-day": (ctx(make_caller()), ctx(make_caller(), tz=None)),
    "plain-jargon": (ctx(note="account is in arrears"), ctx(note="money is owed on the account")),
    "plain-capability": (
        ctx(make_caller(), [], vuln(driver=VulnerabilityDriver.CAPABILITY, detail="finds forms hard")),
        ctx(make_caller(), [], vuln()),
    ),
    "plain-written": (ctx(make_caller(), channel=CHAT), ctx(make_caller())),
    "delight-senior-callback-offer": (
        ctx(make_caller(), hist(make_interaction(10, tags=("complaint",)))),
        ctx(make_caller(), hist(make_interaction(10, tags=("complaint",),
                                                 follow_up=follow_up(3, FollowUpKind.SENIOR_CALLBACK)))),
    ),
    "delight-anniversary": (
        ctx(make_caller(customer_since=date(2015, 11, 3))),
        ctx(make_caller(customer_since=date(2015, 6, 3))),
    ),
    "delight-long-tenure": (
        ctx(make_caller(customer_since=date(2009, 6, 1))),
        ctx(make_caller(customer_since=date(2020, 6, 1))),
    ),
    "delight-welcome-new": (
        ctx(make_caller(customer_since=date(2025, 6, 1))),
        ctx(make_caller(customer_since=date(2009, 6, 1))),
    ),
    "delight-exceeded-before": (
        ctx(make_caller(), hist(make_interaction(30, Outcome.EXCEEDED), make_interaction(10, Outcome.MET))),
        ctx(make_caller(), hist(make_interaction(30, Outcome.EXCEEDED), make_interaction(10, Outcome.FAILED))),
    ),
    "closing-summarise": (ctx(make_caller()), ctx(make_caller(), channel=CHAT)),
    "closing-summarise-written": (ctx(make_caller(), channel=EMAIL), ctx(make_caller())),
    "closing-confirm-preferred-channel": (ctx(make_caller(preferred_channel=EMAIL)), ctx(make_caller())),
    "closing-ask-channel": (ctx(make_caller()), ctx(make_caller(preferred_channel=Channel.PHONE))),
    "closing-follow-up-owner": (
        ctx(make_caller(), hist(make_interaction(9, follow_up=follow_up(5)))),
        ctx(make_caller(), hist(make_interaction(9))),
    ),
}  # fmt: skip


def test_every_default_rule_has_a_case() -> None:
    assert {r.id for _, r in default_set().rules} == set(CASES)
    assert len(CASES) >= 30


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_rule_fires_for_its_caller(rule_id: str) -> None:
    context = CASES[rule_id][0]()
    assert rule_id in fired(context)
    prompt = next(p for p in evaluate(default_set(), context) if p.rule_id == rule_id)
    assert prompt.text and prompt.why
    assert "  " not in prompt.text and "{" not in prompt.text and "None" not in prompt.text + prompt.why


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_rule_stays_quiet_for_another(rule_id: str) -> None:
    assert rule_id not in fired(CASES[rule_id][1]())


def test_every_category_is_used() -> None:
    assert {r.category for _, r in default_set().rules} == set(CATEGORIES)


def test_cue_rules_offer_emergency_mode() -> None:
    offering = {r.id for _, r in default_set().rules if r.offers == "emergency-mode"}
    cues = ("medical", "self-harm", "confusion", "disorientation", "repetition")
    assert offering == {f"care-cue-{cue}" for cue in cues}


@pytest.mark.parametrize(
    "context",
    [
        make_context(None, tz=None),
        make_context(None, tz=None, note="she sounds confused", channel=CHAT),
        make_context(make_caller(preferred_name="", full_name=""), tz=None),
    ],
)
def test_sparse_callers_render_cleanly(context: PromptContext) -> None:
    for prompt in evaluate(default_set(), context):
        assert prompt.text and prompt.why
        assert "None" not in prompt.text + prompt.why
        assert " ," not in prompt.why and " ." not in prompt.why


def test_the_why_uses_facts_about_this_caller() -> None:
    context = make_context(make_caller(), [make_interaction(3, Outcome.FAILED, reason="refund")])
    prompt = next(p for p in evaluate(default_set(), context) if p.rule_id == "empathy-last-failed")
    assert prompt.why == "Peggy's last contact, 3 days ago by phone, did not meet their expectations."
    assert "refund" in prompt.text
