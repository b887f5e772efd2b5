"""Datasets: uploaded tables with their inferred schema and profile."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from ._downloads import TableDownload
from ._jobs import started
from .frames import typed_frame
from .models import Model


class Dataset(TableDownload):
    """An uploaded table (GET /api/datasets/{id})."""

    _path = "/api/datasets"

    @property
    def name(self) -> str:
        return str(self.data["name"])

    @property
    def project_id(self) -> int:
        return int(self.data["projectId"])

    @property
    def row_count(self) -> int:
        return int(self.data["rowCount"])

    @property
    def columns(self) -> list[str]:
        """The column names, in the table's order."""
        return [c["name"] for c in self.data["columns"]]

    @property
    def types(self) -> dict[str, str]:
        """Each column's type (integer, float, categorical, boolean, datetime, id or text), in the table's order."""
        return {c["name"]: c["type"] for c in self.data["columns"]}

    def stats(self) -> dict[str, Any]:
        """The profile: per column its type, nulls, distinct values, summary, histogram or top values (GET .../stats)."""
        return self._client._transport.json("GET", f"{self.url_path}/stats")

    def preview(self, rows: int = 20) -> pd.DataFrame:
        """The first `rows` rows (at most 1,000), typed as `types` says."""
        answer = self._client._transport.json("GET", f"{self.url_path}/preview", params={"rows": rows})
        columns = self.columns
        records = [dict(zip(columns, row)) if isinstance(row, list) else row for row in answer["rows"]]
        return typed_frame(records, columns, self.types)

    def to_pandas(self) -> pd.DataFrame:
        """The whole table as stored, typed as `types` says (see doppel_client.frames for the dtypes)."""
        return typed_frame(self._json_rows(), self.columns, self.types)

    def set_types(self, types: Mapping[str, str]) -> Dataset:
        """Overrides some columns' types (PATCH .../schema); the profile is recomputed. Returns self."""
        self.data = self._client._transport.json("PATCH", f"{self.url_path}/schema", json={"columns": dict(types)})
        return self

    def models(self) -> list[Model]:
        """The models trained on this dataset, newest first."""
        return [Model(self._client, m) for m in self._client._transport.json("GET", "/api/models", params={"datasetId": self.id})]

    def train(
        self,
        algorithm: str,
        *,
        wait: bool = False,
        seed: int | None = None,
        differential_privacy: Mapping[str, Any] | None = None,
        progress: bool = True,
        poll_interval: float = 1.0,
        timeout: float | None = None,
        **settings: Any,
    ) -> Model:
        """Queues a training of `algorithm` on this dataset and returns its model.

        Args:
            algorithm: a name from `Doppel.algorithms()`, such as "TabularARGN" or "GaussianCopula".
            wait: follow the training until it ends, with a progress bar (epoch, losses); Ctrl-C then cancels
                the training on the server, waits until the server says it stopped, and re-raises
                KeyboardInterrupt. A training that fails raises JobFailedError with the server's reason.
            seed: for a reproducible training.
            differential_privacy: the algorithm's privacy settings (its differentialPrivacySettings), such as
                {"max_epsilon": 5}.
            **settings: the algorithm's settings under the catalogue's names, such as max_epochs=5.
        """
        body: dict[str, Any] = {"datasetId": self.id, "algorithm": algorithm, "settings": settings}
        if seed is not None:
            body["seed"] = seed
        if differential_privacy is not None:
            body["differentialPrivacy"] = dict(differential_privacy)
        return started(
            lambda: Model(self._client, self._client._transport.json("POST", "/api/models/train", json=body)),
            wait=wait,
            progress=progress,
            poll_interval=poll_interval,
            timeout=timeout,
        )
