"""Fixtures for the client's tests: they run against a real Doppel server named by DOPPEL_URL."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest

from doppel_client import Dataset, Doppel, Model, Project

REPO = Path(__file__).resolve().parents[2]
DATASETS = Path(os.environ.get("DOPPEL_DATASETS_DIR") or REPO.parent / "shared" / "datasets").resolve()
PASSWORD = "a throw-away password"


def server_url() -> str:
    url = os.environ.get("DOPPEL_URL")
    if not url:
        pytest.fail("DOPPEL_URL is not set: these tests run against a Doppel server (./doppel test starts one)", pytrace=False)
    return url


def shared_dataset(name: str) -> Path:
    path = DATASETS / name
    if not path.is_file():
        pytest.fail(f"shared dataset missing: {path} (set DOPPEL_DATASETS_DIR)", pytrace=False)
    return path


def register() -> str:
    """A new account's user name; its password is PASSWORD."""
    username = f"client-{secrets.token_hex(6)}"
    Doppel.register(username, PASSWORD, server_url())
    return username


@dataclass
class Account:
    username: str
    session: Doppel
    """signed in with the password: may manage tokens"""
    client: Doppel
    """with a full API token"""


@dataclass
class Trained:
    account: Account
    frame: pd.DataFrame
    project: Project
    dataset: Dataset
    model: Model


@pytest.fixture(scope="session")
def url() -> str:
    return server_url()


@pytest.fixture(scope="session")
def penguins() -> pd.DataFrame:
    """The penguins table as pandas reads it, its whole-number measures as nullable integers."""
    frame = pd.read_csv(shared_dataset("penguins.csv"))
    return frame.astype({"flipper_length_mm": "Int64", "body_mass_g": "Int64"})


def new_account(url: str) -> Account:
    username = register()
    session = Doppel.login(username, PASSWORD, url)
    secret = session.tokens.create("tests", "full").secret
    return Account(username, session, Doppel(url, secret))


@pytest.fixture(scope="session")
def account(url: str) -> Iterator[Account]:
    created = new_account(url)
    yield created
    created.client.close()
    created.session.close()


@pytest.fixture(scope="session")
def trained(account: Account, penguins: pd.DataFrame) -> Trained:
    """Penguins uploaded as a DataFrame (year chosen categorical) and a GaussianCopula model trained with wait=True."""
    project = account.client.create_project("Penguins")
    dataset = project.upload(penguins, name="penguins", types={"year": "categorical"})
    model = dataset.train("GaussianCopula", wait=True, seed=7)
    return Trained(account, penguins, project, dataset, model)
