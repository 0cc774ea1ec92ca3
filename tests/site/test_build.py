"""The built site: the notice verbatim with every anchor, and every link resolving."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from checker.notice import anchor, load


class Extract(HTMLParser):
    """Ids, links and the text of <article> (the page content)."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.text: list[str] = []
        self.depth = 0
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"] or "")
        if tag == "a" and a.get("href"):
            self.links.append(a["href"] or "")
        if tag == "article":
            self.depth += 1
        if tag in ("script", "style"):
            self.skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.depth -= 1
        if tag in ("script", "style"):
            self.skip -= 1

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip:
            self.text.append(data)


def parse(path: Path) -> Extract:
    e = Extract()
    e.feed(path.read_text(encoding="utf-8"))
    return e


def test_every_line_of_the_notice_is_on_the_notice_page_verbatim_and_in_order(site_dir: Path) -> None:
    text = re.sub(r"\s+", "", "".join(parse(site_dir / "notice" / "index.html").text))
    pos = 0
    for line in load().lines:
        wanted = re.sub(r"\s+", "", line.text)
        found = text.find(wanted, pos)
        assert found >= 0, f"missing or out of order: {line.text}"
        pos = found + len(wanted)


def test_every_numbered_clause_has_its_anchor(site_dir: Path) -> None:
    ids = parse(site_dir / "notice" / "index.html").ids
    for clause in load().clauses:
        assert anchor(clause) in ids
    assert "clause-2-2-4-1" in ids and "clause-1-1-1" in ids


def test_every_internal_link_and_anchor_resolves(site_dir: Path) -> None:
    pages = {p: parse(p) for p in site_dir.rglob("*.html")}
    broken = []
    for path, page in pages.items():
        base = "/" + path.relative_to(site_dir).as_posix()
        for href in page.links:
            parts = urlsplit(href)
            if parts.scheme or href.startswith("//"):
                continue  # external links are plain links (tel:, mailto:), checked below
            target = urlsplit(urljoin(base, href))
            file = site_dir / unquote(target.path).lstrip("/")
            if file.is_dir() or target.path.endswith("/"):
                file = file / "index.html"
            if not file.exists():
                broken.append(f"{base}: {href}")
                continue
            if target.fragment and file.suffix == ".html":
                ids = pages[file].ids if file in pages else parse(file).ids
                if unquote(target.fragment) not in ids:
                    broken.append(f"{base}: {href} (no such anchor)")
    assert broken == []


def test_clauses_cited_by_guidance_pages_exist(site_dir: Path) -> None:
    clause_ids = {anchor(c) for c in load().clauses}
    cited = set()
    for path in site_dir.rglob("*.html"):
        for href in parse(path).links:
            m = re.search(r"notice/#(clause-[0-9-]+)$", href)
            if m:
                cited.add(m.group(1))
    assert cited, "guidance pages should cite clauses"
    assert cited <= clause_ids
    guide = parse(site_dir / "guide" / "eligibility" / "index.html").links
    assert any("notice/#clause-1-1-1" in h for h in guide)


def test_no_page_references_another_origin_for_resources(site_dir: Path) -> None:
    """Static check beside the browser test: no <script src>, <link href> or
    <img src> pointing off the site."""
    pattern = re.compile(r"<(?:script|link|img|iframe|source)[^>]+(?:src|href)=[\"']?(?:https?:)?//", re.I)
    offenders = [p.name for p in site_dir.rglob("*.html") if pattern.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_the_built_styles_show_the_sentence_of_every_kind_of_failure_a_script_reports(site_dir: Path) -> None:
    from sitegen import failures
    css = (site_dir / failures.STYLES).read_text(encoding="utf-8")
    assert failures.STYLES_MARKER not in css
    shown = set(re.findall(r'\[data-checker-failure="(\w+)"\] \[data-failure="\1"\]', css))
    assert shown == failures.REPORTED
