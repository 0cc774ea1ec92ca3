"""What the pages on the checker's worker say when it cannot run, by kind of
failure: the sentences of ``checker/failures.toml``, for the pages' templates
and for the worker (``runtime.js``)."""

from __future__ import annotations

from checker.datafile import load

_RAW = load("failures.toml")

#: /checker/, by the kind in ``<html data-checker-failure>``.
CHECKER_PAGE: dict[str, str] = _RAW["checker_page"]
#: /unit/, by the same kinds (each followed by :data:`UNIT_ALTERNATIVE`).
UNIT_PAGE: dict[str, str] = _RAW["unit_page"]
UNIT_ALTERNATIVE: str = _RAW["phrases"]["unit_alternative"]
#: /unit/, a file of the unit's desk that cannot be had (``network``, ``download``).
UNIT_FILES: dict[str, str] = _RAW["unit_files"]
