"""Pictures of the notice, drawn at build time as inline SVG from ``checker/``.

Three things are easier to see than to read: when things happen (the periods
of 六, ``parameters.PERIODS``), who may apply (the blocking rules, their
``cites`` and ``findings``), and who hands the papers to whom (the catalogue's
route steps). Each picture is drawn from those structures on every build, so
it changes when the parameters or the rules do.

Why a small layout of our own rather than Graphviz or Mermaid: every picture
is a vertical stack of boxes joined by arrows, which is what fits a 390 px
phone and prints in black and white; Mermaid renders in the browser (a script,
and Material loads it from a CDN), Graphviz would be a system package on every
build machine and lays out wide graphs that a phone has to scroll.

The SVG is inline, so its text takes the page's font (CJK glyphs included)
and the page's stylesheet (``docs/assets/stylesheets/diagrams.css``) gives it
its colours and its print look. Text is wrapped here, by an estimate of each
character's width (CJK characters are one em wide in every font), since SVG
does not wrap text itself. Every picture has a text alternative with the same
content: a ``<desc>``, or a list beside it (``<details>``, with the links).

Pages write ``<!-- gen:diagram:NAME -->`` (see :data:`DIAGRAMS`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from checker.catalog import ALL, OFFICE, STEPS
from checker.findings import FINDINGS
from checker.notice import anchor, load
from checker.parameters import DEADLINE, FIGURES, PERIOD, PERIODS, zh_date, zh_period
from checker import rules

from . import figures

#: The drawing's width in SVG units; shown at about that many CSS pixels, so
#: it fits the content column of a 390 px phone (358 px) without scaling the
#: text below its size.
WIDTH = 340
TEXT = 14      # body text size (units ≈ px)
SMALL = 12.5   # arrow labels, clause labels
PAD = 8        # inside a box
GAP = 26       # between boxes, room for an arrow and its label

MARKER = re.compile(r"<!-- gen:diagram:([a-z_]+) -->")


# --- text ----------------------------------------------------------------------

#: Never at the start of a line / never at the end of one (Chinese line breaking).
_NO_START = set("，。、；：）」』”》！？,.;:)!?%")
_NO_END = set("（「『“《(")
#: A clause label in 〔〕, a run of digits or letters, or one character.
_TOKEN = re.compile(r"〔[^〕]*〕|[0-9A-Za-z.\-—/@]+|.", re.S)


def _advance(ch: str, size: float) -> float:
    """Estimated width of a character: CJK and full-width forms are one em;
    Latin letters and digits at most about 0.62 em in the site's fonts."""
    return size * (0.62 if ord(ch) < 0x1100 else 1.0)


def text_width(text: str, size: float = TEXT) -> float:
    return sum(_advance(c, size) for c in text)


def wrap(text: str, width: float, size: float = TEXT) -> list[str]:
    """Break ``text`` into lines no wider than ``width``, keeping runs of
    digits and letters and clause labels whole, and punctuation where Chinese
    typesetting wants it (a closing mark takes the character before it to
    the next line rather than start a line itself)."""
    tokens: list[str] = []
    for tok in _TOKEN.findall(text):
        if tokens and (tok in _NO_START or tokens[-1][-1] in _NO_END):
            tokens[-1] += tok
        else:
            tokens.append(tok)
    lines, line = [], ""
    for tok in tokens:
        if line and text_width(line + tok, size) > width:
            lines.append(line)
            line = tok
        else:
            line += tok
    if line:
        lines.append(line)
    if len(lines) > 1 and len(lines[-1]) == 1 and not lines[-2][-1].isascii():
        take = 2 if lines[-2][-1] in _NO_START else 1  # no line of one character alone
        lines[-2], lines[-1] = lines[-2][:-take], lines[-2][-take:] + lines[-1]
    return lines


# --- drawing -------------------------------------------------------------------


def _f(n: float) -> str:
    return f"{n:.1f}".rstrip("0").rstrip(".")


@dataclass
class Line:
    """A line of text in a box: ``text`` wrapped to the box, in a style."""

    text: str
    style: str = ""  # "" | "strong" | "small"

    @property
    def size(self) -> float:
        return SMALL if self.style == "small" else TEXT


