"""The unit's desk (/unit/, 单位批量自查), generated at build time from the
``checker`` package like the checker page: the unit's questions, the column
list and labels come from :mod:`checker.questions` and :mod:`checker.result`;
``assets/unit/unit.js`` brings it to life through the checker's own worker.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any

from checker.batch.roster import UNIT_KEYS
from checker.batch.template import header
from checker.notice import load
from checker.questions import BY_ID, QUESTIONS
from checker.result import SEVERITY_LABELS, VERDICT_LABELS, VERDICTS, WHO_LABELS

from .checker_page import NOTICE_URL, _clause_href, _clause_link


def _unit_question(key: str) -> str:
    q = BY_ID[key]
    options = [("", "不统一（按各行填写）"), *((str(o.value).lower(), o.label) for o in q.options)]
    radios = "".join(
        f'<label class="q-option"><input type="radio" name="{key}" id="unit-{key}-{value or "unset"}" value="{value}"'
        f'{" checked" if not value else ""}> <span>{escape(label)}</span></label>'
        for value, label in options
    )
    clauses = "、".join(_clause_link(c) for c in q.clauses)
    return (f'<fieldset class="q q-fieldset" data-unit-question="{key}" aria-describedby="unit-{key}-hint">'
            f'<legend class="q-label">{escape(q.label)}</legend>'
            f'<p class="q-hint" id="unit-{key}-hint">{escape(q.hint)}<span class="q-clauses">依据：{clauses}</span></p>'
            f'<div class="q-options">{radios}</div></fieldset>')


def columns_html() -> str:
    """Every column a roster may have, with what it accepts (from the questions)."""
    rows = "".join(
        f"<tr><td><code>{escape(q.id)}</code></td><td>{escape(q.label)}</td>"
        f"<td>{escape('、'.join(o.label for o in q.options) if q.options else {'integer': f'整数（{q.unit}）', 'date': '日期，如 2017-06-30'}.get(q.type, ''))}</td></tr>"
        for q in QUESTIONS
    )
    return ('<details class="unit-columns"><summary>可以有哪些列（列标题写中文问题或答案键均可）</summary>'
            '<table><thead><tr><th scope="col">答案键</th><th scope="col">列标题（问题）</th><th scope="col">可填</th></tr></thead>'
            f'<tbody><tr><td><code>name</code></td><td>姓名</td><td>必填</td></tr>{rows}</tbody></table></details>')


def page_data() -> dict[str, Any]:
    return {
        "unit_keys": [k for k in UNIT_KEYS],
        "questions": {q.id: {"label": q.label, "header": header(q)} for q in QUESTIONS},
        "labels": {"verdict": VERDICT_LABELS, "severity": SEVERITY_LABELS, "who": WHO_LABELS},
        "verdicts": list(VERDICTS),
        "levels": {o.value: o.label for o in BY_ID["target_level"].options} if "target_level" in BY_ID else {},
        "clauses": {c.id: {"label": c.label, "href": _clause_href(c.id)} for c in load().clauses.values()},
        "notice": NOTICE_URL,
    }


def page_html() -> str:
    data = json.dumps(page_data(), ensure_ascii=False).replace("</", "<\\/")
    unit_questions = "".join(_unit_question(k) for k in UNIT_KEYS)
    counts = "".join(f'<div class="unit-count unit-count--{v}"><dt>{escape(VERDICT_LABELS[v])}</dt>'
                     f'<dd data-count="{v}">0</dd></div>' for v in VERDICTS)
    return f"""
