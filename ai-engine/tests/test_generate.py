"""generate.py: shape, types, bounds, nulls, anomalies, reproducibility, formats and errors."""

from __future__ import annotations

import json
import math
import shutil

import numpy as np
import pandas as pd
import pyarrow.parquet as pq
import pytest

from conftest import ALGORITHMS, SCHEMAS, config, dataset, requires_sdv, run_cli

pytestmark = requires_sdv  # every test here trains or loads an SDV model

NULLS = ["", "NA", "N/A", "null", "NULL", "?", "None"]
# Null ratios: a column without nulls never gets one; otherwise the synthetic ratio is within
# 0.10 (absolute) of the real one. Models trained for 2 epochs are crude, hence the loose bound.
NULL_TOLERANCE = 0.10


def read_csv(path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False, na_values=NULLS)


def profile_of(folder) -> dict:
    return json.loads((folder / "metadata.json").read_text())["profile"]


def typed_value(prof: dict, text):
    """Parse one CSV cell as the real table's type (None for null)."""
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return None
    kind = prof["type"]
    if kind == "integer":
        assert str(text).lstrip("-").isdigit(), text
        return float(text)
    if kind == "float":
        return float(text)
    if kind == "datetime":
        return (pd.Timestamp(pd.to_datetime(text, format=prof["format"])) - pd.Timestamp(0)).total_seconds()
    return text


def violations(prof: dict, value) -> set[str]:
    """Which rules a typed cell breaks."""
    broken = set()
    if value is None:
        if prof["null_ratio"] == 0 and prof["role"] != "id":
            broken.add("unexpected_null")
        return broken
    if prof["type"] in ("integer", "float", "datetime") and "min" in prof and not prof["min"] <= value <= prof["max"]:
        broken.add("out_of_range")
    if prof["type"] in ("categorical", "text") and value not in set(prof["categories"]):
        broken.add("unseen_category")
    if prof["type"] == "boolean" and value not in (prof["tokens"]["true"], prof["tokens"]["false"]):
        broken.add("unseen_category")
    return broken


ROW_RULE_KINDS = ("order", "linear", "dependency", "prefix", "date_part", "missing_together")
"""Rule kinds a single row can break (a repeated unique value shows only across rows)."""


def row_violations(profile: dict, row: dict, kinds=ROW_RULE_KINDS) -> set[str]:
    """Rules a CSV row breaks: its cells' own rules, and the table's rules of ``kinds``."""
    from doppel_engine._rules import check

    broken: set[str] = set()
    typed = {}
    for prof in profile["columns"]:
        value = typed_value(prof, row[prof["name"]])
        broken |= violations(prof, value)
        if prof["type"] == "boolean" and value is not None:
            value = 1.0 if value == prof["tokens"]["true"] else 0.0
        typed[prof["name"]] = np.nan if value is None and prof["type"] not in ("categorical", "text", "id") else value
    frame = pd.DataFrame([typed])
    if any(check(rule, frame)[0] == 0 for rule in profile["rules"] if rule["kind"] in kinds):
        broken.add("broken_relation")
    return broken


def check_output(folder, out_csv, real_csv, n):
    profile = profile_of(folder)
    real = read_csv(real_csv)
    synth = read_csv(out_csv)
    assert list(synth.columns[: len(real.columns)]) == list(real.columns)
    assert len(synth) == n
    for prof in profile["columns"]:
        name = prof["name"]
        real_null = real[name].isna().mean()
        synth_null = synth[name].isna().mean()
        if real_null == 0:
            assert synth_null == 0, name
        else:
            assert abs(synth_null - real_null) <= NULL_TOLERANCE, (name, real_null, synth_null)
    return profile, synth


@pytest.mark.parametrize("dataset_name", ["penguins", "taxis"])
@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_generated_rows_keep_columns_types_nulls_and_bounds(models, tmp_path, algorithm, dataset_name):
    folder, _ = models(algorithm, dataset_name)
    out = tmp_path / "out.csv"
    run = run_cli("generate.py", "--model", folder, "--count", 700, "--output", out, "--seed", 1, "--chunk-size", 300)
    assert run.rc == 0, run.stderr[-2000:]
    progress = run.of("progress")
    assert [e["rows"] for e in progress] == [300, 600, 700] and all(e["total"] == 700 for e in progress)
    done = run.last
    assert done["event"] == "completed" and done["rows"] == 700 and done["format"] == "csv"
    assert done["bytes"] == out.stat().st_size and done["anomalies"] == 0
    profile, synth = check_output(folder, out, dataset(dataset_name), 700)
    for _, row in synth.iterrows():
        assert not row_violations(profile, row.to_dict(), kinds=("order",)), row.to_dict()
    if dataset_name == "taxis":
        assert synth["pickup"].dropna().str.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d").all()


