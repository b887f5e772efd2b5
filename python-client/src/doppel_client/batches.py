"""Batches: synthetic tables generated from a model, stored on the server until deleted."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pandas as pd

from . import _jobs
from ._resource import Resource
from ._tables import download_params
from .errors import ConflictError
from .frames import typed_frame


def _rows_done(state: dict[str, Any]) -> tuple[float, float | None, str]:
    progress = state.get("progress") or {}
    status = str(state.get("status", "")).lower()
    return float(progress.get("rows") or 0), float(progress.get("total") or state.get("requestedRows") or 0) or None, status


class Batch(Resource):
    """A generated batch (GET /api/synthetic/{id})."""

    _path = "/api/synthetic"

    @property
    def model_id(self) -> int:
        return int(self.data["modelId"])

    @property
    def status(self) -> str:
        """PENDING, GENERATING, COMPLETED, FAILED or CANCELLED, as last read."""
        return str(self.data["status"])

    @property
    def row_count(self) -> int | None:
        """Rows in the file once completed."""
        return self.data.get("rowCount")

    @property
    def anomaly_rows(self) -> int | None:
        """Rows labelled as anomalies once completed."""
        return self.data.get("anomalyRows")

    def wait(self, *, progress: bool = True, poll_interval: float = 1.0, timeout: float | None = None, cancel_on_interrupt: bool = False) -> Batch:
        """Follows the generation until it ends, with a bar of rows; returns self.

        Raises JobFailedError (with the server's reason) or JobCancelledError when it did not complete. With
        `cancel_on_interrupt`, Ctrl-C cancels the generation on the server before KeyboardInterrupt goes on.
        """
        try:
            self.data = _jobs.follow(
                lambda: self.refresh().data,
                _rows_done,
                what=f"batch {self.id}",
                unit="rows",
                progress=progress,
                poll_interval=poll_interval,
                timeout=timeout,
            )
        except KeyboardInterrupt:
            if cancel_on_interrupt:
                self.cancel(wait=True)
            raise
        return self

    def cancel(self, *, wait: bool = True, timeout: float = 60.0) -> Batch:
        """Asks the server to stop the generation; with `wait`, until it says it stopped. Returns self.

        A batch that already finished is left as it is.
        """
        try:
            self.data = self._client._transport.json("POST", f"{self.url_path}/cancel")
        except ConflictError:
            self.refresh()
        if wait:
            self.data = _jobs.wait_until_stopped(lambda: self.refresh().data, poll_interval=0.5, timeout=timeout)
        return self

    def _types(self) -> dict[str, str]:
        model = self._client._transport.json("GET", f"/api/models/{self.model_id}")
        types = dict(self._client._dataset_types(int(model["datasetId"])))
        anomalies = self.data.get("anomalies") or {}
        if anomalies.get("labelColumn"):
            types[anomalies["labelColumn"]] = "boolean"
        if anomalies.get("kindColumn"):
            types[anomalies["kindColumn"]] = "categorical"
        return types

    def to_pandas(self) -> pd.DataFrame:
        """The batch's rows, typed by the dataset's column types (see doppel_client.frames); the anomaly label is bool.

        Waits for the generation first if it has not ended. For a batch too large for memory, use download().
        """
        if self.status not in _jobs.TERMINAL:
            self.wait()
        types = self._types()
        rows = list(self._client._transport.json_lines(f"{self.url_path}/download", params={"format": "jsonl"}))
        columns = list(rows[0]) if rows else list(types)
        return typed_frame(rows, columns, types)

    def download(
        self,
        path: str | os.PathLike[str],
        format: str = "csv",  # noqa: A002 - the server's name for it
        *,
        compress: bool = False,
        delimiter: str | None = None,
        dialect: str | None = None,
        table: str | None = None,
        neutralise_formulas: bool | None = None,
        progress: bool = True,
    ) -> Path:
        """Streams the batch to `path` with a bar of bytes; returns the path. A download cut short leaves no file.

        Args:
            format: csv, json (an array of objects), jsonl, sql (CREATE TABLE and INSERTs) or parquet.
            compress: gzip the file.
            delimiter: CSV: ",", ";", "|" or "\\t".
            dialect: SQL: "mysql" (the default) or "postgresql".
            table: SQL: the table's name (synthetic_data by default).
            neutralise_formulas: CSV: False writes text cells starting with = + - @ unchanged (by default they get a
                leading ' so spreadsheets do not run them).
        """
        params = download_params(format, compress=compress, delimiter=delimiter, dialect=dialect, table=table, neutralise_formulas=neutralise_formulas)
        return self._client._transport.download(f"{self.url_path}/download", path, params=params, progress=progress)
