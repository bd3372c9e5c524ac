"""Prompt packs: read a TOML pack, check every part of it, and compile it, or reject it whole.

A pack with any problem is rejected: `load_pack` raises `PackError` carrying every `PackProblem` found (file, line,
rule id, message in plain words), so the caller keeps the pack already in force. `validate_pack_file` returns the
problems instead, for ``cxassist prompts validate``. The format is described in docs/prompt-packs.md.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Final, Protocol

from cxassist.prompts.conditions import always, compile_condition
from cxassist.prompts.cues import phrase_tokens
from cxassist.prompts.rules import CATEGORIES, OFFERS, Pack, PackError, PackProblem, Rule
from cxassist.prompts.samples import sample_contexts
from cxassist.prompts.sourcemap import SourceMap
from cxassist.prompts.templates import CompiledTemplate, RenderError, compile_template

MAX_PACK_BYTES: Final = 20_000_000
_RULE_KEYS: Final = ("id", "category", "when", "template", "why", "priority", "variants", "offers")
_PACK_KEYS: Final = ("name", "version", "language", "description", "remove")
_TOP_KEYS: Final = ("pack", "rule", "cues", "jargon")
_ID: Final = re.compile(r"^[a-z0-9][a-z0-9.\-]{0,79}$")
_KIND: Final = re.compile(r"^[a-z][a-z0-9\-]{0,39}$")
_LANGUAGE: Final = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
_TOML_LINE: Final = re.compile(r"at line (\d+)")


def load_pack(path: Path) -> Pack:
    """Read and compile the pack at `path`; PackError (with every problem) if it cannot be used."""
    text, problems = _read(path)
    if text is None:
        raise PackError(problems)
    return load_pack_text(text, str(path))


def load_pack_text(text: str, source_name: str) -> Pack:
    """Compile a pack from its TOML text; `source_name` names it in messages. PackError if it has any problem."""
    pack, problems = _Checker(text, source_name).run()
    if pack is None:
        raise PackError(problems)
    return pack


def validate_pack_file(path: Path) -> list[PackProblem]:
    """Every problem in the pack at `path`; an empty list means it would load."""
    text, problems = _read(path)
    if text is None:
        return problems
    return _Checker(text, str(path)).run()[1]


def validate_pack_text(text: str, source_name: str) -> list[PackProblem]:
    """Every problem in a pack's text (for packs edited in the console before they are published)."""
    return _Checker(text, source_name).run()[1]


def _read(path: Path) -> tuple[str | None, list[PackProblem]]:
    try:
        if path.stat().st_size > MAX_PACK_BYTES:
            return None, [PackProblem(str(path), None, None, f"the file is larger than {MAX_PACK_BYTES:,} bytes")]
        return path.read_text(encoding="utf-8"), []
    except UnicodeDecodeError:
        return None, [PackProblem(str(path), None, None, "the file is not UTF-8 text")]
    except OSError as exc:
        return None, [PackProblem(str(path), None, None, f"cannot read the file: {exc.strerror or exc}")]


def _hint(word: str, options: tuple[str, ...]) -> str:
    near = difflib.get_close_matches(word, options, n=1)
    return f"did you mean {near[0]!r}? " if near else ""


