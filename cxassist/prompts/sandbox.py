"""The Jinja2 environment prompt templates render in: immutable sandbox, allow-listed filters, counted steps.

On top of Jinja's `ImmutableSandboxedEnvironment`: only data attributes, a few text methods and read-only mapping
methods are reachable; ``str.format`` is gone; an unsafe attribute raises instead of rendering empty; every call and
the ``*``, ``**``, ``+`` and ``%`` operators count as steps and are size-checked; ``range`` is capped; only the filters
in `FILTERS` exist. Missing data renders as nothing (`_Lenient`), and so does ``None``. `templates` adds the checks
made before a template is accepted and the guards woven into each compiled template.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, Final

from jinja2 import ChainableUndefined, Undefined, pass_context
from jinja2.exceptions import SecurityError
from jinja2.filters import FILTERS as DEFAULT_FILTERS
from jinja2.runtime import Context, LoopContext
from jinja2.sandbox import ImmutableSandboxedEnvironment

from cxassist.prompts import helpers
from cxassist.prompts.limits import MAX_RANGE, MAX_TEXT, TemplateLimitError, check_size, tick

_BUILTIN_FILTERS: Final = (
    "abs", "capitalize", "count", "first", "float", "int", "last", "length", "list", "lower", "map", "max", "min",
    "reject", "rejectattr", "reverse", "round", "select", "selectattr", "sort", "string", "sum", "title", "trim",
    "truncate", "unique", "upper", "wordcount",
)  # fmt: skip
_STR_METHODS: Final = frozenset(
    ["capitalize", "endswith", "lower", "lstrip", "rstrip", "split", "startswith", "strip", "title", "upper"]
)
_MAP_METHODS: Final = frozenset({"get", "items", "keys", "values"})
LOOP_GUARD: Final = "cx_loop_guard"
CONCAT: Final = "cx_concat"


class _Lenient(ChainableUndefined):
    """Missing data renders as nothing; `a.b.c` on missing data is missing too."""

    __slots__ = ()


def _finalize(value: object) -> object:
    return "" if value is None else value


def _range(*args: int) -> range:
    tick()
    numbers = range(*args)
    if len(numbers) > MAX_RANGE:
        raise TemplateLimitError(f"range() is limited to {MAX_RANGE} numbers")
    return numbers


@pass_context
def _loop_guard(_: Context, iterable: Iterable[object]) -> Iterator[object]:
    for item in iterable:
        tick()
        yield item


@pass_context
def _concat(_: Context, parts: list[object]) -> str:
    text = "".join("" if p is None else str(p) for p in parts)
    check_size(text)
    return text


class Group:
    """A read-only record that templates reach by attribute (``caller.name``) or item (``caller['name']``).

    Unknown names raise AttributeError, which the template sandbox turns into an empty value. Names starting with an
    underscore are never served, so a template cannot reach the internals through it.
    """

    __slots__ = ("_values",)
    _values: dict[str, object]

    def __init__(self, values: Mapping[str, object]) -> None:
        object.__setattr__(self, "_values", dict(values))

    def __getattr__(self, name: str) -> object:
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(name) from None

    def __getitem__(self, name: str) -> object:
        if name.startswith("_"):
            raise KeyError(name)
        return self._values[name]

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("a context group is read-only")

    def __str__(self) -> str:
        return ""  # a whole group in a template renders as nothing, not as a dump of its fields

    def __repr__(self) -> str:
        return f"Group({self._values!r})"


class _Environment(ImmutableSandboxedEnvironment):
    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if not super().is_safe_attribute(obj, attr, value):
            return False
        if not callable(value) or isinstance(obj, Undefined) or isinstance(value, Undefined):
            return True  # data, or missing data (which renders as nothing and cannot be called)
        if isinstance(obj, str):
            return attr in _STR_METHODS
        if isinstance(obj, Mapping):
            return attr in _MAP_METHODS
        return isinstance(obj, LoopContext) and attr in ("cycle", "changed")

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        return None  # str.format is not allowed at all (it is not in _STR_METHODS)

    def unsafe_undefined(self, obj: Any, attribute: str) -> Undefined:
        raise SecurityError(f"a template cannot reach {attribute!r}")

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is Group:  # the common case, made fast: a group holds only data
            return _group_value(self, obj, attribute)
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        if type(obj) is Group and isinstance(argument, str):
            return _group_value(self, obj, argument)
        return super().getitem(obj, argument)

    def call(self, context: Context, obj: Any, /, *args: Any, **kwargs: Any) -> Any:
        tick()
        return super().call(context, obj, *args, **kwargs)

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        tick()
        if operator == "%" and isinstance(left, str):
            raise SecurityError("use ~ to join text, not %")
        if operator == "**" and not (_small(left, 64) and _small(right, 8)):
            raise TemplateLimitError("numbers in a template must stay small")
        if operator == "*":
            if isinstance(left, int) and isinstance(right, int) and not (_small(left, 128) and _small(right, 128)):
                raise TemplateLimitError("numbers in a template must stay small")
            seq, times = (left, right) if isinstance(left, str | list | tuple) else (right, left)
            if isinstance(seq, str | list | tuple) and isinstance(times, int) and len(seq) * times > MAX_TEXT:
                raise TemplateLimitError(f"it built a text or list longer than {MAX_TEXT}")
        result = super().call_binop(context, operator, left, right)
        check_size(result)
        return result


def _group_value(env: _Environment, group: Group, name: str) -> Any:
    if name.startswith("_"):
        raise SecurityError(f"a template cannot reach {name!r}")
    try:
        return group._values[name]
    except KeyError:
        return env.undefined(obj=group, name=name)


def _small(value: object, bits: int) -> bool:
    if isinstance(value, int):
        return value.bit_length() <= bits
    return isinstance(value, float) and abs(value) < 2.0**bits


def _guarded_join(value: Iterable[object], d: str = "", attribute: str | int | None = None) -> str:
    items = [ENVIRONMENT.getitem(v, attribute) if attribute is not None else v for v in value]
    text = str(d).join("" if v is None or isinstance(v, Undefined) else str(v) for v in items)
    check_size(text)
    return text


def _guarded_replace(value: object, old: str, new: str, count: int | None = None) -> str:
    text = "" if isinstance(value, Undefined) or value is None else str(value)
    hits = text.count(str(old)) if count is None else min(count, text.count(str(old)))
    if len(text) + hits * max(0, len(str(new)) - len(str(old))) > MAX_TEXT:
        raise TemplateLimitError(f"it built a text longer than {MAX_TEXT}")
    return text.replace(str(old), str(new), -1 if count is None else count)


FILTERS: Final[tuple[str, ...]] = tuple(
    sorted({*_BUILTIN_FILTERS, "default", "d", "join", "replace", *helpers.FILTERS})
)


def _make_environment() -> _Environment:
    env = _Environment(
        autoescape=False,
        undefined=_Lenient,
        finalize=_finalize,
        auto_reload=False,
        cache_size=0,
    )
    filters: dict[str, Callable[..., Any]] = {name: DEFAULT_FILTERS[name] for name in _BUILTIN_FILTERS}
    filters.update(helpers.FILTERS)
    filters.update(
        {"default": helpers.default, "d": helpers.default, "join": _guarded_join, "replace": _guarded_replace}
    )
    filters[LOOP_GUARD] = _loop_guard
    filters[CONCAT] = _concat
    env.filters = filters
    env.globals = {"range": _range}
    return env


ENVIRONMENT: Final = _make_environment()
