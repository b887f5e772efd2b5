"""A read-only API token reads everything but may change nothing: each write raises PermissionDeniedError with the 403 problem."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from conftest import Trained

from doppel_client import Doppel, PermissionDeniedError


@pytest.fixture(scope="module")
def read_only(trained: Trained, url: str) -> Doppel:
    return Doppel(url, trained.account.session.tokens.create("reader", "read").secret)


def writes(trained: Trained, reader: Doppel) -> dict[str, Callable[[], object]]:
    dataset = reader.dataset(trained.dataset.id)
    model = reader.model(trained.model.id)
    project = reader.project(trained.project.id)
    return {
        "train": lambda: dataset.train("GaussianCopula"),
        "generate": lambda: model.generate(10, wait=False),
        "sample": lambda: model.sample(5),
        "upload": lambda: project.upload(trained.frame.head(20), name="refused"),
        "delete": lambda: dataset.delete(),
    }


@pytest.mark.parametrize("action", ["train", "generate", "sample", "upload", "delete"])
def test_a_read_only_token_is_refused_every_write(trained: Trained, read_only: Doppel, action: str) -> None:
    assert read_only.dataset(trained.dataset.id).row_count == trained.dataset.row_count

    with pytest.raises(PermissionDeniedError) as refused:
        writes(trained, read_only)[action]()

    error = refused.value
    assert error.status == 403
    assert error.problem["status"] == 403
    assert error.title == error.problem["title"] == "Forbidden"
    assert error.detail.startswith("this token is read-only")
    assert error.field == "Authorization"
    assert trained.dataset.refresh().row_count == trained.dataset.row_count, "the dataset is still there"
