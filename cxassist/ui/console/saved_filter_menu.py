"""Saved filter sets in one button's menu: save the filters in force under a name, apply a set, delete a set.

The sets are the supervisor's own and stay on this desktop (`services.saved_filters`). Saving under a name already
used replaces that set.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMenu, QToolButton, QWidget

from cxassist.domain.errors import UserError
from cxassist.services import saved_filters
from cxassist.store.query import InteractionQuery
from cxassist.store.query.saved import SavedFilter
from cxassist.ui.console.context import ConsoleContext

AskName = Callable[[QWidget], str | None]


def ask_name_in_dialog(parent: QWidget) -> str | None:
    name, accepted = QInputDialog.getText(
        parent,
        QCoreApplication.translate("SavedFilterMenu", "Save these filters"),
        QCoreApplication.translate(
            "SavedFilterMenu", "Name for this filter set (a set with the same name is replaced):"
        ),
        QLineEdit.EchoMode.Normal,
    )
    return name if accepted else None


class SavedFilterMenu(QToolButton):
    """`chosen(query)`: a set was picked; `failed(error)`: saving or deleting failed; `done(text)`: what was done,
    in words for the log's message line."""

    chosen = Signal(object)
    failed = Signal(object)
    done = Signal(str)

    def __init__(
        self,
        context: ConsoleContext,
        current_query: Callable[[], InteractionQuery],
        *,
        ask_name: AskName = ask_name_in_dialog,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("savedFilters")
        self.setAccessibleName(self.tr("Saved filter sets: save, apply or delete"))
        self.setText(self.tr("Sa&ved filters"))
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._context = context
        self._current_query = current_query
        self._ask_name = ask_name
        self._sets: list[SavedFilter] = []
        self.menu_ = QMenu(self)
        self.menu_.setObjectName("savedFiltersMenu")
        self.menu_.setAccessibleName(self.tr("Saved filter sets"))
        self.setMenu(self.menu_)
        self._rebuild()

    @property
    def sets(self) -> list[SavedFilter]:
        return list(self._sets)

    def refresh(self) -> None:
        runtime = self._context.runtime
        self._context.runner.read(lambda: saved_filters.list_filters(runtime), on_done=self._show_sets)

    def _show_sets(self, sets: list[SavedFilter]) -> None:
        self._sets = list(sets)
        self._rebuild()

    def _rebuild(self) -> None:
        menu = self.menu_
        menu.clear()
        save = QAction(self.tr("&Save these filters as a set…"), menu)
        save.setObjectName("saveFilterSet")
        save.triggered.connect(lambda _checked=False: self.save_current())
        menu.addAction(save)
        menu.addSeparator()
        if not self._sets:
            empty = menu.addAction(self.tr("No saved filter sets yet"))
            empty.setEnabled(False)
            return
        for item in self._sets:
            apply = QAction(self.tr("Apply “{0}”").format(item.name), menu)
            apply.setObjectName("applySavedFilter")
            apply.triggered.connect(lambda _checked=False, chosen=item: self.chosen.emit(chosen.query))
            menu.addAction(apply)
        delete_menu = menu.addMenu(self.tr("&Delete a saved set"))
        delete_menu.setObjectName("deleteSavedFilterMenu")
        for item in self._sets:
            delete = QAction(item.name, delete_menu)
            delete.setObjectName("deleteSavedFilter")
            delete.triggered.connect(lambda _checked=False, chosen=item: self.delete(chosen))
            delete_menu.addAction(delete)

    # -- what the menu does ---------------------------------------------------------------------------------------

    def save_current(self, name: str | None = None) -> None:
        """Save the filters in force under `name` (asked for when None)."""
        try:
            query = self._current_query()
        except UserError as error:
            self.failed.emit(error)
            return
        if name is None:
            name = self._ask_name(self)
            if name is None:
                return
        runtime = self._context.runtime
        self._context.runner.write(
            lambda: saved_filters.save_filter(runtime, name, query),
            on_done=self._saved,
            on_error=self.failed.emit,
            initiator=self,
        )

    def _saved(self, item: SavedFilter) -> None:
        self.done.emit(self.tr("Saved the filters as “{0}”.").format(item.name))
        self.refresh()

    def apply_named(self, name: str) -> bool:
        found = next((s for s in self._sets if s.name == name), None)
        if found is not None:
            self.chosen.emit(found.query)
        return found is not None

    def delete(self, item: SavedFilter) -> None:
        runtime = self._context.runtime
        self._context.runner.write(
            lambda: saved_filters.delete_filter(runtime, item.id),
            on_done=lambda _id: self._deleted(item.name),
            on_error=self.failed.emit,
            initiator=self,
        )

    def _deleted(self, name: str) -> None:
        self.done.emit(self.tr("Deleted the filter set “{0}”.").format(name))
        self.refresh()
