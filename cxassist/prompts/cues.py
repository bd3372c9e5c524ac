"""Find cues of distress, confusion and the like, and jargon, in the agent's live note.

The phrase lists come from the packs (``[cues]``, ``[cues.unless]``, ``[jargon]``); this module only knows how to match
them. A phrase matches a run of words in the note after both are normalised the same way:

- case and punctuation are ignored, and curly apostrophes count as straight ones;
- contractions are expanded, with or without the apostrophe: ``don't``, ``dont`` and ``do not`` are the same, and so
  are ``can't``, ``cant``, ``cannot`` and ``can not``;
- pronouns are interchangeable within their group (I/he/she/they/we/you, me/him/them/us, my/his/her/their/our/your,
  myself/herself/themselves...), and so are am/is/are/was/were, do/does/did, have/has/had and can/could: "I don't know
  where I am" matches "she doesn't know where she is";
- simple word endings are ignored: plurals, -ing, -ed, a final e ("breathe", "breathing", "breathed").

A phrase in double quotes (``'"where am i"'`` in TOML) matches those exact words: still no case, punctuation or
contraction differences, but no pronoun swaps and no word endings.

A match is discarded when a ``[cues.unless]`` phrase of the same kind overlaps it ("can't breathe a word" is not a cue
for "can't breathe"), or when the word just before it is a negation (no, not, never, without, denies): "no chest
pain" is not a cue.

Repetition is found by code as well as by phrases: the same sentence of three or more words typed twice, or a run of
three to eight words typed twice in a row ("where am I where am I").

Only the last `NOTE_WINDOW` characters of a note are read, so a 1 MB note costs the same as a 16 kB one. A live note
grows at its end, which is where a cue being typed now is; words typed more than about 2,500 words earlier are not
re-read on each keystroke (they were read when they were typed).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Final

NOTE_WINDOW: Final = 16_000
REPETITION: Final = "repetition"

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_SENTENCE_END = re.compile(r"[.!?;\n]+")
_NEGATIONS: Final = frozenset({"no", "not", "never", "without", "denies", "denied", "deny"})

_APOSTROPHE_NOT: Final = {"can't": "can", "won't": "will", "shan't": "shall", "ain't": "is"}
_SUFFIXES: Final = {"re": "are", "m": "am", "ve": "have", "ll": "will", "d": "would"}
_S_IS: Final = frozenset(
    ["he", "she", "it", "that", "there", "here", "what", "where", "who", "how", "when", "why", "this"]
)
_BARE: Final = {
    "cannot": ("can", "not"),
    "cant": ("can", "not"),
    "wont": ("will", "not"),
    "dont": ("do", "not"),
    "doesnt": ("does", "not"),
    "didnt": ("did", "not"),
    "isnt": ("is", "not"),
    "wasnt": ("was", "not"),
    "arent": ("are", "not"),
    "werent": ("were", "not"),
    "couldnt": ("could", "not"),
    "wouldnt": ("would", "not"),
    "shouldnt": ("should", "not"),
    "havent": ("have", "not"),
    "hasnt": ("has", "not"),
    "hadnt": ("had", "not"),
    "im": ("i", "am"),
    "ive": ("i", "have"),
    "youre": ("you", "are"),
    "theyre": ("they", "are"),
    "shes": ("she", "is"),
    "hes": ("he", "is"),
    "thats": ("that", "is"),
    "whats": ("what", "is"),
    "wheres": ("where", "is"),
    "theres": ("there", "is"),
}


def _group(name: str, words: str) -> dict[str, str]:
    return dict.fromkeys(words.split(), name)


_CANON: Final = {
    **_group("_p", "i he she they we you me him them us one"),
    **_group("_poss", "my his her their our your mine hers theirs ours yours"),
    **_group("_self", "myself himself herself themselves themself ourselves yourself yourselves"),
    **_group("_be", "am is are was were be been being"),
    **_group("_do", "do does did"),
    **_group("_have", "have has had having"),
    **_group("_can", "can could"),
}


def _stem(word: str) -> str:
    if len(word) <= 3 or not word.isalpha():
        return word
    for suffix, repl in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith("ss"):
                break
            word = word[: -len(suffix)] + repl
            break
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiouls":
        word = word[:-1]
    return word


def _expand(raw: str) -> tuple[str, ...]:
    """One word as typed (lower case) -> its words with contractions expanded."""
    word = raw.replace("’", "'")
    if "'" in word:
        if word in _APOSTROPHE_NOT:
            return (_APOSTROPHE_NOT[word], "not")
        if word.endswith("n't"):
            return (word[:-3], "not")
        base, _, suffix = word.partition("'")
        if suffix in _SUFFIXES:
            return (base, _SUFFIXES[suffix])
        if suffix == "s":
            return (base, "is") if base in _S_IS else (base,)
        return (base, suffix.replace("'", ""))
    return _BARE.get(word, (word,))


def _canon(word: str) -> str:
    return _CANON.get(word) or _stem(word)


@dataclass(frozen=True, slots=True)
class _Tokens:
    canon: list[str] = field(default_factory=list)
    literal: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)


@functools.lru_cache(maxsize=32_768)
def _words(raw: str) -> tuple[tuple[str, str], ...]:
    """A word as typed -> its (exact, normalised) words; cached, as notes reuse the same words endlessly."""
    return tuple((word, _canon(word)) for word in _expand(raw.lower()))


def _tokenise(text: str) -> _Tokens:
    out = _Tokens()
    literal, canon, spans = out.literal, out.canon, out.spans
    for m in _TOKEN.finditer(text):
        span = m.span()
        for exact, normal in _words(m.group()):
            literal.append(exact)
            canon.append(normal)
            spans.append(span)
    return out


def normalise(text: str) -> tuple[str, ...]:
    """Text -> the normalised words used for matching (public for the ``mentions`` condition operator)."""
    return tuple(_tokenise(text).canon)


def phrase_tokens(phrase: str) -> tuple[tuple[str, ...], bool]:
    """A pack phrase -> (its normalised words, whether it is an exact-words phrase). Empty words: not a phrase."""
    stripped = phrase.strip()
    literal = len(stripped) >= 2 and stripped[0] == stripped[-1] == '"'
    tokens = _tokenise(stripped.strip('"'))
    return (tuple(tokens.literal if literal else tokens.canon), literal)


class _Matcher:
    """Finds every occurrence of many phrases in one pass, indexed by each phrase's first word."""

    def __init__(self, phrases: Iterable[tuple[str, str]]) -> None:
        self._index: dict[tuple[bool, str], list[tuple[tuple[str, ...], str]]] = {}
        for label, phrase in phrases:
            words, literal = phrase_tokens(phrase)
            if words:
                self._index.setdefault((literal, words[0]), []).append((words, label))

    def find(self, tokens: _Tokens) -> list[tuple[str, int, int]]:
        """-> (label, first word index, index after the last word) for each occurrence."""
        found: list[tuple[str, int, int]] = []
        index, canon, literal = self._index, tokens.canon, tokens.literal
        if not index:
            return found
        for i in range(len(canon)):
            for key in ((False, canon[i]), (True, literal[i])):
                for words, label in index.get(key, ()):
                    stream = literal if key[0] else canon
                    if tuple(stream[i : i + len(words)]) == words:
                        found.append((label, i, i + len(words)))
        return found


