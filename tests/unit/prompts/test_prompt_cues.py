"""Live cues: the corpus of notes that must and must not raise a cue, the matching rules, and long notes."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from prompt_factories import default_set

from cxassist.prompts import NOTE_WINDOW, REPETITION, CueBook
from cxassist.prompts.cues import normalise, phrase_tokens

DATA = Path(__file__).parent / "data"


def _lines(name: str) -> list[str]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


TRIGGERS = [tuple(part.strip() for part in line.split("|", 1)) for line in _lines("cue_triggers.txt")]
EVERYDAY = _lines("cue_everyday.txt")


def test_corpus_is_big_enough() -> None:
    assert len(TRIGGERS) >= 50
    assert len(EVERYDAY) >= 50


@pytest.mark.parametrize(("kind", "note"), TRIGGERS, ids=[n for _, n in TRIGGERS])
def test_phrase_triggers_its_cue(kind: str, note: str) -> None:
    analysis = default_set().cues.analyse(note)
    assert kind in analysis.cues, f"{note!r} found {sorted(analysis.cues)}"


@pytest.mark.parametrize("note", EVERYDAY)
def test_everyday_phrase_triggers_nothing(note: str) -> None:
    analysis = default_set().cues.analyse(note)
    assert analysis.cues == frozenset(), f"{note!r} found {dict(analysis.evidence)}"


BOOK = CueBook(
    {"confusion": ["doesn't know where she is", "sounds confused"], "medical": ["can't breathe"],
     "exact": ['"where am i"']},
    unless={"medical": ["can't breathe a word"]},
    jargon={"arrears": "money owed", "direct debit mandate": "direct debit"},
)  # fmt: skip


@pytest.mark.parametrize(
    "note",
    [
        "DOESN'T KNOW WHERE SHE IS",  # case
        "doesn't... know, where she is?!",  # punctuation
        "does not know where she is",  # contraction expanded
        "doesnt know where she is",  # contraction without apostrophe
        "doesn’t know where she is",  # curly apostrophe
        "I don't know where I am",  # pronoun and verb swap
        "they don't know where they are",
        "he did not know where he was",
    ],
)
def test_matching_tolerates_case_punctuation_contractions_and_pronouns(note: str) -> None:
    assert "confusion" in BOOK.analyse(note).cues


@pytest.mark.parametrize("note", ["she sounded confused", "sounding confused", "SOUNDS CONFUSED"])
def test_matching_tolerates_word_endings(note: str) -> None:
    assert "confusion" in BOOK.analyse(note).cues


@pytest.mark.parametrize("note", ["cannot breathe", "can not breathe", "cant breathe", "couldn't breathe"])
def test_can_forms_are_the_same(note: str) -> None:
    assert "medical" in BOOK.analyse(note).cues


def test_unless_phrase_blocks_a_look_alike() -> None:
    assert BOOK.analyse("I can't breathe a word of it").cues == frozenset()
    assert BOOK.analyse("I can't breathe").cues == {"medical"}


@pytest.mark.parametrize("note", ["no chest pain", "not confused", "never confused", "denies chest pain"])
def test_negation_just_before_a_match_blocks_it(note: str) -> None:
    book = CueBook({"medical": ["chest pain"], "confusion": ["confused"]})
    assert book.analyse(note).cues == frozenset()
    assert BOOK.analyse("she doesn't sound confused").cues == frozenset()


def test_exact_phrase_matches_only_those_words() -> None:
    assert BOOK.analyse("Where am I?").cues == {"exact"}
    assert BOOK.analyse("where is he?").cues == frozenset()
    assert phrase_tokens('"where am i"') == (("where", "am", "i"), True)


def test_evidence_is_the_text_as_typed() -> None:
    analysis = BOOK.analyse("Called about a bill. She Doesn't know where she is!")
    assert analysis.evidence["confusion"] == "Doesn't know where she is"


def test_evidence_is_the_latest_match() -> None:
    analysis = BOOK.analyse("sounds confused. later: doesn't know where she is")
    assert analysis.evidence["confusion"] == "doesn't know where she is"


@pytest.mark.parametrize(
    "note",
    ["Where is my husband? Where is my husband?", "where am i where am i", "she said help me now help me now"],
)
def test_repetition_found_by_code(note: str) -> None:
    analysis = CueBook().analyse(note)
    assert REPETITION in analysis.cues
    assert analysis.evidence[REPETITION]


@pytest.mark.parametrize("note", ["thank you thank you", "very very late", "Paid. Paid.", "ok ok ok"])
def test_short_repeats_are_not_repetition(note: str) -> None:
    assert CueBook().analyse(note).cues == frozenset()


def test_jargon_found_with_plain_words_in_order() -> None:
    analysis = BOOK.analyse("Direct debit mandate cancelled, account in ARREARS, more arrears")
    assert analysis.jargon == (("direct debit mandate", "direct debit"), ("arrears", "money owed"))


def test_one_megabyte_note_cue_at_the_end_is_found_quickly() -> None:
    filler = "Customer asked about the balance and the next statement date. " * 17_000
    note = filler + "Now she sounds confused."
    assert len(note) > 1_000_000
    started = time.perf_counter()
    analysis = default_set().cues.analyse(note)
    elapsed = time.perf_counter() - started
    assert "confusion" in analysis.cues
    assert elapsed < 2  # generous: a correctness guard against reading the whole note, not a benchmark


def test_one_megabyte_note_reads_only_the_tail() -> None:
    note = "she sounds confused. " + " ".join(f"w{i}" for i in range(NOTE_WINDOW))
    assert default_set().cues.analyse(note).cues == frozenset()


def test_one_megabyte_note_without_spaces() -> None:
    analysis = default_set().cues.analyse("a" * 1_000_000 + " can't breathe")
    assert "medical" in analysis.cues


def test_normalise_is_shared_with_conditions() -> None:
    assert normalise("Speaking slowly, please") == normalise("speak slowly please")


@given(st.text(max_size=400))
def test_any_text_is_analysed_without_error(note: str) -> None:
    analysis = default_set().cues.analyse(note)
    assert analysis.cues <= default_set().cues.kinds


def test_every_default_phrase_has_words() -> None:
    pack = default_set().packs[0]
    for kind, phrases in [*pack.cues.items(), *pack.cues_unless.items()]:
        for phrase in phrases:
            assert phrase_tokens(phrase)[0], (kind, phrase)
