"""The log file never holds a card number, a security code, free text or SQL parameters."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from cxassist.config import Paths
from cxassist.security.log_filter import LEFT_OUT, FreeText, RedactingFilter
from cxassist.services.logging_setup import LOG_FILE_NAME, configure_logging, log_files, remove_logging

CARD = "4111 1111 1111 1111"


def _record(name: str, msg: str, *args: object, **extra: object) -> logging.LogRecord:
    record = logging.LogRecord(name, logging.INFO, __file__, 1, msg, args or None, None)
    for key, value in extra.items():
        setattr(record, key, value)
    return record


def _formatted(record: logging.LogRecord) -> str:
    assert RedactingFilter().filter(record) is True
    return logging.Formatter("%(message)s").format(record)


def test_card_numbers_and_security_codes_are_redacted_in_message_and_args() -> None:
    text = _formatted(_record("cxassist.x", "paid with %s, cvv %s", CARD, "123"))
    assert CARD not in text and "1111 1111" not in text
    assert "**** **** **** 1111" in text
    assert "123" not in text


def test_free_text_extras_and_wrapped_arguments_are_left_out() -> None:
    record = _record("cxassist.x", "saved %s (%s)", "id-1", FreeText("she was upset about the refund"), note="secret")
    text = _formatted(record)
    assert text == "saved id-1 (<left out: 30 characters>)"
    assert record.note == LEFT_OUT


def test_sql_parameters_never_reach_the_log() -> None:
    record = _record("sqlalchemy.engine.Engine", "[%s] %r", "generated in 0.001s", ("her note text", CARD))
    text = _formatted(record)
    assert "her note text" not in text and "1111" not in text
    assert LEFT_OUT in text
    statement = _formatted(_record("sqlalchemy.engine.Engine", "INSERT INTO interaction (note) VALUES (?)"))
    assert statement == "INSERT INTO interaction (note) VALUES (?)"


def test_tracebacks_are_redacted() -> None:
    try:
        raise ValueError(f"bad input {CARD}")
    except ValueError:
        record = _record("cxassist.x", "failed")
        record.exc_info = sys.exc_info()
    text = _formatted(record)
    assert "ValueError: bad input **** **** **** 1111" in text
    assert CARD not in text


def test_a_broken_format_string_keeps_the_record() -> None:
    text = _formatted(_record("cxassist.x", "%d items", "not a number"))
    assert "unloggable message from cxassist.x" in text


@pytest.fixture
def paths(tmp_path: Path) -> Iterator[Paths]:
    remove_logging()  # a CLI test run earlier in this process may have installed it
    level = logging.getLogger().level
    yield Paths(data_dir=tmp_path / "data", config_dir=tmp_path / "c", cache_dir=tmp_path / "k", log_dir=tmp_path / "l")
    remove_logging()
    assert logging.getLogger().level == level


def test_configure_logging_writes_a_redacted_utc_file_and_replaces_itself(paths: Paths) -> None:
    first = configure_logging(paths, "INFO")
    second = configure_logging(paths, "DEBUG")
    assert first == second == paths.log_dir / LOG_FILE_NAME
    ours = [h for h in logging.getLogger().handlers if hasattr(h, "_cxassist_handler")]
    assert len(ours) == 1, "calling it twice must not log every line twice"
    logging.getLogger("cxassist.test").info("card %s", CARD)
    logging.getLogger("cxassist.test").debug("debug line")
    ours[0].flush()
    lines = first.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    assert "+00:00 INFO    cxassist.test" in lines[0]
    assert lines[0].endswith("card **** **** **** 1111")
    assert log_files(paths.log_dir) == [first]


def test_log_files_lists_rotated_copies_oldest_first(tmp_path: Path) -> None:
    for name in (LOG_FILE_NAME, f"{LOG_FILE_NAME}.1", f"{LOG_FILE_NAME}.2", "other.txt"):
        (tmp_path / name).write_text("x")
    assert [p.name for p in log_files(tmp_path)] == [f"{LOG_FILE_NAME}.2", f"{LOG_FILE_NAME}.1", LOG_FILE_NAME]
