"""The package's data files (``*.toml`` beside its modules), read the one way
that also works in the browser."""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable, Set
from typing import Any, TypeVar

T = TypeVar("T")


def load(name: str) -> dict[str, Any]:
    """The TOML file ``name`` of the ``checker`` package.

    A plain file beside this module (the wheel is unpacked, never zipped), read
    without importlib.resources, which the page's trimmed stdlib leaves out."""
    with open(os.path.join(os.path.dirname(__file__), name), "rb") as handle:
        return tomllib.load(handle)


def check_keys(where: str, raw: dict[str, Any], required: Set[str], optional: Set[str] = frozenset()) -> None:
    """A typo in a data file (``remedies`` for ``remedy``) stops the import
    with the entry's name, instead of being ignored."""
    missing, unknown = required - raw.keys(), raw.keys() - required - optional
    if missing or unknown:
        raise ValueError(f"{where}: missing {sorted(missing)}, unknown {sorted(unknown)}")


def by_id(where: str, entries: list[dict[str, Any]], make: Callable[[dict[str, Any]], T]) -> dict[str, T]:
    """``[[entries]]`` of a data file by their ``id``, in the file's order; an
    id written twice stops the import."""
    found: dict[str, T] = {}
    for raw in entries:
        if raw.get("id") in found:
            raise ValueError(f"{where}: {raw['id']!r} twice")
        found[raw["id"]] = make(raw)
    return found
