"""Prompt templates: checked and compiled once, rendered in the sandbox (see `sandbox`) within hard limits.

Supervisors write templates, so a template must not run code, reach Python internals, or hang the agent's desktop.
Checks before a template is accepted (each a pack error with its line):

- syntax; at most `MAX_TEMPLATE_CHARS` characters;
- no name or attribute starting with ``_`` (``{{ ''.__class__ }}``);
- no ``extends``, ``include``, ``import``, ``macro``, ``call`` or recursive loops (nothing to load, nothing that
  recurses);
- only context roots (``caller``, ``history``...), names the template sets itself, ``loop`` and ``range``;
  ``caller.x`` must be a field of `schema.FIELDS`;
- only the filters in `FILTERS`.

Limits while rendering (breaking one drops that prompt, with the reason logged; the others still show):

- ``range`` yields at most `MAX_RANGE` numbers; all loops together run at most `MAX_STEPS` times, and loop steps,
  calls and operators count towards it;
- a render may take `RENDER_BUDGET_S` seconds, checked at each step (so ``range(10**9)`` or nested loops stop);
- text built by ``~``, ``+``, ``*`` or ``join`` is at most `MAX_TEXT` characters, numbers stay small, ``%`` and
  ``format`` on text are refused; the output is at most `MAX_OUTPUT` characters;
- an unsafe attribute reached at run time (through a computed name) raises instead of rendering empty.

Missing data never raises: an unknown attribute or an empty value renders as nothing, ``None`` renders as nothing,
and ``default`` treats an empty value as missing: ``{{ caller.preferred_name | default('there') }}``.
A prompt is one paragraph: line breaks and runs of spaces in the output become one space.
"""

from __future__ import annotations

import functools
from collections.abc import Generator, Mapping
from dataclasses import dataclass
from time import perf_counter
from typing import Final, cast

from jinja2 import TemplateError, TemplateSyntaxError, nodes
from jinja2.environment import Template
from jinja2.exceptions import SecurityError
from jinja2.visitor import NodeTransformer

from cxassist.prompts import limits
from cxassist.prompts.limits import MAX_OUTPUT, MAX_TEMPLATE_CHARS, TemplateLimitError
from cxassist.prompts.sandbox import CONCAT, ENVIRONMENT, FILTERS, LOOP_GUARD
from cxassist.prompts.schema import NAMES_BY_ROOT, ROOTS

_FORBIDDEN: Final = {
    nodes.Extends: "extends", nodes.Include: "include", nodes.Import: "import", nodes.FromImport: "import",
    nodes.Macro: "macro", nodes.CallBlock: "call",
}  # fmt: skip


class RenderError(Exception):
    """A template failed while rendering; the message says why in plain words (no caller data).

    `kind` is "limit" (a render limit was hit), "security" (it reached for something not allowed) or "error".
    """

    def __init__(self, message: str, kind: str) -> None:
        super().__init__(message)
        self.kind = kind


@dataclass(frozen=True, slots=True)
class TemplateProblem:
    """Something wrong with a template's source: the line within the template (1-based) and what is wrong."""

    line: int | None
    message: str


class _Guard(NodeTransformer):
    """Route every loop through the step counter and every ``~`` through the size check."""

    def visit_For(self, node: nodes.For) -> nodes.Node:
        self.generic_visit(node)
        node.iter = nodes.Filter(node.iter, LOOP_GUARD, [], [], None, None, lineno=node.lineno)
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:
        self.generic_visit(node)
        parts = nodes.List(node.nodes, lineno=node.lineno)
        return nodes.Filter(parts, CONCAT, [], [], None, None, lineno=node.lineno)


def _static_problems(ast: nodes.Template) -> list[TemplateProblem]:
    problems: list[TemplateProblem] = []

    def add(node: nodes.Node, message: str) -> None:
        if "internals" in message and any("internals" in p.message for p in problems):
            return  # once is enough: ''.__class__.__mro__ is one mistake, not two
        problems.append(TemplateProblem(node.lineno, message))

    for node_type, tag in _FORBIDDEN.items():
        for node in ast.find_all(node_type):
            add(node, f"templates cannot use {{% {tag} %}}")
    for loop in ast.find_all(nodes.For):
        if loop.recursive:
            add(loop, "templates cannot use recursive loops")
    declared = {n.name for n in ast.find_all(nodes.Name) if n.ctx in ("store", "param")}
    for name in ast.find_all(nodes.Name):
        if name.name.startswith("_"):
            add(name, f"templates cannot reach Python internals ({name.name})")
        elif name.ctx == "load" and name.name not in ROOTS | declared | {"loop", "range"}:
            add(name, f"unknown name {name.name!r} (use {', '.join(sorted(ROOTS))})")
    for attr in ast.find_all(nodes.Getattr):
        if attr.attr.startswith("_"):
            add(attr, f"templates cannot reach Python internals (.{attr.attr})")
        elif (
            isinstance(attr.node, nodes.Name)
            and attr.node.name in ROOTS
            and attr.node.name not in declared
            and attr.attr not in NAMES_BY_ROOT[attr.node.name]
        ):
            add(attr, f"there is no context field {attr.node.name}.{attr.attr}")
    for item in ast.find_all(nodes.Getitem):
        key = item.arg
        if isinstance(key, nodes.Const) and isinstance(key.value, str) and key.value.startswith("_"):
            add(item, f"templates cannot reach Python internals ([{key.value!r}])")
    return problems


