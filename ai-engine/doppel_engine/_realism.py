"""Realism and privacy measured against held-out rows, on scikit-learn/numpy only (both installs).

- Detection: a gradient-boosted classifier (HistGradientBoostingClassifier) separates real rows
  from synthetic ones on balanced samples; the out-of-fold ROC AUC gives
  detection = 1 - 2 * max(AUC - 0.5, 0) (1: indistinguishable, 0: told apart every time). The same
  classifier on one column, and on pairs of the most telling columns, says what gives rows away;
  the verdict puts the score into words (the one place those bands are defined).
- Privacy against the holdout: for each synthetic row, is it closer to a training row than to a
  held-out real row (DCR share; 0.5 when the model learned the distribution, not the rows), its
  nearest-neighbour distance ratio among training rows (NNDR), and exact copies of training rows.
"""

from __future__ import annotations

from itertools import combinations

import numpy as np
import pandas as pd

from ._metrics import DISCRETE, NUMERIC, _numeric, nearest_distances

DETECTION_ROWS = 5_000  # per side: keeps the classifier to seconds on two cores
DETECTION_FOLDS = 5
# The per-column and per-pair classifiers only rank what gives rows away: smaller and fewer folds.
PART_FOLDS = 3
PART_ITERATIONS = 30
TELLING_COLUMNS = 5  # the pairs of the most telling columns are tested
# A column or pair whose own classifier reaches this AUC gives rows away; below it, near chance.
GIVES_AWAY_AUC = 0.55
GIVEAWAYS_NAMED = 3  # the verdict names this many, most telling first
# Detection bands (score from, level, what a user reads): 1 when a classifier cannot tell the rows apart.
DETECTION_BANDS = (
    (0.8, "excellent", "A classifier can hardly tell synthetic rows from real ones"),
    (0.6, "good", "A classifier tells synthetic rows from real ones only now and then"),
    (0.4, "fair", "A classifier often tells synthetic rows from real ones"),
    (0.2, "poor", "A classifier tells most synthetic rows from real ones"),
    (float("-inf"), "very_poor", "A classifier tells synthetic rows from real ones almost every time"),
)
MAX_CATEGORY_CODES = 254  # HistGradientBoosting's native categories need fewer than max_bins codes
# DCR share bands: how far above 0.5 synthetic rows lean towards the training rows.
DCR_SHARE_MILD = 0.55
DCR_SHARE_STRONG = 0.65
EXACT_COPY_MARGIN = 0.01  # copies above the rate at which unseen real rows repeat training rows
# An attack risk whose whole confidence interval lies above this makes the verdict at least "caution".
ATTACK_RISK_CAUTION = 0.10
ATTACK_LABELS = {"singling_out": "singling out", "linkability": "linkability", "inference": "inference"}


def _features(real: pd.DataFrame, synthetic: pd.DataFrame, sdtypes: dict[str, str]) -> tuple[pd.DataFrame, list[str]]:
    """Both tables stacked as numbers; categories become codes of the most frequent values."""
    out, categorical = {}, []
    for name, sdtype in sdtypes.items():
        both = pd.concat([real[name], synthetic[name]], ignore_index=True)
        if sdtype in NUMERIC:
            out[name] = _numeric(both).to_numpy()
        elif sdtype in DISCRETE:
            text = both.astype(object).where(both.notna(), None).map(lambda v: None if v is None else str(v))
            top = text.value_counts().index[:MAX_CATEGORY_CODES]
            codes = pd.Series(np.arange(len(top), dtype=float), index=top)
            coded = text.map(codes)
            coded[text.notna() & coded.isna()] = float(len(top))  # the rare rest share one code
            out[name] = coded.to_numpy(dtype=float)
            categorical.append(name)
    return pd.DataFrame(out), categorical


