"""The model folder's metadata.json: written and read back as typed values, its format version
checked, folders of earlier layouts still read. Runs in both profiles (no model is trained)."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from doppel_engine import EngineError, generate
from doppel_engine._events import ignore
from doppel_engine._model_folder import METADATA_FILE, ModelFile, ModelFolder, ModelMetadata
from doppel_engine._profile import profile_table
from doppel_engine._schema import Column
from doppel_engine._version import MODEL_FORMAT


def _folder(tmp_path) -> ModelFolder:
    """A model folder with a profile of every column type and a stand-in model file."""
    rows = 60
    raw = pd.DataFrame(
        {
            "id": [f"K-{i:04d}" for i in range(rows)],
            "amount": [f"{1000 + 37 * i:,}.50" for i in range(rows)],
            "ratio": [None if i % 7 == 0 else f"{i / 10:.1f}" for i in range(rows)],
            "at": [f"2024-03-{1 + i % 28:02d}T10:{i % 60:02d}:00+01:00" for i in range(rows)],
            "flag": ["yes" if i % 3 else "no" for i in range(rows)],
            "city": [["Porto", "Lisbon", "Faro"][i % 3] for i in range(rows)],
            "note": [f"note {i}" for i in range(rows)],
            "same": ["x"] * rows,
        }
    )
    types = {"id": "id", "amount": "float", "ratio": "float", "at": "datetime", "flag": "boolean", "city": "categorical", "note": "text", "same": "categorical"}
    columns = [Column(name, kind, "%Y-%m-%dT%H:%M:%S%z" if kind == "datetime" else None) for name, kind in types.items()]
    _typed, profile = profile_table(raw, columns, max_categories=10, on_event=ignore, null_tokens={"ratio": "NA"})
    model_file = tmp_path / "model.pkl"
    model_file.write_bytes(b"stand-in for a trained model")
    metadata = ModelMetadata(
        algorithm="GaussianCopula",
        settings={"default_distribution": "beta", "max_categories": 10},
        seed=7,
        columns=tuple(columns),
        profile=profile,
        source={"format": "csv", "delimiter": ",", "null_tokens": {"ratio": "NA"}, "file": "table.csv"},
        rows=rows,
        holdout={"rows": 0, "reason": "turned off in the config"},
        libraries={"pandas": pd.__version__, "sdv": None},
        model=ModelFile.of(model_file),
        losses={},
        encodings={"city": {"type": "TABULAR_CATEGORICAL", "reason": "3 distinct values: learned as categories"}},
        timings={"read_s": 0.1, "prepare_s": 0.2, "fit_s": 0.3, "total_s": 0.6},
        created_at="2026-01-02T03:04:05+00:00",
    )
    return ModelFolder(tmp_path, metadata)


def _written(folder: ModelFolder) -> dict:
    return json.loads((folder.path / METADATA_FILE).read_text(encoding="utf-8"))


def _rewrite(folder: ModelFolder, doc: dict) -> None:
    (folder.path / METADATA_FILE).write_text(json.dumps(doc), encoding="utf-8")


def test_a_folder_written_by_this_engine_reads_back_equal(tmp_path):
    folder = _folder(tmp_path)
    folder.write()

    assert ModelFolder.read(tmp_path) == folder
    assert ModelFolder.read(tmp_path / "model.pkl") == folder
    roles = {c.name: c.role for c in folder.metadata.profile.columns}
    assert roles == {"id": "id", "amount": "model", "ratio": "model", "at": "model", "flag": "model", "city": "model", "note": "model", "same": "constant"}


def test_metadata_json_keeps_the_keys_the_platform_reads(tmp_path):
    folder = _folder(tmp_path)
    folder.write()
    doc = _written(folder)

    assert doc["format"] == MODEL_FORMAT and doc["engine"] == "doppel-ai-engine"
    assert list(doc) == [
        "engine",
        "engineVersion",
        "format",
        "algorithm",
        "settings",
        "seed",
        "columns",
        "profile",
        "source",
        "rows",
        "holdout",
        "libraries",
        "model",
        "losses",
        "encodings",
        "timings",
        "createdAt",
    ]
    assert doc["encodings"]["city"] == {"type": "TABULAR_CATEGORICAL", "reason": "3 distinct values: learned as categories"}
    assert doc["profile"]["rules"] == list(folder.metadata.profile.rules)
    assert doc["model"] == {"file": "model.pkl", "sha256": folder.metadata.model.sha256, "bytes": 28}
    same = next(c for c in doc["profile"]["columns"] if c["name"] == "same")
    assert same["value"] == "x" and "min" not in same and "tokens" not in same


def test_the_holdout_file_lies_in_the_folder_when_rows_were_kept_out(tmp_path):
    folder = _folder(tmp_path)
    folder.write()
    assert ModelFolder.read(tmp_path).holdout_file() is None

    doc = _written(folder)
    doc["holdout"] = {"rows": 10, "file": "holdout.csv"}
    _rewrite(folder, doc)

    assert ModelFolder.read(tmp_path).holdout_file() == tmp_path / "holdout.csv"


def test_a_folder_written_before_the_format_version_and_the_rules_still_reads(tmp_path):
    folder = _folder(tmp_path)
    folder.write()
    doc = _written(folder)
    del doc["format"], doc["holdout"], doc["encodings"], doc["profile"]["rules"]
    doc["profile"]["relations"] = [{"kind": "order", "greater": "ratio", "lesser": "amount"}, {"kind": "correlation", "x": "ratio", "y": "amount", "r": 0.5}]
    _rewrite(folder, doc)

    metadata = ModelFolder.read(tmp_path).metadata

    assert metadata.format == 1 and metadata.holdout is None and metadata.encodings is None
    assert [(r["id"], r["real_share"]) for r in metadata.profile.rules] == [("order:ratio>=amount", 1.0)]
    assert metadata.profile.columns == folder.metadata.profile.columns


def test_a_folder_of_a_newer_format_is_refused_naming_both_versions(tmp_path):
    folder = _folder(tmp_path)
    folder.write()
    _rewrite(folder, {**_written(folder), "format": MODEL_FORMAT + 1})

    with pytest.raises(EngineError) as err:
        ModelFolder.read(tmp_path)
    assert err.value.code == "model_invalid" and err.value.exit_code == 4
    assert f"format {MODEL_FORMAT + 1}" in err.value.message and f"up to {MODEL_FORMAT}" in err.value.message

    with pytest.raises(EngineError) as err:
        generate(model=str(tmp_path), count=5, output=str(tmp_path / "batch.csv"))
    assert err.value.code == "model_invalid" and not (tmp_path / "batch.csv").exists()


def test_a_damaged_metadata_json_names_the_missing_field(tmp_path):
    folder = _folder(tmp_path)
    folder.write()
    doc = _written(folder)
    del doc["model"]
    _rewrite(folder, doc)

    with pytest.raises(EngineError) as err:
        ModelFolder.read(tmp_path)
    assert err.value.code == "model_invalid" and "'model'" in err.value.message
