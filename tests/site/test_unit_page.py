"""The unit's desk (/unit/) in Debian chromium, with the CLI as the reference:
every way in (GB18030 CSV, UTF-8-BOM CSV, pasted TSV, .xlsx), row problems,
both exports read back, the print bundle and its QR codes, privacy."""

from __future__ import annotations

import csv
import io
import unicodedata
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from checker.parameters import FIGURES

from ..batch.rosters import HOSTILE_NAMES, answer_sets, office_files, office_table, staff_sets, table, to_csv, to_xlsx
from .conftest import DESKTOP, PHONE, axe_violations
from .unit_helpers import cli_batch, fee_total, open_file, open_unit, paste, shown_errors, shown_rows

SETS = answer_sets(24, seed=7)
NAMES = [*HOSTILE_NAMES, *(f"职工{n}" for n in range(len(SETS) - len(HOSTILE_NAMES)))]
ROWS = table(SETS, names=NAMES)


@pytest.fixture()
def page(browser):
    ctx = browser.new_context(locale="zh-CN", viewport=DESKTOP, accept_downloads=True)
    page = ctx.new_page()
    yield page
    ctx.close()


def expect_like_cli(page, want: dict) -> None:
    rows = shown_rows(page)
    assert [(r["row"], r["verdict"]) for r in rows] == [(r["row"], r["verdict"]) for r in want["rows"]]
    assert [r["name"] for r in rows] == [r["name"] or "（无姓名）" for r in want["rows"]]
    assert fee_total(page) == want["fee_total"]
    for verdict, count in want["counts"].items():
        assert page.text_content(f"[data-count='{verdict}']") == str(count)


def test_every_way_in_gives_the_cli_s_verdicts_and_hostile_names_stay_text(page, base_url: str, tmp_path: Path) -> None:
    open_unit(page, base_url)
    files = {
        "花名册-gbk.csv": to_csv(ROWS).encode("gb18030"),
        "花名册-bom.csv": to_csv(ROWS).encode("utf-8-sig"),
        "花名册.xlsx": to_xlsx(ROWS),
    }
    for name, data in files.items():
        open_file(page, name, data)
        expect_like_cli(page, cli_batch(tmp_path, name, data))
    text = to_csv(ROWS, "\t")
    paste(page, text)
    expect_like_cli(page, cli_batch(tmp_path, "pasted.tsv", text.encode()))
    # Names such as <img onerror> are shown as the text they are, never as markup.
    assert page.locator("#unit-app img, #unit-app b").count() == 0
    assert page.locator("#unit-table th", has_text="<img src=x onerror=alert(1)>").count() == 1


def test_unit_answers_apply_to_rows_that_leave_them_empty(page, base_url: str, tmp_path: Path) -> None:
    open_unit(page, base_url)
    data = "姓名,target_level,civil_servant,work_location,unit_type\n甲,高级,否,,\n乙,中级,否,guangxi,国有企事业单位\n".encode()
    page.check("#unit-work_location-guangxi")
    page.check("#unit-unit_type-non_public")
    open_file(page, "r.csv", data)
    unit = tmp_path / "unit.json"
    unit.write_text('{"work_location": "guangxi", "unit_type": "non_public"}', encoding="utf-8")
    expect_like_cli(page, cli_batch(tmp_path, "r.csv", data, "--unit", str(unit)))
    first = shown_rows(page)[0]
    assert "unit_type=non_public" in first["link"] and "work_location=guangxi" in first["link"]


