"""Conditional generation: the given cells of every output row, checked against the model.

Each kind of conditioning becomes one table of typed rows (the real table's columns, as
_profile.py types them, null where the model fills in), one row per output row:

- ``fixed``: ``count`` copies of one partial row (``{"class": ">50K"}``);
- ``partial_rows``: a table of partial rows, as given;
- ``rebalance``: a categorical column's values in counts that give the target shares exactly
  (largest remainders), in a seeded random order;
- ``impute``: a table with every column of the dataset; its empty cells are filled (never with
  a null), the others kept. Each row is sampled IMPUTE_DRAWS times and each empty cell gets the
  model's best guess from those draws (``best_guess``), not one draw.

The model samples the other cells given these (``Algorithm.sample_given``); the given cells are
then written back exactly, so rules kept after sampling never change them. Every kind of
conditioning is checked here, the same way for every algorithm.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ._errors import EngineError
from ._grid import nearest_in_set
from ._io import read_table
from ._profile import typed_rows
from ._restore import on_resolution, training_frame
from ._table_profile import ColumnProfile, Profile

KINDS = ("fixed", "partial_rows", "rebalance", "impute")
_FLAGS = {"fixed": "--conditions", "partial_rows": "--partial-rows", "rebalance": "--shares", "impute": "--impute"}
_SHOWN_VALUES = 10
_SHARE_TOLERANCE = 1e-6
IMPUTE_DRAWS = 20
"""Draws per imputed row. The mean of k draws misses the conditional mean by sd/sqrt(k): its
squared error is (1 + 1/k) times the conditional variance against 2 times for a single draw,
within 5 % of the best guess at 20 draws, while sampling 20 times the rows (SDV samples each
distinct set of given values once, whatever the number of its rows)."""


@dataclass(frozen=True)
class Conditioning:
    kind: str  # one of KINDS
    given: pd.DataFrame  # typed rows, one per output row; null cells are the model's to fill

    @property
    def rows(self) -> int:
        return len(self.given)

    @property
    def fills_nulls(self) -> bool:
        """Whether every cell the model fills must get a value (imputation)."""
        return self.kind == "impute"

    @property
    def draws(self) -> int:
        """Samples drawn per row and combined by ``best_guess``: imputation's best guess; other
        kinds are generation, one sample a row."""
        return IMPUTE_DRAWS if self.kind == "impute" else 1

    def chunk(self, start: int, n: int) -> pd.DataFrame:
        return self.given.iloc[start : start + n].reset_index(drop=True)

    def conditions_of(self, chunk: pd.DataFrame, profile: Profile) -> pd.DataFrame:
        """The cells of ``chunk`` the model conditions on, in the training frame's encoding (text
        cells an imputed table keeps are not among them)."""
        learned = chunk.copy()
        for prof in profile.columns:
            if prof.type == "text":
                learned[prof.name] = None
        return training_frame(learned, profile)[0]


def _bad(column: str, why: str) -> EngineError:
    return EngineError("invalid_condition", f"column '{column}': {why}")


def conditioning(
    profile: Profile,
    *,
    algorithm: type,
    count: int | None,
    seed: int,
    conditions: object = None,
    partial_rows: object = None,
    shares: object = None,
    impute: object = None,
) -> Conditioning | None:
    """The checked conditioning, or None for plain generation. ``partial_rows``/``impute``: a
    DataFrame of the table's spelling or a CSV/Parquet path; ``count`` is their row count when None."""
    chosen = {kind: value for kind, value in zip(KINDS, (conditions, partial_rows, shares, impute), strict=True) if value is not None}
    if not chosen:
        return None
    if len(chosen) > 1:
        raise EngineError("invalid_arguments", f"{' and '.join(_FLAGS[k] for k in chosen)} cannot be combined; give one of them")
    kind, value = next(iter(chosen.items()))
    supported = getattr(algorithm, "conditioning", ())
    if kind not in supported:
        raise EngineError(
            "invalid_condition",
            f"{algorithm.name} cannot do {kind} conditioning ({_FLAGS[kind]}); it supports: {', '.join(supported) or 'none'}",
        )
    if kind == "fixed":
        given = _fixed(profile, value, _count(count))
    elif kind == "rebalance":
        given = _rebalanced(profile, value, _count(count), seed)
    else:
        given = _table(profile, value, kind)
        if count is not None and count != len(given):
            raise EngineError("invalid_arguments", f"--count must be left out or equal the {len(given)} rows of {_FLAGS[kind]} (got {count})")
    return Conditioning(kind, given)