@dataclass(frozen=True, slots=True)
class NoteAnalysis:
    """What a note holds: cue kinds, the words that raised each (as typed), and jargon as (term, plain word)."""

    cues: frozenset[str] = frozenset()
    evidence: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    jargon: tuple[tuple[str, str], ...] = ()


class CueBook:
    """Compiled cue phrases and jargon of a pack set; build once per pack set, then `analyse` on each keystroke.

    `phrases` maps a cue kind to its phrases, `unless` a kind to look-alike phrases that must not count, `jargon` a
    term to the plain word to suggest. Kind ``repetition`` is always known, as code finds it too.
    """

    def __init__(
        self,
        phrases: Mapping[str, Sequence[str]] | None = None,
        unless: Mapping[str, Sequence[str]] | None = None,
        jargon: Mapping[str, str] | None = None,
    ) -> None:
        phrases, unless, jargon = phrases or {}, unless or {}, jargon or {}
        self.kinds: frozenset[str] = frozenset(phrases) | {REPETITION}
        self._cues = _Matcher((kind, p) for kind, ps in phrases.items() for p in ps)
        self._unless = _Matcher((kind, p) for kind, ps in unless.items() for p in ps)
        self._jargon = _Matcher((term, term) for term in jargon)
        self._plain = dict(jargon)

    def analyse(self, note: str) -> NoteAnalysis:
        """The cues and jargon in the last `NOTE_WINDOW` characters of `note`. Never raises on any text."""
        window = _tail(note)
        tokens = _tokenise(window)
        blocked: dict[str, list[tuple[int, int]]] = {}
        for kind, start, end in self._unless.find(tokens):
            blocked.setdefault(kind, []).append((start, end))
        evidence: dict[str, str] = {}
        for kind, start, end in self._cues.find(tokens):
            if start > 0 and tokens.literal[start - 1] in _NEGATIONS:
                continue
            if any(s < end and start < e for s, e in blocked.get(kind, ())):
                continue
            evidence[kind] = window[tokens.spans[start][0] : tokens.spans[end - 1][1]]
        repeated = _repetition(window)
        if repeated and REPETITION not in evidence:
            evidence[REPETITION] = repeated
        seen: dict[str, str] = {}
        for term, _, _ in self._jargon.find(tokens):
            seen.setdefault(term, self._plain[term])
        return NoteAnalysis(frozenset(evidence), MappingProxyType(evidence), tuple(seen.items()))


def _tail(note: str) -> str:
    if len(note) <= NOTE_WINDOW:
        return note
    window = note[-NOTE_WINDOW:]
    cut = re.search(r"\s", window)  # don't start mid-word
    return window[cut.end() :] if cut and cut.end() < 200 else window


def _repetition(window: str) -> str:
    """The sentence or run of words typed twice, or ``""``."""
    seen: set[tuple[str, ...]] = set()
    for sentence in _SENTENCE_END.split(window):
        tokens = _tokenise(sentence)
        words = tuple(tokens.canon)
        if len(words) >= 3:
            if words in seen:
                return sentence.strip()
            seen.add(words)
        for n in range(3, min(8, len(words) // 2) + 1):
            for i in range(len(words) - 2 * n + 1):
                if words[i : i + n] == words[i + n : i + 2 * n]:
                    return sentence[tokens.spans[i][0] : tokens.spans[i + 2 * n - 1][1]]
    return ""
