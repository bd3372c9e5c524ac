"""The Spanish catalogue (resources/translations/cxassist_es.ts) is complete and keeps what the code relies on.

A translation that drops a `{0}` makes `.format()` lose the caller's name; one that drops a ⚠ or ✓ leaves colour as
the only signal; one that drops "Ctrl+E" hides the shortcut. These checks read the .ts, so they run without Qt.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from importlib import resources
from pathlib import Path

import pytest

from cxassist.services.caller_edit import ENDED_REASONS
from cxassist.services.prompts import DISMISS_REASONS

FOLDER = Path(str(resources.files("cxassist") / "resources" / "translations"))
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%n|%\d")
SYMBOLS = "⚠★✓✗♥⚑●○⇄⌛↻☺◷⟲–·…"
SHORTCUT = re.compile(r"\b(?:Ctrl\+(?:Shift\+)?\w+|F\d{1,2})\b")
MNEMONIC = re.compile(r"&(?!&)\S")


def messages(language: str) -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) for every message lupdate found in the source."""
    root = ET.parse(FOLDER / f"cxassist_{language}.ts").getroot()
    found = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            if translation.get("type") in ("obsolete", "vanished"):
                continue
            found.append((name, message.findtext("source") or "", translation))
    return found


def where(context: str, source: str) -> str:
    return f"[{context or 'module'}] {source!r}"


def test_every_message_is_translated() -> None:
    unfinished = [where(c, s) for c, s, t in messages("es") if t.get("type") == "unfinished" or not (t.text or "")]
    assert unfinished == [], "translate these in Qt Linguist (docs/translations.md)"


@pytest.mark.parametrize(
    ("name", "pattern"),
    [
        ("placeholders", PLACEHOLDER.findall),
        ("symbols", lambda text: [ch for ch in text if ch in SYMBOLS]),
        ("shortcuts", SHORTCUT.findall),
        ("mnemonics", lambda text: ["&"] * len(MNEMONIC.findall(text))),
    ],
)
def test_translations_keep_what_the_code_and_the_agent_rely_on(name: str, pattern: object) -> None:
    assert callable(pattern)
    changed = [
        f"{where(c, s)} -> {t.text!r}"
        for c, s, t in messages("es")
        if t.text and Counter(pattern(s)) != Counter(pattern(t.text))
    ]
    assert changed == [], f"{name} differ from the English"


def test_words_from_below_the_ui_are_in_the_catalogue() -> None:
    """Dismiss and end reasons are data from services, shown through widgets.text.tr(word) (module context)."""
    module_level = {s for c, s, _t in messages("es") if c == ""}
    missing = [w for w in (*DISMISS_REASONS, *ENDED_REASONS) if w not in module_level]
    assert missing == [], "mark them with QT_TRANSLATE_NOOP in cxassist/ui/translations.py"

