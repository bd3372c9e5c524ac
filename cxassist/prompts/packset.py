"""The packs in force: the default pack, then site packs in the order the site config names them.

Composition, pack by pack in order:
- a rule whose id is new is added after the rules before it;
- a rule with the id of an earlier rule replaces it, in the earlier rule's place;
- ``[pack] remove = ["id", ...]`` switches off earlier rules (ids that no earlier pack has are ignored, so a site
  pack keeps loading when a new default pack drops a rule);
- cue phrases of the same kind are pooled; a jargon term defined again takes the later plain word.
"""

from __future__ import annotations

import importlib.resources
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from cxassist.prompts.cues import CueBook
from cxassist.prompts.pack import load_pack, load_pack_text
from cxassist.prompts.rules import Pack, PackError, PackProblem, Rule

DEFAULT_PACK_RESOURCE = "resources/prompts/default.toml"


@dataclass(frozen=True, slots=True, eq=False)
class PackSet:
    """Packs composed into the rules in force (each with the pack it came from) and one compiled cue book."""

    packs: tuple[Pack, ...]
    rules: tuple[tuple[Pack, Rule], ...]
    cues: CueBook

    @classmethod
    def compose(cls, packs: Iterable[Pack]) -> PackSet:
        """Compose already loaded packs (the services keep the last good version of each to fall back on)."""
        packs = tuple(packs)
        rules: dict[str, tuple[Pack, Rule]] = {}
        phrases: dict[str, list[str]] = {}
        unless: dict[str, list[str]] = {}
        jargon: dict[str, str] = {}
        for pack in packs:
            for rule_id in pack.remove:
                rules.pop(rule_id, None)
            for rule in pack.rules:
                rules[rule.id] = (pack, rule)  # a replaced id keeps its place: dicts keep first insertion order
            for kind, items in pack.cues.items():
                phrases.setdefault(kind, []).extend(items)
            for kind, items in pack.cues_unless.items():
                unless.setdefault(kind, []).extend(items)
            jargon.update(pack.jargon)
        return cls(packs, tuple(rules.values()), CueBook(phrases, unless, jargon))

    def rule(self, rule_id: str) -> tuple[Pack, Rule] | None:
        return next((pr for pr in self.rules if pr[1].id == rule_id), None)

    def describe(self) -> str:
        """e.g. "default v3, north-site v2": which packs are in force, for the status line and logs."""
        return ", ".join(f"{p.name} v{p.version}" for p in self.packs)


def default_pack_path() -> Path:
    """The shipped default pack. Works from a source tree, a wheel and a PyInstaller build that bundles the file."""
    ref = importlib.resources.files("cxassist").joinpath(DEFAULT_PACK_RESOURCE)
    if isinstance(ref, Path):
        return ref
    return Path(str(ref))  # pragma: no cover - only zip imports give a non-Path, and we never ship one


def load_default_pack() -> Pack:
    """The shipped default pack, read through importlib.resources (PackError if the build broke it)."""
    ref = importlib.resources.files("cxassist").joinpath(DEFAULT_PACK_RESOURCE)
    return load_pack_text(ref.read_text(encoding="utf-8"), "default.toml")


def load_packs(default_path: Path | None, site_paths: Sequence[Path] = ()) -> PackSet:
    """Load the default pack (None: the shipped one) and the site packs, and compose them.

    All or nothing: if any file has a problem, PackError lists the problems of every file, and the caller keeps the
    pack set it already has.
    """
    packs: list[Pack] = []
    problems: list[PackProblem] = []
    for path in [default_path or default_pack_path(), *site_paths]:
        try:
            packs.append(load_pack(path))
        except PackError as exc:
            problems.extend(exc.problems)
    if problems:
        raise PackError(problems)
    return PackSet.compose(packs)
