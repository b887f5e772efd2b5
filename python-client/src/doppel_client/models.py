"""Models: a synthesizer trained on one dataset, which samples, generates and is evaluated."""

from __future__ import annotations

import os
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Union

import pandas as pd

from ._jobs import TERMINAL, Job, started
from ._tables import TableSource, table_file
from .batches import Batch
from .errors import DoppelError, JobFailedError
from .frames import typed_frame, with_anomaly_columns

if TYPE_CHECKING:
    from .datasets import Dataset

# A share of anomalous rows (0.01 for 1 %), or the server's anomalies object (ratio, labelColumn, kindColumn, kinds).
Anomalies = Union[float, Mapping[str, Any], None]


def _anomalies(anomalies: Anomalies) -> dict[str, Any] | None:
    if anomalies is None:
        return None
    if isinstance(anomalies, (int, float)):
        return {"inject": True, "ratio": float(anomalies)}
    return {"inject": True, **dict(anomalies)}


def _given(
    conditions: Mapping[str, Any] | None,
    partial_rows: Sequence[Mapping[str, Any]] | None,
    shares: Mapping[str, Mapping[str, float]] | None,
    rules_off: Sequence[str] | None,
) -> dict[str, Any]:
    given = {"conditions": conditions, "partialRows": partial_rows, "shares": shares, "rulesOff": rules_off}
    return {k: (dict(v) if isinstance(v, Mapping) else list(v)) for k, v in given.items() if v is not None}


def _training_progress(state: dict[str, Any]) -> tuple[float, float | None, str]:
    """Percent done and a line such as "training, epoch 3/10, loss=0.412" from a model's status."""
    status = state.get("status")
    if status == "PENDING":
        position = state.get("queuePosition")
        return 0.0, 100.0, "queued" + (f" (position {position})" if position else "")
    progress = state.get("progress") or {}
    epoch, epochs = progress.get("epoch"), progress.get("epochs")
    if progress.get("fraction") is not None:
        percent = 100.0 * float(progress["fraction"])
    elif epoch is not None and epochs:
        percent = 100.0 * epoch / epochs
    else:
        percent = 100.0 if status == "COMPLETED" else 0.0
    details = [str(progress.get("stage") or str(status).lower())]
    if epoch is not None:
        details.append(f"epoch {epoch}/{epochs}" if epochs else f"epoch {epoch}")
    details += [f"{name}={value:.4g}" for name, value in (progress.get("metrics") or {}).items() if isinstance(value, (int, float))]
    return round(percent, 1), 100.0, ", ".join(details)


