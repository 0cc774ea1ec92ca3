"""The notice's outline: clause ids follow the notice's own numbering."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.notice import ARTEFACT, anchor, load, parse, read_text

SHARED = Path(__file__).resolve().parents[3] / "shared" / "notice" / "000_76dd4fa6c557d381.txt"


def test_project_copy_equals_the_shared_notice() -> None:
    if not SHARED.exists():
        pytest.skip("../shared/notice is not beside this checkout")
    assert read_text() == SHARED.read_text(encoding="utf-8")


def test_outline_ids_follow_the_notice_numbering() -> None:
    clauses = load().clauses
    assert clauses["2.2.4.1"].label == "二（二）4（1）"
    assert clauses["1.1.1"].label == "一（一）1"
    assert clauses["1.1.1"].heading.startswith("在广西境内的企事业单位")
    assert [c for c in clauses if "." not in c] == ["1", "2", "3", "4", "5", "6", "7", "8"]
    assert len(clauses) == 53
    assert anchor("2.2.4.1") == "clause-2-2-4-1"


def test_unnumbered_paragraphs_belong_to_the_enclosing_item() -> None:
    body = [line for line in load().lines if line.kind == "body"]

    def owner(start: str) -> str | None:
        return next(line.clause for line in body if line.text.startswith(start))

    assert owner("除符合相关文件规定") == "1.1"  # after 一（一）3, a sentence
    assert owner("专业技术人员应完成") == "2.2.2"  # after the title 2.继续教育材料要求
    assert owner("不具备规定的学历、") == "4.2"  # continues 四（二）, see 解读说明
    assert owner("申报人的评审材料，") == "5"
    assert owner("联系电话：0771") == "8"


def test_artefact_line_is_not_part_of_the_notice() -> None:
    assert ARTEFACT in read_text()
    assert all(ARTEFACT not in line.text for line in load().lines)


def test_every_line_is_kept_in_order() -> None:
    source = [l.strip() for l in read_text().splitlines() if l.strip() and l.strip() != ARTEFACT]
    assert [line.text for line in load().lines] == source


def test_a_skipped_level_is_rejected() -> None:
    with pytest.raises(ValueError):
        parse("标题\n文号\n各单位：\n一、甲\n1.乙\n")
