"""describe(): the catalogue document the backend validates training requests against."""

from __future__ import annotations

from . import _catalogue
from ._constants import ANOMALY_KINDS, COLUMN_TYPES, OUTPUT_FORMATS
from ._version import ENGINE_NAME, __version__


def describe() -> dict:
    return {
        "engine": ENGINE_NAME,
        "version": __version__,
        "columnTypes": list(COLUMN_TYPES),
        "anomalyKinds": list(ANOMALY_KINDS),
        "outputFormats": list(OUTPUT_FORMATS),
        "algorithms": [algo.describe() for algo in _catalogue.algorithms()],
    }
