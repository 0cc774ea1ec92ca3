"""Jinja environments for what the build generates: HTML components (autoescaped)
and scripts (``sitegen/templates/*.js``, not escaped as HTML). Values reach a
script through the ``tojson`` filter, never by pasting text into code."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup

TEMPLATES = Path(__file__).with_name("templates")

# Inside <script> (HTML or JSON) these must not appear as such: "</script>",
# "<!--" and "&" would be read by the HTML parser, U+2028/2029 end a line in
# older JavaScript. JSON keeps the same value with the \\u escapes.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                              "\u2028": "\\u2028", "\u2029": "\\u2029"})


def tojson(value: Any, indent: int | None = None, sort_keys: bool = False) -> Markup:
    """``value`` as JSON, safe anywhere in a script or a <script> element."""
    text = json.dumps(value, ensure_ascii=False, indent=indent, sort_keys=sort_keys)
    return Markup(text.translate(_SCRIPT_SAFE))


def environment(*folders: Path, html: bool) -> Environment:
    """HTML components are autoescaped and end without a newline (the page
    adds its own); a script keeps its text as written."""
    env = Environment(loader=FileSystemLoader(list(folders)), autoescape=html, keep_trailing_newline=not html,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["tojson"] = tojson
    return env


def render_script(name: str, **context: Any) -> str:
    """A generated script from ``sitegen/templates/<name>``."""
    return environment(TEMPLATES, html=False).get_template(name).render(**context)
