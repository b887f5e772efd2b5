"""A script's journey through the library: upload a DataFrame, train, sample, generate, download, evaluate, revoke."""

from __future__ import annotations

import math

import pandas as pd
import pyarrow.parquet as pq
import pytest
from conftest import Account, Trained
from pandas.api import types as ptypes

from doppel_client import AuthenticationError, Doppel

# What each Doppel type must look like in pandas (the client's frames module decides the exact dtype).
DTYPE_CHECKS = {
    "integer": ptypes.is_integer_dtype,
    "float": ptypes.is_float_dtype,
    "boolean": ptypes.is_bool_dtype,
    "datetime": ptypes.is_datetime64_any_dtype,
    "categorical": ptypes.is_object_dtype,
    "id": ptypes.is_object_dtype,
    "text": ptypes.is_object_dtype,
}


def assert_typed_like(frame: pd.DataFrame, types: dict[str, str]) -> None:
    for column, kind in types.items():
        assert DTYPE_CHECKS[kind](frame[column]), f"{column} is {kind} but came as {frame[column].dtype}"


def test_an_uploaded_dataframe_comes_back_with_its_rows_and_the_types_chosen(trained: Trained) -> None:
    dataset, frame = trained.dataset, trained.frame

    assert dataset.row_count == len(frame)
    assert dataset.columns == list(frame.columns)
    assert dataset.types["year"] == "categorical"
    assert dataset.types["flipper_length_mm"] == "integer"
    assert {c["name"] for c in dataset.stats()["columns"]} == set(frame.columns)

    back = dataset.to_pandas()
    assert_typed_like(back, dataset.types)
    pd.testing.assert_series_equal(back["bill_length_mm"], frame["bill_length_mm"], check_names=False)
    assert back["flipper_length_mm"].tolist() == frame["flipper_length_mm"].tolist()
    assert back["year"].tolist() == frame["year"].astype(str).tolist()
    assert trained.project.datasets() == [dataset]


def test_a_dataframe_can_go_up_as_csv(trained: Trained) -> None:
    dataset = trained.project.upload(trained.frame, name="penguins as csv", file_format="csv")
    try:
        assert dataset.row_count == len(trained.frame)
        assert dataset.columns == list(trained.frame.columns)
    finally:
        dataset.delete()


def test_training_with_wait_returns_a_completed_model_whose_samples_are_typed_by_the_dataset(trained: Trained) -> None:
    model, dataset = trained.model, trained.dataset
    assert model.status == "COMPLETED"
    assert model in dataset.models()

    rows = model.sample(100, seed=3)
    again = model.sample(100, seed=3)

    assert len(rows) == 100
    assert list(rows.columns) == dataset.columns
    assert_typed_like(rows, dataset.types)
    assert rows.attrs["seed"] == 3
    pd.testing.assert_frame_equal(rows, again)
    assert set(rows["species"].dropna()) <= set(trained.frame["species"])
    assert set(rows["year"].dropna()) <= set(trained.frame["year"].astype(str))


def test_sampling_keeps_fixed_values(trained: Trained) -> None:
    rows = trained.model.sample(30, conditions={"species": "Gentoo"}, seed=1)

    assert rows["species"].tolist() == ["Gentoo"] * 30


def test_a_batch_has_exactly_the_anomalies_asked_and_streams_to_parquet(trained: Trained, tmp_path) -> None:
    count, ratio = 1001, 0.03
    batch = trained.model.generate(count, anomalies=ratio, seed=5)
    expected_anomalies = math.floor(ratio * count + 0.5)

    assert batch.status == "COMPLETED"
    assert batch.row_count == count
    assert batch.anomaly_rows == expected_anomalies
    assert batch in trained.model.batches()

    path = batch.download(tmp_path / "batch.parquet", format="parquet")
    table = pq.read_table(path)
    assert table.num_rows == count
    assert sum(table.column("is_anomaly").to_pylist()) == expected_anomalies

    frame = batch.to_pandas()
    assert len(frame) == count
    assert frame["is_anomaly"].dtype == bool
    assert int(frame["is_anomaly"].sum()) == expected_anomalies
    assert not list(tmp_path.glob("*.part")), "no partial file is left beside the download"


def test_the_evaluation_scores_each_column_and_its_report_is_saved_as_html(trained: Trained, tmp_path) -> None:
    model = trained.model
    evaluation = model.evaluation()
    scores = model.evaluation_frame()
    report = model.report_html(tmp_path / "report.html")

    assert evaluation["status"] == "COMPLETED"
    assert 0.0 <= evaluation["qualityScore"] <= 1.0
    assert list(scores.index) == trained.dataset.columns
    scored = scores[scores["scored"]]
    assert not scored.empty
    assert scored["score"].between(0.0, 1.0).all()
    text = report.read_text(encoding="utf-8")
    assert text.lstrip().lower().startswith("<!doctype html")
    assert "penguins" in text


def test_a_revoked_token_raises_authentication_error(account: Account, url: str) -> None:
    created = account.session.tokens.create("revoked soon", "full")
    client = Doppel(url, created.secret)
    assert client.projects() == account.client.projects()
    assert created.token.id in [t.id for t in account.session.tokens.list()]

    account.session.tokens.revoke(created.token.id)

    with pytest.raises(AuthenticationError) as refused:
        client.projects()
    assert refused.value.status == 401
    assert created.token.id not in [t.id for t in account.session.tokens.list()]