class Model(Job):
    """A trained or training synthesizer (GET /api/models/{id}); `status` is PENDING, TRAINING, COMPLETED, FAILED or
    CANCELLED. `wait()` shows percent, epoch and losses."""

    _path = "/api/models"
    _unit = "%"

    def _what(self) -> str:
        return f"training {self.algorithm} (model {self.id})"

    def _measure(self, state: dict[str, Any]) -> tuple[float, float | None, str]:
        return _training_progress(state)

    @property
    def dataset_id(self) -> int:
        return int(self.data["datasetId"])

    @property
    def algorithm(self) -> str:
        return str(self.data["algorithm"])

    @property
    def progress(self) -> dict[str, Any] | None:
        """While training: stage, epoch, epochs, fraction, metrics (losses) and elapsedSeconds."""
        return self.data.get("progress")

    @property
    def error(self) -> str | None:
        """Why the training failed, when it did."""
        return self.data.get("error")

    @property
    def rules(self) -> list[dict[str, Any]]:
        """The rules found between columns (id, kind, columns, text, realShare); generation keeps them unless switched off."""
        return list(self.data.get("rules") or [])

    def dataset(self) -> Dataset:
        """The dataset the model learned."""
        return self._client.dataset(self.dataset_id)

    def sample(
        self,
        n: int = 100,
        *,
        seed: int | None = None,
        conditions: Mapping[str, Any] | None = None,
        partial_rows: Sequence[Mapping[str, Any]] | None = None,
        shares: Mapping[str, Mapping[str, float]] | None = None,
        anomalies: Anomalies = None,
        rules_off: Sequence[str] | None = None,
    ) -> pd.DataFrame:
        """`n` rows made within the request (POST .../sample, at most 10,000 by default), typed by the dataset's types.

        Args:
            seed: the same seed gives the same rows; the seed used is in the frame's `attrs["seed"]`.
            conditions: fixed values every row carries, such as {"species": "Gentoo"}.
            partial_rows: one row per dict, its given values kept and the others filled in by the model (then `n`
                is ignored).
            shares: target shares of one categorical column, such as {"sex": {"male": 0.5, "female": 0.5}}.
            anomalies: a share of labelled anomalous rows (0.1), or the server's anomalies object.
            rules_off: ids of the model's rules (`rules`) the rows need not keep.

        At most one of conditions, partial_rows and shares; a condition the model cannot meet raises
        ValidationError naming the field and the column.
        """
        spec = _anomalies(anomalies)
        body: dict[str, Any] = {"rows": n, **_given(conditions, partial_rows, shares, rules_off)}
        if seed is not None:
            body["seed"] = seed
        if spec is not None:
            body["anomalies"] = spec
        answer = self._client._transport.json("POST", f"{self.url_path}/sample", json=body)
        frame = typed_frame(answer["rows"], list(answer["columns"]), with_anomaly_columns(self._client._dataset_types(self.dataset_id), spec))
        frame.attrs["seed"] = answer["seed"]
        return frame

    def generate(
        self,
        n: int | None = None,
        *,
        seed: int | None = None,
        anomalies: Anomalies = None,
        conditions: Mapping[str, Any] | None = None,
        partial_rows: Sequence[Mapping[str, Any]] | None = None,
        shares: Mapping[str, Mapping[str, float]] | None = None,
        rules_off: Sequence[str] | None = None,
        wait: bool = True,
        progress: bool = True,
        poll_interval: float = 1.0,
        timeout: float | None = None,
    ) -> Batch:
        """Queues a batch of `n` rows (POST /api/generate), stored on the server; returns it.

        `anomalies` of 0.01 makes exactly round(0.01 x n) rows anomalous, labelled in the is_anomaly column (pass
        the server's object for other label or kind columns, or kinds). The other options are those of
        `sample()`. With `wait`, a bar of rows follows the generation, and Ctrl-C cancels it on the server.
        """
        body: dict[str, Any] = {"modelId": self.id, **_given(conditions, partial_rows, shares, rules_off)}
        if n is not None:
            body["count"] = n
        if seed is not None:
            body["seed"] = seed
        spec = _anomalies(anomalies)
        if spec is not None:
            body["anomalies"] = spec
        return started(
            lambda: Batch(self._client, self._client._transport.json("POST", "/api/generate", json=body)),
            wait=wait,
            progress=progress,
            poll_interval=poll_interval,
            timeout=timeout,
        )

    def impute(self, table: TableSource, *, seed: int | None = None, wait: bool = True, progress: bool = True) -> Batch:
        """Queues a batch with the rows of `table` (every column of the dataset), each empty cell filled by the model."""
        file_name, content = table_file(table, "impute", None)
        params = {"seed": seed} if seed is not None else None

        def create() -> Batch:
            with content:
                return Batch(self._client, self._client._transport.json("POST", f"{self.url_path}/impute", files={"file": (file_name, content)}, params=params))

        return started(create, wait=wait, progress=progress)

    def batches(self) -> list[Batch]:
        """The batches generated from this model, newest first."""
        return [Batch(self._client, b) for b in self._client._transport.json("GET", f"{self.url_path}/batches")]

    def evaluation(self, *, wait: bool = True, poll_interval: float = 2.0, timeout: float | None = 1800.0) -> dict[str, Any]:
        """The quality and privacy report (GET .../evaluation): status, qualityScore, privacyScore and the full `report`.

        The evaluation runs by itself after training; with `wait` this polls until it is done (waiting for the
        training first). An evaluation that failed raises JobFailedError; without `wait`, one still running
        answers with its status only.
        """
        if wait and self.status not in TERMINAL:
            self.wait(progress=False, poll_interval=poll_interval, timeout=timeout)
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            response = self._client._transport.request("GET", f"{self.url_path}/evaluation")
            evaluation: dict[str, Any] = response.json()
            if response.status_code != 202 or not wait:
                break
            if deadline is not None and time.monotonic() > deadline:
                raise DoppelError(f"the evaluation of model {self.id} did not finish within {timeout} seconds")
            time.sleep(poll_interval)
        if evaluation.get("status") == "FAILED":
            raise JobFailedError(f"the evaluation of model {self.id} failed: {evaluation.get('error') or 'the server gave no reason'}", evaluation)
        return evaluation

    def evaluate(self, target: str | None = None, *, wait: bool = True) -> dict[str, Any]:
        """Evaluates the model again (POST .../evaluation), optionally naming the column the utility test predicts."""
        body = {"target": target} if target is not None else {}
        started = self._client._transport.json("POST", f"{self.url_path}/evaluation", json=body)
        return self.evaluation() if wait else started

    def evaluation_frame(self) -> pd.DataFrame:
        """One row per column of the table: its type, whether the quality score covers it, the metric and its score,
        or the reason it is left out (the report's fidelity.columns)."""
        report = self.evaluation().get("report") or {}
        columns = (report.get("fidelity") or {}).get("columns") or []
        frame = pd.DataFrame.from_records(columns, columns=["column", "type", "scored", "metric", "score", "reason"])
        frame["score"] = frame["score"].astype("float64")
        return frame.set_index("column")

    def report_html(self, path: str | os.PathLike[str]) -> Path:
        """Saves the evaluation as one self-contained HTML page (waiting for the evaluation first); returns the path."""
        self.evaluation()
        return self._client._transport.download(f"{self.url_path}/evaluation/report", path, progress=False)
