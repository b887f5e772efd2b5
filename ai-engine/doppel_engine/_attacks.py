"""Singling-out, linkability and inference attacks as anonymeter defines them (Giomi et al.,
"A Unified Framework for Quantifying Privacy Risk in Synthetic Data", PoPETs 2023), computed here
on numpy/scipy so that both installs have them: anonymeter 1.0.0 requires numpy<1.27 (1.1.0 also
pyarrow<22), which the engine's locks (numpy 2.4, pyarrow 26) cannot hold. tests/test_anonymeter.py
runs anonymeter 1.0.0 itself, from a venv of its own (requirements-anonymeter.lock), on the same
frames of every shared dataset and keeps these risks within 0.01 of it.

Each attack uses the synthetic rows to attack training rows and, as a control, held-out real rows
the model never saw; the risk is the attack's success on training rows beyond its success on the
control rows, (main - control) / (1 - control), with a Wilson-score confidence interval. A random
guess (baseline) says whether the attack is informative at all.

- Singling out (multivariate, 3 columns), on rows without duplicates (as anonymeter): predicates
  built from synthetic rows (a value per column: equal for categories, >= or <= for numbers towards
  the tail away from the synthetic median) that match exactly one synthetic row; success when a
  predicate also matches exactly one training (control: holdout) row. Baseline: random predicates
  over synthetic values.
- Linkability: the columns split in two halves; a target row is linked when both halves have the
  same nearest synthetic row. Baseline: two random synthetic rows.
- Inference: each column in turn is the secret, the others are known; the guess is the secret of
  the nearest synthetic row, right when equal (numbers: within 5% of the guess). Baseline: the
  secret of a random synthetic row. anonymeter divides the error by the signed guess, so it
  counts every negative guess right; here the error is measured against |guess|.
Nearest rows as anonymeter finds them (its Gower distance): numeric |a-b| / range, the range taken
over the attacked rows and the synthetic rows together; categories 0/1 with null as a category;
a number null on both sides counts 1, null on one side only makes the row unreachable (anonymeter's
distance is NaN there, which sorts last). Among equally near rows the first is taken; anonymeter's
pick among ties follows its sort and is arbitrary, which only matters for rows equal on every known
column.
"""

from __future__ import annotations

from math import sqrt

import numpy as np
import pandas as pd
from scipy.stats import norm

from ._metrics import DISCRETE, NUMERIC, _numeric

ATTACKS = 200  # per attack and per side: keeps the three attacks to seconds
MIN_ATTACKS = 20  # fewer targets give confidence intervals too wide to say anything
ROWS = 2_000
CONFIDENCE = 0.95
SINGLING_OUT_COLUMNS = 3
SINGLING_OUT_ATTEMPTS = 50  # candidate predicates per wanted one, before giving up
INFERENCE_TOLERANCE = 0.05


def attacks(train: pd.DataFrame, holdout: pd.DataFrame, synthetic: pd.DataFrame, sdtypes: dict[str, str], seed: int = 0, rows: int = ROWS) -> dict:
    """The three risks against training rows, with the holdout as control (same number of rows)."""
    sdtypes = {n: t for n, t in sdtypes.items() if t in NUMERIC + DISCRETE}
    n = min(len(train), len(holdout), rows)
    t = train.sample(n=n, random_state=seed).reset_index(drop=True)
    h = holdout.sample(n=n, random_state=seed + 1).reset_index(drop=True)
    s = synthetic.sample(n=min(len(synthetic), rows), random_state=seed + 2).reset_index(drop=True)
    count = min(ATTACKS, n, len(s))
    if count < MIN_ATTACKS or not sdtypes:
        return {"attacks": 0, "rows": n, "reason": f"fewer than {MIN_ATTACKS} training, held-out or synthetic rows to attack"}
    rng = np.random.default_rng(seed)
    return {
        "attacks": count,
        "rows": n,
        "confidence_level": CONFIDENCE,
        "singling_out": _singling_out(t, h, s, sdtypes, count, rng),
        "linkability": _linkability(t, h, s, sdtypes, count, rng),
        "inference": _inference(t, h, s, sdtypes, count, rng),
    }


# ---------------------------------------------------------------------------------------------
# risk from success counts (anonymeter.stats.confidence)


def _rate(successes: float, total: int) -> tuple[float, float]:
    """Wilson-score estimate of a success rate and its error at the confidence level."""
    z = float(norm.ppf(0.5 * (1 + CONFIDENCE)))
    denominator = total + z * z
    rate = (successes + 0.5 * z * z) / denominator
    error = z / denominator * sqrt(successes * (total - successes) / total + 0.25 * z * z)
    return rate, error


