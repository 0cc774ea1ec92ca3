"""The checker page asks every question type of ``checker/answer_types.py``
with a field app.js knows, and the generated scripts carry values as JSON that
cannot end a <script> early (issue 15 §4)."""

from __future__ import annotations

import json
import re

from checker import questions_json
from checker.answer_types import HANDLERS
from sitegen import checker_assets, checker_page, templating
from sitegen.checker_assets import SOURCES

APP_JS = (SOURCES / "app.js").read_text(encoding="utf-8")


def app_fields() -> set[str]:
    """The fields app.js reads and fills: the keys of its ``FIELDS`` table."""
    table = re.search(r"^const FIELDS = \{\n(.*?)^\};", APP_JS, re.S | re.M)
    assert table, "app.js has no FIELDS table"
    return set(re.findall(r"^  (\w+): \{", table.group(1), re.M))


def test_every_answer_type_has_a_field_that_app_js_reads() -> None:
    assert set(checker_page.FIELDS) == set(HANDLERS)
    used = set(checker_page.FIELDS.values())
    assert used == app_fields() == set(checker_page.FIELD_TEMPLATES) == set(checker_page.INSTEAD)


def test_app_js_names_no_question_type() -> None:
    # Which field a type uses comes with the page data, not from app.js.
    assert "q.type" not in APP_JS and "TYPES" not in APP_JS


def test_each_question_says_what_to_write_instead() -> None:
    by_id = {q["id"]: q for q in checker_page.page_data()["questions"]}
    assert set(by_id) == {q["id"] for q in questions_json()}
    months = next(q for q in by_id.values() if q["type"] == "integer")
    integer = HANDLERS["integer"]
    assert months["field"] == "integer"
    assert months["instead"] == f"请填写 {integer.minimum} 到 {integer.maximum} 之间的整数（单位：{months['unit']}）"
    yes_no = next(q for q in by_id.values() if q["type"] == "boolean")
    assert yes_no["field"] == "options" and yes_no["instead"] == "请选择：" + "、".join(o["label"] for o in yes_no["options"])
    assert all(q["instead"] for q in by_id.values())


def test_json_in_a_script_cannot_close_it() -> None:
    value = {"a": "</script><!-- & \u2028\u2029 中文"}
    text = str(templating.tojson(value))
    assert not set(text) & set("<>&\u2028\u2029")
    assert "中文" in text and json.loads(text) == value


def test_generated_scripts_hold_their_values() -> None:
    source = checker_assets.module_source()
    table = re.search(r"const files = Object\.fromEntries\(Object\.entries\((\{.*?\})\)\.map", source, re.S)
    files = json.loads(table.group(1))
    assert files == json.loads(json.dumps(checker_assets.runtime_files()))
    assert "{{" not in source and "{%" not in source
    sw = templating.render_script("sw.js", build="0123", shell=["./"], runtime_caches={"a.js": "c-1"},
                                  checked={"b.js": [1, "ff"]})
    assert 'const BUILD = "0123";' in sw and 'const SHELL = ["./"];' in sw
    assert '{"a.js": "c-1"}' in sw and '{"b.js": [1, "ff"]}' in sw
