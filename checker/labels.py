"""How a person reads the codes of a result, from ``labels.toml``: verdicts,
severities, who does an item, review levels; and the rules' names."""

from __future__ import annotations

from .datafile import load

_RAW = load("labels.toml")

VERDICT_LABELS: dict[str, str] = _RAW["verdict"]
SEVERITY_LABELS: dict[str, str] = _RAW["severity"]
WHO_LABELS: dict[str, str] = _RAW["who"]
#: Labels of the review levels, in the notice's order (七: 高级、中级、初级).
LEVEL_LABELS: dict[str, str] = _RAW["level"]
#: The rules by the names a reader sees (解读说明's clause table), by rule name.
RULE_LABELS: dict[str, str] = _RAW["rule"]
