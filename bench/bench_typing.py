"""Main-thread stalls while an agent types a note and switches callers, in the real workspace.

    QT_QPA_PLATFORM=offscreen python bench/bench_typing.py [--data-dir DIR] [--keys 400] [--pause-every 10]

A 2 ms timer on the Qt main thread records the gap between its ticks while keystrokes arrive every 25 ms (prompts
re-evaluate on a worker after each pause) and, in a second phase, while callers are popped one after another. A gap
longer than the timer's period is time the main thread could not answer: the longest gaps are the stalls. Beside it,
the baseline on the same run: the same typing into a bare QPlainTextEdit in an otherwise empty window. Without
--data-dir, a demo database is made in a temporary folder.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import load_average, machine, utc_now
from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit

TEXT = "Caller says she cannot find the letter about the refund and she sounds confused, keeps repeating herself. "


class GapMeter:
    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.gaps_ms: list[float] = []
        self.timer = QTimer()
        self.timer.setInterval(2)
        self.timer.timeout.connect(self._tick)
        self._last = 0

    def start(self) -> None:
        self.gaps_ms.clear()
        self.clock.start()
        self._last = self.clock.nsecsElapsed()
        self.timer.start()

    def stop(self) -> dict[str, float]:
        self.timer.stop()
        gaps = sorted(self.gaps_ms)
        if not gaps:
            return {"n": 0}
        return {
            "n": len(gaps),
            "p50": round(gaps[len(gaps) // 2], 2),
            "p99": round(gaps[min(len(gaps) - 1, int(len(gaps) * 0.99))], 2),
            "max": round(gaps[-1], 2),
            "over_16ms": sum(1 for g in gaps if g > 16),
            "over_50ms": sum(1 for g in gaps if g > 50),
        }

    def _tick(self) -> None:
        now = self.clock.nsecsElapsed()
        self.gaps_ms.append((now - self._last) / 1e6)
        self._last = now


def wait(app: QApplication, ms: int) -> None:
    end = time.perf_counter() + ms / 1000
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.001)


def type_into(app: QApplication, widget: QPlainTextEdit, keys: int, pause_every: int = 0) -> None:
    """A key every 25 ms; with `pause_every`, a 450 ms pause after that many keys. Without pauses the prompts'
    300 ms debounce never fires until the last key, so only pauses make the prompts re-evaluate while typing."""
    for index in range(keys):
        QTest.keyClicks(widget, TEXT[index % len(TEXT)])
        wait(app, 25)
        if pause_every and (index + 1) % pause_every == 0:
            wait(app, 450)
    wait(app, 600)  # the debounced re-evaluation after the last key


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--keys", type=int, default=400)
    parser.add_argument("--pause-every", type=int, default=0, help="pause 450 ms after this many keys (0: never)")
    args = parser.parse_args()
    folder = tempfile.TemporaryDirectory()
    data_dir = args.data_dir or Path(folder.name)
    from cxassist.cli import main as cli  # noqa: PLC0415

    if args.data_dir is None:
        cli(["--data-dir", str(data_dir), "demo", "--callers", "200"])
    from cxassist.app import create_app  # noqa: PLC0415

    app, window = create_app(["--data-dir", str(data_dir), "--no-err-windows", "pop", "+442079460018"], listen=False)
    meter = GapMeter()
    wait(app, 1500)
    window.form.note.setFocus()
    meter.start()
    type_into(app, window.form.note, args.keys, args.pause_every)
    typing = meter.stop()
    numbers = [
        r[0]
        for r in window.runtime.db.engine.connect()
        .exec_driver_sql("SELECT e164 FROM caller_phone ORDER BY e164 LIMIT 40")
        .fetchall()
    ]
    meter.start()
    for number in numbers:
        window.form.note.clear()
        window.pop_number(number)
        wait(app, 150)
    wait(app, 600)
    switching = meter.stop()
    window.shutdown()
    window.close()

    bare = QPlainTextEdit()
    bare.show()
    bare.setFocus()
    wait(app, 300)
    meter.start()
    type_into(app, bare, args.keys, args.pause_every)
    baseline = meter.stop()
    results = {"typing a note": typing, "switching callers": switching, "baseline: bare text box": baseline}
    report = {
        "bench": "typing and switching callers (main-thread gaps, ms)",
        "command": "QT_QPA_PLATFORM=offscreen python bench/bench_typing.py " + " ".join(sys.argv[1:]),
        "at": utc_now(),
        "machine": machine(),
        "load": load_average(),
        "results": results,
    }
    for name, figures in results.items():
        print(f"{name:24} {figures}")
    print(json.dumps(report))
    folder.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
