"""A smaller, faster standard library for the checker page: only the files of
Pyodide's ``python_stdlib.zip`` that the checker uses (listed in
``site_data/stdlib.txt`` by ``sitegen/stdlib_modules.mjs``), compiled to
bytecode by Pyodide's own Python (``sitegen/stdlib_pyc.mjs``) so that Python
need not compile them at every start. Loaded with ``loadPyodide({stdLibURL})``."""

from __future__ import annotations

import hashlib
import io
import subprocess
import zipfile
from functools import lru_cache
from pathlib import Path

from . import DATA, ROOT, build_cache, runtime

LIST = DATA / "stdlib.txt"
COMPILER = Path(__file__).with_name("stdlib_pyc.mjs")


def wanted() -> list[str]:
    lines = LIST.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line and not line.startswith("#")]


def subset(names: list[str], lister: str) -> bytes:
    """A zip of the named files of Pyodide's standard library, byte-for-byte
    the same for the same inputs (entries keep their metadata). ``lister`` is
    the script that writes the list, named when a file is missing."""
    keep = set(names)
    out = io.BytesIO()
    with zipfile.ZipFile(runtime.PYODIDE_DIR / "python_stdlib.zip") as full, zipfile.ZipFile(out, "w") as small:
        missing = keep - set(full.namelist())
        if missing:
            raise RuntimeError(f"not in this Pyodide's standard library: {sorted(missing)[:5]}; run node sitegen/{lister}")
        for info in full.infolist():
            if info.filename in keep:
                small.writestr(info, full.read(info))
    return out.getvalue()


def compile_zip(sources: bytes) -> bytes:
    """``sources`` as sourceless ``.pyc`` files, compiled under Node by
    Pyodide's own Python (``stdlib_pyc.mjs``); made once per input state
    (cached on disk, like the wheel)."""
    compiler = COMPILER.read_bytes() + COMPILER.with_name("node_pyodide.mjs").read_bytes()
    key = hashlib.sha256(sources + compiler + runtime.pyodide_version().encode()).hexdigest()[:16]

    def make(out: Path) -> None:
        src = out / "sources.zip"
        src.write_bytes(sources)
        proc = subprocess.run(["node", str(COMPILER), str(src), str(out / "stdlib.zip")],
                              capture_output=True, text=True, cwd=ROOT)
        src.unlink()
        if proc.returncode != 0:
            raise RuntimeError(f"compiling the standard library failed:\n{proc.stderr[-2000:]}")

    return (build_cache.cached("stdlib-cache", key, make) / "stdlib.zip").read_bytes()


@lru_cache(maxsize=1)
def sources() -> bytes:
    """The checker's listed source files."""
    return subset(wanted(), "stdlib_modules.mjs")


@lru_cache(maxsize=1)
def compiled() -> bytes:
    """The zip the page loads: the checker's sources as bytecode."""
    return compile_zip(sources())


def digest() -> str:
    """Names the served zip (and its cache in the browser)."""
    return hashlib.sha256(compiled()).hexdigest()[:12]


def url() -> str:
    """Site-relative URL; named by content, as it is cached for a year."""
    return f"{runtime.pyodide_url()}stdlib-{digest()}.zip"
