"""The hard limits on rendering a template, and the per-render budget that enforces them.

A render sets `BUDGET` (a context variable, so renders on different threads do not share it); the sandbox calls
`tick` at every loop step, call and intercepted operator, and `check_size` on text it builds.
"""

from __future__ import annotations

from contextvars import ContextVar
from time import perf_counter
from typing import Final

MAX_TEMPLATE_CHARS: Final = 4_000
MAX_RANGE: Final = 1_000
MAX_STEPS: Final = 10_000
MAX_TEXT: Final = 4_000
MAX_OUTPUT: Final = 2_000
RENDER_BUDGET_S: Final = 0.05


class TemplateLimitError(Exception):
    """A template went over one of the render limits."""


class Budget:
    """Steps taken and the deadline of one render."""

    __slots__ = ("deadline", "steps")

    def __init__(self, deadline: float) -> None:
        self.deadline = deadline
        self.steps = 0


BUDGET: ContextVar[Budget | None] = ContextVar("cxassist_template_budget", default=None)


def tick() -> None:
    budget = BUDGET.get()
    if budget is None:
        return
    budget.steps += 1
    if budget.steps > MAX_STEPS:
        raise TemplateLimitError(f"it ran more than {MAX_STEPS} steps")
    if perf_counter() > budget.deadline:
        raise TemplateLimitError(f"it took longer than {int(RENDER_BUDGET_S * 1000)} ms")


def check_size(value: object) -> None:
    if isinstance(value, str | list | tuple) and len(value) > MAX_TEXT:
        raise TemplateLimitError(f"it built a text or list longer than {MAX_TEXT}")
