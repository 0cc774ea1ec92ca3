"""Rosters for the tests: random answer sets written as a unit's HR officer
would (Chinese labels or keys, mixed), with the answers they stand for."""

from __future__ import annotations

import csv
import io
import random
from typing import Any

from checker.questions import QUESTIONS

from ..checker.scenarios import random_answer_sets

HOSTILE_NAMES = ["=HYPERLINK(\"http://evil.example/\",\"点我\")", "+1+1", "-2+3", "@SUM(A1)", "\tTAB",
                 "<img src=x onerror=alert(1)>", "<b>王</b>&amp;"]


def people_names(count: int, seed: int = 7) -> list[str]:
    """Everyday names (a surname, one or two characters), in no order: sorting
    a roster by name moves its rows; some names come twice, as they do."""
    rng = random.Random(seed)
    given = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红梅建国志文"
    return [rng.choice("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐韦覃莫蒙陆")
            + "".join(rng.choice(given) for _ in range(rng.choice((1, 2)))) for _ in range(count)]


def answer_sets(count: int, seed: int = 2017) -> list[dict[str, Any]]:
    return random_answer_sets(count, seed, dates=("2016-12-31", "2017-01-01", "2017-12-31"))


def cell(q: Any, value: Any, rng: random.Random) -> str:
    """As typed in a spreadsheet: an option's label or its key."""
    if q.options:
        option = next(o for o in q.options if o.value == value)
        return option.label if rng.random() < 0.5 else str(value).lower()
    return str(value)


def table(sets: list[dict[str, Any]], names: list[str] | None = None, by_label: bool = True,
          seed: int = 1) -> list[list[str]]:
    rng = random.Random(seed)
    header = ["姓名", *((q.label if by_label and n % 2 else q.id) for n, q in enumerate(QUESTIONS))]
    rows = [header]
    for n, answers in enumerate(sets):
        name = names[n] if names else f"职工{n + 1:04d}"
        rows.append([name, *(cell(q, answers[q.id], rng) if q.id in answers else "" for q in QUESTIONS)])
    return rows