def test_bad_cells_are_listed_by_row_and_column_and_the_other_rows_are_checked(page, base_url: str, tmp_path: Path) -> None:
    open_unit(page, base_url)
    data = ("姓名,申报级别,是否退休,达到退休年龄日期,备注\n甲,特级,否,,\n乙,高级,是,2017-02-30,\n"
            "丙,初级,否,,调入\n丁,中级,否,,\n").encode("gb18030")
    open_file(page, "bad.csv", data)
    want = cli_batch(tmp_path, "bad.csv", data)
    expect_like_cli(page, want)
    errors = shown_errors(page)
    assert [n for n, _ in errors] == [r["row"] for r in want["rows"] for _ in r["errors"]]
    for (number, text), error in zip(errors, [e for r in want["rows"] for e in r["errors"]]):
        cell = error["message"].split("：")[0]
        assert text.startswith(f"“{error['column']}”列：") and cell in text
        assert all(w not in text for w in ("target_level", "retirement_date", "true", "false", "答案键"))
    assert [r["verdict"] is None for r in shown_rows(page)] == [True, True, False, False]
    # The unit's own column is listed once, not as a problem of its rows.
    assert "备注（E列）" in page.text_content("#unit-ignored") and not any("备注" in t for _, t in errors)
    # A problem links to its row in the results table.
    page.click("#row-errors a >> nth=0")
    assert page.evaluate("location.hash") == "#unit-row-2"


@pytest.mark.parametrize("name, data, message", [
    ("empty.csv", b"", "空"),
    ("photo.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "不是表格"),
    ("notes.csv", "会议纪要\n请各部门于6月前报送。\n".encode("gb18030"), "没有可识别的列"),
])
def test_an_empty_file_or_one_that_is_not_a_table_gets_one_clear_message(page, base_url: str, name, data, message) -> None:
    open_unit(page, base_url)
    open_file(page, name, data)
    assert page.is_visible("#unit-message")
    assert message in page.text_content("#unit-message")
    assert "Traceback" not in page.text_content("#unit-message")
    assert page.locator("[data-row]").count() == 0


def _download(page, selector: str) -> bytes:
    with page.expect_download() as info:
        page.click(selector)
    return Path(info.value.path()).read_bytes()


def test_both_exports_download_and_read_back_with_formulas_as_text(page, base_url: str, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    open_unit(page, base_url)
    data = to_xlsx(ROWS)
    open_file(page, "r.xlsx", data)
    want = cli_batch(tmp_path, "r.xlsx", data)
    names = [r["name"] for r in want["rows"]]
    book = load_workbook(io.BytesIO(_download(page, "#export-xlsx")))
    assert book.sheetnames == ["汇总", "清单"]
    summary = list(book["汇总"].iter_rows(min_row=2, max_row=len(want["rows"]) + 1))
    header = [c.value for c in book["汇总"][1]]
    assert [row[header.index("结论代码")].value for row in summary] == [r["verdict"] for r in want["rows"]]
    assert [row[1].value for row in summary] == names
    assert all(row[1].data_type == "s" for row in summary)  # "=HYPERLINK(…)" is text, not a formula
    link_at, code_at = header.index("自查链接"), header.index("结论代码")
    links = [row[link_at].value for row in summary if row[link_at].value]
    assert links and all(link.startswith(f"{base_url}/checker/#") and "?" not in link for link in links)
    checklist = [row for row in book["清单"].iter_rows(min_row=2, values_only=True)]
    assert any(row[2] == "单位公示申报情况和申报材料" and row[4] == "三（一）3" for row in checklist)
    raw = _download(page, "#export-csv")
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))[1:len(want["rows"]) + 1]
    assert [line[code_at] for line in lines] == [r["verdict"] or "" for r in want["rows"]]
    assert all(not line[link_at] or urlsplit(line[link_at]).query == "" for line in lines)
    assert [line[1] for line in lines] == [f"'{n}" if n[:1] in "=+-@" else n for n in names]


def test_templates_download_generated_from_the_questions(page, base_url: str) -> None:
    from openpyxl import load_workbook

    from checker.questions import QUESTIONS

    open_unit(page, base_url)
    book = load_workbook(io.BytesIO(_download(page, "[data-template='xlsx']")))
    assert [c.value for c in book.worksheets[0][1]] == ["姓名", *(f"{q.label}（{q.id}）" for q in QUESTIONS)]
    assert len(book.worksheets[0].data_validations.dataValidation) == sum(1 for q in QUESTIONS if q.options)
    assert _download(page, "[data-template='csv']").decode("utf-8-sig").startswith("姓名,")


