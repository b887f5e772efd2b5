"""Tables the server streams back: an uploaded dataset or a generated batch, in any export format."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ._resource import Resource

DOWNLOAD_FORMATS = ("csv", "json", "jsonl", "sql", "parquet")


def download_params(
    file_format: str, *, compress: bool, delimiter: str | None, dialect: str | None, table: str | None, neutralise_formulas: bool | None
) -> dict[str, str]:
    """The query of a table download (GET /api/synthetic/{id}/download, /api/datasets/{id}/download); absent options take the server's defaults."""
    if file_format not in DOWNLOAD_FORMATS:
        raise ValueError(f"format must be one of {', '.join(DOWNLOAD_FORMATS)}, not {file_format!r}")
    params = {"format": file_format}
    if compress:
        params["compress"] = "gzip"
    if delimiter is not None:
        params["delimiter"] = "tab" if delimiter == "\t" else delimiter
    if dialect is not None:
        params["dialect"] = dialect
    if table is not None:
        params["table"] = table
    if neutralise_formulas is not None:
        params["neutraliseFormulas"] = "true" if neutralise_formulas else "false"
    return params


class TableDownload(Resource):
    """Something the server streams as a table from `<its path>/download`."""

    def _json_rows(self) -> Iterator[dict[str, Any]]:
        return self._client._transport.json_lines(f"{self.url_path}/download", params={"format": "jsonl"})

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
        """Streams the table to `path` with a bar of bytes; returns the path. A download cut short leaves no file.

        Args:
            format: csv, json (an array of objects), jsonl, sql (CREATE TABLE and INSERTs) or parquet.
            compress: gzip the file.
            delimiter: CSV: ",", ";", "|" or "\\t".
            dialect: SQL: "mysql" (the default) or "postgresql".
            table: SQL: the table's name (synthetic_data for a batch, real_data for a dataset by default).
            neutralise_formulas: CSV: False writes text cells starting with = + - @ unchanged (by default they get a
                leading ' so spreadsheets do not run them).
        """
        params = download_params(format, compress=compress, delimiter=delimiter, dialect=dialect, table=table, neutralise_formulas=neutralise_formulas)
        return self._client._transport.download(f"{self.url_path}/download", path, params=params, progress=progress)
