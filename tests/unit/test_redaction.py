"""Card numbers and security codes are redacted from free text (cxassist.security.redaction)."""

from __future__ import annotations

import re
import time
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cxassist.security.redaction import (
    MASK_PREFIX,
    SECURITY_CODE_PLACEHOLDER,
    Redacted,
    find_card_numbers,
    redact,
)

PROPERTY = settings(max_examples=200, deadline=None)
QUICK = settings(max_examples=100, deadline=None)  # for properties a stronger one above already covers
SEPARATORS = " -\u00a0\u2007\u2009\u202f\u2010\u2011\u2012\u2013\u2014\u2212"
RUN = re.compile(rf"\d(?:[{re.escape(SEPARATORS)}]?\d)*")


# An oracle written independently of the module: plain integer arithmetic, every window tried.
def luhn_ok(digits: str) -> bool:
    total = 0
    for position, digit in enumerate(int(ch) for ch in reversed(digits)):
        doubled = digit * 2 if position % 2 else digit
        total += doubled - 9 if doubled > 9 else doubled
    return total % 10 == 0


def known_prefix(digits: str) -> bool:
    two, three, four = int(digits[:2]), int(digits[:3]), int(digits[:4])
    return (
        digits[0] == "4"
        or 51 <= two <= 55
        or 2221 <= four <= 2720
        or two in (34, 37, 36, 38, 39, 65, 62, 50)
        or four == 6011
        or 644 <= three <= 649
        or 300 <= three <= 305
        or 3528 <= four <= 3589
        or 56 <= two <= 69
    )


def is_card(digits: str) -> bool:
    return 13 <= len(digits) <= 19 and known_prefix(digits) and luhn_ok(digits)


def ascii_digits(text: str) -> str:
    return "".join(str(unicodedata.decimal(ch)) for ch in text if ch.isdecimal())


def surviving_cards(text: str) -> list[str]:
    """Cards the spec says must not survive: a whole run that is one, or any window of a run over 19 digits."""
    found = []
    for match in RUN.finditer(text):
        digits = ascii_digits(match.group())
        if len(digits) <= 19:
            found += [digits] if is_card(digits) else []
        else:
            found += [digits[s:e] for s in range(len(digits)) for e in range(s + 13, s + 20) if is_card(digits[s:e])][
                :1
            ]
    return found


def expected_card(run: str) -> str | None:
    """The documented preference: whole run, windows of whole groups, any window (runs over 19 digits)."""
    digits = ascii_digits(run)
    groups = [ascii_digits(g) for g in re.split(f"[{re.escape(SEPARATORS)}]", run)]
    edges = [sum(len(g) for g in groups[:i]) for i in range(len(groups) + 1)]
    passes = [(edges, edges)] + ([(range(len(digits) + 1),) * 2] if len(digits) > 19 else [])
    for starts, ends in passes:
        for s in starts:
            for e in sorted(ends, reverse=True):
                if 13 <= e - s <= 19 and is_card(digits[s:e]):
                    return digits[s:e]
    return None


def with_check_digit(body: str) -> str:
    return next(body + d for d in "0123456789" if luhn_ok(body + d))


PREFIXES = st.one_of(
    st.sampled_from(["4", "34", "37", "6011", "65", "36", "38", "39", "50", "62"]),
    st.integers(51, 55).map(str),
    st.integers(2221, 2720).map(str),
    st.integers(644, 649).map(str),
    st.integers(300, 305).map(str),
    st.integers(3528, 3589).map(str),
    st.integers(56, 69).map(str),
)


@st.composite
def card_numbers(draw: st.DrawFn) -> str:
    prefix = draw(PREFIXES)
    length = draw(st.integers(13, 19))
    middle = draw(st.text("0123456789", min_size=length - len(prefix) - 1, max_size=length - len(prefix) - 1))
    return with_check_digit(prefix + middle)


@st.composite
def formatted(draw: st.DrawFn, card: str) -> str:
    style = draw(st.sampled_from(["plain", "fours", "amex", "random"]))
    if style == "plain":
        return card
    if style == "fours":
        return draw(st.sampled_from(" -")).join(card[i : i + 4] for i in range(0, len(card), 4))
    if style == "amex":
        return " ".join((card[:4], card[4:10], card[10:]))
    groups, rest = [], card
    while rest:
        size = draw(st.integers(1, 8))
        groups.append(rest[:size])
        rest = rest[size:]
    return "".join(g + draw(st.sampled_from(SEPARATORS)) for g in groups[:-1]) + groups[-1]


surrounding = st.text(max_size=30)
BEFORE = st.sampled_from(["\n", ": ", " (", "/", "#", "é ", "😀", "שלום ", "\x00"])
AFTER = st.sampled_from(["\n", ")", ".", ", ", " /", "😀", " مرحبا", "\x00"])


