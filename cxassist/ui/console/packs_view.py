"""The prompt packs tab: the packs in force (shipped, site file, published) with each name's published versions, the
editor to change one and publish it, rollback to an earlier version, and the agents' feedback on prompts.

A pack opens in the editor with Enter (or "Open in editor"); on a published version, "Roll back to this version"
publishes that version's text again as a new version, after a confirmation. The list is read again when a pack is
published here or arrives by sync (`Changes.prompt_pack`); a hidden tab only marks itself stale.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cxassist.services.changes import Changes
from cxassist.services.prompt_packs import InForce, PackInForce, load_in_force, published_versions, roll_back
from cxassist.store.prompt_packs import PublishedPack
from cxassist.ui.console.context import ConsoleContext
from cxassist.ui.console.pack_editor import NEW_PACK, PackEditor
from cxassist.ui.console.prompt_feedback_view import PromptFeedbackView
from cxassist.ui.console.refreshing import RefreshedWhenShown
from cxassist.ui.widgets.message_bar import MessageBar
from cxassist.ui.widgets.named import named_button
from cxassist.ui.widgets.text import local_datetime, section_title, tr

SOURCES = {
    "shipped": QT_TRANSLATE_NOOP("", "Shipped with cxassist"),
    "site": QT_TRANSLATE_NOOP("", "Site file"),
    "published": QT_TRANSLATE_NOOP("", "Published from the console"),
}


def source_text(source: str) -> str:
    return tr(str(SOURCES.get(source, source)))  # QT_TRANSLATE_NOOP is typed as returning object


class PromptPacksTab(RefreshedWhenShown):
    def __init__(self, context: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("promptPacksTab")
        self.context = context
        self._filling = False  # the list is being read again: its current item changes on its own
        layout = QVBoxLayout(self)
        self.messages = MessageBar("promptPacksMessages", self)
        layout.addWidget(self.messages)
        self.sections = QTabWidget(self)
        self.sections.setObjectName("promptPacksSections")
        self.sections.setAccessibleName(self.tr("Prompt packs and agents' feedback"))
        self.sections.tabBar().setObjectName("promptPacksSectionTabs")
        self.sections.tabBar().setAccessibleName(self.tr("Choose: packs, or agents' feedback"))
        layout.addWidget(self.sections, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("promptPacksSplitter")
        splitter.addWidget(self._packs_column())
        self.editor = PackEditor(context, splitter)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([500, 900])
        self.sections.addTab(splitter, self.tr("Pac&ks"))
        self.feedback = PromptFeedbackView(context, self)
        self.sections.addTab(self.feedback, self.tr("Agents' &feedback"))
        context.relay.changed.connect(self.on_changes)

    def _packs_column(self) -> QWidget:
        column = QWidget(self)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(section_title(self.tr("Packs in force, in order"), column))
        self.tree = QTreeWidget(column)
        self.tree.setObjectName("packsInForce")
        self.tree.setAccessibleName(self.tr("Packs in force and their published versions; Enter opens one"))
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setHeaderLabels(
            [self.tr("Pack"), self.tr("Version"), self.tr("Source"), self.tr("Rules"), self.tr("Published by, when")]
        )
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemActivated.connect(lambda _item, _column: self.open_selected())
        self.tree.currentItemChanged.connect(lambda *_args: self._chosen())
        layout.addWidget(self.tree, 1)
        buttons = QHBoxLayout()
        self.open_button = named_button(
            self,
            "openPackInEditor",
            self.tr("&Open in editor"),
            self.tr("Open the selected pack or version in the editor"),
            self.open_selected,
        )
        self.new_button = named_button(
            self, "newPack", self.tr("&New pack"), self.tr("Start a new pack in the editor"), self.new_pack
        )
        self.rollback_button = named_button(
            self,
            "rollBackPack",
            self.tr("&Roll back to this version…"),
            self.tr("Publish the selected earlier version again"),
            self.roll_back,
        )
        for button in (self.open_button, self.new_button, self.rollback_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self._enable()
        return column

    # -- reading ---------------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        self._stale = False
        runtime = self.context.runtime
        self.context.runner.read(
            lambda: (load_in_force(runtime), published_versions(runtime)), on_done=self._show, on_error=self._failed
        )

    def _show(self, found: tuple[InForce, list[PublishedPack]]) -> None:
        in_force, history = found
        self._filling = True
        self.tree.clear()
        listed = set()
        for pack in in_force.packs:
            top = QTreeWidgetItem(
                [
                    pack.name,
                    self._version_text(pack),
                    source_text(pack.source),
                    str(pack.rules),
                    self._who(pack.published),
                ]
            )
            top.setData(0, Qt.ItemDataRole.UserRole, pack)
            self._add_versions(top, [p for p in history if p.name == pack.name], pack.published)
            listed.add(pack.name)
        for name in sorted({p.name for p in history} - listed):
            top = QTreeWidgetItem([name, "", self.tr("Published, not in force"), "", ""])
            self._add_versions(top, [p for p in history if p.name == name], None)
        if in_force.skipped:
            self.messages.show_message(" ".join(in_force.skipped), warning=True)
        self._filling = False
        self._enable()

    def _add_versions(self, top: QTreeWidgetItem, versions: list[PublishedPack], current: PublishedPack | None) -> None:
        self.tree.addTopLevelItem(top)
        for version in versions:
            in_force = current is not None and version.id == current.id
            state = self.tr("✓ in force") if in_force else ""
            child = QTreeWidgetItem([self.tr("version {0}").format(version.version), "", state, "", self._who(version)])
            child.setData(0, Qt.ItemDataRole.UserRole, version)
            top.addChild(child)
        top.setExpanded(bool(versions))

    def _version_text(self, pack: PackInForce) -> str:
        if pack.published is None:
            return str(pack.pack_version)
        return self.tr("{0} (pack says {1})").format(pack.published.version, pack.pack_version)

    def _who(self, published: PublishedPack | None) -> str:
        if published is None:
            return ""
        return self.tr("{0}, {1}").format(published.published_by, local_datetime(published.published_at))

    def _failed(self, error: Exception) -> None:
        self.messages.show_message(self.tr("Could not read the prompt packs: {0}").format(error), warning=True)

    # -- staying current -------------------------------------------------------------------------------------------

    def on_changes(self, changes: Changes, _initiator: object | None) -> None:
        if changes.prompt_pack:
            self.mark_stale()

    # -- acting ----------------------------------------------------------------------------------------------------

    def selected(self) -> PackInForce | PublishedPack | None:
        current = self.tree.currentItem()
        return None if current is None else current.data(0, Qt.ItemDataRole.UserRole)

    def _enable(self) -> None:
        chosen = self.selected()
        self.open_button.setEnabled(chosen is not None)
        self.rollback_button.setEnabled(isinstance(chosen, PublishedPack) and not chosen.active)

    def _chosen(self) -> None:
        """A pack or version was selected: show its text, unless the editor holds edits (Open replaces those)."""
        self._enable()
        if self._filling or self.selected() is None:
            return
        if self.editor.has_edits():
            self.editor.messages.show_message(
                self.tr("Your edits are kept. Press Open in editor to replace them with the selected pack.")
            )
        else:
            self._open(self.selected())

    def open_selected(self) -> None:
        if self._open(self.selected()):
            self.editor.text.setFocus()

    def _open(self, chosen: PackInForce | PublishedPack | None) -> bool:
        if isinstance(chosen, PackInForce):
            self.editor.open_text(chosen.text, self.tr("{0}: {1}").format(chosen.name, source_text(chosen.source)))
        elif isinstance(chosen, PublishedPack):
            self.editor.open_text(
                chosen.body, self.tr("{0}: published version {1}").format(chosen.name, chosen.version)
            )
        else:
            return False
        return True

    def new_pack(self) -> None:
        self.editor.open_text(NEW_PACK, self.tr("New pack"))
        self.editor.text.setFocus()

    def roll_back(self) -> None:
        chosen = self.selected()
        if not isinstance(chosen, PublishedPack):
            self.messages.show_message(self.tr("Choose a published version of a pack to roll back to."))
            return
        answer = QMessageBox.question(
            self,
            self.tr("Roll back prompt pack"),
            self.tr(
                "Roll back '{0}' to version {1}? Its text is published again as a new version, and every desktop "
                "takes it up at its next sync."
            ).format(chosen.name, chosen.version),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        runtime, name, version = self.context.runtime, chosen.name, chosen.version
        self.context.runner.write(
            lambda: roll_back(runtime, name, version),
            on_done=lambda published: self._rolled_back(published, version),
            on_error=self._roll_back_failed,
            initiator=self,
        )

    def _rolled_back(self, published: PublishedPack, version: int) -> None:
        self.messages.show_message(
            self.tr("'{0}' is back to the text of version {1}, published as version {2}.").format(
                published.name, version, published.version
            )
        )

    def _roll_back_failed(self, error: Exception) -> None:
        self.messages.show_message(self.tr("Not rolled back: {0}").format(error), warning=True)
