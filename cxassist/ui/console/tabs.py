"""The console's tabs, in the order a supervisor's day runs: who needs care first, then the log, then the rest.

Each tab is a QWidget built from the context, in the order of `sections.SECTIONS` (the names `cxassist console`
takes). Titles carry no mnemonic (the tabs use Alt+letters inside); the window switches tabs with Ctrl+1 to Ctrl+9.
A tab that lists interactions has an `open_interaction` signal (Signal(object), carrying the interaction's UUID);
the window opens the detail view for it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from cxassist.ui.console.context import ConsoleContext


def build_tabs(context: ConsoleContext) -> list[tuple[str, QWidget]]:
    # The console's modules load on its first opening, not with the workspace.
    from cxassist.ui.console.audit_view import AuditLogTab  # noqa: PLC0415
    from cxassist.ui.console.dashboard_view import DashboardTab  # noqa: PLC0415
    from cxassist.ui.console.duty_view import DutyOfCareTab  # noqa: PLC0415
    from cxassist.ui.console.friction_view import FrictionTab  # noqa: PLC0415
    from cxassist.ui.console.log_view import InteractionLogTab  # noqa: PLC0415
    from cxassist.ui.console.packs_view import PromptPacksTab  # noqa: PLC0415

    log = InteractionLogTab(context)
    dashboard = DashboardTab(context)
    log.query_changed.connect(dashboard.set_query)  # the charts follow the log's filters
    return [
        (QCoreApplication.translate("Console", "Duty of care"), DutyOfCareTab(context)),
        (QCoreApplication.translate("Console", "Interaction log"), log),
        (QCoreApplication.translate("Console", "Dashboard"), dashboard),
        (QCoreApplication.translate("Console", "Friction points"), FrictionTab(context)),
        (QCoreApplication.translate("Console", "Prompt packs"), PromptPacksTab(context)),
        (QCoreApplication.translate("Console", "Audit log"), AuditLogTab(context)),
    ]
