"""The column schema: parsing the platform's schema, a simple fallback inference, typed conversion."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ._constants import COLUMN_TYPES
from ._errors import EngineError
from ._events import EventCallback

TRUE_TOKENS = {"true", "t", "yes", "y", "1"}
FALSE_TOKENS = {"false", "f", "no", "n", "0"}
DATETIME_CANDIDATES = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%d %H:%M:%S.%f",
    "%Y-%m-%dT%H:%M:%S.%f",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
    "%d/%m/%Y %H:%M:%S",
    "%m/%d/%Y %H:%M:%S",
    "%d/%m/%Y",
    "%m/%d/%Y",
    "%Y/%m/%d",
    "%d.%m.%Y",
)
ISO_FORMAT = "%Y-%m-%d %H:%M:%S"
_INT_RE = re.compile(r"^[+-]?\d+$")


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    datetime_format: str | None = None

    def to_json(self) -> dict:
        out = {"name": self.name, "type": self.type}
        if self.datetime_format:
            out["datetimeFormat"] = self.datetime_format
        return out


def parse_columns(raw: object) -> list[Column]:
    """Validate the ``columns`` list of a config or metadata document."""
    if not isinstance(raw, list) or not raw:
        raise EngineError("invalid_config", "'columns' must be a non-empty list of {name, type} objects")
    columns: list[Column] = []
    seen: set[str] = set()
    for i, item in enumerate(raw):
        if not isinstance(item, dict) or not isinstance(item.get("name"), str) or not item.get("name"):
            raise EngineError("invalid_config", f"columns[{i}] must be an object with a non-empty string 'name'")
        name = item["name"]
        ctype = item.get("type")
        if not isinstance(ctype, str) or ctype.lower() not in COLUMN_TYPES:
            raise EngineError(
                "invalid_config",
                f"column '{name}' has type {ctype!r}; allowed types: {', '.join(COLUMN_TYPES)}",
            )
        fmt = item.get("datetimeFormat")
        if fmt is not None and (not isinstance(fmt, str) or "%" not in fmt):
            raise EngineError("invalid_config", f"column '{name}': datetimeFormat must be a strftime pattern such as '%Y-%m-%d'")
        if name in seen:
            raise EngineError("invalid_config", f"column '{name}' appears twice in 'columns'")
        seen.add(name)
        columns.append(Column(name, ctype.lower(), fmt if ctype.lower() == "datetime" else None))
    return columns


def check_against_data(columns: list[Column], data_columns: list[str]) -> None:
    present = set(data_columns)
    missing = [c.name for c in columns if c.name not in present]
    if missing:
        raise EngineError("column_missing", f"columns in the schema but not in the data: {', '.join(missing)}")
    declared = {c.name for c in columns}
    extra = [c for c in data_columns if c not in declared]
    if extra:
        raise EngineError("column_not_in_schema", f"columns in the data but not in the schema: {', '.join(extra)}")


# ---------------------------------------------------------------------------------------------
# inference (fallback when the platform sends no schema)


def _guess_datetime_format(values: pd.Series) -> str | None:
    probe = values.head(500)
    for fmt in DATETIME_CANDIDATES:
        parsed = pd.to_datetime(probe, format=fmt, errors="coerce")
        if parsed.notna().all():
            if pd.to_datetime(values, format=fmt, errors="coerce").notna().all():
                return fmt
    return None


def _infer_one(name: str, series: pd.Series) -> Column:
    dtype = series.dtype
    if pd.api.types.is_bool_dtype(dtype):
        return Column(name, "boolean")
    if pd.api.types.is_integer_dtype(dtype):
        return Column(name, "id" if _looks_like_id(name, series) else "integer")
    if pd.api.types.is_float_dtype(dtype):
        return Column(name, "float")
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return Column(name, "datetime", ISO_FORMAT)
    values = series.dropna().astype(str)
    if values.empty:
        return Column(name, "categorical")
    lowered = set(values.str.lower().unique()[:3])
    if len(lowered) == 2 and lowered <= TRUE_TOKENS | FALSE_TOKENS and lowered != {"0", "1"}:
        return Column(name, "boolean")
    if values.str.match(_INT_RE).all():
        return Column(name, "id" if _looks_like_id(name, values) else "integer")
    if pd.to_numeric(values, errors="coerce").notna().all():
        return Column(name, "float")
    fmt = _guess_datetime_format(values)
    if fmt:
        return Column(name, "datetime", fmt)
    if _looks_like_id(name, values):
        return Column(name, "id")
    if values.nunique() > 0.9 * len(values) and values.str.len().mean() > 20:
        return Column(name, "text")
    return Column(name, "categorical")


def _looks_like_id(name: str, values: pd.Series) -> bool:
    lowered = name.lower()
    named = lowered in ("id", "uuid", "rownames", "index", "key") or lowered.endswith("_id")
    return named and values.dropna().is_unique


def infer_columns(frame: pd.DataFrame) -> list[Column]:
    return [_infer_one(name, frame[name]) for name in frame.columns]


# ---------------------------------------------------------------------------------------------
# conversion to typed frames


def _coerced(on_event: EventCallback, column: str, bad: pd.Series, what: str) -> None:
    if len(bad):
        on_event(
            {
                "event": "warning",
                "code": "values_coerced_to_null",
                "column": column,
                "message": f"column '{column}': {len(bad)} value(s) are not {what} and were treated as null (first: {str(bad.iloc[0])[:40]!r})",
            }
        )


def to_number(series: pd.Series, name: str, on_event: EventCallback) -> pd.Series:
    if pd.api.types.is_bool_dtype(series.dtype):
        return series.astype(float)
    numbers = pd.to_numeric(series, errors="coerce").astype(float)
    numbers[~np.isfinite(numbers)] = np.nan
    _coerced(on_event, name, series[numbers.isna() & series.notna()], "numbers")
    return numbers


def to_datetime(series: pd.Series, name: str, fmt: str | None, on_event: EventCallback) -> tuple[pd.Series, str]:
    if pd.api.types.is_datetime64_any_dtype(series.dtype):
        parsed = series
        if getattr(parsed.dt, "tz", None) is not None:
            parsed = parsed.dt.tz_convert("UTC").dt.tz_localize(None)
        return parsed.astype("datetime64[ns]"), fmt or ISO_FORMAT
    text = series.astype(object).where(series.notna(), None)
    if fmt is None:
        fmt = _guess_datetime_format(text.dropna().astype(str)) if text.notna().any() else None
    if fmt is None:
        parsed = pd.to_datetime(text, errors="coerce", format="mixed")
        fmt = ISO_FORMAT
    else:
        parsed = pd.to_datetime(text, errors="coerce", format=fmt)
    if getattr(parsed.dt, "tz", None) is not None:
        parsed = parsed.dt.tz_convert("UTC").dt.tz_localize(None)
    _coerced(on_event, name, text[parsed.isna() & text.notna()], f"datetimes in format {fmt}")
    return parsed.astype("datetime64[ns]"), fmt


def to_boolean(series: pd.Series, name: str, on_event: EventCallback) -> tuple[pd.Series, dict]:
    """Booleans as an object series of True/False/None plus the tokens the file uses."""
    if pd.api.types.is_bool_dtype(series.dtype):
        return series.astype(object), {"true": "true", "false": "false", "native": True}
    text = series.astype(object).where(series.notna(), None)
    as_str = text.dropna().astype(str)
    lowered = as_str.str.strip().str.lower()
    is_true = lowered.isin(TRUE_TOKENS)
    is_false = lowered.isin(FALSE_TOKENS)
    out = pd.Series([None] * len(series), index=series.index, dtype=object)
    out[is_true[is_true].index] = True
    out[is_false[is_false].index] = False
    _coerced(on_event, name, as_str[~(is_true | is_false)], "boolean tokens")
    tokens = {
        "true": as_str[is_true].mode().iloc[0] if is_true.any() else "true",
        "false": as_str[is_false].mode().iloc[0] if is_false.any() else "false",
        "native": False,
    }
    return out, tokens


def to_text(series: pd.Series) -> pd.Series:
    out = series.astype(object).where(series.notna(), None)
    if not pd.api.types.is_object_dtype(series.dtype) or not all(isinstance(v, str) for v in out.dropna().head(100)):
        out = out.map(lambda v: None if v is None else str(v))
    return out


def decimals_of(raw: pd.Series, numbers: pd.Series) -> int:
    """Number of decimals the real values are written with (max over values, capped at 10)."""
    if raw.dtype == object and len(raw.dropna()) and isinstance(raw.dropna().iloc[0], str):
        text = raw.dropna().astype(str)
        text = text[~text.str.contains("[eE]", regex=True)]
        parts = text.str.split(".", n=1, expand=True)
        if parts.shape[1] < 2:
            return 0
        return int(min(parts[1].dropna().str.len().max() if parts[1].notna().any() else 0, 10))
    values = numbers.dropna().to_numpy()
    for d in range(11):
        if np.allclose(values, np.round(values, d), rtol=0, atol=1e-9):
            return d
    return 10


def written_with_fixed_decimals(raw: pd.Series, decimals: int) -> bool:
    """Whether every value of a text column is written with exactly ``decimals`` decimals (``2.50``)."""
    if decimals == 0 or raw.dtype != object:
        return False
    text = raw.dropna().astype(str).str.strip()
    return len(text) > 0 and bool(text.str.fullmatch(rf"[+-]?\d*\.\d{{{decimals}}}").all())


def datetime_resolution(fmt: str) -> float:
    """Seconds between two consecutive values the format can express."""
    if "%f" in fmt:
        return 1e-6
    if any(x in fmt for x in ("%S", "%T", "%X", "%c", "%s")):
        return 1.0
    if "%M" in fmt or "%R" in fmt:
        return 60.0
    if "%H" in fmt or "%I" in fmt:
        return 3600.0
    return 86400.0
