"""Declarative rule conditions: TOML tables compiled once, at pack load, into plain Python closures (no eval).

A condition is one of:

- a test of one context field: ``{ field = "history.last_outcome", eq = "failed" }``, with exactly one operator;
- ``{ all = [c1, c2, ...] }``: every condition holds; ``{ any = [...] }``: at least one holds;
- ``{ not = c }``: the condition does not hold.

Operators, and the field kinds they apply to (see `schema`):

==============  ==================  =========================================================================
operator        kinds               holds when
==============  ==================  =========================================================================
eq, ne          bool, int, str      the value equals / differs (text ignores case)
lt lte gt gte   int                 the value is known and <, <=, >, >= the number
in              int, str, list      the value is one of the listed values (a list: shares an item with them)
contains        str, list           text contains the words as typed; a list has an item equal to the value
mentions        str, list           the text, or an item, mentions the words, matched like cue phrases
exists          int, str, list      the value is known / not empty (``exists = true``)
not_exists      int, str, list      the value is unknown / empty (``not_exists = true``)
is_true         bool                ``is_true = true``
is_false        bool                ``is_false = true``
==============  ==================  =========================================================================

An unknown field, an unknown operator, an operator that does not fit the field's kind, a value of the wrong type,
or a value outside a field's fixed choices is a pack error, reported in plain words with where it is in the
condition (``when.all[2]``).
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping
from typing import Final

from cxassist.prompts.context import PromptContext
from cxassist.prompts.cues import normalise
from cxassist.prompts.schema import FIELDS_BY_PATH, FieldSpec

Condition = Callable[[PromptContext], bool]

OPERATORS: Final = (
    "eq", "ne", "lt", "lte", "gt", "gte", "in", "contains", "mentions", "exists", "not_exists", "is_true", "is_false",
)  # fmt: skip
COMBINATORS: Final = ("all", "any", "not")
_FLAGS: Final = frozenset({"exists", "not_exists", "is_true", "is_false"})
_ALLOWED: Final[Mapping[str, tuple[str, ...]]] = {
    "bool": ("eq", "ne", "is_true", "is_false"),
    "int": ("eq", "ne", "lt", "lte", "gt", "gte", "in", "exists", "not_exists"),
    "str": ("eq", "ne", "in", "contains", "mentions", "exists", "not_exists"),
    "list": ("contains", "in", "mentions", "exists", "not_exists"),
}
_KIND_WORDS: Final = {"bool": "true or false", "int": "a number", "str": "text", "list": "a list of texts"}


def always(_: PromptContext) -> bool:
    return True


def compile_condition(spec: object, problems: list[str], where: str = "when") -> Condition:
    """Compile a condition table; append a plain-words message to `problems` for each error found.

    The result is only meaningful when no problem was added (a pack with problems is rejected whole).
    """
    if not isinstance(spec, dict) or not spec:
        problems.append(f'{where} must be a table such as {{ field = "history.count", gte = 1 }}')
        return always
    if "field" in spec:
        return _leaf(spec, problems, where)
    unknown = sorted(set(spec) - set(COMBINATORS))
    if unknown:
        problems.append(
            f"{where} has unknown key {unknown[0]!r}: a condition has 'field' and one operator, "
            "or one of 'all', 'any', 'not'"
        )
        return always
    if len(spec) != 1:
        problems.append(f"{where} must hold only one of 'all', 'any' or 'not'; nest them to combine")
        return always
    ((key, value),) = spec.items()
    if key == "not":
        inner = compile_condition(value, problems, f"{where}.not")
        return lambda ctx: not inner(ctx)
    if not isinstance(value, list) or not value:
        problems.append(f"{where}.{key} must be a list of one or more conditions")
        return always
    parts = tuple(compile_condition(v, problems, f"{where}.{key}[{i}]") for i, v in enumerate(value))
    return _all(parts) if key == "all" else _any(parts)


def _all(parts: tuple[Condition, ...]) -> Condition:
    return lambda ctx: all(part(ctx) for part in parts)


def _any(parts: tuple[Condition, ...]) -> Condition:
    return lambda ctx: any(part(ctx) for part in parts)


def _leaf(spec: dict[str, object], problems: list[str], where: str) -> Condition:
    path = spec["field"]
    field = FIELDS_BY_PATH.get(path) if isinstance(path, str) else None
    if field is None:
        near = difflib.get_close_matches(str(path), list(FIELDS_BY_PATH), n=1)
        hint = f" (did you mean {near[0]!r}?)" if near else " (see the context fields in docs/prompt-packs.md)"
        problems.append(f"{where}: there is no context field {path!r}{hint}")
        return always
    if not field.for_conditions:
        problems.append(f"{where}: {field.path} is for templates only and cannot be used in a condition")
        return always
    ops = [k for k in spec if k != "field"]
    unknown = [k for k in ops if k not in OPERATORS]
    if unknown:
        problems.append(f"{where}: unknown operator {unknown[0]!r} (use one of {', '.join(OPERATORS)})")
        return always
    if len(ops) != 1:
        problems.append(f"{where}: a test of {field.path} needs exactly one operator, such as eq = ...")
        return always
    op = ops[0]
    if op not in _ALLOWED[field.kind]:
        problems.append(
            f"{where}: {op!r} does not apply to {field.path}, which is {_KIND_WORDS[field.kind]}; "
            f"use {', '.join(_ALLOWED[field.kind])}"
        )
        return always
    message = _check_value(field, op, spec[op])
    if message:
        problems.append(f"{where}: {message}")
        return always
    return _build(field, op, spec[op])


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_value(field: FieldSpec, op: str, value: object) -> str:
    if op in _FLAGS:
        return "" if value is True else f"write {op} = true (to test the opposite, use the other operator)"
    if op == "mentions":
        ok = isinstance(value, str) and normalise(value)
        return "" if ok else "mentions needs some words in quotes"
    if op == "in":
        if not isinstance(value, list) or not value:
            return f"'in' needs a list of values for {field.path}, such as [1, 2]"
        items = value
    else:
        items = [value]
    if field.kind == "bool":
        good = all(isinstance(v, bool) for v in items)
    elif field.kind == "int":
        good = all(_is_int(v) for v in items)
    else:
        good = all(isinstance(v, str) for v in items)
    if not good:
        return f"{field.path} is {_KIND_WORDS[field.kind]}, so compare it with {_KIND_WORDS[field.kind]}"
    if field.choices and op in ("eq", "ne", "in", "contains"):
        choices = {c.lower() for c in field.choices}
        bad = [v for v in items if isinstance(v, str) and v.lower() not in choices]
        if bad:
            return f"{field.path} is never {bad[0]!r}; it is one of {', '.join(field.choices)} (or empty)"
    return ""


def _build(field: FieldSpec, op: str, value: object) -> Condition:
    path, kind = field.path, field.kind
    if op == "exists":
        return lambda ctx: ctx.fields[path] not in (None, "", ())
    if op == "not_exists":
        return lambda ctx: ctx.fields[path] in (None, "", ())
    if op == "is_true":
        return lambda ctx: ctx.fields[path] is True
    if op == "is_false":
        return lambda ctx: ctx.fields[path] is False
    if op == "mentions":
        words = normalise(str(value))
        n = len(words)

        def mentions(ctx: PromptContext) -> bool:
            return any(text[i : i + n] == words for text in ctx.words(path) for i in range(len(text) - n + 1))

        return mentions
    if kind in ("str", "list"):
        return _build_text(path, kind, op, value)
    if op in ("eq", "ne"):
        want = op == "eq"
        return lambda ctx: (ctx.fields[path] == value) is want
    if op == "in":
        assert isinstance(value, list)
        options = frozenset(value)
        return lambda ctx: ctx.fields[path] in options
    compare: Callable[[int, int], bool] = {
        "lt": int.__lt__, "lte": int.__le__, "gt": int.__gt__, "gte": int.__ge__,
    }[op]  # fmt: skip
    assert isinstance(value, int)

    def ordered(ctx: PromptContext) -> bool:
        current = ctx.fields[path]
        return isinstance(current, int) and compare(current, value)

    return ordered


def _build_text(path: str, kind: str, op: str, value: object) -> Condition:
    if op == "in":
        assert isinstance(value, list)
        options = frozenset(str(v).lower() for v in value)
        if kind == "list":
            return lambda ctx: any(str(item).lower() in options for item in _items(ctx, path))
        return lambda ctx: str(ctx.fields[path]).lower() in options
    target = str(value).lower()
    if op == "contains" and kind == "list":
        return lambda ctx: any(str(item).lower() == target for item in _items(ctx, path))
    if op == "contains":
        return lambda ctx: target in str(ctx.fields[path]).lower()
    want = op == "eq"
    return lambda ctx: (str(ctx.fields[path]).lower() == target) is want


def _items(ctx: PromptContext, path: str) -> tuple[object, ...]:
    value = ctx.fields[path]
    return value if isinstance(value, tuple) else ()
