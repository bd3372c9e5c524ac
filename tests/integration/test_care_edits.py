"""Correcting, removing and ending the care records: emergency contacts and vulnerabilities.

Each change is checked where it lands: the stored row, its outbox row (what other desktops will see) and the audit
trail."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from cxassist.domain.errors import NotFoundError, UserError
from cxassist.domain.models import ContactPurpose, VulnerabilityDriver
from cxassist.services import caller_edit
from cxassist.services.calls import start_call
from cxassist.services.screen_pop import screen_pop
from cxassist.store import tables

NUMBER = "020 7946 0018"


@pytest.fixture
def peggy(add_caller: Any) -> Any:
    return add_caller("Margaret Hale", NUMBER)


@pytest.fixture
def ann(runtime: Any, peggy: Any) -> Any:
    return caller_edit.save_contact(
        runtime, caller_id=peggy.id, name="Ann Hale", relationship="daughter",
        phones=(caller_edit.PhoneInput("020 7946 0019", "mobile"),), may_contact_for=(ContactPurpose.HEALTH,),
        consent_how="verbally, on this call",
    ).value


@pytest.fixture
def hearing(runtime: Any, peggy: Any) -> Any:
    return caller_edit.save_vulnerability(
        runtime, caller_id=peggy.id, driver=VulnerabilityDriver.HEALTH, detail="hard of hearing",
        adjustments="speak slowly", consent_how="verbally", review_by=runtime.today() + timedelta(days=90),
    ).value


def audit_trail(runtime: Any) -> list[tuple[str, str, str]]:
    with runtime.db.read() as conn:
        rows = conn.exec_driver_sql("SELECT action, subject, detail FROM audit_event ORDER BY seq").fetchall()
    return [tuple(row) for row in rows]


def outbox_payloads(runtime: Any, row_id: Any) -> list[dict[str, Any]]:
    with runtime.db.read() as conn:
        rows = conn.exec_driver_sql("SELECT payload FROM outbox WHERE row_id = ? ORDER BY seq", (str(row_id),))
        return [json.loads(row[0]) for row in rows]


def stored(runtime: Any, table: str, row_id: Any) -> dict[str, Any]:
    rows = getattr(tables, table)
    with runtime.db.read() as conn:
        return dict(conn.execute(select(rows).where(rows.c.id == row_id)).mappings().one())


def correct_ann(runtime: Any, peggy: Any, ann: Any, **changes: Any) -> Any:
    fields = {"caller_id": peggy.id, "name": ann.name, "relationship": ann.relationship,
              "phones": tuple(caller_edit.PhoneInput(p.e164, p.label) for p in ann.phones),
              "may_contact_for": ann.may_contact_for, "consent_how": ann.consent.how, "contact_id": ann.id}
    return caller_edit.save_contact(runtime, **{**fields, **changes}).value


def test_correcting_a_contact_keeps_the_consent_and_says_what_changed(runtime: Any, peggy: Any, ann: Any) -> None:
    fixed = correct_ann(runtime, peggy, ann, relationship="daughter-in-law",
                        phones=(caller_edit.PhoneInput("020 7946 0020", "work"),),
                        may_contact_for=(ContactPurpose.HEALTH, ContactPurpose.WELFARE))
    assert fixed.id == ann.id and fixed.consent == ann.consent, "the consent on record stands"
    assert screen_pop(runtime, NUMBER).emergency_contacts == (fixed,)
    row = stored(runtime, "emergency_contact", ann.id)
    assert row["relationship"] == "daughter-in-law" and row["deleted_at"] is None
    payload = outbox_payloads(runtime, ann.id)[-1]
    assert payload["relationship"] == "daughter-in-law" and payload["phones"][0]["e164"] == "+442079460020"
    action, subject, detail = audit_trail(runtime)[-1]
    assert (action, subject) == ("saved-emergency-contact", str(peggy.id))
    assert detail == f"{ann.id} changed: relationship, phones, may_contact_for"


def test_changing_how_consent_was_given_records_a_new_consent(runtime: Any, peggy: Any, ann: Any) -> None:
    fixed = correct_ann(runtime, peggy, ann, consent_how="in writing, letter of 3 March")
    assert fixed.consent is not None and fixed.consent != ann.consent
    assert fixed.consent.how == "in writing, letter of 3 March" and fixed.consent.by == runtime.agent_id
    assert fixed.consent.at >= ann.consent.at
    assert audit_trail(runtime)[-1][2] == f"{ann.id} changed: consent"
    with pytest.raises(UserError, match="future"):
        correct_ann(runtime, peggy, ann, consent_at=runtime.now() + timedelta(days=2))


def test_a_correction_is_validated_like_an_addition(runtime: Any, peggy: Any, ann: Any, add_caller: Any) -> None:
    with pytest.raises(UserError, match="no phone number"):
        correct_ann(runtime, peggy, ann, phones=())
    with pytest.raises(UserError, match="020 7946"):
        correct_ann(runtime, peggy, ann, phones=(caller_edit.PhoneInput("020 7946"),))
    other = add_caller("Tom Reid", "020 7946 0555")
    with pytest.raises(NotFoundError):
        correct_ann(runtime, other, ann)  # a contact is corrected only under its own caller
    assert screen_pop(runtime, NUMBER).emergency_contacts == (ann,), "nothing changed"


def test_removing_a_contact_is_soft_synced_and_audited(runtime: Any, peggy: Any, ann: Any) -> None:
    caller_edit.remove_contact(runtime, ann.id)
    assert screen_pop(runtime, NUMBER).emergency_contacts == ()
    assert stored(runtime, "emergency_contact", ann.id)["deleted_at"] is not None, "kept, marked removed"
    assert outbox_payloads(runtime, ann.id)[-1]["deleted_at"] is not None, "the removal syncs"
    assert audit_trail(runtime)[-1] == ("removed-emergency-contact", str(peggy.id), str(ann.id))
    with pytest.raises(NotFoundError, match="no longer on record"):
        caller_edit.remove_contact(runtime, ann.id)
    with pytest.raises(NotFoundError):
        correct_ann(runtime, peggy, ann, name="Ann Reid")


def test_correcting_a_need_keeps_who_recorded_it_and_checks_the_review_date(runtime: Any, peggy: Any,
                                                                            hearing: Any) -> None:
    common = {"caller_id": peggy.id, "driver": hearing.driver, "detail": hearing.detail, "consent_how": "verbally",
              "vulnerability_id": hearing.id}
    too_late = caller_edit.add_months(runtime.today(), 12) + timedelta(days=1)
    with pytest.raises(UserError, match="more than 12 months"):
        caller_edit.save_vulnerability(runtime, adjustments="x", review_by=too_late, **common)
    fixed = caller_edit.save_vulnerability(runtime, adjustments="speak slowly; send letters in large print",
                                           review_by=caller_edit.add_months(runtime.today(), 12), **common).value
    assert fixed.id == hearing.id and fixed.consent == hearing.consent and fixed.recorded_by == hearing.recorded_by
    assert screen_pop(runtime, NUMBER).vulnerabilities == (fixed,)
    assert outbox_payloads(runtime, hearing.id)[-1]["adjustments"] == "speak slowly; send letters in large print"
    assert audit_trail(runtime)[-1] == ("saved-vulnerability", str(peggy.id),
                                        f"{hearing.id} changed: adjustments, review_by")


def test_ending_a_need_stops_it_shaping_calls_and_says_why(runtime: Any, peggy: Any, hearing: Any) -> None:
    with pytest.raises(UserError, match="Say why"):
        caller_edit.end_vulnerability(runtime, hearing.id, reason="bored")
    caller_edit.end_vulnerability(runtime, hearing.id, reason="no longer applies")
    assert screen_pop(runtime, NUMBER).vulnerabilities == ()
    assert stored(runtime, "vulnerability", hearing.id)["deleted_at"] is not None
    assert outbox_payloads(runtime, hearing.id)[-1]["deleted_at"] is not None
    assert audit_trail(runtime)[-1] == ("ended-vulnerability", str(peggy.id), f"{hearing.id} ended: no longer applies")
    assert not start_call(runtime, phone=NUMBER).value.flag_vulnerable
    with pytest.raises(NotFoundError):
        caller_edit.end_vulnerability(runtime, hearing.id, reason="no longer applies")
