"""The engine's view of a real table: profile, training frame, and restoring sampled rows.

Every column is profiled against the platform's schema (bounds, precision, category set, null
ratio, boolean tokens, datetime format). The synthesizer only ever sees model columns in a plain
form (numbers and datetimes as floats, everything else as strings); id and constant columns are
not learned. Sampled rows are restored to the real table's columns, order and value space.

Typed ("internal") frames use: floats for integer/float/datetime (epoch seconds)/boolean (1/0)
columns with NaN for null, Python strings or None for categorical/text, ints or strings for ids.
"""

from __future__ import annotations

from collections import Counter

import numpy as np
import pandas as pd
import pyarrow as pa

from ._events import EventCallback, ignore
from ._grid import apply_support, detect_support
from ._rules import find_rules, keep, rules_of
from ._schema import (
    Column,
    datetime_resolution,
    decimals_of,
    local_format,
    number_layout,
    plain_numbers,
    to_boolean,
    to_datetime,
    to_number,
    to_text,
    write_numbers,
    written_with_fixed_decimals,
    zone_of,
)

OTHER = "__doppel_other__"
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
) -> tuple[pd.DataFrame, dict]:
    """Convert the raw frame to typed values and describe every column.

    ``null_tokens`` (CSV sources) gives the token each column writes missing values with; columns
    without missing values get the table's most frequent one, should they ever need one.
    Returns the typed frame and the profile: ``{"columns": [...], "rules": [...]}`` (see _rules.py).
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
                prof["min_text"] = _format_datetimes(pd.Series([prof["min"]]), prof["format"], prof.get("zone"))[0]
                prof["max_text"] = _format_datetimes(pd.Series([prof["max"]]), prof["format"], prof.get("zone"))[0]
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
        profiles.append(prof)
    typed_frame = pd.DataFrame(typed, index=raw.index)
    return typed_frame, {"columns": profiles, "rules": find_rules(typed_frame, profiles, on_event)}


def _plain(value):
    return value.item() if hasattr(value, "item") else value


def typed_rows(raw: pd.DataFrame, profile: dict) -> pd.DataFrame:
    """A table written from this profile (e.g. generated rows) read back as typed values."""
    typed = {}
    for prof in profile["columns"]:
        series = raw[prof["name"]]
        if prof["type"] in ("integer", "float"):
            typed[prof["name"]] = to_number(series, prof["name"], ignore)
        elif prof["type"] == "datetime":
            typed[prof["name"]] = _seconds(to_datetime(series, prof["name"], prof["format"], ignore)[0])
        elif prof["type"] == "boolean":
            typed[prof["name"]] = to_boolean(series, prof["name"], ignore)[0].map({True: 1.0, False: 0.0}).astype(float)
        elif prof["type"] == "id":
            typed[prof["name"]] = series.astype(object).where(series.notna(), None)
        else:
            typed[prof["name"]] = to_text(series)
    return pd.DataFrame(typed, index=raw.index)


# ---------------------------------------------------------------------------------------------
# training frame


def training_frame(typed: pd.DataFrame, profile: dict) -> tuple[pd.DataFrame, dict[str, str]]:
    """The frame the synthesizer learns and the sdtype of each of its columns."""
    data = {}
    sdtypes = {}
    for prof in profile["columns"]:
        if prof["role"] != "model":
            continue
        name = prof["name"]
        values = typed[name]
        if prof["type"] in ("integer", "float", "datetime"):
            data[name] = values.astype(float)
            sdtypes[name] = "numerical"
        elif prof["type"] == "boolean":
            data[name] = values.map({1.0: "true", 0.0: "false"}).astype(object)
            sdtypes[name] = "categorical"
        else:
            text = values.astype(object)
            if prof["kept"] < prof["n_unique"]:
                keep = set(prof["categories"][: prof["kept"]])
                text = text.where(~text.notna() | text.isin(keep), OTHER)
            data[name] = text
            sdtypes[name] = "categorical"
    frame = pd.DataFrame(data, index=typed.index)
    frame = frame.astype({c: object for c, t in sdtypes.items() if t == "categorical"})
    return frame.where(frame.notna(), None) if len(sdtypes) else frame, sdtypes


# ---------------------------------------------------------------------------------------------
# restoring sampled rows


def _fill_nulls(values: np.ndarray, fill, rng: np.random.Generator) -> np.ndarray:
    missing = pd.isna(values)
    if missing.any():
        values = values.copy()
        values[missing] = fill(int(missing.sum()), rng)
    return values


def restore(
    sampled: pd.DataFrame,
    profile: dict,
    *,
    rng: np.random.Generator,
    row_offset: int,
    n: int,
    rules: list[dict] | None = None,
    seen: dict | None = None,
) -> pd.DataFrame:
    """Turn ``n`` sampled rows into typed rows of the real table, inside the real bounds, keeping
    ``rules`` (default: every rule of the profile; ``seen``: see _rules.keep)."""
    out = {}
    for prof in profile["columns"]:
        name = prof["name"]
        kind = prof["type"]
        if prof["role"] == "id":
            out[name] = generate_ids(prof, row_offset, n)
            continue
        if prof["role"] == "constant":
            value = prof["value"]
            if kind in ("categorical", "text"):
                column = np.array([value] * n, dtype=object)
                if prof["null_ratio"] > 0:
                    column[rng.random(n) < prof["null_ratio"]] = None
            else:
                column = np.full(n, np.nan if value is None else float(value))
                if prof["null_ratio"] > 0:
                    column[rng.random(n) < prof["null_ratio"]] = np.nan
            out[name] = column
            continue
        raw = sampled[name].to_numpy()
        if kind in ("integer", "float", "datetime"):
            values = pd.to_numeric(pd.Series(raw), errors="coerce").to_numpy(dtype=float)
            lo, hi = prof["min"], prof["max"]
            if prof["null_ratio"] == 0:
                present = values[~np.isnan(values)]
                values = _fill_nulls(
                    values,
                    lambda k, r, p=present, lo=lo: r.choice(p, k) if len(p) else np.full(k, lo),
                    rng,
                )
            step = prof["resolution"] if kind == "datetime" else 10.0 ** -prof["decimals"]
            if kind == "datetime" or step >= 1:
                values = np.round(values / step) * step
            else:
                values = np.round(values, prof["decimals"])
            if prof.get("support"):
                values = np.round(apply_support(values, prof["support"], lo, hi, rng), prof["decimals"])
            out[name] = np.clip(values, lo, hi)
        elif kind == "boolean":
            values = pd.Series(raw, dtype=object).map({"true": 1.0, "false": 0.0, True: 1.0, False: 0.0})
            values = values.to_numpy(dtype=float)
            if prof["null_ratio"] == 0:
                ratio = prof.get("true_ratio", 0.5)
                values = _fill_nulls(values, lambda k, r, p=ratio: (r.random(k) < p).astype(float), rng)
            out[name] = values
        else:
            values = np.array(raw, dtype=object)
            cats = prof["categories"]
            weights = np.asarray(prof["weights"], dtype=float)
            known = set(cats[: prof["kept"]])
            notnull = ~pd.isna(values)
            stray = notnull & ~np.isin(values, list(known))
            if stray.any():
                pool = cats[prof["kept"] :] or cats
                pool_w = weights[prof["kept"] :] if len(cats) > prof["kept"] else weights
                values[stray] = rng.choice(np.array(pool, dtype=object), int(stray.sum()), p=pool_w / pool_w.sum())
            values[~notnull] = None
            if prof["null_ratio"] == 0:
                values = _fill_nulls(values, lambda k, r, c=cats, w=weights: r.choice(np.array(c, dtype=object), k, p=w / w.sum()), rng)
            out[name] = values
    for prof in profile["columns"]:
        if prof["role"] == "model" and 0 < prof["null_ratio"] < 1:
            out[prof["name"]] = _calibrate_nulls(out[prof["name"]], prof, rng)
    frame = pd.DataFrame(out)
    keep(frame, rules_of(profile) if rules is None else rules, profile, rng, seen)
    return frame


def _calibrate_nulls(values: np.ndarray, prof: dict, rng: np.random.Generator) -> np.ndarray:
    """Give the column the real null ratio (undertrained models can be far off).

    The target count is ratio * n with random rounding. Surplus nulls get values drawn from the
    column's non-null synthetic values; missing nulls replace random values.
    """
    n = len(values)
    exact = prof["null_ratio"] * n
    target = int(np.floor(exact) + (rng.random() < exact - np.floor(exact)))
    missing = pd.isna(values)
    current = int(missing.sum())
    if current == target:
        return values
    values = values.copy()
    if current > target:
        present = values[~missing]
        if len(present) == 0:
            if prof["type"] in ("categorical", "text"):
                present = np.array(prof["categories"][:1], dtype=object)
            else:
                present = np.array([prof.get("min", 0.0)])
        fill = rng.choice(np.flatnonzero(missing), current - target, replace=False)
        values[fill] = rng.choice(present, len(fill))
    else:
        drop = rng.choice(np.flatnonzero(~missing), target - current, replace=False)
        values[drop] = None if values.dtype == object else np.nan
    return values


def generate_ids(prof: dict, row_offset: int, n: int) -> np.ndarray:
    numbers = np.arange(row_offset + 1, row_offset + n + 1, dtype=np.int64)
    if prof["id_kind"] == "integer":
        return numbers.astype(object)
    width = prof.get("width", 0)
    prefix = prof.get("prefix", "")
    return np.array([f"{prefix}{i:0{width}d}" for i in numbers], dtype=object)


# ---------------------------------------------------------------------------------------------
# output


def _format_datetimes(seconds: pd.Series, fmt: str, zone: dict | None = None) -> list:
    """UTC epoch seconds written in ``fmt``, as local times of ``zone`` when the source has one."""
    local = seconds.to_numpy(dtype=float) + (zone["offset_s"] if zone else 0.0)
    values = pd.to_datetime(local * 1e9, unit="ns", errors="coerce")
    text = pd.Series(values).dt.strftime(local_format(fmt, zone))
    return text.where(pd.notna(values), None).tolist()


def csv_frame(typed: pd.DataFrame, profile: dict) -> pd.DataFrame:
    """Values as the real CSV writes them: booleans with their tokens, numbers in their layout,
    datetimes in their format and time zone, missing values with the column's null token."""
    out = {}
    for prof in profile["columns"]:
        name = prof["name"]
        values = typed[name]
        kind = prof["type"]
        if kind == "id" or kind in ("categorical", "text"):
            out[name] = values.astype(object)
        elif kind in ("integer", "float") and prof.get("number_layout"):
            decimals = 0 if kind == "integer" or prof.get("write_as_integer") else prof["decimals"]
            written = write_numbers(values.to_numpy(dtype=float), prof["number_layout"], decimals, prof.get("fixed_decimals", False))
            out[name] = pd.Series(written, index=values.index, dtype=object)
        elif kind == "integer" or (kind == "float" and prof.get("write_as_integer")):
            out[name] = pd.array(np.round(values.to_numpy(dtype=float)), dtype="Float64").astype("Int64")
        elif kind == "float" and prof.get("fixed_decimals"):
            out[name] = values.map(lambda v, d=prof["decimals"]: None if pd.isna(v) else f"{v:.{d}f}").astype(object)
        elif kind == "float":
            out[name] = values.astype(float)
        elif kind == "datetime":
            out[name] = pd.Series(_format_datetimes(values, prof["format"], prof.get("zone")), index=values.index, dtype=object)
        elif kind == "boolean":
            tokens = prof["tokens"]
            out[name] = values.map({1.0: tokens["true"], 0.0: tokens["false"]}).astype(object)
        if prof.get("null_token"):
            written = pd.Series(out[name], index=values.index).astype(object)
            out[name] = written.where(written.notna(), prof["null_token"])
    for extra in typed.columns[len(profile["columns"]) :]:
        out[extra] = typed[extra]
    return pd.DataFrame(out, index=typed.index)


def arrow_schema(profile: dict, extra: list[tuple[str, pa.DataType]]) -> pa.Schema:
    fields = []
    for prof in profile["columns"]:
        kind = prof["type"]
        if kind == "id":
            dtype = pa.int64() if prof["id_kind"] == "integer" else pa.string()
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
        fields.append(pa.field(prof["name"], dtype))
    fields.extend(pa.field(name, dtype) for name, dtype in extra)
    return pa.schema(fields)


def arrow_table(typed: pd.DataFrame, profile: dict, schema: pa.Schema) -> pa.Table:
    arrays = []
    for field in schema:
        values = typed[field.name]
        prof = next((p for p in profile["columns"] if p["name"] == field.name), None)
        kind = prof["type"] if prof else None
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