@dataclass
class Canvas:
    """An SVG drawing built top to bottom (y grows as boxes are added)."""

    width: float = WIDTH
    parts: list[str] = field(default_factory=list)
    height: float = 0

    def text(self, x: float, y: float, lines: list[Line], width: float, anchor_: str = "start") -> float:
        """Wrapped lines from ``y`` (the top); returns the height used."""
        spans, top = [], y
        for line in lines:
            for piece in wrap(line.text, width, line.size):
                top += line.size * 1.2
                cls = f' class="diagram-{line.style}"' if line.style else ""
                spans.append(f'<tspan x="{_f(x)}" y="{_f(top)}"{cls}>{escape(piece)}</tspan>')
                top += line.size * 0.3
        self.parts.append(f'<text text-anchor="{anchor_}" font-size="{TEXT}">{"".join(spans)}</text>')
        self.height = max(self.height, top)
        return top - y

    def measure(self, lines: list[Line], width: float) -> float:
        return sum(len(wrap(line.text, width, line.size)) * line.size * 1.5 for line in lines)

    def rect(self, x: float, y: float, w: float, h: float, cls: str = "") -> None:
        self.parts.append(f'<rect x="{_f(x)}" y="{_f(y)}" width="{_f(w)}" height="{_f(h)}" rx="4" '
                          f'fill="#fff" stroke="#333" stroke-width="1.5" class="diagram-box {cls}"/>')
        self.height = max(self.height, y + h)

    def box(self, x: float, y: float, w: float, lines: list[Line], cls: str = "", href: str | None = None,
            min_h: float = 0, anchor_: str = "start", pad: float = PAD) -> float:
        """A box holding wrapped ``lines`` (centred vertically), a link to
        ``href`` when given; returns its height."""
        content = self.measure(lines, w - 2 * pad) - lines[-1].size * 0.3
        h = max(min_h, content + 2 * pad)
        if href:
            self.parts.append(f'<a href="{escape(href)}">')
        self.rect(x, y, w, h, cls)
        self.text(x + w / 2 if anchor_ == "middle" else x + pad, y + (h - content) / 2, lines, w - 2 * pad, anchor_)
        if href:
            self.parts.append("</a>")
        return h

    def line(self, x1: float, y1: float, x2: float, y2: float, dashed: bool = False, head: bool = True) -> None:
        dash = ' stroke-dasharray="5 4"' if dashed else ""
        self.parts.append(f'<path d="M{_f(x1)} {_f(y1)}L{_f(x2)} {_f(y2)}" stroke="#333" stroke-width="1.5" '
                          f'fill="none" class="diagram-line"{dash}/>')
        if head:  # an arrowhead at (x2, y2), pointing along the line
            a = math.atan2(y2 - y1, x2 - x1)
            pts = [(x2, y2)] + [(x2 - 9 * math.cos(a + s), y2 - 9 * math.sin(a + s)) for s in (0.45, -0.45)]
            self.parts.append('<path d="M' + "L".join(f"{_f(px)} {_f(py)}" for px, py in pts)
                              + 'Z" fill="#333" class="diagram-head"/>')
        self.height = max(self.height, y1, y2)

    def label(self, x: float, y: float, text: str, anchor_: str = "start") -> None:
        self.parts.append(f'<text x="{_f(x)}" y="{_f(y)}" font-size="{SMALL}" text-anchor="{anchor_}" '
                          f'class="diagram-label">{escape(text)}</text>')

    def svg(self, ident: str, title: str, desc: str | None, role: str = "img", margin: float = 4) -> str:
        """The drawing as one ``<svg>`` element, labelled by its title (and
        described by ``desc``). No blank or indented line: it sits in Markdown."""
        h = math.ceil(self.height + margin)
        labelled = f"{ident}-title" + (f" {ident}-desc" if desc and role == "img" else "")
        head = (f'<svg xmlns="http://www.w3.org/2000/svg" class="diagram-svg" id="{ident}" '
                f'viewBox="0 0 {_f(self.width)} {h}" width="{_f(self.width)}" height="{h}" '
                f'role="{role}" aria-labelledby="{labelled}">')
        meta = f'<title id="{ident}-title">{escape(title)}</title>'
        if desc:
            meta += f'<desc id="{ident}-desc">{escape(desc)}</desc>'
        return "\n".join([head, meta, *self.parts, "</svg>"])


