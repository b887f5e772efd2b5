"""Anomaly injection: make an exact number of generated rows break one rule of the real table each.

Kinds:
- out_of_range: a number or datetime beyond the real min/max.
- unseen_category: a categorical/text value that is not in the real category set.
- broken_relation: one rule of the real table (see _rules.py: order, linear, dependency, prefix,
  date part, missing together, unique) is broken: an order inverted, a sum off its residual set, a
  category its determinant does not map to, a repeated unique value...
- unexpected_null: a null in a column that has none in the real table.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from ._constants import ANOMALY_KINDS
from ._errors import EngineError
from ._rules import break_rule, breakable
from ._table_profile import ColumnProfile, Profile

KINDS = ANOMALY_KINDS
DEFAULT_LABEL = "is_anomaly"
DEFAULT_KIND = "anomaly_kind"


def anomaly_count(ratio: float, count: int) -> int:
    """round(ratio * count), halves rounded up (as Java's Math.round)."""
    return math.floor(ratio * count + 0.5)


def candidates(profile: Profile, rules: list[dict] | None = None, untouched: frozenset[str] = frozenset()) -> dict[str, list]:
    """What each kind can act on in this table (``rules``: those kept, default all); no column of
    ``untouched`` (a database table's keys and order) is changed, nor any rule involving one."""
    cols = [p for p in profile.columns if p.name not in untouched]
    return {
        "out_of_range": [p for p in cols if p.type in ("integer", "float", "datetime") and p.role != "id" and p.min is not None],
        "unseen_category": [p for p in cols if p.type in ("categorical", "text")],
        "broken_relation": [r for r in (profile.rules if rules is None else rules) if not untouched & set(r["columns"])],
        "unexpected_null": [p for p in cols if p.role != "id" and p.null_ratio == 0],
    }


def parse_spec(raw: object, profile: Profile, rules: list[dict] | None = None, untouched: frozenset[str] = frozenset()) -> dict | None:
    """Validate an anomalies spec; ``None`` means no anomaly columns at all. The spec carries
    ``untouched`` on to ``inject``."""
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise EngineError("invalid_anomalies", 'anomalies must be a JSON object such as {"ratio": 0.01}')
    allowed = {"ratio", "label_column", "kind_column", "kinds"}
    unknown = sorted(set(raw) - allowed)
    if unknown:
        raise EngineError("invalid_anomalies", f"unknown anomalies key(s): {', '.join(unknown)}; allowed: {', '.join(sorted(allowed))}")
    ratio = raw.get("ratio")
    if isinstance(ratio, bool) or not isinstance(ratio, (int, float)) or not 0 <= ratio <= 1:
        raise EngineError("invalid_anomalies", f"anomalies.ratio must be a number between 0 and 1 (got {ratio!r})")
    names = {p.name for p in profile.columns}
    columns = {}
    for key, default in (("label_column", DEFAULT_LABEL), ("kind_column", DEFAULT_KIND)):
        value = raw.get(key, default)
        if value is not None and (not isinstance(value, str) or not value):
            raise EngineError("invalid_anomalies", f"anomalies.{key} must be a column name or null (got {value!r})")
        if value in names:
            raise EngineError("invalid_anomalies", f"anomalies.{key} '{value}' is already a column of the table")
        columns[key] = value
    if columns["label_column"] is not None and columns["label_column"] == columns["kind_column"]:
        raise EngineError("invalid_anomalies", "anomalies.label_column and kind_column must differ")
    available = {k: v for k, v in candidates(profile, rules, untouched).items() if v}
    kinds = raw.get("kinds")
    if kinds is None:
        kinds = [k for k in KINDS if k in available]
    else:
        if not isinstance(kinds, list) or not kinds or not all(isinstance(k, str) for k in kinds):
            raise EngineError("invalid_anomalies", f"anomalies.kinds must be a non-empty list of: {', '.join(KINDS)}")
        for kind in kinds:
            if kind not in KINDS:
                raise EngineError("invalid_anomalies", f"unknown anomaly kind '{kind}'; known: {', '.join(KINDS)}")
            if kind not in available:
                raise EngineError(
                    "invalid_anomalies",
                    f"anomaly kind '{kind}' does not apply to this table ({_why_not(kind, untouched)}); applicable: {', '.join(available) or 'none'}",
                )
        kinds = list(dict.fromkeys(kinds))
    if ratio > 0 and not kinds:
        raise EngineError("invalid_anomalies", "no anomaly kind applies to this table")
    return {"ratio": float(ratio), "kinds": kinds, **columns, "untouched": untouched}


def _why_not(kind: str, untouched: frozenset[str]) -> str:
    why = {
        "out_of_range": "it has no numeric or datetime column",
        "unseen_category": "it has no categorical or text column",
        "broken_relation": "no rule was found in the real data, or every rule is switched off",
        "unexpected_null": "every column already has nulls in the real data",
    }[kind]
    return f"{why}, once its key and order columns ({', '.join(sorted(untouched))}) are left alone" if untouched else why


def _unit(prof: ColumnProfile) -> float:
    return prof.resolution if prof.type == "datetime" else 10.0 ** -(prof.decimals or 0)


def _round(prof: ColumnProfile, value: float) -> float:
    unit = _unit(prof)
    return float(np.round(value / unit) * unit) if unit >= 1 else round(value, prof.decimals or 0)


def _out_of_range(frame: pd.DataFrame, row: int, prof: ColumnProfile, rng: np.random.Generator) -> None:
    lo, hi = prof.min, prof.max
    span = hi - lo
    floor = 86400.0 if prof.type == "datetime" else max(abs(hi), abs(lo)) * 0.1
    delta = max(span, floor, _unit(prof)) * rng.uniform(0.5, 2.0)
    if prof.type == "datetime":
        delta = min(delta, 50 * 365 * 86400.0)
    value = _round(prof, hi + delta) if rng.random() < 0.5 else _round(prof, lo - delta)
    if lo <= value <= hi:  # rounding can only pull it back for tiny spans
        value = hi + max(_unit(prof), 1.0)
    frame.iat[row, frame.columns.get_loc(prof.name)] = value


def _unseen_category(frame: pd.DataFrame, row: int, prof: ColumnProfile, rng: np.random.Generator) -> None:
    known = set(prof.categories)
    while True:
        value = f"UNSEEN_{rng.integers(0, 16**6):06x}"
        if value not in known:
            break
    frame.iat[row, frame.columns.get_loc(prof.name)] = value


def _unexpected_null(frame: pd.DataFrame, row: int, prof: ColumnProfile, _rng: np.random.Generator) -> None:
    col = frame.columns.get_loc(prof.name)
    frame.iat[row, col] = None if frame[prof.name].dtype == object else np.nan


def inject(
    frame: pd.DataFrame, spec: dict, count: int, profile: Profile, rng: np.random.Generator, rules: list[dict] | None = None
) -> tuple[dict[str, int], np.ndarray]:
    """Make ``count`` random rows of ``frame`` anomalous in place and add the label columns.

    Returns the count per kind and the positions of the anomalous rows."""
    n = len(frame)
    chosen = np.sort(rng.choice(n, size=count, replace=False)) if count else np.array([], dtype=int)
    kinds_of_rows = np.empty(n, dtype=object)
    cands = candidates(profile, rules, spec["untouched"])
    profiles = profile.by_name()
    tally = dict.fromkeys(spec["kinds"], 0)
    for row in chosen:
        kind, target = _pick(spec["kinds"], cands, frame, row, rng)
        if kind == "out_of_range":
            _out_of_range(frame, row, target, rng)
        elif kind == "unseen_category":
            _unseen_category(frame, row, target, rng)
        elif kind == "unexpected_null":
            _unexpected_null(frame, row, target, rng)
        else:
            break_rule(frame, row, target, profiles, rng)
        kinds_of_rows[row] = kind
        tally[kind] += 1
    if spec["label_column"] is not None:
        label = np.zeros(n, dtype=bool)
        label[chosen] = True
        frame[spec["label_column"]] = label
    if spec["kind_column"] is not None:
        frame[spec["kind_column"]] = kinds_of_rows
    return tally, chosen


def _pick(kinds: list[str], cands: dict, frame: pd.DataFrame, row: int, rng: np.random.Generator) -> tuple[str, object]:
    """A kind and what it acts on, at random; a rule that cannot be broken on this row (a repeat
    on the first row) gives way to another."""
    for kind in rng.permutation(kinds):
        options = [t for t in cands[kind] if kind != "broken_relation" or breakable(t, frame, row)]
        if options:
            return str(kind), options[rng.integers(len(options))]
    kind = kinds[rng.integers(len(kinds))]
    return kind, cands[kind][rng.integers(len(cands[kind]))]
