"""Recognition in the workspace: a quiet line with the newest kudos or customer compliment of the last 14 days, and
a list of them all on request. It sits outside the call's flow: last in the tab order, reached with Alt+K."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cxassist.domain.models import Channel
from cxassist.services import review
from cxassist.services.changes import Changes
from cxassist.services.runtime import Runtime
from cxassist.store.reviews import Recognition
from cxassist.ui.tasks import TaskRunner
from cxassist.ui.widgets.text import channel_text, short_date, tr

RECENT = timedelta(days=14)
SHORT = 140
ALL = 50


@dataclass(frozen=True, slots=True)
class Kudos:
    items: tuple[Recognition, ...]
    names: dict[str, str]  # agent id -> display name, for who gave a kudos


def read_kudos(runtime: Runtime, *, recent_only: bool) -> Kudos:
    since = runtime.now() - RECENT if recent_only else None
    found = review.kudos_for_agent(runtime, runtime.agent_id, since, limit=1 if recent_only else ALL)
    agents, _teams = review.agents_and_teams(runtime)
    return Kudos(tuple(found), {a.id: a.display_name for a in agents})


def kudos_text(item: Recognition, names: dict[str, str], *, limit: int | None = None) -> str:
    text = item.text if limit is None or len(item.text) <= limit else item.text[: limit - 1].rstrip() + "…"
    if item.kind == "compliment":
        try:
            channel = channel_text(Channel(item.given_by)).lower()
        except ValueError:
            channel = item.given_by
        return tr("★ A customer's compliment ({0}): '{1}'").format(channel, text)
    return tr("★ Kudos from {0}: '{1}'").format(names.get(item.given_by, item.given_by), text)


class KudosStrip(QFrame):
    """Hidden until there is something to show; refreshed when a review is saved or sync brings rows."""

    def __init__(self, runtime: Runtime, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kudosStrip")
        self.setProperty("role", "recognition")
        self.runtime = runtime
        self.runner = runner
        self.dialog: KudosListDialog | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        self.text = QLabel(self)
        self.text.setObjectName("kudosText")
        self.text.setAccessibleName(tr("Your newest kudos"))
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.text, 1)
        self.all_button = QPushButton(tr("See all &kudos"), self)
        self.all_button.setObjectName("seeAllKudos")
        self.all_button.setAccessibleName(tr("See all your kudos"))
        self.all_button.setAutoDefault(False)
        self.all_button.clicked.connect(self.show_all)
        layout.addWidget(self.all_button)
        self.latest: Recognition | None = None
        self.hide()
        runner.relay.changed.connect(self.on_changes)
        self.refresh()

    def refresh(self) -> None:
        runtime = self.runtime
        self.runner.read(lambda: read_kudos(runtime, recent_only=True), on_done=self.show_kudos,
                         on_error=lambda _error: None)  # a quiet extra: never interrupts a call with a message

    def show_kudos(self, kudos: Kudos) -> None:
        self.latest = kudos.items[0] if kudos.items else None
        if self.latest is None:
            self.hide()
            return
        self.text.setText(kudos_text(self.latest, kudos.names, limit=SHORT))
        self.text.setToolTip(kudos_text(self.latest, kudos.names))
        self.text.setAccessibleDescription(kudos_text(self.latest, kudos.names))
        self.show()

    def on_changes(self, changes: Changes, initiator: object | None) -> None:
        if changes.reviews or changes.pulled:
            self.refresh()

    def show_all(self) -> None:
        runtime = self.runtime
        self.runner.read(lambda: read_kudos(runtime, recent_only=False), on_done=self._open_list)

    def _open_list(self, kudos: Kudos) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.close()
        self.dialog = KudosListDialog(kudos, self.window())
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.finished.connect(self._forget_dialog)
        self.dialog.show()

    def _forget_dialog(self) -> None:
        self.dialog = None


class KudosListDialog(QDialog):
    """Every kudos and compliment, newest first (not modal: a call can go on beside it)."""

    def __init__(self, kudos: Kudos, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kudosList")
        self.setWindowTitle(tr("Your kudos"))
        self.setAccessibleName(tr("Your kudos"))
        self.setModal(False)
        layout = QVBoxLayout(self)
        self.list = QListWidget(self)
        self.list.setObjectName("kudosListView")
        self.list.setAccessibleName(tr("Kudos and compliments, newest first"))
        self.list.setWordWrap(True)
        for item in kudos.items:
            self.list.addItem(tr("{0}  {1}").format(short_date(item.at), kudos_text(item, kudos.names)))
        if not kudos.items:
            self.list.addItem(tr("No kudos yet."))
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("closeKudosList")
        close.setAccessibleName(tr("Close the list of kudos"))
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        self.resize(560, 420)
