"""Best-effort line numbers for TOML keys, since tomllib gives values but not where they came from.

The scan understands what packs use: ``[table]`` and ``[[rule]]`` headers (``[rule.when]`` belongs to the last rule),
``key = value`` lines, dotted keys (``when.all = [...]``) and multi-line strings, whose contents are skipped. A key it
cannot place gets the line of its rule's header, or None.
"""

from __future__ import annotations

import re
from typing import Final

_HEADER: Final = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\-\" ]+?)\s*\]\]?\s*(#.*)?$")
_KEY: Final = re.compile(r"""^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_\-]+)\s*(?:\.\s*[A-Za-z0-9_\-"']+\s*)*=""")
_TRIPLE: Final = re.compile(r'"""|\'\'\'')


class SourceMap:
    """Where each rule and each key sits in a pack's text (1-based line numbers)."""

    def __init__(self, text: str) -> None:
        self._rules: list[tuple[int, dict[str, int]]] = []  # (header line, key -> line)
        self._tables: dict[str, dict[str, int]] = {}
        self._table_lines: dict[str, int] = {}
        keys = self._tables.setdefault("", {})  # top-level keys, before any header
        open_quote = ""
        for number, line in enumerate(text.splitlines(), start=1):
            if open_quote:
                if line.count(open_quote) % 2 == 1:
                    open_quote = ""
                continue
            header = _HEADER.match(line)
            if header and not _KEY.match(line):
                keys = self._enter(header.group(1), header.group(2).replace('"', "").replace(" ", ""), number)
                continue
            key = _KEY.match(line)
            if key:
                keys.setdefault(key.group(1).strip("\"'"), number)
            for quote in ('"""', "'''"):
                if line.count(quote) % 2 == 1:
                    open_quote = quote
                    break

    def _enter(self, brackets: str, name: str, number: int) -> dict[str, int]:
        if brackets == "[[" and name == "rule":
            self._rules.append((number, {}))
            return self._rules[-1][1]
        if name.startswith("rule.") and self._rules:
            sub = name.split(".")[1]
            rule_keys = self._rules[-1][1]
            rule_keys.setdefault(sub, number)
            return {}  # keys inside [rule.when] are placed at the table's header
        self._table_lines.setdefault(name, number)
        return self._tables.setdefault(name, {})

    def rule_line(self, index: int, key: str | None = None) -> int | None:
        """The line of rule `index` (0-based, in file order): of `key` if found, else of its id, else its header."""
        if not 0 <= index < len(self._rules):
            return None
        header, keys = self._rules[index]
        if key is not None and key in keys:
            return keys[key]
        return keys.get("id", header)

    def key_line(self, table: str, key: str | None = None) -> int | None:
        """The line of `key` in ``[table]`` (e.g. "pack", "cues.unless"), else of the table's header."""
        keys = self._tables.get(table, {})
        if key is not None and key in keys:
            return keys[key]
        return self._table_lines.get(table)
