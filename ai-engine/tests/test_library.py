"""Library unit tests: cheaper than a subprocess where the CLI contract is not the point."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from conftest import ENGINE, HAS_SDV, requires_sdv
from doppel_engine import EngineError, describe
from doppel_engine._anomalies import anomaly_count, parse_spec
from doppel_engine._catalogue import get
from doppel_engine._io import read_table, sniff_delimiter
from doppel_engine._profile import profile_table
from doppel_engine._restore import restore
from doppel_engine._schema import infer_columns, parse_columns
from doppel_engine._table_profile import ColumnProfile, Profile


def test_describe_cli_is_one_json_object_and_imports_no_heavy_library():
    proc = subprocess.run([sys.executable, str(ENGINE / "describe.py")], capture_output=True, text=True, timeout=30)
    assert proc.returncode == 0
    lines = proc.stdout.splitlines()
    assert len(lines) == 1
    doc = json.loads(lines[0])
    assert doc["engine"] == "doppel-ai-engine"
    names = [a["name"] for a in doc["algorithms"]]
    assert names == (["CTGAN", "TVAE", "GaussianCopula", "CopulaGAN", "HMA", "TabularARGN"] if HAS_SDV else ["TabularARGN"])
    probe = (
        f"import sys; sys.path.insert(0, {str(ENGINE)!r}); import doppel_engine; doppel_engine.describe(); "
        "print(sorted(m for m in ('sdv', 'torch', 'sdmetrics', 'mostlyai.engine', 'pandas') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=30)
    assert out.stdout.strip() == "[]"
    if not HAS_SDV:
        return
    ctgan = doc["algorithms"][0]
    assert ctgan["library"] == "sdv" and ctgan["libraryVersion"].startswith("2.0") and ctgan["licence"] == "BUSL-1.1"
    settings = {s["name"]: s for s in ctgan["settings"]}
    assert settings["epochs"] == {**settings["epochs"], "type": "integer", "minimum": 1, "default": 300}
    assert {"rule": "multipleOf", "setting": "batch_size", "of": "pac", "message": "batch_size must be a multiple of pac"} in ctgan["constraints"]
    gc = {s["name"]: s for s in doc["algorithms"][2]["settings"]}
    assert "epochs" not in gc and gc["default_distribution"]["allowed"][0] == "norm"
    assert all(a["supportsDifferentialPrivacy"] is False and a["differentialPrivacySettings"] == [] for a in doc["algorithms"][:4])


def test_catalogue_says_what_each_algorithm_learns_of_a_database():
    relational = {a["name"]: a["relational"] for a in describe()["algorithms"]}
    assert relational["TabularARGN"] == {"linkedTables": True, "sequences": True, "compositeKeys": True}
    for name in ("CTGAN", "TVAE", "GaussianCopula", "CopulaGAN"):
        assert relational.get(name, {"linkedTables": False, "sequences": False, "compositeKeys": False}) == {
            "linkedTables": False,
            "sequences": False,
            "compositeKeys": False,
        }
    single_table = {a["name"]: a["singleTable"] for a in describe()["algorithms"]}
    assert single_table.pop("HMA", False) is False and all(single_table.values())
    if HAS_SDV:  # SDV Community's HMASynthesizer refuses composite keys; it learns no order
        assert relational["HMA"] == {"linkedTables": True, "sequences": False, "compositeKeys": False}


@requires_sdv
def test_settings_validation_fills_defaults_and_names_bad_settings():
    values = get("CTGAN").resolve_settings({"epochs": 5, "batch_size": 100, "pac": 5})
    assert values["epochs"] == 5 and values["generator_width"] == 256
    with pytest.raises(EngineError) as err:
        get("CTGAN").resolve_settings({"batch_size": 102, "pac": 5})
    assert err.value.code == "invalid_setting" and "multiple of pac" in err.value.message
    with pytest.raises(EngineError) as err:
        get("TVAE").resolve_settings({"pac": 5})
    assert "pac" in err.value.message
    with pytest.raises(EngineError) as err:
        get("Nope")
    assert err.value.code == "unknown_algorithm" and err.value.exit_code == 2
    assert describe()["algorithms"][1]["name"] == "TVAE"


def test_anomaly_count_rounds_half_up():
    assert anomaly_count(0.01, 1000) == 10
    assert anomaly_count(0.5, 5) == 3
    assert anomaly_count(0.0415, 1003) == 42
    assert anomaly_count(0, 10) == 0


def test_anomaly_kind_that_does_not_apply_is_rejected():
    profile = Profile(columns=(ColumnProfile(name="a", type="categorical", role="model", null_ratio=0.2, categories=["x"]),), rules=())
    assert parse_spec({"ratio": 0.1}, profile)["kinds"] == ["unseen_category"]
    with pytest.raises(EngineError) as err:
        parse_spec({"ratio": 0.1, "kinds": ["broken_relation"]}, profile)
    assert "does not apply" in err.value.message


def test_delimiter_sniffing_and_null_tokens(tmp_path):
    path = tmp_path / "t.tsv"
    path.write_text("\ufeffa\tb\tc\n1\tNA\tx\n2\t?\tNone\n3\t4\tnull\n", encoding="utf-8")
    assert sniff_delimiter(path) == "\t"
    frame, source = read_table(str(path))
    assert source == {"format": "csv", "delimiter": "\t", "null_tokens": {"b": "NA", "c": "None"}} and list(frame.columns) == ["a", "b", "c"]
    assert frame["b"].tolist() == [None, None, "4"] and frame["c"].tolist() == ["x", None, None]


def test_csv_header_names_lose_surrounding_whitespace_as_the_platform_names_them(tmp_path):
    path = tmp_path / "spaced.csv"
    # Java's String.strip() removes spaces, tabs and U+3000 but keeps the no-break space U+00A0.
    path.write_text(' id ,  name\t,"\u3000city ",\u00a0kept\u00a0\n1,Ann,Oslo,x\n', encoding="utf-8")
    frame, _ = read_table(str(path), delimiter=",")
    assert list(frame.columns) == ["id", "name", "city", "\u00a0kept\u00a0"]
    assert frame["name"].tolist() == ["Ann"]


def test_inference_fallback():
    frame = pd.DataFrame(
        {
            "user_id": ["1", "2", "3", "4"],
            "when": ["2024-01-01 10:00:00", "2024-01-02 11:00:00", None, "2024-01-03 00:00:00"],
            "ok": ["yes", "no", "yes", None],
            "n": ["1", "2", "3", "4"],
            "x": ["1.5", "2", None, "3.25"],
            "c": ["a", "b", "a", "b"],
        }
    )
    types = {c.name: (c.type, c.datetime_format) for c in infer_columns(frame)}
    assert types == {
        "user_id": ("id", None),
        "when": ("datetime", "%Y-%m-%d %H:%M:%S"),
        "ok": ("boolean", None),
        "n": ("integer", None),
        "x": ("float", None),
        "c": ("categorical", None),
    }


def test_schema_errors():
    with pytest.raises(EngineError):
        parse_columns([{"name": "a", "type": "integer"}, {"name": "a", "type": "float"}])
    with pytest.raises(EngineError):
        parse_columns([{"name": "a", "type": "datetime", "datetimeFormat": "yyyy-MM-dd"}])


def test_restore_keeps_bounds_precision_and_null_ratio():
    raw = pd.DataFrame({"v": ["1.25", "2.5", None, "10.75"] * 25, "c": ["a", "b", "c", None] * 25})
    columns = parse_columns([{"name": "v", "type": "float"}, {"name": "c", "type": "categorical"}])
    events = []
    _typed, profile = profile_table(raw, columns, max_categories=10, on_event=events.append)
    sampled = pd.DataFrame({"v": np.linspace(-5, 20, 1000), "c": ["zzz", "a", None, "b"] * 250})
    out = restore(sampled, profile, rng=np.random.default_rng(0), row_offset=0, n=1000)
    v = out["v"].dropna()
    assert v.min() >= 1.25 and v.max() <= 10.75 and np.allclose(v, v.round(2))
    assert set(out["c"].dropna()) <= {"a", "b", "c"}
    assert abs(out["v"].isna().mean() - 0.25) < 0.01 and abs(pd.isna(out["c"]).mean() - 0.25) < 0.01


def test_text_boolean_and_datetime_columns_round_trip_through_restore_and_csv():
    from doppel_engine._output import csv_frame

    raw = pd.DataFrame(
        {
            "note": [f"free text number {i}" for i in range(40)],
            "flag": ["Y", "N", None, "Y"] * 10,
            "at": ["01/02/2024 10:00", None, "15/03/2024 12:30", "31/12/2023 23:59"] * 10,
        }
    )
    columns = parse_columns(
        [
            {"name": "note", "type": "text"},
            {"name": "flag", "type": "boolean"},
            {"name": "at", "type": "datetime", "datetimeFormat": "%d/%m/%Y %H:%M"},
        ]
    )
    _typed, profile = profile_table(raw, columns, max_categories=10, on_event=lambda e: None)
    prof = profile.by_name()
    assert prof["flag"].tokens["true"] == "Y" and prof["at"].resolution == 60.0
    sampled = pd.DataFrame(
        {
            "note": ["__doppel_other__"] * 100,
            "flag": ["true", "false", None, "true"] * 25,
            "at": np.linspace(prof["at"].min - 1e6, prof["at"].max + 1e6, 100),
        }
    )
    out = csv_frame(restore(sampled, profile, rng=np.random.default_rng(1), row_offset=0, n=100), profile)
    assert set(out["note"]) <= set(raw["note"])
    assert set(out["flag"].dropna()) <= {"Y", "N"} and abs(out["flag"].isna().mean() - 0.25) < 0.02
    parsed = pd.to_datetime(out["at"].dropna(), format="%d/%m/%Y %H:%M")
    assert parsed.min() >= pd.Timestamp("2023-12-31 23:59") and parsed.max() <= pd.Timestamp("2024-03-15 12:30")


def test_evaluate_handles_boolean_nulls_and_labels_charts_with_real_tokens(tmp_path):
    from doppel_engine import evaluate

    rng = np.random.default_rng(0)
    real = pd.DataFrame({"flag": rng.choice(["yes", "no"], 300), "x": rng.normal(size=300).round(2)})
    synth = real.sample(frac=1, random_state=1).reset_index(drop=True)
    synth.loc[:4, "flag"] = None
    real.to_csv(tmp_path / "real.csv", index=False)
    synth.to_csv(tmp_path / "synth.csv", index=False)
    schema = {"columns": [{"name": "flag", "type": "boolean"}, {"name": "x", "type": "float"}]}
    report = evaluate(real=str(tmp_path / "real.csv"), synthetic=str(tmp_path / "synth.csv"), metadata=schema)
    assert 0 <= report["privacy"]["score"] <= 1 and report["privacy"]["exact_copy_share"] > 0.9
    flag = next(h for h in report["charts"]["histograms"] if h["column"] == "flag")
    assert sorted(flag["bins"]) == ["no", "yes"] and abs(flag["synthetic_null_share"] - 5 / 300) < 1e-9
