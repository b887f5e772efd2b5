"""Singling-out, linkability and inference attacks as anonymeter defines them (Giomi et al.,
"A Unified Framework for Quantifying Privacy Risk in Synthetic Data", PoPETs 2023), computed here
on numpy/scipy so that both installs have them: anonymeter 1.1.0 itself requires numpy<1.27 and
pyarrow<22, which the engine's locks (numpy 2.4, pyarrow 26) cannot hold.

Each attack uses the synthetic rows to attack training rows and, as a control, held-out real rows
the model never saw; the risk is the attack's success on training rows beyond its success on the
control rows, (main - control) / (1 - control), with a Wilson-score confidence interval. A random
guess (baseline) says whether the attack is informative at all.

- Singling out (multivariate, 3 columns): predicates built from synthetic rows (a value per
  column: equal for categories, >= or <= for numbers towards the tail away from the synthetic
  median) that match exactly one synthetic row; success when a predicate also matches exactly one
  training (control: holdout) row. Baseline: random predicates over synthetic values.
- Linkability: the columns split in two halves; a target row is linked when both halves have the
  same nearest synthetic row. Baseline: two random synthetic rows.
- Inference: each column in turn is the secret, the others are known; the guess is the secret of
  the nearest synthetic row, right when equal (numbers: within 5% of the guess). Baseline: the
  secret of a random synthetic row.
Distances are those of the DCR metric (Gower: numeric |a-b| / range, categories 0/1).
"""

from __future__ import annotations

from math import sqrt

import numpy as np
import pandas as pd
from scipy.stats import norm

from ._metrics import DISCRETE, NUMERIC, _numeric, column_distance, dcr_columns

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


def _as_values(frames: list[pd.DataFrame], sdtypes: dict[str, str]) -> list[dict[str, np.ndarray]]:
    """Each frame's columns as float arrays (NaN for null); categories as shared codes."""
    out: list[dict[str, np.ndarray]] = [{} for _ in frames]
    for name, sdtype in sdtypes.items():
        if sdtype in NUMERIC:
            for i, frame in enumerate(frames):
                out[i][name] = _numeric(frame[name]).to_numpy()
        else:
            both = pd.concat([f[name].astype(object) for f in frames], ignore_index=True)
            codes, _ = pd.factorize(both.where(both.notna(), None), use_na_sentinel=True)
            codes = np.where(codes < 0, np.nan, codes.astype(float))
            for i, part in enumerate(np.split(codes, np.cumsum([len(f) for f in frames])[:-1])):
                out[i][name] = part
    return out


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


def _singling_out(train, holdout, synthetic, sdtypes, count, rng) -> dict:
    t, h, s = _as_values([train, holdout, synthetic], sdtypes)
    names = list(sdtypes)
    width = min(SINGLING_OUT_COLUMNS, len(names))
    medians = {n: np.nanmedian(s[n]) if sdtypes[n] in NUMERIC and not np.isnan(s[n]).all() else None for n in names}
    found: dict[tuple, None] = {}
    for _ in range(count * SINGLING_OUT_ATTEMPTS):
        row = int(rng.integers(len(synthetic)))
        predicate = []
        for column in sorted(rng.choice(names, size=width, replace=False)):
            value = s[column][row]
            if np.isnan(value):
                predicate.append((column, "null", None))
            elif sdtypes[column] in DISCRETE:
                predicate.append((column, "==", value))
            else:
                predicate.append((column, ">=" if value > medians[column] else "<=", value))
        predicate = tuple(predicate)
        if predicate not in found and _matches(s, predicate) == 1:
            found[predicate] = None
            if len(found) == count:
                break
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


def _distances(targets: pd.DataFrame, synthetic: pd.DataFrame, sdtypes: dict[str, str], scale: pd.DataFrame) -> dict[str, np.ndarray]:
    """Per column, the distance of every target row to every synthetic row."""
    names = list(sdtypes)
    cols = dcr_columns(targets, synthetic, sdtypes, scale)
    return {name: column_distance(kind, d, r, span).astype(np.float32) for name, (kind, d, r, span) in zip(names, cols, strict=True)}


def _nearest(parts: dict[str, np.ndarray], columns: list[str]) -> np.ndarray:
    return np.argmin(sum(parts[c] for c in columns), axis=1)


def _linkability(train, holdout, synthetic, sdtypes, count, rng) -> dict:
    names = list(sdtypes)
    if len(names) < 2:
        return {"risk": None, "reason": "fewer than two scored columns to split"}
    halves = names[: len(names) // 2], names[len(names) // 2 :]
    scale = pd.concat([train, holdout, synthetic], ignore_index=True)
    linked = []
    for frame in (train, holdout):
        parts = _distances(frame.sample(n=count, random_state=int(rng.integers(2**31))), synthetic, sdtypes, scale)
        linked.append(int((_nearest(parts, list(halves[0])) == _nearest(parts, list(halves[1]))).sum()))
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
    scale = pd.concat([train, holdout, synthetic], ignore_index=True)
    sides = []
    for frame in (train, holdout):
        targets = frame.sample(n=count, random_state=int(rng.integers(2**31))).reset_index(drop=True)
        sides.append((_as_values([targets, synthetic], sdtypes), _distances(targets, synthetic, sdtypes, scale)))
    total_t, total_h = (sum(parts.values()) for _, parts in sides)
    columns = []
    for name in names:
        numeric = sdtypes[name] in NUMERIC
        successes = []
        for (values, parts), total in zip(sides, (total_t, total_h), strict=True):
            nearest = np.argmin(total - parts[name], axis=1)
            successes.append(int(_guessed(values[1][name][nearest], values[0][name], numeric).sum()))
        (train_values, synth_values), _ = sides[0]
        guesses = synth_values[name][rng.integers(len(synthetic), size=count)]
        baseline = int(_guessed(guesses, train_values[name], numeric).sum())
        columns.append({"column": name, **_risk(main=successes[0], control=successes[1], baseline=baseline, total=count)})
    columns.sort(key=lambda c: -c["risk"])
    return {"risk": columns[0]["risk"], "ci": columns[0]["ci"], "column": columns[0]["column"], "columns": columns}