# --- links to the notice --------------------------------------------------------


def _root(page: str) -> str:
    """The site's root relative to the built page of Markdown file ``page``
    (``guide/eligibility.md`` is served as ``/guide/eligibility/``)."""
    return "../" * (page.count("/") + (0 if page.rsplit("/", 1)[-1] == "index.md" else 1))


def notice_href(clause_id: str, page: str) -> str:
    """The notice's clause, relative to the built page of ``page``."""
    return f"{_root(page)}notice/#{anchor(clause_id)}"


def reading_href(reading: str, page: str) -> str:
    """A reading on 解读说明, relative to the built page of ``page``."""
    return f"{_root(page)}interpretation/#{reading}"


def _label(clause_id: str) -> str:
    return load().clauses[clause_id].label


def _text_list(items: list[str], summary: str = "图的文字版") -> str:
    """The picture's content as an ordered list (items are HTML)."""
    lis = "".join(f"<li>{item}</li>" for item in items)
    return f'<details class="diagram-text"><summary>{summary}</summary><ol>{lis}</ol></details>'


def _figure(name: str, svg: str, caption: str, alternative: str = "") -> str:
    return (f'<figure class="diagram diagram-{name}">\n{svg}\n'
            f"<figcaption>{escape(caption)}</figcaption>\n{alternative}</figure>")


def _clause_a(clause_id: str, page: str) -> str:
    return f'<a href="{escape(notice_href(clause_id, page))}">{escape(_label(clause_id))}</a>'


def _reading_a(reading: str, page: str, words: str = "解读说明") -> str:
    return f'<a href="{escape(reading_href(reading, page))}">{escape(words)}</a>'


# --- the timeline of 六 ---------------------------------------------------------

OPEN_END = "通知没有写结束日期"
DEADLINE_TAG = "截止"


def timeline_svg(ident: str = "diagram-timeline") -> str:
    """The periods of 六 top to bottom on a rail: the deadline's box drawn
    heavy and tagged, a period without an end left open (dashed, no end date)."""
    c = Canvas()
    rail, x, w = 10, 26, WIDTH - 26
    y, first_dot = 2.0, None
    desc = []
    for p in PERIODS:
        when = zh_period(p.start, p.end)
        deadline = p.end == DEADLINE
        lines = [Line(when, "strong"), Line(p.title)]
        if deadline:
            lines.append(Line(f"{DEADLINE_TAG}：{zh_date(DEADLINE)}", "strong"))
        if p.end is None:
            lines.append(Line(OPEN_END, "small"))
        cls = "diagram-deadline" if deadline else ("diagram-open" if p.end is None else "")
        h = c.box(x, y, w, lines, cls)
        if deadline:  # a solid tag at the box's corner, seen in black and white too
            tw = text_width(DEADLINE_TAG, SMALL) + 10
            c.parts.append(f'<rect x="{_f(x + w - tw - 4)}" y="{_f(y + 3)}" width="{_f(tw)}" height="21" rx="3" '
                           f'fill="#333" class="diagram-tag"/>')
            c.parts.append(f'<text x="{_f(x + w - 4 - tw / 2)}" y="{_f(y + 17.5)}" font-size="{SMALL}" '
                           f'text-anchor="middle" fill="#fff" class="diagram-tag-text">{DEADLINE_TAG}</text>')
        dot = y + 12
        c.parts.append(f'<circle cx="{rail}" cy="{_f(dot)}" r="{7 if deadline else 5}" fill="#333" class="diagram-dot"/>')
        c.line(rail + 7, dot, x - 1, dot, head=False)
        first_dot = dot if first_dot is None else first_dot
        last_dot, y = dot, y + h + 14
        desc.append(f"{when}：{p.title}" + (f"（{DEADLINE_TAG}：{zh_date(DEADLINE)}）" if deadline else "")
                    + (f"，{OPEN_END}" if p.end is None else ""))
    c.line(rail, first_dot or 0, rail, last_dot, head=False)
    if PERIODS[-1].end is None:  # the rail goes on, dashed, past the last box
        c.line(rail, last_dot, rail, y + 12, dashed=True)
    c.height = max(c.height, y + 12)
    return c.svg(ident, f"{FIGURES['year']}年度时间安排（示意图）", "；".join(desc) + "。")


