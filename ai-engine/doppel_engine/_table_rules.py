"""How uploaded tables are read, from ``table_rules.json``: the file the platform's profiler and the
dashboard's upload preview read too, so that the three agree."""

from __future__ import annotations

import json
from pathlib import Path

RULES_FILE = Path(__file__).with_name("table_rules.json")
_RULES = json.loads(RULES_FILE.read_text(encoding="utf-8"))

NULL_TOKENS: list[str] = _RULES["nullTokens"]
TRUE_TOKENS = frozenset(when_true for when_true, _ in _RULES["booleanSpellings"])
FALSE_TOKENS = frozenset(when_false for _, when_false in _RULES["booleanSpellings"])
# In the order they are tried: the first that reads every value wins.
DATETIME_LAYOUTS: tuple[str, ...] = tuple(layout["strftime"] for layout in _RULES["datetimeLayouts"])
DELIMITERS: list[str] = _RULES["delimiters"]
_ID_NAMES = _RULES["idNames"]
SNIFF_BYTES: int = _RULES["limits"]["sniffBytes"]
SEED_MIN: int = _RULES["limits"]["seed"]["min"]
SEED_MAX: int = _RULES["limits"]["seed"]["max"]


def is_seed(value: object) -> bool:
    """Whether ``value`` is a seed the platform accepts: an integer in the shared range."""
    return not isinstance(value, bool) and isinstance(value, int) and SEED_MIN <= value <= SEED_MAX


def is_id_name(name: str) -> bool:
    """Whether a column's name marks it as an id when its values are distinct."""
    lowered = name.lower()
    return lowered in _ID_NAMES["exactlyIgnoringCase"] or lowered.endswith(tuple(_ID_NAMES["endingIgnoringCase"])) or name.endswith(tuple(_ID_NAMES["ending"]))