class CompiledTemplate:
    """A checked, compiled template. `render` is safe to call from any thread."""

    __slots__ = ("_constant", "_render", "_template", "source")

    def __init__(self, source: str, template: Template | None) -> None:
        self.source = source
        self._template = template
        self._constant = tidy(source) if template is None else ""
        self._render = template.root_render_func if template is not None else None

    @property
    def is_constant(self) -> bool:
        return self._template is None

    def render(self, variables: Mapping[str, object]) -> str:
        """The tidied text. Raises RenderError (never anything else) when the template fails or breaks a limit.

        `variables` maps the context roots to their groups; `template_namespace` adds the globals (``range``) once,
        which saves copying them on every render.
        """
        if self._template is None or self._render is None:
            return self._constant
        if "range" not in variables:
            variables = template_namespace(variables)
        token = limits.BUDGET.set(limits.Budget(perf_counter() + limits.RENDER_BUDGET_S))
        context = self._template.new_context(variables, shared=True)  # type: ignore[arg-type]
        chunks = cast(Generator[str, None, None], self._render(context))
        try:
            out: list[str] = []
            size = 0
            for chunk in chunks:
                size += len(chunk)
                if size > MAX_OUTPUT:
                    raise TemplateLimitError(f"its text is longer than {MAX_OUTPUT} characters")
                out.append(chunk)
        except TemplateLimitError as exc:
            raise RenderError(f"the template was stopped: {exc}", "limit") from None
        except SecurityError as exc:
            raise RenderError(f"the template tried something not allowed: {exc}", "security") from None
        except Exception as exc:  # noqa: BLE001 - any failure of a user's template drops that prompt only
            raise RenderError(f"the template failed: {type(exc).__name__}: {exc}", "error") from None
        finally:
            chunks.close()
            limits.BUDGET.reset(token)
        return tidy("".join(out))


def template_namespace(groups: Mapping[str, object]) -> dict[str, object]:
    """What a template sees: the context groups plus the sandbox globals."""
    return {**groups, **ENVIRONMENT.globals}


def tidy(text: str) -> str:
    """A prompt is one paragraph: line breaks and runs of spaces become one space, and the ends are trimmed."""
    return " ".join(text.split())


def compile_template(source: str) -> tuple[CompiledTemplate | None, tuple[TemplateProblem, ...]]:
    """Check and compile `source`: (the template, ()) or (None, its problems). Cached by source text."""
    return _compile_cached(source)


@functools.lru_cache(maxsize=4_096)
def _compile_cached(source: str) -> tuple[CompiledTemplate | None, tuple[TemplateProblem, ...]]:
    if len(source) > MAX_TEMPLATE_CHARS:
        return None, (TemplateProblem(None, f"a template may be at most {MAX_TEMPLATE_CHARS} characters"),)
    if "{" not in source:
        return CompiledTemplate(source, None), ()
    try:
        ast = ENVIRONMENT.parse(source)
    except TemplateSyntaxError as exc:
        return None, (TemplateProblem(exc.lineno, f"template syntax error: {exc.message}"),)
    problems = _static_problems(ast)
    if problems:
        return None, tuple(problems)
    guarded = _Guard().visit(ast)
    assert isinstance(guarded, nodes.Template)
    guarded.set_environment(ENVIRONMENT)
    try:
        template = ENVIRONMENT.from_string(guarded)
    except TemplateError as exc:
        line = getattr(exc, "lineno", None)
        hint = f" (filters you can use: {', '.join(FILTERS)})" if "filter" in str(exc) else ""
        return None, (TemplateProblem(line, f"{exc}{hint}"),)
    return CompiledTemplate(source, template), ()
