"""The bridge the /unit/ page's worker calls inside Pyodide (see
web/checker/batch.js): JSON text in, JSON text out; file contents
travel as base64. The last batch is kept in this module's memory (the worker's)
for the exports and the print, and nowhere else: nothing is written to storage.
"""

from __future__ import annotations

import base64
import json
from typing import Any

from ..notice import load
from .reading import RosterError, Sheet, read_sheets, read_text
from .roster import Batch, UnitAnswerError, check_sheets, unit_answers

_last: Batch | None = None


def _clause(clause_id: str) -> dict[str, str]:
    clause = load().clauses.get(clause_id)
    return {"id": clause_id, "label": clause.label if clause else clause_id}


def _row(r: Any) -> dict[str, Any]:
    """A row for the page, compact (a thousand rows cross as one JSON text):
    labels of questions and clauses are in the page already."""
    data = r.to_contract()
    res = r.result
    data["query"] = r.query if res else None
    labels = r.labels
    data["answers"] = [[key, label] for key, label in labels.items()]
    data["level"] = labels.get("target_level", "")
    if res:
        data["missing"] = list(res.missing)
        # The id last: the page links the reading a finding takes (its data's readings).
        data["findings"] = [[f.severity, f.message, f.clause, f.id] for f in res.findings if f.severity != "note"]
        data["checklist"] = [[c.title, c.who, c.clause] for c in res.checklist]
    data["problems"] = r.problems
    return data


def _summary(batch: Batch) -> dict[str, Any]:
    data = batch.to_contract()
    data["rows"] = [_row(r) for r in batch.rows]
    data["fees"] = batch.fees_by_level()
    data["unit_checklist"] = [{**item, "clause": _clause(item["clause"])} for item in batch.unit_checklist()]
    data["publicity"] = batch.publicity()
    data["columns"] = [{"header": c.header, "key": c.key} for c in batch.columns]
    data["ignored"] = [{"header": c.header, "letter": c.letter, "problem": c.problem} for c in batch.ignored]
    data["read_as"] = batch.read_as()
    data["not_checked"] = batch.not_checked
    data["fee_applying"] = batch.fee_applying
    return data


def check(request_json: str) -> str:
    """``{"text": …}`` (pasted) or ``{"file": base64, "filename": …}``, with
    ``"unit": {answers}`` → ``{"batch": …}`` or ``{"error": message}``."""
    global _last
    request = json.loads(request_json)
    try:
        unit = unit_answers(request.get("unit") or {})
    except UnitAnswerError as err:
        return json.dumps({"error": f"单位共同的答案：{err}"}, ensure_ascii=False)
    try:
        if "file" in request:
            sheets = read_sheets(base64.b64decode(request["file"]), request.get("filename", ""))
        else:
            sheets = [Sheet(None, read_text(request.get("text", "")))]
        batch = check_sheets(sheets, unit)
    except RosterError as err:
        _last = None
        return json.dumps({"error": str(err)}, ensure_ascii=False)
    _last = batch
    return json.dumps({"batch": _summary(batch)}, ensure_ascii=False)


def export(request_json: str) -> str:
    """``{"kind": "xlsx"|"csv"|"docx", "base_url": …, "unit_name": …}`` →
    ``{"data": base64}`` of the last batch (``docx``: the draft publicity list)."""
    request = json.loads(request_json)
    if _last is None:
        return json.dumps({"error": "还没有检查任何花名册。"}, ensure_ascii=False)
    from .export import to_csv, to_xlsx
    from .publicity import to_docx

    if request["kind"] == "docx":
        data = to_docx(_last, request.get("unit_name", ""))
    else:
        data = (to_xlsx if request["kind"] == "xlsx" else to_csv)(_last, request.get("base_url", "/"))
    return json.dumps({"data": base64.b64encode(data).decode("ascii")})


def template(request_json: str) -> str:
    """``{"kind": "xlsx"|"csv"}`` → ``{"data": base64}``: a blank roster."""
    from .template import template_csv, template_xlsx

    kind = json.loads(request_json)["kind"]
    data = template_xlsx() if kind == "xlsx" else template_csv()
    return json.dumps({"data": base64.b64encode(data).decode("ascii")})


def qr(request_json: str) -> str:
    """``{"urls": [...]}`` → ``{"svgs": [...]}``."""
    from .qr import qr_svg

    return json.dumps({"svgs": [qr_svg(url) for url in json.loads(request_json)["urls"]]})


def ping(request_json: str) -> str:
    """Nothing: the page calls it once at start-up, so that this module and
    what a CSV needs are loaded before the page says it is ready."""
    return "{}"
