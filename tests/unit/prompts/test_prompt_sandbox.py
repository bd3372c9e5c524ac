"""Templates: fallbacks for missing data, the sandbox, the render limits, and the helper filters."""

from __future__ import annotations

import contextlib
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st
from prompt_factories import make_caller, make_context, make_interaction

from cxassist.domain.models import Outcome
from cxassist.prompts import RenderError
from cxassist.prompts.helpers import and_list, nice_date, plural, possessive
from cxassist.prompts.limits import MAX_OUTPUT
from cxassist.prompts.templates import CompiledTemplate, compile_template, tidy

KNOWN = make_context(make_caller(pronunciation="PEG-ee"), [make_interaction(3, Outcome.FAILED, reason="refund")])
UNKNOWN = make_context(None, tz=None)


def compiled(source: str) -> CompiledTemplate:
    template, problems = compile_template(source)
    assert problems == ()
    assert template is not None
    return template


def render(source: str, context: object = KNOWN) -> str:
    return compiled(source).render(context.template_vars)  # type: ignore[attr-defined]


def problems(source: str) -> list[str]:
    template, found = compile_template(source)
    assert template is None
    return [p.message for p in found]


@pytest.mark.parametrize(
    ("source", "known", "unknown"),
    [
        ("Hello {{ caller.preferred_name | default('there') }}", "Hello Peggy", "Hello there"),
        ("Hello {{ caller.preferred_name | d('there') }}", "Hello Peggy", "Hello there"),
        ("{{ history.days_since_last }} days", "3 days", "days"),  # None renders as nothing
        ("[{{ caller.pronunciation.missing.deeper }}]", "[]", "[]"),  # missing attributes render empty
        ("[{{ note.evidence.confusion }}]", "[]", "[]"),
        ("{{ caller['name'] }}", "Peggy", ""),
        ("{% for t in caller.tags %}{{ t }}{% else %}no tags{% endfor %}", "no tags", "no tags"),
        ("{{ history.last_outcome | upper }}", "FAILED", ""),
        ("{{ caller }}", "", ""),  # a whole group is not dumped
    ],
)
def test_fallbacks_for_missing_data(source: str, known: str, unknown: str) -> None:
    assert render(source, KNOWN) == known
    assert render(source, UNKNOWN) == unknown


def test_text_without_template_syntax_is_a_constant() -> None:
    template = compiled("  Plain   words,\n  on two lines. ")
    assert template.is_constant
    assert template.render({}) == "Plain words, on two lines."


def test_output_is_one_tidy_paragraph() -> None:
    assert tidy("  a \n\n b\t c  ") == "a b c"
    assert render("{% if caller.known %}\nKnown\n{% endif %}\ncaller") == "Known caller"


