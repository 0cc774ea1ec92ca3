"""The service worker: written into the built site with the list of files to
keep offline and a build id, so that every new build replaces the old cache."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from . import checker_assets, templating

# Not kept up front: the checker's runtime (cached when a check runs, under
# its version), compressed copies, lunr languages the site does not use.
SKIP_PREFIXES = ("assets/pyodide/", "assets/checker/checker-", "assets/javascripts/lunr/")
SKIP_SUFFIXES = (".gz", ".br", ".map", ".xml", ".whl", "sw.js")


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


def write(site_dir: Path) -> Path:
    files = shell(site_dir)
    digest = hashlib.sha256()
    for rel in files:
        target = site_dir / (rel.removeprefix("./") + "index.html" if rel.endswith("/") else rel)
        digest.update(rel.encode())
        digest.update(target.read_bytes())
    caches = checker_assets.runtime_caches()  # the same names as the checker's runtime.js
    digest.update(json.dumps(caches, sort_keys=True).encode())
    # The checker's scripts as served (a year in browsers' caches): the service
    # worker keeps only a copy that matches (issue 18: a copy cut short once
    # was kept and failed every later visit).
    checked = {}
    for path in sorted((site_dir / checker_assets.folder()).glob("*.js")):
        data = path.read_bytes()
        checked[path.relative_to(site_dir).as_posix()] = [len(data), hashlib.sha256(data).hexdigest()]
    text = templating.render_script("sw.js", build=digest.hexdigest()[:16], shell=files, runtime_caches=caches,
                                    checked=checked)
    out = site_dir / "sw.js"
    out.write_text(text, encoding="utf-8")
    return out