@pytest.mark.parametrize(("algorithm", "dataset_name"), [("GaussianCopula", "taxis"), ("CTGAN", "penguins"), ("TVAE", "taxis")])
def test_anomalies_are_counted_exactly_and_break_their_rule(models, tmp_path, algorithm, dataset_name):
    folder, _ = models(algorithm, dataset_name)
    out = tmp_path / "anomalies.csv"
    n, ratio = 1003, 0.0415  # round(41.6245) = 42
    spec = json.dumps({"ratio": ratio})
    run = run_cli("generate.py", "--model", folder, "--count", n, "--output", out, "--seed", 3, "--anomalies", spec, "--chunk-size", 250)
    assert run.rc == 0, run.stderr[-2000:]
    expected = math.floor(ratio * n + 0.5)
    assert run.last["anomalies"] == expected == 42
    profile, synth = profile_of(folder), read_csv(out)
    assert list(synth.columns[-2:]) == ["is_anomaly", "anomaly_kind"]
    assert set(synth["is_anomaly"]) <= {"true", "false"}
    flagged = synth[synth["is_anomaly"] == "true"]
    assert len(flagged) == expected
    assert synth.loc[synth["is_anomaly"] == "false", "anomaly_kind"].isna().all()
    kinds = set(flagged["anomaly_kind"])
    assert kinds <= {"out_of_range", "unseen_category", "broken_relation", "unexpected_null"} and len(kinds) >= 3
    assert sum(run.last["anomaly_kinds"].values()) == expected
    for _, row in synth.iterrows():
        broken = row_violations(profile, row.drop(["is_anomaly", "anomaly_kind"]).to_dict())
        if row["is_anomaly"] == "true":
            assert row["anomaly_kind"] in broken, (row["anomaly_kind"], broken, row.to_dict())
        else:
            normal = row_violations(profile, row.drop(["is_anomaly", "anomaly_kind"]).to_dict(), kinds=("order",))
            assert not normal, (normal, row.to_dict())


def test_anomaly_columns_can_be_left_out_and_kinds_chosen(models, tmp_path):
    folder, _ = models("GaussianCopula", "taxis")
    out = tmp_path / "a.csv"
    spec = json.dumps({"ratio": 0.1, "label_column": "flag", "kind_column": None, "kinds": ["broken_relation"]})
    run = run_cli("generate.py", "--model", folder, "--count", 200, "--output", out, "--seed", 4, "--anomalies", spec)
    assert run.rc == 0, run.stderr[-2000:]
    synth = read_csv(out)
    assert list(synth.columns)[-1] == "flag" and "anomaly_kind" not in synth.columns
    assert (synth["flag"] == "true").sum() == 20 and run.last["anomaly_kinds"] == {"broken_relation": 20}


@pytest.mark.parametrize(
    ("spec", "words"),
    [
        ({"ratio": 2}, ["ratio"]),
        ({"ratio": 0.1, "kinds": ["teleport"]}, ["teleport"]),
        ({"ratio": 0.1, "label_column": "species"}, ["species"]),
        ({"ratio": 0.1, "colour": "red"}, ["colour"]),
    ],
)
def test_invalid_anomaly_specs(models, tmp_path, spec, words):
    folder, _ = models("GaussianCopula", "penguins")
    run = run_cli("generate.py", "--model", folder, "--count", 10, "--output", tmp_path / "x.csv", "--anomalies", json.dumps(spec))
    assert run.rc == 2 and run.last["code"] == "invalid_anomalies", run.stdout
    for word in words:
        assert word in run.last["message"]
    assert not (tmp_path / "x.csv").exists()


@pytest.mark.parametrize("algorithm", ["GaussianCopula", "CTGAN"])
def test_seeded_runs_reproduce_byte_for_byte(tmp_path, algorithm):
    outputs = []
    for i in range(2):
        model = tmp_path / f"m{i}"
        train = run_cli("train.py", "--data", dataset("penguins"), "--config", config(algorithm, "penguins", seed=7), "--output", model)
        assert train.rc == 0, train.stderr[-2000:]
        out = tmp_path / f"out{i}.csv"
        spec = '{"ratio": 0.05}'
        gen = run_cli("generate.py", "--model", model, "--count", 500, "--output", out, "--seed", 11, "--anomalies", spec)
        assert gen.rc == 0, gen.stderr[-2000:]
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    if algorithm == "GaussianCopula":
        other = tmp_path / "other.csv"
        assert run_cli("generate.py", "--model", tmp_path / "m0", "--count", 500, "--output", other, "--seed", 12).rc == 0
        assert other.read_bytes() != outputs[0]


def test_parquet_output_has_real_types(models, tmp_path):
    folder, _ = models("GaussianCopula", "taxis")
    out = tmp_path / "out.parquet"
    run = run_cli("generate.py", "--model", folder, "--count", 300, "--output", out, "--seed", 2, "--anomalies", '{"ratio":0.1}')
    assert run.rc == 0 and run.last["format"] == "parquet", run.stderr[-2000:]
    schema = pq.read_schema(out)
    types = {f.name: str(f.type) for f in schema}
    assert types["pickup"] == "timestamp[us]" and types["passengers"] == "int64" and types["fare"] == "double"
    assert types["color"] == "string" and types["is_anomaly"] == "bool" and types["anomaly_kind"] == "string"
    table = pq.read_table(out).to_pandas()
    assert len(table) == 300 and table["is_anomaly"].sum() == 30


