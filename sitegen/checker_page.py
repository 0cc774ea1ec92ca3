"""The self-check page, generated at build time from the ``checker`` package.

The form comes from the questions (``python -m checker questions``), the
static fallback from the checklist catalogue, and the labels the script
needs from ``checker.result``: nothing about a question or an item is written
a second time. The page works as static HTML; ``assets/checker/app.js``
brings it to life with Python running in a Web Worker.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any

from checker import questions_json
from checker.catalog import DATES, ITEMS, STEPS
from checker.parameters import FEES_YUAN
from checker.notice import anchor, load
from checker.questions import BY_ID
from checker.result import SEVERITY_LABELS, VERDICT_LABELS, WHO_LABELS


NOTICE_URL = "../notice/"  # from /checker/


def _clause_href(clause_id: str) -> str:
    return f"{NOTICE_URL}#{anchor(clause_id)}"


def _clause_link(clause_id: str) -> str:
    label = load().clauses[clause_id].label
    return f'<a href="{_clause_href(clause_id)}" class="clause-link">{escape(label)}</a>'


def _question(q: dict[str, Any]) -> str:
    qid = q["id"]
    hint_id, error_id = f"{qid}-hint", f"{qid}-error"
    clauses = "、".join(_clause_link(c) for c in q["clauses"])
    hint = (f'<p class="q-hint" id="{hint_id}">{escape(q["hint"])}'
            f'<span class="q-clauses">依据：{clauses}</span></p>')
    error = f'<p class="q-error" id="{error_id}" hidden></p>'
    # Follow-up questions start hidden; the script shows those that apply
    # (Python says which: checker.web.respond's "applicable").
    when = " hidden" if q["when"] else ""
    described = f'aria-describedby="{hint_id} {error_id}"'
    if q["type"] in ("choice", "boolean"):
        options = "".join(
            f'<label class="q-option"><input type="radio" name="{qid}" id="{qid}-{str(o["value"]).lower()}" '
            f'value="{str(o["value"]).lower()}"> <span>{escape(o["label"])}</span></label>'
            for o in q["options"]
        )
        body = (f'<fieldset class="q-fieldset" {described}><legend class="q-label">{escape(q["label"])}</legend>'
                f'{hint}{error}<div class="q-options">{options}</div>'
                f'<button type="button" class="q-clear" data-clear="{qid}" hidden>清除此题答案</button></fieldset>')
    else:
        if q["type"] == "integer":
            field = (f'<input class="q-input q-input--number" type="text" inputmode="numeric" autocomplete="off" '
                     f'id="{qid}" name="{qid}" {described}> <span class="q-unit">{escape(q.get("unit", ""))}</span>')
        else:
            field = f'<input class="q-input" type="date" id="{qid}" name="{qid}" {described}>'
        body = f'<label class="q-label" for="{qid}">{escape(q["label"])}</label>{hint}{error}<div class="q-field">{field}</div>'
    return f'<div class="q" id="q-{qid}" data-question="{qid}" data-type="{q["type"]}"{when}>{body}</div>'


def form_html() -> str:
    groups: dict[str, list[str]] = {}
    for q in questions_json():
        groups.setdefault(q["group"], []).append(_question(q))
    sections = "".join(
        f'<section class="q-group" aria-labelledby="group-{n}"><h2 id="group-{n}">{escape(name)}</h2>{"".join(items)}</section>'
        for n, (name, items) in enumerate(groups.items(), 1)
    )
    return f'<form id="checker-form" class="checker-form" novalidate autocomplete="off">{sections}</form>'


def generic_checklist_html() -> str:
    """Every checklist item, step and date, marked with whom it applies to."""
    items = "".join(
        f'<li class="generic-item" data-generic-clause="{d.clause}"><span class="checkbox" aria-hidden="true"></span>'
        f'<strong>{escape(d.title)}</strong>（{escape(WHO_LABELS[d.who])}）<br>'
        f'<span class="generic-detail">{escape(d.detail)}</span><br>'
        f'<span class="applies">适用：{escape(d.applies)}</span> · 依据：{_clause_link(d.clause)}</li>'
        for d in ITEMS.values()
    )
    steps = "".join(
        f'<li>{escape(s.title)} <span class="applies">（适用：{escape(s.applies)}）</span> · {_clause_link(s.clause)}</li>'
        for s in STEPS.values()
    )
    dates = "".join(
        f'<li>{escape(d.period)}：{escape(d.title)} · {_clause_link(d.clause)}</li>'
        for d in DATES
    )
    return (
        '<details class="generic" id="generic-checklist" open>'
        '<summary><h2 class="generic-title">通用材料清单（未按您的情况筛选）</h2></summary>'
        '<p>下面列出通知要求的全部材料和步骤，并注明各自适用的情形。自查程序无法运行时，请按这份清单对照准备。</p>'
        f'<h3>材料与单位工作</h3><ul class="generic-list">{items}</ul>'
        f'<h3>申报步骤</h3><ol>{steps}</ol>'
        f'<h3>时间</h3><ul>{dates}</ul>'
        f'<h3>评审费</h3><p>{escape(fees_text())}（每人每次，报送材料时一次付清）· {_clause_link("7")}</p>'
        '</details>'
    )


#: What the page says when the checker cannot run, by the reason boot.js or
#: app.js sets in ``<html data-checker-failure>`` ("none": no script ran at
#: all; shown by CSS alone). One plain sentence of what failed and what to do;
#: the technical detail goes to the browser's console.
FAILURES = {
    "unsupported": "您的浏览器不支持运行自查程序（需要 WebAssembly 和 Web Worker）。请换用较新版本的浏览器，或按下面的通用材料清单对照准备。",
    "scripts": "自查程序的页面脚本未能下载。请检查网络后刷新页面，或按下面的通用材料清单对照准备。",
    "network": "网络太慢或已中断，自查程序的下载停了下来。请在网络较好时刷新页面，已下载完的文件不必重新下载；也可以按下面的通用材料清单对照准备。",
    "download": "自查程序的文件下载不完整或已损坏。请刷新页面重新下载；如果仍然不行，请按下面的通用材料清单对照准备。",
    "server": "网站服务器的设置有误（.wasm 文件的类型不是 application/wasm），自查程序无法启动。请告知网站管理员，并暂按下面的通用材料清单对照准备。",
    "start": "自查程序未能启动。请刷新页面重试，或换用较新版本的浏览器；也可以按下面的通用材料清单对照准备。",
    "none": "自查程序没有运行：页面脚本未能下载，或浏览器未启用 JavaScript。请刷新页面重试，或按下面的通用材料清单对照准备。",
}


def failures_html() -> str:
    return "".join(f'<p data-failure="{kind}">{escape(text)}</p>' for kind, text in FAILURES.items())


def fees_text() -> str:
    """高级380元、中级230元、初级150元 (高级 first, as the notice lists them)."""
    return "、".join(f"{o.label}{FEES_YUAN[o.value]}元" for o in reversed(BY_ID["target_level"].options))


def page_data() -> dict[str, Any]:
    """What the script needs: the questions and the labels of the result."""
    return {
        "questions": questions_json(),
        "fees": fees_text(),
        "labels": {"verdict": VERDICT_LABELS, "severity": SEVERITY_LABELS, "who": WHO_LABELS},
        # The script links findings to clauses as the static page does.
        "clauses": {c.id: {"label": c.label, "href": _clause_href(c.id)} for c in load().clauses.values()},
    }


def page_html() -> str:
    data = json.dumps(page_data(), ensure_ascii=False).replace("</", "<\\/")
    return f"""
