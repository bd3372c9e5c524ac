"""Main-thread cost of one change of the prompts panel, in the real workspace: the Python call and Qt's layout and
painting that follow it (issue 5).

    QT_QPA_PLATFORM=offscreen python bench/bench_prompts_panel.py [--rounds 15] [--panel-source FILE]

Pops the demo's story caller in a 1400 x 900 window, then, round after round, gives the panel: the same prompts; one
prompt reworded; a care prompt added on top (every card below moves and is renumbered); that prompt gone again; a
prompt added in the middle; and gone again. Each change is timed in main-thread CPU time: `show_prompts` itself, then
the event loop until it is idle (layout, painting). `--panel-source` loads another version of
cxassist/ui/agent/prompts_panel.py instead (e.g. `git show REV:cxassist/ui/agent/prompts_panel.py > FILE`), the
baseline on the same machine and run conditions.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_typing import wait
from common import load_average, machine, utc_now
from PySide6.QtWidgets import QApplication

CHANGES = ("same prompts", "one reworded", "added on top", "removed from top", "added in the middle", "removed again")


def load_panel_source(path: Path) -> None:
    """Put the panel module from `path` in place before the window imports it."""
    spec = importlib.util.spec_from_file_location("cxassist.ui.agent.prompts_panel", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["cxassist.ui.agent.prompts_panel"] = module
    spec.loader.exec_module(module)


def settle(app: QApplication) -> float:
    start = time.thread_time_ns()
    for _ in range(20):
        app.processEvents()
    return (time.thread_time_ns() - start) / 1e6


def timed_change(app: QApplication, panel: Any, prompts: list[Any]) -> tuple[float, float]:
    settle(app)
    start = time.thread_time_ns()
    panel.show_prompts(prompts)
    call = (time.thread_time_ns() - start) / 1e6
    return call, settle(app)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--panel-source", type=Path)
    args = parser.parse_args()
    if args.panel_source:
        load_panel_source(args.panel_source)
    folder = tempfile.TemporaryDirectory()
    from cxassist.cli import main as cli  # noqa: PLC0415

    cli(["--data-dir", folder.name, "demo", "--callers", "30"])
    from cxassist.app import create_app  # noqa: PLC0415

    app, window = create_app(["--data-dir", folder.name, "--no-err-windows", "pop", "+442079460018"], listen=False)
    window.resize(1400, 900)
    wait(app, 1500)
    panel = window.prompts
    base = list(panel._all)
    on_top = replace(base[0], rule_id="bench-on-top", category="care-and-safety",
                     text="She sounds confused; slow down and check she is following, one step at a time.")
    middle = len(base) // 2
    in_middle = replace(base[middle], rule_id="bench-middle", text="Mention the large-print letters she asked about.")
    samples: dict[str, list[tuple[float, float]]] = {name: [] for name in CHANGES}
    for round_ in range(args.rounds):
        reworded = list(base)
        reworded[3] = replace(reworded[3], text=f"{reworded[3].text} ({round_})")
        for name, prompts in zip(CHANGES, (base, reworded, [on_top, *base], base,
                                           [*base[:middle], in_middle, *base[middle:]], base), strict=True):
            samples[name].append(timed_change(app, panel, list(prompts)))
    window.shutdown()
    results = {}
    for name, pairs in samples.items():
        totals = [call + after for call, after in pairs]
        results[name] = {
            "show_prompts_p50": round(statistics.median(call for call, _ in pairs), 2),
            "then_qt_p50": round(statistics.median(after for _, after in pairs), 2),
            "total_p50": round(statistics.median(totals), 2),
            "total_max": round(max(totals), 2),
        }
        print(f"{name:20} " + " ".join(f"{k}={v}" for k, v in results[name].items()))
    print(json.dumps({
        "bench": "prompts panel: main-thread CPU ms per change",
        "command": "QT_QPA_PLATFORM=offscreen python bench/bench_prompts_panel.py " + " ".join(sys.argv[1:]),
        "at": utc_now(), "machine": machine(), "load": load_average(), "prompts": len(base), "results": results,
    }))
    folder.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
