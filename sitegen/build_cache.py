"""One on-disk cache for build products that are slow to make (the checker's
wheel, the compiled standard library): ``build/<kind>/<key>/``, keyed by a hash
of the inputs, so an edit gives a new entry and never a stale one."""

from __future__ import annotations

import fcntl
import shutil
from pathlib import Path
from typing import Callable

from . import ROOT

CACHE = ROOT / "build"


def cached(kind: str, key: str, make: Callable[[Path], None]) -> Path:
    """The folder ``build/<kind>/<key>/``, filled by ``make(folder)`` the first
    time. Made under a temporary name and renamed, so an interrupted build
    leaves no half-made entry behind; under a lock, so that two processes
    building at once (the tests' workers) make it once, not over each other."""
    out = CACHE / kind / key
    if out.is_dir():
        return out
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out.with_name(f"{key}.lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not out.is_dir():  # another process may have made it meanwhile
            tmp = out.with_name(f"{key}.tmp")
            shutil.rmtree(tmp, ignore_errors=True)
            tmp.mkdir()
            make(tmp)
            tmp.rename(out)
    return out
