"""train.py as the backend runs it: events, model folder, incremental progress, error exits."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time

import pytest

from conftest import ALGORITHMS, ENGINE, config, dataset, requires_sdv, run_cli

pytestmark = requires_sdv  # every test here trains or loads an SDV model


@pytest.mark.parametrize("dataset_name", ["penguins", "taxis"])
@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_every_algorithm_trains_and_reports_progress(models, algorithm, dataset_name):
    folder, run = models(algorithm, dataset_name)
    kinds = [e["event"] for e in run.events]
    assert kinds[0] == "started" and kinds[-1] == "completed"
    assert "error" not in kinds
    done = run.last
    assert done["algorithm"] == algorithm and done["fit_seconds"] > 0 and done["model"] == str(folder)
    fit = [e for e in run.of("progress") if e.get("stage") == "fit"]
    if algorithm in ("CTGAN", "CopulaGAN"):
        assert [e["epoch"] for e in fit] == [1, 2] and all(e["epochs"] == 2 for e in fit)
        assert all(isinstance(e["generator_loss"], float) and isinstance(e["discriminator_loss"], float) for e in fit)
        assert done["generator_loss"] == fit[-1]["generator_loss"]
    elif algorithm == "TVAE":
        assert [e["epoch"] for e in fit] == [1, 2] and all(isinstance(e["loss"], float) for e in fit)
    else:
        stages = [e["stage"] for e in run.of("progress")]
        assert stages[-3:] == ["preprocess", "fit_distributions", "fit_correlation"]
    assert (folder / "model.pkl").stat().st_size > 0
    meta = json.loads((folder / "metadata.json").read_text())
    assert meta["algorithm"] == algorithm and meta["rows"] > 0 and meta["libraries"]["sdv"].startswith("2.")
    assert [c["name"] for c in meta["profile"]["columns"]] == [c["name"] for c in meta["columns"]]
    log = [json.loads(line) for line in (folder / "training_log.jsonl").read_text().splitlines()]
    assert log == run.events


def test_progress_arrives_while_training_runs(tmp_path):
    proc = subprocess.Popen(
        [
            sys.executable,
            str(ENGINE / "train.py"),
            "--data",
            str(dataset("penguins")),
            "--output",
            str(tmp_path / "m"),
            "--config",
            config("CTGAN", "penguins", epochs=150),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        for line in proc.stdout:
            event = json.loads(line)
            if event.get("stage") == "fit" and event.get("epoch") == 1:
                assert proc.poll() is None, "epoch 1 arrived only after the process ended"
                break
        else:
            pytest.fail("no epoch event")
        rest = [json.loads(line) for line in proc.stdout]
        assert rest[-1]["event"] == "completed"
        assert proc.wait(timeout=120) == 0
    finally:
        proc.kill()


def test_stdout_is_only_json_lines_and_library_noise_goes_to_stderr(models):
    _folder, run = models("CTGAN", "penguins")
    assert all(line.startswith("{") for line in run.stdout.splitlines())


def _train(tmp_path, data, cfg, *extra):
    return run_cli("train.py", "--data", data, "--config", cfg, "--output", tmp_path / "model", *extra)


def _assert_error(run, rc, code, *words):
    assert run.rc == rc, (run.rc, run.stdout, run.stderr[-2000:])
    assert run.last["event"] == "error" and run.last["code"] == code, run.last
    for word in words:
        assert word in run.last["message"], run.last["message"]


def test_missing_data_file(tmp_path):
    _assert_error(_train(tmp_path, tmp_path / "nope.csv", config("GaussianCopula", "penguins")), 3, "data_not_found", "nope.csv")


def test_unreadable_data(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"\xff\xfe\x00\x81garbage\x00\xc3\x28" * 100)
    _assert_error(_train(tmp_path, bad, config("GaussianCopula", "penguins")), 3, "data_unreadable")


def test_corrupt_parquet(tmp_path):
    bad = tmp_path / "bad.parquet"
    bad.write_bytes(b"PAR1 this is not parquet")
    _assert_error(_train(tmp_path, bad, config("GaussianCopula", "penguins")), 3, "data_unreadable")


def test_zero_rows(tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_text("species,island,bill_length_mm,bill_depth_mm,flipper_length_mm,body_mass_g,sex,year\n")
    _assert_error(_train(tmp_path, empty, config("GaussianCopula", "penguins")), 3, "no_rows")


def test_unknown_algorithm(tmp_path):
    run = _train(tmp_path, dataset("penguins"), '{"algorithm":"GPT"}')
    _assert_error(run, 2, "unknown_algorithm", "GPT", "CTGAN")


@pytest.mark.parametrize(
    ("settings", "words"),
    [
        ({"epochs": 0}, ["epochs", "at least 1"]),
        ({"epochs": "many"}, ["epochs", "integer"]),
        ({"batch_size": 500, "pac": 7}, ["multiple of pac"]),
        ({"generator_lr": -1}, ["generator_lr"]),
        ({"learning_rate": 0.1}, ["learning_rate", "unknown"]),
    ],
)
def test_invalid_settings_exit_2_naming_the_setting(tmp_path, settings, words):
    cfg = json.dumps({"algorithm": "CTGAN", **settings})
    _assert_error(_train(tmp_path, dataset("penguins"), cfg), 2, "invalid_setting", *words)


def test_gaussian_copula_rejects_epochs_and_unknown_distribution(tmp_path):
    _assert_error(_train(tmp_path, dataset("penguins"), '{"algorithm":"GaussianCopula","epochs":3}'), 2, "invalid_setting", "epochs")
    cfg = '{"algorithm":"GaussianCopula","default_distribution":"cauchy"}'
    _assert_error(_train(tmp_path, dataset("penguins"), cfg), 2, "invalid_setting", "norm")


def test_invalid_config_json(tmp_path):
    _assert_error(_train(tmp_path, dataset("penguins"), "{not json"), 2, "invalid_config")
    _assert_error(_train(tmp_path, dataset("penguins"), str(tmp_path / "missing.json")), 2, "invalid_config", "missing.json")
    cfg = json.dumps({"algorithm": "TVAE", "columns": [{"name": "a", "type": "complex"}]})
    _assert_error(_train(tmp_path, dataset("penguins"), cfg), 2, "invalid_config", "complex")


def test_config_from_file(tmp_path):
    cfg = tmp_path / "cfg.json"
    cfg.write_text(config("GaussianCopula", "penguins"))
    run = _train(tmp_path, dataset("penguins"), cfg)
    assert run.rc == 0 and run.last["event"] == "completed"


def test_column_in_schema_missing_from_data(tmp_path):
    cfg = json.loads(config("GaussianCopula", "penguins"))
    cfg["columns"].append({"name": "wingspan", "type": "float"})
    _assert_error(_train(tmp_path, dataset("penguins"), json.dumps(cfg)), 3, "column_missing", "wingspan")


def test_column_in_data_missing_from_schema(tmp_path):
    cfg = json.loads(config("GaussianCopula", "penguins"))
    cfg["columns"] = [c for c in cfg["columns"] if c["name"] != "year"]
    _assert_error(_train(tmp_path, dataset("penguins"), json.dumps(cfg)), 3, "column_not_in_schema", "year")


def test_missing_required_argument():
    run = run_cli("train.py", "--data", "x.csv")
    _assert_error(run, 2, "invalid_arguments", "--config")


def test_sigterm_exits_130_with_cancelled(tmp_path):
    proc = subprocess.Popen(
        [
            sys.executable,
            str(ENGINE / "train.py"),
            "--data",
            str(dataset("penguins")),
            "--output",
            str(tmp_path / "m"),
            "--config",
            config("CTGAN", "penguins", epochs=5000),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        for line in proc.stdout:
            if json.loads(line).get("stage") == "fit":
                break
        proc.send_signal(signal.SIGTERM)
        rest = [json.loads(line) for line in proc.stdout]
        assert proc.wait(timeout=60) == 130
        assert rest[-1] == {"event": "error", "code": "cancelled", "message": rest[-1]["message"]}
        assert not (tmp_path / "m" / "model.pkl").exists()
    finally:
        proc.kill()


def test_header_names_with_surrounding_spaces_train_under_the_names_the_platform_gives_them(tmp_path):
    data = tmp_path / "spaced.csv"
    rows = [" id , score ,kind "] + [f"{i},{i * 0.5},{'k' + str(i % 3)}" for i in range(60)]
    data.write_text("\n".join(rows) + "\n", encoding="utf-8")
    columns = [{"name": "id", "type": "id"}, {"name": "score", "type": "float"}, {"name": "kind", "type": "categorical"}]
    run = _train(tmp_path, data, json.dumps({"algorithm": "GaussianCopula", "seed": 1, "columns": columns}))
    assert run.rc == 0 and run.last["event"] == "completed", (run.last, run.stderr[-2000:])
    meta = json.loads((tmp_path / "model" / "metadata.json").read_text())
    assert [p["name"] for p in meta["profile"]["columns"]] == ["id", "score", "kind"]


def test_semicolon_csv_with_bom_and_custom_nulls(tmp_path):
    data = tmp_path / "semi.csv"
    rows = ["\ufeffid;flag;when;score;kind"]
    for i in range(60):
        flag = ["yes", "no", "N/A"][i % 3]
        score = "?" if i % 10 == 0 else f"{i * 1.5:.1f}"
        rows.append(f"{i + 100};{flag};2024-01-{i % 28 + 1:02d};{score};{'k' + str(i % 4)}")
    data.write_text("\n".join(rows) + "\n", encoding="utf-8")
    cfg = {
        "algorithm": "GaussianCopula",
        "seed": 1,
        "columns": [
            {"name": "id", "type": "id"},
            {"name": "flag", "type": "boolean"},
            {"name": "when", "type": "datetime", "datetimeFormat": "%Y-%m-%d"},
            {"name": "score", "type": "float"},
            {"name": "kind", "type": "categorical"},
        ],
    }
    started = time.time()
    run = _train(tmp_path, data, json.dumps(cfg))
    assert run.rc == 0, run.stderr[-2000:]
    assert time.time() - started < 60
    meta = json.loads((tmp_path / "model" / "metadata.json").read_text())
    assert meta["source"]["delimiter"] == ";"
    prof = {p["name"]: p for p in meta["profile"]["columns"]}
    assert prof["flag"]["tokens"] == {"true": "yes", "false": "no", "native": False}
    assert abs(prof["flag"]["null_ratio"] - 1 / 3) < 1e-9 and abs(prof["score"]["null_ratio"] - 0.1) < 1e-9
    assert prof["id"]["role"] == "id"
