"""The engine's own quality, diagnostic and privacy metrics (numpy/scipy/pandas only).

Used by evaluate() when sdmetrics is not installed (the permissive-only install), or when asked
for. Each function reproduces the definition sdmetrics 0.32 uses, so scores agree with the
sdmetrics-based report (tests/test_metrics.py checks this within 0.01 on every shared dataset):

- KSComplement (numeric/datetime columns): 1 - the two-sample Kolmogorov-Smirnov D statistic on
  the non-null values (datetimes as nanoseconds, values rounded to 14 decimals).
- TVComplement (categorical/boolean columns): 1 - total variation distance of the non-null value
  frequencies (values only in the synthetic data count against the score).
- CorrelationSimilarity (numeric/datetime pairs): 1 - |Pearson real - Pearson synthetic| / 2 on
  the rows where both are non-null; scored only when |real r| > 0.5; undefined (null) when a
  column is constant.
- ContingencySimilarity (categorical pairs, and mixed pairs with the numeric column cut into the
  10 ``numpy.histogram_bin_edges`` bins of each table's own values, nulls a bin of their own):
  1 - total variation distance of the two-way frequency tables (nulls are a category); scored
  only when the real Cramér's V > 0.3.
- Column Shapes / Column Pair Trends are the means of the defined scores; the overall score is
  the mean of the two properties.
- DCRBaselineProtection: for every synthetic row the distance to the closest real row (mean of
  per-column distances: numeric/datetime |a-b| / real range capped at 1, categorical 0/1, one
  null 1, both null 0); the same for random rows drawn uniformly within the real ranges /
  categories with the real null ratios; score = min(median DCR synthetic / median DCR random, 1).
- Diagnostic: data validity = mean of BoundaryAdherence (numeric/datetime: share of synthetic
  values inside the real min..max) and CategoryAdherence (categorical/boolean: share of synthetic
  values among the real categories), nulls allowed where the real column has nulls; data
  structure = share of (column, dtype) pairs both tables share.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations

import numpy as np
import pandas as pd
from scipy.stats import ks_2samp, pearsonr
from scipy.stats.contingency import association

NUMERIC = ("numerical", "datetime")
DISCRETE = ("categorical", "boolean")
MAX_DECIMALS = 14  # sys.float_info.dig - 1, as sdmetrics rounds before the KS test
CONTINGENCY_SUBSAMPLE = 50_000
# sdmetrics' QualityReport only scores pairs that are related in the real data: |Pearson r| above
# 0.5 for numeric pairs, Cramér's V above 0.3 for the others. Other pairs get a null score.
REAL_CORRELATION_THRESHOLD = 0.5
REAL_ASSOCIATION_THRESHOLD = 0.3


def _is_datetime(series: pd.Series) -> bool:
    return pd.api.types.is_datetime64_any_dtype(series.dtype)


def _numeric(series: pd.Series) -> pd.Series:
    """Datetimes as float nanoseconds (NaN for NaT); numbers as floats."""
    if _is_datetime(series):
        values = series.to_numpy(dtype="datetime64[ns]").astype("int64").astype(float)
        values[pd.isna(series).to_numpy()] = np.nan
        return pd.Series(values, index=series.index)
    return pd.to_numeric(series, errors="coerce").astype(float)


# ---------------------------------------------------------------------------------------------
# single columns


def ks_complement(real: pd.Series, synthetic: pd.Series) -> float:
    r = _numeric(real).dropna().round(MAX_DECIMALS)
    s = _numeric(synthetic).dropna().round(MAX_DECIMALS)
    if r.empty or s.empty:
        return float("nan")
    return float(1 - ks_2samp(r.to_numpy(), s.to_numpy()).statistic)


def tv_complement(real: pd.Series, synthetic: pd.Series) -> float:
    r = Counter(real.dropna().tolist())
    s = Counter(synthetic.dropna().tolist())
    if not r or not s:
        return float("nan")
    for value in s:
        if value not in r:
            r[value] += 1e-6  # as sdmetrics: a synthetic-only value counts against the score
    r_total, s_total = sum(r.values()), sum(s.values())
    return float(1 - 0.5 * sum(abs(s[v] / s_total - r[v] / r_total) for v in r))


# ---------------------------------------------------------------------------------------------
# column pairs


def _correlation(real: pd.DataFrame, synthetic: pd.DataFrame) -> tuple[float, float, float]:
    """(score, real r, synthetic r); NaNs where undefined or where |real r| <= the threshold."""
    nan = float("nan")
    if (real.nunique() == 1).any() or (synthetic.nunique() == 1).any():
        return nan, nan, nan  # sdmetrics raises ConstantInputError: no score
    r = real.dropna()
    s = synthetic.dropna()
    if len(r) < 2 or len(s) < 2:
        return nan, nan, nan
    with np.errstate(all="ignore"):
        r_corr = float(pearsonr(r.iloc[:, 0], r.iloc[:, 1])[0]) if r.iloc[:, 0].nunique() > 1 and r.iloc[:, 1].nunique() > 1 else nan
        if not abs(r_corr) > REAL_CORRELATION_THRESHOLD:
            return nan, r_corr, nan
        s_corr = float(pearsonr(s.iloc[:, 0], s.iloc[:, 1])[0]) if s.iloc[:, 0].nunique() > 1 and s.iloc[:, 1].nunique() > 1 else nan
    if np.isnan(s_corr):
        return nan, r_corr, s_corr
    return 1 - abs(r_corr - s_corr) / 2, r_corr, s_corr


def _contingency(real: pd.DataFrame, synthetic: pd.DataFrame, rng: np.random.Generator) -> tuple[float, float]:
    """(score, real Cramér's V); the score is NaN where the real association is <= the threshold."""
    nan = float("nan")
    if max(len(real), len(synthetic)) > CONTINGENCY_SUBSAMPLE:
        real = real.sample(min(CONTINGENCY_SUBSAMPLE, len(real)), random_state=int(rng.integers(2**31)))
        synthetic = synthetic.sample(min(CONTINGENCY_SUBSAMPLE, len(synthetic)), random_state=int(rng.integers(2**31)))
    columns = list(real.columns[:2])
    real_counts = real.groupby(columns, dropna=False).size()
    table = real_counts.unstack(fill_value=0)
    if table.to_numpy().sum() == 0 or min(table.shape) < 2:
        return nan, nan
    cramers_v = float(association(table.to_numpy(), method="cramer"))
    if cramers_v <= REAL_ASSOCIATION_THRESHOLD:
        return nan, cramers_v
    r = real_counts / len(real)
    s = synthetic.groupby(columns, dropna=False).size() / len(synthetic)
    index = r.index.union(s.index, sort=False).drop_duplicates()
    diff = (r.reindex(index, fill_value=0) - s.reindex(index, fill_value=0)).abs().fillna(0)
    return float(1 - diff.sum() / 2), cramers_v


def _discretize(values: pd.Series) -> pd.Series:
    edges = np.histogram_bin_edges(values.dropna())
    return pd.Series(np.digitize(values, bins=edges), index=values.index)


@dataclass
class QualityResult:
    columns: list[dict] = field(default_factory=list)  # {"column", "metric", "score"}
    pairs: list[dict] = field(default_factory=list)  # {"columns", "metric", "score", "real", "synthetic"}

    @property
    def column_shapes(self) -> float:
        scores = [c["score"] for c in self.columns if not _nan(c["score"])]
        return float(np.mean(scores)) if scores else float("nan")

    @property
    def column_pair_trends(self) -> float:
        scores = [p["score"] for p in self.pairs if not _nan(p["score"])]
        return float(np.mean(scores)) if scores else float("nan")

    @property
    def score(self) -> float:
        props = [v for v in (self.column_shapes, self.column_pair_trends) if not _nan(v)]
        return float(np.mean(props)) if props else float("nan")


def _nan(value) -> bool:
    return value is None or (isinstance(value, float) and np.isnan(value))


def quality(real: pd.DataFrame, synthetic: pd.DataFrame, sdtypes: dict[str, str], seed: int = 0) -> QualityResult:
    """sdmetrics' QualityReport (Column Shapes + Column Pair Trends), computed here."""
    result = QualityResult()
    names = [n for n, t in sdtypes.items() if t in NUMERIC + DISCRETE]
    for name in names:
        if sdtypes[name] in NUMERIC:
            result.columns.append({"column": name, "metric": "KSComplement", "score": ks_complement(real[name], synthetic[name])})
        else:
            result.columns.append({"column": name, "metric": "TVComplement", "score": tv_complement(real[name], synthetic[name])})
    result.pairs = pair_trends(real, synthetic, sdtypes, list(combinations(names, 2)), seed=seed)
    return result


def pair_trends(real: pd.DataFrame, synthetic: pd.DataFrame, sdtypes: dict[str, str], pairs: list[tuple[str, str]], seed: int = 0) -> list[dict]:
    """The Column Pair Trends metric of each pair of scored columns:
    ``{"columns", "metric", "score", "real", "synthetic"}``, in the order of ``pairs``."""
    names = list(dict.fromkeys(name for pair in pairs for name in pair))
    real_num = {n: _numeric(real[n]) for n in names if sdtypes[n] in NUMERIC}
    synth_num = {n: _numeric(synthetic[n]) for n in names if sdtypes[n] in NUMERIC}
    real_bins = {n: _discretize(v) for n, v in real_num.items()}
    synth_bins = {n: _discretize(v) for n, v in synth_num.items()}
    rng = np.random.default_rng(seed)
    out = []
    for a, b in pairs:
        a_num, b_num = sdtypes[a] in NUMERIC, sdtypes[b] in NUMERIC
        real_v = synth_v = float("nan")
        if a_num and b_num:
            metric = "CorrelationSimilarity"
            score, real_v, synth_v = _correlation(pd.DataFrame({a: real_num[a], b: real_num[b]}), pd.DataFrame({a: synth_num[a], b: synth_num[b]}))
        else:
            metric = "ContingencySimilarity"
            r = pd.DataFrame({a: real_bins[a] if a_num else real[a], b: real_bins[b] if b_num else real[b]})
            s = pd.DataFrame({a: synth_bins[a] if a_num else synthetic[a], b: synth_bins[b] if b_num else synthetic[b]})
            score, real_v = _contingency(r, s, rng)
        out.append({"columns": [a, b], "metric": metric, "score": score, "real": real_v, "synthetic": synth_v})
    return out


# ---------------------------------------------------------------------------------------------
# diagnostic


def boundary_adherence(real: pd.Series, synthetic: pd.Series) -> float:
    r, s = _numeric(real), _numeric(synthetic)
    nullable = bool(r.isna().any())
    r = r.dropna()
    if nullable:
        s = s.dropna()
    if len(s) == 0 or r.empty:
        return float("nan")
    return float(s.between(r.min(), r.max()).sum() / len(s))


def category_adherence(real: pd.Series, synthetic: pd.Series) -> float:
    r = real.astype(object).where(real.notna(), None)
    s = synthetic.astype(object).where(synthetic.notna(), None)
    valid = s.isin(set(r.dropna()))
    if r.isna().any():
        valid = valid | s.isna()
    return float(valid.mean()) if len(s) else float("nan")


def diagnostic(real: pd.DataFrame, synthetic: pd.DataFrame, sdtypes: dict[str, str]) -> dict:
    scores = []
    for name, sdtype in sdtypes.items():
        if sdtype in NUMERIC:
            scores.append(boundary_adherence(real[name], synthetic[name]))
        elif sdtype in DISCRETE:
            scores.append(category_adherence(real[name], synthetic[name]))
    scores = [s for s in scores if not np.isnan(s)]
    validity = float(np.mean(scores)) if scores else float("nan")
    real_cols = set(zip(real.columns, map(str, real.dtypes), strict=True))
    synth_cols = set(zip(synthetic.columns, map(str, synthetic.dtypes), strict=True))
    structure = len(real_cols & synth_cols) / len(real_cols | synth_cols) if real_cols | synth_cols else float("nan")
    props = [v for v in (validity, structure) if not np.isnan(v)]
    return {"score": float(np.mean(props)) if props else float("nan"), "data_validity": validity, "data_structure": structure}


# ---------------------------------------------------------------------------------------------
# privacy: distance to closest record


def random_baseline(real: pd.DataFrame, n: int, seed: int | None = None, null_seed: int | None = None) -> pd.DataFrame:
    """Random rows within the real ranges/categories, with the real null ratios (as sdmetrics).

    ``seed`` drives the values (numpy ``default_rng``), ``null_seed`` the null masks (a legacy
    ``RandomState``, like sdmetrics' use of ``np.random.rand``)."""
    values_rng = np.random.default_rng(seed)
    null_rng = np.random.RandomState(null_seed)
    out = {}
    for col in real.columns:
        series = real[col]
        nan_ratio = series.isna().mean()
        if pd.api.types.is_integer_dtype(series.dtype):
            values = values_rng.integers(low=series.min(), high=series.max() + 1, size=n)
        elif pd.api.types.is_float_dtype(series.dtype):
            values = values_rng.uniform(low=series.min(), high=series.max(), size=n)
        elif _is_datetime(series):
            lo, hi = series.min(), series.max()
            values = lo + pd.to_timedelta(values_rng.uniform(low=0, high=(hi - lo).total_seconds(), size=n), unit="s")
        else:
            values = values_rng.choice(series.dropna().unique(), size=n)
        mask = null_rng.rand(n) < nan_ratio
        values = pd.Series(values)
        values[mask] = pd.NaT if _is_datetime(series) else np.nan
        out[col] = values
    return pd.DataFrame(out)


def dcr_columns(
    data: pd.DataFrame, reference: pd.DataFrame, sdtypes: dict[str, str], scale: pd.DataFrame | None = None
) -> list[tuple[str, np.ndarray, np.ndarray, float | None]]:
    """Per column: (kind, data values, reference values, range of ``scale``, by default of
    ``reference``) in a comparable numeric form."""
    cols = []
    for name, sdtype in sdtypes.items():
        if sdtype in NUMERIC:
            d = _numeric(data[name]).to_numpy()
            r = _numeric(reference[name]).to_numpy()
            ranged = r if scale is None else _numeric(scale[name]).to_numpy()
            span = float(np.nanmax(ranged) - np.nanmin(ranged)) if np.isfinite(ranged).any() else float("nan")
            cols.append(("numeric", d, r, span))
        elif sdtype in DISCRETE:
            both = pd.concat([data[name].astype(object), reference[name].astype(object)], ignore_index=True)
            codes, _ = pd.factorize(both.where(both.notna(), None), use_na_sentinel=True)  # null -> -1
            cols.append(("discrete", codes[: len(data)], codes[len(data) :], None))
    return cols


def column_distance(kind: str, data: np.ndarray, reference: np.ndarray, span: float | None) -> np.ndarray:
    """One column's part of the row distance, every ``data`` value against every ``reference``
    value (shape (len(data), len(reference)), 0..1): numeric |a-b| / span capped at 1,
    categorical 0/1, one null 1, both null 0."""
    a, b = data[:, None], reference[None, :]
    if kind != "numeric":
        return (a != b).astype(float)
    with np.errstate(invalid="ignore"):
        diff = np.abs(b - a)
        part = (diff > 0).astype(float) if span == 0 else np.minimum(diff / span, 1.0)
    a_nan, b_nan = np.isnan(a), np.isnan(b)
    part = np.where(a_nan ^ b_nan, 1.0, part)
    part = np.where(a_nan & b_nan, 0.0, part)
    return np.nan_to_num(part, nan=0.0)


def dcr(data: pd.DataFrame, reference: pd.DataFrame, sdtypes: dict[str, str], chunk: int = 256) -> np.ndarray:
    """Distance of every row of ``data`` to its closest row in ``reference`` (0..1)."""
    return nearest_distances(data, reference, sdtypes, k=1, chunk=chunk)[:, 0]


def nearest_distances(
    data: pd.DataFrame, reference: pd.DataFrame, sdtypes: dict[str, str], k: int = 1, chunk: int = 256, scale: pd.DataFrame | None = None
) -> np.ndarray:
    """Distances (0..1, as ``dcr``) of every row of ``data`` to its ``k`` closest rows in
    ``reference``, nearest first; shape (rows, k). ``scale``: the rows whose ranges normalise
    numeric differences (default ``reference``), so that distances to two references compare."""
    cols = dcr_columns(data, reference, sdtypes, scale)
    if not cols:
        raise ValueError("There are no overlapping statistical columns to measure.")
    k = min(k, len(reference))
    out = np.empty((len(data), k))
    for start in range(0, len(data), chunk):
        stop = min(start + chunk, len(data))
        total = np.zeros((stop - start, len(reference)))
        for kind, d, r, span in cols:
            total += column_distance(kind, d[start:stop], r, span)
        total /= len(cols)
        out[start:stop] = np.sort(np.partition(total, k - 1, axis=1)[:, :k], axis=1)
    return out


def dcr_baseline_protection(real: pd.DataFrame, synthetic: pd.DataFrame, sdtypes: dict[str, str], seed: int | None = 0, null_seed: int | None = 0) -> dict:
    """sdmetrics' DCRBaselineProtection.compute_breakdown, computed here."""
    random = random_baseline(real, len(synthetic), seed=seed, null_seed=null_seed)
    synth_median = float(np.nanmedian(dcr(synthetic.reset_index(drop=True), real.reset_index(drop=True), sdtypes)))
    random_median = float(np.nanmedian(dcr(random, real.reset_index(drop=True), sdtypes)))
    score = min(synth_median / random_median, 1.0) if random_median != 0 else float("nan")
    return {"score": score, "median_DCR_to_real_data": {"synthetic_data": synth_median, "random_data_baseline": random_median}}
