"""The trimmed standard library the checker page loads lists every file the
checker uses in Pyodide (regenerated here and compared with the committed list)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from sitegen import runtime, stdlib

ROOT = Path(__file__).resolve().parents[1]


def test_the_stdlib_list_is_up_to_date(tmp_path: Path) -> None:
    fresh = tmp_path / "stdlib.txt"
    proc = subprocess.run(["node", str(ROOT / "sitegen" / "stdlib_modules.mjs"), str(runtime.wheel()), str(fresh)],
                          capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-2000:]
    needed = set(fresh.read_text().splitlines()) - {""}
    listed = set(stdlib.LIST.read_text().splitlines())
    assert needed <= listed, f"run: node sitegen/stdlib_modules.mjs <wheel>; missing {sorted(needed - listed)}"


def test_the_served_zip_holds_exactly_the_listed_modules_as_bytecode() -> None:
    import io
    import zipfile

    sources = zipfile.ZipFile(io.BytesIO(stdlib.sources())).namelist()
    assert sorted(sources) == sorted(stdlib.wanted())
    served = zipfile.ZipFile(io.BytesIO(stdlib.compiled()))
    assert sorted(served.namelist()) == sorted(name + "c" for name in stdlib.wanted())
    magic = {served.read(name)[:4] for name in served.namelist()}
    assert len(magic) == 1, "one Python version's bytecode"
    # Still less to download than Pyodide's full standard library.
    assert len(stdlib.compiled()) < (runtime.PYODIDE_DIR / "python_stdlib.zip").stat().st_size * 0.7
