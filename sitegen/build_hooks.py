"""What the MkDocs hook does at each build event."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from checker.parameters import FIGURES

from . import (
    checker_assets, checker_page, citations, compress, diagrams, error_pages, extra_wheels, failures, figures, glossary,
    notice_page, offline, trace_page, unit_page,
)

#: Marker in a page → function returning the Markdown that replaces it.
GENERATORS: dict[str, Callable[[], str]] = {
    "<!-- gen:notice -->": notice_page.render,
    "<!-- gen:glossary -->": glossary.page_markdown,
    "<!-- gen:citations -->": citations.page_markdown,
    "<!-- gen:trace -->": trace_page.page_markdown,
    "<!-- gen:fees -->": figures.fees_markdown,
    "<!-- gen:periods -->": figures.periods_markdown,
    "<!-- gen:timeline -->": figures.timeline_markdown,
    "<!-- gen:unit-headings -->": unit_page.headings_markdown,
}

#: Marker in a page → function returning the HTML of a component (the checker's
#: form and results, the unit's desk), put in after the Markdown is rendered:
#: the templates are indented as HTML, which Markdown would read as its own
#: (an indented line as code, a blank line as the end of the HTML).
COMPONENTS: dict[str, Callable[[], str]] = {
    "<!-- gen:checker -->": checker_page.page_html,
    "<!-- gen:unit -->": unit_page.page_html,
}

#: Pages whose HTML gets no glossary tooltips.
NO_TOOLTIPS = {"glossary.md", "checker/index.md", "unit/index.md"}


def on_config(config: Any) -> Any:
    # The site's name names the notice by the parameters' figures ({year} …).
    for key in ("site_name", "site_description"):
        config[key] = config[key].format(**FIGURES)
    # Where this build's checker scripts live (site_overrides/checker.html).
    config["extra"]["checker_assets"] = checker_assets.folder()
    config["extra"]["checker_downloads"] = checker_assets.early_downloads()  # boot.js starts these
    config["watch"].append(str(checker_assets.WEB))  # `mkdocs serve`: the scripts live outside docs/
    try:
        import jieba
    except ImportError:  # search still works, without Chinese segmentation
        return config
    for word in glossary.jieba_words():
        jieba.add_word(word, freq=100000)
    return config


def on_files(files: Any, config: Any) -> Any:
    checker_assets.place_scripts(files, config)
    styles = files.get_file_from_path(failures.STYLES)  # the rule by kind of failure, from checker/failures.toml
    styles.content_string = failures.fill_styles(styles.content_string)
    return files


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    for marker, generate in GENERATORS.items():
        if marker in markdown:
            markdown = markdown.replace(marker, generate())
    # Pictures (<!-- gen:diagram:NAME -->) link to the notice relative to their page.
    markdown = diagrams.substitute(markdown, page.file.src_uri if page is not None else "")
    return figures.substitute(markdown)


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    # Markdown keeps a marker, an HTML comment, as it is.
    for marker, generate in COMPONENTS.items():
        if marker in html:
            html = html.replace(marker, generate())
    if page.file.src_uri in NO_TOOLTIPS:
        return html
    depth = page.url.count("/")
    return glossary.add_tooltips(html, "../" * depth + "glossary/")


def on_post_build(config: Any) -> None:
    """Copy Pyodide and the checker's wheel into the site (self-hosted, no CDN),
    write the service worker that keeps it all offline, and pre-compress."""
    site_dir = Path(config["site_dir"])
    checker_assets.copy_into(site_dir)
    extra_wheels.copy_into(site_dir)  # the unit's desk (/unit/): loaded there only
    glossary.write_search_synonyms(site_dir)  # before offline and compress: they copy the index
    offline.write(site_dir)
    error_pages.write(site_dir)  # after offline: never needed offline
    compress.compress_site(site_dir)
