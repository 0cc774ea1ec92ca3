"""What the pages on the checker's worker say when it cannot run, by kind of
failure: the kinds and sentences of ``checker/failures.toml``, for the pages'
templates and for the worker (``runtime.js``). The kinds are named once, in
its ``[kinds]`` table; a sentence for a kind not named there is an error here,
at build time."""

from __future__ import annotations

from checker.datafile import load

_RAW = load("failures.toml")

#: Every kind of failure, named once (``[kinds]``: kind → when it is reported).
KINDS: dict[str, str] = _RAW["kinds"]
#: The kind no script reports: no script ran at all, shown by checker.css alone.
NO_SCRIPT = "none"
#: The kinds the scripts report in ``<html data-checker-failure>``.
REPORTED: frozenset[str] = frozenset(KINDS) - {NO_SCRIPT}

#: /checker/, by the kind in ``<html data-checker-failure>``.
CHECKER_PAGE: dict[str, str] = _RAW["checker_page"]
#: /unit/, by the same kinds (each followed by :data:`UNIT_ALTERNATIVE`).
UNIT_PAGE: dict[str, str] = _RAW["unit_page"]
UNIT_ALTERNATIVE: str = _RAW["phrases"]["unit_alternative"]
#: /unit/, a file of the unit's desk that cannot be had (``network``, ``download``).
UNIT_FILES: dict[str, str] = _RAW["unit_files"]


def _check(table: str, said: dict[str, str], wanted: set[str]) -> None:
    """Each page has a sentence for every kind it can show, and none for a kind
    that is not named in ``[kinds]``."""
    if set(said) - set(KINDS):
        raise ValueError(f"failures.toml [{table}]: kinds not named in [kinds]: {sorted(set(said) - set(KINDS))}")
    if wanted - set(said):
        raise ValueError(f"failures.toml [{table}]: no sentence for {sorted(wanted - set(said))}")


_check("checker_page", CHECKER_PAGE, set(KINDS))
_check("unit_page", UNIT_PAGE, set(REPORTED))
_check("unit_files", UNIT_FILES, set())


#: checker.css (docs/assets/stylesheets/): where the build writes the rule that
#: shows the sentence of each kind a script reports (a comment without it).
STYLES = "assets/stylesheets/checker.css"
STYLES_MARKER = "/* gen:failure-rules */"


def css_rule() -> str:
    """The rule that shows, for each kind a script reports in
    ``<html data-checker-failure>``, the page's sentence for it."""
    kinds = [kind for kind in KINDS if kind in REPORTED]
    selectors = [f'html[data-checker="failed"][data-checker-failure="{kind}"] [data-failure="{kind}"]' for kind in kinds]
    return ",\n".join(selectors) + " { display: block; }"


def fill_styles(css: str) -> str:
    """checker.css with its rule by kind of failure written in."""
    if css.count(STYLES_MARKER) != 1:
        raise ValueError(f"{STYLES} must hold {STYLES_MARKER} once (the rule by kind of failure goes there)")
    return css.replace(STYLES_MARKER, css_rule())