class _Checker:
    """Collects every problem in one pass, so a supervisor sees all of them at once."""

    def __init__(self, text: str, source: str) -> None:
        self.text, self.source = text, source
        self.problems: list[PackProblem] = []
        self.map = SourceMap(text)

    def add(self, message: str, line: int | None = None, rule_id: str | None = None) -> None:
        self.problems.append(PackProblem(self.source, line, rule_id, message))

    def _line(self, key_line: int | None, within: int | None) -> int | None:
        """The file line of line `within` (1-based) of a string value that starts on `key_line`."""
        if key_line is None or not within:
            return key_line
        lines = self.text.splitlines()
        opened = key_line <= len(lines) and lines[key_line - 1].rstrip().endswith(('"""', "'''"))
        return key_line + within - (0 if opened else 1)  # TOML drops a newline right after the opening quotes

    def run(self) -> tuple[Pack | None, list[PackProblem]]:
        if len(self.text) > MAX_PACK_BYTES:
            self.add(f"the pack is larger than {MAX_PACK_BYTES:,} characters")
            return None, self.problems
        try:
            data = tomllib.loads(self.text)
        except tomllib.TOMLDecodeError as exc:
            found = _TOML_LINE.search(str(exc))
            self.add(f"not valid TOML: {exc}", int(found.group(1)) if found else None)
            return None, self.problems
        for key in data:
            if key not in _TOP_KEYS:
                self.add(f"unknown table {key!r}: {_hint(key, _TOP_KEYS)}a pack has {', '.join(_TOP_KEYS)}",
                         self.map.key_line(key) or self.map.key_line("", key))  # fmt: skip
        header = self._pack(data.get("pack"))
        rules = self._rules(data.get("rule", []))
        cues, unless = self._cues(data.get("cues", {}))
        jargon = self._jargon(data.get("jargon", {}))
        if self.problems or header is None:
            return None, self.problems
        name, version, language, description, remove = header
        pack = Pack(
            name=name, version=version, language=language, description=description, rules=tuple(rules),
            cues=cues, cues_unless=unless, jargon=jargon, remove=remove, source=self.source, text=self.text,
        )  # fmt: skip
        return pack, self.problems

    def _pack(self, table: object) -> tuple[str, int, str, str, tuple[str, ...]] | None:
        line = self.map.key_line("pack")
        if not isinstance(table, dict):
            self.add('the pack needs a [pack] table with name = "..." and version = 1', line)
            return None
        for key in table:
            if key not in _PACK_KEYS:
                self.add(f"unknown key {key!r} in [pack]: {_hint(key, _PACK_KEYS)}use {', '.join(_PACK_KEYS)}",
                         self.map.key_line("pack", key))  # fmt: skip
        name, version = table.get("name"), table.get("version")
        language, description = table.get("language", "en"), table.get("description", "")
        remove = table.get("remove", [])
        if not isinstance(name, str) or not name.strip():
            self.add('[pack] needs a name, such as name = "north-site"', self.map.key_line("pack", "name"))
        if not isinstance(version, int) or isinstance(version, bool) or version < 0:
            self.add("[pack] needs a version that is a whole number, such as version = 3",
                     self.map.key_line("pack", "version"))  # fmt: skip
        if not isinstance(language, str) or not _LANGUAGE.match(language):
            self.add('[pack] language must be a language code such as "en" or "cy"',
                     self.map.key_line("pack", "language"))  # fmt: skip
        if not isinstance(description, str):
            self.add("[pack] description must be text", self.map.key_line("pack", "description"))
        if not isinstance(remove, list) or not all(isinstance(r, str) and _ID.match(r) for r in remove):
            self.add('[pack] remove must be a list of rule ids, such as remove = ["greet-time-of-day"]',
                     self.map.key_line("pack", "remove"))  # fmt: skip
        if not (isinstance(name, str) and isinstance(version, int) and isinstance(language, str)):
            return None
        removed = tuple(remove) if isinstance(remove, list) else ()
        return name.strip(), version, language.lower(), str(description), removed

    def _rules(self, rules: object) -> list[Rule]:
        if not isinstance(rules, list):
            self.add("rules are written as [[rule]] tables (two brackets)", self.map.key_line("rule"))
            return []
        seen: dict[str, int] = {}
        out: list[Rule] = []
        for index, raw in enumerate(rules):
            rule = self._rule(index, raw, seen)
            if rule is not None:
                out.append(rule)
        return out

    def _rule(self, index: int, raw: object, seen: dict[str, int]) -> Rule | None:
        start = len(self.problems)
        if not isinstance(raw, dict):
            self.add("each rule must be a [[rule]] table", self.map.rule_line(index))
            return None
        rid = raw.get("id")
        rule_id = rid if isinstance(rid, str) else None

        def add(message: str, key: str | None = None, within: int | None = None) -> None:
            self.add(message, self._line(self.map.rule_line(index, key), within), rule_id)

        for key in raw:
            if key not in _RULE_KEYS:
                add(f"unknown key {key!r}: {_hint(key, _RULE_KEYS)}a rule has {', '.join(_RULE_KEYS)}", key)
        if rule_id is None:
            add(f'rule number {index + 1} needs an id, such as id = "greet-by-name"')
        elif not _ID.match(rule_id):
            add("an id uses only lower-case letters, digits, '-' and '.' (at most 80), such as \"greet-by-name\"")
        elif rule_id in seen:
            add(f"the id is used twice in this pack (first at rule number {seen[rule_id] + 1})", "id")
        else:
            seen[rule_id] = index
        category = raw.get("category")
        if category not in CATEGORIES:
            shown = category if isinstance(category, str) else ""
            what = (
                f"unknown category {category!r}: {_hint(shown, CATEGORIES)}" if category else "a category is needed; "
            )
            add(f"{what}use one of {', '.join(CATEGORIES)}", "category")
        priority = raw.get("priority", 50)
        if not isinstance(priority, int) or isinstance(priority, bool) or not 0 <= priority <= 100:
            add("priority must be a whole number from 0 to 100", "priority")
        offers = raw.get("offers")
        if offers is not None and offers not in OFFERS:
            add(f"offers can only be {', '.join(repr(o) for o in OFFERS)}", "offers")
        elif offers is not None and category != "care-and-safety":
            add("only care-and-safety rules can offer emergency mode", "offers")
        condition_problems: list[str] = []
        condition = compile_condition(raw["when"], condition_problems) if "when" in raw else always
        for message in condition_problems:
            add(f"condition: {message}", "when")
        template = self._template(raw.get("template"), "template", add)
        why = self._template(raw.get("why"), "why", add)
        variants: dict[str, CompiledTemplate] = {}
        raw_variants = raw.get("variants", {})
        if not isinstance(raw_variants, dict):
            add('variants must be a table, such as variants = { cy = "..." }', "variants")
        else:
            for language, source in raw_variants.items():
                if not _LANGUAGE.match(language):
                    add(f"variant {language!r} is not a language code such as cy or fr", "variants")
                compiled = self._template(source, f"variant {language}", add, key="variants")
                if compiled is not None:
                    variants[language.lower()] = compiled
        if len(self.problems) > start or template is None or why is None:
            return None
        for label, compiled in (("template", template), ("why", why), *variants.items()):
            message = _trial_render(compiled)
            if message:
                add(f"{label}: {message}", label if label in ("template", "why") else "variants")
        if len(self.problems) > start:
            return None
        assert isinstance(rule_id, str)
        assert isinstance(category, str)
        assert isinstance(priority, int)
        return Rule(
            id=rule_id, category=category, priority=priority, condition=condition, template=template, why=why,
            variants=MappingProxyType(variants), offers=offers if isinstance(offers, str) else None,
            line=self.map.rule_line(index),
        )  # fmt: skip

    def _template(self, source: object, label: str, add: _Add, key: str | None = None) -> CompiledTemplate | None:
        key = key or label
        if source is None:
            add(f"a rule needs a {label} (text, which may use {{{{ fields }}}})", key)
            return None
        if not isinstance(source, str) or not source.strip():
            add(f"{label} must be some text", key)
            return None
        compiled, problems = compile_template(source)
        for problem in problems:
            add(f"{label}: {problem.message}", key, problem.line)
        return compiled

    def _cues(self, table: object) -> tuple[Mapping[str, tuple[str, ...]], Mapping[str, tuple[str, ...]]]:
        if not isinstance(table, dict):
            self.add("[cues] must be a table of phrase lists", self.map.key_line("cues"))
            return {}, {}
        unless = table.get("unless", {})
        if not isinstance(unless, dict):
            self.add("[cues.unless] must be a table of phrase lists", self.map.key_line("cues", "unless"))
            unless = {}
        kinds = self._phrase_lists({k: v for k, v in table.items() if k != "unless"}, "cues")
        return MappingProxyType(kinds), MappingProxyType(self._phrase_lists(unless, "cues.unless"))

    def _phrase_lists(self, table: dict[str, object], name: str) -> dict[str, tuple[str, ...]]:
        out: dict[str, tuple[str, ...]] = {}
        for kind, phrases in table.items():
            line = self.map.key_line(name, kind)
            if not _KIND.match(kind):
                self.add(f"cue kind {kind!r} must be lower-case letters, digits and '-', such as \"distress\"", line)
            if not isinstance(phrases, list) or not all(isinstance(p, str) for p in phrases):
                self.add(f"[{name}] {kind} must be a list of phrases in quotes", line)
                continue
            for phrase in phrases:
                if not phrase_tokens(phrase)[0]:
                    self.add(f"[{name}] {kind}: the phrase {phrase!r} has no words to match", line)
            out[kind] = tuple(phrases)
        return out

    def _jargon(self, table: object) -> Mapping[str, str]:
        if not isinstance(table, dict):
            self.add('[jargon] must be a table of term = "plain words"', self.map.key_line("jargon"))
            return {}
        out: dict[str, str] = {}
        for term, plain in table.items():
            line = self.map.key_line("jargon", term)
            if not isinstance(plain, str) or not plain.strip() or not phrase_tokens(term)[0]:
                self.add(f'[jargon] {term!r} needs plain words in quotes, such as arrears = "money owed"', line)
                continue
            out[term] = plain.strip()
        return MappingProxyType(out)


class _Add(Protocol):
    def __call__(self, message: str, key: str | None = None, within: int | None = None) -> None: ...


def _trial_render(template: CompiledTemplate) -> str:
    """Render against the sample contexts: a limit or sandbox breach on either, or any failure on the rich one."""
    rich, unknown = sample_contexts()
    for sample in (rich, unknown):
        try:
            template.render(sample.template_vars)
        except RenderError as exc:
            if exc.kind != "error" or sample is rich:
                return f"{exc} (when rendered for a sample caller)"
    return ""