@PROPERTY
@given(st.data(), card_numbers(), surrounding, surrounding, BEFORE, AFTER)
def test_a_card_in_any_format_is_masked_and_keeps_its_last_four(
    data: st.DataObject, card: str, before: str, after: str, left: str, right: str
) -> None:
    shown = data.draw(formatted(card))
    text = f"{before}{left}{shown}{right}{after}"
    result = redact(text)
    assert f"{MASK_PREFIX}{card[-4:]}" in result.text
    assert shown not in result.text and card not in result.text
    assert result.cards_masked >= 1 and result.changed
    assert surviving_cards(result.text) == []
    assert find_card_numbers(result.text) == []
    assert card in find_card_numbers(text)


@QUICK
@given(st.data(), card_numbers(), st.text(st.characters(exclude_categories=["Nd"]), max_size=30), BEFORE, AFTER)
def test_text_around_a_card_is_left_alone(data: st.DataObject, card: str, words: str, left: str, right: str) -> None:
    shown = data.draw(formatted(card))
    if re.search("cvv|cvc|cv2|cvn|code|back", words, re.IGNORECASE):
        return
    result = redact(f"{words}{left}{shown}{right}{words}")
    assert result == Redacted(f"{words}{left}{MASK_PREFIX}{card[-4:]}{right}{words}", 1, 0)


@QUICK
@given(st.data(), card_numbers(), st.text(alphabet=f"0123456789{SEPARATORS}xé😀", max_size=12), surrounding)
def test_no_card_survives_even_when_digits_touch_it(data: st.DataObject, card: str, left: str, right: str) -> None:
    # A digit glued to a card makes a 14-19 digit run that is not itself a card: by the contract it survives
    # unless a window of whole groups is a card. What must hold is that no card, as the spec defines it, does.
    text = f"{left}{data.draw(formatted(card))}{right}"
    result = redact(text)
    assert surviving_cards(result.text) == []
    assert find_card_numbers(result.text) == []


@PROPERTY
@given(st.lists(st.tuples(st.text("0123456789", min_size=1, max_size=9), st.sampled_from(" -")), max_size=12))
def test_the_card_kept_is_the_documented_choice(groups: list[tuple[str, str]]) -> None:
    run = "".join(g + sep for g, sep in groups).rstrip(" -")
    if not run:
        return
    card = expected_card(run)
    result = redact(f"[{run}]")
    assert find_card_numbers(run) == ([card] if card else [])
    assert result.text == (f"[{MASK_PREFIX}{card[-4:]}]" if card else f"[{run}]")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4111 1111 1111 1111", "**** **** **** 1111"),
        ("4111-1111-1111-1111", "**** **** **** 1111"),
        ("card 4111111111111111, exp 12/26", "card **** **** **** 1111, exp 12/26"),
        ("5555 5555 5555 4444", "**** **** **** 4444"),
        ("2223 0031 2200 3222", "**** **** **** 3222"),
        ("Amex 3782 822463 10005.", "Amex **** **** **** 0005."),
        ("371449635398431", "**** **** **** 8431"),
        ("6011 1111 1111 1117", "**** **** **** 1117"),
        ("3056 9309 0259 04", "**** **** **** 5904"),
        ("3530 1113 3330 0000", "**** **** **** 0000"),
        ("6759 6498 2643 8453", "**** **** **** 8453"),
        ("6200 0000 0000 0005", "**** **** **** 0005"),
        ("4222222222222", "**** **** **** 2222"),
        ("４１１１ １１１１ １１１１ １１１１", "**** **** **** 1111"),
        ("4111\u00a01111\u00a01111\u00a01111", "**** **** **** 1111"),
        ("4111 1111 1111 1111 7", "**** **** **** 1111"),
        ("99 4111 1111 1111 1111 99", "**** **** **** 1111"),
        ("4111 1111 1111 1111 1111", "**** **** **** 1111"),
        ("No: 0004111111111111111000!", "No: **** **** **** 1100!"),  # earliest start, then longest
        ("a 4111111111111111\x00b", "a **** **** **** 1111\x00b"),
    ],
)
def test_cards_are_masked(text: str, expected: str) -> None:
    assert redact(text) == Redacted(expected, 1, 0)


def test_a_19_digit_card_and_two_cards_in_one_note() -> None:
    long_card = with_check_digit("6" + "1" * 17)
    result = redact(f"first {long_card}; second 4111 1111 1111 1111")
    assert result == Redacted("first **** **** **** " + long_card[-4:] + "; second **** **** **** 1111", 2, 0)


SURVIVORS = [
    "+44 20 7946 0018",
    "020 7946 0018",
    "(212) 555-0199",
    "0044 20 7946 0018",
    "+1 212 555 0199",
    "call 0044 20 7946 0018, then 0044 20 7946 0019",
    "2024-11-23",
    "23/11/2024",
    "14:05",
    "2024-11-23T14:05:59Z",
    "ORD-2024-000123",
    "ref 88123456",
    "£1,234.56",
    "1234.00",
    "$12,345,678.90",
    "SW1A 1AA",
    "EC1A 1BB",
    "sort code 12-34-56 account 12345678",
    "12-34-56 12345678",
    "4111 1111 1111 1112",  # fails Luhn
    "4111111111111112",
    "1234 5678 9012 3456",  # no known prefix (a window inside passes, but is not whole groups)
    "7" + "1" * 14 + "0",  # Luhn-valid, unknown prefix
    with_check_digit("1" * 15),
    with_check_digit("9" * 15),
    "0000 0000 0000 0000",
    "411111111111",  # 12 digits: too short
    "1111 1111 1111 1111 1111",  # 20 digits: no window has a known prefix
    "cvv 12",
    "cvv 12345",
    "no CVV given; security code sent by SMS",
    "the 3 digits on the back were not read out",
]