def timeline_html(page: str = "timeline.md") -> str:
    return _figure("timeline", timeline_svg(), f"图：{FIGURES['year']}年度时间安排（粗框为材料截止，虚线为没有写结束日期）")


# --- who may apply ---------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """A line under a step: the notice's words or a finding's (``text``) at
    ``clause``; ``reading``, the id on 解读说明 where the line is the site's
    reading (marked 本站理解 and linked there)."""

    text: str
    clause: str
    reading: str | None = None


@dataclass
class Gate:
    """A step of the decision: the notice's words at ``clause``; ``admits``
    when meeting it lets one through (else meeting it bars), with the lines
    under it (the clauses that admit, or the exceptions) and, for a step that
    admits, the cases its clauses do not settle (``unstated``: the checker
    gives a condition, not 不能申报)."""

    clause: str
    words: str
    admits: bool
    children: list[Case] = field(default_factory=list)
    unstated: list[Case] = field(default_factory=list)


def _words_up_to(clause_id: str, quote: str) -> str:
    """The clause's own words from its start to the end of ``quote``."""
    heading = load().clauses[clause_id].heading
    at = heading.find(quote)
    if at < 0:
        return quote
    text = heading[:at + len(quote)]
    return text if heading[at + len(quote):].strip("。 ") == "" else text + "……"


#: 解读说明's source: a reading's title is its heading there.
READINGS_PAGE = Path(__file__).resolve().parents[1] / "docs" / "interpretation.md"
_READING_HEADING = re.compile(r"^#{2,4} (.+?) \{#([a-z0-9-]+)\}\s*$", re.M)


def reading_title(reading: str) -> str:
    """The heading of ``reading`` on 解读说明 (its figures filled in)."""
    titles = {ident: title for title, ident in _READING_HEADING.findall(READINGS_PAGE.read_text(encoding="utf-8"))}
    return figures.substitute(titles[reading])


def gates() -> list[Gate]:
    """The blocking rules as the steps of a decision, in their order; rules
    final on the same words are one step. A rule whose words bar (不得) is met
    → cannot apply, with its notes as exceptions (a note resting on a reading
    marked as the site's); the others admit, with the clauses of the notes
    that say why someone is in scope, and the conditions on those clauses
    that rest on a reading: cases the notice does not settle, which the
    checker does not bar."""
    found: dict[tuple[str, str], Gate] = {}
    for rule in rules.blocking_rules():
        clause, words = rule.final_words
        gate = found.setdefault((clause, words), Gate(clause, words, "不得" not in words))
        reported = [FINDINGS[f] for f in rule.reports]
        for note in (d for d in reported if d.severity == "note"):
            if gate.admits:
                text = _words_up_to(note.clause, rule.cites.get(note.clause, ""))
                child = Case(text or load().clauses[note.clause].heading, note.clause)
            else:
                child = Case(note.text.format(**FIGURES), note.clause, note.reading)
            if child not in gate.children:
                gate.children.append(child)
        if gate.admits:
            admitting = {c.clause for c in gate.children}
            for d in reported:
                case = Case(d.case or reading_title(d.reading), d.clause, d.reading) if d.reading else None
                if (d.severity == "condition" and case and d.clause in admitting
                        and case not in gate.unstated):
                    gate.unstated.append(case)
    return list(found.values())


def obtainable_steps() -> list[str]:
    """The steps that conditions can still be met by (an approval, a written
    opinion, an entrustment), from the findings' remedies."""
    found: list[str] = []
    for d in FINDINGS.values():
        if d.severity == "condition":
            found += [r for r in d.remedy if r in STEPS and r != "ask_series_office" and r not in found]
    return found


