"""evaluate.py: report shape, score ranges, sub-sampling, quality on adult, errors."""

from __future__ import annotations

import json

import pandas as pd

from conftest import HAS_SDMETRICS, SCHEMAS, dataset, requires_sdv, run_cli
from doppel_engine import _fidelity
from doppel_engine._schema import parse_columns

ADULT_COLUMNS = [
    {"name": n, "type": "integer"}
    if n in {"age", "fnlwgt", "education_num", "capital_gain", "capital_loss", "hours_per_week"}
    else {"name": n, "type": "categorical"}
    for n in [
        "age",
        "workclass",
        "fnlwgt",
        "education",
        "education_num",
        "marital_status",
        "occupation",
        "relationship",
        "race",
        "sex",
        "capital_gain",
        "capital_loss",
        "hours_per_week",
        "native_country",
        "class",
    ]
]


def _in_unit(value) -> bool:
    return isinstance(value, float) and 0.0 <= value <= 1.0


@requires_sdv
def test_report_shape_and_scores_in_unit_interval(models, tmp_path):
    folder, _ = models("GaussianCopula", "taxis")
    synth = tmp_path / "s.csv"
    assert run_cli("generate.py", "--model", folder, "--count", 1500, "--output", synth, "--seed", 1, "--anomalies", '{"ratio":0.01}').rc == 0
    out = tmp_path / "report.json"
    run = run_cli("evaluate.py", "--real", dataset("taxis"), "--synthetic", synth, "--output", out, "--metadata", folder, "--max-rows", 1000)
    assert run.rc == 0, run.stderr[-2000:]
    assert run.last["event"] == "completed"
    report = json.loads(out.read_text())
    q, d, p = report["quality"], report["diagnostic"], report["privacy"]
    for value in (
        q["score"],
        q["column_shapes"],
        q["column_pair_trends"],
        d["score"],
        d["data_validity"],
        d["data_structure"],
        p["score"],
        p["dcr_baseline_protection"],
        p["exact_copy_share"],
    ):
        assert _in_unit(value), report
    assert report["metrics_engine"] == "sdmetrics" and p["computed_by"] == "doppel"
    assert {c["column"] for c in q["columns"]} == {c["name"] for c in SCHEMAS["taxis"]}
    assert all(c["metric"] in ("KSComplement", "TVComplement") and _in_unit(c["score"]) for c in q["columns"])
    assert all(len(pair["columns"]) == 2 and _in_unit(pair["score"]) for pair in q["pairs"] if pair["score"] is not None)
    hist = {h["column"]: h for h in report["charts"]["histograms"]}
    assert hist["pickup"]["kind"] == "datetime" and hist["fare"]["kind"] == "numeric" and hist["color"]["kind"] == "categorical"
    assert len(hist["fare"]["bins"]) == len(hist["fare"]["real"]) + 1 == len(hist["fare"]["synthetic"]) + 1
    assert len(hist["pickup_zone"]["bins"]) == len(hist["pickup_zone"]["real"]) <= 21
    assert abs(sum(hist["color"]["real"]) + hist["color"]["real_null_share"] - 1) < 1e-9
    corr = report["charts"]["correlation"]
    k = len(corr["columns"])
    assert k == 14 and len(corr["real"]) == k and all(len(r) == k for r in corr["synthetic"])
    assert report["sampling"] == {"real_rows": 6433, "synthetic_rows": 1500, "cap": 1000, "subsampled": True, "dcr_rows": 2000, "holdout_rows": 1286}
    assert report["ignored_synthetic_columns"] == ["is_anomaly", "anomaly_kind"]
    assert any(w["code"] == "subsampled" for w in run.of("warning"))


@requires_sdv
def test_gaussian_copula_on_adult_scores_at_least_075(tmp_path):
    model = tmp_path / "adult"
    cfg = json.dumps({"algorithm": "GaussianCopula", "seed": 1, "columns": ADULT_COLUMNS})
    assert run_cli("train.py", "--data", dataset("adult"), "--config", cfg, "--output", model).rc == 0
    synth = tmp_path / "adult.parquet"
    assert run_cli("generate.py", "--model", model, "--count", 6000, "--output", synth, "--seed", 1).rc == 0
    out = tmp_path / "r.json"
    run = run_cli(
        "evaluate.py",
        "--real",
        dataset("adult"),
        "--synthetic",
        synth,
        "--output",
        out,
        "--metadata",
        json.dumps({"columns": ADULT_COLUMNS}),
        "--max-rows",
        6000,
    )
    assert run.rc == 0, run.stderr[-2000:]
    report = json.loads(out.read_text())
    assert report["quality"]["score"] >= 0.75, report["quality"]
    assert report["sampling"]["subsampled"] is True and report["sampling"]["real_rows"] == 32561


