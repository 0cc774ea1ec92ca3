"""What the MkDocs hook does at each build event."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from . import checker_page, citations, compress, extra_wheels, glossary, notice_page, offline, runtime, trace_page, unit_page

#: Marker in a page → function returning the Markdown that replaces it.
GENERATORS: dict[str, Callable[[], str]] = {
    "<!-- gen:notice -->": notice_page.render,
    "<!-- gen:glossary -->": glossary.page_markdown,
    "<!-- gen:citations -->": citations.page_markdown,
    "<!-- gen:trace -->": trace_page.page_markdown,
    "<!-- gen:checker -->": checker_page.page_html,
    "<!-- gen:unit -->": unit_page.page_html,
}

#: Pages whose HTML gets no glossary tooltips.
NO_TOOLTIPS = {"glossary.md", "checker/index.md", "unit/index.md"}


def on_config(config: Any) -> Any:
    try:
        import jieba
    except ImportError:  # search still works, without Chinese segmentation
        return config
    for word in glossary.jieba_words():
        jieba.add_word(word, freq=100000)
    return config


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    for marker, generate in GENERATORS.items():
        if marker in markdown:
            markdown = markdown.replace(marker, generate())
    return markdown


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    if page.file.src_uri in NO_TOOLTIPS:
        return html
    depth = page.url.count("/")
    return glossary.add_tooltips(html, "../" * depth + "glossary/")


def on_post_build(config: Any) -> None:
    """Copy Pyodide and the checker's wheel into the site (self-hosted, no CDN),
    write the service worker that keeps it all offline, and pre-compress."""
    site_dir = Path(config["site_dir"])
    runtime.copy_into(site_dir)
    extra_wheels.copy_into(site_dir)  # the unit's desk (/unit/): loaded there only
    offline.write(site_dir)
    compress.compress_site(site_dir)