def _count(count: int | None) -> int:
    if count is None:
        raise EngineError("invalid_arguments", "--count is required unless --partial-rows or --impute gives the rows")
    return count


def _empty(profile: Profile, n: int) -> dict[str, np.ndarray]:
    return {p.name: np.full(n, np.nan) if p.type in ("integer", "float", "datetime", "boolean") else np.full(n, None, dtype=object) for p in profile.columns}


def _spelled(value: object) -> object:
    if isinstance(value, bool):
        return "true" if value else "false"
    return value if value is None or isinstance(value, str) else str(value)


def _fixed(profile: Profile, conditions: object, count: int) -> pd.DataFrame:
    if not isinstance(conditions, dict) or not conditions:
        raise EngineError("invalid_arguments", '--conditions must be a non-empty JSON object of column -> value, e.g. {"class": ">50K"}')
    for name, value in conditions.items():
        if value is None or isinstance(value, (dict, list)):
            raise _bad(name, f"give one value to fix, not {value!r}")
    row = pd.DataFrame({name: [_spelled(value)] for name, value in conditions.items()})
    typed = _typed(profile, row, "fixed")
    data = _empty(profile, count)
    for name in conditions:
        data[name] = np.repeat(typed[name].to_numpy(), count)
    return pd.DataFrame(data)


def _rebalanced(profile: Profile, shares: object, count: int, seed: int) -> pd.DataFrame:
    if not isinstance(shares, dict) or len(shares) != 1 or not isinstance(next(iter(shares.values())), dict):
        raise EngineError("invalid_arguments", '--shares must name one column and its target shares, e.g. {"class": {">50K": 0.5, "<=50K": 0.5}}')
    name, targets = next(iter(shares.items()))
    prof = _column(profile, name)
    if prof.type not in ("categorical", "boolean"):
        raise _bad(name, f"shares need a categorical or boolean column; this one is {prof.type}")
    if not targets:
        raise _bad(name, "give the share of at least one value")
    for value, share in targets.items():
        if isinstance(share, bool) or not isinstance(share, (int, float)) or not 0 <= share <= 1:
            raise _bad(name, f"the share of {value!r} must be a number between 0 and 1 (got {share!r})")
    total = float(sum(targets.values()))
    if abs(total - 1) > _SHARE_TOLERANCE:
        raise _bad(name, f"the shares must sum to 1 (they sum to {total:g})")
    typed = _typed(profile, pd.DataFrame({name: [_spelled(v) for v in targets]}), "rebalance")[name].to_numpy()
    exact = np.array([float(s) for s in targets.values()]) * count
    counts = np.floor(exact).astype(int)
    for i in np.argsort(-(exact - counts), kind="stable")[: count - int(counts.sum())]:
        counts[i] += 1
    data = _empty(profile, count)
    data[name] = np.random.default_rng([seed, 3]).permutation(np.repeat(typed, counts))
    return pd.DataFrame(data)


def _table(profile: Profile, source: object, kind: str) -> pd.DataFrame:
    flag = _FLAGS[kind]
    if isinstance(source, pd.DataFrame):
        raw = source.apply(lambda column: column.map(lambda v: None if pd.isna(v) else _spelled(v))).astype(object)
    else:
        raw, _ = read_table(str(source), what=flag.lstrip("-").replace("-", " ") + " table")
    if len(raw) == 0:
        raise EngineError("no_rows", f"the {flag} table has no rows")
    unknown = [c for c in raw.columns if c not in profile.by_name()]
    if unknown:
        raise _bad(unknown[0], f"not a column of the model; its columns: {', '.join(p.name for p in profile.columns)}")
    if kind == "impute":
        missing = [p.name for p in profile.columns if p.name not in raw.columns]
        if missing:
            raise _bad(missing[0], f"missing from the {flag} table, which needs every column of the dataset ({', '.join(missing)} missing)")
    typed = _typed(profile, raw.reset_index(drop=True), kind)
    data = _empty(profile, len(typed))
    for name in raw.columns:
        data[name] = typed[name].to_numpy()
    return pd.DataFrame(data)


def _column(profile: Profile, name: str) -> ColumnProfile:
    prof = profile.by_name().get(name)
    if prof is None:
        raise _bad(name, f"not a column of the model; its columns: {', '.join(p.name for p in profile.columns)}")
    return prof