def _risk(main: int, control: int, baseline: int, total: int) -> dict:
    attack, attack_err = _rate(main, total)
    ctrl, ctrl_err = _rate(control, total)
    residual = (attack - ctrl) / (1 - ctrl)
    error = sqrt((attack_err / abs(1 - ctrl)) ** 2 + (ctrl_err * (attack - 1) / (1 - ctrl) ** 2) ** 2)
    return {
        "risk": _unit(residual),
        "ci": [_unit(residual - error), _unit(residual + error)],
        "attack_rate": main / total,
        "control_rate": control / total,
        "baseline_rate": baseline / total,
    }


def _unit(value: float) -> float:
    return min(max(value, 0.0), 1.0)


# ---------------------------------------------------------------------------------------------
# singling out


def _as_values(frames: list[pd.DataFrame], sdtypes: dict[str, str]) -> tuple[list[dict[str, np.ndarray]], dict[str, np.ndarray]]:
    """Each frame's columns as float arrays (NaN for null), categories as codes shared by the
    frames; and per category column its values in code order."""
    out: list[dict[str, np.ndarray]] = [{} for _ in frames]
    labels: dict[str, np.ndarray] = {}
    for name, sdtype in sdtypes.items():
        if sdtype in NUMERIC:
            for i, frame in enumerate(frames):
                out[i][name] = _numeric(frame[name]).to_numpy()
        else:
            both = pd.concat([f[name].astype(object) for f in frames], ignore_index=True)
            codes, labels[name] = pd.factorize(both.where(both.notna(), None), use_na_sentinel=True)
            codes = np.where(codes < 0, np.nan, codes.astype(float))
            for i, part in enumerate(np.split(codes, np.cumsum([len(f) for f in frames])[:-1])):
                out[i][name] = part
    return out, labels


def _matches(values: dict[str, np.ndarray], predicate: tuple) -> int:
    mask = None
    for column, op, value in predicate:
        data = values[column]
        if op == "null":
            part = np.isnan(data)
        elif op == "notnull":
            part = ~np.isnan(data)
        else:
            part = {"==": np.equal, "!=": np.not_equal, ">=": np.greater_equal, "<=": np.less_equal, ">": np.greater, "<": np.less}[op](data, value)
        mask = part if mask is None else mask & part
    return int(mask.sum())


def _distinct(frame: pd.DataFrame, sdtypes: dict[str, str]) -> pd.DataFrame:
    """The scored columns without duplicate rows: anonymeter singles out among distinct rows."""
    return frame[list(sdtypes)].drop_duplicates().reset_index(drop=True)


def _singling_out_predicates(synthetic: dict[str, np.ndarray], sdtypes: dict[str, str], count: int, rng: np.random.Generator) -> list[tuple]:
    """Up to ``count`` distinct predicates, each from a random synthetic row, that match that row only."""
    names = list(sdtypes)
    rows = len(next(iter(synthetic.values())))
    width = min(SINGLING_OUT_COLUMNS, len(names))
    medians = {n: np.nanmedian(synthetic[n]) if sdtypes[n] in NUMERIC and not np.isnan(synthetic[n]).all() else None for n in names}
    found: dict[tuple, None] = {}
    for _ in range(count * SINGLING_OUT_ATTEMPTS):
        row = int(rng.integers(rows))
        predicate = []
        for column in sorted(rng.choice(names, size=width, replace=False)):
            value = synthetic[column][row]
            if np.isnan(value):
                predicate.append((column, "null", None))
            elif sdtypes[column] in DISCRETE:
                predicate.append((column, "==", value))
            else:
                predicate.append((column, ">=" if value > medians[column] else "<=", value))
        predicate = tuple(predicate)
        if predicate not in found and _matches(synthetic, predicate) == 1:
            found[predicate] = None
            if len(found) == count:
                break
    return list(found)


def _singling_out(train, holdout, synthetic, sdtypes, count, rng) -> dict:
    (t, h, s), _ = _as_values([_distinct(f, sdtypes) for f in (train, holdout, synthetic)], sdtypes)
    found = _singling_out_predicates(s, sdtypes, count, rng)
    names = list(sdtypes)
    width = min(SINGLING_OUT_COLUMNS, len(names))
    baseline = [_random_predicate(s, sdtypes, names, width, rng) for _ in range(count)]
    result = _risk(
        main=sum(_matches(t, p) == 1 for p in found),
        control=sum(_matches(h, p) == 1 for p in found),
        baseline=sum(_matches(t, p) == 1 for p in baseline),
        total=count,
    )
    return {**result, "predicates": len(found)}


def _random_predicate(values, sdtypes, names, width, rng) -> tuple:
    predicate = []
    for column in sorted(rng.choice(names, size=width, replace=False)):
        choices = np.unique(values[column])  # NaN (null) sorts last and stays one value
        value = choices[int(rng.integers(len(choices)))]
        ops = ["==", "!="] if sdtypes[column] in DISCRETE else ["==", "!=", ">", "<", ">=", "<="]
        op = ops[int(rng.integers(len(ops)))]
        if np.isnan(value):
            predicate.append((column, "null" if op == "==" else "notnull", None))
        else:
            predicate.append((column, op, value))
    return tuple(predicate)


