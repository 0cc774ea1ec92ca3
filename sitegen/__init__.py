"""Build-time generation of the site's pages from the notice, the checker's
data and ``site_data/``. Called by ``hooks/build.py`` during ``mkdocs build``."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "site_data"
