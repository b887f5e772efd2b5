"""The frame a synthesizer learns, and sampled rows restored to the real table.

The synthesizer only ever sees model columns in a plain form (numbers and datetimes as floats,
everything else as strings); id and constant columns are not learned. Sampled rows are restored
to the real table's columns, order and value space, keeping its rules. Frames are typed as
_profile.py describes.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ._grid import apply_support
from ._rules import keep
from ._table_profile import ColumnProfile, Profile

OTHER = "__doppel_other__"


# ---------------------------------------------------------------------------------------------
# training frame


def training_frame(typed: pd.DataFrame, profile: Profile) -> tuple[pd.DataFrame, dict[str, str]]:
    """The frame the synthesizer learns and the sdtype of each of its columns."""
    data = {}
    sdtypes = {}
    for prof in profile.columns:
        if prof.role != "model":
            continue
        name = prof.name
        values = typed[name]
        if prof.type in ("integer", "float", "datetime"):
            data[name] = values.astype(float)
            sdtypes[name] = "numerical"
        elif prof.type == "boolean":
            data[name] = values.map({1.0: "true", 0.0: "false"}).astype(object)
            sdtypes[name] = "categorical"
        else:
            text = values.astype(object)
            if prof.kept < prof.n_unique:
                keep = set(prof.categories[: prof.kept])
                text = text.where(~text.notna() | text.isin(keep), OTHER)
            data[name] = text
            sdtypes[name] = "categorical"
    frame = pd.DataFrame(data, index=typed.index)
    frame = frame.astype({c: object for c, t in sdtypes.items() if t == "categorical"})
    return frame.where(frame.notna(), None) if len(sdtypes) else frame, sdtypes


# ---------------------------------------------------------------------------------------------
# restoring sampled rows


def _fill_nulls(values: np.ndarray, fill, rng: np.random.Generator) -> np.ndarray:
    missing = pd.isna(values)
    if missing.any():
        values = values.copy()
        values[missing] = fill(int(missing.sum()), rng)
    return values


def restore(
    sampled: pd.DataFrame,
    profile: Profile,
    *,
    rng: np.random.Generator,
    row_offset: int,
    n: int,
    rules: list[dict] | None = None,
    seen: dict | None = None,
    nulls: bool = True,
) -> pd.DataFrame:
    """Turn ``n`` sampled rows into typed rows of the real table, inside the real bounds, keeping
    ``rules`` (default: every rule of the profile; ``seen``: see _rules.keep). ``nulls=False``
    (imputation) fills every null the model sampled, as for a column without nulls."""
    out = {}
    for prof in profile.columns:
        name = prof.name
        kind = prof.type
        if prof.role == "id":
            out[name] = generate_ids(prof, row_offset, n)
            continue
        if prof.role == "constant":
            value = prof.value
            if kind in ("categorical", "text"):
                column = np.array([value] * n, dtype=object)
                if nulls and prof.null_ratio > 0:
                    column[rng.random(n) < prof.null_ratio] = None
            else:
                column = np.full(n, np.nan if value is None else float(value))
                if nulls and prof.null_ratio > 0:
                    column[rng.random(n) < prof.null_ratio] = np.nan
            out[name] = column
            continue
        raw = sampled[name].to_numpy()
        if kind in ("integer", "float", "datetime"):
            values = pd.to_numeric(pd.Series(raw), errors="coerce").to_numpy(dtype=float)
            lo, hi = prof.min, prof.max
            if prof.null_ratio == 0 or not nulls:
                present = values[~np.isnan(values)]
                values = _fill_nulls(
                    values,
                    lambda k, r, p=present, lo=lo: r.choice(p, k) if len(p) else np.full(k, lo),
                    rng,
                )
            values = on_resolution(values, prof)
            if prof.support:
                values = np.round(apply_support(values, prof.support, lo, hi, rng), prof.decimals)
            out[name] = np.clip(values, lo, hi)
        elif kind == "boolean":
            values = pd.Series(raw, dtype=object).map({"true": 1.0, "false": 0.0, True: 1.0, False: 0.0})
            values = values.to_numpy(dtype=float)
            if prof.null_ratio == 0 or not nulls:
                ratio = 0.5 if prof.true_ratio is None else prof.true_ratio
                values = _fill_nulls(values, lambda k, r, p=ratio: (r.random(k) < p).astype(float), rng)
            out[name] = values
        else:
            values = np.array(raw, dtype=object)
            cats = prof.categories
            weights = np.asarray(prof.weights, dtype=float)
            known = set(cats[: prof.kept])
            notnull = ~pd.isna(values)
            stray = notnull & ~np.isin(values, list(known))
            if stray.any():
                pool = cats[prof.kept :] or cats
                pool_w = weights[prof.kept :] if len(cats) > prof.kept else weights
                values[stray] = rng.choice(np.array(pool, dtype=object), int(stray.sum()), p=pool_w / pool_w.sum())
            values[~notnull] = None
            if prof.null_ratio == 0 or not nulls:
                values = _fill_nulls(values, lambda k, r, c=cats, w=weights: r.choice(np.array(c, dtype=object), k, p=w / w.sum()), rng)
            out[name] = values
    for prof in profile.columns:
        if nulls and prof.role == "model" and 0 < prof.null_ratio < 1:
            out[prof.name] = _calibrate_nulls(out[prof.name], prof, rng)
    frame = pd.DataFrame(out)
    keep(frame, list(profile.rules) if rules is None else rules, profile, rng, seen)
    return frame


def on_resolution(values: np.ndarray, prof: ColumnProfile) -> np.ndarray:
    """Numbers or datetimes rounded to the column's decimals or datetime resolution."""
    step = prof.resolution if prof.type == "datetime" else 10.0**-prof.decimals
    if prof.type == "datetime" or step >= 1:
        return np.round(values / step) * step
    return np.round(values, prof.decimals)


def _calibrate_nulls(values: np.ndarray, prof: ColumnProfile, rng: np.random.Generator) -> np.ndarray:
    """Give the column the real null ratio (undertrained models can be far off).

    The target count is ratio * n with random rounding. Surplus nulls get values drawn from the
    column's non-null synthetic values; missing nulls replace random values.
    """
    n = len(values)
    exact = prof.null_ratio * n
    target = int(np.floor(exact) + (rng.random() < exact - np.floor(exact)))
    missing = pd.isna(values)
    current = int(missing.sum())
    if current == target:
        return values
    values = values.copy()
    if current > target:
        present = values[~missing]
        if len(present) == 0:
            if prof.type in ("categorical", "text"):
                present = np.array(prof.categories[:1], dtype=object)
            else:
                present = np.array([0.0 if prof.min is None else prof.min])
        fill = rng.choice(np.flatnonzero(missing), current - target, replace=False)
        values[fill] = rng.choice(present, len(fill))
    else:
        drop = rng.choice(np.flatnonzero(~missing), target - current, replace=False)
        values[drop] = None if values.dtype == object else np.nan
    return values


def generate_ids(prof: ColumnProfile, row_offset: int, n: int) -> np.ndarray:
    numbers = np.arange(row_offset + 1, row_offset + n + 1, dtype=np.int64)
    if prof.id_kind == "integer":
        return numbers.astype(object)
    width = prof.width or 0
    prefix = prof.prefix or ""
    return np.array([f"{prefix}{i:0{width}d}" for i in numbers], dtype=object)
