"""Add or correct the caller's details and numbers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from cxassist.domain.models import Address, Caller, Channel
from cxassist.services.caller_edit import CallerInput, PhoneInput, save_caller
from cxassist.services.changes import Done
from cxassist.services.runtime import Runtime
from cxassist.ui.tasks import TaskRunner
from cxassist.ui.widgets.edit_dialog import EditDialog
from cxassist.ui.widgets.text import channel_text

if TYPE_CHECKING:
    from cxassist.ui.agent.main_window import MainWindow


class CallerDialog(EditDialog):
    def __init__(self, runtime: Runtime, runner: TaskRunner, caller: Caller | None, parent: Any = None) -> None:
        title = self.tr("Edit caller details") if caller else self.tr("Add a caller")
        super().__init__(runner, name="callerDialog", title=title, parent=parent)
        self.runtime = runtime
        self.caller = caller
        c = caller
        self.full_name = self.line("callerFullName", self.tr("&Full name"), self.tr("Full name"),
                                   c.full_name if c else "")
        self.preferred = self.line("callerPreferredName", self.tr("&Preferred name"),
                                   self.tr("The name they like to be called"), c.preferred_name if c else "")
        self.pronunciation = self.line("callerPronunciation", self.tr("Say it &like"),
                                       self.tr("How to say their name"), c.pronunciation if c else "")
        numbers = "; ".join(f"{p.e164} {p.label}".strip() for p in c.phones) if c else ""
        self.numbers = self.line("callerNumbers", self.tr("&Numbers"),
                                 self.tr("Phone numbers, separated by semicolons, each optionally followed by a label"),
                                 numbers)
        self.email = self.line("callerEmail", self.tr("&Email"), self.tr("Email address"), c.email if c else "")
        address = c.address if c else Address()
        self.address = self.line("callerAddress", self.tr("&Address"),
                                 self.tr("Street address, lines separated by commas"), ", ".join(address.lines))
        self.city = self.line("callerCity", self.tr("&Town or city"), self.tr("Town or city"), address.city)
        self.postcode = self.line("callerPostcode", self.tr("Post&code"), self.tr("Postcode"), address.postcode)
        self.country = self.line("callerCountry", self.tr("Countr&y (2 letters)"),
                                 self.tr("Country as two letters, for example GB"),
                                 address.country or runtime.default_region)
        self.channel = QComboBox(self)
        self.channel.setObjectName("callerChannel")
        self.channel.setAccessibleName(self.tr("Preferred channel"))
        self.channel.addItem(self.tr("No preference"), None)
        for channel in Channel:
            self.channel.addItem(channel_text(channel), channel.value)
        if c and c.preferred_channel:
            self.channel.setCurrentIndex(self.channel.findData(c.preferred_channel.value))
        self.add_row(self.tr("Prefers &contact by"), self.channel)
        self.language = self.line("callerLanguage", self.tr("&Language"), self.tr("Language"), c.language if c else "")
        since = c.customer_since.isoformat() if c and c.customer_since else ""
        self.since = self.line("callerSince", self.tr("Customer &since (YYYY-MM-DD)"),
                               self.tr("Customer since, as a date"), since)
        self.tags = self.line("callerTags", self.tr("Ta&gs"), self.tr("Tags, separated by commas"),
                              ", ".join(c.tags) if c else "")
        self.full_name.setFocus(Qt.FocusReason.OtherFocusReason)

    def write(self) -> Callable[[], Done[Caller]]:
        phones = []
        for part in self.numbers.text().split(";"):
            words = part.strip().rsplit(" ", 1)
            if len(words) == 2 and words[1].isalpha():
                phones.append(PhoneInput(words[0], words[1]))
            elif part.strip():
                phones.append(PhoneInput(part.strip()))
        since_text = self.since.text().strip()
        try:
            since = date.fromisoformat(since_text) if since_text else None
        except ValueError:
            raise ValueError(self.tr("'{0}' is not a date; write it as YYYY-MM-DD.").format(since_text)) from None
        channel = self.channel.currentData()
        data = CallerInput(
            full_name=self.full_name.text(), phones=tuple(phones), preferred_name=self.preferred.text(),
            pronunciation=self.pronunciation.text(), email=self.email.text(),
            address=Address(lines=tuple(p.strip() for p in self.address.text().split(",") if p.strip()),
                            city=self.city.text().strip(), postcode=self.postcode.text().strip(),
                            country=self.country.text().strip().upper()[:2]),
            preferred_channel=Channel(channel) if channel else None, language=self.language.text(),
            customer_since=since, tags=tuple(t.strip() for t in self.tags.text().split(",") if t.strip()),
            notes=self.caller.notes if self.caller else "",
        )
        runtime, caller_id = self.runtime, self.caller.id if self.caller else None
        return lambda: save_caller(runtime, data, caller_id=caller_id)


def open_caller_editor(window: MainWindow) -> CallerDialog:
    caller = window.card.caller
    dialog = CallerDialog(window.runtime, window.runner, caller, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
