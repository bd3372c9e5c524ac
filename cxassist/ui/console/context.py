"""What every console tab is given: the runtime, the runner, the error reporter and the change relay."""

from __future__ import annotations

from dataclasses import dataclass

from cxassist.services.runtime import Runtime
from cxassist.ui.errors import ErrorReporter
from cxassist.ui.relay import ChangeRelay
from cxassist.ui.tasks import TaskRunner


@dataclass(frozen=True, slots=True)
class ConsoleContext:
    runtime: Runtime
    runner: TaskRunner
    errors: ErrorReporter

    @property
    def relay(self) -> ChangeRelay:
        return self.runner.relay
