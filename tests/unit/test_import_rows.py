"""Reading one row of a callers CSV (docs/csv-import.md): numbers and labels, dates, contacts, consent."""

from __future__ import annotations

from datetime import date

import phonenumbers
import pytest
from hypothesis import given
from hypothesis import strategies as st

from cxassist.domain.models import Channel, ContactPurpose, PhoneNumber
from cxassist.services.importer import merge_phones
from cxassist.services.importer_rows import (
    ImportedContact,
    RowError,
    name_key,
    parse_consent,
    parse_contact,
    parse_country,
    parse_date,
    parse_phones,
    parse_purposes,
    parse_row,
    parse_tags,
)

TODAY = date(2026, 11, 23)


def phones(text: str, region: str = "GB") -> list[tuple[str, str, bool]]:
    return [(p.e164, p.label, p.is_primary) for p in parse_phones(text, column="phones", default_region=region)]


def row(**cells: str) -> dict[str, str]:
    return {"full_name": "Margaret Hale", "phones": "020 7946 0018", **cells}


# --- phones -------------------------------------------------------------------------------------------------


def test_phones_with_labels_in_any_common_form() -> None:
    assert phones("home:020 7946 0018;mobile:+44 20 7946 0019; work : 0044 (0)20-7946-0020 ") == [
        ("+442079460018", "home", True),
        ("+442079460019", "mobile", False),
        ("+442079460020", "work", False),
    ]


def test_phones_without_labels_and_empty_items() -> None:
    assert phones(";020 7946 0018;;+61 2 5550 1234;") == [
        ("+442079460018", "", True),
        ("+61255501234", "", False),
    ]


def test_a_tel_uri_is_a_number_not_a_label() -> None:
    assert phones("tel:+44-20-7946-0018;home:tel:020-7946-0019") == [
        ("+442079460018", "", True),
        ("+442079460019", "home", False),
    ]


def test_a_number_given_twice_keeps_its_first_label() -> None:
    assert phones("home:020 7946 0018;mobile:+442079460018") == [("+442079460018", "home", True)]


def test_national_numbers_are_read_in_the_default_region() -> None:
    assert phones("(212) 555-0123", region="US") == [("+12125550123", "", True)]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("abc", "phones: 'abc' is not a phone number: it contains letters"),
        ("home:020 7946 0018;mobile:01632 960123", "phones: '01632 960123' is not a phone number: it is not in"),
        ("020 7946", "phones: '020 7946' is not a phone number"),
        ("home:", "phones: 'home:' has a label but no number"),
        ("020 7946 0018 ext 12", "it contains letters"),
        ("a-very-long-label-that-goes-on-and-on:020 7946 0018", "longer than 30 characters"),
    ],
)
def test_bad_numbers_are_named_with_their_column(text: str, reason: str) -> None:
    with pytest.raises(RowError) as caught:
        parse_phones(text, column="phones", default_region="GB")
    assert reason in str(caught.value)


def test_at_most_ten_numbers() -> None:
    many = ";".join(f"020 7946 0{n:03d}" for n in range(11))
    with pytest.raises(RowError, match="more than 10 numbers"):
        parse_phones(many, column="phones", default_region="GB")


@given(st.text(max_size=60))
def test_phone_parsing_never_fails_other_than_with_a_row_error(text: str) -> None:
    try:
        found = parse_phones(text, column="phones", default_region="GB")
    except RowError:
        return
    assert all(phonenumbers.is_valid_number(phonenumbers.parse(p.e164)) for p in found)


# --- dates, enumerations, lists -----------------------------------------------------------------------------


def test_dates_are_iso_and_not_in_the_future() -> None:
    assert parse_date("2009-03-01", column="customer_since", today=TODAY) == date(2009, 3, 1)
    assert parse_date("  ", column="customer_since", today=TODAY) is None
    assert parse_date("2026-11-23", column="customer_since", today=TODAY) == TODAY


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2024-13-01", "customer_since '2024-13-01' is not a date; write it as YYYY-MM-DD"),
        ("2023-02-29", "customer_since '2023-02-29' is not a date"),
        ("01/02/2024", "customer_since '01/02/2024' is not a date"),
        ("20240101", "customer_since '20240101' is not a date"),
        ("2024-W01-1", "is not a date"),
        ("2026-11-24", "customer_since '2026-11-24' is in the future"),
    ],
)
def test_bad_dates(text: str, reason: str) -> None:
    with pytest.raises(RowError) as caught:
        parse_date(text, column="customer_since", today=TODAY)
    assert reason in str(caught.value)