<div id="checker-app" class="checker-app">
<noscript><p class="checker-noscript">本页的自动判断需要启用 JavaScript。请按下面的通用材料清单对照准备。</p></noscript>
<div class="checker-status" id="checker-status" role="status" aria-live="polite">
<p id="checker-status-text">正在准备自查程序……</p>
<progress id="checker-progress" max="100" value="0" aria-label="下载进度"></progress>
</div>
<div class="checker-failure" id="checker-failure" role="alert">{failures_html()}</div>
<div class="checker-notices" id="url-notices" role="alert" hidden></div>
<div class="error-summary" id="error-summary" role="alert" tabindex="-1" hidden>
<h2>请更正以下答案</h2><ul id="error-list"></ul>
</div>
<div class="checker-layout">
{form_html()}
<section class="checker-result" id="checker-result" aria-labelledby="result-title" hidden>
<h2 id="result-title">自查结果</h2>
<p class="print-only" id="print-date"></p>
<div class="verdict" id="verdict" role="status" aria-live="polite"></div>
<div class="result-block" id="missing-block" hidden><h3>还需回答</h3><ul id="missing-list"></ul></div>
<div class="result-block"><h3>理由与提示</h3><ul id="findings" class="findings"></ul></div>
<div class="result-block"><h3>申报步骤</h3><ol id="steps" class="steps"></ol></div>
<div class="result-block"><h3>个人材料清单</h3><ul id="checklist" class="checklist"></ul></div>
<div class="result-block"><h3>评审费与时间</h3><p id="fee"></p><ul id="dates"></ul></div>
<div class="result-block print-only"><h3>您的回答</h3><dl id="answer-summary" class="answer-summary"></dl></div>
<p class="print-only signature">申报人签名：________________　　日期：________________</p>
<p class="no-print"><button type="button" class="md-button md-button--primary" id="print-button">打印清单</button></p>
</section>
</div>
<details class="employer-link no-print" id="employer-link">
<summary>单位链接：把共同的答案预先填好，发给本单位人员</summary>
<p>先在上面的表格中回答本单位人员共同的问题（例如单位类型），再勾选要放进链接的答案，然后复制链接。链接只包含这些答案，不含任何个人信息；打开链接的人仍可修改。</p>
<fieldset><legend>放进链接的答案</legend><div id="employer-choices"><p class="employer-empty">还没有回答任何问题。</p></div></fieldset>
<p><label for="employer-url">链接</label><br><input type="text" id="employer-url" class="employer-url" readonly></p>
<p><button type="button" class="md-button" id="employer-copy">复制链接</button> <span id="employer-copied" role="status"></span></p>
</details>
{generic_checklist_html()}
<script type="application/json" id="checker-data">{data}</script>
</div>
"""