# ---------------------------------------------------------------------------------------------
# linkability and inference: nearest synthetic rows


class _Distances:
    """Distances of every target row to every synthetic row over chosen columns, anonymeter's way:
    a finite part (the sum of the columns' parts) and a count of columns null on one side only,
    which make the synthetic row unreachable."""

    def __init__(self, targets: pd.DataFrame, synthetic: pd.DataFrame, sdtypes: dict[str, str]):
        (self.targets, self.synthetic), _ = _as_values([targets, synthetic], sdtypes)
        self._shape = (len(targets), len(synthetic))
        self._ranges = {}
        for name, sdtype in sdtypes.items():
            if sdtype in NUMERIC:
                both = np.concatenate([self.targets[name], self.synthetic[name]])
                span = float(np.nanmax(both) - np.nanmin(both)) if not np.isnan(both).all() else 0.0
                self._ranges[name] = span or 1.0  # anonymeter leaves a constant column unscaled

    def column(self, name: str) -> tuple[np.ndarray, np.ndarray]:
        """(finite part, one-side-null indicator) of one column, shape (targets, synthetic)."""
        a, b = self.targets[name][:, None], self.synthetic[name][None, :]
        a_nan, b_nan = np.isnan(a), np.isnan(b)
        if name not in self._ranges:
            return np.where(a_nan & b_nan, 0.0, (a != b).astype(float)), np.zeros(self._shape, dtype=bool)
        span = self._ranges[name]
        with np.errstate(invalid="ignore"):
            part = np.abs(a / span - b / span)  # scaled first, as anonymeter, for the same rounding
        return np.where(a_nan & b_nan, 1.0, np.where(a_nan | b_nan, 0.0, part)), a_nan ^ b_nan

    def total(self, names: list[str]) -> tuple[np.ndarray, np.ndarray]:
        finite = np.zeros(self._shape)
        unreachable = np.zeros(self._shape, dtype=np.int32)
        for name in names:
            part, null = self.column(name)
            finite += part
            unreachable += null
        return finite, unreachable


def _nearest(finite: np.ndarray, unreachable: np.ndarray) -> np.ndarray:
    """Per target, the first synthetic row at the least distance (row 0 when none is reachable)."""
    return np.argmin(np.where(unreachable > 0, np.inf, finite), axis=1)


def _linkability(train, holdout, synthetic, sdtypes, count, rng) -> dict:
    names = list(sdtypes)
    if len(names) < 2:
        return {"risk": None, "reason": "fewer than two scored columns to split"}
    halves = names[: len(names) // 2], names[len(names) // 2 :]
    linked = []
    for frame in (train, holdout):
        distances = _Distances(frame.sample(n=count, random_state=int(rng.integers(2**31))), synthetic, sdtypes)
        first, second = (_nearest(*distances.total(list(half))) for half in halves)
        linked.append(int((first == second).sum()))
    baseline = int((rng.integers(len(synthetic), size=count) == rng.integers(len(synthetic), size=count)).sum())
    return {**_risk(main=linked[0], control=linked[1], baseline=baseline, total=count), "columns": [list(halves[0]), list(halves[1])]}


def _guessed(guesses: np.ndarray, secrets: np.ndarray, numeric: bool) -> np.ndarray:
    both_null = np.isnan(guesses) & np.isnan(secrets)
    if numeric:
        with np.errstate(invalid="ignore", divide="ignore"):
            right = np.abs(guesses - secrets) <= INFERENCE_TOLERANCE * np.abs(guesses)
    else:
        right = guesses == secrets
    return both_null | right


def _inference(train, holdout, synthetic, sdtypes, count, rng) -> dict:
    names = list(sdtypes)
    if len(names) < 2:
        return {"risk": None, "reason": "fewer than two scored columns: nothing is known to infer from"}
    sides = []
    for frame in (train, holdout):
        distances = _Distances(frame.sample(n=count, random_state=int(rng.integers(2**31))), synthetic, sdtypes)
        sides.append((distances, *distances.total(names)))
    columns = []
    for name in names:
        numeric = sdtypes[name] in NUMERIC
        successes = []
        for distances, finite, unreachable in sides:
            part, null = distances.column(name)
            nearest = _nearest(finite - part, unreachable - null)
            successes.append(int(_guessed(distances.synthetic[name][nearest], distances.targets[name], numeric).sum()))
        trained = sides[0][0]
        guesses = trained.synthetic[name][rng.integers(len(synthetic), size=count)]
        baseline = int(_guessed(guesses, trained.targets[name], numeric).sum())
        columns.append({"column": name, **_risk(main=successes[0], control=successes[1], baseline=baseline, total=count)})
    columns.sort(key=lambda c: -c["risk"])
    return {"risk": columns[0]["risk"], "ci": columns[0]["ci"], "column": columns[0]["column"], "columns": columns}