APPLY_OK = "可以申报"
BARRED = "不能申报"
CONDITIONS = "还要先办的事（办好即可申报）"
ONE_OF = "属于下列情形之一："
#: Above the cases an admitting step's clauses do not settle: what the checker
#: says of them (a condition naming whom to ask), and that it is a reading.
UNSTATED = "通知没有写明的情形，本站不判为不能申报，列为须确认的条件："
EXCEPTION = "例外："
#: The mark of a line that is the site's reading (its box links the reading).
OURS = "本站理解"


def case_lines(case: Case, exception: bool) -> list[Line]:
    """A case's box: its clause (and 本站理解 where it is the site's reading),
    then its words (an exception's marked so)."""
    label = _label(case.clause) + (f" · {OURS}" if case.reading else "")
    return [Line(label, "small"), Line((EXCEPTION if exception else "") + case.text)]


def eligibility_svgs(page: str, ident: str = "diagram-eligibility") -> list[str]:
    """The decision top to bottom, one drawing per step (so that print breaks
    pages between steps, never through a box), each gate's exit to 不能申报
    on the right; the drawings join up when stacked."""
    main_w, exit_x = 222, 270  # room between them for the exit arrow's label (3 characters)
    exit_w, inner_w = WIDTH - exit_x, main_w - 2 * PAD
    drawings: list[Canvas] = []

    def arrow_down(c: Canvas, bottom: float, label: str = "") -> None:
        c.line(main_w / 2, bottom, main_w / 2, bottom + GAP - 1)
        if label:
            c.label(main_w / 2 + 8, bottom + 16, label)
        c.height = bottom + GAP

    def case_box(c: Canvas, y: float, case: Case, exception: bool) -> float:
        return c.box(PAD, y, main_w - 2 * PAD, case_lines(case, exception), "diagram-child",
                     reading_href(case.reading, page) if case.reading else notice_href(case.clause, page))

    for gate in gates():
        c = Canvas()
        top = 1.0
        head = [Line(_label(gate.clause), "small"), Line(gate.words, "strong")]
        if gate.admits and gate.children:
            head.append(Line(ONE_OF))
        at = len(c.parts)  # the frame goes under what is drawn in it
        c.parts.append(f'<a href="{escape(notice_href(gate.clause, page))}">')
        cy = top + PAD - 4 + c.text(PAD, top + PAD - 4, head, inner_w) + 4
        c.parts.append("</a>")
        for case in gate.children:
            cy += case_box(c, cy, case, not gate.admits) + 6
        if gate.unstated:
            cy += c.text(PAD, cy - 2, [Line(UNSTATED)], inner_w) + 2
            for case in gate.unstated:
                cy += case_box(c, cy, case, False) + 6
        total = cy - top + PAD
        c.rect(0, top, main_w, total, "diagram-gate")
        c.parts.insert(at, c.parts.pop())
        mid = top + min(total / 2, 40)
        c.line(main_w, mid, exit_x, mid)
        c.label((main_w + exit_x) / 2, mid - 7, "不属于" if gate.admits else "属于", "middle")
        c.box(exit_x, mid - 18, exit_w, [Line(BARRED, "strong")], "diagram-stop",
              notice_href(gate.clause, page), min_h=36, anchor_="middle", pad=4)
        arrow_down(c, top + total, "属于其一" if gate.admits else "不属于")
        drawings.append(c)
    steps = [STEPS[s] for s in obtainable_steps()]
    if steps:
        c = Canvas()
        top = 1.0
        head = [Line(CONDITIONS, "strong")]
        cy = top + c.measure(head, inner_w) + PAD
        c.text(PAD, top + PAD - 4, head, inner_w)
        for s in steps:
            h = c.box(PAD, cy, main_w - 2 * PAD, [Line(_label(s.clause), "small"), Line(f"{s.applies}：{s.title}")],
                      "diagram-child", notice_href(s.clause, page))
            cy += h + 6
        c.rect(0, top, main_w, cy - top + PAD - 6, "diagram-cond")
        c.parts.insert(0, c.parts.pop())  # the frame under its boxes
        arrow_down(c, cy + PAD - 6)
        drawings.append(c)
    c = Canvas()
    scope = next((g for g in gates() if g.admits), None)
    c.box(0, 1, main_w, [Line(APPLY_OK, "strong")], "diagram-ok",
          notice_href(scope.clause if scope else "1.1", page), min_h=36, anchor_="middle")
    drawings.append(c)
    n = len(drawings)
    return [d.svg(f"{ident}-{i + 1}", f"谁可以申报：第{i + 1}步，共{n}步（点框可看通知原文或本站的理解）", None, role="group",
                  margin=0 if i < n - 1 else 4)
            for i, d in enumerate(drawings)]


