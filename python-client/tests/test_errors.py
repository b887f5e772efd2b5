"""Error answers become exceptions carrying the server's problem+json; a client with no server or token says so."""

from __future__ import annotations

import pytest
from conftest import Account, Trained

from doppel_client import ConfigurationError, Doppel, NotFoundError, ValidationError
from doppel_client.config import save_config


def test_an_unknown_id_raises_not_found_with_the_problem(account: Account) -> None:
    with pytest.raises(NotFoundError) as missing:
        account.client.model(987654321)

    assert missing.value.status == 404
    assert missing.value.problem["title"] == "Not found"
    assert missing.value.field == "id"
    assert "987654321" in missing.value.detail


def test_an_unknown_column_type_raises_validation_error_naming_the_field(trained: Trained) -> None:
    with pytest.raises(ValidationError) as refused:
        trained.project.upload(trained.frame, name="badly typed", types={"year": "colour"})

    assert refused.value.status == 400
    assert refused.value.field == "types.year"
    assert "colour" in refused.value.detail
    assert [d.name for d in trained.project.datasets()] == [trained.dataset.name], "nothing was stored"


def test_an_impossible_condition_raises_validation_error_naming_the_column(trained: Trained) -> None:
    with pytest.raises(ValidationError) as refused:
        trained.model.sample(5, conditions={"species": "Emperor"})

    assert refused.value.status == 400
    assert refused.value.field is not None and refused.value.field.startswith("conditions")
    assert "species" in str(refused.value)


def test_an_unknown_algorithm_raises_validation_error_naming_it(trained: Trained) -> None:
    with pytest.raises(ValidationError) as refused:
        trained.dataset.train("NoSuchSynthesizer")

    assert refused.value.field == "algorithm"


def test_without_server_or_token_the_client_says_how_to_give_them(monkeypatch, tmp_path, url: str) -> None:
    monkeypatch.delenv("DOPPEL_URL", raising=False)
    monkeypatch.delenv("DOPPEL_TOKEN", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))

    with pytest.raises(ConfigurationError, match="DOPPEL_URL"):
        Doppel()
    with pytest.raises(ConfigurationError, match="DOPPEL_TOKEN"):
        Doppel(url)


def test_a_saved_token_is_sent_only_to_the_server_it_was_saved_for(monkeypatch, tmp_path, account: Account, url: str) -> None:
    monkeypatch.delenv("DOPPEL_URL", raising=False)
    monkeypatch.delenv("DOPPEL_TOKEN", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    save_config({"url": url, "token": account.session.tokens.create("saved", "read").secret})

    assert Doppel().projects() == account.client.projects()
    with pytest.raises(ConfigurationError):
        Doppel("http://elsewhere.invalid:8080")
