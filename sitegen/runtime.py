"""The checker page's runtime: the self-hosted Pyodide files and the
checker's wheel, copied into the built site (never loaded from a CDN).

Both live under paths that change whenever their content changes
(``assets/pyodide/<version>/``, ``assets/checker/checker-<hash>.whl``), so a
web server may cache them for a long time. ``sitegen/checker_assets.py``
copies them into the site.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

from . import ROOT, build_cache

PYODIDE_DIR = ROOT / "node_modules" / "pyodide"
#: What the checker needs of the npm package: the loader and the wasm module.
#: No packages (the checker uses the stdlib only), so no lock file: the
#: generated runtime module passes its header (lock_info). The standard
#: library is a trimmed, compiled copy (sitegen/stdlib.py).
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")


class RuntimeMissing(RuntimeError):
    pass


@lru_cache(maxsize=1)
def pyodide_version() -> str:
    package = PYODIDE_DIR / "package.json"
    if not package.exists():
        raise RuntimeMissing("node_modules/pyodide is missing: run scripts/setup (npm ci) first.")
    return json.loads(package.read_text(encoding="utf-8"))["version"]


@lru_cache(maxsize=1)
def lock_info() -> dict[str, str]:
    """The header of Pyodide's lock file: all loadPyodide needs when no package is loaded."""
    lock = json.loads((PYODIDE_DIR / "pyodide-lock.json").read_text(encoding="utf-8"))
    return lock["info"]


def pyodide_url() -> str:
    """Site-relative folder of the Pyodide files."""
    return f"assets/pyodide/{pyodide_version()}/"


def wheel_hash() -> str:
    """Hash of the checker's sources: names the wheel and its cache folder."""
    digest = hashlib.sha256()
    for path in sorted((ROOT / "checker").rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(ROOT).as_posix().encode())
            digest.update(path.read_bytes())
    digest.update((ROOT / "pyproject.toml").read_bytes())
    return digest.hexdigest()[:12]


def wheel() -> Path:
    """The checker's wheel, built with ``python -m build`` once per source state
    (cached on disk by source hash, so a rebuild under ``mkdocs serve`` after an
    edit of checker/ gets a fresh wheel, never the old one under a new name)."""

    def make(out: Path) -> None:
        subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(ROOT)],
                       check=True, capture_output=True, cwd=ROOT)
        shutil.rmtree(ROOT / "build" / "lib", ignore_errors=True)

    return sorted(build_cache.cached("wheel-cache", wheel_hash(), make).glob("*.whl"))[0]


WHEEL_COMPILER = Path(__file__).with_name("wheel_pyc.mjs")


def page_wheel_key() -> str:
    """Names the page's wheel, its URL and its cache: the checker's sources,
    and the Pyodide and script that compiled its bytecode."""
    digest = hashlib.sha256(wheel_hash().encode() + pyodide_version().encode())
    digest.update(WHEEL_COMPILER.read_bytes() + WHEEL_COMPILER.with_name("node_pyodide.mjs").read_bytes())
    return digest.hexdigest()[:12]


def page_wheel() -> Path:
    """The wheel the page loads: :func:`wheel` with each module's bytecode
    beside it, compiled under Node by Pyodide's own Python
    (``sitegen/wheel_pyc.mjs``), so that the browser imports the checker
    without compiling it; cached on disk like the wheel."""
    source = wheel()

    def make(out: Path) -> None:
        proc = subprocess.run(["node", str(WHEEL_COMPILER), str(source), str(out / source.name)],
                              capture_output=True, text=True, cwd=ROOT)
        if proc.returncode != 0:
            raise RuntimeError(f"compiling the checker's wheel failed:\n{proc.stderr[-2000:]}")

    return build_cache.cached("page-wheel-cache", page_wheel_key(), make) / source.name


def wheel_url() -> str:
    return f"assets/checker/checker-{page_wheel_key()}.whl"
