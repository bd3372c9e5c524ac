"""The change notice (STYLE.md section 3): one signal, sent on the main thread after every write."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from cxassist.services.changes import Changes


class ChangeRelay(QObject):
    """Views connect to `changed(changes, initiator)` and decide for themselves whether to refresh.

    The runner emits it after each write's `on_done`; background sync reports pulled rows through `report`.
    """

    changed = Signal(object, object)

    def report(self, changes: Changes, initiator: object | None = None) -> None:
        self.changed.emit(changes, initiator)
