"""Phone normalisation, tel: URIs, lookup keys and display helpers (cxassist.domain.phones)."""

from __future__ import annotations

import re

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cxassist.domain.errors import UserError
from cxassist.domain.phones import (
    LookupKeys,
    PhoneError,
    format_for_display,
    lookup_keys,
    national_number,
    normalise,
    parse_tel_uri,
    region_of,
    tail_digits,
    time_zones_of,
)

LONDON = "+442079460018"
NEW_YORK = "+12125550199"
E164 = re.compile(r"\+[1-9][0-9]{1,19}")  # libphonenumber accepts some numbers longer than E.164's 15
REGIONS = ("GB", "US", "FR", "DE", "AU", "IE", "IN")

ACCEPTED = [
    # GB, in the ways agents, softphones and imports write it
    ("020 7946 0018", "GB", LONDON),
    ("02079460018", "GB", LONDON),
    ("  020-7946-0018\t", "GB", LONDON),
    ("(020) 7946-0018", "GB", LONDON),
    ("020.7946.0018", "GB", LONDON),
    ("+44 20 7946 0018", "US", LONDON),
    ("+44 (0)20 7946 0018", "GB", LONDON),
    ("+4-4-2-0-7-9-4-6-0-0-1-8", "GB", LONDON),
    ("0044 20 7946 0018", "GB", LONDON),
    ("0044 20 7946 0018", "US", LONDON),  # 00 is not the US prefix, but agents type it
    ("011 44 20 7946 0018", "US", LONDON),
    ("٠٢٠ ٧٩٤٦ ٠٠١٨", "GB", LONDON),  # Arabic-Indic digits
    # tel: URIs (RFC 3966)
    ("tel:+442079460018", "US", LONDON),
    ("tel:+44-20-7946-0018", "US", LONDON),
    ("TEL:+44.20.7946.0018", "DE", LONDON),
    ("tel:020-7946-0018;phone-context=+44", "US", LONDON),
    ("tel:7946-0018;phone-context=+44-20", "US", LONDON),
    ("tel:+44-20-7946-0018;ext=101;isub=7", "FR", LONDON),
    ("tel:%2B44-20-7946-0018", "US", LONDON),
    ("tel:020-7946-0018;phone-context=example.com", "GB", LONDON),
    (" tel:020-7946-0018 ", "GB", LONDON),
    # US
    ("(212) 555-0199", "US", NEW_YORK),
    ("212.555.0199", "US", NEW_YORK),
    ("1-212-555-0199", "US", NEW_YORK),
    ("+1 212 555 0199", "GB", NEW_YORK),
    ("+1 (212) 555 0199", "US", NEW_YORK),
    # FR, DE, AU, IE, IN
    ("01 42 68 53 00", "FR", "+33142685300"),
    ("+33 1 42 68 53 00", "GB", "+33142685300"),
    ("0033 1 42 68 53 00", "US", "+33142685300"),
    ("030 1234567", "DE", "+49301234567"),
    ("+49 (0)30 12345678", "GB", "+493012345678"),
    ("(02) 9374 4000", "AU", "+61293744000"),
    ("+61 2 9374 4000", "GB", "+61293744000"),
    ("01 234 5678", "IE", "+35312345678"),
    ("+353 85 012 3456", "GB", "+353850123456"),
    ("022 2778 2345", "IN", "+912227782345"),
    ("+91 98765 43210", "GB", "+919876543210"),
    ("098765 43210", "IN", "+919876543210"),
]

REJECTED = [
    ("", "GB", "it is empty"),
    ("   ", "GB", "it is empty"),
    ("12ab", "GB", "it contains letters"),
    ("0800-FLOWERS", "GB", "it contains letters"),
    ("020 7946 0018 ext 12", "GB", "it contains letters"),
    ("sip:+442079460018", "GB", "it contains letters"),
    ("++--", "GB", "it has no digits"),
    ("020 7946 0018#", "GB", "'#', which is not part of a phone number"),
    ("+44+20 7946 0018", "GB", "a '+' may only come first"),
    ("1", "GB", "it is too short"),
    ("12", "GB", "it is too short"),
    ("+44 20", "GB", "it is too short"),
    ("+44 20 7946 0018 1234 5678", "GB", "it is too long"),
    ("123456789012345678901234", "GB", "it is too long"),
    ("01632 960001", "GB", "not in a number range in use for +44"),
    ("07700 900123", "GB", "not in a number range in use for +44"),
    ("+999 1234 5678", "GB", "country code"),
    ("020 7946 0018", "FR", "it is too long"),
    ("020 7946 0018", "XX", "the default region 'XX' is not known"),
    ("tel:", "GB", "the tel: URI has no number"),
    ("tel:abc", "GB", "it contains letters"),
    ("tel:#31#", "GB", "not part of a phone number"),
    ("tel://+442079460018", "GB", "not part of a phone number"),
    ("tel:020-7946-0018;phone-context=+", "GB", "phone-context"),
    ("tel:+", "GB", "not part of a phone number"),
]


