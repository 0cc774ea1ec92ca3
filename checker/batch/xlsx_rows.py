"""The rows of an ``.xlsx`` sheet, values only, read faster than openpyxl's
own read-only parser (issue 17: a 1,000-row roster on the page).

openpyxl still opens the workbook (its sheets, shared strings, which styles
are dates, the 1900/1904 epoch); only the cells are read here. openpyxl's
parser turns every cell into a dict and every inline string into a rich-text
object (``Text.from_tree``), which in Pyodide cost about half of a 1,000-row
check; here a cell is its value and nothing more. The values are openpyxl's,
to the type: the same conversions (``from_excel``, ``from_ISO8601``) and the
same rows as ``ReadOnlyWorksheet.iter_rows(values_only=True)`` after
``reset_dimensions()``: a missing row is an empty one, each row as wide as its
last cell. A workbook opened in another way (no ``_get_source``: another
openpyxl) is read by openpyxl itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from xml.etree.ElementTree import iterparse

from openpyxl.utils.cell import column_index_from_string
from openpyxl.utils.datetime import from_excel, from_ISO8601

_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_ROW, _VALUE, _INLINE, _TEXT, _RUN = (_NS + tag for tag in ("row", "v", "is", "t", "r"))
_columns: dict[str, int] = {}


def rows(sheet: Any) -> Iterator[tuple[Any, ...]]:
    """The sheet's rows as openpyxl's ``iter_rows(values_only=True)`` gives
    them when the sheet's declared size is ignored."""
    book = sheet.parent
    if not hasattr(sheet, "_get_source"):  # pragma: no cover - another openpyxl
        sheet.reset_dimensions()
        yield from sheet.iter_rows(values_only=True)
        return
    cells = _Cells(sheet._shared_strings, book._date_formats, book._timedelta_formats, book.epoch)
    expected = 1  # the next row number to yield
    with sheet._get_source() as source:
        for number, values in _parsed_rows(source, cells):
            while expected < number:  # rows the file leaves out are empty
                expected += 1
                yield ()
            if expected == number:  # a row repeated or out of order is skipped, as openpyxl does
                expected += 1
                yield values


def _parsed_rows(source: Any, cells: _Cells) -> Iterator[tuple[int, tuple[Any, ...]]]:
    number = 0
    # "end" events only, as openpyxl: each event costs a Python step, and a
    # cell is three elements.
    for _, element in iterparse(source):
        if element.tag == _ROW:
            number = _row_number(element.get("r"), number)
            yield number, cells.row(element)
            element.clear()


def _row_number(text: str | None, previous: int) -> int:
    if text is None:
        return previous + 1
    try:
        return int(text)
    except ValueError:
        value = float(text)
        if not value.is_integer():
            raise ValueError(f"{text} is not a valid row number") from None
        return int(value)


class _Cells:
    """A ``<row>``'s cells to their values, as openpyxl's ``WorkSheetParser``
    with ``data_only=True`` converts them."""

    def __init__(self, shared: Any, dates: Any, durations: Any, epoch: Any) -> None:
        self.shared, self.dates, self.durations, self.epoch = shared, dates, durations, epoch

    def row(self, element: Any) -> tuple[Any, ...]:
        placed: list[tuple[int, Any]] = []
        column = 0
        for cell in element:
            reference = cell.get("r")
            column = _column(reference) if reference else column + 1
            placed.append((column, self.value(cell)))
        if not placed:
            return ()
        values = [None] * placed[-1][0]  # as wide as the last cell (openpyxl's _get_row)
        for column, value in placed:
            if column <= len(values):
                values[column - 1] = value
        return tuple(values)

    def value(self, cell: Any) -> Any:
        kind = cell.get("t", "n")
        if kind == "inlineStr":
            inline = cell.find(_INLINE)
            return None if inline is None else _text(inline)
        value = cell.findtext(_VALUE, None) or None
        if value is None:
            return None
        if kind == "n":
            number = float(value) if ("." in value or "E" in value or "e" in value) else int(value)
            style = int(cell.get("s") or 0)
            if style in self.dates:
                try:
                    return from_excel(number, self.epoch, timedelta=style in self.durations)
                except (OverflowError, ValueError):
                    return "#VALUE!"  # a date past the calendar: openpyxl's error value
            return number
        if kind == "s":
            return self.shared[int(value)]
        if kind == "b":
            return bool(int(value))
        if kind == "d":
            return from_ISO8601(value)
        return value  # "str" (a formula's text), "e" (an error such as #N/A)


def _column(reference: str) -> int:
    letters = reference.rstrip("0123456789")
    column = _columns.get(letters)
    if column is None:
        column = column_index_from_string(letters)  # ValueError on anything but A … XFD
        _columns[letters] = column
    return column


def _text(element: Any) -> str:
    """An inline string's text without its formatting and phonetic runs
    (openpyxl's ``Text.content``)."""
    plain = element.find(_TEXT)
    parts = [plain.text] if plain is not None and plain.text is not None else []
    for run in element.iterfind(_RUN):
        text = run.find(_TEXT)
        if text is not None and text.text is not None:
            parts.append(text.text)
    return "".join(parts)
