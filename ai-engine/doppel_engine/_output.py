"""Typed rows written as the real table writes them: CSV text and Arrow (Parquet) columns."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa

from ._schema import (
    local_format,
    write_numbers,
)
from ._table_profile import Profile

# ---------------------------------------------------------------------------------------------
# output


def format_datetimes(seconds: pd.Series, fmt: str, zone: dict | None = None) -> list:
    """UTC epoch seconds written in ``fmt``, as local times of ``zone`` when the source has one."""
    local = seconds.to_numpy(dtype=float) + (zone["offset_s"] if zone else 0.0)
    values = pd.to_datetime(local * 1e9, unit="ns", errors="coerce")
    text = pd.Series(values).dt.strftime(local_format(fmt, zone))
    return text.where(pd.notna(values), None).tolist()


def csv_frame(typed: pd.DataFrame, profile: Profile) -> pd.DataFrame:
    """Values as the real CSV writes them: booleans with their tokens, numbers in their layout,
    datetimes in their format and time zone, missing values with the column's null token."""
    out = {}
    for prof in profile.columns:
        name = prof.name
        values = typed[name]
        kind = prof.type
        if kind == "id" or kind in ("categorical", "text"):
            out[name] = values.astype(object)
        elif kind in ("integer", "float") and prof.number_layout:
            decimals = 0 if kind == "integer" or prof.write_as_integer else prof.decimals
            written = write_numbers(values.to_numpy(dtype=float), prof.number_layout, decimals, bool(prof.fixed_decimals))
            out[name] = pd.Series(written, index=values.index, dtype=object)
        elif kind == "integer" or (kind == "float" and prof.write_as_integer):
            out[name] = pd.array(np.round(values.to_numpy(dtype=float)), dtype="Float64").astype("Int64")
        elif kind == "float" and prof.fixed_decimals:
            out[name] = values.map(lambda v, d=prof.decimals: None if pd.isna(v) else f"{v:.{d}f}").astype(object)
        elif kind == "float":
            out[name] = values.astype(float)
        elif kind == "datetime":
            out[name] = pd.Series(format_datetimes(values, prof.format, prof.zone), index=values.index, dtype=object)
        elif kind == "boolean":
            tokens = prof.tokens
            out[name] = values.map({1.0: tokens["true"], 0.0: tokens["false"]}).astype(object)
        if prof.null_token:
            written = pd.Series(out[name], index=values.index).astype(object)
            out[name] = written.where(written.notna(), prof.null_token)
    for extra in typed.columns[len(profile.columns) :]:
        out[extra] = typed[extra]
    return pd.DataFrame(out, index=typed.index)


def arrow_schema(profile: Profile, extra: list[tuple[str, pa.DataType]]) -> pa.Schema:
    fields = []
    for prof in profile.columns:
        kind = prof.type
        if kind == "id":
            dtype = pa.int64() if prof.id_kind == "integer" else pa.string()
        elif kind == "integer":
            dtype = pa.int64()
        elif kind == "float":
            dtype = pa.float64()
        elif kind == "datetime":
            dtype = pa.timestamp("us")
        elif kind == "boolean":
            dtype = pa.bool_()
        else:
            dtype = pa.string()
        fields.append(pa.field(prof.name, dtype))
    fields.extend(pa.field(name, dtype) for name, dtype in extra)
    return pa.schema(fields)


def arrow_table(typed: pd.DataFrame, profile: Profile, schema: pa.Schema) -> pa.Table:
    arrays = []
    for field in schema:
        values = typed[field.name]
        prof = next((p for p in profile.columns if p.name == field.name), None)
        kind = prof.type if prof else None
        if kind == "datetime":
            seconds = values.to_numpy(dtype=float)
            micros = np.round(seconds * 1e6)
            mask = np.isnan(micros)
            arrays.append(pa.array(np.where(mask, 0, micros).astype(np.int64), type=pa.int64(), mask=mask).cast(field.type))
        elif pa.types.is_boolean(field.type) and kind == "boolean":
            arr = values.to_numpy(dtype=float)
            mask = np.isnan(arr)
            arrays.append(pa.array(np.where(mask, 0, arr).astype(bool), mask=mask))
        elif pa.types.is_int64(field.type):
            if kind == "id":
                arrays.append(pa.array([None if v is None else int(v) for v in values], type=pa.int64()))
            else:
                arr = values.to_numpy(dtype=float)
                mask = np.isnan(arr)
                arrays.append(pa.array(np.where(mask, 0, np.round(arr)).astype(np.int64), mask=mask))
        elif pa.types.is_float64(field.type):
            arrays.append(pa.array(values.to_numpy(dtype=float), from_pandas=True))
        else:
            arrays.append(pa.array(values.tolist(), type=field.type, from_pandas=True))
    return pa.Table.from_arrays(arrays, schema=schema)
