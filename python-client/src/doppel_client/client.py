"""The entry point: `Doppel(url, token)`, a session with one Doppel server."""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Any

from ._http import Transport
from .batches import Batch
from .config import config_path, load_config
from .datasets import Dataset
from .errors import ConfigurationError
from .models import Model
from .projects import Project
from .tokens import Tokens


def server_url(url: str | None = None) -> str:
    """`url`, else $DOPPEL_URL, else the URL `doppel-client login` saved, without a trailing slash."""
    chosen = url or os.environ.get("DOPPEL_URL") or load_config().get("url")
    if not chosen:
        raise ConfigurationError(f"no server: pass url=, set DOPPEL_URL, or run `doppel-client login` (saved in {config_path()})")
    return str(chosen).rstrip("/")


class Doppel:
    """A client of one Doppel server.

    Args:
        url: the server, such as http://localhost:8080. Left out: $DOPPEL_URL, else the URL `doppel-client login` saved.
        token: a personal API token (dpl_…) or a sign-in token. Left out: $DOPPEL_TOKEN, else the token
            `doppel-client login` saved, but only when it was saved for this URL, so a token never goes to
            another server.

    Raises:
        ConfigurationError: when neither the arguments, the environment nor a saved login name a server and a token.
    """

    def __init__(self, url: str | None = None, token: str | None = None) -> None:
        saved = load_config()
        url = server_url(url)
        token = token or os.environ.get("DOPPEL_TOKEN") or (saved.get("token") if str(saved.get("url", "")).rstrip("/") == url else None)
        if not token:
            raise ConfigurationError(f"no token for {url}: pass token=, set DOPPEL_TOKEN, or run `doppel-client login`")
        self.url = url
        self._transport = Transport(url, token)
        self.tokens = Tokens(self)
        self._dataset_types = lru_cache(maxsize=64)(self._read_dataset_types)

    @classmethod
    def login(cls, username: str, password: str, url: str | None = None) -> Doppel:
        """A client signed in with a password: it may also create and revoke API tokens. Its token expires (8 h by default)."""
        url = server_url(url)
        anonymous = Transport(url, None)
        try:
            answer = anonymous.json("POST", "/api/auth/login", json={"username": username, "password": password})
        finally:
            anonymous.close()
        return cls(url, answer["token"])

    @staticmethod
    def register(username: str, password: str, url: str | None = None) -> dict[str, Any]:
        """Creates an account (3-50 letters, digits, '.', '-', '_'; a password of at least 10 characters); returns it."""
        anonymous = Transport(server_url(url), None)
        try:
            return anonymous.json("POST", "/api/auth/register", json={"username": username, "password": password})
        finally:
            anonymous.close()

    def close(self) -> None:
        """Closes the connections; the client is not used after."""
        self._transport.close()

    def __enter__(self) -> Doppel:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Doppel(url={self.url!r})"

    def _read_dataset_types(self, dataset_id: int) -> dict[str, str]:
        return Dataset(self, self._transport.json("GET", f"/api/datasets/{dataset_id}")).types

    def algorithms(self) -> list[dict[str, Any]]:
        """The engine's catalogue: each algorithm with its library, licence, settings (name, type, bounds, default),
        differential privacy settings and the conditioning it can do."""
        return list(self._transport.json("GET", "/api/algorithms")["algorithms"])

    def projects(self) -> list[Project]:
        """Your projects."""
        return [Project(self, p) for p in self._transport.json("GET", "/api/projects")]

    def create_project(self, name: str, description: str | None = None) -> Project:
        """A new project."""
        body = {"name": name} if description is None else {"name": name, "description": description}
        return Project(self, self._transport.json("POST", "/api/projects", json=body))

    def project(self, project_id: int) -> Project:
        return Project(self, self._transport.json("GET", f"/api/projects/{int(project_id)}"))

    def dataset(self, dataset_id: int) -> Dataset:
        return Dataset(self, self._transport.json("GET", f"/api/datasets/{int(dataset_id)}"))

    def model(self, model_id: int) -> Model:
        return Model(self, self._transport.json("GET", f"/api/models/{int(model_id)}"))

    def models(self) -> list[Model]:
        """All your models, newest first."""
        return [Model(self, m) for m in self._transport.json("GET", "/api/models")]

    def batch(self, batch_id: int) -> Batch:
        return Batch(self, self._transport.json("GET", f"/api/synthetic/{int(batch_id)}"))
