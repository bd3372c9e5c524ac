"""The instruments of probe_typing.py: timed calls on the main thread and workers, gc pauses, and Qt's events.

`instrument` must run before the window is built: signals are connected to the timed methods only if the timing is in
place when the connections are made.
"""

from __future__ import annotations

import bisect
import concurrent.futures.thread
import functools
import gc
import importlib
import inspect
import pkgutil
import threading
import time
from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

import cxassist.ui

PANEL = "prompts panel/"
Interval = tuple[int, int, str]  # start ns, end ns, what


class Recorder:
    """Intervals of timed calls (main thread and workers) and of gc collections, on the perf_counter clock."""

    def __init__(self) -> None:
        self.main_thread = threading.get_ident()
        self.main: list[tuple[int, int, str, int]] = []  # start, end, label, depth
        self.worker: list[Interval] = []
        self.gcs: list[Interval] = []
        self._depth = 0
        self._gc_start: dict[int, int] = {}
        self.prompts_on = True

    def time_method(self, owner: Any, name: str, label: str) -> None:
        original = getattr(owner, name)
        recorder = self

        def call(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter_ns()
            if threading.get_ident() != recorder.main_thread:
                try:
                    return original(*args, **kwargs)
                finally:
                    recorder.worker.append((start, time.perf_counter_ns(), label))
            recorder._depth += 1
            try:
                return original(*args, **kwargs)
            finally:
                recorder._depth -= 1
                recorder.main.append((start, time.perf_counter_ns(), label, recorder._depth))

        setattr(owner, name, functools.wraps(original)(same_parameters(original, call)))

    def on_gc(self, phase: str, info: dict[str, int]) -> None:
        thread = threading.get_ident()
        if phase == "start":
            self._gc_start[thread] = time.perf_counter_ns()
        elif thread in self._gc_start:
            where = "main" if thread == self.main_thread else "worker"
            self.gcs.append((self._gc_start.pop(thread), time.perf_counter_ns(), f"gen{info['generation']} {where}"))


def same_parameters(original: Any, call: Any) -> Any:
    """A function with `original`'s parameters that forwards to `call`: PySide passes a slot only as many of a
    signal's arguments as the slot's code accepts, so a `*args` wrapper would be handed arguments the method refuses."""
    params, forward = [], []
    for param in inspect.signature(original).parameters.values():
        placeholder = "=None" if param.default is not param.empty else ""
        if param.kind is param.VAR_POSITIONAL:
            params.append(f"*{param.name}")
            forward.append(f"*{param.name}")
        elif param.kind is param.VAR_KEYWORD:
            params.append(f"**{param.name}")
            forward.append(f"**{param.name}")
        elif param.kind is param.KEYWORD_ONLY:
            if not any(p.startswith("*") for p in params):
                params.append("*")
            params.append(param.name + placeholder)
            forward.append(f"{param.name}={param.name}")
        else:
            params.append(param.name + placeholder)
            forward.append(param.name)
    namespace: dict[str, Any] = {"_probe_forward_to": call}  # a name no method uses for a parameter
    exec(f"def forwarding({', '.join(params)}):\n    return _probe_forward_to({', '.join(forward)})", namespace)
    function = namespace["forwarding"]
    function.__defaults__ = original.__defaults__
    function.__kwdefaults__ = original.__kwdefaults__
    return function


def instrument(recorder: Recorder) -> None:
    """Time every snake_case method of every class defined in cxassist.ui (before any object exists, so signal
    connections reach the timed versions), the worker's `prompts_for`, and switch `evaluate` with the condition."""
    from cxassist.ui.agent import prompts_controller  # noqa: PLC0415

    original_evaluate = prompts_controller.PromptsController.evaluate

    def evaluate(self: Any) -> None:
        if recorder.prompts_on:
            original_evaluate(self)

    prompts_controller.PromptsController.evaluate = evaluate  # type: ignore[method-assign]
    for module_info in pkgutil.walk_packages(cxassist.ui.__path__, "cxassist.ui."):
        module = importlib.import_module(module_info.name)
        for cls in vars(module).values():
            if not inspect.isclass(cls) or cls.__module__ != module.__name__:
                continue
            for name, member in list(vars(cls).items()):
                if inspect.isfunction(member) and name.lower() == name and not name.startswith("__"):
                    recorder.time_method(cls, name, f"{module.__name__.rsplit('.', 1)[1]}:{cls.__name__}.{name}")
    gc.callbacks.append(recorder.on_gc)
    work_item: Any = concurrent.futures.thread._WorkItem  # every task the runner's executors run
    run_task = work_item.run

    def timed_task(item: Any) -> None:
        start = time.perf_counter_ns()
        try:
            run_task(item)
        finally:
            label = getattr(item.fn, "__qualname__", repr(item.fn))
            recorder.worker.append((start, time.perf_counter_ns(), f"{threading.current_thread().name}: {label}"))

    work_item.run = timed_task


class EventLog(QObject):
    """With --events: every event the application delivers, with its receiver, as it starts. The time to the next
    event's start is charged to it, which names Qt's own work (layout, paint) that no Python call covers."""

    def __init__(self, panel: QWidget) -> None:
        super().__init__()
        self.panel = panel
        self.events: list[tuple[int, str]] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        where = watched.objectName() or type(watched).__name__
        if isinstance(watched, QWidget) and (watched is self.panel or self.panel.isAncestorOf(watched)):
            where = PANEL + where
        self.events.append((time.perf_counter_ns(), f"{event.type().name} {where}"))
        return False

    def charged(self, start: int, end: int) -> dict[str, float]:
        times = [t for t, _ in self.events]
        first = max(0, bisect.bisect_left(times, start) - 1)
        last = bisect.bisect_left(times, end)
        charged: dict[str, float] = {}
        for index in range(first, last):
            at, what = self.events[index]
            until = self.events[index + 1][0] if index + 1 < len(self.events) else end
            ms = (min(until, end) - max(at, start)) / 1e6
            if ms > 0:
                charged[what] = charged.get(what, 0.0) + ms
        return charged
