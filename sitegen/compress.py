"""Pre-compressed copies for servers with ``gzip_static`` and ``brotli_static``:
``file.gz`` and ``file.br`` beside each compressible file, compressed once at
build time at the highest level, not on every request.

Brotli at its highest quality takes about a minute for Pyodide's 9.6 MB wasm
on this project's machines, so large files' brotli copies are cached on disk
by content (``build/compress-cache/``): Pyodide's files change only with its
version.
"""

from __future__ import annotations

import gzip
import hashlib
from pathlib import Path

import brotli

from . import ROOT

SUFFIXES = {".html", ".css", ".js", ".mjs", ".json", ".wasm", ".svg", ".txt", ".xml", ".zip", ".whl", ".map"}
MIN_BYTES = 1024
MIN_SAVING = 0.1
BROTLI_QUALITY = 11
CACHE = ROOT / "build" / "compress-cache"
CACHE_FROM_BYTES = 256 * 1024


def compress_site(site_dir: Path) -> int:
    """Write ``.gz`` and ``.br`` beside every compressible file they shrink
    (by at least :data:`MIN_SAVING`); return how many files were written."""
    written = 0
    for path in sorted(site_dir.rglob("*")):
        if not path.is_file() or path.suffix not in SUFFIXES or path.stat().st_size < MIN_BYTES:
            continue
        data = path.read_bytes()
        for suffix, packed in ((".gz", gzip.compress(data, compresslevel=9, mtime=0)), (".br", _brotli(data))):
            if len(packed) <= len(data) * (1 - MIN_SAVING):
                path.with_name(path.name + suffix).write_bytes(packed)
                written += 1
    return written


def _brotli(data: bytes) -> bytes:
    if len(data) < CACHE_FROM_BYTES:
        return brotli.compress(data, quality=BROTLI_QUALITY)
    cached = CACHE / f"{hashlib.sha256(data).hexdigest()}-q{BROTLI_QUALITY}.br"
    if cached.is_file():
        return cached.read_bytes()
    packed = brotli.compress(data, quality=BROTLI_QUALITY)
    CACHE.mkdir(parents=True, exist_ok=True)
    partial = cached.with_suffix(".partial")  # another build may read the cache meanwhile
    partial.write_bytes(packed)
    partial.replace(cached)
    return packed