def _auc(features: pd.DataFrame, labels: np.ndarray, categorical: list[str], seed: int, folds: int = DETECTION_FOLDS, iterations: int = 100) -> float:
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import StratifiedKFold
    from threadpoolctl import threadpool_limits

    scores = np.empty(len(labels))
    # One OpenMP thread: on busy shared cores, OpenMP's per-split barriers make these small fits
    # ten to a hundred times slower than one thread.
    with threadpool_limits(limits=1, user_api="openmp"):
        for train_idx, test_idx in StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed).split(features, labels):
            model = HistGradientBoostingClassifier(
                max_iter=iterations, early_stopping=False, random_state=seed, categorical_features=[c in categorical for c in features.columns]
            )
            model.fit(features.iloc[train_idx], labels[train_idx])
            scores[test_idx] = model.predict_proba(features.iloc[test_idx])[:, 1]
    return float(roc_auc_score(labels, scores))


def detection_from_auc(auc: float) -> float:
    return 1 - 2 * max(auc - 0.5, 0.0)


def detection(real: pd.DataFrame, synthetic: pd.DataFrame, sdtypes: dict[str, str], seed: int = 0, rows: int = DETECTION_ROWS) -> dict:
    """Classifier detection on balanced samples, with each column's and the top pairs' own AUC."""
    sdtypes = {n: t for n, t in sdtypes.items() if t in NUMERIC + DISCRETE}
    n = min(len(real), len(synthetic), rows)
    if n < 2 * DETECTION_FOLDS or not sdtypes:
        unmeasured = {"score": None, "auc": None, "rows_per_side": n, "gives_away_auc": GIVES_AWAY_AUC, "columns": [], "pairs": []}
        return {**unmeasured, "verdict": detection_verdict(unmeasured)}
    r = real.sample(n=n, random_state=seed).reset_index(drop=True)
    s = synthetic.sample(n=n, random_state=seed + 1).reset_index(drop=True)
    features, categorical = _features(r, s, sdtypes)
    labels = np.r_[np.zeros(n), np.ones(n)]
    auc = _auc(features, labels, categorical, seed)
    columns = sorted(
        (_part({"column": c}, _auc(features[[c]], labels, categorical, seed, PART_FOLDS, PART_ITERATIONS)) for c in features.columns),
        key=lambda c: -c["auc"],
    )
    telling = [c["column"] for c in columns[:TELLING_COLUMNS]]
    pairs = sorted(
        (_part({"columns": [a, b]}, _auc(features[[a, b]], labels, categorical, seed, PART_FOLDS, PART_ITERATIONS)) for a, b in combinations(telling, 2)),
        key=lambda p: -p["auc"],
    )
    measured = {
        "score": detection_from_auc(auc),
        "auc": auc,
        "classifier": "HistGradientBoostingClassifier",
        "folds": DETECTION_FOLDS,
        "rows_per_side": n,
        "gives_away_auc": GIVES_AWAY_AUC,
        "columns": columns,
        "pairs": pairs,
    }
    return {**measured, "verdict": detection_verdict(measured)}


def _part(names: dict, auc: float) -> dict:
    return {**names, "auc": auc, "gives_away": auc >= GIVES_AWAY_AUC}


def detection_verdict(detection: dict) -> dict:
    """A level (excellent, good, fair, poor, very_poor; unknown when not measured) and a sentence
    naming what gives synthetic rows away: the columns, else the pairs, whose own classifier
    reaches GIVES_AWAY_AUC."""
    score = detection.get("score")
    if score is None:
        return {
            "level": "unknown",
            "text": f"Realism was not measured: a classifier needs at least {2 * DETECTION_FOLDS} real and synthetic rows and a scored column.",
        }
    _, level, meaning = next(band for band in DETECTION_BANDS if score >= band[0])
    columns = [c for c in detection["columns"] if c["gives_away"]]
    pairs = [p for p in detection["pairs"] if p["gives_away"]]
    if columns:
        named = ", ".join(f"{c['column']} (AUC {c['auc']:.2f})" for c in columns[:GIVEAWAYS_NAMED])
        more = f" and {len(columns) - GIVEAWAYS_NAMED} more" if len(columns) > GIVEAWAYS_NAMED else ""
        away = f"columns that give them away on their own: {named}{more}"
    elif pairs:
        named = ", ".join(f"{' with '.join(p['columns'])} (AUC {p['auc']:.2f})" for p in pairs[:GIVEAWAYS_NAMED])
        away = f"no single column gives them away, but these pairs together do: {named}"
    else:
        away = f"no single column gives them away (each column's own classifier stays below AUC {GIVES_AWAY_AUC})"
    return {"level": level, "text": f"{meaning}; {away}."}


