"""Hostile and huge roster files (issue 18, 5 and 8-10): each is stopped at
the first limit it passes, with a message naming it, never garbled or a
traceback (the CLI: tests/batch/test_cli_faults.py). Also run inside Pyodide
(tests/test_pyodide.py). Times and memory: bench/hostile.py."""

from __future__ import annotations

import json

import pytest

from checker.batch import web
from checker.batch.reading import RosterError, read_roster, read_text
from checker.batch.roster import check_table

from .hostile import HOSTILE


@pytest.mark.parametrize("case", HOSTILE, ids=list(HOSTILE))
def test_each_hostile_file_gets_one_message_naming_its_limit(case: str) -> None:
    make, name, words = HOSTILE[case]
    with pytest.raises(RosterError) as caught:
        read_roster(make(), name)
    message = str(caught.value)
    assert words in message, message
    assert not any(word in message for word in ("Error", "Traceback", "field limit", "codec")), message


def test_mixed_encodings_never_show_a_garbled_name() -> None:
    _, _, words = HOSTILE["mixed encodings"]
    with pytest.raises(RosterError) as caught:
        read_roster(HOSTILE["mixed encodings"][0](), "m.csv")
    assert "第3行" in str(caught.value) and "第2行" not in str(caught.value)
    # One encoding throughout is read as before, in either.
    for encoding in ("utf-8", "gbk"):
        table = read_roster("name,target_level\n张三,senior\n李四,senior\n".encode(encoding), "ok.csv")
        assert [row[0] for row in table[1:]] == ["张三", "李四"]


def test_a_lone_surrogate_in_a_pasted_name_is_replaced_and_every_export_works() -> None:
    table = read_text("姓名\ttarget_level\n王\ud800五\tsenior\n")
    assert table[1][0] == "王\ufffd五"
    reply = json.loads(web.check(json.dumps({"text": "姓名\ttarget_level\n王\ud800五\tsenior\n"})))
    assert reply["batch"]["rows"][0]["name"] == "王\ufffd五"
    for kind in ("csv", "xlsx"):
        assert "data" in json.loads(web.export(json.dumps({"kind": kind, "base_url": "https://example.org/"})))
    assert check_table(table).rows[0].name == "王\ufffd五"


def test_a_table_at_the_limits_is_still_read() -> None:
    rows = "姓名\n" + "甲\n" * 20000
    assert len(read_roster(rows.encode("utf-8"), "ok.csv")) == 20001
    wide = ",".join(["姓名"] + [f"c{n}" for n in range(199)]) + "\n" + "乙" * 2000 + "\n"
    assert len(read_roster(wide.encode("utf-8"), "ok.csv")[0]) == 200
