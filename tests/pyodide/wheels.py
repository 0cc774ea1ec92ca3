"""The pure-Python wheels the Pyodide test run needs, fetched once with
``pip download``: for each package the newest pure-Python (``py3-none-any``)
wheel no newer than the version this project's virtual environment uses.
(Recent hypothesis releases ship compiled wheels; Pyodide needs a pure one.)"""

from __future__ import annotations

import subprocess
import sys
from importlib import metadata
from pathlib import Path

PACKAGES = ("pytest", "pluggy", "iniconfig", "packaging", "pygments", "hypothesis", "sortedcontainers")
DIR = Path(__file__).resolve().parent / "wheels"


def ensure() -> Path:
    wanted = {name: metadata.version(name) for name in PACKAGES}
    marker = DIR / "versions.txt"
    listing = "\n".join(f"{k}<={v}" for k, v in sorted(wanted.items()))
    if marker.exists() and marker.read_text() == listing:
        return DIR
    DIR.mkdir(exist_ok=True)
    for old in DIR.glob("*.whl"):
        old.unlink()
    subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check",
                    "--no-deps", "--only-binary=:all:", "--platform", "any", "--implementation", "py",
                    "--python-version", "3.14",
                    "--dest", str(DIR), *listing.split("\n")], check=True)
    marker.write_text(listing)
    return DIR


if __name__ == "__main__":
    print(ensure())
