"""The engine's own attacks (_attacks.py) against anonymeter 1.0.0 itself, on every shared dataset.

anonymeter cannot be installed beside the engine (numpy<1.27), so it runs from its own venv
(requirements-anonymeter.lock, built by bin/test, which passes its python as DOPPEL_ANONYMETER_PYTHON)
in a subprocess: tests/anonymeter_reference.py. Both sides get the same frames: per dataset, distinct
rows split into training, control (holdout) and unseen rows; the synthetic rows are perturbed copies
of half the training rows and of as many unseen rows (numbers jittered, some categories swapped), so
that every risk lies between 0 and 1. Datetimes are given to both as the engine measures them
(nanoseconds). Every comparison is within 0.01:

- Linkability and inference attack every training and control row (n_attacks = rows), so neither
  side samples and both must find the same nearest synthetic rows. The synthetic numbers are
  jittered, so rows tie only on categories, where anonymeter's pick among equals is arbitrary.
  For the same reason, training and control rows whose nulls among the numbers no synthetic row
  shares are left out (a few Lahman People rows): a number null on one side only makes anonymeter's
  distance NaN, so its distance to every synthetic row is NaN then and its pick is an artifact of
  its sort (row 204 of 300), where the engine takes row 0.
- Singling out builds its predicates at random by design, so two runs of it never compare. Instead
  anonymeter's own SinglingOutEvaluator runs with the engine's predicates in place of its random
  ones: it checks that each singles out one distinct synthetic row, evaluates them on its distinct
  training and control rows and computes the risk; the engine must agree on all of it. Training and
  control have as many distinct rows, so anonymeter applies no size correction.
- The risk and confidence-interval arithmetic (anonymeter's EvaluationResults) on identical counts,
  including the edges (no success, all successes, control above training).

The random baselines are left out: both sides draw them at random.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from conftest import dataset
from doppel_engine import _attacks
from doppel_engine._metrics import _numeric

pytestmark = pytest.mark.anonymeter_reference

TOLERANCE = 0.01
ROWS = 300  # at most as many training, control and synthetic rows: keeps anonymeter's O(n²) search to seconds
PREDICATES = 100
SEED = 11
REFERENCE = Path(__file__).with_name("anonymeter_reference.py")

# Scored columns per dataset (ids and free text, which the engine does not score, left out).
DATASETS = {
    "penguins": None,
    "adult": None,
    "taxis": None,
    "credit_data": ["Status", "Seniority", "Home", "Time", "Age", "Marital", "Records", "Job", "Expenses", "Income", "Assets", "Debt", "Amount", "Price"],
    "lahman/People": ["birthYear", "birthMonth", "birthDay", "birthCountry", "birthState", "deathYear", "weight", "height", "bats", "throws"],
    "lahman/Salaries": ["yearID", "teamID", "lgID", "salary"],
    "lahman/Teams": ["yearID", "lgID", "teamID", "divID", "Rank", "G", "W", "L", "R", "H", "HR", "ERA", "attendance", "DivWin"],
}
# Counts for the arithmetic: (training successes, control successes, baseline successes, attacks).
COUNTS = [(0, 0, 0, 200), (200, 0, 3, 200), (57, 31, 4, 200), (20, 45, 2, 200), (199, 198, 0, 200), (3, 1, 1, 20), (481, 250, 12, 1000)]


def _frames(name: str) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, dict[str, str]]:
    """(training, control, synthetic, sdtypes), deterministic."""
    keep = DATASETS[name]
    real = pd.read_csv(dataset(name))
    real = real[keep] if keep else real
    for column in real.columns:
        parsed = pd.to_datetime(real[column], errors="coerce", format="%Y-%m-%d %H:%M:%S") if real[column].dtype == object else None
        if parsed is not None and parsed.notna().mean() > 0.9:
            real[column] = _numeric(parsed)
    sdtypes = {c: "numerical" if pd.api.types.is_numeric_dtype(real[c]) else "categorical" for c in real.columns}
    real = real.astype({c: float if t == "numerical" else object for c, t in sdtypes.items()})
    distinct = real.drop_duplicates()
    n = min(ROWS, len(distinct) // 3)
    rows = distinct.sample(n=3 * n, random_state=SEED).reset_index(drop=True)
    train, control, unseen = rows.iloc[:n], rows.iloc[n : 2 * n], rows.iloc[2 * n :]
    rng = np.random.default_rng(SEED)
    synthetic = pd.concat([train.iloc[: n // 2], unseen.iloc[: n - n // 2]], ignore_index=True)
    for column, sdtype in sdtypes.items():
        if sdtype == "numerical":
            values = real[column].to_numpy(dtype=float)
            jittered = synthetic[column] + rng.normal(0, 0.05 * (np.nanstd(values) or 1.0), len(synthetic))
            synthetic[column] = jittered.clip(np.nanmin(values), np.nanmax(values))  # in range, as a synthesizer's
        else:
            swapped = rng.random(len(synthetic)) < 0.1
            synthetic.loc[swapped, column] = rng.choice(real[column].dropna().to_numpy(), size=int(swapped.sum()))
    numeric = [c for c, t in sdtypes.items() if t == "numerical"]
    synthetic_nulls = synthetic[numeric].isna().to_numpy()
    train, control = (f[[_reachable(row, synthetic_nulls) for row in f[numeric].isna().to_numpy()]] for f in (train, control))
    n = min(len(train), len(control))
    return train.iloc[:n].reset_index(drop=True), control.iloc[:n].reset_index(drop=True), synthetic, sdtypes


def _reachable(nulls: np.ndarray, synthetic_nulls: np.ndarray) -> bool:
    """Whether some synthetic row is null in exactly the numbers this row is null in."""
    return bool((synthetic_nulls == nulls).all(axis=1).any())


def _column(series: pd.Series) -> list:
    return [None if pd.isna(v) else (float(v) if isinstance(v, (int, float, np.number)) else v) for v in series]


def _engine(name: str) -> tuple[dict, dict]:
    """The engine's risks on one dataset, and the case the reference runs on the same frames."""
    train, control, synthetic, sdtypes = _frames(name)
    rows = len(train)
    (_, _, distinct), labels = _attacks._as_values([_attacks._distinct(f, sdtypes) for f in (train, control, synthetic)], sdtypes)
    predicates = _attacks._singling_out_predicates(distinct, sdtypes, PREDICATES, np.random.default_rng(SEED))
    engine = {
        "singling_out": _attacks._singling_out(train, control, synthetic, sdtypes, PREDICATES, np.random.default_rng(SEED)),
        "linkability": _attacks._linkability(train, control, synthetic, sdtypes, rows, np.random.default_rng(SEED)),
        "inference": {c["column"]: c for c in _attacks._inference(train, control, synthetic, sdtypes, rows, np.random.default_rng(SEED))["columns"]},
        "predicates": len(predicates),
    }

    def plain(column, op, value):
        if op == "null" or sdtypes[column] == "numerical":
            return [column, op, None if value is None else float(value)]
        return [column, op, labels[column][int(value)]]

    case = {
        "name": name,
        "frames": {k: {c: _column(f[c]) for c in f.columns} for k, f in (("train", train), ("control", control), ("synthetic", synthetic))},
        "numeric": [c for c, t in sdtypes.items() if t == "numerical"],
        "halves": engine["linkability"]["columns"],
        "secrets": list(sdtypes),
        "predicates": [[plain(*p) for p in predicate] for predicate in predicates],
        "singling_out_attacks": PREDICATES,
    }
    return engine, case


