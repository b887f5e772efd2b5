"""TabularARGN (mostlyai-engine): catalogue, training, generation, differential privacy, and the
permissive profile's refusal of SDV algorithms. Runs in both profiles."""

from __future__ import annotations

import json
import math

import numpy as np
import pandas as pd
import pytest
from test_generate import check_output, profile_of, read_csv, row_violations

from conftest import SCHEMAS, config, dataset, permissive_only, requires_sdv, run_cli
from doppel_engine import EngineError, describe
from doppel_engine._catalogue import algorithms, get
from doppel_engine._events import ignore
from doppel_engine._mostlyai import DIGIT_MAX_POSITIONS, DISCRETE_MAX_VALUES, _with_datetimes, choose_encodings
from doppel_engine._profile import profile_table
from doppel_engine._schema import Column

DP = {"max_epsilon": 5.0, "delta": 1e-5, "noise_multiplier": 1.5, "max_grad_norm": 1.0}


def test_catalogue_entry():
    entry = next(a for a in describe()["algorithms"] if a["name"] == "TabularARGN")
    assert entry["library"] == "mostlyai-engine" and entry["licence"] == "Apache-2.0" and entry["libraryVersion"] == "2.7.3"
    assert entry["supportsDifferentialPrivacy"] is True
    settings = {s["name"]: s for s in entry["settings"]}
    assert settings["max_epochs"] == {**settings["max_epochs"], "type": "integer", "default": 100, "minimum": 1}
    assert settings["max_training_time"]["type"] == "number" and settings["max_training_time"]["default"] == 10.0
    assert settings["batch_size"]["default"] is None and settings["value_protection"]["default"] is True
    dp = {s["name"]: s for s in entry["differentialPrivacySettings"]}
    assert list(dp) == ["max_epsilon", "delta", "noise_multiplier", "max_grad_norm"]
    assert dp["max_epsilon"]["minimum"] > 0 and dp["delta"]["maximum"] < 1 and dp["delta"]["default"] == 1e-5


def test_dp_settings_are_validated():
    argn = get("TabularARGN")
    assert argn.resolve_differential_privacy(None) is None
    assert argn.resolve_differential_privacy({"max_epsilon": 3}) == {**DP, "max_epsilon": 3.0}
    for bad, word in (({"max_epsilon": 0}, "max_epsilon"), ({"delta": 1.5}, "delta"), ({"sigma": 1}, "sigma"), ([1], "object")):
        with pytest.raises(EngineError) as err:
            argn.resolve_differential_privacy(bad)
        assert err.value.code == "invalid_setting" and word in err.value.message


def test_sdv_algorithms_are_refused_when_sdv_is_absent(monkeypatch):
    """What the permissive profile does, simulated by pointing the SDV algorithms at a missing module."""
    for cls in list(algorithms()):
        if cls.library == "sdv":
            monkeypatch.setattr(cls, "requires", ("doppel_no_such_module",))
    assert [a["name"] for a in describe()["algorithms"]] == ["TabularARGN"]
    with pytest.raises(EngineError) as err:
        get("CTGAN")
    assert err.value.code == "unknown_algorithm" and err.value.exit_code == 2
    assert err.value.message.startswith("CTGAN needs SDV, which is not installed in this engine (permissive-only install)")


@permissive_only
def test_permissive_profile_refuses_sdv_algorithms(tmp_path):
    run = run_cli("train.py", "--data", dataset("penguins"), "--output", tmp_path / "m", "--config", '{"algorithm":"CTGAN"}')
    assert run.rc == 2 and run.last["code"] == "unknown_algorithm", run.stdout
    assert "CTGAN needs SDV, which is not installed in this engine (permissive-only install)" in run.last["message"]


