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