def eligibility_svg(page: str) -> str:
    return '<div class="diagram-stack">\n' + "\n".join(eligibility_svgs(page)) + "\n</div>"


def eligibility_text(page: str) -> list[str]:
    """The same decision as list items (HTML), with the same links."""
    items = []
    for gate in gates():
        words = f"{_clause_a(gate.clause, page)} {escape(gate.words)}"
        if gate.admits:
            kids = "；".join(f"{_clause_a(c.clause, page)} {escape(c.text)}" for c in gate.children)
            unstated = "；".join(_reading_a(c.reading, page, c.text) for c in gate.unstated if c.reading)
            items.append(f"{words}。{ONE_OF[:-1]}的，往下看：{kids}。"
                         + (f"{UNSTATED[:-1]}（各项见解读说明），往下看：{unstated}。" if unstated else "")
                         + f"都不属于的，{BARRED}。")
        else:
            kids = "".join(f"（{_clause_a(c.clause, page)} {EXCEPTION[:-1]}"
                           + (f"（{OURS}，见{_reading_a(c.reading, page)}）" if c.reading else "")
                           + f"：{escape(c.text)}）" for c in gate.children)
            items.append(f"{words}。属于的，{BARRED}{kids}；不属于的，往下看。")
    steps = [STEPS[s] for s in obtainable_steps()]
    if steps:
        items.append(CONDITIONS + "：" + "；".join(
            f"{_clause_a(s.clause, page)} {escape(s.applies)}：{escape(s.title)}" for s in steps))
    items.append(APPLY_OK + "。")
    return items


def eligibility_html(page: str = "guide/eligibility.md") -> str:
    return _figure("eligibility", eligibility_svg(page),
                   "图：谁可以申报（从上往下对照；粗框为不能申报，虚线框为办好即可申报的事）",
                   _text_list(eligibility_text(page)))


# --- the route ---------------------------------------------------------------------

#: Who does which route step (the catalogue's steps; their words, clauses and
#: dates come from there), top to bottom.
ROUTE: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("申报人", ("prepare",)),
    ("申报人所在单位（部门）", ("unit_review", "publicity", "interview_defence", "recommendation")),
    ("各市人事职改部门或区直主管部门", ("department_review",)),
    (OFFICE, ("submission", "review")),
)
#: A stage whose steps carry no date of their own: the period of 六 it falls in
#: (六（二）: 6-7月 is when the units and the departments collect and check).
STAGE_PERIOD = {"申报人所在单位（部门）": "unit_stage"}
#: The other channels, beside the usual route.
CHANNELS = ("apply_via_talent_market", "hq_opinion", "entrustment")


@dataclass
class Stage:
    """A box of the route: who, when (a period of 六, where its steps have
    no date of their own), whom it applies to (said once: its first step's;
    同上 when the box above says the same), and its steps, each with whom it
    applies to where that differs from the stage's."""

    who: str
    when: tuple[str, str] | None  # (the period's words, its clause id)
    applies: str
    steps: list[tuple[str, str, str]]  # (title, applies or "", clause id)

    def head(self, clause: Callable[[str], str] = lambda c: f"〔{_label(c)}〕",
             words: Callable[[str], str] = str) -> tuple[str, str]:
        """The lines under ``who`` ("" where none): when (its clause as
        ``clause`` writes it) and whom it applies to; ``words`` for the rest
        (``escape`` in HTML)."""
        when = words(self.when[0]) + clause(self.when[1]) if self.when else ""
        return when, self.applies and words(APPLIES_TO + self.applies)


