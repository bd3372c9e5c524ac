"""The condition language: every operator on every kind it applies to, the combinators, and every error."""

from __future__ import annotations

from types import MappingProxyType

import pytest
from hypothesis import given
from hypothesis import strategies as st
from prompt_factories import make_context

from cxassist.prompts import OPERATORS, PromptContext, compile_condition

BASE = make_context(None, tz=None)


def ctx(**fields: object) -> PromptContext:
    """An unknown-caller context with some fields set; keys use __ for the dot (history__count)."""
    values = dict(BASE.fields)
    for key, value in fields.items():
        path = key.replace("__", ".")
        assert path in values, path
        values[path] = value
    return PromptContext(fields=MappingProxyType(values), template_vars=BASE.template_vars)


def holds(spec: dict[str, object], context: PromptContext) -> bool:
    problems: list[str] = []
    condition = compile_condition(spec, problems)
    assert problems == []
    return condition(context)


def problems_of(spec: object) -> list[str]:
    problems: list[str] = []
    compile_condition(spec, problems)
    return problems


CASES = [
    # (condition, fields, expected)
    ({"field": "caller.known", "eq": True}, {"caller__known": True}, True),
    ({"field": "caller.known", "eq": True}, {"caller__known": False}, False),
    ({"field": "caller.known", "ne": True}, {"caller__known": False}, True),
    ({"field": "caller.known", "is_true": True}, {"caller__known": True}, True),
    ({"field": "caller.known", "is_false": True}, {"caller__known": True}, False),
    ({"field": "history.count", "eq": 3}, {"history__count": 3}, True),
    ({"field": "history.count", "ne": 3}, {"history__count": 3}, False),
    ({"field": "history.count", "lt": 3}, {"history__count": 2}, True),
    ({"field": "history.count", "lt": 3}, {"history__count": 3}, False),
    ({"field": "history.count", "lte": 3}, {"history__count": 3}, True),
    ({"field": "history.count", "gt": 3}, {"history__count": 4}, True),
    ({"field": "history.count", "gt": 3}, {"history__count": 3}, False),
    ({"field": "history.count", "gte": 3}, {"history__count": 3}, True),
    ({"field": "history.count", "in": [1, 2]}, {"history__count": 2}, True),
    ({"field": "history.count", "in": [1, 2]}, {"history__count": 5}, False),
    # an unknown number: comparisons are false, eq false, ne true, exists false
    ({"field": "history.days_since_last", "lte": 14}, {"history__days_since_last": None}, False),
    ({"field": "history.days_since_last", "gt": 14}, {"history__days_since_last": None}, False),
    ({"field": "history.days_since_last", "eq": 0}, {"history__days_since_last": None}, False),
    ({"field": "history.days_since_last", "ne": 0}, {"history__days_since_last": None}, True),
    ({"field": "history.days_since_last", "exists": True}, {"history__days_since_last": None}, False),
    ({"field": "history.days_since_last", "exists": True}, {"history__days_since_last": 0}, True),
    ({"field": "history.days_since_last", "not_exists": True}, {"history__days_since_last": None}, True),
    # text ignores case
    ({"field": "history.last_outcome", "eq": "FAILED"}, {"history__last_outcome": "failed"}, True),
    ({"field": "history.last_outcome", "ne": "failed"}, {"history__last_outcome": "met"}, True),
    ({"field": "history.last_outcome", "in": ["met", "exceeded"]}, {"history__last_outcome": "met"}, True),
    ({"field": "history.last_outcome", "in": ["met", "exceeded"]}, {"history__last_outcome": ""}, False),
    ({"field": "history.last_reason", "contains": "REFUND"}, {"history__last_reason": "Late refund"}, True),
    ({"field": "history.last_reason", "contains": "card"}, {"history__last_reason": "Late refund"}, False),
    ({"field": "history.last_reason", "mentions": "refunds"}, {"history__last_reason": "a refund, late"}, True),
    ({"field": "history.last_reason", "exists": True}, {"history__last_reason": ""}, False),
    ({"field": "history.last_reason", "not_exists": True}, {"history__last_reason": ""}, True),
    # lists
    ({"field": "caller.tags", "contains": "VIP"}, {"caller__tags": ("vip", "older")}, True),
    ({"field": "caller.tags", "contains": "vi"}, {"caller__tags": ("vip",)}, False),
    ({"field": "caller.tags", "in": ["gold", "vip"]}, {"caller__tags": ("vip",)}, True),
    ({"field": "caller.tags", "in": ["gold"]}, {"caller__tags": ("vip",)}, False),
    ({"field": "caller.tags", "exists": True}, {"caller__tags": ()}, False),
    ({"field": "caller.tags", "not_exists": True}, {"caller__tags": ()}, True),
    (
        {"field": "vulnerability.adjustments", "mentions": "speak slowly"},
        {"vulnerability__adjustments": ("Confirm understanding", "Speaking more slowly")},
        False,  # "more" sits between the words
    ),
    (
        {"field": "vulnerability.adjustments", "mentions": "slowly"},
        {"vulnerability__adjustments": ("Confirm understanding", "Speaking more slowly")},
        True,
    ),
    ({"field": "note.cues", "contains": "confusion"}, {"note__cues": ("confusion",)}, True),
]


