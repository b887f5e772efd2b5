"""The profile of a real table, and tables read back as typed values.

Every column is profiled against the platform's schema (bounds, precision, category set, null
ratio, boolean tokens, datetime format, spellings) and the table's rules are found.

Typed ("internal") frames use: floats for integer/float/datetime (epoch seconds)/boolean (1/0)
columns with NaN for null, Python strings or None for categorical/text, ints or strings for ids.
"""

from __future__ import annotations

from collections import Counter

import numpy as np
import pandas as pd

from ._events import EventCallback, ignore
from ._grid import detect_support
from ._output import format_datetimes
from ._rules import find_rules
from ._schema import (
    Column,
    datetime_resolution,
    decimals_of,
    number_layout,
    plain_numbers,
    to_boolean,
    to_datetime,
    to_number,
    to_text,
    written_with_fixed_decimals,
    zone_of,
)
from ._table_profile import ColumnProfile, Profile

CATEGORY_STORE_LIMIT = 10_000
_EPOCH = np.datetime64("1970-01-01T00:00:00", "ns")


# ---------------------------------------------------------------------------------------------
# profiling


def _seconds(parsed: pd.Series) -> pd.Series:
    values = parsed.to_numpy(dtype="datetime64[ns]")
    out = (values - _EPOCH) / np.timedelta64(1, "s")
    out = np.where(pd.isna(values), np.nan, out)
    return pd.Series(out.astype(float), index=parsed.index)


def _id_profile(series: pd.Series) -> dict:
    values = series.dropna()
    as_text = values.astype(str)
    # Zero-padded codes ("00123") are not integers: they keep their width as strings of digits.
    if len(values) and as_text.str.fullmatch(r"[+-]?\d+").all() and not as_text.str.match(r"[+-]?0\d").any():
        return {"id_kind": "integer", "start": 1}
    digits = as_text.str.extract(r"^(.*?)(\d+)$")
    if len(values) and digits[0].notna().all() and digits[0].nunique() == 1:
        return {"id_kind": "string", "prefix": str(digits[0].iloc[0]), "width": int(digits[1].str.len().max())}
    return {"id_kind": "string", "prefix": "id-", "width": 0}