@pytest.mark.parametrize(("raw", "region", "expected"), ACCEPTED)
def test_accepted_spellings_normalise_to_e164(raw: str, region: str, expected: str) -> None:
    assert normalise(raw, region) == expected


def test_the_tables_cover_enough_cases() -> None:
    assert len(ACCEPTED) >= 25
    assert len(REJECTED) >= 15
    assert {region for _, region, _ in ACCEPTED} >= set(REGIONS)


@pytest.mark.parametrize(("raw", "region", "reason"), REJECTED)
def test_rejected_inputs_say_which_input_and_why(raw: str, region: str, reason: str) -> None:
    with pytest.raises(PhoneError) as caught:
        normalise(raw, region)
    message = str(caught.value)
    assert message.startswith(f"'{raw}' is not a phone number: ")
    assert reason in message
    assert caught.value.raw == raw


def test_phone_error_is_a_user_error_with_the_example_wording() -> None:
    with pytest.raises(UserError, match=r"^'12ab' is not a phone number: it contains letters$"):
        normalise("12ab", "GB")


def test_control_characters_and_long_input_are_shown_safely() -> None:
    for raw in ("020\x00" + "9" * 200, "020\x00" + "9" * 300):
        with pytest.raises(PhoneError) as caught:
            normalise(raw, "GB")
        message = str(caught.value)
        assert "\x00" not in message and "\\x00" in message
        assert len(message) < 160


@pytest.mark.parametrize(
    ("uri", "number"),
    [
        ("tel:+44-20-7946-0018", "+44-20-7946-0018"),
        ("tel:020-7946-0018;phone-context=+44", "+44020-7946-0018"),
        ("tel:020-7946-0018;PHONE-CONTEXT=+44;ext=9", "+44020-7946-0018"),
        ("tel:7946-0018;phone-context=+44-20", "+44207946-0018"),
        ("tel:020-7946-0018;phone-context=pbx.example.com", "020-7946-0018"),
        ("tel:020-7946-0018", "020-7946-0018"),
        ("tel:+44-20-7946-0018;phone-context=+1", "+44-20-7946-0018"),  # context only applies to local
    ],
)
def test_parse_tel_uri_applies_the_phone_context(uri: str, number: str) -> None:
    assert parse_tel_uri(uri) == number


@pytest.mark.parametrize("uri", ["+442079460018", "tel:", "tel:;phone-context=+44", "tel:12;phone-context=%"])
def test_parse_tel_uri_refuses_what_is_not_a_tel_uri(uri: str) -> None:
    with pytest.raises(PhoneError, match="is not a phone number"):
        parse_tel_uri(uri)


def test_lookup_keys_for_a_valid_number() -> None:
    assert lookup_keys("020 7946 0018", "GB") == LookupKeys(e164=LONDON, national="2079460018", tail="9460018")
    assert lookup_keys("tel:020-7946-0018;phone-context=+44", "US").e164 == LONDON


def test_lookup_keys_match_the_same_national_number_under_another_country() -> None:
    typed = lookup_keys("212 555 0199", "GB")  # read as a GB number, which it is not
    stored = lookup_keys(NEW_YORK, "GB")
    assert typed.e164 is None
    assert typed.national == stored.national == "2125550199"
    assert typed.tail == stored.tail == "5550199"


@pytest.mark.parametrize(
    ("raw", "keys"),
    [
        ("0018", LookupKeys(e164=None, national=None, tail=None)),
        ("01632 960001", LookupKeys(e164=None, national="1632960001", tail="2960001")),
        ("+999 1234567", LookupKeys(e164=None, national=None, tail="1234567")),
        ("123 # 4567 89", LookupKeys(e164=None, national="123456789", tail="3456789")),
        ("9" * 300, LookupKeys(e164=None, national=None, tail="9999999")),
        ("tel:+44-20-7946-0018;phone-context=%%", LookupKeys(LONDON, "2079460018", "9460018")),
    ],
)
def test_lookup_keys_give_what_they_can_without_raising(raw: str, keys: LookupKeys) -> None:
    assert lookup_keys(raw, "GB") == keys


@pytest.mark.parametrize("raw", ["", "  ", "--", "tel:", "call me", "0800-FLOWERS", "tel:abc"])
def test_lookup_keys_refuse_input_without_digits_or_with_letters(raw: str) -> None:
    with pytest.raises(PhoneError, match="is not a phone number"):
        lookup_keys(raw, "GB")


def test_tail_and_national_number() -> None:
    assert tail_digits(LONDON) == "9460018"
    assert tail_digits(LONDON, 4) == "0018"
    assert tail_digits("+4420", 7) == "4420"
    assert national_number(LONDON) == "2079460018"
    assert national_number("+390612345678") == "0612345678"  # Italy keeps its leading zero
    long_german = normalise("020100000000000", "DE")  # 16 digits: longer than E.164 allows, valid in DE
    assert long_german == "+4920100000000000"
    assert tail_digits(long_german) == "0000000"
    assert national_number(long_german) == "20100000000000"