@pytest.mark.parametrize(
    ("source", "fragment"),
    [
        ("{{ ''.__class__.__mro__ }}", "cannot reach Python internals"),
        ("{{ caller.__class__ }}", "cannot reach Python internals"),
        ("{{ caller['__dict__'] }}", "cannot reach Python internals"),
        ("{{ _secret }}", "cannot reach Python internals"),
        ("{{ self }}", "unknown name 'self'"),
        ("{{ lipsum() }}", "unknown name 'lipsum'"),
        ("{{ cycler }}", "unknown name 'cycler'"),
        ("{{ config }}", "unknown name 'config'"),
        ("{{ caller.shoe_size }}", "no context field caller.shoe_size"),
        ("{% include 'x' %}", "cannot use {% include %}"),
        ("{% extends 'x' %}", "cannot use {% extends %}"),
        ("{% import 'x' as y %}", "cannot use {% import %}"),
        ("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "cannot use {% macro %}"),
        ("{% for x in caller.tags recursive %}{{ loop(x) }}{% endfor %}", "recursive loops"),
        ("{{ caller.name | center(1000000000) }}", "No filter named 'center'"),
        ("{{ caller.name | attr('x') }}", "No filter named 'attr'"),
        ("{{ caller.name ", "template syntax error"),
        ("{% if %}", "template syntax error"),
        ("x" * 4001, "at most 4000 characters"),
    ],
)
def test_rejected_at_check_time(source: str, fragment: str) -> None:
    found = problems(source)
    assert any(fragment in p for p in found), found


def test_syntax_error_carries_the_template_line() -> None:
    _, found = compile_template("line one\nline two {{ oops")
    assert found[0].line == 2


@pytest.mark.parametrize(
    ("source", "fragment"),
    [
        ("{% for i in range(10**9) %}x{% endfor %}", "range() is limited"),
        ("{% for i in range(1000) %}{% for j in range(1000) %}{% endfor %}{% endfor %}", "steps"),
        ("{% for i in range(1000) %}{% for j in range(1000) %}{{ j }}{% endfor %}{% endfor %}", "stopped"),
        ("{{ 'x' * 100000 }}", "longer than"),
        ("{{ [1] * 100000 }}", "longer than"),
        ("{{ 9 ** 999 }}", "numbers in a template must stay small"),
        ("{{ 10 ** 100 * 10 ** 100 }}", "numbers"),
        ("{{ '%0999999999d' % 1 }}", "use ~ to join text"),
        ("{{ '{:>999999999}'.format(1) }}", "cannot reach 'format'"),
        ("{{ caller.name.ljust(10**9) }}", "cannot reach 'ljust'"),
        ("{{ caller.tags.index('x') }}", "cannot reach 'index'"),
        ("{{ caller['_' ~ '_class__'] }}", "cannot reach '__class__'"),
        ("{{ [caller.name] | map(attribute='__class__') | list }}", "not allowed"),
        ("{% set a = 'x' * 1000 %}{% set b = a ~ a ~ a ~ a ~ a %}{{ b }}", "longer than"),
        ("{% set a = 'x' * 3000 %}{{ a ~ a }}", "longer than"),
        ("{{ range(1000) | join('x' * 3000) }}", "longer than"),
        ("{{ caller.name | replace('', 'x' * 3000) }}", "longer than"),
        ("{% for i in range(900) %}{{ 'abc' }}{% endfor %}", f"longer than {MAX_OUTPUT}"),
        ("{{ 1 / 0 }}", "ZeroDivisionError"),
        ("{{ history.days_since_last + 'x' }}", "failed"),
    ],
)
def test_stopped_at_render_time(source: str, fragment: str) -> None:
    template = compiled(source)
    started = time.perf_counter()
    with pytest.raises(RenderError) as info:
        template.render(KNOWN.template_vars)
    assert fragment in str(info.value)
    assert time.perf_counter() - started < 1  # the budget is 50 ms; this only guards against a hang


def test_render_errors_have_a_kind() -> None:
    with pytest.raises(RenderError) as limit:
        compiled("{% for i in range(5000) %}{% endfor %}").render({})
    assert limit.value.kind == "limit"
    with pytest.raises(RenderError) as security:
        compiled("{{ caller['_' ~ '_class__'] }}").render(KNOWN.template_vars)
    assert security.value.kind == "security"


def test_render_time_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("cxassist.prompts.limits.RENDER_BUDGET_S", -1.0)
    with pytest.raises(RenderError, match="took longer than"):
        compiled("{% for i in range(3) %}{{ i }}{% endfor %}").render({})


def test_safe_things_still_work() -> None:
    source = (
        "{{ caller.name | lower | title }} {{ caller.name.upper() }} {{ caller.name.startswith('P') }} "
        "{% for i in range(3) %}{{ loop.index }}{{ loop.cycle('a', 'b') }}{% endfor %} "
        "{{ [history.count, 3] | min }} {{ history.days_since_last * 2 }} {{ 'ab' ~ 'cd' }} {{ 2 ** 8 }} "
        "{{ {'failed': 'no'}[history.last_outcome] }} {{ note.evidence.get('confusion', '-') }}"
    )
    assert render(source) == "Peggy PEGGY True 1a2b3a 1 6 abcd 256 no -"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("{{ 0 | ago }} {{ 1 | ago }} {{ 5 | ago }} {{ none | ago }}", "today yesterday 5 days ago"),
        ("{{ 0|from_now }} {{ 1|from_now }} {{ 3|from_now }} {{ -1|from_now }}", "today tomorrow in 3 days yesterday"),
        ("{{ ['Ann'] | and_list }} / {{ ['Ann', 'Tom', 'Raj'] | and_list }}", "Ann / Ann, Tom and Raj"),
        ("{{ 1|plural('call') }}, {{ 3|plural('call') }}, {{ 2|plural('man', 'men') }}", "1 call, 3 calls, 2 men"),
        ("{{ caller.name | possessive('Their') }} / {{ '' | possessive('Their') }}", "Peggy's / Their"),
        ("{{ '2025-11-20' | nice_date }} {{ 'soon' | nice_date }}", "Thursday 20 November soon"),
    ],
)  # fmt: skip
def test_helper_filters(source: str, expected: str) -> None:
    assert render(source) == expected


def test_helpers_accept_missing_values() -> None:
    assert and_list(None) == ""
    assert plural(None, "call") == ""
    assert possessive(None) == "their"
    assert nice_date("") == ""


def test_compiled_templates_are_cached() -> None:
    first, _ = compile_template("Hi {{ caller.name }}")
    second, _ = compile_template("Hi {{ caller.name }}")
    assert first is second


TEMPLATE_BITS = [*"{}%#()[]|.~+*'\"_ abcnxy0123456789", "caller", "history.count", "range", "for", "in", "endfor"]
TEMPLATE_BITS += ["if", "endif", "loop", "default", "{{", "}}", "{%", "%}"]


@given(st.lists(st.sampled_from(TEMPLATE_BITS), max_size=40).map("".join))
def test_any_template_is_checked_or_rendered_without_crashing(source: str) -> None:
    template, found = compile_template(source)
    if template is None:
        assert found
        return
    with contextlib.suppress(RenderError):
        assert isinstance(template.render(KNOWN.template_vars), str)