APPLIES_TO = "适用于："
SAME = "同上"


def stages() -> list[Stage]:
    found, above = [], ""
    for who, step_ids in ROUTE:
        period = PERIOD.get(STAGE_PERIOD.get(who, ""))
        when = (zh_period(period.start, period.end), period.clause) if period else None
        first = STEPS[step_ids[0]].applies
        applies = "" if first == ALL else first
        steps = [(STEPS[s].title, "" if STEPS[s].applies == (applies or ALL) else STEPS[s].applies, STEPS[s].clause)
                 for s in step_ids]
        found.append(Stage(who, when, SAME if applies and applies == above else applies, steps))
        above = applies
    return found


def _step_text(title: str, applies: str, clause: str) -> str:
    return title + (f"（{applies}）" if applies else "") + f"〔{_label(clause)}〕"


def route_svgs() -> tuple[str, str]:
    """The usual route (applicant → unit → city or department → series
    office, with the dates) and, as its own picture, the other channels."""
    c = Canvas()
    y, desc = 2.0, []
    route = stages()
    for i, stage in enumerate(route):
        steps = [_step_text(*step) for step in stage.steps]
        when, applies = stage.head()
        lines = [Line(stage.who, "strong"), *([Line(when)] if when else []),
                 *([Line(applies, "small")] if applies else []), *(Line("· " + t) for t in steps)]
        h = c.box(0, y, WIDTH, lines, "diagram-stage")
        desc.append(stage.who + "".join(f"（{t}）" for t in stage.head() if t) + "：" + "；".join(steps))
        y += h
        if i < len(route) - 1:
            c.line(WIDTH / 2, y, WIDTH / 2, y + GAP - 2)
            y += GAP
    main = c.svg("diagram-route", "申报途径：材料从申报人到系列职改办", "→".join(desc) + "。")
    o = Canvas()
    y, desc = 2.0, []
    for s in (STEPS[i] for i in CHANNELS):
        h = o.box(0, y, WIDTH, [Line(s.applies, "strong"), Line(f"{s.title}〔{_label(s.clause)}〕")], "diagram-cond")
        desc.append(f"{s.applies}：{s.title}〔{_label(s.clause)}〕")
        y += h + 12
    other = o.svg("diagram-channels", "另外的途径", "；".join(desc) + "。")
    return main, other


def route_html(page: str = "guide/routes.md") -> str:
    main, other = route_svgs()
    items = []
    for stage in stages():
        head = stage.head(lambda c: "，" + _clause_a(c, page), escape)
        items.append(escape(stage.who) + "".join(f"（{t}）" for t in head if t) + "：" + "；".join(
            f"{escape(title)}（{_clause_a(clause, page)}）" + (f"，{escape(applies)}" if applies else "")
            for title, applies, clause in stage.steps))
    items += [f"另外的途径，{escape(STEPS[s].applies)}：{escape(STEPS[s].title)}（{_clause_a(STEPS[s].clause, page)}）"
              for s in CHANNELS]
    svg = f'<div class="diagram-pair">\n{main}\n{other}\n</div>'
    return _figure("route", svg, "图：申报途径（实线框：一般途径和时间，从上往下；虚线框：另外的途径）", _text_list(items))


# --- on the pages ----------------------------------------------------------------

#: ``<!-- gen:diagram:NAME -->`` → the picture for the page it is on.
DIAGRAMS = {
    "timeline": timeline_html,
    "eligibility": eligibility_html,
    "route": route_html,
}


def substitute(markdown: str, page: str) -> str:
    """Replace each diagram marker with its picture, linked from ``page``
    (the Markdown file's path under docs/). An unknown name fails the build."""

    def draw(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in DIAGRAMS:
            raise KeyError(f"unknown diagram <!-- gen:diagram:{name} -->; known: {', '.join(sorted(DIAGRAMS))}")
        return "\n" + DIAGRAMS[name](page) + "\n"

    return MARKER.sub(draw, markdown)
