"""The pure-Python packages the unit's desk (/unit/) needs in the browser —
openpyxl (with et_xmlfile) for .xlsx, xlrd for old .xls workbooks and segno
for QR codes — copied into the
site as wheels, like the checker's own (never from a CDN).

Each wheel is zipped from the files of the pinned distribution installed in
this environment (``pip install .[batch]``), so the build needs no network and
the browser runs exactly the versions the tests run. With them goes a second,
small standard-library zip: the modules the batch code, openpyxl and segno use
beyond the checker's trimmed list (``site_data/unit-stdlib.txt``, written by
``sitegen/unit_stdlib_modules.mjs``), compiled to bytecode like the checker's.

They live under ``assets/pyodide/<version>/unit/`` with content-hashed names:
long-cached by the server (deploy/nginx.conf) and left out of the service
worker's up-front copy. The worker fetches them only on /unit/ and only when
needed (batch.js): /checker/ never loads them. The versioned runtime.js lists
them with their sizes and hashes (sitegen/checker_assets.py); the worker checks
each before use and keeps it for offline use, fetching them in the background
once /unit/ is ready.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from . import DATA, runtime, stdlib

#: Distribution → what the page loads it for. Order matters: dependencies first.
PACKAGES = {"et_xmlfile": "openpyxl", "openpyxl": "openpyxl", "segno": "segno", "xlrd": "xlrd"}
STDLIB_LIST = DATA / "unit-stdlib.txt"
_FIXED_TIME = (2017, 1, 1, 0, 0, 0)  # reproducible zips: same files, same bytes


@lru_cache(maxsize=None)
def wheel_bytes(distribution: str) -> tuple[str, bytes]:
    """``(file name, bytes)`` of a wheel made from the installed distribution."""
    dist = metadata.distribution(distribution)
    files = sorted(str(f) for f in dist.files or ())
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for rel in files:
            if "__pycache__" in rel or rel.endswith(".pyc") or rel.startswith(".."):
                continue
            path = Path(dist.locate_file(rel))
            if not path.is_file():
                continue
            info = zipfile.ZipInfo(rel, _FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes())
    data = out.getvalue()
    name = dist.metadata["Name"].replace("-", "_")
    digest = hashlib.sha256(data).hexdigest()[:12]
    return f"{name}-{dist.version}-{digest}-py3-none-any.whl", data


def folder() -> str:
    return f"{runtime.pyodide_url()}unit/"


def stdlib_wanted() -> list[str]:
    lines = STDLIB_LIST.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line and not line.startswith("#")]


@lru_cache(maxsize=1)
def stdlib_zip() -> tuple[str, bytes]:
    """``(file name, bytes)``: the extra standard-library modules as bytecode,
    compiled by Pyodide's Python like the checker's (sitegen/stdlib.py)."""
    data = stdlib.compile_zip(stdlib.subset(stdlib_wanted(), "unit_stdlib_modules.mjs"))
    return f"stdlib-unit-{hashlib.sha256(data).hexdigest()[:12]}.zip", data


def unit_files() -> dict[str, bytes]:
    """Site-relative path → bytes of every file the unit's desk may load: the
    wheels and the extra standard library. checker_assets.py lists them in the
    versioned runtime.js with their sizes and hashes (issue 18: a stale,
    unversioned list named files a new build no longer has)."""
    return {folder() + name: data for name, data in [wheel_bytes(d) for d in PACKAGES] + [stdlib_zip()]}


def features() -> dict[str, list[str]]:
    """Feature → site-relative paths of the wheels it needs, in order."""
    wanted: dict[str, list[str]] = {}
    for distribution, feature in PACKAGES.items():
        wanted.setdefault(feature, []).append(folder() + wheel_bytes(distribution)[0])
    return wanted


def copy_into(site_dir: Path) -> None:
    (site_dir / folder()).mkdir(parents=True, exist_ok=True)
    for path, data in unit_files().items():
        (site_dir / path).write_bytes(data)
