"""From Doppel's column types to pandas dtypes: the one place that says which dtype each type becomes.

| Doppel type | pandas dtype | with nulls |
| --- | --- | --- |
| integer | int64 | Int64 (pandas' nullable integer) |
| float | float64 | float64 (NaN) |
| boolean | bool | boolean (pandas' nullable boolean) |
| datetime | datetime64[ns] | datetime64[ns] (NaT) |
| categorical, id, text | object (str) | object (None) |

Rows arrive as Doppel's JSON spells them (numbers, true/false, ISO-8601 datetimes, strings). A column
whose values do not all fit its type, such as a cell an anomaly made unreadable, stays object.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Callable

import pandas as pd

# Every type the server names (GET /api/datasets/{id} columns[].type).
COLUMN_TYPES = ("integer", "float", "categorical", "boolean", "datetime", "id", "text")


def _integer(values: pd.Series) -> pd.Series:
    converted = pd.to_numeric(values).astype("Int64")
    return converted if converted.hasnans else converted.astype("int64")


def _float(values: pd.Series) -> pd.Series:
    return pd.to_numeric(values).astype("float64")


def _boolean(values: pd.Series) -> pd.Series:
    if not all(v is None or isinstance(v, bool) for v in values):
        raise ValueError("not every value is true, false or null")
    converted = values.astype("boolean")
    return converted if converted.hasnans else converted.astype("bool")


def _datetime(values: pd.Series) -> pd.Series:
    return pd.to_datetime(values, format="ISO8601")


def _text(values: pd.Series) -> pd.Series:
    return values.map(lambda v: v if v is None or isinstance(v, str) else str(v)).astype("object")


_CONVERSIONS: dict[str, Callable[[pd.Series], pd.Series]] = {
    "integer": _integer,
    "float": _float,
    "boolean": _boolean,
    "datetime": _datetime,
    "categorical": _text,
    "id": _text,
    "text": _text,
}


def typed_frame(rows: Iterable[Mapping[str, Any]], columns: list[str], types: Mapping[str, str]) -> pd.DataFrame:
    """A DataFrame of `rows` (dicts in Doppel's JSON spelling) with `columns` in order, each converted by its type in `types`.

    A column `types` does not name keeps the values as they came.
    """
    frame = pd.DataFrame.from_records(list(rows), columns=columns)
    for column in columns:
        convert = _CONVERSIONS.get(types.get(column, ""))
        if convert is None:
            continue
        raw = frame[column].astype("object").where(frame[column].notna(), None)
        try:
            frame[column] = convert(raw)
        except (ValueError, TypeError, OverflowError):
            frame[column] = raw
    return frame


def with_anomaly_columns(types: Mapping[str, str], anomalies: Mapping[str, Any] | None) -> dict[str, str]:
    """`types` plus the columns that label anomalies (`anomalies` as the API spells it): the label a boolean
    (is_anomaly unless `labelColumn` names another or is null), the kind a category."""
    typed = dict(types)
    if anomalies is not None:
        label = anomalies.get("labelColumn", "is_anomaly")
        if label:
            typed[label] = "boolean"
        if anomalies.get("kindColumn"):
            typed[anomalies["kindColumn"]] = "categorical"
    return typed
