"""The 通知原文 page: every line of the notice, verbatim and in order, each
numbered item wrapped in an element with the anchor ``clause-<id>``."""

from __future__ import annotations

from html import escape

from checker.notice import Clause, Line, Notice, anchor, load, within

_KIND_CLASS = {"number": "notice-number", "addressees": "notice-addressees", "preamble": "notice-preamble"}


def _open(clause: Clause, line: Line) -> str:
    ref = f'<a class="clause-ref" href="#{anchor(clause.id)}" title="本条链接（{clause.label}）">{clause.id}</a>'
    return (f'<div class="clause clause-depth-{clause.depth}" id="{anchor(clause.id)}" data-clause="{clause.id}">'
            f'<p class="clause-line">{ref}{escape(line.text)}</p>')


def _section(notice: Notice, lines: list[Line]) -> str:
    """One top-level item: a Markdown heading, then raw HTML for the rest."""
    head, rest = lines[0], lines[1:]
    top = notice.clauses[head.clause or ""]
    out = [f"## {escape(head.text)} {{#{anchor(top.id)} data-clause=\"{top.id}\"}}", ""]
    html: list[str] = []
    stack: list[str] = []
    for line in rest:
        target = line.clause or top.id
        while stack and not within(target, stack[-1]):
            html.append("</div>")
            stack.pop()
        if line.kind == "clause" and target != top.id:
            html.append(_open(notice.clauses[target], line))
            stack.append(target)
        else:
            html.append(f'<p class="clause-body">{escape(line.text)}</p>')
    html.extend("</div>" for _ in stack)
    if html:
        out.append('<div class="notice-section">' + "".join(html) + "</div>")
    return "\n".join(out) + "\n"


def render(notice: Notice | None = None) -> str:
    """Markdown (with raw HTML) for the whole notice."""
    notice = notice or load()
    parts: list[str] = []
    top_level: list[list[Line]] = []
    for line in notice.lines:
        if line.kind == "title":
            parts.append(f"# {escape(line.text)} {{#notice-title}}\n")
        elif line.kind in _KIND_CLASS:
            parts.append(f'<p class="{_KIND_CLASS[line.kind]}">{escape(line.text)}</p>\n')
        elif line.kind == "clause" and line.clause and "." not in line.clause:
            top_level.append([line])
        elif line.kind == "signature":
            continue
        else:
            top_level[-1].append(line)
    parts.extend(_section(notice, lines) for lines in top_level)
    signature = "".join(f"<p>{escape(l.text)}</p>" for l in notice.lines if l.kind == "signature")
    parts.append(f'<div class="notice-signature">{signature}</div>\n')
    return "\n".join(parts)
