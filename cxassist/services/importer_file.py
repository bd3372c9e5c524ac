"""The callers CSV as a file: is it UTF-8 text, a CSV with the right header; then its rows, one at a time.

`CsvSource.check()` reads the whole file once before anything is imported and refuses, with a `UserError`
naming the file (and the line where it helps), what no row-by-row import can recover from: a file that is
empty, not text, not UTF-8, UTF-16, an Excel workbook, has a header without the required columns or with
unknown ones, or a CSV syntax error (a stray quote) that would shift every later row. `rows()` then streams
the records with the physical line each starts on (a quoted field may hold newlines, so records and lines
differ).
"""

from __future__ import annotations

import codecs
import csv
from collections.abc import Generator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from cxassist.domain.errors import UserError
from cxassist.services.importer_rows import COLUMNS, REQUIRED_COLUMNS, RowError

if TYPE_CHECKING:
    from _csv import Reader

_CHUNK_BYTES = 1 << 20
_HINT = "see docs/csv-import.md"
_SAVE_AS = "save it from the spreadsheet as 'CSV UTF-8 (comma delimited)' and import it again"


@dataclass(frozen=True, slots=True)
class Record:
    line: int  # the physical line the record starts on, counting from 1 with the header
    cells: dict[str, str] | None  # by column name; None when `problem` is set
    problem: RowError | None = None