def to_csv(rows: list[list[Any]], delimiter: str = ",") -> str:
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def to_xlsx(rows: list[list[Any]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    for row in rows:
        book.active.append(row)
    for line in book.active.iter_rows():
        for cell in line:
            if isinstance(cell.value, str) and cell.data_type == "f":
                cell.data_type = "s"  # a name such as "=1+1" is text in the roster too
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def staff_sets(count: int, seed: int = 2017) -> list[dict[str, Any]]:
    """A unit's staff as HR would list it: complete answers for people working
    in Guangxi, varied where staff differ (level, title, unit type, 破格 …),
    so that most may apply and a few may not (unlike :func:`answer_sets`,
    where random answers make most rows 不能申报)."""
    rng = random.Random(seed)
    sets = []
    for _ in range(count):
        level = rng.choice(["junior", "intermediate", "intermediate", "senior"])
        title = {"junior": "none", "intermediate": "junior", "senior": "intermediate"}[level]
        answers: dict[str, Any] = {
            "target_level": level, "current_title": rng.choice([title, title, title, "none"]),
            "civil_servant": rng.random() < 0.02, "work_location": "guangxi",
            "employment_months": rng.choice([6, 12, 24, 60]), "archive_months": rng.choice([0, 0, 12]),
            "unit_type": rng.choice(["state_owned", "non_public", "social_org"]),
            "unit_non_legal_branch": False, "retired": False,
            "meets_conditions": rng.choice(["yes", "yes", "yes", "no", "unsure"]),
            "other_application_this_year": rng.random() < 0.03,
            "continuing_education_done": rng.random() < 0.9,
            "id_number_changed": rng.random() < 0.05, "education_abroad": rng.random() < 0.05,
        }
        if level == "senior":
            answers["high_level_talent"] = False
        if answers["archive_months"]:
            answers["via_talent_market"] = rng.random() < 0.3
        if answers["unit_type"] != "state_owned":
            answers["social_security_months"] = rng.choice([3, 6, 12, 36])
        if answers["meets_conditions"] != "yes":
            answers["exceptional"] = rng.random() < 0.7
        if answers["current_title"] == "none" or answers.get("exceptional"):
            answers["preapproved"] = rng.random() < 0.8
            if answers["current_title"] == "none":
                answers["from_state_organ"] = False
        sets.append(answers)
    return sets


# ---- rosters as offices keep them ---------------------------------------------

TITLE = "某某工艺美术有限公司2017年度工艺美术系列职称申报人员花名册"
OWN = ["序号", "工号", "性别", "身份证号", "备注"]


def _everyday(q: Any, value: Any, rng: random.Random, xlsx: bool) -> Any:
    """A cell as an officer types it: everyday words (headings.toml), dates and
    month counts in the forms spreadsheets hold them."""
    import datetime as dt

    from checker.batch.words import table as words_table

    if q.type == "boolean":
        words = words_table()["yes_no"]["yes" if value else "no"]
        return rng.choice([*words, "是" if value else "否"])
    if q.options:
        words = words_table().get("questions", {}).get(q.id, {}).get("words", {}).get(str(value), [])
        label = next(o.label for o in q.options if o.value == value)
        return rng.choice([*words, label])
    if q.type == "integer":
        years, months = divmod(value, 12)
        forms = [str(value), f"{value}个月"]
        if value and not months:
            forms.append(f"{years}年")
        elif years and months:
            forms.append(f"{years}年{months}个月")
        return rng.choice(forms)
    day = dt.date.fromisoformat(value)
    serial = (day - dt.date(1899, 12, 30)).days
    forms: list[Any] = [day.strftime("%Y%m%d"), f"{day.year}/{day.month}/{day.day}", f"{day.year}.{day.month}.{day.day}",
                        f"{day.year}年{day.month}月{day.day}日", f"{value} 00:00:00"]
    if xlsx:
        forms += [dt.datetime(day.year, day.month, day.day), serial]
    return rng.choice(forms)


def office_table(sets: list[dict[str, Any]], names: list[str] | None = None, seed: int = 5,
                 xlsx: bool = False) -> tuple[list[str], list[list[Any]]]:
    """(headings, rows): short headings where headings.toml has them, the
    unit's own columns around the answers, everyday words in the cells."""
    from checker.batch.words import short_heading

    rng = random.Random(seed)
    headings = ["序号", "姓名", *(short_heading(q) for q in QUESTIONS), "工号", "性别", "身份证号", "备注"]
    rows = []
    for n, answers in enumerate(sets):
        name = names[n] if names else f"职工{n + 1:04d}"
        cells = [_everyday(q, answers[q.id], rng, xlsx) if q.id in answers else None for q in QUESTIONS]
        rows.append([n + 1, name, *cells, f"G{n:04d}", rng.choice(["男", "女"]), f"45010219800101{n:04d}",
                     rng.choice(["", "调入", "借调"])])
    return headings, rows


#: Where the group heading “申报情况” spans in the two-row header (after 序号 and 姓名).
GROUP = ("申报情况", 2, 4)


def office_files(sets: list[dict[str, Any]], names: list[str] | None = None) -> dict[str, bytes]:
    """The same staff in every form offices keep: a title row above the header
    (.xlsx), a two-row merged header after a 填表说明 sheet (.xlsx and .xls), a
    CSV as Excel saves it in GB18030 (the title line included), and text
    pasted from Excel (tabs)."""
    files = {"表格标题.xlsx": _xlsx(sets, names, two_rows=False), "两行列标题.xlsx": _xlsx(sets, names, two_rows=True),
             "旧版.xls": _xls(sets, names)}
    headings, rows = office_table(sets, names)
    width = len(headings)
    csv_rows = [[TITLE, *[""] * (width - 1)], headings, *[["" if c is None else c for c in r] for r in rows]]
    files["excel-gb18030.csv"] = to_csv(csv_rows).encode("gb18030")
    files["粘贴.tsv"] = to_csv([headings, *[["" if c is None else c for c in r] for r in rows]], "\t").encode("utf-8")
    return files


def _xlsx(sets: list[dict[str, Any]], names: list[str] | None, two_rows: bool) -> bytes:
    from openpyxl import Workbook

    headings, rows = office_table(sets, names, xlsx=True)
    book = Workbook()
    if two_rows:
        notes = book.active
        notes.title = "填表说明"
        notes.append(["填表说明：每人一行；是非题填是或否。"])
        sheet = book.create_sheet("花名册")
    else:
        sheet = book.active
        sheet.title = "Sheet1"
    sheet.append([TITLE])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headings))
    if two_rows:
        group, first, last = GROUP
        top = [headings[0], headings[1], group, *[None] * (last - first), *headings[last + 1:]]
        sheet.append(top)
        sheet.append([None, None, *headings[first:last + 1], *[None] * (len(headings) - last - 1)])
        sheet.merge_cells(start_row=2, start_column=first + 1, end_row=2, end_column=last + 1)
        for n, heading in enumerate(headings, 1):
            if not first <= n - 1 <= last:
                sheet.merge_cells(start_row=2, start_column=n, end_row=3, end_column=n)
    else:
        sheet.append(headings)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _xls(sets: list[dict[str, Any]], names: list[str] | None) -> bytes:
    import datetime as dt

    import xlwt

    headings, rows = office_table(sets, names, xlsx=True)
    book = xlwt.Workbook(encoding="utf-8")
    book.add_sheet("填表说明").write(0, 0, "填表说明：每人一行。")
    sheet = book.add_sheet("花名册")
    sheet.write_merge(0, 0, 0, len(headings) - 1, TITLE)
    group, first, last = GROUP
    for n, heading in enumerate(headings):
        if first <= n <= last:
            sheet.write(2, n, heading)
        else:
            sheet.write_merge(1, 2, n, n, heading)
    sheet.write_merge(1, 1, first, last, group)
    dates = xlwt.easyxf(num_format_str="yyyy-mm-dd")
    for r, row in enumerate(rows, start=3):
        for c, value in enumerate(row):
            if isinstance(value, dt.datetime):
                sheet.write(r, c, value, dates)
            elif value is not None:
                sheet.write(r, c, value)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
