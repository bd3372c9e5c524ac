"""What the Qt main thread was doing during each long gap while an agent types a note (issue 5).

    QT_QPA_PLATFORM=offscreen python bench/probe_typing.py [--data-dir DIR] [--keys 300] [--block 50]
        [--pause-every 10] [--over 10] [--events]

Three conditions take turns, `--block` keystrokes at a time, so the machine's own noise falls on all of them alike:
- prompts: the real workspace, the prompts re-evaluated after each pause in typing, as the app runs;
- no prompts: the same window and note with the prompts controller's `evaluate` made a no-op (redaction, the draft
  and everything else still run);
- bare: the same keystrokes into a bare QPlainTextEdit beside the window.
A key every 25 ms and a 450 ms pause after every `--pause-every` keys (the prompts' debounce is 300 ms: without
pauses they would be evaluated once per block). Each block starts from an empty note and ends with a pause. A 2 ms
timer on the main thread records the gaps between its ticks, as bench_typing.py does.

For every gap over `--over` ms the probe says what overlapped it:
- cpu: the main thread's CPU time in the gap; queued: time it was ready to run but the machine gave it no CPU
  (run-queue wait, /proc/.../schedstat); blocked: the rest (waiting for the GIL that a worker held, or asleep, or
  the VM itself not running); other threads' cpu: the rest of the process;
- main: the app's calls on the main thread (every snake_case method of every class in cxassist.ui is timed: the
  prompts controller and panel, the cards, the runner's result delivery, the form's redaction, the draft...);
- worker: every task of the runner's pools (the prompts' evaluation competes for the GIL); gc: Python's collections
  (gc.callbacks, any thread);
- with --events, Qt's own work: each event the application delivers is charged the time to the next one, so the
  layout and painting that follow a change of the prompts panel are named (widgets inside it are "prompts panel/").
- prompts share: main-thread time in prompts code, plus Qt's work on the panel, plus (while a prompts task ran on a
  worker) the blocked time. A gap over 16 ms is marked PROMPTS when it would not have passed 16 ms without that
  share. The share is generous: Qt's work is charged in wall time, waits included.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_typing import TEXT, wait
from common import load_average, machine, utc_now
from probe_recorder import PANEL, EventLog, Interval, Recorder, instrument
from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit

CONDITIONS = ("prompts", "no prompts", "bare")
PAUSE_MS = 450  # longer than the prompts' debounce (300 ms) and the draft's
Gap = tuple[int, int, float, float, float]  # start ns, end ns; main thread's CPU, run-queue wait; other threads' CPU


class TickMeter:
    """A 2 ms main-thread timer; each tick records the time, the thread's CPU time and its run-queue wait."""

    def __init__(self) -> None:
        self._schedstat = os.open(f"/proc/self/task/{threading.get_native_id()}/schedstat", os.O_RDONLY)
        self.ticks: list[tuple[int, int, int, int]] = []
        self.timer = QTimer()
        self.timer.setInterval(2)
        self.timer.timeout.connect(self.tick)

    def tick(self) -> None:
        queued = int(os.pread(self._schedstat, 200, 0).split()[1])
        self.ticks.append((time.perf_counter_ns(), time.thread_time_ns(), queued, time.process_time_ns()))

    def start(self) -> None:
        self.ticks.clear()
        self.tick()
        self.timer.start()

    def stop(self) -> list[tuple[int, int, int, int]]:
        self.timer.stop()
        return list(self.ticks)


def merged(intervals: list[Interval]) -> list[tuple[int, int]]:
    spans = sorted((s, e) for s, e, _ in intervals)
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def overlap(spans: list[tuple[int, int]], start: int, end: int) -> float:
    return sum(max(0, min(e, end) - max(s, start)) for s, e in spans) / 1e6


def is_prompts(label: str) -> bool:
    return label.startswith("prompts_")