def test_booleans_keep_tokens_and_ids_are_new_and_unique(tmp_path):
    model = tmp_path / "credit"
    cfg = json.dumps({"algorithm": "GaussianCopula", "seed": 5, "columns": SCHEMAS["credit_data"]})
    train = run_cli("train.py", "--data", dataset("credit_data"), "--config", cfg, "--output", model)
    assert train.rc == 0, train.stderr[-2000:]
    assert any(w["code"] == "id_column" for w in train.of("warning"))
    out = tmp_path / "credit.csv"
    assert run_cli("generate.py", "--model", model, "--count", 800, "--output", out, "--seed", 1).rc == 0
    profile, synth = check_output(model, out, dataset("credit_data"), 800)
    assert set(synth["Records"]) == {"yes", "no"}
    assert synth["rownames"].tolist() == [str(i) for i in range(1, 801)]
    for _, row in synth.head(200).iterrows():
        assert not row_violations(profile, row.to_dict(), kinds=("order",))


def test_high_cardinality_constant_and_empty_columns(tmp_path):
    rng = np.random.default_rng(0)
    n = 3000
    frame = pd.DataFrame(
        {
            "code": [f"c{v}" for v in rng.zipf(1.3, n) % 2500],
            "const": ["same"] * n,
            "empty": [""] * n,
            "x": rng.normal(10, 2, n).round(3),
        }
    )
    data = tmp_path / "wide.csv"
    frame.to_csv(data, index=False)
    cfg = json.dumps(
        {
            "algorithm": "GaussianCopula",
            "seed": 3,
            "max_categories": 50,
            "columns": [
                {"name": "code", "type": "categorical"},
                {"name": "const", "type": "categorical"},
                {"name": "empty", "type": "float"},
                {"name": "x", "type": "float"},
            ],
        }
    )
    train = run_cli("train.py", "--data", data, "--config", cfg, "--output", tmp_path / "m")
    assert train.rc == 0, train.stderr[-2000:]
    codes = {w["code"] for w in train.of("warning")}
    assert {"high_cardinality", "constant_column"} <= codes
    out = tmp_path / "o.csv"
    assert run_cli("generate.py", "--model", tmp_path / "m", "--count", 2000, "--output", out, "--seed", 1).rc == 0
    synth = read_csv(out)
    assert set(synth["code"]) <= set(frame["code"]) and synth["code"].nunique() > 50
    assert (synth["const"] == "same").all() and synth["empty"].isna().all()


def test_large_count_streams_in_chunks_within_parts(models, tmp_path):
    folder, _ = models("GaussianCopula", "penguins")
    out = tmp_path / "big.parquet"
    run = run_cli("generate.py", "--model", folder, "--count", 120_000, "--output", out, "--seed", 1, "--chunk-size", 40_000)
    assert run.rc == 0, run.stderr[-2000:]
    assert [e["rows"] for e in run.of("progress")] == [40_000, 80_000, 100_000, 120_000]
    assert (run.last["parts"], run.last["nodes"]) == (2, None)
    assert pq.ParquetFile(out).metadata.num_rows == 120_000 and pq.ParquetFile(out).num_row_groups == 4


def test_model_errors(models, tmp_path):
    folder, _ = models("GaussianCopula", "penguins")
    out = tmp_path / "x.csv"
    run = run_cli("generate.py", "--model", tmp_path / "none", "--count", 5, "--output", out)
    assert run.rc == 4 and run.last["code"] == "model_not_found"
    broken = tmp_path / "broken"
    shutil.copytree(folder, broken)
    (broken / "model.pkl").write_bytes(b"not a pickle")
    run = run_cli("generate.py", "--model", broken, "--count", 5, "--output", out)
    assert run.rc == 4 and run.last["code"] == "model_invalid" and "corrupt" in run.last["message"]
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / "model.pkl").write_bytes(b"\x80\x04K\x01.")
    run = run_cli("generate.py", "--model", foreign / "model.pkl", "--count", 5, "--output", out)
    assert run.rc == 4 and run.last["code"] == "model_invalid"
    (foreign / "metadata.json").write_text('{"hello": 1}')
    run = run_cli("generate.py", "--model", foreign, "--count", 5, "--output", out)
    assert run.rc == 4 and run.last["code"] == "model_invalid"
    run = run_cli("generate.py", "--model", folder, "--count", 0, "--output", out)
    assert run.rc == 2 and run.last["code"] == "invalid_arguments"
    run = run_cli("generate.py", "--model", folder, "--count", "ten", "--output", out)
    assert run.rc == 2 and run.last["code"] == "invalid_arguments"
    assert not out.exists()
