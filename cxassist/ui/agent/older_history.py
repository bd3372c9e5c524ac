"""The history panel's "Older history…" button: the next older page of the caller on screen, from the centre (on a
desktop without sync, from what this computer keeps: the list shows only the newest contacts).

Asking the centre runs on the read pool (network only, never the single writer); keeping its answer and reading the
page back runs on the writer (services.older_history). The caller may change while that runs: a page is shown only if
the same caller is still on screen and the list still ends where it ended when the page was asked for. Otherwise it
is dropped from the screen, but not lost: it is stored, and the next click reads it back.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING
from uuid import UUID

from PySide6.QtCore import QObject

from cxassist.domain.models import Interaction
from cxassist.services.older_history import (
    CentreAnswer,
    OlderPage,
    Problem,
    ask_centre,
    history_since,
    keep_and_read,
    window_start,
)
from cxassist.services.runtime import Runtime
from cxassist.services.screen_pop import ScreenPop
from cxassist.ui.agent.history_view import HistoryPanel
from cxassist.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from cxassist.sync.runner import SyncRunner


class OlderHistory(QObject):
    """`sync()` gives the sync runner when sync works on this computer (None when it could not start)."""

    def __init__(self, runtime: Runtime, runner: TaskRunner, panel: HistoryPanel, *,
                 sync: Callable[[], SyncRunner | None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runtime = runtime
        self.runner = runner
        self.panel = panel
        self.sync = sync
        self.local_only = runtime.settings.sync.backend == "none"
        if self.local_only:
            panel.older_button.setAccessibleName(self.tr("Show older history of this caller kept on this computer"))
        self.caller_id: UUID | None = None
        self.loaded_down_to: datetime | None = None  # the oldest start shown through this button, for this caller
        self.no_more = False
        panel.older_requested.connect(self.request)

    def on_popped(self, pop: ScreenPop) -> None:
        """The panels show a pop: a new caller starts afresh; the same caller again keeps the older pages opened."""
        caller_id = pop.caller.id if pop.caller is not None else None
        if caller_id == self.caller_id:
            if caller_id is not None and self.loaded_down_to is not None:
                runtime, since = self.runtime, self.loaded_down_to
                self.runner.read(lambda: history_since(runtime, caller_id, since),
                                 on_done=lambda items: self._show_again(caller_id, items))
            return
        self.caller_id = caller_id
        self.loaded_down_to = None
        self.no_more = False
        self.panel.forget_place()
        self.panel.set_older_available(caller_id is not None)

    def request(self) -> None:
        caller_id = self.caller_id
        if caller_id is None:
            return
        list_end = self.panel.model.oldest_started()
        # An empty list (the call in progress is not history yet): older is what the pulls do not keep.
        before = list_end or window_start(self.runtime)
        sync = self.sync()
        self.panel.show_older_loading()
        if self.local_only:  # no centre to ask: the page is what this computer keeps
            self._keep(CentreAnswer(), None, caller_id, before, list_end)
            return
        self.runner.read(lambda: ask_centre(sync, caller_id, before=before),
                         on_done=lambda answer: self._keep(answer, sync, caller_id, before, list_end),
                         on_error=lambda error: self._failed(error, caller_id), uses_db=False)

    def _keep(self, answer: CentreAnswer, sync: SyncRunner | None, caller_id: UUID, before: datetime,
              list_end: datetime | None) -> None:
        runtime = self.runtime  # stored even if the agent has moved on: the centre's answer is not thrown away
        self.runner.write(lambda: keep_and_read(runtime, sync, answer, caller_id, before=before),
                          on_done=lambda page: self._show(page, list_end),
                          on_error=lambda error: self._failed(error, caller_id), initiator=self)

    def _show(self, page: OlderPage, list_end: datetime | None) -> None:
        if page.caller_id != self.caller_id or list_end != self.panel.model.oldest_started():
            return  # another caller (or another list) is on screen now
        if page.items:
            self.loaded_down_to = min(item.started_at for item in page.items)
        self.no_more = not page.items and page.problem is None
        message = self._message(page)
        if page.problem is not None and not page.items:
            self.panel.show_older_problem(message)
            return
        self.panel.show_older_page(page.items, message=message, more=not self.no_more)

    def _message(self, page: OlderPage) -> str:
        detail = f" ({page.detail})" if page.detail else ""
        if page.problem is None:
            return "" if page.items else self.tr("No older history")
        if page.problem is Problem.SYNC_OFF:
            why = self.tr("Older history could not be fetched: sync is not working on this computer (see the status "
                          "bar). Nothing was lost.")
        elif page.problem is Problem.REFUSED:
            why = self.tr("Older history could not be fetched: the centre refused this computer{0}. Please tell IT. "
                          "Nothing was lost.").format(detail)
        else:
            why = self.tr("Older history could not be fetched: the centre cannot be reached right now{0}. Nothing "
                          "was lost; try again in a minute.").format(detail)
        if page.items:
            return self.tr("Showing older history kept on this computer only. {0}").format(why)
        return why

    def _failed(self, error: Exception, caller_id: UUID) -> None:
        if caller_id != self.caller_id:
            return
        self.panel.show_older_problem(
            self.tr("Older history could not be shown: {0} Nothing was lost; try again.").format(error))

    def _show_again(self, caller_id: UUID, items: list[Interaction]) -> None:
        if caller_id != self.caller_id:
            return
        self.panel.replace_history(items)
