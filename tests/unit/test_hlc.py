"""The hybrid logical clock and its timestamp encoding (cxassist.domain.hlc)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cxassist.domain.hlc import MAX_COUNTER, MAX_PHYSICAL_MS, HybridClock, Timestamp

HOUR = 3600 * 1000
DAY = 24 * HOUR
NOW = 1_732_358_400_000  # 2024-11-23T10:40:00Z
PROPERTY = settings(max_examples=200, deadline=None)
QUICK = settings(max_examples=100, deadline=None)  # cheap, exhaustive-enough properties

nodes = st.text(alphabet="abcxyzABC019-_.", min_size=1, max_size=12)
timestamps = st.builds(
    Timestamp,
    physical_ms=st.integers(0, MAX_PHYSICAL_MS),
    counter=st.integers(0, MAX_COUNTER),
    node=nodes,
)


class FakeWall:
    """A wall clock the test moves by hand."""

    def __init__(self, ms: int = NOW) -> None:
        self.ms = ms

    def __call__(self) -> int:
        return self.ms


def wall_from(values: list[int]) -> Callable[[], int]:
    """A wall clock that returns `values` in turn, then keeps returning the last one."""
    source: Iterator[int] = iter(values)
    last = [values[0] if values else NOW]

    def read() -> int:
        last[0] = next(source, last[0])
        return last[0]

    return read


def test_encode_is_fixed_width_and_decodes_back() -> None:
    stamp = Timestamp(NOW, 7, "desk-042")
    assert stamp.encode() == "001732358400000-00007-desk-042"
    assert Timestamp.decode("001732358400000-00007-desk-042") == stamp
    assert Timestamp.decode(Timestamp(0, 0, "a").encode()) == Timestamp(0, 0, "a")


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "not a stamp",
        "1732358400000-7-desk",
        "001732358400000-00007-",
        "001732358400000-00007-desk 042",
        "001732358400000-00007-desk/042",
        "001732358400000-0007-desk",
        "001732358400000-00007-desk\n",
        "-01732358400000-00007-desk",
        "００１７３２３５８４０００００-00007-desk",
        "001732358400000-00007-" + "n" * 65,
    ],
)
def test_decode_refuses_anything_else_with_a_clear_message(bad: str) -> None:
    with pytest.raises(ValueError, match="is not an HLC timestamp: expected 15 digits") as caught:
        Timestamp.decode(bad)
    assert repr(bad)[:40] in str(caught.value)


@pytest.mark.parametrize(
    ("physical_ms", "counter", "node"),
    [
        (-1, 0, "n"),
        (MAX_PHYSICAL_MS + 1, 0, "n"),
        (0, -1, "n"),
        (0, MAX_COUNTER + 1, "n"),
        (0, 0, ""),
        (0, 0, "a b"),
        (0, 0, "é"),
        (0, 0, "x" * 65),
    ],
)
def test_timestamp_refuses_values_the_encoding_cannot_order(physical_ms: int, counter: int, node: str) -> None:
    with pytest.raises(ValueError, match="HLC"):
        Timestamp(physical_ms, counter, node)


def test_clock_refuses_a_bad_node_or_drift() -> None:
    with pytest.raises(ValueError, match="node id"):
        HybridClock("desk 1")
    with pytest.raises(ValueError, match="max_drift_ms"):
        HybridClock("desk", max_drift_ms=-1)


def test_default_wall_clock_is_the_system_time_in_ms() -> None:
    before = time.time_ns() // 1_000_000
    stamp = HybridClock("desk").now()
    after = time.time_ns() // 1_000_000
    assert before <= stamp.physical_ms <= after
    assert stamp.counter == 0 and stamp.node == "desk"


def test_now_counts_within_a_millisecond_and_resets_when_time_moves() -> None:
    wall = FakeWall()
    clock = HybridClock("a", wall_ms=wall)
    assert [clock.now() for _ in range(3)] == [Timestamp(NOW, c, "a") for c in range(3)]
    wall.ms += 5
    assert clock.now() == Timestamp(NOW + 5, 0, "a")
    wall.ms -= 1000  # the wall clock was set back: the HLC holds its time and counts
    assert clock.now() == Timestamp(NOW + 5, 1, "a")


def test_a_negative_wall_clock_reads_as_zero() -> None:
    assert HybridClock("a", wall_ms=lambda: -5).now() == Timestamp(0, 0, "a")


def test_update_follows_the_paper() -> None:
    wall = FakeWall()
    clock = HybridClock("b", wall_ms=wall)
    assert clock.update(Timestamp(NOW + 10, 4, "a")) == Timestamp(NOW + 10, 5, "b")  # remote ahead
    assert clock.update(Timestamp(NOW + 10, 9, "a")) == Timestamp(NOW + 10, 10, "b")  # all equal
    assert clock.update(Timestamp(NOW - 10, 50, "a")) == Timestamp(NOW + 10, 11, "b")  # local ahead
    wall.ms = NOW + 20
    assert clock.update(Timestamp(NOW, 3, "a")) == Timestamp(NOW + 20, 0, "b")  # wall ahead of both
    assert clock.last_update_clamped is False


def test_counter_overflow_rolls_into_physical_time() -> None:
    clock = HybridClock("b", wall_ms=FakeWall())
    assert clock.update(Timestamp(NOW, MAX_COUNTER, "a")) == Timestamp(NOW + 1, 0, "b")
    assert clock.now() == Timestamp(NOW + 1, 1, "b")
    assert clock.now().encode() == f"{NOW + 1:015d}-00002-b"


def test_a_remote_days_ahead_is_applied_but_not_adopted_beyond_the_drift_limit() -> None:
    wall = FakeWall()
    clock = HybridClock("b", wall_ms=wall, max_drift_ms=DAY)
    far = Timestamp(NOW + 30 * DAY, 12, "a")
    stamp = clock.update(far)  # must not raise: the data still has to sync
    assert stamp == Timestamp(NOW + DAY, 1, "b")
    assert clock.last_update_clamped is True
    assert clock.now() > stamp
    assert clock.update(Timestamp(NOW, 0, "a")) > stamp
    assert clock.last_update_clamped is False
    wall.ms += 2 * DAY  # once the wall catches up, the clock follows the wall again
    assert clock.now() == Timestamp(NOW + 2 * DAY, 0, "b")


def test_stamps_from_many_threads_are_unique() -> None:
    clock = HybridClock("t", wall_ms=FakeWall())
    results: list[list[Timestamp]] = [[] for _ in range(4)]

    def work(out: list[Timestamp]) -> None:
        for _ in range(2000):
            out.append(clock.now())

    threads = [threading.Thread(target=work, args=(out,)) for out in results]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({stamp for out in results for stamp in out}) == 8000
    assert all(out == sorted(out) for out in results)


@QUICK
@given(timestamps, timestamps)
def test_encoded_order_is_timestamp_order(a: Timestamp, b: Timestamp) -> None:
    assert (a < b) == (a.encode() < b.encode())
    assert (a == b) == (a.encode() == b.encode())
    assert (a < b) == ((a.physical_ms, a.counter, a.node) < (b.physical_ms, b.counter, b.node))
    assert len(a.encode()) == 22 + len(a.node)


@QUICK
@given(timestamps)
def test_decode_reverses_encode(stamp: Timestamp) -> None:
    assert Timestamp.decode(stamp.encode()) == stamp


@PROPERTY
@given(st.lists(st.integers(0, 10**13), min_size=1, max_size=60))
def test_now_is_strictly_increasing_whatever_the_wall_clock_does(walls: list[int]) -> None:
    # Walls drawn at random jump backwards and forwards; repeating a value makes the clock stand still.
    clock = HybridClock("a", wall_ms=wall_from([w for w in walls for _ in range(2)]))
    stamps = [clock.now() for _ in range(2 * len(walls))]
    assert all(earlier < later for earlier, later in pairwise(stamps))


events = st.lists(
    st.one_of(
        st.tuples(st.just("tick"), st.integers(0, 5 * HOUR)),
        st.tuples(st.just("now"), st.just(0)),
        st.tuples(st.just("recv"), st.integers(-6 * HOUR, 6 * HOUR)),
    ),
    max_size=40,
)


@PROPERTY
@given(events, st.integers(0, 999))
def test_receive_sorts_after_send_and_drift_stays_bounded_by_the_largest_skew(
    script: list[tuple[str, int]], remote_counter: int
) -> None:
    wall = FakeWall()
    clock = HybridClock("local", wall_ms=wall)
    largest_skew = 0
    previous = clock.now()
    for kind, value in script:
        if kind == "tick":  # a wall clock that only moves forward here
            wall.ms += value
            continue
        if kind == "now":
            stamp = clock.now()
        else:
            remote = Timestamp(wall.ms + value, remote_counter, "remote")
            largest_skew = max(largest_skew, value)
            stamp = clock.update(remote)
            assert stamp > remote
            assert not clock.last_update_clamped
        assert stamp > previous
        assert wall.ms <= stamp.physical_ms <= wall.ms + largest_skew
        previous = stamp
    assert clock.now() > previous


@PROPERTY
@given(st.integers(DAY + 1, 400 * DAY), st.integers(0, MAX_COUNTER), st.integers(0, 3 * DAY))
def test_a_far_future_remote_never_drags_the_clock_past_the_limit(ahead: int, counter: int, drift: int) -> None:
    wall = FakeWall()
    clock = HybridClock("local", wall_ms=wall, max_drift_ms=drift)
    before = clock.now()
    remote = Timestamp(NOW + drift + ahead, counter, "broken")
    stamp = clock.update(remote)
    assert clock.last_update_clamped
    assert before < stamp < remote
    assert stamp.physical_ms <= NOW + drift + 1
    assert clock.now() > stamp


messages = st.lists(
    st.tuples(st.sampled_from(["a->b", "b->a", "a", "b", "deliver", "tick"]), st.integers(0, 30_000)),
    max_size=60,
)


@PROPERTY
@given(st.integers(-8 * HOUR, 8 * HOUR), st.integers(-8 * HOUR, 8 * HOUR), messages)
def test_two_skewed_clocks_exchanging_messages_keep_causal_order(
    skew_a: int, skew_b: int, script: list[tuple[str, int]]
) -> None:
    true_time = FakeWall()
    a = HybridClock("desk-a", wall_ms=lambda: true_time.ms + skew_a)
    b = HybridClock("desk-b", wall_ms=lambda: true_time.ms + skew_b)
    clocks = {"a": a, "b": b}
    in_flight: list[tuple[str, Timestamp]] = []  # (receiver, send stamp), delivered oldest first
    seen: dict[str, list[Timestamp]] = {"a": [], "b": []}
    for action, value in script:
        if action == "tick":
            true_time.ms += value
        elif action == "deliver":
            if in_flight:
                receiver, sent = in_flight.pop(0)
                received = clocks[receiver].update(sent)
                assert received > sent, "a receive must sort after its send"
                seen[receiver].append(received)
        elif "->" in action:
            sender, receiver = action.split("->")
            sent = clocks[sender].now()
            in_flight.append((receiver, sent))
            seen[sender].append(sent)
        else:
            seen[action].append(clocks[action].now())
    for stamps in seen.values():
        assert all(x < y for x, y in pairwise(stamps))
