"""Reading input tables (CSV or Parquet) into all-string or native frames."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pandas as pd

from ._errors import EngineError
from ._table_rules import DELIMITERS, NULL_TOKENS, SNIFF_BYTES

# What Java's String.strip() removes (Character.isWhitespace): the platform names a CSV column by
# its header text stripped of these, so the engine must too. Not str.strip(), which also removes
# U+0085 and U+00A0, keeping the no-break spaces Java keeps.
_JAVA_WHITESPACE = "".join(
    chr(c) for c in (*range(0x09, 0x0E), *range(0x1C, 0x21), 0x1680, *range(0x2000, 0x2007), *range(0x2008, 0x200B), 0x2028, 0x2029, 0x205F, 0x3000)
)


def is_parquet(path: Path) -> bool:
    if path.suffix.lower() in (".parquet", ".pq"):
        return True
    try:
        with path.open("rb") as fh:
            return fh.read(4) == b"PAR1"
    except OSError:
        return False


def sniff_delimiter(path: Path) -> str:
    with path.open("r", encoding="utf-8-sig", errors="replace", newline="") as fh:
        sample = fh.read(SNIFF_BYTES)
    first_line = sample.split("\n", 1)[0]
    counts = {d: first_line.count(d) for d in DELIMITERS}
    try:
        found = csv.Sniffer().sniff(sample, delimiters="".join(DELIMITERS)).delimiter
        if counts.get(found, 0) > 0:
            return found
    except csv.Error:
        pass
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] > 0 else ","


def header_name(raw: str) -> str:
    """A CSV column's name as the platform's profile has it: the header text without surrounding whitespace."""
    return raw.strip(_JAVA_WHITESPACE)


def check_readable(path_text: str, what: str = "data") -> Path:
    path = Path(path_text)
    if not path.exists():
        raise EngineError("data_not_found", f"{what} file not found: {path_text}")
    if not path.is_file():
        raise EngineError("data_unreadable", f"{what} path is not a file: {path_text}")
    return path


def _without_null_tokens(frame: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, str]]:
    """The frame with null tokens as None, and each column's most frequent null token."""
    tokens = {}
    out = {}
    for position, name in enumerate(frame.columns):
        values = frame.iloc[:, position].astype(object)
        missing = values.isin(NULL_TOKENS)
        if missing.any():
            tokens[str(name)] = Counter(values[missing]).most_common(1)[0][0]
        out[position] = values.where(~missing, None)
    cleaned = pd.DataFrame(out, index=frame.index)
    cleaned.columns = frame.columns
    return cleaned, tokens


def read_table(path_text: str, *, delimiter: str | None = None, what: str = "data") -> tuple[pd.DataFrame, dict]:
    """Read a table. CSV cells come back as strings (None for null tokens); Parquet keeps its types.

    Returns the frame and a description of the source: format, delimiter and, for CSV, the null
    token each column with missing values writes them with (its most frequent one).
    """
    path = check_readable(path_text, what)
    try:
        if is_parquet(path):
            frame = pd.read_parquet(path)
            source = {"format": "parquet"}
        else:
            sep = delimiter or sniff_delimiter(path)
            frame = pd.read_csv(
                path,
                sep=sep,
                dtype=str,
                keep_default_na=False,
                na_filter=False,
                encoding="utf-8-sig",
                engine="c",
                low_memory=False,
            )
            frame.columns = [header_name(str(c)) for c in frame.columns]
            frame, null_tokens = _without_null_tokens(frame)
            source = {"format": "csv", "delimiter": sep, "null_tokens": null_tokens}
    except EngineError:
        raise
    except pd.errors.EmptyDataError:
        raise EngineError("no_rows", f"{what} file is empty: {path_text}") from None
    except UnicodeDecodeError as exc:
        raise EngineError("data_unreadable", f"{what} file is not UTF-8 text ({exc.reason} at byte {exc.start}): {path_text}") from None
    except (pd.errors.ParserError, ValueError, OSError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise EngineError("data_unreadable", f"cannot read {what} file {path_text}: {first}") from None
    except Exception as exc:  # noqa: BLE001 - pyarrow raises its own error types for broken Parquet
        raise EngineError("data_unreadable", f"cannot read {what} file {path_text}: {type(exc).__name__}: {exc}") from None
    if frame.columns.duplicated().any():
        dupes = sorted(set(frame.columns[frame.columns.duplicated()]))
        raise EngineError("data_unreadable", f"{what} file has duplicate column names: {dupes}")
    frame.columns = [str(c) for c in frame.columns]
    if len(frame) == 0:
        raise EngineError("no_rows", f"{what} file has a header but no rows: {path_text}")
    return frame, source
