"""A smaller standard library for the checker page: only the files of
Pyodide's ``python_stdlib.zip`` that the checker uses (listed in
``site_data/stdlib.txt`` by ``sitegen/stdlib_modules.mjs``). About a third of
the download; Python starts the same way (``loadPyodide({stdLibURL})``)."""

from __future__ import annotations

import hashlib
import io
import zipfile
from functools import lru_cache

from . import DATA, runtime

LIST = DATA / "stdlib.txt"


def wanted() -> list[str]:
    lines = LIST.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line and not line.startswith("#")]


@lru_cache(maxsize=1)
def trimmed() -> bytes:
    """The zip, byte-for-byte the same for the same inputs (entries keep their metadata)."""
    keep = set(wanted())
    out = io.BytesIO()
    with zipfile.ZipFile(runtime.PYODIDE_DIR / "python_stdlib.zip") as full, zipfile.ZipFile(out, "w") as small:
        missing = keep - set(full.namelist())
        if missing:
            raise RuntimeError(f"not in this Pyodide's standard library: {sorted(missing)[:5]}; "
                               "run node sitegen/stdlib_modules.mjs")
        for info in full.infolist():
            if info.filename in keep:
                small.writestr(info, full.read(info))
    return out.getvalue()


def url() -> str:
    """Site-relative URL; named by content, as it is cached for a year."""
    return f"{runtime.pyodide_url()}stdlib-{hashlib.sha256(trimmed()).hexdigest()[:12]}.zip"
