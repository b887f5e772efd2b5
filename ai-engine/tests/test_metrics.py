"""The engine's own metrics (numpy/scipy) against sdmetrics on every shared dataset."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from test_evaluate import ADULT_COLUMNS

from conftest import DATASETS, SCHEMAS, dataset, requires_sdmetrics
from doppel_engine import evaluate

ALL_SCHEMAS = {**SCHEMAS, "adult": ADULT_COLUMNS}
SHARED = sorted(p.stem for p in DATASETS.glob("*.csv")) or ["penguins"]
TOLERANCE = 0.01


def _perturbed_sample(name: str, path) -> pd.DataFrame:
    """A cheap stand-in for synthetic data: a sample whose every other column is shuffled (keeps
    the marginals, breaks some pairs), with a few values nulled."""
    real = pd.read_csv(path, dtype=str, keep_default_na=False)
    synth = real.sample(n=min(len(real), 1500), random_state=1).reset_index(drop=True)
    rng = np.random.default_rng(0)
    for i, column in enumerate(synth.columns):
        if i % 2 == 0:
            synth[column] = rng.permutation(synth[column].to_numpy())
    synth.iloc[rng.integers(0, len(synth), 20), 1] = ""
    return synth


@requires_sdmetrics
@pytest.mark.parametrize("name", SHARED)
def test_own_metrics_agree_with_sdmetrics(name, tmp_path):
    assert name in ALL_SCHEMAS, f"no schema for {name}"
    synth = tmp_path / "s.csv"
    _perturbed_sample(name, dataset(name)).to_csv(synth, index=False)
    reports = {
        engine: evaluate(real=str(dataset(name)), synthetic=str(synth), metadata={"columns": ALL_SCHEMAS[name]}, max_rows=3000, dcr_rows=500, metrics=engine)
        for engine in ("sdmetrics", "doppel")
    }
    ours, theirs = reports["doppel"], reports["sdmetrics"]
    assert ours["metrics_engine"] == "doppel" and theirs["metrics_engine"] == "sdmetrics"
    assert ours["privacy"]["computed_by"] == "doppel" and theirs["privacy"]["computed_by"] == "sdmetrics"
    for key in ("score", "column_shapes", "column_pair_trends"):
        assert abs(ours["quality"][key] - theirs["quality"][key]) <= TOLERANCE, (key, ours["quality"][key], theirs["quality"][key])
    for key in ("dcr_baseline_protection", "median_dcr_synthetic", "median_dcr_random_baseline", "exact_copy_share"):
        assert abs(ours["privacy"][key] - theirs["privacy"][key]) <= TOLERANCE, (key, ours["privacy"][key], theirs["privacy"][key])
    for key in ("data_validity", "data_structure"):
        assert abs(ours["diagnostic"][key] - theirs["diagnostic"][key]) <= TOLERANCE, key
    assert [c["column"] for c in ours["quality"]["columns"]] == [c["column"] for c in theirs["quality"]["columns"]]
    for a, b in zip(ours["quality"]["columns"], theirs["quality"]["columns"], strict=True):
        assert a["metric"] == b["metric"] and abs(a["score"] - b["score"]) <= TOLERANCE, (a, b)
    assert [c["scored"] for c in ours["fidelity"]["columns"]] == [c["scored"] for c in theirs["fidelity"]["columns"]]
    assert ours["fidelity"]["pairs"]["scored"] == theirs["fidelity"]["pairs"]["scored"]
    for report in (ours, theirs):
        _assert_agrees_with_sdmetrics_on_detected_types_or_names_the_differences(report, name)
    for a, b in zip(ours["quality"]["pairs"], theirs["quality"]["pairs"], strict=True):
        assert a["columns"] == b["columns"] and a["metric"] == b["metric"]
        assert (a["score"] is None) == (b["score"] is None), (a, b)
        if a["score"] is not None:
            assert abs(a["score"] - b["score"]) <= TOLERANCE, (a, b)


def test_own_metrics_basics():
    from doppel_engine import _metrics

    real = pd.DataFrame({"x": [1.0, 2.0, 3.0, 4.0, None], "c": ["a", "b", "a", None, "b"]})
    assert _metrics.ks_complement(real["x"], real["x"]) == 1.0
    assert _metrics.tv_complement(real["c"], pd.Series(["z"] * 5)) < 1e-5
    assert np.allclose(_metrics.dcr(real, real, {"x": "numerical", "c": "categorical"}), 0.0)
    far = pd.DataFrame({"x": [100.0], "c": ["q"]})
    assert _metrics.dcr(far, real, {"x": "numerical", "c": "categorical"})[0] == 1.0


def _assert_agrees_with_sdmetrics_on_detected_types_or_names_the_differences(report: dict, name: str):
    """The platform's quality against sdmetrics run on SDV-detected types: within 0.02, or the
    columns typed differently are named with both types and why."""
    check = report["quality_check"]
    assert check["computed"] and check["platform_score"] == report["quality"]["score"]
    assert check["difference"] == pytest.approx(check["sdmetrics_detected_score"] - check["platform_score"])
    assert check["agrees"] == (abs(check["difference"]) <= 0.02)
    assert check["agrees"] or any(c["platform_metric"] != c["detected_metric"] for c in check["columns_typed_differently"]), check
    platform_types = {c["name"]: c["type"] for c in ALL_SCHEMAS[name]}
    for column in check["columns_typed_differently"]:
        assert column["platform_type"] == platform_types[column["column"]] and column["detected_sdtype"] and column["why"]
