"""Pre-compressed copies (``file.gz``) for servers with ``gzip_static on``:
compressed once at build time at the highest level, not on every request."""

from __future__ import annotations

import gzip
from pathlib import Path

SUFFIXES = {".html", ".css", ".js", ".mjs", ".json", ".wasm", ".svg", ".txt", ".xml", ".zip", ".map"}
MIN_BYTES = 1024
MIN_SAVING = 0.1


def compress_site(site_dir: Path) -> int:
    """Write ``.gz`` beside every compressible file it shrinks; return the count."""
    written = 0
    for path in site_dir.rglob("*"):
        if not path.is_file() or path.suffix not in SUFFIXES or path.stat().st_size < MIN_BYTES:
            continue
        data = path.read_bytes()
        packed = gzip.compress(data, compresslevel=9, mtime=0)
        if len(packed) <= len(data) * (1 - MIN_SAVING):
            path.with_name(path.name + ".gz").write_bytes(packed)
            written += 1
    return written
