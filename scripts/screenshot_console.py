"""Screenshot a tab of the supervisor console on the demo database (for the README and for looking at it).

    .venv/bin/python scripts/screenshot_console.py DATA_DIR OUT.png [--tab dashboard|log|duty|packs]
        [--callers N] [--font-scale 2.0]

Seeds the demo database in DATA_DIR first when it is not there yet (as `cxassist demo` does; an existing one is
reused). The real console window opens as the demo supervisor Helen Ward, with the chosen tab current: a temporary
site file sets and locks the agent, the supervisor role, the look and sync (off), and the environment is not read, so
neither the machine's settings nor CXASSIST_* variables change the picture. The picture is taken once the tab has
what it loads and the task runner has been quiet for a moment. Run it under a real display (`xvfb-run -a`) or
QT_QPA_PLATFORM=offscreen. SHOT_SIZE=WxH sets the window size (default 1440x1000).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractScrollArea, QApplication

from cxassist.config import load_settings, resolve_paths
from cxassist.services import access
from cxassist.services.demo import seed_demo
from cxassist.services.runtime import Runtime, open_runtime
from cxassist.ui.console.context import ConsoleContext
from cxassist.ui.console.window import ConsoleWindow
from cxassist.ui.errors import ErrorReporter
from cxassist.ui.relay import ChangeRelay
from cxassist.ui.tasks import TaskRunner
from cxassist.ui.theme import apply_theme

SUPERVISOR = "helen.ward"  # a supervisor in the demo's agent table (services/demo/data.py)
SITE = """locked = ["agent", "roles", "ui", "sync"]
[agent]
id = "{agent}"
name = "Helen Ward"
team = "Thames"
[roles]
supervisors = ["{agent}"]
[ui]
font_scale = {font_scale}
[sync]
backend = "none"
"""
TIMEOUT_MS = 60_000
QUIET_MS = 800  # the runner idle this long after the tab has its data: the counts and charts are in


# tab name -> (the tab's objectName, "it has what it loads")
TABS: dict[str, tuple[str, Callable[[Any], bool]]] = {
    "dashboard": ("dashboardTab", lambda tab: tab.dashboard is not None),
    "log": ("interactionLogTab", lambda tab: tab.model.rowCount() > 0 and bool(tab.count.text())),
    "duty": ("dutyOfCareTab", lambda tab: bool(tab.count.text())),
    "packs": ("promptPacksTab", lambda tab: tab.tree.topLevelItemCount() > 0),
}


def open_demo(data_dir: Path, site: Path, callers: int) -> Runtime:
    settings = load_settings(data_dir=data_dir, site_config=site, environ={})
    paths = resolve_paths(settings)
    paths.data_dir.mkdir(parents=True, exist_ok=True)
    runtime = open_runtime(settings, paths)
    summary = seed_demo(runtime, callers=callers, seed=7)
    print(f"demo: {summary.interactions} interactions, {summary.callers} callers (reused: {summary.reused})")
    access.open_console(runtime)  # refuses, and audits, an agent without the role
    return runtime


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--tab", choices=list(TABS), default="dashboard", help="the console tab to show")
    parser.add_argument("--callers", type=int, default=60, help="demo callers to seed when none are there yet")
    parser.add_argument("--font-scale", type=float, default=1.0, help="text size, as ui.font_scale (2.0 is 200%%)")
    args = parser.parse_args()
    app = QApplication(["cxassist"])
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site.toml"
        site.write_text(SITE.format(agent=SUPERVISOR, font_scale=args.font_scale), encoding="utf-8")
        runtime = open_demo(args.data_dir, site, args.callers)
    apply_theme(app, runtime.settings.ui)
    relay, errors = ChangeRelay(), ErrorReporter(windows=False, crash_folder=runtime.paths.log_dir)
    runner = TaskRunner(relay, errors)
    window = ConsoleWindow(ConsoleContext(runtime=runtime, runner=runner, errors=errors))
    object_name, loaded = TABS[args.tab]
    tab = window.tab(object_name)
    window.tabs.setCurrentWidget(tab)
    width, height = (int(v) for v in os.environ.get("SHOT_SIZE", "1440x1000").split("x"))
    window.resize(width, height)
    window.show()
    outcome = {"code": 1}
    quiet = QTimer(singleShot=True, interval=QUIET_MS)

    def shoot() -> None:
        if not loaded(tab):
            return  # a task finished that was not the tab's: wait for the next
        for area in tab.findChildren(QAbstractScrollArea):
            area.verticalScrollBar().setValue(0)
        window.grab().save(str(args.out))
        print(f"saved {args.out} ({args.tab}, {width}x{height})")
        outcome["code"] = 0
        app.quit()

    quiet.timeout.connect(shoot)
    runner.task_finished.connect(quiet.start)  # each finished task restarts the wait
    quiet.start()
    QTimer.singleShot(TIMEOUT_MS, app.quit)
    app.exec()
    runner.shutdown(wait=True)
    runtime.close()
    if outcome["code"]:
        print(f"the {args.tab} tab did not load in time", file=sys.stderr)
    return outcome["code"]


if __name__ == "__main__":
    sys.exit(main())