def _print_bundle(page) -> bytes:
    page.evaluate("window.print = () => { window.printed = (window.printed || 0) + 1; }")  # no dialog in a test
    page.click("#print-bundle-button")
    page.wait_for_selector("#unit-app[data-print='ready']", state="attached", timeout=60000)
    assert page.evaluate("window.printed") >= 1  # the button opened the print dialog
    return page.pdf(format="A4")


def _qr_codes(pdf: bytes, page_index: int) -> list[str]:
    import pypdfium2
    import zxingcpp

    document = pypdfium2.PdfDocument(pdf)
    image = document[page_index].render(scale=3).to_pil()
    return [code.text for code in zxingcpp.read_barcodes(image)]


def test_print_bundle_has_a_page_per_person_and_their_qr_code_opens_their_check(page, base_url: str, tmp_path: Path) -> None:
    from pypdf import PdfReader

    from .checker_helpers import open_checker, shown

    open_unit(page, base_url)
    sets = answer_sets(5, seed=21)
    data = to_csv(table(sets, names=["赵一", "钱二", "<b>孙三</b>", "=李四", "周五"])).encode("gb18030")
    open_file(page, "five.csv", data)
    want = cli_batch(tmp_path, "five.csv", data)
    pdf = _print_bundle(page)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == len(want["rows"]) + 2  # summary, unit checklist, one page per person
    text = [unicodedata.normalize("NFKC", p.extract_text()) for p in reader.pages]  # CJK radicals → characters
    assert "单位批量自查汇总" in text[0] and "本单位的工作清单" in text[1]
    assert unicodedata.normalize("NFKC", f"依据：{FIGURES['notice_number']}") in text[0]  # from the parameters
    third = text[2 + 2]
    assert "<b>孙三</b>" in third
    links = [r["link"] for r in shown_rows(page)]
    # Every code of the bundle decodes to its person's link, answers after "#" only.
    codes = [code for n in range(2, len(reader.pages)) for code in _qr_codes(pdf, n)]
    assert codes == links and all(urlsplit(c).query == "" and urlsplit(c).fragment for c in codes)
    # The code opens that person's own check, with the same verdict.
    open_checker(page, base_url, "#" + urlsplit(links[4]).fragment)
    assert shown(page)["verdict"] == want["rows"][4]["verdict"]


def test_nothing_leaves_the_page_after_ready_and_nothing_of_the_roster_is_stored(browser, base_url: str) -> None:
    ctx = browser.new_context(locale="zh-CN", viewport=DESKTOP, accept_downloads=True)
    page = ctx.new_page()
    requests: list[tuple[str, str]] = []
    ctx.on("request", lambda r: requests.append((r.method, r.url)))
    open_unit(page, base_url)
    # Once ready, the page keeps its extra files in the background (issue 18, 4):
    # only the site's own runtime files, nothing sent, no other origin.
    page.wait_for_selector("#unit-app[data-offline='ready']", state="attached", timeout=30000)
    fetched = [(m, u) for m, u in requests if "/assets/pyodide/" in u and "/unit/" in u]
    from sitegen import extra_wheels

    assert len({u for _, u in fetched}) == len(extra_wheels.unit_files()) and all(m == "GET" and u.startswith(f"{base_url}/assets/pyodide/") and "?" not in u
                                     for m, u in fetched)
    # The service worker's install (registered once the checker is ready) checks
    # the scripts again; once it controls the page, nothing more is fetched.
    page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=60000)
    requests.clear()
    paste(page, to_csv(ROWS, "\t"))
    open_file(page, "r.csv", to_csv(ROWS).encode("gb18030"))
    _download(page, "#export-csv")
    open_file(page, "r.xlsx", to_xlsx(ROWS))
    _download(page, "#export-xlsx")
    _print_bundle(page)
    assert [u for _, u in requests if not u.startswith("blob:")] == []  # from here on, no request at all
    stored = page.evaluate("""async () => {
        const caches_ = [];
        for (const name of await caches.keys()) {
            for (const request of await (await caches.open(name)).keys()) caches_.push(request.url);
        }
        return {local: localStorage.length, session: sessionStorage.length, cookie: document.cookie,
                idb: indexedDB.databases ? (await indexedDB.databases()).length : 0, caches: caches_};
    }""")
    assert (stored["local"], stored["session"], stored["cookie"], stored["idb"]) == (0, 0, "", 0)
    assert all(urlsplit(u).path.startswith("/") and "?" not in u and "blob:" not in u for u in stored["caches"])
    assert not any("姓名" in u or "unit-" in urlsplit(u).query for u in stored["caches"])
    ctx.close()