<div id="unit-app" class="unit-app">
<noscript><p class="checker-noscript">批量自查需要启用 JavaScript。也可以在电脑上用命令行 <code>python -m checker batch 花名册.csv</code> 完成同样的检查。</p></noscript>
<div class="checker-status" id="unit-status" role="status" aria-live="polite" hidden>
<p id="unit-status-text">正在准备自查程序……</p>
<progress id="unit-progress" max="100" value="0" aria-label="加载进度"></progress>
</div>
<section class="unit-step" aria-labelledby="unit-step-1">
<h2 id="unit-step-1">第一步：本单位共同的答案</h2>
<p>这些问题描述的是单位，对本单位所有人员相同：在这里回答一次，花名册中该列留空的行都按这里的答案检查；某一行填写了，就以该行为准。</p>
<form id="unit-form" class="unit-form" autocomplete="off">{unit_questions}</form>
</section>
<section class="unit-step" aria-labelledby="unit-step-2">
<h2 id="unit-step-2">第二步：花名册</h2>
<p>第一行为列标题，须有“姓名”列；其余列写问题的中文标题或答案键，不需要的列可以不要。是非题填“是/否”，选择题填选项文字（如“中级”）。</p>
<p class="unit-templates">下载空白模板：<button type="button" class="md-button" data-template="xlsx">Excel 模板（.xlsx，带下拉选项）</button> <button type="button" class="md-button" data-template="csv">CSV 模板</button></p>
{columns_html()}
<div class="unit-inputs">
<p><label class="q-label" for="roster">打开文件（.csv 或 .xlsx）</label>
<input type="file" id="roster" name="roster" accept=".csv,.xlsx,.txt,.tsv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" aria-describedby="roster-hint">
<span class="q-hint" id="roster-hint">CSV 可以是 UTF-8 或 GBK（Excel、WPS 在中文 Windows 上保存的格式）。文件只在本机读取，不会上传。</span></p>
<p><label class="q-label" for="paste">或者：从 Excel / WPS 复制表格（含标题行），粘贴到这里</label>
<textarea id="paste" name="paste" rows="6" class="unit-paste" spellcheck="false"></textarea>
<button type="button" class="md-button md-button--primary" id="paste-check">检查粘贴的表格</button></p>
</div>
</section>
<div class="error-summary" id="unit-message" role="alert" tabindex="-1" hidden></div>
<section class="unit-results" id="unit-results" aria-labelledby="unit-results-title" hidden>
<h2 id="unit-results-title">检查结果</h2>
<p id="unit-source" class="unit-source"></p>
<dl class="unit-counts" id="unit-counts">{counts}</dl>
<p class="unit-fee">评审费合计：<strong data-fee-total>0</strong> 元（{_clause_link("7")}）<span id="unit-fee-detail"></span></p>
<div id="row-errors-block" class="row-errors" hidden><h3>表格中的问题</h3>
<p>下列行或单元格未能读取。有问题的单元格所在的行不作结论（其他行照常检查），请改正后重新打开或粘贴。</p>
<ul id="row-errors"></ul></div>
<div class="unit-table-wrap" tabindex="0" role="region" aria-label="逐人结果表">
<table class="unit-table" id="unit-table"><caption class="visually-hidden">逐人结果</caption>
<thead><tr><th scope="col">行</th><th scope="col">姓名</th><th scope="col">申报级别</th><th scope="col">结论</th><th scope="col">还需回答</th><th scope="col">须满足的条件 / 不能申报的原因</th><th scope="col">评审费</th><th scope="col">个人自查链接</th></tr></thead>
<tbody></tbody></table></div>
<p class="unit-actions"><button type="button" class="md-button md-button--primary" id="export-xlsx">导出 Excel（.xlsx）</button>
<button type="button" class="md-button" id="export-csv">导出 CSV</button>
<button type="button" class="md-button" id="print-bundle-button">打印：汇总、单位清单和每人一页</button>
<span id="unit-action-status" role="status"></span></p>
<h2 id="unit-checklist-title">本单位的工作清单（本批）</h2>
<p>按本批人员的情况列出单位要做的事，每一项注明出自通知的哪一条。</p>
<ul class="checklist" id="unit-checklist"></ul>
<h3 id="publicity-title">公示名单（草稿）</h3>
<p class="unit-draft">草稿：只列出本工具知道的信息，供单位整理公示时参考（{_clause_link("3.1.3")}）。公示的是申报情况和申报材料，请以单位核实后的材料为准；结论为“不能申报”或表格有误的行未列入。</p>
<div class="unit-table-wrap" tabindex="0" role="region" aria-labelledby="publicity-title">
<table class="unit-table" id="publicity"><thead><tr><th scope="col">行</th><th scope="col">姓名</th><th scope="col">申报级别</th><th scope="col">现有职称</th><th scope="col">申报方式</th></tr></thead><tbody></tbody></table></div>
</section>
<div id="print-bundle" class="print-bundle" aria-hidden="true"></div>
<script type="application/json" id="unit-data">{data}</script>
</div>
"""