def test_may_contact_for() -> None:
    assert parse_purposes("health; Welfare;health", column="ec1_may_contact_for") == (
        ContactPurpose.HEALTH,
        ContactPurpose.WELFARE,
    )
    assert parse_purposes("any", column="ec1_may_contact_for") == (ContactPurpose.ANY,)
    assert parse_purposes(" ; ", column="ec1_may_contact_for") == ()
    with pytest.raises(RowError, match="ec2_may_contact_for 'money' must be health, welfare or any"):
        parse_purposes("health;money", column="ec2_may_contact_for")


@pytest.mark.parametrize(("text", "expected"), [("yes", True), ("Y", True), ("TRUE", True), ("no", False),
                                                 ("n", False), ("False", False), ("", None), ("  ", None)])
def test_consent_values(text: str, expected: bool | None) -> None:
    assert parse_consent(text, column="ec1_consent") is expected


def test_consent_must_be_yes_or_no() -> None:
    with pytest.raises(RowError, match="ec1_consent 'maybe' must be yes or no"):
        parse_consent("maybe", column="ec1_consent")


def test_tags_are_lower_case_and_unique() -> None:
    assert parse_tags("VIP; care ;vip;;Long  Tag") == ("vip", "care", "long tag")
    with pytest.raises(RowError, match="tags has 21 tags; the limit is 20"):
        parse_tags(";".join(f"t{n}" for n in range(21)))


def test_country_codes() -> None:
    assert parse_country(" gb ") == "GB"
    assert parse_country("") is None
    with pytest.raises(RowError, match="the United Kingdom is GB"):
        parse_country("UK")
    with pytest.raises(RowError, match="'England' is not an ISO 3166 alpha-2 code"):
        parse_country("England")


# --- emergency contacts -------------------------------------------------------------------------------------


def contact(**cells: str) -> ImportedContact | None:
    return parse_contact(cells, slot=1, default_region="GB")


def test_a_contact_with_consent() -> None:
    found = contact(ec1_name=" Ann  Hale ", ec1_relationship="daughter", ec1_phones="mobile:020 7946 0020",
                    ec1_may_contact_for="health;welfare", ec1_consent="yes")
    assert found == ImportedContact(
        slot=1, name="Ann Hale", relationship="daughter",
        phones=(PhoneNumber("+442079460020", "mobile", True),),
        may_contact_for=(ContactPurpose.HEALTH, ContactPurpose.WELFARE),
    )


def test_no_contact_when_its_cells_are_empty() -> None:
    assert contact(ec1_name="", ec1_phones=" ") is None


@pytest.mark.parametrize(
    ("cells", "reason"),
    [
        ({"ec1_phones": "020 7946 0020"}, "ec1_phones is given but ec1_name is empty"),
        ({"ec1_name": "Ann"}, "ec1_phones is empty; an emergency contact needs at least one number"),
        ({"ec1_name": "Ann", "ec1_phones": "020 7946 0020", "ec1_consent": "yes"}, "ec1_may_contact_for is empty"),
        ({"ec1_name": "Ann", "ec1_phones": "020 7946 0020", "ec1_may_contact_for": "any", "ec1_consent": "no"},
         "ec1_consent is no: an emergency contact is kept only with the caller's consent"),
        ({"ec1_name": "Ann", "ec1_phones": "020 7946 0020", "ec1_may_contact_for": "any"}, "ec1_consent is empty"),
        ({"ec1_name": "Ann", "ec1_phones": "12", "ec1_may_contact_for": "any"}, "ec1_phones: '12' is not a phone"),
    ],
)
def test_contacts_refused(cells: dict[str, str], reason: str) -> None:
    with pytest.raises(RowError) as caught:
        contact(**cells)
    assert reason in str(caught.value)