def test_region_time_zones_and_display() -> None:
    assert region_of(LONDON) == "GB"
    assert region_of("+14165550199") == "CA"  # +1 is shared; the number decides
    assert region_of("+80012345678") is None  # international freephone: no region
    assert time_zones_of(LONDON) == ("Europe/London",)
    assert time_zones_of("+61293744000") == ("Australia/Sydney",)
    assert time_zones_of("+80012345678") == ()
    assert format_for_display(LONDON, "GB") == "020 7946 0018"
    assert format_for_display(LONDON, "gb") == "020 7946 0018"
    assert format_for_display(LONDON, "US") == "+44 20 7946 0018"
    assert format_for_display(NEW_YORK, "GB") == "+1 212-555-0199"


@pytest.mark.parametrize("bad", ["020 7946 0018", "442079460018", "+0123", "", "+44 20 7946 0018"])
def test_helpers_refuse_what_is_not_e164(bad: str) -> None:
    for helper in (tail_digits, national_number, region_of, time_zones_of):
        with pytest.raises(ValueError, match=r"E\.164"):
            helper(bad)
    with pytest.raises(ValueError, match=r"E\.164"):
        format_for_display(bad, "GB")
    with pytest.raises(ValueError, match="n >= 1"):
        tail_digits(LONDON, 0)


def _example_numbers() -> list[str]:
    numbers = []
    for region in REGIONS:
        for kind in (phonenumbers.PhoneNumberType.FIXED_LINE, phonenumbers.PhoneNumberType.MOBILE):
            example = phonenumbers.example_number_for_type(region, kind)
            assert example is not None
            numbers.append(phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.E164))
    return [*numbers, LONDON, NEW_YORK]


EXAMPLES = _example_numbers()
SEPARATOR = st.sampled_from(["", "", "", " ", "-", ".", " - "])


@st.composite
def spelled(draw: st.DrawFn) -> tuple[str, str, str]:
    """A valid number, spelled internationally or nationally with random separators, and its region."""
    e164 = draw(st.sampled_from(EXAMPLES))
    number = phonenumbers.parse(e164, None)
    region = phonenumbers.region_code_for_number(number)
    assert region is not None
    if draw(st.booleans()):
        prefix, digits = draw(st.sampled_from(["+", "00"])), e164[1:]
        region = draw(st.sampled_from(REGIONS))
    else:
        national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
        prefix, digits = "", re.sub(r"\D", "", national)
    body = "".join(digit + draw(SEPARATOR) for digit in digits[:-1]) + digits[-1]
    padding = draw(st.sampled_from(["", " ", "\t"]))
    return f"{padding}{prefix}{body}{padding}", region, e164


@settings(max_examples=200, deadline=None)
@given(spelled())
def test_random_spellings_normalise_and_normalising_is_idempotent(case: tuple[str, str, str]) -> None:
    raw, region, e164 = case
    once = normalise(raw, region)
    assert once == e164
    for other in REGIONS:
        assert normalise(once, other) == once


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40), st.sampled_from([*REGIONS, "XX", ""]))
def test_normalise_only_ever_raises_phone_error(raw: str, region: str) -> None:
    try:
        result = normalise(raw, region)
    except PhoneError as error:
        message = str(error)
    else:
        assert E164.fullmatch(result)
        return
    assert message.startswith("'") and " is not a phone number: " in message


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789+-(). #*/;=tel:%", max_size=40), st.sampled_from(REGIONS))
def test_normalise_only_ever_raises_phone_error_on_number_like_text(raw: str, region: str) -> None:
    try:
        result = normalise(raw, region)
    except PhoneError:
        return
    assert E164.fullmatch(result)
    assert normalise(result, region) == result


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789+-(). #*/,;", min_size=1, max_size=60), st.sampled_from(REGIONS))
def test_lookup_keys_never_raise_for_digits_without_letters(raw: str, region: str) -> None:
    digits = re.sub(r"\D", "", raw)
    if not digits:
        with pytest.raises(PhoneError):
            lookup_keys(raw, region)
        return
    keys = lookup_keys(raw, region)
    assert keys.tail == (digits[-7:] if len(digits) >= 7 else None)
    if keys.e164 is not None:
        assert keys.e164 == normalise(keys.e164, region)
        assert keys.national == national_number(keys.e164)


def test_national_number_fast_path_matches_libphonenumber_for_every_region() -> None:
    checked = 0
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        for kind in (phonenumbers.PhoneNumberType.FIXED_LINE, phonenumbers.PhoneNumberType.MOBILE):
            example = phonenumbers.example_number_for_type(region, kind)
            if example is None:
                continue
            e164 = phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.E164)
            assert national_number(e164) == phonenumbers.national_significant_number(example), e164
            checked += 1
    assert checked > 400