def privacy_against_holdout(
    train: pd.DataFrame, holdout: pd.DataFrame, synthetic: pd.DataFrame, sdtypes: dict[str, str], seed: int = 0, rows: int = 2_000
) -> dict:
    """DCR share and NNDR of synthetic rows, training and holdout sampled to the same size."""
    n = min(len(train), len(holdout), rows)
    t = train.sample(n=n, random_state=seed).reset_index(drop=True)
    h = holdout.sample(n=n, random_state=seed + 1).reset_index(drop=True)
    s = synthetic.sample(n=min(len(synthetic), rows), random_state=seed + 2).reset_index(drop=True)
    both = pd.concat([t, h], ignore_index=True)
    to_train = nearest_distances(s, t, sdtypes, k=2, scale=both)
    to_holdout = nearest_distances(s, h, sdtypes, k=1, scale=both)[:, 0]
    closer = to_train[:, 0] < to_holdout
    ties = to_train[:, 0] == to_holdout
    with np.errstate(divide="ignore", invalid="ignore"):
        nndr = np.where(to_train[:, 1] > 0, to_train[:, 0] / to_train[:, 1], 1.0)
    return {
        "dcr_share": float(closer.mean() + ties.mean() / 2),  # a tie counts half each way
        "median_nndr": float(np.median(nndr)),
        "median_dcr_training": float(np.median(to_train[:, 0])),
        "median_dcr_holdout": float(np.median(to_holdout)),
        "rows": n,
    }


def privacy_verdict(exact_copy_share: float, holdout_copy_share: float | None, dcr_share: float | None, attacks: dict | None = None) -> dict:
    """A level (good, caution, poor) and a sentence that says only what the numbers show."""
    copies = exact_copy_share - (holdout_copy_share or 0.0)
    parts, level = [], "good"
    if copies > EXACT_COPY_MARGIN:
        level = "poor"
        parts.append(f"{exact_copy_share:.1%} of synthetic rows are exact copies of training rows")
    else:
        parts.append(f"{exact_copy_share:.1%} of synthetic rows are exact copies of training rows, no more than unseen real rows repeat them")
    if dcr_share is None:
        parts.append("no rows were held out at training, so memorisation and the attack risks cannot be measured")
        if level == "good":
            level = "unknown"
    else:
        closer = f"{dcr_share:.0%} of synthetic rows lie closer to a training row than to a held-out row (50% is ideal)"
        if dcr_share > DCR_SHARE_STRONG:
            level = "poor"
            parts.append(f"{closer}: the model memorised part of its training rows")
        elif dcr_share > DCR_SHARE_MILD:
            level = "caution" if level == "good" else level
            parts.append(f"{closer}: slightly closer to the training rows")
        else:
            parts.append(f"{closer}: no sign of memorised rows")
    if attacks and attacks.get("attacks"):
        risks = [(attacks[kind], label) for kind, label in ATTACK_LABELS.items() if attacks[kind].get("risk") is not None]
        risks = [(r, f"{label} (worst column: {r['column']})" if "column" in r else label) for r, label in risks]
        cited = ", ".join(f"{label} {r['risk']:.0%} (95% CI {r['ci'][0]:.0%}–{r['ci'][1]:.0%})" for r, label in risks)
        parts.append(f"attacks on training rows beyond held-out rows (anonymeter's risks): {cited}")
        if level in ("good", "unknown") and any(r["ci"][0] > ATTACK_RISK_CAUTION for r, _ in risks):
            level = "caution"
            parts.append(f"at least one risk is above {ATTACK_RISK_CAUTION:.0%} even at the low end of its interval")
    return {"level": level, "text": "; ".join(parts) + "."}


def default_target(sdtypes: dict[str, str]) -> str | None:
    """The last categorical or boolean column (tables usually end with their label), else the
    last numeric one."""
    for kinds in (DISCRETE, ("numerical",)):
        candidates = [n for n, t in sdtypes.items() if t in kinds]
        if candidates:
            return candidates[-1]
    return None


