"""Value support of numeric columns: the set or grid real values live on, found at training and
kept at generation for every algorithm.

A column with few distinct values for its length keeps exactly those values with their real
frequencies: each synthetic value is replaced by the real value of the same rank. Otherwise the
column may still favour round numbers: amounts mostly multiples of 50, fares in steps of 0.50,
loans in thousands. Such a column gets nested grid levels (steps of 1, 2, 2.5 or 5 times a power of
ten, each a multiple of the one before) with the share of real values on each; at generation
values are put on each level so that round and exact amounts come back in the real mix. The
profile stores the support under the column's ``support`` key.
"""

from __future__ import annotations

import numpy as np

SET_LIMIT = 1000
"""The most distinct values a column may have to be reproduced from its observed set."""
SET_RATIO = 0.1
"""...and at most this share of its non-null values may be distinct."""
MIN_SHARE = 0.1
"""A grid level must hold at least this share of the real values,"""
MIN_LIFT = 3.0
"""...and this many times the share that values spread evenly over the finer grid would give."""
MAX_LEVELS = 6
NEARBY = 10
"""How many observed values on the allowed side a value moved for an order may land on."""
_MANTISSAS = (1.0, 2.0, 2.5, 5.0)


def _on_step(values: np.ndarray, step: float, base: float) -> np.ndarray:
    return np.abs(values - np.round(values / step) * step) <= base * 1e-3


def detect_support(values: np.ndarray, decimals: int) -> dict | None:
    """The support of a column's non-null values written with ``decimals`` decimals, or None."""
    values = values[np.isfinite(values)]
    if len(values) == 0:
        return None
    distinct, counts = np.unique(values, return_counts=True)
    if len(distinct) <= min(SET_LIMIT, SET_RATIO * len(values)):
        return {"kind": "set", "values": distinct.tolist(), "weights": counts.tolist()}
    base = 10.0**-decimals
    span = float(np.max(np.abs(values)))
    levels: list[dict] = []
    for exponent in range(-decimals, int(np.floor(np.log10(span))) + 1 if span > 0 else 0):
        for mantissa in _MANTISSAS:
            step = round(mantissa * 10.0**exponent, 12)
            last = levels[-1] if levels else {"step": base, "share": 1.0}
            if step <= base or not _on_step(np.array([step]), last["step"], base)[0]:
                continue
            share = float(_on_step(values, step, base).mean())
            before = levels[-2] if len(levels) > 1 else {"step": base, "share": 1.0}
            by_chance = max(before["share"] - share, 0.0) * before["step"] / last["step"]
            if levels and last["share"] - share <= 0.01 + 1.2 * by_chance:
                # Coarser with about the same share: the finer level only held values on it by chance.
                levels[-1] = {"step": step, "share": share}
            elif share >= MIN_SHARE and share >= MIN_LIFT * last["share"] * last["step"] / step:
                levels.append({"step": step, "share": share})
    if not levels:
        return None
    return {"kind": "grid", "base": base, "levels": levels[:MAX_LEVELS]}


def _draw_shares(support: dict) -> list[float]:
    """The share of values to put on each level so that, counting those a finer level puts on a
    coarser one by chance, each level ends with its real share."""
    draws = []
    finer_step, finer_share = support["base"], 1.0
    for level in support["levels"]:
        ratio = finer_step / level["step"]
        draws.append(float(np.clip((level["share"] - finer_share * ratio) / (1 - ratio), 0.0, 1.0)))
        finer_step, finer_share = level["step"], level["share"]
    return draws


def _nearby_by_frequency(x: np.ndarray, observed: np.ndarray, weights: np.ndarray, toward: str, rng: np.random.Generator) -> np.ndarray:
    """For each value, one of the NEARBY observed values on the ``toward`` side of it, drawn by
    real frequency (a rare exact amount next to a common round one stays rare); the value itself
    when there is none on that side."""
    if toward == "down":
        candidates = np.searchsorted(observed, x, side="right")[:, None] - 1 - np.arange(NEARBY)
    else:
        candidates = np.searchsorted(observed, x, side="left")[:, None] + np.arange(NEARBY)
    valid = (candidates >= 0) & (candidates < len(observed))
    candidates = np.clip(candidates, 0, len(observed) - 1)
    cumulative = np.cumsum(np.where(valid, weights[candidates], 0.0), axis=1)
    found = cumulative[:, -1] > 0
    pick = np.argmax(cumulative > rng.random(len(x))[:, None] * cumulative[:, -1:], axis=1)
    return np.where(found, observed[candidates[np.arange(len(x)), pick]], x)


def apply_support(values: np.ndarray, support: dict, lo: float, hi: float, rng: np.random.Generator, toward: str = "nearest") -> np.ndarray:
    """Move non-null values onto the column's support, inside ``[lo, hi]``.

    ``toward`` "down" or "up" moves each value to a support value no greater (no less) than it, for
    values that must keep an order with another column; a value with no such support value stays.
    """
    present = ~np.isnan(values)
    out = values.copy()
    x = values[present]
    if support["kind"] == "set":
        observed = np.asarray(support["values"], dtype=float)
        if toward == "nearest":
            # The synthetic values' ranks pick the real quantiles: the real frequencies come back,
            # and the order (so the relation to other columns) stays. Ties rank at random.
            cumulative = np.cumsum(support["weights"]) / np.sum(support["weights"])
            order = np.lexsort((rng.random(len(x)), x))
            ranks = np.empty(len(x))
            ranks[order] = np.arange(len(x))
            quantiles = (ranks + rng.random(len(x))) / max(len(x), 1)
            out[present] = observed[np.minimum(np.searchsorted(cumulative, quantiles, side="right"), len(observed) - 1)]
            return out
        out[present] = _nearby_by_frequency(x, observed, np.asarray(support["weights"], dtype=float), toward, rng)
        return out
    # Nested levels: a draw below a level's share puts the value on it; the coarsest level reached wins.
    draw = rng.random(len(x))
    step = np.full(len(x), np.nan)
    for level, share in zip(support["levels"], _draw_shares(support), strict=True):
        step = np.where(draw < share, level["step"], step)
    snap = ~np.isnan(step)
    if toward == "nearest":
        moved = np.round(x[snap] / step[snap]) * step[snap]
        moved = np.where(moved > hi, np.floor(hi / step[snap]) * step[snap], moved)
        moved = np.where(moved < lo, np.ceil(lo / step[snap]) * step[snap], moved)
    else:
        moved = (np.floor if toward == "down" else np.ceil)(x[snap] / step[snap]) * step[snap]
    snapped = x.copy()
    snapped[snap] = np.where((moved >= lo) & (moved <= hi), moved, x[snap])
    out[present] = snapped
    return out


def nearest_in_set(values: np.ndarray, support: dict) -> np.ndarray:
    """Each non-null value moved to the nearest value of a ``set`` support (the lower one on a tie)."""
    observed = np.asarray(support["values"], dtype=float)
    upper = np.clip(np.searchsorted(observed, values), 0, len(observed) - 1)
    lower = np.clip(upper - 1, 0, len(observed) - 1)
    nearest = np.where(np.abs(values - observed[lower]) <= np.abs(observed[upper] - values), observed[lower], observed[upper])
    return np.where(np.isnan(values), values, nearest)