def profile_table(
    raw: pd.DataFrame, columns: list[Column], *, max_categories: int, on_event: EventCallback, null_tokens: dict[str, str] | None = None
) -> tuple[pd.DataFrame, Profile]:
    """Convert the raw frame to typed values and describe every column.

    ``null_tokens`` (CSV sources) gives the token each column writes missing values with; columns
    without missing values get the table's most frequent one, should they ever need one.
    Returns the typed frame and the profile (its rules: see _rules.py).
    """
    typed = {}
    profiles = []
    n = len(raw)
    usual_null_token = Counter((null_tokens or {}).values()).most_common(1)
    for col in columns:
        series = raw[col.name]
        prof: dict = {"name": col.name, "type": col.type, "role": "model"}
        null_token = (null_tokens or {}).get(col.name, usual_null_token[0][0] if usual_null_token else "")
        if null_token:
            prof["null_token"] = null_token
        if col.type in ("integer", "float"):
            layout = number_layout(series)
            if layout is not None:
                series = plain_numbers(series, layout)
                prof["number_layout"] = layout
            values = to_number(series, col.name, on_event)
            if col.type == "integer":
                values = values.round()
            prof["decimals"] = 0 if col.type == "integer" else decimals_of(series, values)
            prof["write_as_integer"] = col.type == "float" and prof["decimals"] == 0 and series.dtype == object
            prof["fixed_decimals"] = col.type == "float" and written_with_fixed_decimals(series, prof["decimals"])
        elif col.type == "datetime":
            parsed, fmt = to_datetime(series, col.name, col.datetime_format, on_event)
            values = _seconds(parsed)
            prof["format"] = fmt
            prof["resolution"] = datetime_resolution(fmt)
            zone = zone_of(series, fmt)
            if zone is not None:
                prof["zone"] = zone
        elif col.type == "boolean":
            flags, tokens = to_boolean(series, col.name, on_event)
            values = flags.map({True: 1.0, False: 0.0}).astype(float)
            prof["tokens"] = tokens
        elif col.type == "id":
            values = series.astype(object).where(series.notna(), None)
            prof.update(_id_profile(values))
            prof["role"] = "id"
        else:
            values = to_text(series)
        typed[col.name] = values
        nulls = int(values.isna().sum())
        prof["null_ratio"] = nulls / n
        nonnull = values.dropna()
        if col.type in ("integer", "float", "datetime") and len(nonnull):
            prof["min"] = float(nonnull.min())
            prof["max"] = float(nonnull.max())
            if col.type in ("integer", "float"):
                prof["support"] = detect_support(nonnull.to_numpy(dtype=float), prof["decimals"])
            if col.type == "datetime":
                prof["min_text"] = format_datetimes(pd.Series([prof["min"]]), prof["format"], prof.get("zone"))[0]
                prof["max_text"] = format_datetimes(pd.Series([prof["max"]]), prof["format"], prof.get("zone"))[0]
        if col.type == "boolean" and len(nonnull):
            prof["true_ratio"] = float(nonnull.mean())
        if col.type in ("categorical", "text"):
            counts = nonnull.value_counts()
            prof["n_unique"] = len(counts)
            prof["categories"] = [str(v) for v in counts.index[:CATEGORY_STORE_LIMIT]]
            prof["weights"] = [int(v) for v in counts.to_numpy()[:CATEGORY_STORE_LIMIT]]
            prof["categories_complete"] = len(counts) <= CATEGORY_STORE_LIMIT
            prof["kept"] = min(len(counts), max_categories)
            if len(counts) > max_categories:
                prof["kept"] = max_categories - 1
                on_event(
                    {
                        "event": "warning",
                        "code": "high_cardinality",
                        "column": col.name,
                        "message": f"column '{col.name}' has {len(counts)} distinct values; the model learns the "
                        f"{max_categories - 1} most frequent and one 'other' level, whose rows are filled with the "
                        f"remaining real values by their frequency (max_categories={max_categories})",
                    }
                )
        if col.type != "id" and nonnull.nunique() <= 1:
            prof["role"] = "constant"
            prof["value"] = None if nonnull.empty else _plain(nonnull.iloc[0])
            on_event(
                {
                    "event": "warning",
                    "code": "constant_column",
                    "column": col.name,
                    "message": f"column '{col.name}' "
                    + ("is always null" if nonnull.empty else f"has the single value {str(prof['value'])[:40]!r}")
                    + "; it is reproduced as is (with its null ratio), not learned",
                }
            )
        if col.type == "id":
            on_event(
                {
                    "event": "warning",
                    "code": "id_column",
                    "column": col.name,
                    "message": f"column '{col.name}' is an id: generated rows get new unique ids, not learned ones",
                }
            )
        profiles.append(ColumnProfile(**prof))
    typed_frame = pd.DataFrame(typed, index=raw.index)
    return typed_frame, Profile(columns=tuple(profiles), rules=tuple(find_rules(typed_frame, profiles, on_event)))


def _plain(value):
    return value.item() if hasattr(value, "item") else value


def typed_rows(raw: pd.DataFrame, profile: Profile) -> pd.DataFrame:
    """A table written from this profile (e.g. generated rows) read back as typed values."""
    typed = {}
    for prof in profile.columns:
        series = raw[prof.name]
        if prof.type in ("integer", "float"):
            typed[prof.name] = to_number(series, prof.name, ignore)
        elif prof.type == "datetime":
            typed[prof.name] = _seconds(to_datetime(series, prof.name, prof.format, ignore)[0])
        elif prof.type == "boolean":
            typed[prof.name] = to_boolean(series, prof.name, ignore)[0].map({True: 1.0, False: 0.0}).astype(float)
        elif prof.type == "id":
            typed[prof.name] = series.astype(object).where(series.notna(), None)
        else:
            typed[prof.name] = to_text(series)
    return pd.DataFrame(typed, index=raw.index)
