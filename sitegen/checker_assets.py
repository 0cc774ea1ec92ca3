"""The checker page's scripts and runtime in the built site.

The browser's scripts are code, not pages: they live in ``web/``, outside the
MkDocs ``docs_dir``, and the build serves them (:func:`place_scripts`). Those of
the pages on the checker's worker (``web/checker/*.js``) and the generated
``runtime.js`` are served from one folder named after a hash of everything
they stand for (their text, Pyodide, the standard library, the wheel):
``assets/checker/v-<hash>/``; the two every page loads (``web/site/*.js``)
from ``assets/javascripts/``, where they find the site's root. A page always
names the folder of its own build, so a cache (the service worker's or the
browser's) can never combine a new page with an old script or old rules
(issue 12, "mixed versions").

This module is also the one definition of the runtime files: which cache of
the browser's Cache Storage each belongs to, and the size and SHA-256 that the
checker's worker checks before it keeps a file. ``runtime.js`` and ``sw.js``
are both written from :func:`runtime_files`.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from functools import lru_cache
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File

from . import ROOT, extra_wheels, failures, runtime, stdlib, templating

SOURCE_DIR = "assets/checker/"
WEB = ROOT / "web"
SOURCES = WEB / "checker"  # served from folder()
SITE_SCRIPTS = WEB / "site"  # served from SITE_DIR, on every page
SITE_DIR = "assets/javascripts/"
#: What the build adds to the versioned folder besides web/checker/*.js.
GENERATED = ("runtime.js",)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@lru_cache(maxsize=1)
def runtime_files() -> dict[str, dict[str, Any]]:
    """Site-relative path of each runtime file → its cache name, size and hash
    (and ``unit: true`` for the files only the unit's desk loads).
    Cache names change with the content (Pyodide by version, the standard
    library and the wheel by hash), so a build that changes a file drops its
    cache and one that keeps it keeps the copy already on the device."""
    files: dict[str, tuple[str, bytes]] = {}
    for name in runtime.PYODIDE_FILES:
        data = (runtime.PYODIDE_DIR / name).read_bytes()
        files[runtime.pyodide_url() + name] = (f"pyodide-{runtime.pyodide_version()}", data)
    files[stdlib.url()] = (f"stdlib-{stdlib.digest()}", stdlib.compiled())
    files[runtime.wheel_url()] = (f"checker-{runtime.page_wheel_key()}", runtime.page_wheel().read_bytes())
    found = {path: {"cache": cache, "size": len(data), "sha256": _sha256(data)} for path, (cache, data) in files.items()}
    # The unit's desk's files (/unit/ only, loaded when needed): checked, kept
    # and versioned like the rest, in one cache named after all of them.
    unit = extra_wheels.unit_files()
    cache = "unit-" + _sha256(b"".join(_sha256(data).encode() for data in unit.values()))[:12]
    for path, data in unit.items():
        found[path] = {"cache": cache, "size": len(data), "sha256": _sha256(data), "unit": True}
    return found


def runtime_caches() -> dict[str, str]:
    """Site-relative path → cache name (what the service worker needs)."""
    return {path: file["cache"] for path, file in runtime_files().items()}


def early_downloads() -> dict[str, Any]:
    """What ``boot.js`` starts downloading from the page, before the worker
    has its scripts (``data-downloads`` on its tag): the files Python's start
    waits for, the largest first, as paths from the site's root (``root``:
    the root relative to the scripts' folder) → cache. The wheel is left to
    the worker, which fetches it once the wasm is in (worker.js)."""
    files = runtime_files()
    paths = [runtime.pyodide_url() + "pyodide.asm.wasm", stdlib.url()]
    return {"root": "../" * folder().count("/"), "files": {path: files[path]["cache"] for path in paths}}


def _scripts() -> list[Path]:
    return sorted(SOURCES.glob("*.js"))


@lru_cache(maxsize=1)
def folder() -> str:
    """``assets/checker/v-<hash>/``: where this build's checker scripts live."""
    digest = hashlib.sha256()
    for path in _scripts():
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    digest.update(json.dumps(runtime_files(), sort_keys=True).encode())
    digest.update(json.dumps(runtime.lock_info(), sort_keys=True).encode())
    digest.update(json.dumps(failures.UNIT_FILES, sort_keys=True).encode())
    return f"{SOURCE_DIR}v-{digest.hexdigest()[:12]}/"


def module_source() -> str:
    """``runtime.js``: the versioned runtime paths and files, known only at build
    time. The worker imports it (and through it Pyodide's loader) as soon as it
    starts, without waiting for a message from the page."""
    return templating.render_script(
        "runtime.js", base="../" * folder().count("/"), pyodide=runtime.pyodide_url(), stdlib=stdlib.url(),
        wheel=runtime.wheel_url(), lock_info=runtime.lock_info(),
        unit_stdlib=extra_wheels.folder() + extra_wheels.stdlib_zip()[0], unit_wheels=extra_wheels.features(),
        unit_failures=failures.UNIT_FILES, files=runtime_files())


def served_scripts() -> dict[str, Path]:
    """Site-relative path → the file of ``web/`` served there."""
    served = {folder() + path.name: path for path in _scripts()}
    served |= {SITE_DIR + path.name: path for path in sorted(SITE_SCRIPTS.glob("*.js"))}
    return served


def place_scripts(files: Any, config: Any) -> None:
    """MkDocs ``on_files``: serve the scripts of ``web/`` (web/checker/*.js from
    this build's folder, web/site/*.js from assets/javascripts/)."""
    for dest, path in served_scripts().items():
        files.append(File(path.relative_to(ROOT).as_posix(), src_dir=str(ROOT), dest_dir=config["site_dir"],
                          use_directory_urls=config["use_directory_urls"], dest_uri=dest))


def copy_into(site_dir: Path) -> None:
    """Copy the runtime files into a built site, with the module that finds them."""
    target = site_dir / runtime.pyodide_url()
    target.mkdir(parents=True, exist_ok=True)
    for name in runtime.PYODIDE_FILES:
        shutil.copy2(runtime.PYODIDE_DIR / name, target / name)
    (site_dir / stdlib.url()).write_bytes(stdlib.compiled())
    wheel = site_dir / runtime.wheel_url()
    wheel.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(runtime.page_wheel(), wheel)
    (site_dir / folder() / "runtime.js").write_text(module_source(), encoding="utf-8")
