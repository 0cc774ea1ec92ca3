"""Markers for the suite's tiers, so quick work can run the Python tiers alone
(`scripts/test -m "not browser and not node"`); CI runs everything.

- ``browser``: the test drives Debian's chromium (it uses the ``browser``
  fixture, directly or through another fixture), so it also needs a built site.
- ``node``: the test runs Pyodide under Node.js (marked in its module).
- ``slow``: the test takes more than a few seconds on its own (marked where
  it is defined).

And the order of the run, for pytest-xdist's workers: the long tests start
first, and the site is built from the start, beside the first tests.
"""

from __future__ import annotations

import threading

import pytest


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)
    # The workers take the tests in chunks, in this order: a long test taken
    # last would keep the others waiting at the end. (A stable sort: the rest
    # keeps pytest's order.)
    items.sort(key=lambda item: not (item.get_closest_marker("slow") or item.get_closest_marker("node")))


@pytest.fixture(scope="session", autouse=True)
def site_built_early(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> None:
    """Start the run's one build at once, beside the first tests, when a test
    of the run needs the site (``site_dir`` then waits for it; a build that
    failed here is made again there, which reports the failure)."""
    if not any("site_dir" in getattr(item, "fixturenames", ()) for item in request.session.items):
        return
    from .site.conftest import build_once

    tmp_path_factory.getbasetemp()  # made here, not by two threads at once
    def build() -> None:
        try:
            build_once(tmp_path_factory, worker_id)
        except BaseException:  # noqa: BLE001 - site_dir builds again and says why
            pass

    threading.Thread(target=build, name="site build", daemon=True).start()
