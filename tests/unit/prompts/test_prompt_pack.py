"""Loading and validating packs: each bad input gives a plain message with file, line and rule id."""

from __future__ import annotations

import textwrap
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from prompt_factories import make_context

from cxassist.domain.errors import UserError
from cxassist.prompts import (
    PackError,
    PackProblem,
    evaluate,
    load_pack,
    load_pack_text,
    load_packs,
    validate_pack_file,
    validate_pack_text,
)

HEADER = '[pack]\nname = "test"\nversion = 2\n'
NAME_OUT = '{{ caller.name }}"'
GOOD_RULE = """
[[rule]]
id = "greet"
category = "greeting"
priority = 60
when = { field = "caller.known", is_true = true }
template = "Hello {{ caller.name }}"
why = "We know {{ caller.name }}."
"""
BLANK_TEMPLATE = GOOD_RULE.replace('template = "Hello {{ caller.name }}"', 'template = "  "')


def pack(body: str) -> str:
    return HEADER + textwrap.dedent(body)


def only_problem(text: str) -> PackProblem:
    found = validate_pack_text(text, "site.toml")
    assert len(found) == 1, found
    return found[0]


def line_of(text: str, fragment: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), start=1) if fragment in line)


def test_good_pack_loads() -> None:
    loaded = load_pack_text(pack(GOOD_RULE), "site.toml")
    assert (loaded.name, loaded.version, loaded.language) == ("test", 2, "en")
    rule = loaded.rules[0]
    assert (rule.id, rule.category, rule.priority, rule.offers) == ("greet", "greeting", 60, None)
    assert rule.line == line_of(pack(GOOD_RULE), 'id = "greet"')
    assert loaded.text == pack(GOOD_RULE)


def test_toml_syntax_error_gives_file_and_line() -> None:
    text = pack('[[rule]]\nid = "x"\ntemplate = "unclosed\n')
    problem = only_problem(text)
    assert problem.file == "site.toml"
    assert problem.line == line_of(text, "unclosed")
    assert "not valid TOML" in problem.message


@pytest.mark.parametrize(
    ("body", "key", "fragment"),
    [
        (GOOD_RULE.replace('"greeting"', '"gretting"'), "category", "category 'gretting': did you mean 'greeting'"),
        (GOOD_RULE.replace("priority = 60", "priority = 60\ncolour = 1"), "colour", "unknown key 'colour'"),
        (GOOD_RULE.replace("priority = 60", "priorty = 60"), "priorty", "did you mean 'priority'"),
        (GOOD_RULE.replace('template = "Hello {{ caller.name }}"', ""), "id =", "needs a template"),
        (GOOD_RULE.replace('why = "We know {{ caller.name }}."', ""), "id =", "needs a why"),
        (BLANK_TEMPLATE, "template", "template must be some text"),
        (GOOD_RULE.replace('"caller.known"', '"caller.famous"'), "when", "no context field 'caller.famous'"),
        (GOOD_RULE.replace("is_true", "is_truthy"), "when", "unknown operator 'is_truthy'"),
        (GOOD_RULE.replace(NAME_OUT, '{{ caller.name "'), "template", "template syntax error"),
        (GOOD_RULE.replace(NAME_OUT, "{{ ''.__class__.__mro__ }}\""), "template", "cannot reach Python internals"),
        (GOOD_RULE.replace(NAME_OUT, '{% for i in range(10**9) %}x{% endfor %}"'), "template", "range() is limited"),
        (GOOD_RULE.replace(NAME_OUT, f'{"{% for i in range(999) %}" * 2}{"{% endfor %}" * 2}"'), "template", "steps"),
        (GOOD_RULE.replace(NAME_OUT, '{{ 1 / 0 }}"'), "template", "when rendered for a sample caller"),
        (GOOD_RULE.replace("priority = 60", "priority = 101"), "priority", "from 0 to 100"),
        (GOOD_RULE.replace("priority = 60", 'priority = "high"'), "priority", "from 0 to 100"),
        (GOOD_RULE.replace("priority = 60", 'offers = "emergency-mode"'), "offers", "only care-and-safety"),
        (GOOD_RULE.replace("priority = 60", 'offers = "hugs"'), "offers", "offers can only be"),
        (GOOD_RULE.replace('"greet"', '"Greet Me"'), "id =", "lower-case letters"),
        (GOOD_RULE.replace("priority = 60", 'variants = { "not a code" = "x" }'), "variants", "not a language code"),
        (GOOD_RULE.replace("priority = 60", 'variants = { cy = "{{ nope }}" }'), "variants", "unknown name 'nope'"),
    ],
)  # fmt: skip
def test_bad_rule_is_located(body: str, key: str, fragment: str) -> None:
    text = pack(body)
    problem = only_problem(text)
    assert fragment in problem.message
    assert problem.line == line_of(text, key)
    assert problem.rule_id in ("greet", "Greet Me")
    assert str(problem).startswith(f"site.toml:{problem.line}: rule ")