@pytest.mark.parametrize(("spec", "fields", "expected"), CASES)
def test_operator(spec: dict[str, object], fields: dict[str, object], expected: bool) -> None:
    assert holds(spec, ctx(**fields)) is expected


def test_every_operator_is_covered() -> None:
    used = {op for spec, _, _ in CASES for op in spec if op != "field"}
    assert used == set(OPERATORS)


YES = {"field": "caller.known", "is_false": True}
NO = {"field": "caller.known", "is_true": True}


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ({"all": [YES, YES]}, True),
        ({"all": [YES, NO]}, False),
        ({"any": [NO, YES]}, True),
        ({"any": [NO, NO]}, False),
        ({"not": NO}, True),
        ({"not": {"any": [NO, {"all": [YES, NO]}]}}, True),
    ],
)
def test_combinators(spec: dict[str, object], expected: bool) -> None:
    assert holds(spec, BASE) is expected


@pytest.mark.parametrize(
    ("spec", "fragment"),
    [
        ({"field": "history.last_outcom", "eq": "failed"}, "no context field 'history.last_outcom' (did you mean"),
        ({"field": "caller.shoe_size", "gt": 9}, "no context field 'caller.shoe_size'"),
        ({"field": "history.count", "equals": 1}, "unknown operator 'equals'"),
        ({"field": "history.count"}, "needs exactly one operator"),
        ({"field": "history.count", "gt": 1, "lt": 5}, "needs exactly one operator"),
        ({"field": "history.count", "contains": "x"}, "'contains' does not apply to history.count"),
        ({"field": "history.last_reason", "gt": 1}, "'gt' does not apply to history.last_reason"),
        ({"field": "history.count", "gt": "3"}, "history.count is a number"),
        ({"field": "history.count", "gt": True}, "history.count is a number"),
        ({"field": "caller.known", "eq": "yes"}, "caller.known is true or false"),
        ({"field": "history.last_outcome", "eq": "fail"}, "never 'fail'; it is one of failed, met, exceeded"),
        ({"field": "call.channel", "in": ["phone", "fax"]}, "never 'fax'"),
        ({"field": "history.count", "in": []}, "'in' needs a list"),
        ({"field": "history.count", "exists": False}, "write exists = true"),
        ({"field": "note.evidence", "exists": True}, "for templates only"),
        ({"field": "history.last_reason", "mentions": "!!"}, "mentions needs some words"),
        ({"all": []}, "when.all must be a list of one or more"),
        ({"all": YES}, "when.all must be a list"),
        ({"any": [YES], "all": [YES]}, "only one of 'all', 'any' or 'not'"),
        ({"either": [YES]}, "unknown key 'either'"),
        ({}, "must be a table"),
        ("history.count > 1", "must be a table"),
        ({"not": {"all": [YES, {"field": "nope", "eq": 1}]}}, "when.not.all[1]: there is no context field 'nope'"),
    ],
)
def test_condition_errors_are_plain_words(spec: object, fragment: str) -> None:
    found = problems_of(spec)
    assert any(fragment in p for p in found), found


def test_every_problem_is_reported() -> None:
    found = problems_of({"all": [{"field": "a", "eq": 1}, {"field": "b", "eq": 1}]})
    assert len(found) == 2


TOML_LIKE = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=10), inner, max_size=3),
    max_leaves=10,
)


@given(TOML_LIKE)
def test_any_toml_like_value_compiles_or_reports_problems(spec: object) -> None:
    problems: list[str] = []
    condition = compile_condition(spec, problems)
    if not problems:
        assert isinstance(condition(BASE), bool)
