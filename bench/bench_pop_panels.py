"""From a screen pop arriving to every panel of the real workspace filled (issue 4: p95 at most 100 ms at 1M callers
/ 10M interactions).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_pop_panels.py --data-dir /work/bench-data/1m [--pops 200]

The workspace is built with `create_app`, as the app builds it, on the generated database. Each pop hands a known
number (from the generator's sidecar) to `window.pop_number`, which is what the single-instance server calls when
`cxassist pop NUMBER` arrives. The clock runs, on the main thread, until both:
- `popped`: the caller card, history and emergency contacts show this caller (the screen pop read on a worker,
  the panels filled on the main thread); and
- `prompts`: the prompts panel shows this caller's prompts with every card built.
Each pop also starts the call (an in-progress interaction is written, as in the app). Pops are 300 ms apart, so the
debounced draft and the start-call write of the previous pop have finished. The first `--warmup` pops are not counted.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import DB_NAME, load_average, machine, read_sidecar, utc_now
from PySide6.QtCore import QElapsedTimer
from PySide6.QtWidgets import QApplication


def percentiles(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    pick = lambda q: ordered[min(len(ordered) - 1, int(len(ordered) * q))]  # noqa: E731
    return {"n": len(ordered), "p50": round(pick(0.5), 2), "p95": round(pick(0.95), 2),
            "p99": round(pick(0.99), 2), "max": round(ordered[-1], 2)}


def settle(app: QApplication, ms: int) -> None:
    end = time.perf_counter() + ms / 1000
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.001)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--pops", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=20)
    args = parser.parse_args()
    known = read_sidecar(args.data_dir / DB_NAME)["known"]
    numbers = [row["e164"] for row in known[: args.pops + args.warmup]]
    from cxassist.app import create_app  # noqa: PLC0415

    app, window = create_app(["--data-dir", str(args.data_dir), "--no-err-windows"], listen=False)
    settle(app, 1500)
    panel, controller = window.prompts, window.controller
    shown_at: list[float] = []
    clock = QElapsedTimer()
    original_show = panel.show_prompts

    def show_prompts(prompts: list[object]) -> list[object]:
        visible = original_show(prompts)  # type: ignore[arg-type]
        shown_at.append(clock.nsecsElapsed() / 1e6)
        return visible  # type: ignore[return-value]

    panel.show_prompts = show_prompts  # type: ignore[method-assign]
    popped_at_ms: list[tuple[str, float]] = []
    controller.popped.connect(lambda pop: popped_at_ms.append((pop.number, clock.nsecsElapsed() / 1e6)))
    popped_ms: list[float] = []
    filled_ms: list[float] = []
    timeouts = 0
    for index, number in enumerate(numbers):
        shown_at.clear()
        popped_at_ms.clear()
        popped_at: float | None = None
        clock.start()
        window.pop_number(number)
        deadline = time.perf_counter() + 5
        while time.perf_counter() < deadline:
            app.processEvents()
            popped_at = next((ms for n, ms in popped_at_ms if n == number), None)
            if popped_at is not None and shown_at and panel.is_complete():
                break
        else:
            timeouts += 1
            continue
        done = clock.nsecsElapsed() / 1e6
        if index >= args.warmup:
            popped_ms.append(popped_at)
            filled_ms.append(done)
        settle(app, 300)
    window.shutdown()
    report = {
        "bench": "screen pop to every panel filled, in the workspace (ms)",
        "command": "QT_QPA_PLATFORM=offscreen python bench/bench_pop_panels.py " + " ".join(sys.argv[1:]),
        "at": utc_now(),
        "machine": machine(),
        "load": load_average(),
        "timeouts": timeouts,
        "results": {"card, history and contacts": percentiles(popped_ms),
                    "every panel incl. prompts": percentiles(filled_ms)},
    }
    for name, figures in report["results"].items():  # type: ignore[union-attr]
        print(f"{name:28} {figures}")
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