@pytest.mark.parametrize("text", SURVIVORS)
def test_what_is_not_a_card_or_code_survives(text: str) -> None:
    assert redact(text) == Redacted(text, 0, 0)
    assert find_card_numbers(text) == []


@pytest.mark.parametrize(
    "phrase",
    [
        "CVV 123",
        "cvv: 1234",
        "CVC2 123",
        "CV2 is 123",
        "cvv123",
        "CVV number is 123",
        "security code 123",
        "security code is 1234",
        "Security Code: 123",
        "card security code = 321",
        "the 3 digits on the back are 123",
        "the three digits on the back of the card are 123",
        "3-digit code on the back: 123",
        "card verification code: 123",
        "card verification value 4321",
    ],
)
def test_spoken_security_codes_are_removed(phrase: str) -> None:
    assert redact(f"Caller read out {phrase}, sadly.") == Redacted(
        f"Caller read out {SECURITY_CODE_PLACEHOLDER}, sadly.", 0, 1
    )


def test_a_code_right_after_digits_is_removed_the_first_time() -> None:
    assert redact("123CVV 123") == Redacted("123[security code removed]", 0, 1)
    assert redact("CVV 123CVV 123") == Redacted("[security code removed][security code removed]", 0, 2)
    assert redact("disCVV 123") == Redacted("disCVV 123", 0, 0)


def test_card_and_code_together() -> None:
    result = redact("Card 4111 1111 1111 1111 exp 12/26 CVV 123 - refund of £12.50")
    assert result == Redacted("Card **** **** **** 1111 exp 12/26 [security code removed] - refund of £12.50", 1, 1)


def test_unchanged_text_reports_no_change() -> None:
    result = redact("Peggy called about her refund.")
    assert result == Redacted("Peggy called about her refund.", 0, 0)
    assert not result.changed


fragments = st.one_of(
    card_numbers(),
    st.sampled_from(["CVV 123", " cvv: 1234 ", "security code is 987", "020 7946 0018", "0044 20 7946 0018"]),
    st.sampled_from([" ", "-", "\n", "😀", "\x00", "שלום", "1", "12", "4"]),
    st.text(max_size=8),
)


@PROPERTY
@given(st.lists(fragments, max_size=12))
def test_redaction_is_idempotent(parts: list[str]) -> None:
    once = redact("".join(parts))
    twice = redact(once.text)
    assert twice.text == once.text
    assert not twice.changed


@PROPERTY
@given(st.text())
def test_arbitrary_text_never_breaks_redaction(text: str) -> None:
    result = redact(text)
    assert surviving_cards(result.text) == []
    assert result.changed == (result.text != text)


def _timed(text: str) -> tuple[Redacted, float]:
    start = time.perf_counter()
    result = redact(text)
    return result, time.perf_counter() - start


# The time limit is far above the measured figures (about 0.2-0.4 s for 1 MB); it catches catastrophic
# (quadratic or exponential) behaviour, not small regressions, which bench/ measures. The pathological inputs
# are 200 KB: enough for quadratic work to take minutes, small enough to keep the suite quick.
GUARD_SECONDS = 5.0


def test_a_one_megabyte_note_with_emoji_rtl_and_nul() -> None:
    line = (
        "Caller 020 7946 0018 rang on 2024-11-23 at 14:05 about ORD-2024-000123 (£1,234.56) 😀 "
        "שלום عليكم \x00 card 4111 1111 1111 1111 CVV 123, also 0044 20 7946 0018.\n"
    )
    note = line * (1_000_000 // len(line))
    result, seconds = _timed(note)
    count = note.count(line)
    assert result.cards_masked == count and result.codes_removed == count
    assert result.text == note.replace("4111 1111 1111 1111", "**** **** **** 1111").replace(
        "CVV 123", SECURITY_CODE_PLACEHOLDER
    )
    assert seconds < GUARD_SECONDS


@pytest.mark.parametrize(
    "text",
    [
        "1234 " * 40_000,  # one run of 160,000 digits, in groups
        "0" * 200_000,  # one run, no known prefix anywhere
        "1 2 " * 50_000,
        ("0" * 20 + "x") * 10_000,
        "cvv " * 50_000,
        "security" + " " * 200_000 + "code",
        "the 3 digits on the back " * 8_000,
    ],
    ids=["grouped-run", "zeros", "single-digit-groups", "many-20-digit-runs", "cvv-spam", "spaces", "phrases"],
)
def test_pathological_input_takes_linear_time(text: str) -> None:
    result, seconds = _timed(text)
    assert seconds < GUARD_SECONDS
    assert surviving_cards(result.text[:10_000]) == []