def explain(gap: Gap, recorder: Recorder, threshold: float, events: EventLog | None) -> dict[str, Any]:
    start, end, cpu, queued, others = gap
    wall = (end - start) / 1e6
    blocked = max(0.0, wall - cpu - queued)
    inside = [c for c in recorder.main if c[1] > start and c[0] < end]
    prompts_main = overlap(merged([(s, e, label) for s, e, label, _ in inside if is_prompts(label)]), start, end)
    other_main = overlap(merged([(s, e, label) for s, e, label, _ in inside if not is_prompts(label)]), start, end)
    workers = [w for w in recorder.worker if w[1] > start and w[0] < end]
    prompt_tasks = [w for w in workers if "PromptsController" in w[2]]
    worker_ms = overlap(merged(prompt_tasks), start, end)
    gcs = [g for g in recorder.gcs if g[1] > start and g[0] < end]
    qt_work = events.charged(start, end) if events else {}
    prompts_qt = sum(ms for what, ms in qt_work.items() if PANEL in what)
    # Generous to the prompts: Qt's work on the panel is charged in wall time (waits included) and may repeat time
    # already counted in a prompts call; only the sum is capped at the gap.
    prompts_share = min(wall, prompts_main + prompts_qt + min(blocked, worker_ms))
    calls = [
        f"{(min(e, end) - max(s, start)) / 1e6:6.2f} {'  ' * depth}{label}"
        for s, e, label, depth in sorted(inside, key=lambda c: (c[0], c[3]))
        if (min(e, end) - max(s, start)) / 1e6 >= 0.3
    ]
    return {
        "wall": round(wall, 2),
        "cpu": round(cpu, 2),
        "queued": round(queued, 2),
        "blocked": round(blocked, 2),
        "prompts_main": round(prompts_main, 2),
        "other_main": round(other_main, 2),
        "prompts_worker": round(worker_ms, 2),
        "prompts_qt": round(prompts_qt, 2),
        "other_threads_cpu": round(others, 2),
        "worker_tasks": [f"{label} {overlap([(s, e)], start, end):.1f}" for s, e, label in workers],
        "gc": [f"{label} {overlap([(s, e)], start, end):.1f}" for s, e, label in gcs],
        "prompts_share": round(prompts_share, 2),
        "ours": wall > threshold and prompts_share > 0 and wall - prompts_share <= threshold,
        "calls": calls,
        "events": [f"{ms:6.2f} {what}" for what, ms in sorted(qt_work.items(), key=lambda kv: -kv[1])[:6]],
    }


def gaps_of(ticks: list[tuple[int, int, int, int]]) -> list[Gap]:
    return [
        (t0, t1, (c1 - c0) / 1e6, (q1 - q0) / 1e6, (p1 - p0 - c1 + c0) / 1e6)
        for (t0, c0, q0, p0), (t1, c1, q1, p1) in itertools.pairwise(ticks)
    ]