@requires_sdv
def test_sdv_algorithm_with_dp_is_refused(tmp_path):
    cfg = json.dumps({"algorithm": "GaussianCopula", "differential_privacy": DP})
    run = run_cli("train.py", "--data", dataset("penguins"), "--output", tmp_path / "m", "--config", cfg)
    assert run.rc == 2 and run.last["code"] == "invalid_setting", run.stdout
    assert "GaussianCopula does not support differential privacy" in run.last["message"]


def test_encodings_follow_the_profile():
    rng = np.random.default_rng(0)
    n = 400
    raw = pd.DataFrame(
        {
            "rooms": rng.integers(1, 6, n).astype(str),
            "many_levels": rng.integers(0, DISCRETE_MAX_VALUES + 20, n * 4)[:n].astype(str),
            "amount": (rng.integers(1, 200, n) * 50).astype(str),
            "balance": rng.uniform(0, 10 ** (DIGIT_MAX_POSITIONS + 1), n).round(2).astype(str),
            "day": pd.Series(pd.date_range("2024-01-01", periods=n, freq="D")).dt.strftime("%Y-%m-%d"),
            "seen": pd.Series(pd.date_range("2024-01-01", periods=n, freq="37min")).dt.strftime("%Y-%m-%d %H:%M"),
            "comment": [f"note {i} about case {i * 7 % 13}" for i in range(n)],
            "city": rng.choice(["Oslo", "Rome", "Lima"], n),
            "long_text": [f"{'a long comment that runs past fifty characters, '}{i}" for i in range(n)],
        }
    )
    columns = [
        Column("rooms", "integer"),
        Column("many_levels", "integer"),
        Column("amount", "integer"),
        Column("balance", "float"),
        Column("day", "datetime", "%Y-%m-%d"),
        Column("seen", "datetime", "%Y-%m-%d %H:%M"),
        Column("comment", "text"),
        Column("city", "categorical"),
        Column("long_text", "text"),
    ]
    _, profile = profile_table(raw, columns, max_categories=500, on_event=ignore)
    chosen = choose_encodings(profile, list(raw.columns))
    assert {name: e["type"] for name, e in chosen.items()} == {
        "rooms": "TABULAR_NUMERIC_DISCRETE",
        "many_levels": "TABULAR_NUMERIC_DIGIT",
        "amount": "TABULAR_NUMERIC_DIGIT",
        "balance": "TABULAR_NUMERIC_BINNED",
        "day": "TABULAR_DATETIME",
        "seen": "TABULAR_DATETIME",
        "comment": "TABULAR_CHARACTER",
        "city": "TABULAR_CATEGORICAL",
        "long_text": "TABULAR_CATEGORICAL",
    }
    assert chosen["rooms"]["reason"].startswith("5 distinct values") and "round amounts" in chosen["amount"]["reason"]
    assert "dates without a time" in chosen["day"]["reason"] and "60 s" in chosen["seen"]["reason"]


def test_trains_and_reports_epochs(models):
    folder, run = models("TabularARGN", "penguins")
    kinds = [e["event"] for e in run.events]
    assert kinds[0] == "started" and kinds[-1] == "completed" and "error" not in kinds
    fit = [e for e in run.of("progress") if e.get("stage") == "fit"]
    assert [e["epoch"] for e in fit] == [1, 2] and all(e["epochs"] == 2 for e in fit)
    assert all(isinstance(e["loss"], float) and isinstance(e["elapsed_s"], float) for e in fit)
    done = run.last
    assert done["algorithm"] == "TabularARGN" and done["epochs"] == 2 and done["loss"] == fit[-1]["loss"]
    assert "differential_privacy" not in done
    meta = json.loads((folder / "metadata.json").read_text())
    assert meta["model"]["file"] == "model.json" and meta["libraries"]["mostlyai-engine"] == "2.7.3"
    learned = [p["name"] for p in meta["profile"]["columns"] if p["role"] == "model"]
    assert list(meta["encodings"]) == learned and all(e["type"].startswith("TABULAR_") and e["reason"] for e in meta["encodings"].values())
    assert meta["encodings"]["species"]["type"] == "TABULAR_CATEGORICAL" and meta["encodings"]["year"]["type"] == "TABULAR_NUMERIC_DISCRETE"
    assert (folder / "workspace" / "ModelStore" / "model-data" / "model-weights.pt").is_file()
    assert not (folder / "workspace" / "OriginalData").exists(), "the copy of the training rows must not stay in the model"
    log = [json.loads(line) for line in (folder / "training_log.jsonl").read_text().splitlines()]
    assert log == run.events