@pytest.fixture(scope="module")
def compared() -> dict:
    """Per dataset (engine, anonymeter) results, and the arithmetic on COUNTS from anonymeter."""
    python = os.environ.get("DOPPEL_ANONYMETER_PYTHON")
    if not python or not os.access(python, os.X_OK):
        pytest.fail(
            "DOPPEL_ANONYMETER_PYTHON does not name the python of anonymeter's venv: run the tests through "
            "ai-engine/bin/test, which builds it (scripts/ensure-venv anonymeter ai-engine/requirements-anonymeter.lock)"
        )
    engine, cases = {}, []
    for name in DATASETS:
        engine[name], case = _engine(name)
        cases.append(case)
    done = subprocess.run([python, str(REFERENCE)], input=json.dumps({"cases": cases, "counts": COUNTS}), capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    reference = json.loads(done.stdout)
    return {"cases": {name: (engine[name], reference["cases"][name]) for name in DATASETS}, "counts": reference["counts"]}


def _assert_close(ours: dict, theirs: dict, what: str) -> None:
    pairs = {key: (ours[key], theirs[key]) for key in ("risk", "attack_rate", "control_rate")}
    pairs.update({"ci low": (ours["ci"][0], theirs["ci"][0]), "ci high": (ours["ci"][1], theirs["ci"][1])})
    far = {key: pair for key, pair in pairs.items() if abs(pair[0] - pair[1]) > TOLERANCE}
    assert not far, f"{what}: engine vs anonymeter beyond {TOLERANCE}: {far}"


@pytest.mark.parametrize("name", list(DATASETS))
def test_linkability_and_inference_match_anonymeter_attacking_every_row(compared, name):
    ours, theirs = compared["cases"][name]

    _assert_close(ours["linkability"], theirs["linkability"], f"{name} linkability")
    assert set(ours["inference"]) == set(theirs["inference"])
    for column, result in theirs["inference"].items():
        _assert_close(ours["inference"][column], result, f"{name} inference of {column}")
    assert 0 < max(c["risk"] for c in ours["inference"].values()) < 1  # the frames test something


@pytest.mark.parametrize("name", list(DATASETS))
def test_singling_out_matches_anonymeter_on_the_engines_predicates(compared, name):
    ours, theirs = compared["cases"][name]

    assert ours["predicates"] == ours["singling_out"]["predicates"] > 0
    assert theirs["singling_out"]["singling_out_synthetic"] == ours["predicates"]  # each singles out one synthetic row for anonymeter too
    _assert_close(ours["singling_out"], theirs["singling_out"], f"{name} singling out")


def test_risk_and_interval_arithmetic_is_anonymeters(compared):
    for (main, control, baseline, total), theirs in zip(COUNTS, compared["counts"], strict=True):
        ours = _attacks._risk(main=main, control=control, baseline=baseline, total=total)
        assert ours["risk"] == pytest.approx(theirs["risk"], abs=1e-12)
        assert ours["ci"] == pytest.approx(theirs["ci"], abs=1e-12)