class CsvSource:
    """One callers CSV. Call `check()` first: it validates the file and returns how many records it holds."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._columns: tuple[str | None, ...] = ()

    def check(self) -> int:
        self._check_bytes()
        count = 0
        with self._open() as stream:
            reader = csv.reader(stream, strict=True)
            start = 1
            try:
                self._columns = self._header(reader)
                start = reader.line_num + 1
                for values in reader:
                    if any(v.strip() for v in values):
                        count += 1
                    start = reader.line_num + 1
            except csv.Error as error:
                raise UserError(self._syntax_message(start, reader.line_num, error)) from None
        return count

    def rows(self) -> Generator[Record, None, None]:
        """Each record after the header that has any value, in file order; blank lines are skipped."""
        if not self._columns:
            raise RuntimeError("CsvSource.check() must run before rows()")
        width = len(self._columns)
        with self._open() as stream:
            reader = csv.reader(stream, strict=True)
            try:
                _first_record(reader)
                start = reader.line_num + 1
                for values in reader:
                    line, start = start, reader.line_num + 1
                    if not any(v.strip() for v in values):
                        continue
                    yield self._record(line, values, width)
            except (csv.Error, UnicodeDecodeError) as error:
                raise UserError(f"{self.path} changed while it was being imported ({error}).") from None

    def _record(self, line: int, values: list[str], width: int) -> Record:
        extra = [i for i, v in enumerate(values[width:], start=width) if v.strip()]
        if extra:
            return Record(line, None, RowError(f"has {len(values)} values; the header names {width} columns"))
        cells: dict[str, str] = {}
        for index, (column, value) in enumerate(zip(self._columns, values, strict=False)):
            if column is not None:
                cells[column] = value
            elif value.strip():
                problem = RowError(f"column {index + 1} has no name in the header but holds a value")
                return Record(line, None, problem)
        return Record(line, cells)

    def _open(self) -> TextIO:
        try:
            return self.path.open(encoding="utf-8-sig", newline="", errors="strict")
        except OSError as error:
            raise UserError(f"Cannot read {self.path}: {error.strerror or error}.") from None

    def _header(self, reader: Reader) -> tuple[str | None, ...]:
        values = _first_record(reader)
        if values is None:
            raise UserError(f"{self.path} has no header row; a callers CSV starts with a row naming its "
                            f"columns ({_HINT}).")
        return self._columns_of(values)

    def _columns_of(self, values: list[str]) -> tuple[str | None, ...]:
        names = [v.strip().lower() for v in values]
        if len(names) == 1 and any(sep in values[0] for sep in ";\t|"):
            sep = next(sep for sep in ";\t|" if sep in values[0])
            shown = {"\t": "tabs", ";": "';'", "|": "'|'"}[sep]
            raise UserError(f"{self.path} separates its columns with {shown}; cxassist reads comma-separated "
                            f"files: {_SAVE_AS}.")
        seen: set[str] = set()
        twice: set[str] = set()
        for name in filter(None, names):
            (twice if name in seen else seen).add(name)
        if twice:
            raise UserError(f"{self.path}: the header names {_listed(sorted(twice))} more than once.")
        missing = [c for c in REQUIRED_COLUMNS if c not in seen]
        unknown = [v.strip() for v, n in zip(values, names, strict=True) if n and n not in COLUMNS]
        if missing or unknown:
            parts = []
            if missing:
                parts.append(f"lacks the required column{'s' * (len(missing) > 1)} {_listed(missing)}")
            if unknown:
                parts.append(f"has unknown column{'s' * (len(unknown) > 1)} {_listed(unknown)}")
            raise UserError(
                f"{self.path}: the header row {' and '.join(parts)}; nothing was imported ({_HINT})."
            )
        return tuple(n or None for n in names)

    def _check_bytes(self) -> None:
        """Refuse what is not UTF-8 text before reading it as CSV, naming the line of the first bad byte."""
        try:
            stream = self.path.open("rb")
        except OSError as error:
            raise UserError(f"Cannot read {self.path}: {error.strerror or error}.") from None
        with stream:
            head = stream.read(_CHUNK_BYTES)
            self._check_head(head)
            decoder = codecs.getincrementaldecoder("utf-8")(errors="strict")
            lines_before = 0
            data = head
            while data:
                try:
                    decoder.decode(data)
                except UnicodeDecodeError as error:
                    self._refuse_encoding(error, lines_before)
                lines_before += data.count(b"\n")
                data = stream.read(_CHUNK_BYTES)
            try:
                decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                raise UserError(f"{self.path} is not UTF-8 text: it ends in the middle of a character "
                                f"(line {lines_before + 1}); the file may be cut short.") from None

    def _check_head(self, head: bytes) -> None:
        body = head.removeprefix(codecs.BOM_UTF8)
        if not body.strip():
            raise UserError(f"{self.path} is empty; a callers CSV needs a header row and one row per caller "
                            f"({_HINT}).")
        if head.startswith(b"PK\x03\x04"):
            raise UserError(f"{self.path} is an Excel workbook or another zip file, not CSV: {_SAVE_AS}.")
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            raise UserError(f"{self.path} is UTF-16 text; cxassist reads UTF-8: {_SAVE_AS}.")
        if b"\x00" in body.split(b"\n", 1)[0]:
            raise UserError(f"{self.path} has NUL bytes in its first line: it is UTF-16 text or not text "
                            f"at all; {_SAVE_AS}.")

    def _refuse_encoding(self, error: UnicodeDecodeError, lines_before: int) -> None:
        # `error.object` is what the decoder saw: this chunk, after any unfinished character carried over from
        # the last one (which holds no newline), so counting newlines in it up to the fault gives the line.
        seen = bytes(error.object)
        line = lines_before + seen.count(b"\n", 0, error.start) + 1
        bad = seen[error.start : error.start + 1].hex().upper()
        raise UserError(
            f"{self.path} is not UTF-8 text: line {line} has the byte 0x{bad}, which UTF-8 does not allow "
            f"there (the file was probably saved as Windows-1252 or Latin-1); nothing was imported: "
            f"{_SAVE_AS}."
        ) from None

    def _syntax_message(self, start: int, end: int, error: csv.Error) -> str:
        where = f"line {start}" if start >= end else f"the record from line {start} to line {end}"
        text = str(error)
        if "unexpected end of data" in text:
            hint = "a quoted value is never closed"
        elif "field limit" in text:
            hint = f"a value is longer than {csv.field_size_limit():,} characters, usually a quote never closed"
        else:
            hint = f"{text}; a quote inside a quoted value must be doubled (\"\")"
        return f"{self.path} is not valid CSV: {where}: {hint}; nothing was imported."


def _first_record(reader: Reader) -> list[str] | None:
    """The first record with any value (the header), skipping blank lines before it."""
    for values in reader:
        if any(v.strip() for v in values):
            return values
    return None


def _listed(names: list[str]) -> str:
    return ", ".join(names)