def test_generates_within_bounds_and_reproducibly(models, tmp_path):
    folder, _ = models("TabularARGN", "penguins")
    outs = []
    for i in range(2):
        out = tmp_path / f"out{i}.csv"
        run = run_cli("generate.py", "--model", folder, "--count", 700, "--output", out, "--seed", 1, "--chunk-size", 300)
        assert run.rc == 0, run.stderr[-2000:]
        assert [e["rows"] for e in run.of("progress")] == [300, 600, 700] and run.last["rows"] == 700
        outs.append(out.read_bytes())
    assert outs[0] == outs[1], "same model + seed + chunk size must give the same bytes"
    profile, synth = check_output(folder, tmp_path / "out0.csv", dataset("penguins"), 700)
    for _, row in synth.iterrows():
        assert not row_violations(profile, row.to_dict(), kinds=("order",)), row.to_dict()
    other = tmp_path / "other.csv"
    assert run_cli("generate.py", "--model", folder, "--count", 700, "--output", other, "--seed", 2, "--chunk-size", 300).rc == 0
    assert other.read_bytes() != outs[0]


def test_anomalies_are_exact_and_parquet_works(models, tmp_path):
    folder, _ = models("TabularARGN", "penguins")
    out = tmp_path / "a.csv"
    n, ratio = 1003, 0.0415
    run = run_cli("generate.py", "--model", folder, "--count", n, "--output", out, "--seed", 3, "--anomalies", json.dumps({"ratio": ratio}))
    assert run.rc == 0, run.stderr[-2000:]
    expected = math.floor(ratio * n + 0.5)
    synth = read_csv(out)
    flagged = synth[synth["is_anomaly"] == "true"]
    assert run.last["anomalies"] == len(flagged) == expected
    profile = profile_of(folder)
    for _, row in flagged.iterrows():
        assert row["anomaly_kind"] in row_violations(profile, row.drop(["is_anomaly", "anomaly_kind"]).to_dict())
    parquet = tmp_path / "p.parquet"
    assert run_cli("generate.py", "--model", folder, "--count", 50, "--output", parquet, "--seed", 3).rc == 0


def test_generation_set_up_is_made_once_per_loaded_model(models, monkeypatch):
    from mostlyai.engine._tabular import common

    from doppel_engine._generate import load_model

    folder, _ = models("TabularARGN", "penguins")
    calls = {"load_model_artifacts": 0, "create_and_load_model": 0}
    for name in calls:
        original = getattr(common, name)

        def counted(*args, _name=name, _original=original, **kwargs):
            calls[_name] += 1
            return _original(*args, **kwargs)

        monkeypatch.setattr(common, name, counted)
    argn = load_model(str(folder)).algorithm
    argn.reseed(1)
    given = argn.sample(20)
    given = given[["species"]]
    for _ in range(3):
        argn.sample(30)
    argn.sample_given(given)
    assert calls == {"load_model_artifacts": 1, "create_and_load_model": 1}


def test_a_seed_gives_the_same_rows_from_a_fresh_and_a_warm_model(models):
    """The first call builds the network (drawing its initial weights from torch's generator),
    later calls reuse it: a seed must give the same rows either way."""
    from doppel_engine._generate import load_model

    folder, _ = models("TabularARGN", "penguins")
    warm = load_model(str(folder)).algorithm
    warm.reseed(9)
    given = warm.sample(40)
    given.loc[::2, "island"] = None
    given.loc[1::2, [c for c in given.columns if c != "species"]] = None

    def rows(argn):
        argn.reseed(5)
        return argn.sample(60), argn.sample_given(given)

    fresh_plain, fresh_given = rows(load_model(str(folder)).algorithm)
    for _ in range(2):
        plain, conditioned = rows(warm)
        pd.testing.assert_frame_equal(plain, fresh_plain)
        pd.testing.assert_frame_equal(conditioned, fresh_given)
    warm.reseed(6)
    assert not warm.sample(60).equals(fresh_plain)


