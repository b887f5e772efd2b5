"""Batches: synthetic tables generated from a model, stored on the server until deleted."""

from __future__ import annotations

from typing import Any

import pandas as pd

from ._downloads import TableDownload
from ._jobs import TERMINAL, Job
from .frames import typed_frame, with_anomaly_columns


class Batch(Job, TableDownload):
    """A generated batch (GET /api/synthetic/{id}); `status` is PENDING, GENERATING, COMPLETED, FAILED or CANCELLED."""

    _path = "/api/synthetic"
    _unit = "rows"

    def _what(self) -> str:
        return f"batch {self.id}"

    def _measure(self, state: dict[str, Any]) -> tuple[float, float | None, str]:
        progress = state.get("progress") or {}
        status = str(state.get("status", "")).lower()
        return float(progress.get("rows") or 0), float(progress.get("total") or state.get("requestedRows") or 0) or None, status

    @property
    def model_id(self) -> int:
        return int(self.data["modelId"])

    @property
    def row_count(self) -> int | None:
        """Rows in the file once completed."""
        return self.data.get("rowCount")

    @property
    def anomaly_rows(self) -> int | None:
        """Rows labelled as anomalies once completed."""
        return self.data.get("anomalyRows")

    def _types(self) -> dict[str, str]:
        model = self._client._transport.json("GET", f"/api/models/{self.model_id}")
        return with_anomaly_columns(self._client._dataset_types(int(model["datasetId"])), self.data.get("anomalies"))

    def to_pandas(self) -> pd.DataFrame:
        """The batch's rows, typed by the dataset's column types (see doppel_client.frames); the anomaly label is bool.

        Waits for the generation first if it has not ended. For a batch too large for memory, use download().
        """
        if self.status not in TERMINAL:
            self.wait()
        types = self._types()
        rows = list(self._json_rows())
        columns = list(rows[0]) if rows else list(types)
        return typed_frame(rows, columns, types)