# --- whole rows ---------------------------------------------------------------------------------------------


def test_a_full_row() -> None:
    parsed = parse_row(
        row(external_id=" CRM-1 ", preferred_name="Peggy", preferred_channel="Phone", language="en-GB",
            customer_since="2009-03-01", country="gb", postcode="ls1 4ab", address_line1="12 Orchard\nRow",
            email="peggy@example.org", tags="care", notes="Lives alone.\nCard 4111 1111 1111 1111, CVV 123.",
            ec2_name="Tom Reid", ec2_phones="020 7946 0021", ec2_may_contact_for="welfare", ec2_consent="yes"),
        default_region="GB", today=TODAY,
    )
    assert parsed.external_id == "CRM-1"
    assert parsed.preferred_channel is Channel.PHONE
    assert parsed.address_lines == ("12 Orchard Row",)
    assert (parsed.country, parsed.postcode, parsed.language) == ("GB", "LS1 4AB", "en-GB")
    assert parsed.notes == "Lives alone.\nCard **** **** **** 1111, [security code removed]."
    assert [c.slot for c in parsed.contacts] == [2]
    assert parsed.city is None and parsed.pronunciation is None


@pytest.mark.parametrize(
    ("cells", "reason"),
    [
        (row(full_name="  "), "full_name is empty"),
        (row(phones=""), "phones is empty; a caller needs at least one number"),
        (row(notes="a\x00b"), "notes contains a NUL character (byte 0)"),
        (row(full_name="x" * 201), "full_name is 201 characters long; the limit is 200"),
        (row(email="peggy at example.org"), "email 'peggy at example.org' is not an email address"),
        (row(preferred_channel="fax"), "preferred_channel 'fax' must be one of phone, chat, email, web, in-person"),
        (row(language="English"), "language 'English' is not a language tag"),
        (row(external_id="4111 1111 1111 1111"), "external_id looks like a payment card number"),
        (row(ec1_name="Ann", ec1_phones="020 7946 0020", ec1_may_contact_for="any", ec1_consent="yes",
             ec2_name="ANN", ec2_phones="020 7946 0021", ec2_may_contact_for="any", ec2_consent="yes"),
         "ec2_name names the same person as ec1_name"),
    ],
)
def test_rows_refused(cells: dict[str, str], reason: str) -> None:
    with pytest.raises(RowError) as caught:
        parse_row(cells, default_region="GB", today=TODAY)
    assert reason in str(caught.value)


def test_empty_cells_are_not_given() -> None:
    parsed = parse_row(row(email=" ", customer_since="", tags=" ; "), default_region="GB", today=TODAY)
    assert (parsed.email, parsed.customer_since, parsed.tags, parsed.notes) == (None, None, (), None)


def test_names_compare_without_case_or_spacing() -> None:
    assert name_key("  PEGGY   hale ") == name_key("Peggy Hale") == "peggy hale"
    assert name_key("Peggy Hale") != name_key("Peggy Hales")


# --- merging numbers ----------------------------------------------------------------------------------------


def test_merging_numbers_keeps_those_on_file_and_their_primary() -> None:
    on_file = (PhoneNumber("+442079460018", "home", True), PhoneNumber("+442079460019", "", False))
    given_numbers = (PhoneNumber("+442079460019", "mobile", True), PhoneNumber("+442079460020", "", False))
    assert merge_phones(on_file, given_numbers) == (
        PhoneNumber("+442079460018", "home", True),
        PhoneNumber("+442079460019", "mobile", False),
        PhoneNumber("+442079460020", "", False),
    )
    assert merge_phones(on_file, (PhoneNumber("+442079460018", "", True),)) == on_file


def test_the_first_number_of_a_new_caller_is_primary() -> None:
    merged = merge_phones((), (PhoneNumber("+442079460018", "", True), PhoneNumber("+442079460019", "", False)))
    assert [p.is_primary for p in merged] == [True, False]
