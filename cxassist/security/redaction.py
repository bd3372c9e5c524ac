"""Redact card numbers and spoken security codes from free text before it is stored, logged or sent.

Contract of `redact(text)`:
- Card numbers become exactly `**** **** **** 1234` (the card's last four). A candidate is a *run*:
  digits with at most one space or dash (Unicode spaces and dashes too) between neighbours, in any grouping,
  bounded by anything but another digit or a separator followed by a digit. A run of 13 or more digits is
  masked whole when it holds a *card*: 13-19 consecutive digits of the run that pass Luhn and start with a
  known prefix (Visa 4; Mastercard 51-55, 2221-2720; Amex 34, 37; Discover 6011, 644-649, 65; Diners
  300-305, 36, 38, 39; JCB 3528-3589; Maestro 50, 56-69; UnionPay 62). Which windows count:
  - the whole run, and windows made of whole groups: `4111 1111 1111 1111 7` is masked (a card and a stray
    group), while `1234 5678 9012 3456` survives although `3456 7890 1234 56` inside it would pass;
  - in a run longer than 19 digits, which cannot be one card, any window at all (conservative: a card typed
    against other digits must not leak; such runs are masked whole, so a rare long reference is lost too).
  The kept last four are those of the first card by: whole run, whole-group windows, any window; earliest
  start first, then longest. Phone numbers, dates, times, amounts and references have fewer than 13 digits
  in a run, or no known prefix or no Luhn pass in the windows that count, and survive.
- Security codes: a cue (CVV, CVC, CVC2, CV2, CVN, security code, card verification code/value/number, "the 3
  digits on the back", "code on the back") followed by a 3-4 digit code, with glue such as ":", "is", "are",
  "number", becomes `[security code removed]`. A cue with no code, or with a longer number, is kept.
- Digits are any Unicode decimal digits (fullwidth and Arabic-Indic too); the kept last four are ASCII.
- `redact` is idempotent and runs in linear time: every regex here is free of nested ambiguity (possessive or
  bounded), and a long run is searched with whole-run arithmetic on big integers rather than window by window,
  so a 1 MB note, even one run of a million digits, takes a fraction of a second.
"""

from __future__ import annotations

import operator
import re
import unicodedata
from dataclasses import dataclass
from itertools import accumulate, repeat

__all__ = ["MASK_PREFIX", "SECURITY_CODE_PLACEHOLDER", "Redacted", "find_card_numbers", "redact"]

MASK_PREFIX = "**** **** **** "
SECURITY_CODE_PLACEHOLDER = "[security code removed]"

_MIN_LEN, _MAX_LEN = 13, 19
_SEP = "[ \u00a0\u2007\u2009\u202f\\-\u2010\u2011\u2012\u2013\u2014\u2212]"
_RUN = re.compile(rf"(?<!\d)(?<!\d{_SEP})\d(?:{_SEP}?\d){{{_MIN_LEN - 1},}}+")
_SEP_THEN_DIGIT = re.compile(rf"{_SEP}\d")
_DIGIT = re.compile(r"\d")
_NOT_DIGIT = re.compile(r"\D")
# A known prefix at this position; zero-width so that every start is tested, used on ASCII digit strings only.
_PREFIX_AHEAD = (
    r"(?=4|5|6|3[46-9]|30[0-5]|35(?:2[89]|[3-8][0-9])"
    r"|2(?:22[1-9]|2[3-9][0-9]|[3-6][0-9][0-9]|7[01][0-9]|720))"
)
_KNOWN_PREFIX_START = re.compile(_PREFIX_AHEAD + "[0-9]", re.ASCII)
_KNOWN_PREFIX = re.compile(_PREFIX_AHEAD, re.ASCII)

_W = r"\s{1,3}"
_CUE = (  # the lookahead on the first letter halves the time spent on ordinary text; no letter may precede
    r"(?=[cstfn34])(?<![^\W\d_])(?:cvv2?|cvc2?|cv2|cvn2?"
    rf"|(?:card{_W})?security{_W}code"
    rf"|card{_W}verification{_W}(?:code|value|number)"
    rf"|(?:the{_W})?(?:3|4|three|four)(?:{_W}|-)digits?(?:{_W}code)?{_W}(?:on|at){_W}the{_W}(?:back|front)"
    rf"(?:{_W}of{_W}(?:the|my|his|her|their|your){_W}card)?"
    rf"|(?:the{_W})?(?:code|number){_W}on{_W}the{_W}back(?:{_W}of{_W}the{_W}card)?)"
)
_GLUE = (
    r"(?:\s{0,3}(?:number|no\.?|code|digits))?\s{0,3}[:=#.\-]?\s{0,3}"
    r"(?:(?:is|are|was|were|reads|of)\b\s{0,3}[:\-]?\s{0,3})?"
)
_SECURITY_CODE = re.compile(rf"{_CUE}{_GLUE}\d{{3,4}}(?!\d)(?!{_SEP}\d)", re.IGNORECASE)

_DOUBLED = bytes.maketrans(b"0123456789", bytes([0, 2, 4, 6, 8, 1, 3, 5, 7, 9]))
_VALUE = bytes.maketrans(b"0123456789", bytes(range(10)))
_MARKS = bytes.maketrans(b"0123456789 -", b"\xff" * 10 + b"\x00\x00")
_FF = bytes.maketrans(b"0123456789", b"\xff" * 10)


@dataclass(frozen=True)
class Redacted:
    """The redacted text and what was taken out of it."""

    text: str
    cards_masked: int
    codes_removed: int

    @property
    def changed(self) -> bool:
        return self.cards_masked > 0 or self.codes_removed > 0


