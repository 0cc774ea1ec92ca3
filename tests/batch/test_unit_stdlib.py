"""The extra slice of Pyodide's standard library that /unit/ loads lists every
file the batch code, openpyxl and segno use there (regenerated inside Pyodide
under Node and compared with the committed list), and the checker page's own
list did not have to grow for them."""

from __future__ import annotations

import subprocess
from pathlib import Path

from sitegen import extra_wheels, runtime, stdlib

ROOT = Path(__file__).resolve().parents[2]


def test_the_unit_stdlib_list_is_up_to_date(tmp_path: Path) -> None:
    wheels = []
    for distribution in extra_wheels.PACKAGES:
        name, data = extra_wheels.wheel_bytes(distribution)
        (tmp_path / name).write_bytes(data)
        wheels.append(str(tmp_path / name))
    fresh = tmp_path / "unit-stdlib.txt"
    from .rosters import office_files, staff_sets

    (tmp_path / "r.xls").write_bytes(office_files(staff_sets(3))["旧版.xls"])
    proc = subprocess.run(["node", str(ROOT / "sitegen" / "unit_stdlib_modules.mjs"), str(runtime.wheel()), *wheels,
                           "--out", str(fresh), "--xls", str(tmp_path / "r.xls")],
                          capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-2000:]
    needed = {line for line in fresh.read_text().splitlines() if line and not line.startswith("#")}
    listed = set(extra_wheels.stdlib_wanted())
    assert needed <= listed, f"run: node sitegen/unit_stdlib_modules.mjs <wheels>; missing {sorted(needed - listed)}"
    assert not listed & set(stdlib.wanted())  # only what the checker page does not load already


def test_the_served_wheels_are_the_pinned_versions() -> None:
    from importlib import metadata

    names = [extra_wheels.wheel_bytes(d)[0] for d in extra_wheels.PACKAGES]
    assert names == [f"{d}-{metadata.version(d)}-{n.split('-')[2]}-py3-none-any.whl"
                     for d, n in zip(extra_wheels.PACKAGES, names)]
    pins = (ROOT / "pyproject.toml").read_text()
    assert all(f'"{d}=={metadata.version(d)}"' in pins for d in extra_wheels.PACKAGES)