def utility(train: pd.DataFrame, holdout: pd.DataFrame, synthetic: pd.DataFrame, sdtypes: dict[str, str], target: str, seed: int = 0) -> dict:
    """Train on synthetic, test on real: the same gradient-boosted model trained on synthetic rows
    and on training rows, both scored on the holdout. A categorical/boolean target is scored by
    ROC AUC (one-vs-rest for more than two classes), a numeric one by R²."""
    from threadpoolctl import threadpool_limits

    sdtypes = {n: t for n, t in sdtypes.items() if t in NUMERIC + DISCRETE}
    n = min(len(train), len(synthetic), DETECTION_ROWS)
    train = train[train[target].notna()].sample(n=min(n, int(train[target].notna().sum())), random_state=seed)
    synthetic = synthetic[synthetic[target].notna()].sample(n=min(n, int(synthetic[target].notna().sum())), random_state=seed + 1)
    holdout = holdout[holdout[target].notna()]
    features, categorical = _features(pd.concat([train, synthetic], ignore_index=True), holdout, sdtypes)
    inputs = features.drop(columns=[target])
    parts = np.split(np.arange(len(features)), [len(train), len(train) + len(synthetic)])
    if sdtypes[target] in NUMERIC:
        metric, score, labels = "r2", _r2, features[target].to_numpy()
    else:
        metric, score = "roc_auc", _roc_auc
        labels = pd.concat([train[target], synthetic[target], holdout[target]], ignore_index=True).astype(str).to_numpy()
    with threadpool_limits(limits=1, user_api="openmp"):
        scores = {name: score(inputs, labels, rows, parts[2], categorical, seed) for name, rows in (("training", parts[0]), ("synthetic", parts[1]))}
    # A ratio only means something against a model that predicts better than the mean (R² > 0).
    ratio = scores["synthetic"] / scores["training"] if scores["synthetic"] is not None and scores["training"] and scores["training"] > 0 else None
    return {"target": target, "metric": metric, "training": scores["training"], "synthetic": scores["synthetic"], "ratio": ratio, "test_rows": len(holdout)}


def _roc_auc(inputs: pd.DataFrame, labels: np.ndarray, rows: np.ndarray, test: np.ndarray, categorical: list[str], seed: int) -> float | None:
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.metrics import roc_auc_score

    test_labels = labels[test]
    classes = sorted(set(test_labels))
    if len(set(labels[rows])) < 2 or len(classes) < 2:
        return None
    model = HistGradientBoostingClassifier(
        max_iter=100, early_stopping=False, random_state=seed, categorical_features=[c in categorical for c in inputs.columns]
    )
    model.fit(inputs.iloc[rows], labels[rows])
    proba = pd.DataFrame(model.predict_proba(inputs.iloc[test]), columns=model.classes_).reindex(columns=classes, fill_value=0.0)
    if len(classes) == 2:
        return float(roc_auc_score(test_labels == classes[1], proba[classes[1]]))
    # classes the model never saw get 0: renormalise so that rows sum to 1; a row whose whole
    # mass went to classes the holdout lacks says nothing: equal shares
    totals = proba.to_numpy().sum(1, keepdims=True)
    shares = np.where(totals > 0, proba.to_numpy() / np.where(totals > 0, totals, 1), 1 / len(classes))
    return float(roc_auc_score(test_labels, shares, multi_class="ovr", labels=classes))


def _r2(inputs: pd.DataFrame, values: np.ndarray, rows: np.ndarray, test: np.ndarray, categorical: list[str], seed: int) -> float | None:
    from sklearn.ensemble import HistGradientBoostingRegressor
    from sklearn.metrics import r2_score

    if len(rows) < 2 or len(test) < 2 or np.nanstd(values[test]) == 0:
        return None
    model = HistGradientBoostingRegressor(
        max_iter=100, early_stopping=False, random_state=seed, categorical_features=[c in categorical for c in inputs.columns]
    )
    model.fit(inputs.iloc[rows], values[rows])
    return float(r2_score(values[test], model.predict(inputs.iloc[test])))