def summary(gaps: list[Gap]) -> dict[str, float]:
    walls = sorted((g[1] - g[0]) / 1e6 for g in gaps)
    if not walls:
        return {"n": 0}
    return {
        "n": len(walls),
        "p50": round(walls[len(walls) // 2], 2),
        "p99": round(walls[min(len(walls) - 1, int(len(walls) * 0.99))], 2),
        "max": round(walls[-1], 2),
        "over_16ms": sum(1 for w in walls if w > 16),
        "over_50ms": sum(1 for w in walls if w > 50),
    }


def longest_calls(recorder: Recorder, spans: list[tuple[int, int]], count: int = 8) -> list[str]:
    """The main thread's outermost app calls made within `spans` (a condition's blocks), slowest first."""
    worst: dict[str, tuple[int, float, float]] = {}
    for start, end, label, depth in recorder.main:
        if depth == 0 and any(s <= start and end <= e for s, e in spans):
            n, longest, total = worst.get(label, (0, 0.0, 0.0))
            ms = (end - start) / 1e6
            worst[label] = (n + 1, max(longest, ms), total + ms)
    ranked = sorted(worst.items(), key=lambda kv: -kv[1][1])[:count]
    return [f"{label}: {n} calls, max {longest:.2f}, total {total:.1f}" for label, (n, longest, total) in ranked]


def collections_in(recorder: Recorder, spans: list[tuple[int, int]]) -> str:
    found = [(label, (e - s) / 1e6) for s, e, label in recorder.gcs if any(a <= s and e <= b for a, b in spans)]
    if not found:
        return "none"
    return f"{len(found)}, longest {max(ms for _, ms in found):.2f} ms ({max(found, key=lambda f: f[1])[0]})"


def type_block(app: QApplication, widget: QPlainTextEdit, keys: int, *, offset: int, pause_every: int) -> None:
    """A key every 25 ms, and a pause longer than the debounce after every `pause_every` keys (as an agent stops to
    listen), so the prompts are re-evaluated and redrawn many times while typing goes on."""
    for index in range(offset, offset + keys):
        QTest.keyClicks(widget, TEXT[index % len(TEXT)])
        wait(app, 25)
        if pause_every and (index + 1) % pause_every == 0:
            wait(app, PAUSE_MS)
    wait(app, PAUSE_MS)  # the debounced re-evaluation after the last key


def run(
    app: QApplication, window: Any, args: argparse.Namespace, recorder: Recorder
) -> tuple[dict[str, list[Any]], dict[str, list[tuple[int, int]]]]:
    meter = TickMeter()
    bare = QPlainTextEdit()
    bare.show()
    gaps: dict[str, list[Any]] = {name: [] for name in CONDITIONS}
    spans: dict[str, list[tuple[int, int]]] = {name: [] for name in CONDITIONS}
    for offset in range(0, args.keys, args.block):
        keys = min(args.block, args.keys - offset)
        for condition in CONDITIONS:
            widget = bare if condition == "bare" else window.form.note
            recorder.prompts_on = condition == "prompts"
            widget.clear()
            widget.setFocus()
            wait(app, 600)
            meter.start()
            type_block(app, widget, keys, offset=offset, pause_every=args.pause_every)
            ticks = meter.stop()
            gaps[condition].extend(gaps_of(ticks))
            spans[condition].append((ticks[0][0], ticks[-1][0]))
    recorder.prompts_on = True
    bare.close()
    return gaps, spans


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--keys", type=int, default=300, help="keystrokes per condition")
    parser.add_argument("--block", type=int, default=50, help="keystrokes per turn of a condition")
    parser.add_argument("--pause-every", type=int, default=10, help="pause after this many keys (0: never)")
    parser.add_argument("--events", action="store_true", help="also log every Qt event (slows the window a little)")
    parser.add_argument("--over", type=float, default=10.0, help="explain gaps longer than this (ms)")
    parser.add_argument("--threshold", type=float, default=16.0, help="the target (ms)")
    args = parser.parse_args()
    folder = tempfile.TemporaryDirectory()
    data_dir = args.data_dir or Path(folder.name)
    from cxassist.cli import main as cli  # noqa: PLC0415

    if args.data_dir is None:
        cli(["--data-dir", str(data_dir), "demo", "--callers", "200"])
    recorder = Recorder()
    instrument(recorder)
    from cxassist.app import create_app  # noqa: PLC0415

    app, window = create_app(["--data-dir", str(data_dir), "--no-err-windows", "pop", "+442079460018"], listen=False)
    wait(app, 1500)
    events = EventLog(window.prompts) if args.events else None
    if events:
        app.installEventFilter(events)
    load_before = load_average()
    gaps, spans = run(app, window, args, recorder)
    results: dict[str, Any] = {}
    for condition in CONDITIONS:
        long_gaps = [
            explain(g, recorder, args.threshold, events) for g in gaps[condition] if (g[1] - g[0]) / 1e6 > args.over
        ]
        results[condition] = {
            **summary(gaps[condition]),
            "gc": collections_in(recorder, spans[condition]),
            "longest_calls": longest_calls(recorder, spans[condition]),
            "explained": long_gaps,
        }
    window.shutdown()
    window.close()
    report = {
        "bench": "typing: what the main thread did during each long gap (ms)",
        "command": "QT_QPA_PLATFORM=offscreen python bench/probe_typing.py " + " ".join(sys.argv[1:]),
        "at": utc_now(),
        "machine": machine(),
        "load": [load_before, load_average()],
        "results": results,
    }
    print_report(results, args.threshold)
    print(json.dumps(report))
    folder.cleanup()
    return 0


def print_report(results: dict[str, Any], threshold: float) -> None:
    for condition, figures in results.items():
        print(f"{condition:12} " + " ".join(f"{k}={v}" for k, v in figures.items() if not isinstance(v, list)))
        for line in figures["longest_calls"]:
            print(f"    {line}")
    for condition, figures in results.items():
        for gap in figures["explained"]:
            verdict = f"PROMPTS (> {threshold:g} ms because of it)" if gap["ours"] else "not prompts"
            print(
                f"  [{condition}] {gap['wall']:6.2f} ms: main cpu {gap['cpu']} queued {gap['queued']} blocked "
                f"{gap['blocked']}; other threads' cpu {gap['other_threads_cpu']} | prompts main "
                f"{gap['prompts_main']} qt {gap['prompts_qt']} worker {gap['prompts_worker']} | other app "
                f"{gap['other_main']} | gc {gap['gc'] or '-'} -> {verdict}"
            )
            for task in gap["worker_tasks"]:
                print(f"        worker {task}")
            for line in gap["calls"]:
                print(f"        {line}")
            for line in gap["events"]:
                print(f"        event {line}")


if __name__ == "__main__":
    sys.exit(main())