def _typed(profile: Profile, raw: pd.DataFrame, kind: str) -> pd.DataFrame:
    """The given cells read as typed values and checked against what the model learned."""
    profs = [_column(profile, name) for name in raw.columns]
    typed = typed_rows(raw, Profile(columns=tuple(profs), rules=()))
    for prof in profs:
        given = raw[prof.name].notna()
        if not given.any():
            continue
        if prof.role == "id" or prof.type == "text":
            if kind == "impute":  # kept as given, never a condition of the model
                continue
            what = "an id column" if prof.role == "id" else "a text column"
            raise _bad(prof.name, f"is {what}; its values are not learned, so rows cannot be conditioned on it")
        unread = given & typed[prof.name].isna()
        if unread.any():
            raise _bad(prof.name, f"{raw[prof.name][unread].iloc[0]!r} does not read as a value of this {prof.type} column" + _allowed(prof))
        _check_values(prof, typed[prof.name][given])
    return typed


def _allowed(prof: ColumnProfile) -> str:
    if prof.type == "boolean":
        tokens = prof.tokens or {"true": "true", "false": "false"}
        return f"; allowed: {tokens['true']}, {tokens['false']}"
    if prof.type in ("integer", "float", "datetime") and prof.min is not None:
        low, high = (prof.min_text, prof.max_text) if prof.type == "datetime" else (f"{prof.min:g}", f"{prof.max:g}")
        return f"; allowed: {low} to {high}"
    return ""


def _check_values(prof: ColumnProfile, values: pd.Series) -> None:
    if prof.role == "constant":
        if prof.value is None or (values != prof.value).any():
            raise _bad(prof.name, f"held only {prof.value!r} in training; other values cannot be conditioned on")
        return
    if prof.type in ("integer", "float", "datetime"):
        outside = (values < prof.min) | (values > prof.max)
        if outside.any():
            shown = values[outside].iloc[0]
            raise _bad(prof.name, f"{shown:g} is outside the bounds learned in training" + _allowed(prof))
    elif prof.type == "categorical" and prof.categories_complete:
        unseen = ~values.isin(prof.categories)
        if unseen.any():
            more = f" (and {len(prof.categories) - _SHOWN_VALUES} more)" if len(prof.categories) > _SHOWN_VALUES else ""
            raise _bad(
                prof.name,
                f"{values[unseen].iloc[0]!r} was never seen in training; allowed: {', '.join(prof.categories[:_SHOWN_VALUES])}{more}",
            )


def write_back(typed: pd.DataFrame, given: pd.DataFrame) -> None:
    """Put the given cells into the restored rows, exactly as given."""
    for name in given.columns:
        mask = pd.notna(given[name]).to_numpy()
        if mask.any():
            column = typed[name].to_numpy(copy=True)
            column[mask] = given[name].to_numpy()[mask]
            typed[name] = column


def best_guess(draws: pd.DataFrame, profile: Profile, k: int) -> pd.DataFrame:
    """Typed rows from ``k`` restored draws of each (draw j of row i at ``j * n + i``): per cell
    the draws' mean for numbers and datetimes, put back on the column's decimals, value set and
    bounds; the most frequent draw for every other column (the earliest draw among equals, so id
    columns keep the first draw's numbering)."""
    n = len(draws) // k
    out = {}
    for prof in profile.columns:
        values = draws[prof.name].to_numpy()
        if prof.type in ("integer", "float", "datetime") and prof.role == "model":
            stacked = values.astype(float).reshape(k, n)
            guess = on_resolution(stacked.mean(axis=0), prof)
            if prof.support and prof.support["kind"] == "set":
                guess = nearest_in_set(guess, prof.support)
            out[prof.name] = np.clip(guess, prof.min, prof.max)
        else:
            out[prof.name] = _most_frequent(values, n)
    return pd.DataFrame(out)


def _most_frequent(values: np.ndarray, n: int) -> np.ndarray:
    cells = pd.DataFrame({"row": np.tile(np.arange(n), len(values) // n), "value": values, "order": np.arange(len(values))})
    counted = cells.groupby(["row", "value"], dropna=False, sort=False)["order"].agg(["size", "min"]).reset_index()
    chosen = counted.sort_values(["row", "size", "min"], ascending=[True, False, True]).drop_duplicates("row")
    return chosen["value"].to_numpy()
