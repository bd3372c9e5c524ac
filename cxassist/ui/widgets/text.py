"""How domain values read on screen: outcomes with a symbol and a word (never colour alone), dates in local time."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from cxassist.domain.models import Channel, ContactPurpose, EmergencyActionKind, Outcome, VulnerabilityDriver


def tr(text: str) -> str:
    """Translate text shown by module-level code; lupdate files such calls under the empty context."""
    return QCoreApplication.translate("", text)


def outcome_text(outcome: Outcome | None) -> str:
    return {
        Outcome.FAILED: tr("✗ Failed"),
        Outcome.MET: tr("✓ Met"),
        Outcome.EXCEEDED: tr("★ Exceeded"),
        None: tr("– Not recorded"),
    }[outcome]


def outcome_long(outcome: Outcome | None) -> str:
    return {
        Outcome.FAILED: tr("✗ Failed to meet their expectations"),
        Outcome.MET: tr("✓ Met their expectations"),
        Outcome.EXCEEDED: tr("★ Exceeded their expectations"),
        None: tr("Not chosen yet (judged by the caller)"),
    }[outcome]


def channel_text(channel: Channel | None) -> str:
    return {
        Channel.PHONE: tr("Phone"),
        Channel.CHAT: tr("Chat"),
        Channel.EMAIL: tr("Email"),
        Channel.WEB: tr("Web"),
        Channel.IN_PERSON: tr("In person"),
        None: tr("not known"),
    }[channel]


def purpose_text(purpose: ContactPurpose) -> str:
    return {ContactPurpose.HEALTH: tr("health"), ContactPurpose.WELFARE: tr("welfare"),
            ContactPurpose.ANY: tr("anything")}[purpose]


def driver_text(driver: VulnerabilityDriver) -> str:
    return {
        VulnerabilityDriver.HEALTH: tr("Health"),
        VulnerabilityDriver.LIFE_EVENT: tr("Life event"),
        VulnerabilityDriver.RESILIENCE: tr("Resilience"),
        VulnerabilityDriver.CAPABILITY: tr("Capability"),
    }[driver]


def action_text(kind: EmergencyActionKind) -> str:
    return {
        EmergencyActionKind.KEPT_ON_LINE: tr("Kept the caller on the line"),
        EmergencyActionKind.ADDRESS_CONFIRMED: tr("Confirmed the address"),
        EmergencyActionKind.EMERGENCY_SERVICES_CALLED: tr("Called emergency services"),
        EmergencyActionKind.CONTACT_NOTIFIED: tr("Notified a contact"),
        EmergencyActionKind.STAYED_ON_LINE: tr("Stayed until help arrived"),
        EmergencyActionKind.HANDED_OVER: tr("Handed over"),
        EmergencyActionKind.NOTE: tr("Note"),
    }[kind]


def local_datetime(value: datetime) -> str:
    return value.astimezone().strftime("%d %b %Y %H:%M")


def short_date(value: date | datetime) -> str:
    if isinstance(value, datetime):
        value = value.astimezone().date()
    return value.strftime("%d %b %Y")


def section_title(text: str, parent: QWidget | None = None) -> QLabel:
    """A heading for a panel; screen readers hear it as the panel's title."""
    label = QLabel(text, parent)
    label.setProperty("role", "heading")
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.1)
    label.setFont(font)
    return label


def wrapped(text: str = "", parent: QWidget | None = None, *, selectable: bool = True) -> QLabel:
    from PySide6.QtCore import Qt  # noqa: PLC0415

    label = QLabel(text, parent)
    label.setWordWrap(True)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label
