"""The unit's desk: a whole staff list (花名册) checked at once.

One implementation for the CLI (``python -m checker batch``) and the /unit/
page (through :mod:`checker.batch.web` in the page's Pyodide worker): reading
a roster (pasted TSV, CSV in UTF-8 / UTF-8-BOM / GB18030, ``.xlsx``, ``.xls``),
finding its header and matching its columns to the questions (short headings
and everyday words: ``checker/headings.toml``), evaluating every row with :func:`checker.evaluate`'s
engine, the unit's own checklist, and the exports.

The rules stay standard-library only; only this subpackage may use
``openpyxl`` (``.xlsx``), ``xlrd`` (``.xls``) and ``segno`` (QR codes), imported
lazily where needed.
"""

from .reading import RosterError, Sheet, read_roster, read_sheets, read_text
from .roster import Batch, RowResult, UnitAnswerError, check_sheets, check_table, unit_answers

__all__ = ["Batch", "RosterError", "RowResult", "Sheet", "UnitAnswerError", "check_sheets", "check_table",
           "read_roster", "read_sheets", "read_text", "unit_answers"]