def test_the_generator_draws_of_building_a_network_are_counted_for_replay():
    import torch

    from doppel_engine._mostlyai import _words_drawn

    torch.manual_seed(3)
    before = torch.get_rng_state()
    torch.nn.Linear(50, 40)  # uniform initial weights
    torch.nn.Embedding(30, 16)  # normal ones, drawn in pairs of words
    after = torch.get_rng_state()
    words = _words_drawn(before, after)
    assert words is not None and words >= 50 * 40 + 40 + 30 * 16
    torch.set_rng_state(before)
    torch.empty(words, dtype=torch.float32).uniform_()
    assert torch.equal(torch.get_rng_state(), after)
    torch.empty(3).normal_()  # keeps the second normal of its last pair for the next draw: not words alone
    assert _words_drawn(before, torch.get_rng_state()) is None


def test_changed_workspace_file_is_rejected(models, tmp_path):
    import shutil

    folder, _ = models("TabularARGN", "penguins")
    copy = tmp_path / "copy"
    shutil.copytree(folder, copy)
    (copy / "workspace" / "ModelStore" / "tgt-stats" / "stats.json").write_text("{}")
    run = run_cli("generate.py", "--model", copy, "--count", 5, "--output", tmp_path / "x.csv")
    assert run.rc == 4 and run.last["code"] == "model_invalid" and "changed" in run.last["message"]


def test_differential_privacy_reports_epsilon_within_budget(tmp_path):
    cfg = config("TabularARGN", "penguins", differential_privacy=DP)
    run = run_cli("train.py", "--data", dataset("penguins"), "--output", tmp_path / "dp", "--config", cfg)
    assert run.rc == 0, run.stderr[-3000:]
    spent = run.last["differential_privacy"]
    assert 0 < spent["epsilon"] <= DP["max_epsilon"] and spent["delta"] == DP["delta"]
    meta = json.loads((tmp_path / "dp" / "metadata.json").read_text())
    assert meta["differentialPrivacy"] == {"settings": DP, "spent": spent}
    assert all("dp_epsilon" in e for e in run.of("progress") if e.get("stage") == "fit")


def test_invalid_tabular_argn_settings(tmp_path):
    for cfg, word in (
        ({"algorithm": "TabularARGN", "epochs": 3}, "epochs"),
        ({"algorithm": "TabularARGN", "max_training_time": 0}, "max_training_time"),
        ({"algorithm": "TabularARGN", "differential_privacy": {"noise_multiplier": "lots"}}, "noise_multiplier"),
    ):
        run = run_cli("train.py", "--data", dataset("penguins"), "--output", tmp_path / "m", "--config", json.dumps({**cfg, "columns": SCHEMAS["penguins"]}))
        assert run.rc == 2 and run.last["code"] == "invalid_setting" and word in run.last["message"], run.stdout


def test_parent_seconds_no_timestamp_can_hold_are_unknown_to_the_engine_rather_than_an_error():
    seconds = pd.DataFrame({"born": [0.0, 1.5e9, np.nan, np.inf, -np.inf, 1e300, 1e12, -9.3e9], "kept": [1.0] * 8})
    data = _with_datetimes(seconds, ["born"])
    assert data["born"].iloc[:2].tolist() == [pd.Timestamp("1970-01-01"), pd.Timestamp("2017-07-14 02:40:00")]
    assert data["born"].iloc[2:].isna().all()
    assert data["kept"].tolist() == [1.0] * 8
