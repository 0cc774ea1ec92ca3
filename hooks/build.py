"""MkDocs hooks: fill the generated parts of the pages at build time.

Pages hold markers such as ``<!-- gen:notice -->``; without these hooks (e.g.
under another static-site generator) the markers are invisible comments.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # make sitegen/ and checker/ importable
    sys.path.insert(0, str(ROOT))

from sitegen import build_hooks  # noqa: E402

on_config = build_hooks.on_config
on_files = build_hooks.on_files
on_page_markdown = build_hooks.on_page_markdown
on_page_content = build_hooks.on_page_content
on_post_build = build_hooks.on_post_build
