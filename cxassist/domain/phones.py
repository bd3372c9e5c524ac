"""Phone numbers: normalise what agents, softphones and imports give us to E.164; derive matching keys.

Contract:
- `normalise(raw, default_region)` returns E.164 (`+442079460018`) or raises `PhoneError`, a `UserError`
  whose one sentence names the input and says why it was refused. It accepts spaces, dashes, dots, brackets
  and slashes, the `+` and `00` international prefixes (and the default region's own, such as `011` for the
  US), the UK `+44 (0)20` habit, national forms read against `default_region`, and `tel:` URIs (RFC 3966).
  It refuses empty input, letters (no vanity numbers, no "ext 12"), characters that are no part of a number
  (`#`, `*`, `,`), and anything libphonenumber cannot parse or does not consider valid. A number must be
  *valid* (in a range in use), not just possible: `01632 960xxx` and `07700 900xxx` (UK drama ranges) are
  refused; `020 7946 0xxx` is accepted.
- `lookup_keys(raw, default_region)` never refuses a digit-bearing input without letters: it gives whichever
  of the exact key (E.164), the national significant number and the last seven digits it can.
- The helpers taking `e164` expect what `normalise` returned; anything else is a bug: `ValueError`.

Trap: a `tel:` local number whose `phone-context` is a domain name (`;phone-context=example.com`) cannot be
resolved by digits alone; it is read against `default_region`, as is a local number with no context at all
(RFC 3966 requires one, but softphones omit it). Extensions (`;ext=`) and other parameters are ignored: E.164
has no extension.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import unquote

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumber, PhoneNumberFormat, ValidationResult
from phonenumbers import timezone as _timezone

from cxassist.domain.errors import UserError

__all__ = [
    "LookupKeys",
    "PhoneError",
    "format_for_display",
    "lookup_keys",
    "national_number",
    "normalise",
    "parse_tel_uri",
    "region_of",
    "tail_digits",
    "time_zones_of",
]

_MAX_INPUT_CHARS = 256  # room for a tel: URI with parameters; keeps parsing cheap
_MAX_DIGITS = 24  # libphonenumber allows 3 + 17 (DE has 16-digit numbers) + a prefix such as 011 + a "(0)"
_SEPARATORS = frozenset(" \t\u00a0\u2007\u202f-\u2010\u2011\u2012\u2013\u2014\u2212.()[]/")
_E164 = re.compile(r"\+[1-9][0-9]{1,19}", re.ASCII)  # what normalise() returns, not strictly 15 digits
_TEL_GLOBAL = re.compile(r"\+[0-9().\-]*[0-9][0-9().\-]*", re.ASCII)
_TEL_LOCAL = re.compile(r"[0-9().\-]*[0-9][0-9().\-]*", re.ASCII)
_DOMAIN = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9.\-]*[A-Za-z0-9])?\.?", re.ASCII)
_SHOWN_CHARS = 40


class PhoneError(UserError):
    """A phone number was refused; `raw` is what was given, `reason` says why in plain words."""

    def __init__(self, raw: str, reason: str) -> None:
        super().__init__(f"{_show(raw)} is not a phone number: {reason}")
        self.raw = raw
        self.reason = reason


@dataclass(frozen=True)
class LookupKeys:
    """Keys for finding a caller, strongest first; any may be None.

    e164: the exact key, present only when the number is valid.
    national: the national significant number (digits, no trunk prefix) when the input parses at all, even
        as a number of another country than the one on file: it finds `+1 212 555 0199` stored for
        `212 555 0199` typed under a GB default.
    tail: the last seven digits the input had, for the weakest, "probable" match.
    """

    e164: str | None
    national: str | None
    tail: str | None


def normalise(raw: str, default_region: str) -> str:
    """Return `raw` in E.164, reading national forms against `default_region` (ISO alpha-2, such as "GB").

    Raises PhoneError naming `raw` when it is empty, has letters or stray characters, is too short or too
    long, or is not a valid number according to libphonenumber.
    """
    text = _number_text(raw)
    _check_characters(raw, text)
    number = _parse(raw, text, default_region)
    reason = phonenumbers.is_possible_number_with_reason(number)
    if reason != ValidationResult.IS_POSSIBLE:
        raise PhoneError(raw, _possibility_reason(reason, number))
    if not phonenumbers.is_valid_number(number):
        raise PhoneError(raw, f"it is not in a number range in use for +{number.country_code}")
    return str(phonenumbers.format_number(number, PhoneNumberFormat.E164))


def parse_tel_uri(uri: str) -> str:
    """Return the number in a `tel:` URI with its `phone-context` applied, not yet normalised.

    `tel:+44-20-7946-0018` gives `+44-20-7946-0018`; `tel:020-7946-0018;phone-context=+44` gives
    `+44020-7946-0018` (libphonenumber drops the trunk 0 after a country code). A domain context, or none,
    leaves the local number as it is, for the caller's default region. Percent-escapes are decoded;
    parameters other than `phone-context` are ignored. Raises PhoneError for anything else.
    """
    text = uri.strip()
    if text[:4].lower() != "tel:":
        raise PhoneError(uri, "it is not a tel: URI")
    number, *params = unquote(text[4:]).split(";")
    number = number.strip().replace(" ", "")
    if not number:
        raise PhoneError(uri, "the tel: URI has no number")
    if any(ch.isalpha() for ch in number):
        raise PhoneError(uri, "it contains letters")
    if _TEL_GLOBAL.fullmatch(number):
        return number
    if not _TEL_LOCAL.fullmatch(number):
        raise PhoneError(uri, "the tel: URI's number has characters that are not part of a phone number")
    context = _phone_context(uri, params)
    return f"{context}{number}" if context.startswith("+") else number


def lookup_keys(raw: str, default_region: str) -> LookupKeys:
    """Return the keys to match a caller by, as far as `raw` allows; see LookupKeys.

    Never raises for input with digits and no letters (junk characters are ignored); raises PhoneError when
    there are no digits or there are letters.
    """
    text = raw.strip()
    if text[:4].lower() == "tel:":
        try:
            text = parse_tel_uri(text)
        except PhoneError:
            text = unquote(text[4:]).split(";", 1)[0]
    if any(ch.isalpha() for ch in text):
        raise PhoneError(raw, "it contains letters")
    digits = _ascii_digits(text)
    if not digits:
        raise PhoneError(raw, "it has no digits")
    tail = digits[-7:] if len(digits) >= 7 else None
    number: PhoneNumber | None = None
    if len(digits) <= _MAX_DIGITS:
        cleaned = ("+" if text.lstrip().startswith("+") else "") + digits
        try:
            number = _parse(raw, cleaned, default_region)
        except PhoneError:
            number = None
    if number is None:
        return LookupKeys(e164=None, national=None, tail=tail)
    national = str(phonenumbers.national_significant_number(number)) or None
    e164 = (
        str(phonenumbers.format_number(number, PhoneNumberFormat.E164))
        if phonenumbers.is_valid_number(number)
        else None
    )
    return LookupKeys(e164=e164, national=national, tail=tail)


def tail_digits(e164: str, n: int = 7) -> str:
    """Return the last `n` digits of an E.164 number (all of them when it has fewer)."""
    if n < 1:
        raise ValueError(f"tail_digits needs n >= 1, got {n}")
    return _checked(e164)[1:][-n:]


def national_number(e164: str) -> str:
    """Return the national significant number of an E.164 number: digits, without country code or trunk 0.

    E.164 is "+", the country code, then the national significant number, and country codes are prefix-free, so
    for a known country code this needs no parse (a tenth of a millisecond saved per number on imports)."""
    if _E164.fullmatch(e164):
        for size in (1, 2, 3):
            if int(e164[1 : 1 + size]) in phonenumbers.COUNTRY_CODE_TO_REGION_CODE:
                return e164[1 + size :]
    return str(phonenumbers.national_significant_number(_parse_e164(e164)))


def region_of(e164: str) -> str | None:
    """Return the ISO 3166 alpha-2 region of an E.164 number, or None when it has none (+800 numbers)."""
    region = phonenumbers.region_code_for_number(_parse_e164(e164))
    if not isinstance(region, str) or len(region) != 2 or not region.isalpha() or region == "ZZ":
        return None
    return region


def time_zones_of(e164: str) -> tuple[str, ...]:
    """Return the IANA time zones the number may be in (several for large countries); empty when unknown."""
    zones = _timezone.time_zones_for_number(_parse_e164(e164))
    return tuple(str(zone) for zone in zones if zone != "Etc/Unknown")


def format_for_display(e164: str, home_region: str) -> str:
    """Format for people: national (`020 7946 0018`) in `home_region`, else international (`+1 212-...`)."""
    number = _parse_e164(e164)
    home = region_of(e164) == home_region.strip().upper()
    style = PhoneNumberFormat.NATIONAL if home else PhoneNumberFormat.INTERNATIONAL
    return str(phonenumbers.format_number(number, style))


def _number_text(raw: str) -> str:
    text = raw.strip()
    if not text:
        raise PhoneError(raw, "it is empty")
    if len(text) > _MAX_INPUT_CHARS:
        raise PhoneError(raw, "it is too long")
    if text[:4].lower() == "tel:":
        text = parse_tel_uri(text)
    return text


def _check_characters(raw: str, text: str) -> None:
    if any(ch.isalpha() for ch in text):
        raise PhoneError(raw, "it contains letters")
    digits = sum(ch.isdecimal() for ch in text)
    if digits == 0:
        raise PhoneError(raw, "it has no digits")
    for index, ch in enumerate(text):
        if ch == "+":
            if index != 0:
                raise PhoneError(raw, "a '+' may only come first")
        elif not ch.isdecimal() and ch not in _SEPARATORS and not ch.isspace():
            raise PhoneError(raw, f"it contains {_show(ch)}, which is not part of a phone number")
    if digits > _MAX_DIGITS:
        raise PhoneError(raw, "it is too long")


def _parse(raw: str, text: str, default_region: str) -> PhoneNumber:
    """Parse with libphonenumber; read a leading 00 as '+' where the region's own prefix differs."""
    region = default_region.strip().upper()
    number: PhoneNumber | None = None
    failure: NumberParseException | None = None
    try:
        number = phonenumbers.parse(text, region)
    except NumberParseException as exc:
        failure = exc
    digits = _ascii_digits(text)
    retry = number is None or not phonenumbers.is_valid_number(number)
    if retry and digits.startswith("00") and not text.lstrip().startswith("+"):
        try:
            return phonenumbers.parse("+" + digits[2:], None)
        except NumberParseException:
            pass
    if number is None:
        raise PhoneError(raw, _parse_failure_reason(failure, region, digits))
    return number