def test_missing_id() -> None:
    problem = only_problem(pack(GOOD_RULE.replace('id = "greet"', "")))
    assert "needs an id" in problem.message
    assert problem.rule_id is None
    assert problem.line is not None


def test_duplicate_id() -> None:
    text = pack(GOOD_RULE + GOOD_RULE)
    problem = only_problem(text)
    assert "used twice" in problem.message
    assert problem.line == [n for n, line in enumerate(text.splitlines(), 1) if 'id = "greet"' in line][1]


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        (GOOD_RULE, "needs a [pack] table"),
        ("[pack]\nversion = 1\n" + GOOD_RULE, "needs a name"),
        ('[pack]\nname = "x"\nversion = "one"\n', "version that is a whole number"),
        ('[pack]\nname = "x"\nversion = 1\nlanguage = "english!"\n', "language must be a language code"),
        ('[pack]\nname = "x"\nversion = 1\nauthor = "me"\n', "unknown key 'author' in [pack]"),
        ('[pack]\nname = "x"\nversion = 1\nremove = ["Bad Id"]\n', "remove must be a list of rule ids"),
        (HEADER + '[rules]\nid = "x"\n', "unknown table 'rules': did you mean 'rule'"),
        (HEADER + '[rule]\nid = "x"\n', "written as [[rule]] tables"),
        (HEADER + '[cues]\nDistress = ["x"]\n', "cue kind 'Distress'"),
        (HEADER + '[cues]\ndistress = "crying"\n', "must be a list of phrases"),
        (HEADER + '[cues]\ndistress = ["!!!"]\n', "has no words to match"),
        (HEADER + "[jargon]\narrears = 3\n", "needs plain words"),
    ],
)
def test_bad_pack_parts(text: str, fragment: str) -> None:
    problem = only_problem(text)
    assert fragment in problem.message


def test_every_problem_is_reported_at_once() -> None:
    bad = GOOD_RULE.replace('"greeting"', '"nope"').replace('"caller.known"', '"caller.nope"')
    found = validate_pack_text(pack(bad + bad.replace('"greet"', '"other"')), "site.toml")
    assert len(found) == 4
    assert {p.rule_id for p in found} == {"greet", "other"}


def test_a_pack_with_any_error_is_rejected_whole(tmp_path: Path) -> None:
    path = tmp_path / "site.toml"
    path.write_text(pack(GOOD_RULE + GOOD_RULE.replace('"greet"', '"two"').replace("greeting", "gretting")))
    with pytest.raises(PackError) as info:
        load_pack(path)
    assert isinstance(info.value, UserError)
    assert str(path) in str(info.value)
    assert "'two'" in str(info.value)
    assert len(info.value.problems) == 1


def test_unreadable_files(tmp_path: Path) -> None:
    assert "cannot read" in validate_pack_file(tmp_path / "missing.toml")[0].message
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b"\xff\xfe\x00")
    assert "not UTF-8" in validate_pack_file(binary)[0].message


