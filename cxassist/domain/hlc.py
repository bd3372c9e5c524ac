"""A hybrid logical clock (Kulkarni et al., "Logical Physical Clocks", 2014): the version of every row.

A `Timestamp` is (physical_ms, counter, node). physical_ms follows the wall clock in milliseconds since the
Unix epoch but never goes backwards; counter orders events within one millisecond and those caused by a
remote clock that is ahead; node (the desktop's id) breaks the remaining ties, so two desktops never produce
equal stamps.

Contract:
- `HybridClock.now()` (a local or send event) returns a stamp greater than every stamp this clock returned
  before, even when the wall clock stands still or goes backwards.
- `HybridClock.update(remote)` (a receive event) returns a stamp greater than every earlier local stamp and,
  when `remote` is within `max_drift_ms` of the local wall clock, greater than `remote`: a receive sorts after
  its send, so the newest-hlc-wins rule keeps causal order.
- `Timestamp.encode()` is fixed-width text that sorts as the stamps do; it is what the database and the sync
  wire carry. `Timestamp.decode` reverses it and raises ValueError on anything else.

Choice on drift: `update()` never raises, because a desktop whose clock is hours off still has data that must
sync. But a remote whose physical time is more than `max_drift_ms` ahead of our wall clock is adopted only up
to wall + max_drift_ms: one desktop with its clock set to next year cannot drag every clock it talks to a year
ahead, where the stamps would then beat every honest edit made until then. The price: a receive from such
a clock may sort *before* its send. `last_update_clamped` tells the caller, for its log.

Counter overflow (more than 99,999 events in one millisecond, or a remote with a huge counter) carries into
physical_ms, keeping the encoding fixed-width. The clock is thread-safe.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

__all__ = ["MAX_COUNTER", "MAX_PHYSICAL_MS", "HybridClock", "Timestamp"]

MAX_PHYSICAL_MS = 10**15 - 1  # 15 digits: good for about 31,000 years after 1970
MAX_COUNTER = 10**5 - 1  # 5 digits
_NODE = re.compile(r"[A-Za-z0-9._-]{1,64}", re.ASCII)
_ENCODED = re.compile(r"([0-9]{15})-([0-9]{5})-([A-Za-z0-9._-]{1,64})", re.ASCII)


def _wall_ms() -> int:
    return time.time_ns() // 1_000_000


@dataclass(frozen=True, order=True)
class Timestamp:
    """One HLC stamp; compares as the tuple (physical_ms, counter, node)."""

    physical_ms: int
    counter: int
    node: str

    ENCODED_EXAMPLE: ClassVar[str] = "001732358400000-00000-desk-042"

    def __post_init__(self) -> None:
        if not 0 <= self.physical_ms <= MAX_PHYSICAL_MS:
            raise ValueError(f"HLC physical_ms must be 0..{MAX_PHYSICAL_MS}, got {self.physical_ms}")
        if not 0 <= self.counter <= MAX_COUNTER:
            raise ValueError(f"HLC counter must be 0..{MAX_COUNTER}, got {self.counter}")
        if not _NODE.fullmatch(self.node):
            raise ValueError(f"HLC node id {self.node!r} must be 1-64 characters of letters, digits, '-', '_' and '.'")

    def encode(self) -> str:
        """Return `PPPPPPPPPPPPPPP-CCCCC-node`; text order equals timestamp order."""
        return f"{self.physical_ms:015d}-{self.counter:05d}-{self.node}"

    @classmethod
    def decode(cls, text: str) -> Timestamp:
        """Parse what `encode` produced; raise ValueError naming the text otherwise."""
        match = _ENCODED.fullmatch(text) if isinstance(text, str) else None
        if match is None:
            shown = repr(text) if len(repr(text)) <= 80 else repr(text)[:77] + "..."
            raise ValueError(
                f"{shown} is not an HLC timestamp: expected 15 digits, '-', 5 digits, '-', and a node id "
                f"of letters, digits, '-', '_' or '.', such as {cls.ENCODED_EXAMPLE!r}"
            )
        return cls(int(match.group(1)), int(match.group(2)), match.group(3))


class HybridClock:
    """The HLC of one node. `wall_ms` is injectable for tests; it returns milliseconds since the epoch."""

    def __init__(
        self,
        node: str,
        wall_ms: Callable[[], int] = _wall_ms,
        max_drift_ms: int = 24 * 3600 * 1000,
    ) -> None:
        if max_drift_ms < 0:
            raise ValueError(f"max_drift_ms must not be negative, got {max_drift_ms}")
        Timestamp(0, 0, node)  # validates the node id now, not at the first stamp
        self._node = node
        self._wall_ms = wall_ms
        self._max_drift_ms = max_drift_ms
        self._physical = 0
        self._counter = -1  # so that the first stamp in millisecond 0 has counter 0
        self._clamped = False
        self._lock = threading.Lock()

    @property
    def node(self) -> str:
        return self._node

    @property
    def last_update_clamped(self) -> bool:
        """True when the last `update()` met a remote beyond the drift limit and did not adopt it in full."""
        return self._clamped

    def now(self) -> Timestamp:
        """Stamp a local or send event."""
        with self._lock:
            wall = self._wall()
            if wall > self._physical:
                self._physical, self._counter = wall, 0
            else:
                self._counter += 1
            return self._stamp()

    def update(self, remote: Timestamp) -> Timestamp:
        """Stamp the receipt of `remote`; never raises. See the module docstring for the drift limit."""
        with self._lock:
            wall = self._wall()
            limit = min(wall + self._max_drift_ms, MAX_PHYSICAL_MS)
            self._clamped = remote.physical_ms > limit
            # A clamped remote is treated as if it were stamped at the limit: it still moves us forward.
            remote_physical = min(remote.physical_ms, limit)
            remote_counter = remote.counter if not self._clamped else 0
            physical = max(self._physical, remote_physical, wall)
            if physical == self._physical == remote_physical:
                counter = max(self._counter, remote_counter) + 1
            elif physical == self._physical:
                counter = self._counter + 1
            elif physical == remote_physical:
                counter = remote_counter + 1
            else:
                counter = 0
            self._physical, self._counter = physical, counter
            return self._stamp()

    def _wall(self) -> int:
        return min(max(int(self._wall_ms()), 0), MAX_PHYSICAL_MS)

    def _stamp(self) -> Timestamp:
        """Carry counter overflow into physical_ms, then build the stamp (called with the lock held)."""
        if self._counter > MAX_COUNTER:
            self._physical += self._counter // (MAX_COUNTER + 1)
            self._counter %= MAX_COUNTER + 1
        if self._physical > MAX_PHYSICAL_MS:  # the year 33658: a broken wall clock, not a real date
            raise OverflowError("HLC physical time passed its 15-digit range")
        return Timestamp(self._physical, self._counter, self._node)