def _parse_failure_reason(exc: NumberParseException | None, region: str, digits: str) -> str:
    kind = exc.error_type if exc is not None else None
    if kind == NumberParseException.INVALID_COUNTRY_CODE:
        if phonenumbers.country_code_for_region(region) == 0:
            return f"it has no country code and the default region {_show(region)} is not known"
        return "its country code is not in use"
    if kind in (NumberParseException.TOO_SHORT_AFTER_IDD, NumberParseException.TOO_SHORT_NSN):
        return "it is too short"
    if kind == NumberParseException.TOO_LONG:
        return "it is too long"
    return "it is too short" if len(digits) < 3 else "it cannot be read as a phone number"


def _possibility_reason(reason: int, number: PhoneNumber) -> str:
    if reason == ValidationResult.TOO_SHORT:
        return "it is too short"
    if reason == ValidationResult.TOO_LONG:
        return "it is too long"
    if reason == ValidationResult.INVALID_COUNTRY_CODE:
        return f"its country code +{number.country_code} is not in use"
    if reason == ValidationResult.IS_POSSIBLE_LOCAL_ONLY:
        return "it is a local number without its area code"
    return f"it has the wrong number of digits for +{number.country_code}"


def _phone_context(uri: str, params: list[str]) -> str:
    for param in params:
        name, _, value = param.partition("=")
        if name.strip().lower() != "phone-context":
            continue
        value = value.strip()
        if value.startswith("+") and _TEL_GLOBAL.fullmatch(value):
            return "+" + _ascii_digits(value)
        if value and not value.startswith("+") and _DOMAIN.fullmatch(value):
            return value
        raise PhoneError(uri, "its phone-context is neither a +prefix nor a domain name")
    return ""


def _ascii_digits(text: str) -> str:
    return "".join(str(unicodedata.decimal(ch)) for ch in text if ch.isdecimal())


def _checked(e164: str) -> str:
    if not _E164.fullmatch(e164):
        raise ValueError(f"{e164!r} is not an E.164 number; pass what normalise() returned")
    return e164


def _parse_e164(e164: str) -> PhoneNumber:
    try:
        return phonenumbers.parse(_checked(e164), None)
    except NumberParseException as exc:
        raise ValueError(f"{e164!r} is not an E.164 number: {exc}") from exc


def _show(text: str) -> str:
    """Quote user input for a message: control characters escaped, long input shortened."""
    shown = "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)
    if len(shown) > _SHOWN_CHARS:
        shown = shown[: _SHOWN_CHARS - 1] + "…"
    return f"'{shown}'"
