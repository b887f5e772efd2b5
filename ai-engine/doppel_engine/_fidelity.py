"""Which columns and pairs the quality score covers, and a check of that score against sdmetrics
run the way an SDV user runs it (types detected from the data by SDV, not the platform's schema)."""

from __future__ import annotations

import importlib.util
import io
import warnings

import pandas as pd

from ._metrics import REAL_ASSOCIATION_THRESHOLD, REAL_CORRELATION_THRESHOLD
from ._schema import Column

AGREEMENT_TOLERANCE = 0.02
_TABLE = "table"
_LEFT_OUT_TYPES = {
    "id": "an identifier: its values label rows and have no distribution to compare",
    "text": "free text: too many distinct values to compare as categories",
}


def column_coverage(columns: list[Column], scored: list[dict], real: pd.DataFrame, synthetic: pd.DataFrame) -> list[dict]:
    """Every schema column: its metric and score, or why the quality score leaves it out."""
    by_name = {c["column"]: c for c in scored}
    out = []
    for col in columns:
        entry = {"column": col.name, "type": col.type}
        shape = by_name.get(col.name)
        if shape is not None and shape["score"] is not None:
            out.append({**entry, "scored": True, "metric": shape["metric"], "score": shape["score"]})
            continue
        if col.type in _LEFT_OUT_TYPES:
            reason = f"{col.type} column, {_LEFT_OUT_TYPES[col.type]}"
        elif real[col.name].isna().all():
            reason = "all null in the real data"
        elif synthetic[col.name].isna().all():
            reason = "all null in the synthetic data"
        else:
            reason = "the metric could not be computed on these values"
        out.append({**entry, "scored": False, "metric": shape and shape["metric"], "score": None, "reason": reason})
    return out


def pair_coverage(pairs: list[dict]) -> dict:
    """How many column pairs the pair-trend score covers, and why each other pair is left out."""
    left_out = [{"columns": p["columns"], "metric": p["metric"], "reason": _pair_reason(p)} for p in pairs if p["score"] is None]
    return {"scored": len(pairs) - len(left_out), "total": len(pairs), "left_out": left_out}


def _pair_reason(pair: dict) -> str:
    real = pair["real"]
    if pair["metric"] == "CorrelationSimilarity":
        if real is None:
            return "correlation undefined: a column is constant, or too few rows hold both values"
        if abs(real) <= REAL_CORRELATION_THRESHOLD:
            return f"real correlation {real:.2f} is within ±{REAL_CORRELATION_THRESHOLD}: only related pairs are scored"
        return "synthetic correlation undefined: a synthetic column is constant"
    if real is None:
        return "association undefined: a column holds a single value"
    if real <= REAL_ASSOCIATION_THRESHOLD:
        return f"real Cramér's V {real:.2f} is at most {REAL_ASSOCIATION_THRESHOLD}: only related pairs are scored"
    return "the metric could not be computed on these values"


def quality_check(real: pd.DataFrame, synthetic: pd.DataFrame, columns: list[Column], platform: dict, platform_sdtypes: dict[str, str]) -> dict:
    """sdmetrics' QualityReport on the same rows, typed as pandas reads them and described by SDV's
    ``Metadata.detect_from_dataframes``; the platform's score beside it, and every column the two
    type differently."""
    missing = [name for name in ("sdmetrics", "sdv") if importlib.util.find_spec(name) is None]
    if missing:
        verb = "is" if len(missing) == 1 else "are"
        return {"computed": False, "reason": f"{' and '.join(missing)} {verb} not installed in this engine (permissive-only install)"}
    from sdmetrics.reports import QualityReport
    from sdv.metadata import Metadata

    names = [c.name for c in columns]
    real, synthetic = _as_pandas_reads(real[names]), _as_pandas_reads(synthetic[names])
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            metadata = Metadata.detect_from_dataframes({_TABLE: real}).to_dict()
            report = QualityReport()
            report.generate({_TABLE: real}, {_TABLE: synthetic}, metadata, verbose=False)
    except Exception as exc:  # noqa: BLE001 - a check that cannot run must not cost the report
        return {"computed": False, "reason": f"sdmetrics on SDV-detected types failed: {type(exc).__name__}: {exc}"}
    detected = {name: spec["sdtype"] for name, spec in metadata["tables"][_TABLE]["columns"].items()}
    shapes = report.get_details("Column Shapes")
    detected_metrics = {row["Column"]: row["Metric"] for _, row in shapes.iterrows() if pd.notna(row["Score"])}
    platform_metrics = {c["column"]: c["metric"] for c in platform["columns"] if c["score"] is not None}
    differently = []
    for col in columns:
        ours = platform_sdtypes.get(col.name, col.type)  # id and text columns are not scored
        if ours == detected.get(col.name):
            continue
        metric, theirs = platform_metrics.get(col.name), detected_metrics.get(col.name)
        differently.append(
            {
                "column": col.name,
                "platform_type": col.type,
                "detected_sdtype": detected.get(col.name),
                "platform_metric": metric,
                "detected_metric": theirs,
                "why": _why(col.type, detected.get(col.name), metric, theirs),
            }
        )
    score = float(report.get_score())
    difference = None if platform["score"] is None else score - platform["score"]
    return {
        "computed": True,
        "platform_score": platform["score"],
        "sdmetrics_detected_score": score,
        "difference": difference,
        "tolerance": AGREEMENT_TOLERANCE,
        "agrees": difference is not None and abs(difference) <= AGREEMENT_TOLERANCE,
        "columns_typed_differently": differently,
    }


def _as_pandas_reads(frame: pd.DataFrame) -> pd.DataFrame:
    """The rows as ``pandas.read_csv`` types them, which is what SDV's detection expects."""
    return pd.read_csv(io.StringIO(frame.to_csv(index=False)))


def _why(platform_type: str, detected: str | None, ours: str | None, theirs: str | None) -> str:
    if ours == theirs:
        both = f"both compare it with {ours}" if ours else "neither scores it"
        return f"the platform reads it as {platform_type}, SDV detects {detected}: {both}"
    ours_text = f"the platform scores it with {ours}" if ours else f"the platform leaves {platform_type} columns out"
    theirs_text = f"sdmetrics scores it with {theirs}" if theirs else f"sdmetrics does not score {detected} columns"
    return f"SDV detects {detected} where the platform reads {platform_type}: {ours_text}, {theirs_text}"
