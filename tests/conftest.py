"""Markers for the suite's tiers, so quick work can run the Python tiers alone
(`scripts/test -m "not browser and not node"`); CI runs everything.

- ``browser``: the test drives Debian's chromium (it uses the ``browser``
  fixture, directly or through another fixture), so it also needs a built site.
- ``node``: the test runs Pyodide under Node.js (marked in its module).
- ``slow``: the test takes more than a few seconds on its own (marked where
  it is defined).
"""

from __future__ import annotations

import pytest


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)
