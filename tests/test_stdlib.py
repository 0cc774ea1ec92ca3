"""The trimmed standard library the checker page loads lists every file the
checker uses in Pyodide (regenerated here and compared with the committed list)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from sitegen import runtime, stdlib

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.node
def test_the_stdlib_list_is_up_to_date(tmp_path: Path) -> None:
    fresh = tmp_path / "stdlib.txt"
    proc = subprocess.run(["node", str(ROOT / "sitegen" / "stdlib_modules.mjs"), str(runtime.wheel()), str(fresh)],
                          capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-2000:]
    needed = set(fresh.read_text().splitlines()) - {""}
    listed = set(stdlib.LIST.read_text().splitlines())
    assert needed <= listed, f"run: node sitegen/stdlib_modules.mjs <wheel>; missing {sorted(needed - listed)}"


def test_the_served_zip_holds_exactly_the_listed_modules_as_bytecode() -> None:
    import gzip
    import io
    import zipfile

    sources = zipfile.ZipFile(io.BytesIO(stdlib.sources())).namelist()
    assert sorted(sources) == sorted(stdlib.wanted())
    served = zipfile.ZipFile(io.BytesIO(stdlib.compiled()))
    assert sorted(served.namelist()) == sorted(name + "c" for name in stdlib.wanted())
    magic = {served.read(name)[:4] for name in served.namelist()}
    assert len(magic) == 1, "one Python version's bytecode"
    # Stored, for the server's compression; still far less to download than
    # Pyodide's full standard library (even with gzip only).
    assert {info.compress_type for info in served.infolist()} == {zipfile.ZIP_STORED}
    assert len(gzip.compress(stdlib.compiled())) < (runtime.PYODIDE_DIR / "python_stdlib.zip").stat().st_size * 0.4



def test_the_served_bytecode_keeps_asserts_and_drops_docstrings() -> None:
    """Docstrings are left out of the page's standard library (nothing the
    checker reads), asserts are not (unlike python -OO)."""
    import io
    import zipfile

    sources = zipfile.ZipFile(io.BytesIO(stdlib.sources()))
    served = zipfile.ZipFile(io.BytesIO(stdlib.compiled()))
    docstring = "Add dunder methods based on the fields defined in the class."  # dataclasses.dataclass
    assert docstring in sources.read("dataclasses.py").decode()
    assert docstring.encode() not in served.read("dataclasses.pyc")
    message = "SRE module mismatch"  # an assert's message in re/_compiler.py
    assert message in sources.read("re/_compiler.py").decode()
    assert message.encode() in served.read("re/_compiler.pyc")
