"""The profile of a real table as typed values: what _profile.py finds and metadata.json stores.

A column's profile carries the fields of its type only; the others are None and are left out of
its JSON. Rules stay the JSON objects described in _rules.py: Java reads them as they are.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class ColumnProfile:
    name: str
    type: str  # a column type of _schema.COLUMN_TYPES
    role: str  # model (learned) | id (numbered afresh) | constant (repeated as is)
    null_ratio: float
    null_token: str | None = None  # how the source writes a missing value (CSV)
    # integer and float columns
    number_layout: dict | None = None  # thousands separators, currency signs, padding (see _schema.number_layout)
    decimals: int | None = None
    write_as_integer: bool | None = None
    fixed_decimals: bool | None = None
    support: dict | None = None  # the set or grid the values lie on (see _grid.detect_support)
    # integer, float and datetime columns with a value: bounds (datetimes in epoch seconds)
    min: float | None = None
    max: float | None = None
    # datetime columns
    format: str | None = None  # strftime
    resolution: float | None = None  # seconds
    zone: dict | None = None
    min_text: str | None = None
    max_text: str | None = None
    # boolean columns
    tokens: dict | None = None  # {"true": ..., "false": ...} as the source writes them
    true_ratio: float | None = None
    # id columns
    id_kind: str | None = None  # integer | string
    start: int | None = None
    prefix: str | None = None
    width: int | None = None
    # categorical and text columns: the values by frequency, the first ``kept`` learned
    n_unique: int | None = None
    categories: list[str] | None = None
    weights: list[int] | None = None
    categories_complete: bool | None = None
    kept: int | None = None
    # constant columns: the single value (None when the column is always null)
    value: Any = None

    def to_json(self) -> dict:
        out = {field.name: getattr(self, field.name) for field in dataclasses.fields(self)}
        return {key: value for key, value in out.items() if value is not None or (key == "value" and self.role == "constant")}

    @classmethod
    def from_json(cls, doc: dict) -> ColumnProfile:
        return cls(**{key: value for key, value in doc.items() if key in _COLUMN_FIELDS})


_COLUMN_FIELDS = frozenset(field.name for field in dataclasses.fields(ColumnProfile))


@dataclass(frozen=True)
class Profile:
    columns: tuple[ColumnProfile, ...]
    rules: tuple[dict, ...]

    def by_name(self) -> dict[str, ColumnProfile]:
        return {c.name: c for c in self.columns}

    def to_json(self) -> dict:
        return {"columns": [c.to_json() for c in self.columns], "rules": list(self.rules)}

    @classmethod
    def from_json(cls, doc: dict) -> Profile:
        return cls(columns=tuple(ColumnProfile.from_json(c) for c in doc["columns"]), rules=tuple(doc["rules"]))