def redact(text: str) -> Redacted:
    """Mask card numbers and remove spoken security codes; see the module docstring for the rules."""
    cards = 0

    def mask(match: re.Match[str]) -> str:
        nonlocal cards
        card = _card_in_run(match.group())
        if card is None:
            return match.group()
        cards += 1
        return MASK_PREFIX + card[-4:]

    masked = _RUN.sub(mask, text)
    cleaned, codes = _SECURITY_CODE.subn(SECURITY_CODE_PLACEHOLDER, masked)
    return Redacted(text=cleaned, cards_masked=cards, codes_removed=codes)


def find_card_numbers(text: str) -> list[str]:
    """Return the card numbers `redact` would mask, as ASCII digits, in the order they appear."""
    return [card for match in _RUN.finditer(text) if (card := _card_in_run(match.group())) is not None]


def _card_in_run(run: str) -> str | None:
    """Return the digits of the card this run holds, by the preference in the module docstring, or None."""
    digits, bounds = _digits_and_bounds(run)
    search = _search_groups if len(digits) <= _MAX_LEN else _search_long
    window = search(digits, bounds)
    return None if window is None else digits[window[0] : window[1]]


def _digits_and_bounds(run: str) -> tuple[str, bytes]:
    """The run's digits in ASCII, and a mask over digit positions 0..n: 0x00 where a group starts or ends."""
    if run.isascii():
        raw = run.encode("ascii")
        digits = raw.translate(None, b" -").decode("ascii")
        # one byte per digit: separators become 0x00, digits 0xFF, and a separator swallows its digit
        marks = raw.translate(_MARKS).replace(b"\x00\xff", b"\x00")
    else:
        digits = "".join(str(unicodedata.decimal(ch)) for ch in _NOT_DIGIT.sub("", run))
        marks = _DIGIT.sub("\xff", _SEP_THEN_DIGIT.sub("\x00", run)).encode("latin-1")
    return digits, b"\x00" + marks[1:] + b"\x00"


def _is_card(digits: str) -> bool:
    """Known prefix and Luhn, for ASCII digits."""
    if _KNOWN_PREFIX.match(digits) is None:
        return False
    backwards = digits.encode("ascii")[::-1]
    return (sum(backwards[0::2].translate(_VALUE)) + sum(backwards[1::2].translate(_DOUBLED))) % 10 == 0


def _search_groups(digits: str, bounds: bytes) -> tuple[int, int] | None:
    """For a run of at most 19 digits: the whole run, else windows of whole groups; earliest, then longest."""
    edges = [i for i in range(len(digits) + 1) if not bounds[i]]
    for s in edges:
        for e in reversed(edges):
            if e - s < _MIN_LEN:
                break
            if e - s <= _MAX_LEN and _is_card(digits[s:e]):
                return s, e
    return None


def _search_long(digits: str, bounds: bytes) -> tuple[int, int] | None:
    """For a run of more than 19 digits: whole-group windows, then any window; earliest, then longest.

    Linear in the run, at C speed: for each window length m, byte s of a big integer is 0 exactly when window
    [s, s+m) is a card. Luhn passes when the prefix sums (mod 10) of the Luhn terms at s and s+m are equal, so
    their XOR is 0; ORing 0xFF rules a start out (no known prefix; not a group edge on the first pass). Then
    `bytes.find(0)` gives the earliest start.
    """
    n = len(digits)
    even, odd = (
        int.from_bytes(bytes(map(operator.mod, accumulate(terms, initial=0), repeat(10))), "big")
        for terms in _luhn_terms(digits)
    )
    bad_start = int.from_bytes(_KNOWN_PREFIX_START.sub("\x00", digits).encode("latin-1").translate(_FF), "big")
    edges = int.from_bytes(bounds, "big")
    alternate = b"\x00\xff" * (n // 2 + 2)  # byte j is 0xFF when j is odd
    cards: dict[int, int] = {}
    for whole_groups in (True, False):
        best: tuple[int, int] | None = None
        for m in range(_MAX_LEN, _MIN_LEN - 1, -1):
            count = n - m + 1
            low = (1 << (8 * count)) - 1  # the last `count` bytes; `x >> 8 * k` drops the last k
            if m not in cards:
                odd_end = int.from_bytes(alternate[m % 2 : m % 2 + count], "big")  # s + m is odd
                luhn = (((even >> 8 * m) ^ (even & low)) & (odd_end ^ low)) | (((odd >> 8 * m) ^ (odd & low)) & odd_end)
                cards[m] = luhn | (bad_start >> 8 * (m - 1))
            mask = cards[m] | ((edges >> 8 * m) | (edges & low) if whole_groups else 0)
            s = mask.to_bytes(count, "big").find(0)
            if s >= 0 and (best is None or s < best[0]):
                best = (s, s + m)
        if best is not None:
            return best
    return None


def _luhn_terms(digits: str) -> tuple[bytearray, bytearray]:
    """Luhn terms of each digit: the first doubles digits at even positions, the second at odd ones.

    Luhn doubles every second digit counting back from the last, so in window [s, e) the doubled digits are
    those whose position has the parity of e: the window's terms are those of `_luhn_terms(...)[e % 2]`.
    """
    ascii_digits = digits.encode("ascii")
    plain, doubled = ascii_digits.translate(_VALUE), ascii_digits.translate(_DOUBLED)
    even, odd = bytearray(plain), bytearray(plain)
    even[0::2] = doubled[0::2]
    odd[1::2] = doubled[1::2]
    return even, odd
