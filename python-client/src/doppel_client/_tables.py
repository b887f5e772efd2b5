"""Tables sent to the server: a DataFrame serialised, or a file sent as it is."""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import IO, Union

import pandas as pd

TableSource = Union[pd.DataFrame, str, "os.PathLike[str]"]


def has_pyarrow() -> bool:
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        return False
    return True


def require_pyarrow(why: str) -> None:
    if not has_pyarrow():
        raise ImportError(f"{why} needs pyarrow: pip install 'doppel-client[parquet]'")


def table_file(source: TableSource, stem: str, file_format: str | None) -> tuple[str, IO[bytes]]:
    """The (file name, content) of a multipart `file` part.

    A DataFrame is written without its index as Parquet (`file_format` "parquet", the default when pyarrow is
    installed) or CSV ("csv", the default otherwise); a path is sent as it is, under its own name.
    """
    if isinstance(source, pd.DataFrame):
        chosen = file_format or ("parquet" if has_pyarrow() else "csv")
        buffer = io.BytesIO()
        if chosen == "parquet":
            require_pyarrow("sending a DataFrame as Parquet")
            source.to_parquet(buffer, index=False)
        elif chosen == "csv":
            source.to_csv(buffer, index=False)
        else:
            raise ValueError(f"file_format must be 'parquet' or 'csv', not {chosen!r}")
        buffer.seek(0)
        return f"{stem}.{chosen}", buffer
    if file_format is not None:
        raise ValueError("file_format applies to a DataFrame only: a file is sent as it is")
    path = Path(source)
    return path.name, path.open("rb")


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
