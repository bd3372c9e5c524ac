"""What a loaded pack is made of (`Pack`, `Rule`), and how a rejected one is reported (`PackProblem`, `PackError`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from cxassist.domain.errors import UserError
from cxassist.prompts.conditions import Condition
from cxassist.prompts.templates import CompiledTemplate

CATEGORIES: Final = (
    "care-and-safety", "empathy", "context", "greeting", "plain-language", "delight", "closing",
)  # fmt: skip
"""Every category, in the order prompts are shown (care and safety first)."""
OFFERS: Final = ("emergency-mode",)


@dataclass(frozen=True, slots=True)
class PackProblem:
    """One thing wrong with a pack: which file, which line (best effort), which rule, and what, in plain words."""

    file: str
    line: int | None
    rule_id: str | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        rule = f" rule {self.rule_id!r}:" if self.rule_id else ""
        return f"{where}:{rule} {self.message}"


class PackError(UserError):
    """A pack (or set of packs) was rejected; `problems` lists everything found, the message the first of them."""

    def __init__(self, problems: list[PackProblem]) -> None:
        self.problems = tuple(problems)
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        super().__init__(f"Prompt pack rejected: {problems[0]}{more}" if problems else "Prompt pack rejected")


@dataclass(frozen=True, slots=True, eq=False)
class Rule:
    """A compiled rule. `line` is where its id sits in the pack file (for messages and the console)."""

    id: str
    category: str
    priority: int
    condition: Condition
    template: CompiledTemplate
    why: CompiledTemplate
    variants: Mapping[str, CompiledTemplate]
    offers: str | None
    line: int | None


@dataclass(frozen=True, slots=True, eq=False)
class Pack:
    """A loaded, valid pack. `text` is its TOML source, kept so it can be stored, published and synced as is."""

    name: str
    version: int
    language: str
    description: str
    rules: tuple[Rule, ...]
    cues: Mapping[str, tuple[str, ...]]
    cues_unless: Mapping[str, tuple[str, ...]]
    jargon: Mapping[str, str]
    remove: tuple[str, ...]
    source: str
    text: str