def test_validate_file_ok_and_bad(tmp_path: Path) -> None:
    good, bad = tmp_path / "good.toml", tmp_path / "bad.toml"
    good.write_text(pack(GOOD_RULE))
    bad.write_text(pack(GOOD_RULE.replace("greeting", "greetings")))
    assert validate_pack_file(good) == []
    (problem,) = validate_pack_file(bad)
    assert (problem.file, problem.rule_id) == (str(bad), "greet")


@pytest.mark.parametrize(
    "body",
    [
        'template = """\nfirst line\nsecond {{ caller.nope }}\n"""',
        'template = """first line\nsecond {{ caller.nope }}"""',
    ],
)
def test_multi_line_template_error_gives_the_file_line(body: str) -> None:
    text = pack(GOOD_RULE.replace('template = "Hello {{ caller.name }}"', body))
    problem = only_problem(text)
    assert "no context field caller.nope" in problem.message
    assert problem.line == line_of(text, "second")


def test_variants_pick_the_language() -> None:
    body = GOOD_RULE.replace("priority = 60", 'variants = { cy = "Helo {{ caller.name }}", fr = "Bonjour" }')
    loaded = load_pack_text(pack(body), "site.toml")
    from cxassist.prompts import PackSet

    pack_set = PackSet.compose([loaded])
    context = make_context()
    assert [p.text for p in evaluate(pack_set, context, language="cy")] == ["Helo Peggy"]
    assert [p.text for p in evaluate(pack_set, context, language="fr-CA")] == ["Bonjour"]
    assert [p.text for p in evaluate(pack_set, context, language="de")] == ["Hello Peggy"]
    assert [p.text for p in evaluate(pack_set, context)] == ["Hello Peggy"]


def test_ten_thousand_rules_load_and_evaluate_under_a_second() -> None:
    templates = [
        f"Tip {n} for {{{{ caller.name | default('you') }}}}, {{{{ history.count }}}} contacts" for n in range(20)
    ]
    rules = "".join(
        f'[[rule]]\nid = "r{i}"\ncategory = "context"\npriority = {i % 101}\n'
        f'when = {{ field = "history.count", gte = {i % 3} }}\n'
        f'template = "{templates[i % 20]}"\nwhy = "Rule {i % 7}."\n'
        for i in range(10_000)
    )
    loaded = load_pack_text(pack(rules), "big.toml")
    assert len(loaded.rules) == 10_000
    from cxassist.prompts import PackSet

    pack_set = PackSet.compose([loaded])
    started = time.perf_counter()
    prompts = evaluate(pack_set, make_context(None, tz=None))
    assert len(prompts) > 3000
    assert time.perf_counter() - started < 1


def test_shipped_default_pack_validates() -> None:
    from cxassist.prompts import default_pack_path

    path = default_pack_path()
    assert path.name == "default.toml"
    assert validate_pack_file(path) == []
    assert len(load_packs(None).rules) >= 30


@given(st.text(max_size=300))
def test_any_text_is_validated_without_crashing(text: str) -> None:
    assert all(isinstance(p, PackProblem) for p in validate_pack_text(text, "fuzz.toml"))


RULE_KEYS = st.sampled_from(["id", "category", "when", "template", "why", "priority", "offers", "x"])
RULE_VALUES = st.none() | st.booleans() | st.integers(-5, 200) | st.text(max_size=30)


@given(st.dictionaries(RULE_KEYS, RULE_VALUES, max_size=8))
def test_any_rule_table_is_validated_without_crashing(rule: dict[str, object]) -> None:
    import tomli_w

    text = tomli_w.dumps(
        {"pack": {"name": "f", "version": 1}, "rule": [{k: v for k, v in rule.items() if v is not None}]}
    )
    problems = validate_pack_text(text, "fuzz.toml")
    if not problems:
        assert len(load_pack_text(text, "fuzz.toml").rules) == 1
