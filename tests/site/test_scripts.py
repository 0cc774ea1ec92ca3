"""The browser's scripts live in web/ (issue 15, section 4) and the build
serves exactly those: no script of web/ left out of the built site, no script
a page or another script loads that web/ (or the build) does not provide."""

from __future__ import annotations

import re
from pathlib import Path

from sitegen import checker_assets

ROOT = Path(__file__).resolve().parents[2]

# How a page or a script of the checker's folder names another script of it.
_PAGE_LOADS = re.compile(r"""(?:src|href)="[^"]*/v-[0-9a-f]+/([\w.-]+\.js)\"""")
_SCRIPT_LOADS = re.compile(r"""(?:from |import\()"\./([\w.-]+\.js)"|`([\w.-]+\.js)[#`]""")  # a worker: `worker.js#…`


def _folder(site_dir: Path) -> Path:
    [folder] = site_dir.glob("assets/checker/v-*/")
    return folder


def test_every_script_of_web_is_served_as_it_is(site_dir: Path) -> None:
    folder = _folder(site_dir)
    served = {path.name for path in folder.glob("*.js")}
    sources = {path.name for path in checker_assets.SOURCES.glob("*.js")}
    assert served == sources | set(checker_assets.GENERATED), "web/checker/ and the served folder differ"
    for name in sources:
        assert (folder / name).read_bytes() == (checker_assets.SOURCES / name).read_bytes(), name
    for path in checker_assets.SITE_SCRIPTS.glob("*.js"):
        served_copy = site_dir / checker_assets.SITE_DIR / path.name
        assert served_copy.read_bytes() == path.read_bytes(), path.name


def test_no_script_is_left_among_the_pages() -> None:
    # A script under docs/ would be served beside the pages, outside the
    # versioned folder (a cached page could then run another build's script).
    assert not sorted((ROOT / "docs").rglob("*.js"))


def test_every_script_loaded_is_in_the_folder_and_every_one_there_is_loaded(site_dir: Path) -> None:
    folder = _folder(site_dir)
    served = {path.name for path in folder.glob("*.js")}
    loaded: dict[str, str] = {}
    for page in site_dir.rglob("*.html"):
        for name in _PAGE_LOADS.findall(page.read_text(encoding="utf-8")):
            loaded.setdefault(name, str(page.relative_to(site_dir)))
    for script in folder.glob("*.js"):
        for match in _SCRIPT_LOADS.findall(script.read_text(encoding="utf-8")):
            loaded.setdefault(next(name for name in match if name), script.name)
    missing = {name: by for name, by in loaded.items() if name not in served}
    assert not missing, f"loaded but not in the folder: {missing}"
    assert served == set(loaded), f"in the folder but loaded by nothing: {served - set(loaded)}"
