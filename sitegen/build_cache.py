"""One on-disk cache for build products that are slow to make (the checker's
wheel, the compiled standard library): ``build/<kind>/<key>/``, keyed by a hash
of the inputs, so an edit gives a new entry and never a stale one."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Callable

from . import ROOT

CACHE = ROOT / "build"


def cached(kind: str, key: str, make: Callable[[Path], None]) -> Path:
    """The folder ``build/<kind>/<key>/``, filled by ``make(folder)`` the first
    time. Made under a temporary name and renamed, so an interrupted build
    leaves no half-made entry behind."""
    out = CACHE / kind / key
    if not out.is_dir():
        tmp = out.with_name(f"{key}.tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        make(tmp)
        shutil.rmtree(out, ignore_errors=True)
        tmp.rename(out)
    return out
