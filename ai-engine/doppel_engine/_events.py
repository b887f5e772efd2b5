"""Event helpers: every public function reports progress through an ``on_event(dict)`` callback."""

from __future__ import annotations

import json
import math
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

EventCallback = Callable[[dict], None]


def _clean(value: Any) -> Any:
    """Make a value JSON-safe: numpy scalars to Python, NaN/inf to None."""
    if isinstance(value, dict):
        return {str(k): _clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalar
        return _clean(value.item())
    if hasattr(value, "tolist"):  # numpy array
        return _clean(value.tolist())
    return str(value)


def to_json(event: dict) -> str:
    return json.dumps(_clean(event), ensure_ascii=False, allow_nan=False)


def write_json_file(path: Path, obj: Any) -> None:
    path.write_text(json.dumps(_clean(obj), ensure_ascii=False, indent=2, allow_nan=False) + "\n")


def json_line_writer(stream: IO[str]) -> EventCallback:
    """An ``on_event`` callback that writes one flushed JSON line per event."""

    def emit(event: dict) -> None:
        stream.write(to_json(event) + "\n")
        stream.flush()

    return emit


def ignore(_event: dict) -> None:
    """The default callback."""


class Stopwatch:
    def __init__(self) -> None:
        self.start = time.perf_counter()

    def elapsed(self) -> float:
        return round(time.perf_counter() - self.start, 3)
