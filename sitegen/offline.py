"""The service worker: written into the built site with the list of files to
keep offline and a build id, so that every new build replaces the old cache."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from . import runtime, stdlib

TEMPLATE = Path(__file__).with_name("templates") / "sw.js"
# The one definition of the runtime caches' names, an ES module the checker's
# worker imports; sw.js is a classic script, so the function is copied in.
CACHE_NAMES = "assets/checker/cache-names.js"
# Not kept up front: the checker's runtime (cached when a check runs, under
# its version), compressed copies, lunr languages the site does not use.
SKIP_PREFIXES = ("assets/pyodide/", "assets/checker/checker-", "assets/javascripts/lunr/")
SKIP_SUFFIXES = (".gz", ".map", ".xml", ".whl", "sw.js")


def shell(site_dir: Path) -> list[str]:
    """Site-relative URLs to keep offline: pages as folders, and assets."""
    found = []
    for path in sorted(site_dir.rglob("*")):
        rel = path.relative_to(site_dir).as_posix()
        if not path.is_file() or rel.startswith(SKIP_PREFIXES) or rel.endswith(SKIP_SUFFIXES):
            continue
        if rel.endswith("index.html"):
            rel = rel[: -len("index.html")] or "./"
        found.append(rel)
    return found


def _runtime_cache_function(site_dir: Path) -> str:
    source = (site_dir / CACHE_NAMES).read_text(encoding="utf-8")
    return source[source.index("export function"):].removeprefix("export ").strip()


def write(site_dir: Path) -> Path:
    files = shell(site_dir)
    digest = hashlib.sha256()
    for rel in files:
        target = site_dir / (rel.removeprefix("./") + "index.html" if rel.endswith("/") else rel)
        digest.update(rel.encode())
        digest.update(target.read_bytes())
    caches = [f"pyodide-{runtime.pyodide_version()}", f"stdlib-{stdlib.digest()}", f"checker-{runtime.wheel_hash()}"]
    digest.update(json.dumps(caches).encode())
    text = (TEMPLATE.read_text(encoding="utf-8")
            .replace("__BUILD__", digest.hexdigest()[:16])
            .replace("__SHELL__", json.dumps(files))
            .replace("__RUNTIME_CACHES__", json.dumps(caches))
            .replace("__RUNTIME_CACHE_FUNCTION__", _runtime_cache_function(site_dir)))
    out = site_dir / "sw.js"
    out.write_text(text, encoding="utf-8")
    return out