def test_evaluate_errors(tmp_path):
    out = tmp_path / "r.json"
    run = run_cli("evaluate.py", "--real", tmp_path / "none.csv", "--synthetic", dataset("penguins"), "--output", out)
    assert run.rc == 3 and run.last["code"] == "data_not_found"
    partial = tmp_path / "partial.csv"
    partial.write_text("species,island\nAdelie,Dream\n")
    run = run_cli("evaluate.py", "--real", dataset("penguins"), "--synthetic", partial, "--output", out)
    assert run.rc == 3 and run.last["code"] == "column_missing" and "bill_length_mm" in run.last["message"]
    run = run_cli(
        "evaluate.py",
        "--real",
        dataset("penguins"),
        "--synthetic",
        dataset("penguins"),
        "--output",
        out,
        "--metadata",
        '{"columns": [{"name": "species", "type": "categorical"}]}',
    )
    assert run.rc == 3 and run.last["code"] == "column_not_in_schema"
    assert not out.exists()


def test_identical_data_is_a_full_copy(tmp_path):
    out = tmp_path / "r.json"
    run = run_cli(
        "evaluate.py",
        "--real",
        dataset("penguins"),
        "--synthetic",
        dataset("penguins"),
        "--output",
        out,
        "--metadata",
        json.dumps({"columns": SCHEMAS["penguins"]}),
    )
    assert run.rc == 0, run.stderr[-2000:]
    report = json.loads(out.read_text())
    assert report["privacy"]["exact_copy_share"] == 1.0 and report["quality"]["score"] > 0.99
    assert report["sampling"]["subsampled"] is False
    assert report["metrics_engine"] == ("sdmetrics" if HAS_SDMETRICS else "doppel") == run.last["metrics_engine"]
    assert report["quality_check"]["computed"] == HAS_SDMETRICS
    if not HAS_SDMETRICS:
        assert "not installed in this engine (permissive-only install)" in report["quality_check"]["reason"]


def test_copies_of_real_rows_outside_the_scored_sample_still_count(tmp_path):
    real = pd.read_csv(dataset("penguins"), dtype=str, keep_default_na=False)
    copies = tmp_path / "copies.csv"
    real.tail(120).to_csv(copies, index=False)
    out = tmp_path / "r.json"

    run = run_cli("evaluate.py", "--real", dataset("penguins"), "--synthetic", copies, "--output", out, "--max-rows", 60, "--metrics", "doppel")

    assert run.rc == 0, run.stderr[-2000:]
    report = json.loads(out.read_text())
    assert report["sampling"]["subsampled"] is True and report["privacy"]["exact_copy_share"] == 1.0


def test_fidelity_names_every_column_and_why_any_is_left_out():
    columns = parse_columns(
        [
            {"name": "id", "type": "id"},
            {"name": "note", "type": "text"},
            {"name": "empty", "type": "float"},
            {"name": "size", "type": "float"},
            {"name": "kind", "type": "categorical"},
        ]
    )
    real = pd.DataFrame({"id": ["1", "2"], "note": ["a", "b"], "empty": [None, None], "size": ["1.0", "2.0"], "kind": ["x", "y"]})
    scored = [
        {"column": "empty", "metric": "KSComplement", "score": None},
        {"column": "size", "metric": "KSComplement", "score": 0.9},
        {"column": "kind", "metric": "TVComplement", "score": 0.8},
    ]

    coverage = {c["column"]: c for c in _fidelity.column_coverage(columns, scored, real, real)}

    assert [c["column"] for c in coverage.values()] == ["id", "note", "empty", "size", "kind"]
    assert coverage["size"] == {"column": "size", "type": "float", "scored": True, "metric": "KSComplement", "score": 0.9}
    assert not coverage["id"]["scored"] and "identifier" in coverage["id"]["reason"]
    assert not coverage["note"]["scored"] and "too many distinct values" in coverage["note"]["reason"]
    assert coverage["empty"]["reason"] == "all null in the real data" and coverage["empty"]["metric"] == "KSComplement"
    pairs = _fidelity.pair_coverage(
        [
            {"columns": ["size", "kind"], "metric": "ContingencySimilarity", "score": 0.7, "real": 0.6, "synthetic": None},
            {"columns": ["size", "empty"], "metric": "CorrelationSimilarity", "score": None, "real": None, "synthetic": None},
            {"columns": ["size", "other"], "metric": "CorrelationSimilarity", "score": None, "real": 0.2, "synthetic": None},
        ]
    )
    assert pairs["scored"] == 1 and pairs["total"] == 3
    assert [p["reason"] for p in pairs["left_out"]] == [
        "correlation undefined: a column is constant, or too few rows hold both values",
        "real correlation 0.20 is within ±0.5: only related pairs are scored",
    ]
