"""A logging filter that keeps card numbers, security codes and free text out of the log file.

Attach it to a *handler* (not a logger), so that it sees every record that handler writes, whichever logger made it.
What it does to each record, in place, before any formatter runs:

- The message is rendered once (`msg % args`), card numbers and spoken security codes are redacted
  (`cxassist.security.redaction.redact`), and the result replaces `msg` with `args` emptied.
- Free text is never logged: the values of attributes named in `FREE_TEXT_FIELDS` (passed with `extra=`, e.g.
  `log.info("saved %s", id, extra={"note": note})`) become `<left out>`, and an argument wrapped in `FreeText`
  renders as `<left out: N characters>`. Code must not put note text into the message itself; the redaction of
  card numbers is the safety net, not the rule.
- SQL parameters never reach the file: records from `sqlalchemy.engine` / `sqlalchemy.pool` (echo or DEBUG
  logging) keep their statement text and lose their parameters, which hold notes and caller data.
- An exception's traceback text is rendered and redacted too (an exception message may quote its input).

The filter never drops a record and never raises: a record it cannot render is replaced by a line saying so.
"""

from __future__ import annotations

import logging
from typing import Final

from cxassist.security.redaction import redact

__all__ = ["FREE_TEXT_FIELDS", "LEFT_OUT", "FreeText", "RedactingFilter"]

LEFT_OUT: Final = "<left out>"
FREE_TEXT_FIELDS: Final = frozenset({"note", "notes", "reason", "resolution", "text", "body", "detail", "words"})
_SQL_LOGGERS: Final = ("sqlalchemy.engine", "sqlalchemy.pool")


class FreeText:
    """Wrap free text passed to a log call: it renders as its length only, never its content."""

    __slots__ = ("_length",)

    def __init__(self, text: str) -> None:
        self._length = len(text)

    def __str__(self) -> str:
        return f"<left out: {self._length} characters>"

    __repr__ = __str__


class RedactingFilter(logging.Filter):
    """Redacts every record a handler writes; see the module docstring."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            record.msg = self._message(record)
        except Exception as error:  # noqa: BLE001 - a bad format string must not lose the record or raise
            record.msg = f"<unloggable message from {record.name}: {type(error).__name__}>"
        record.args = None
        for name in FREE_TEXT_FIELDS.intersection(vars(record)):
            setattr(record, name, LEFT_OUT)
        if record.exc_info is not None and record.exc_info[0] is not None:
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info)).text
            record.exc_info = None  # the formatter would render the unredacted traceback again
        elif record.exc_text:
            record.exc_text = redact(record.exc_text).text
        if record.stack_info:
            record.stack_info = redact(record.stack_info).text
        return True

    @staticmethod
    def _message(record: logging.LogRecord) -> str:
        if record.name.startswith(_SQL_LOGGERS) and record.args:
            # SQLAlchemy logs parameters as args ("[generated in 0.001s] ('note text', ...)"); statements have none.
            return f"[SQL parameters {LEFT_OUT}]"
        return redact(record.getMessage()).text
