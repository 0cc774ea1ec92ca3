"""The checker's modules import one another without a circle (issue 15 §4),
type-only imports included: each module can be read, and loaded, on its own
terms (``answer_types`` before ``questions``, ``situations`` before ``rules``)."""

from __future__ import annotations

import ast
from pathlib import Path

import checker

ROOT = Path(checker.__file__).parent


def _modules() -> dict[str, Path]:
    found = {}
    for path in ROOT.rglob("*.py"):
        parts = path.with_suffix("").relative_to(ROOT.parent).parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def _imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The checker's modules ``name`` imports (``from . import x`` is x, not the package)."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package
            for _ in range(node.level - 1):
                base = base.rsplit(".", 1)[0]
            module = (f"{base}.{node.module}" if node.module else base) if node.level else node.module
            subs = {f"{module}.{a.name}" for a in node.names} & set(modules)
            found |= subs
            if module in modules and len(subs) < len(node.names):
                found.add(module)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names} & set(modules)
    return found - {name}


def circles() -> list[list[str]]:
    modules = _modules()
    graph = {name: _imports(name, path, modules) for name, path in modules.items()}
    found: list[list[str]] = []
    done: set[str] = set()

    def walk(name: str, path: list[str]) -> None:
        for other in sorted(graph[name]):
            if other in path:
                found.append(path[path.index(other):] + [other])
            elif other not in done:
                walk(other, path + [other])
        done.add(name)

    for name in sorted(graph):
        if name not in done:
            walk(name, [name])
    return found


def test_no_import_circle() -> None:
    assert circles() == []


def test_the_check_sees_the_imports() -> None:
    modules = _modules()
    assert "checker.answer_types" in _imports("checker.questions", modules["checker.questions"], modules)
    assert "checker.situations" in _imports("checker.rules", modules["checker.rules"], modules)
