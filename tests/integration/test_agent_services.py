"""The services behind the agent workspace: emergency steps, drafts, caller edits and audit events."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from cxassist.domain.errors import UserError
from cxassist.domain.models import ContactPurpose, EmergencyActionKind, Outcome, Status, VulnerabilityDriver
from cxassist.domain.phones import PhoneError
from cxassist.services import caller_edit, drafts, emergency
from cxassist.services.audit_log import AuditAction, record
from cxassist.services.calls import start_call
from cxassist.services.screen_pop import screen_pop
from cxassist.services.workspace_status import pending_outbox
from cxassist.store import audit, interactions


def test_an_emergency_step_is_saved_at_once_and_flags_the_call(runtime: Any, add_caller: Any) -> None:
    peggy = add_caller("Margaret Hale", "020 7946 0018")
    call = start_call(runtime, phone="020 7946 0018").value
    done = emergency.record_action(runtime, call.id, EmergencyActionKind.EMERGENCY_SERVICES_CALLED, "999, ambulance")
    assert call.id in done.changes.interactions
    actions = emergency.actions_for(runtime, call.id)
    assert [a.kind for a in actions] == [EmergencyActionKind.EMERGENCY_SERVICES_CALLED]
    with runtime.db.read() as conn:
        stored = interactions.get_interaction(conn, call.id)
    assert stored is not None and stored.flag_emergency and stored.status is Status.IN_PROGRESS
    assert stored.caller_id == peggy.id


def test_the_callers_place_gives_the_emergency_number_and_zone(runtime: Any, add_caller: Any) -> None:
    uk = add_caller("Margaret Hale", "020 7946 0018")
    place = emergency.caller_place(runtime.settings, uk, "+442079460018")
    assert (place.region, place.region_source, place.emergency_number) == ("GB", "address", "999")
    assert place.zone == "Europe/London"
    us = emergency.caller_place(runtime.settings, None, "+12125550199")
    assert (us.region, us.region_source, us.emergency_number) == ("US", "number", "911")
    nowhere = emergency.caller_place(runtime.settings, None, "12345")
    assert nowhere.region_source == "site default"


def test_a_draft_is_kept_redacted_and_offered_back_until_the_call_is_saved(runtime: Any, add_caller: Any) -> None:
    peggy = add_caller("Margaret Hale", "020 7946 0018")
    call = start_call(runtime, phone="020 7946 0018").value
    form = drafts.CallForm(reason="refund", note="card 4111 1111 1111 1111 please", outcome=Outcome.MET)
    drafts.save_draft(runtime, call.id, form)
    (restored,) = drafts.drafts_to_restore(runtime)
    assert restored.interaction.id == call.id
    assert restored.form.note == "card **** **** **** 1111 please"
    assert restored.form.outcome is Outcome.MET
    saved = drafts.finish_call(runtime, call.id, restored.form, caller_id=peggy.id).value
    assert saved.status is Status.COMPLETED and saved.reason == "refund"
    assert drafts.drafts_to_restore(runtime) == []


def test_an_unknown_callers_name_is_saved_with_the_call(runtime: Any) -> None:
    call = start_call(runtime, phone="020 7946 0999").value
    done = drafts.finish_call(runtime, call.id, drafts.CallForm(new_caller_name="Ann Hale"), caller_id=None)
    assert done.value.caller_id is not None and done.value.caller_id in done.changes.callers
    pop = screen_pop(runtime, "020 7946 0999")
    assert pop.caller is not None and pop.caller.full_name == "Ann Hale"


def test_a_stored_draft_from_another_version_is_read_leniently() -> None:
    form = drafts.CallForm.from_body({"channel": "fax", "outcome": "meh", "tags": ["a", 3], "follow_up_due": "x"})
    assert form == drafts.CallForm(tags=("a",))


def test_caller_details_are_validated_and_saved(runtime: Any) -> None:
    with pytest.raises(UserError, match="full name is empty"):
        caller_edit.save_caller(runtime, caller_edit.CallerInput(full_name="  "))
    with pytest.raises(PhoneError):
        caller_edit.save_caller(runtime, caller_edit.CallerInput("Ann", (caller_edit.PhoneInput("01632 960001"),)))
    done = caller_edit.save_caller(
        runtime, caller_edit.CallerInput("Ann Hale", (caller_edit.PhoneInput("020 7946 0001", "mobile"),))
    )
    assert done.value.phones[0].e164 == "+442079460001" and done.value.phones[0].is_primary


def test_vulnerability_review_date_is_at_most_twelve_months_ahead(runtime: Any, add_caller: Any) -> None:
    peggy = add_caller("Margaret Hale", "020 7946 0018")
    today = runtime.today()
    common = {"caller_id": peggy.id, "driver": VulnerabilityDriver.HEALTH, "detail": "hard of hearing",
              "adjustments": "speak slowly", "consent_how": "verbally on this call"}
    too_late = caller_edit.add_months(today, 12) + timedelta(days=1)
    with pytest.raises(UserError, match="more than 12 months"):
        caller_edit.save_vulnerability(runtime, review_by=too_late, **common)
    with pytest.raises(UserError, match="has passed"):
        caller_edit.save_vulnerability(runtime, review_by=today, **common)
    with pytest.raises(UserError, match="agreed"):
        caller_edit.save_vulnerability(runtime, review_by=today + timedelta(days=30), **{**common, "consent_how": ""})
    before = _audit_count(runtime)
    saved = caller_edit.save_vulnerability(runtime, review_by=caller_edit.add_months(today, 12), **common).value
    assert saved.consent is not None and saved.consent.by == runtime.agent_id
    assert _audit_count(runtime) == before + 1


def test_emergency_contact_needs_a_number_a_purpose_and_consent(runtime: Any, add_caller: Any) -> None:
    peggy = add_caller("Margaret Hale", "020 7946 0018")
    args = {"caller_id": peggy.id, "name": "Ann Hale", "relationship": "daughter",
            "phones": (caller_edit.PhoneInput("020 7946 0019"),), "may_contact_for": (ContactPurpose.HEALTH,),
            "consent_how": "verbally"}
    for missing, message in (("phones", "no phone number"), ("may_contact_for", "contacted about"),
                             ("consent_how", "agreed")):
        with pytest.raises(UserError, match=message):
            caller_edit.save_contact(runtime, **{**args, missing: "" if missing == "consent_how" else ()})
    contact = caller_edit.save_contact(runtime, **args).value
    assert contact.consent is not None and contact.phones[0].e164 == "+442079460019"
    assert screen_pop(runtime, "020 7946 0018").emergency_contacts == (contact,)


def test_marking_a_follow_up_done(runtime: Any, add_caller: Any) -> None:
    add_caller("Margaret Hale", "020 7946 0018")
    call = start_call(runtime, phone="020 7946 0018").value
    form = drafts.CallForm(reason="refund", follow_up_due=date(2030, 1, 1))
    drafts.finish_call(runtime, call.id, form, caller_id=None)
    assert len(screen_pop(runtime, "020 7946 0018").follow_ups) == 1
    done = caller_edit.mark_follow_up_done(runtime, call.id)
    assert done.value.follow_up is not None and done.value.follow_up.done_at is not None
    assert screen_pop(runtime, "020 7946 0018").follow_ups == ()


def test_reading_sensitive_records_is_audited_and_waits_to_sync(runtime: Any) -> None:
    before = pending_outbox(runtime)
    record(runtime, action=AuditAction.VIEWED_VULNERABILITIES, subject="caller-1")
    with runtime.db.read() as conn:
        assert audit.verify(conn).intact and audit.count(conn) == 1
    assert pending_outbox(runtime) == before + 1


def _audit_count(runtime: Any) -> int:
    with runtime.db.read() as conn:
        return audit.count(conn)