def test_the_checker_page_loads_nothing_of_the_unit_s_desk(page, base_url: str) -> None:
    from .checker_helpers import open_checker

    urls: list[str] = []
    page.on("request", lambda r: urls.append(r.url))
    open_checker(page, base_url)
    assert not [u for u in urls if "/unit/" in u or u.endswith("batch.js")]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_results_fit_the_width_work_by_keyboard_and_pass_axe(browser, base_url: str, viewport: dict) -> None:
    # The results are rows of a grid on a wide screen, stacked on a phone: both layouts.
    ctx = browser.new_context(locale="zh-CN", viewport=viewport)
    page = ctx.new_page()
    open_unit(page, base_url)
    paste(page, to_csv(table(SETS[:4], names=NAMES[:4]), "\t"))
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    page.focus("#paste-check")
    page.keyboard.press("Tab")  # reaches the results' controls by keyboard
    assert page.evaluate("document.activeElement.tagName") in {"A", "BUTTON", "DIV", "INPUT", "TEXTAREA"}
    assert axe_violations(page) == []
    ctx.close()


OFFICE_SETS = staff_sets(12, seed=31) + answer_sets(4, seed=32)


def test_rosters_as_offices_keep_them_give_the_cli_s_people_verdicts_and_fees(page, base_url: str, tmp_path: Path) -> None:
    open_unit(page, base_url)
    files = office_files(OFFICE_SETS)
    for name, data in files.items():
        open_file(page, name, data)
        want = cli_batch(tmp_path, name, data)
        expect_like_cli(page, want)
        source = page.text_content("#unit-source")
        sheet = f"读取工作表“{want['sheet']}”，" if want["sheet"] else ""
        assert f"{sheet}第{want['header_row']}行为列标题" in source and "标题行" not in source
        assert page.text_content("#unit-ignored").startswith("未用于判断的列：序号（A列）")
        assert page.locator("[data-row-error]").count() == 0
    # The same file chosen again after an edit is read again.
    assert page.input_value("input[type=file][name=roster]") == ""
    edited = files["excel-gb18030.csv"].decode("gb18030").replace("职工0001", "职工甲", 1).encode("gb18030")
    open_file(page, "excel-gb18030.csv", edited)
    assert shown_rows(page)[0]["name"] == "职工甲"
    # WPS's own format: one message saying what to do.
    open_file(page, "花名册.et", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    assert "另存为" in page.text_content("#unit-message") and ".xlsx" in page.text_content("#unit-message")


def test_results_an_office_can_work_with(page, base_url: str, tmp_path: Path) -> None:
    import zipfile

    from pypdf import PdfReader

    open_unit(page, base_url)
    page.fill("#unit-name", "南宁某某工艺品有限公司")
    headings, rows = office_table(staff_sets(26, seed=9) + answer_sets(4, seed=2))
    rows[3][2] = rows[7][2] = "特级"
    text = to_csv([headings, *[["" if c is None else c for c in r] for r in rows]], "\t")
    paste(page, text)
    want = cli_batch(tmp_path, "pasted.tsv", text.encode())
    expect_like_cli(page, want)
    count = lambda key: int(page.text_content(f"[data-count='{key}']"))  # noqa: E731
    assert sum(count(v) for v in want["counts"]) + count("not_checked") == count("all") == 30
    assert count("not_checked") == 2
    applying = sum(r["fee_yuan"] for r in want["rows"] if r["verdict"] in ("eligible", "conditional"))
    assert int(page.text_content("[data-fee-applying]")) == applying
    # The same problem in two rows of one column is one line listing both cells.
    errors = shown_errors(page)
    assert len(errors) == 1 and "C5" in errors[0][1] and "C9" in errors[0][1]
    # Filter and sort by verdict.
    page.select_option("#unit-filter", "ineligible")
    visible = page.evaluate("[...document.querySelectorAll('#unit-table [data-row]')].filter(tr => tr.checkVisibility())"
                            ".map(tr => tr.dataset.verdict)")
    assert visible and set(visible) == {"ineligible"} and len(visible) == want["counts"]["ineligible"]
    page.select_option("#unit-filter", "")
    page.select_option("#unit-sort", "verdict")
    order = [r["verdict"] for r in shown_rows(page)]
    assert order == sorted(order, key=lambda v: ["eligible", "conditional", "ineligible", "incomplete", None].index(v))
    # One ineligible person's page: why and whom to ask; no checklist, no fee, no signature lines.
    ineligible = next(r for r in want["rows"] if r["verdict"] == "ineligible")
    page.evaluate("window.print = () => {}")
    page.click(f"#unit-row-{ineligible['row']} [data-print-one]")
    page.wait_for_selector("#unit-app[data-print='ready']", state="attached", timeout=60000)
    reader = PdfReader(io.BytesIO(page.pdf(format="A4")))
    printed = unicodedata.normalize("NFKC", "".join(p.extract_text() for p in reader.pages))
    assert len(reader.pages) == 1 and "南宁某某工艺品有限公司" in printed and ineligible["name"] in printed
    assert "不能申报的原因" in printed and "0771" in printed
    assert "材料与步骤清单" not in printed and "签名" not in printed and "评审费" not in printed
    # The publicity draft as a Word document, headed by the unit's name.
    with zipfile.ZipFile(io.BytesIO(_download(page, "#export-docx"))) as docx:
        xml = docx.read("word/document.xml").decode("utf-8")
    assert "南宁某某工艺品有限公司2017年度" in xml and ineligible["name"] not in xml
    # Nothing for HR staff says 答案键 or shows an answer key.
    page.click(".unit-columns summary")  # the list of columns, opened
    body = page.inner_text("#unit-app")  # what the officer can read (not the page's data)
    assert "答案键" not in body and "target_level" not in body


def test_results_that_rest_on_a_reading_link_it_on_the_desk_and_the_checker(page, base_url: str) -> None:
    """A finding or a unit's duty that states a reading of 解读说明 links it,
    in the unit's results, its print bundle and a person's result (issue 20)."""
    from .checker_helpers import open_checker, settle

    base = {"target_level": "senior", "current_title": "intermediate", "civil_servant": False,
            "high_level_talent": False, "work_location": "guangxi", "employment_months": 36,
            "unit_non_legal_branch": False, "retired": False, "other_application_this_year": False,
            "continuing_education_done": True, "meets_conditions": "no", "exceptional": True, "preapproved": False}
    open_unit(page, base_url)
    paste(page, to_csv(table([{**base, "unit_type": "collective"}, {**base, "unit_type": "state_owned"}]), "\t"))
    assert page.locator("#unit-table a.reading-link[href$='interpretation/#collective-unit']").count() == 1
    assert page.locator("#unit-checklist a.reading-link[href$='interpretation/#exceptional-approver']").count() == 1
    page.evaluate("window.print = () => {}")
    page.click("#print-bundle-button")
    page.wait_for_selector("#unit-app[data-print='ready']", state="attached", timeout=60000)
    assert page.locator("a.reading-link[href$='interpretation/#collective-unit']").count() >= 2  # the row and its page
    open_checker(page, base_url, "#" + "&".join(f"{k}={str(v).lower()}" for k, v in base.items()) + "&unit_type=state_owned")
    settle(page)
    links = page.locator("#checklist a.reading-link[href$='interpretation/#exceptional-approver']")
    assert links.count() >= 2  # the evidence, the originals and the unit's statement name the one approval
