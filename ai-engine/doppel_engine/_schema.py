"""The column schema: parsing the platform's schema, a simple fallback inference, typed conversion."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ._constants import COLUMN_TYPES
from ._errors import EngineError
from ._events import EventCallback
from ._table_rules import DATETIME_LAYOUTS, FALSE_TOKENS, TRUE_TOKENS, is_id_name

ISO_FORMAT = "%Y-%m-%d %H:%M:%S"
_INT_RE = re.compile(r"^[+-]?\d+$")
# How a zone directive is written at the end of a value: an offset (+01:00, +0100, Z) or a name (UTC, CET).
_ZONE_TEXT = {"%z": r"(Z|[+-]\d{2}(?::?\d{2})?)\s*$", "%Z": r"([A-Za-z][A-Za-z_/+-]*)\s*$"}
# Thousands and decimal separators, in the order an ambiguous value is read with them: "1,234"
# is one thousand two hundred and thirty-four, "1,5" is one and a half.
_SEPARATORS = ((",", "."), (".", ","), (" ", "."), (" ", ","), ("\u00a0", "."), ("\u00a0", ","), ("\u202f", ","), ("'", "."), ("", ","))
# A number with an optional currency or unit sign around it: "$", "€ ", "USD " before; "%", " €", " kg" after.
_SPELLED_NUMBER = re.compile(
    r"^(?P<sign>[+-]?)(?P<prefix>(?:[^\w\s+\-.,'\"]{1,3}|[A-Z]{3}) ?)?(?P<inner_sign>[+-]?)"
    r"(?P<body>\d(?:[\d.,' \u00a0\u202f]*\d)?)"
    r"(?P<suffix> ?(?:%|[^\w\s+\-.,'\"]{1,3}|[A-Z]{3}|[a-z]{1,3}))?$"
)


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
    for fmt in DATETIME_LAYOUTS:
        zoned = _zone_directive(fmt) is not None
        parsed = pd.to_datetime(probe, format=fmt, errors="coerce", utc=zoned)
        if parsed.notna().all():
            if pd.to_datetime(values, format=fmt, errors="coerce", utc=zoned).notna().all():
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
    layout = number_layout(values)
    if layout is not None:
        plain = plain_numbers(values, layout)
        return Column(name, "integer" if plain.str.match(_INT_RE).all() else "float")
    fmt = _guess_datetime_format(values)
    if fmt:
        return Column(name, "datetime", fmt)
    if _looks_like_id(name, values):
        return Column(name, "id")
    if values.nunique() > 0.9 * len(values) and values.str.len().mean() > 20:
        return Column(name, "text")
    return Column(name, "categorical")


def _looks_like_id(name: str, values: pd.Series) -> bool:
    return is_id_name(name) and values.dropna().is_unique


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
    if numbers.isna().sum() > series.isna().sum():
        layout = number_layout(series)
        if layout is not None:
            numbers = pd.to_numeric(plain_numbers(series, layout), errors="coerce").astype(float)
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
        parsed = pd.to_datetime(text, errors="coerce", format="mixed", utc=True)
        fmt = ISO_FORMAT
    else:
        parsed = pd.to_datetime(text, errors="coerce", format=fmt, utc=_zone_directive(fmt) is not None)
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


# ---------------------------------------------------------------------------------------------
# spellings: how a CSV writes its numbers and datetimes, so that synthetic values are written alike


def number_layout(series: pd.Series) -> dict | None:
    """How a text column writes numbers when plain parsing is not the whole story, or None.

    Covers thousands separators ("1,234.50", "1 234", "1.234,50"), a decimal comma, currency or
    unit signs around the number ("$12.50", "12.5 %", "-€5") and integer parts padded with leading
    zeros to one width ("00123"). Every non-null value must follow the layout.
    """
    if series.dtype != object:
        return None
    text = series.dropna().astype(str).str.strip()
    if text.empty or (pd.to_numeric(text, errors="coerce").notna().all() and not text.str.match(r"[+-]?0\d").any()):
        return None  # plain numbers, the usual case, without the cost of the full layout check
    parts = text.str.extract(_SPELLED_NUMBER).fillna({"sign": "", "prefix": "", "inner_sign": "", "suffix": ""})
    if parts["body"].isna().any() or parts["prefix"].nunique() > 1 or parts["suffix"].nunique() > 1:
        return None
    if ((parts["sign"] != "") & (parts["inner_sign"] != "")).any():
        return None
    bodies = parts["body"]
    layout: dict = {}
    plain = bodies.str.fullmatch(r"\d+(?:\.\d+)?").all()  # a plain reading wins: "1.234" is a decimal
    for thousands, decimal in () if plain else _SEPARATORS:
        t, d = re.escape(thousands), re.escape(decimal)
        grouped = bodies.str.fullmatch(rf"\d{{1,3}}(?:{t}\d{{3}})+(?:{d}\d+)?") if thousands else pd.Series(False, index=bodies.index)
        ungrouped = bodies.str.fullmatch(rf"\d+(?:{d}\d+)?")
        if (grouped | ungrouped).all() and (grouped.any() or (decimal != "." and bodies.str.contains(d).any())):
            layout.update(thousands=thousands, decimal=decimal)
            break
    else:
        if not plain:
            return None
    prefix, suffix = parts["prefix"].iloc[0], parts["suffix"].iloc[0]
    if prefix:
        layout["prefix"] = prefix
        layout["sign_after_prefix"] = bool((parts["inner_sign"] != "").any())
    if suffix:
        layout["suffix"] = suffix
    integer_parts = bodies.str.split(re.escape(layout.get("decimal", ".")), n=1, regex=True).str[0]
    if not layout.get("thousands"):
        padded = integer_parts[(integer_parts.str.len() > 1) & integer_parts.str.startswith("0")]
        if len(padded) and padded.str.len().nunique() == 1 and (integer_parts.str.len() >= padded.str.len().iloc[0]).all():
            layout["width"] = int(padded.str.len().iloc[0])
    return layout or None


def plain_numbers(series: pd.Series, layout: dict) -> pd.Series:
    """The values of a column written in ``layout`` as plain numbers ("-1234.5"); None stays None."""
    text = series.astype(object).where(series.notna(), None).dropna().astype(str).str.strip()
    parts = text.str.extract(_SPELLED_NUMBER).fillna({"sign": "", "inner_sign": ""})
    body = parts["body"]
    if layout.get("thousands"):
        body = body.str.replace(layout["thousands"], "", regex=False)
    if layout.get("decimal", ".") != ".":
        body = body.str.replace(layout["decimal"], ".", regex=False)
    plain = (parts["sign"] + parts["inner_sign"] + body).where(body.notna(), text)
    return plain.reindex(series.index).astype(object).where(series.notna(), None)


def write_numbers(values: np.ndarray, layout: dict, decimals: int, fixed: bool) -> list:
    """Numbers written in ``layout`` with ``decimals`` decimals (trailing zeros dropped unless ``fixed``)."""
    out: list = []
    thousands, decimal = layout.get("thousands", ""), layout.get("decimal", ".")
    prefix, suffix, width = layout.get("prefix", ""), layout.get("suffix", ""), layout.get("width", 0)
    for value in values:
        if pd.isna(value):
            out.append(None)
            continue
        rounded = round(float(value), decimals)
        whole, _, fraction = f"{abs(rounded):.{decimals}f}".partition(".")
        if not fixed:
            fraction = fraction.rstrip("0")
        if thousands:
            whole = f"{int(whole):,}".replace(",", thousands)
        number = whole.zfill(width) + (decimal + fraction if fraction else "")
        sign = "-" if rounded < 0 else ""
        out.append(f"{prefix}{sign}{number}{suffix}" if layout.get("sign_after_prefix") else f"{sign}{prefix}{number}{suffix}")
    return out


def _zone_directive(fmt: str) -> str | None:
    return next((d for d in _ZONE_TEXT if d in fmt), None)


def zone_of(series: pd.Series, fmt: str) -> dict | None:
    """The time zone a datetime column's text is written in: the most frequent zone text (an offset
    such as "+01:00" or "Z", or a name such as "UTC") and its offset from UTC in seconds."""
    directive = _zone_directive(fmt)
    if directive is None or series.dtype != object:
        return None
    text = series.dropna().astype(str).str.strip()
    zones = text.str.extract(_ZONE_TEXT[directive])[0].dropna()
    if zones.empty:
        return None
    zone = zones.value_counts().index[0]
    example = pd.to_datetime(text[zones.index[zones == zone][:1]], format=fmt, errors="coerce")
    if example.isna().all() or example.dt.tz is None:
        return None
    return {"text": str(zone), "offset_s": float(example.iloc[0].utcoffset().total_seconds())}


def local_format(fmt: str, zone: dict | None) -> str:
    """The strftime pattern that writes local times of ``zone`` as the source writes them."""
    directive = _zone_directive(fmt)
    if directive is None or zone is None:
        return fmt
    return fmt.replace(directive, zone["text"].replace("%", "%%"))
