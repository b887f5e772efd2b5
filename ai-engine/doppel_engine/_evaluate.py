"""evaluate(): sdmetrics quality/diagnostic reports, privacy, and chart-ready data."""

from __future__ import annotations

import importlib.util
import os
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from . import _attacks, _fidelity, _realism, _rules
from ._errors import EngineError
from ._events import EventCallback, Stopwatch, _clean, ignore, write_json_file
from ._io import read_table
from ._model_folder import METADATA_FILE, ModelFolder
from ._profile import typed_rows
from ._schema import Column, infer_columns, parse_columns, to_boolean, to_datetime, to_number, to_text
from ._train import load_json_argument

_TABLE = "table"
# "full": every section; "scores": quality, diagnostic and privacy only, leaving out the sdmetrics
# cross-check, the classifiers (detection, utility) and the charts, the slow parts on wide tables.
SCOPES = ("full", "scores")
HIST_BINS = 20
TOP_K = 20


def _schema_from(metadata: object) -> tuple[list[Column] | None, Path | None]:
    """The schema, and the model's holdout file when ``metadata`` is a model folder or its
    metadata.json and the model kept rows out of training."""
    if metadata is None:
        return None, None
    if isinstance(metadata, str) and not metadata.lstrip().startswith(("{", "[")) and _names_a_model(Path(metadata)):
        folder = ModelFolder.read(Path(metadata))
        return list(folder.metadata.columns), folder.holdout_file()
    doc = load_json_argument(metadata, "metadata", code="invalid_arguments")
    if isinstance(doc, list):
        return parse_columns(doc), None
    if not isinstance(doc, dict) or "columns" not in doc:
        raise EngineError("invalid_arguments", 'metadata must be {"columns": [...]} or a model\'s metadata.json')
    return parse_columns(doc["columns"]), None


def _names_a_model(path: Path) -> bool:
    return path.is_dir() or path.name == METADATA_FILE


def _categorical_booleans(frame: pd.DataFrame, bools: list[str]) -> pd.DataFrame:
    """Booleans as the strings "True"/"False" (None for null): distances cannot hold pd.NA."""
    frame = frame.astype(dict.fromkeys(bools, object))
    for name in bools:
        frame[name] = frame[name].map(lambda v: None if v is None or v is pd.NA else str(v))
    return frame


def _typed(frame: pd.DataFrame, columns: list[Column], formats: dict, on_event: EventCallback) -> pd.DataFrame:
    out = {}
    for col in columns:
        s = frame[col.name]
        if col.type in ("integer", "float"):
            out[col.name] = to_number(s, col.name, on_event)
        elif col.type == "datetime":
            out[col.name], formats[col.name] = to_datetime(s, col.name, formats.get(col.name) or col.datetime_format, on_event)
        elif col.type == "boolean":
            out[col.name], tokens = to_boolean(s, col.name, on_event)
            formats.setdefault(f"{col.name}:tokens", tokens)  # the real file's tokens label the chart
        else:
            out[col.name] = to_text(s)
    return pd.DataFrame(out, index=frame.index)


def _sdtype(col: Column) -> str:
    return {"integer": "numerical", "float": "numerical", "datetime": "datetime", "boolean": "boolean"}.get(col.type, "categorical")


def _subsample(frame: pd.DataFrame, cap: int, seed: int) -> pd.DataFrame:
    return frame.sample(n=cap, random_state=seed).reset_index(drop=True) if len(frame) > cap else frame.reset_index(drop=True)


def _as_float(series: pd.Series) -> pd.Series:
    if pd.api.types.is_datetime64_any_dtype(series.dtype):
        return pd.Series(np.where(series.isna(), np.nan, series.astype("int64") / 1e9), index=series.index)
    return series.astype(float)


def _label(value) -> str | None:
    return None if value is None or pd.isna(value) else str(value)


def _histogram(col: Column, real: pd.Series, synth: pd.Series, bins: int, top_k: int, tokens: dict | None = None) -> dict:
    if col.type in ("integer", "float", "datetime"):
        r, s = _as_float(real).dropna(), _as_float(synth).dropna()
        both = pd.concat([r, s])
        if both.empty:
            edges = np.array([0.0, 1.0])
        else:
            lo, hi = float(both.min()), float(both.max())
            edges = np.histogram_bin_edges(both, bins=bins, range=(lo, hi if hi > lo else lo + 1))
        rc = np.histogram(r, bins=edges)[0]
        sc = np.histogram(s, bins=edges)[0]
        labels = edges.tolist()
        if col.type == "datetime":
            labels = [pd.Timestamp(e * 1e9).isoformat() for e in edges]
        kind = "datetime" if col.type == "datetime" else "numeric"
    else:
        if tokens:
            names = {True: tokens["true"], False: tokens["false"]}
            r = real.astype(object).map(lambda v: None if v is None or pd.isna(v) else names[bool(v)])
            s = synth.astype(object).map(lambda v: None if v is None or pd.isna(v) else names[bool(v)])
        else:
            r = real.astype(object).map(_label)
            s = synth.astype(object).map(_label)
        top = r.dropna().value_counts().index[:top_k].tolist()
        labels = list(top)
        rc = [int((r == v).sum()) for v in top]
        sc = [int((s == v).sum()) for v in top]
        rest_r = int(r.notna().sum()) - sum(rc)
        rest_s = int(s.notna().sum()) - sum(sc)
        if rest_r or rest_s:
            labels.append("(other)")
            rc.append(rest_r)
            sc.append(rest_s)
        kind = "categorical"
    r_null, s_null = int(real.isna().sum()), int(synth.isna().sum())
    return {
        "column": col.name,
        "kind": kind,
        "bins": labels,
        "real": [c / max(len(real), 1) for c in rc],
        "synthetic": [c / max(len(synth), 1) for c in sc],
        "real_null_share": r_null / max(len(real), 1),
        "synthetic_null_share": s_null / max(len(synth), 1),
    }


def _cramers_v(a: pd.Series, b: pd.Series) -> float:
    table = pd.crosstab(a, b)
    if table.shape[0] < 2 or table.shape[1] < 2:
        return 0.0
    observed = table.to_numpy(dtype=float)
    total = observed.sum()
    expected = observed.sum(1, keepdims=True) * observed.sum(0, keepdims=True) / total
    chi2 = ((observed - expected) ** 2 / np.where(expected == 0, 1, expected)).sum()
    return float(np.sqrt(chi2 / (total * (min(table.shape) - 1))))


def _eta(categories: pd.Series, values: pd.Series) -> float:
    if values.var() == 0 or np.isnan(values.var()):
        return 0.0
    means = values.groupby(categories).agg(["mean", "count"])
    between = ((means["mean"] - values.mean()) ** 2 * means["count"]).sum()
    total = ((values - values.mean()) ** 2).sum()
    return float(np.sqrt(between / total)) if total else 0.0


def _association(frame: pd.DataFrame, columns: list[Column]) -> list[list[float | None]]:
    numeric = {c.name for c in columns if c.type in ("integer", "float", "datetime")}
    data = {c.name: (_as_float(frame[c.name]) if c.name in numeric else frame[c.name].astype(object)) for c in columns}
    names = [c.name for c in columns]
    matrix: list[list[float | None]] = [[None] * len(names) for _ in names]
    for i, a in enumerate(names):
        matrix[i][i] = 1.0
        for j in range(i + 1, len(names)):
            b = names[j]
            pair = pd.DataFrame({"a": data[a], "b": data[b]}).dropna()
            value: float | None
            if len(pair) < 3:
                value = None
            elif a in numeric and b in numeric:
                value = float(pair["a"].corr(pair["b"])) if pair["a"].std() > 0 and pair["b"].std() > 0 else None
            elif a in numeric:
                value = _eta(pair["b"].astype(str), pair["a"])
            elif b in numeric:
                value = _eta(pair["a"].astype(str), pair["b"])
            else:
                value = _cramers_v(pair["a"].astype(str), pair["b"].astype(str))
            if value is not None and np.isnan(value):
                value = None
            matrix[i][j] = matrix[j][i] = value
    return matrix


def _row_hashes(frame: pd.DataFrame) -> pd.Series:
    norm = pd.DataFrame({c: (frame[c].round(9) if pd.api.types.is_float_dtype(frame[c].dtype) else frame[c].astype(str)) for c in frame.columns})
    return pd.util.hash_pandas_object(norm, index=False)


def _score(value) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def _utility_target(target: str | None, columns: list[Column], sdtypes: dict[str, str]) -> str | None:
    """The column the utility test predicts: ``target`` when it is a scored column, else the default."""
    if target is None:
        return _realism.default_target(sdtypes)
    types = {c.name: c.type for c in columns}
    if target not in types:
        raise EngineError("invalid_arguments", f"--target {target!r} is not a column of the table (columns: {', '.join(types)})")
    if target not in sdtypes:
        raise EngineError(
            "invalid_arguments",
            f"--target {target!r} is a {types[target]} column, which is not scored: name a numeric, datetime, categorical or boolean column",
        )
    return target


def _requested_metrics(requested: str | None) -> str:
    return requested or os.environ.get("DOPPEL_METRICS") or "auto"


def metrics_engine(requested: str | None = None) -> str:
    """Which code computes the scores: "sdmetrics" when it is installed, else "doppel" (the
    engine's own _metrics.py). ``requested`` (or DOPPEL_METRICS) can force "doppel"; asking for
    "sdmetrics" where it is absent is an error."""
    choice = _requested_metrics(requested)
    if choice not in ("auto", "sdmetrics", "doppel"):
        raise EngineError("invalid_arguments", f"metrics engine must be auto, sdmetrics or doppel (got {choice!r})")
    has_sdmetrics = importlib.util.find_spec("sdmetrics") is not None
    if choice == "sdmetrics" and not has_sdmetrics:
        raise EngineError("invalid_arguments", "sdmetrics is not installed in this engine (permissive-only install)")
    if choice == "auto":
        return "sdmetrics" if has_sdmetrics else "doppel"
    return choice


def _sdmetrics_scores(real_df, synth_df, sd_meta, clock, timings, on_event):
    from sdmetrics.reports import DiagnosticReport, QualityReport

    on_event({"event": "progress", "stage": "quality", "elapsed_s": clock.elapsed()})
    quality = QualityReport()
    quality.generate({_TABLE: real_df}, {_TABLE: synth_df}, sd_meta, verbose=False)
    timings["quality_s"] = clock.elapsed()
    on_event({"event": "progress", "stage": "diagnostic", "elapsed_s": clock.elapsed()})
    diagnostic = DiagnosticReport()
    diagnostic.generate({_TABLE: real_df}, {_TABLE: synth_df}, sd_meta, verbose=False)
    timings["diagnostic_s"] = clock.elapsed()
    q_props = dict(zip(quality.get_properties()["Property"], quality.get_properties()["Score"], strict=True))
    d_props = dict(zip(diagnostic.get_properties()["Property"], diagnostic.get_properties()["Score"], strict=True))
    shapes = quality.get_details("Column Shapes")
    pairs = quality.get_details("Column Pair Trends")
    pair_list = []
    for _, row in pairs.iterrows():
        real_v = row.get("Real Correlation")
        synth_v = row.get("Synthetic Correlation")
        if pd.isna(real_v) and "Real Association" in row:
            real_v = row.get("Real Association")
        pair_list.append(
            {
                "columns": [row["Column 1"], row["Column 2"]],
                "metric": row["Metric"],
                "score": _score(row["Score"]),
                "real": _score(real_v),
                "synthetic": _score(synth_v),
            }
        )
    quality_part = {
        "score": _score(quality.get_score()),
        "column_shapes": _score(q_props.get("Column Shapes")),
        "column_pair_trends": _score(q_props.get("Column Pair Trends")),
        "columns": [{"column": r["Column"], "metric": r["Metric"], "score": _score(r["Score"])} for _, r in shapes.iterrows()],
        "pairs": pair_list,
    }
    diagnostic_part = {
        "score": _score(diagnostic.get_score()),
        "data_validity": _score(d_props.get("Data Validity")),
        "data_structure": _score(d_props.get("Data Structure")),
    }
    return quality_part, diagnostic_part


def _own_scores(real_df, synth_df, sdtypes, seed, clock, timings, on_event):
    from . import _metrics

    on_event({"event": "progress", "stage": "quality", "elapsed_s": clock.elapsed()})
    quality = _metrics.quality(real_df, synth_df, sdtypes, seed=seed)
    timings["quality_s"] = clock.elapsed()
    on_event({"event": "progress", "stage": "diagnostic", "elapsed_s": clock.elapsed()})
    diagnostic = _metrics.diagnostic(real_df, synth_df, sdtypes)
    timings["diagnostic_s"] = clock.elapsed()
    quality_part = {
        "score": _score(quality.score),
        "column_shapes": _score(quality.column_shapes),
        "column_pair_trends": _score(quality.column_pair_trends),
        "columns": [{**c, "score": _score(c["score"])} for c in quality.columns],
        "pairs": [{**p, "score": _score(p["score"]), "real": _score(p["real"]), "synthetic": _score(p["synthetic"])} for p in quality.pairs],
    }
    diagnostic_part = {k: _score(v) for k, v in diagnostic.items()}
    return quality_part, diagnostic_part


def _dcr_baseline_protection(engine, dcr_real, dcr_synth, dcr_sdtypes, sd_meta, seed, on_event) -> dict:
    """DCRBaselineProtection by ``engine``. Its random baseline is seeded (values:
    DCRBaselineProtection._seed, null masks: numpy's global RNG) so a report is reproducible and
    sdmetrics' value equals the engine's own."""
    try:
        if engine == "doppel":
            from . import _metrics

            return _metrics.dcr_baseline_protection(dcr_real, dcr_synth, dcr_sdtypes, seed=seed, null_seed=seed)
        from sdmetrics.single_table import DCRBaselineProtection

        columns = {**sd_meta["tables"][_TABLE]["columns"], **{n: {"sdtype": t} for n, t in dcr_sdtypes.items() if t == "categorical"}}
        DCRBaselineProtection._seed = seed
        np.random.seed(seed % 2**32)
        return DCRBaselineProtection.compute_breakdown(dcr_real, dcr_synth, {"tables": {_TABLE: {"columns": columns}}}, _TABLE)
    except Exception as exc:  # noqa: BLE001 - report the rest rather than fail on the privacy metric
        on_event({"event": "warning", "code": "privacy_unavailable", "message": f"DCRBaselineProtection failed: {type(exc).__name__}: {exc}"})
        return {}


def rules_section(model: str, synthetic: pd.DataFrame, extra_columns: list[str]) -> list[dict]:
    """The rules section for rows generated by ``model`` (read as written). Rows a true/false
    column outside the table labels true (the anomaly label) are left out."""
    profile = ModelFolder.read(model).metadata.profile
    labels = [c for c in extra_columns if len(synthetic[c].dropna()) and synthetic[c].dropna().astype(str).str.lower().isin(["true", "false"]).all()]
    anomalous = synthetic[labels[0]].astype(str).str.lower().eq("true").to_numpy() if labels else None
    return _rules.report(profile, typed_rows(synthetic, profile), anomalous)


@dataclass
class _Tables:
    """The evaluation's inputs: as read (sub-sampled to the cap) and typed for scoring."""

    columns: list[Column]
    used: list[Column]  # scored: every column but ids and texts
    real_raw: pd.DataFrame
    synth_raw: pd.DataFrame
    holdout_raw: pd.DataFrame | None
    every_real_row: pd.DataFrame
    ignored: list[str]  # synthetic columns outside the table (anomaly labels)
    formats: dict = field(default_factory=dict)
    real_df: pd.DataFrame | None = None
    synth_df: pd.DataFrame | None = None
    dcr_synth: pd.DataFrame | None = None  # the synthetic rows distances are measured from

    @property
    def dcr_sdtypes(self) -> dict[str, str]:
        """Distances compare booleans as categories (a nullable boolean cannot hold nulls in sdmetrics' DCR)."""
        return {**self.sdtypes, **dict.fromkeys(self.bools, "categorical")}

    @property
    def sdtypes(self) -> dict[str, str]:
        return {c.name: _sdtype(c) for c in self.used}

    @property
    def bools(self) -> list[str]:
        return [c.name for c in self.used if c.type == "boolean"]

    def typed(self, raw: pd.DataFrame) -> pd.DataFrame:
        """Rows of the real table typed as ``real_df`` is."""
        return _typed(raw, self.used, self.formats, ignore).astype(self.real_df.dtypes.to_dict())


def evaluate(
    *,
    real: str,
    synthetic: str,
    output: str | None = None,
    metadata: object = None,
    max_rows: int = 20_000,
    dcr_rows: int = 2_000,
    seed: int = 0,
    bins: int = HIST_BINS,
    top_k: int = TOP_K,
    metrics: str | None = None,
    model: str | None = None,
    holdout: str | None = None,
    target: str | None = None,
    scope: str = "full",
    on_event: EventCallback = ignore,
) -> dict:
    clock = Stopwatch()
    _check_limits(max_rows=max_rows, dcr_rows=dcr_rows, bins=bins, top_k=top_k)
    if scope not in SCOPES:
        raise EngineError("invalid_arguments", f"scope must be one of {', '.join(SCOPES)} (got {scope!r})")
    full = scope == "full"
    tables = _read(real, synthetic, metadata, model, holdout, on_event)
    timings = {"read_s": clock.elapsed()}
    sampling = _sample(tables, max_rows, dcr_rows, seed, on_event)
    sd_meta = _type(tables)
    timings["prepare_s"] = clock.elapsed()

    engine = metrics_engine(metrics)
    # sdmetrics' DCR cross-joins frames and takes most of an evaluation's time on a wide table; the
    # engine's own gives the same values (tests/test_metrics.py), so it is used unless sdmetrics is
    # asked for by name.
    privacy_engine = "sdmetrics" if _requested_metrics(metrics) == "sdmetrics" else "doppel"
    target = _utility_target(target, tables.columns, tables.sdtypes)

    def progress(event: dict) -> None:
        on_event({**event, "elapsed_s": clock.elapsed()})

    quality_part, diagnostic_part, dcr = _scores(tables, engine, privacy_engine, sd_meta, dcr_rows, seed, clock, timings, on_event)
    fidelity = {
        "columns": _fidelity.column_coverage(tables.columns, quality_part["columns"], tables.real_raw, tables.synth_raw),
        "pairs": _fidelity.pair_coverage(quality_part["pairs"]),
    }
    quality_check = {"computed": False, "reason": "left out: only the scores were asked for"}
    if full:
        progress({"event": "progress", "stage": "quality_check"})
        quality_check = _fidelity.quality_check(tables.real_raw, tables.synth_raw, tables.columns, quality_part, tables.sdtypes)
        timings["quality_check_s"] = clock.elapsed()
    privacy, training_df, holdout_df = _privacy(tables, dcr, privacy_engine, max_rows, dcr_rows, seed, progress)
    timings["privacy_s"] = clock.elapsed()
    detection = utility = charts = None
    if full:
        detection, utility = _realism_and_utility(tables, training_df, holdout_df, target, seed, clock, timings, progress)
        progress({"event": "progress", "stage": "charts"})
        charts = _charts(tables, bins, top_k)
        timings["charts_s"] = clock.elapsed()
    timings["total_s"] = clock.elapsed()

    report = {
        "metrics_engine": engine,
        "quality": quality_part,
        "diagnostic": diagnostic_part,
        "privacy": privacy,
        "fidelity": fidelity,
        "quality_check": quality_check,
        "detection": detection,
        "utility": utility,
        "rules": rules_section(model, tables.synth_raw, tables.ignored) if model is not None else None,
        "charts": charts,
        "sampling": {**sampling, "holdout_rows": None if tables.holdout_raw is None else len(tables.holdout_raw)},
        "skipped_columns": [c.name for c in tables.columns if c not in tables.used],
        "ignored_synthetic_columns": tables.ignored,
        "timings": timings,
    }
    _write(report, output)
    on_event(
        {
            "event": "completed",
            "output": output,
            "quality": report["quality"]["score"],
            "diagnostic": report["diagnostic"]["score"],
            "privacy": report["privacy"]["score"],
            "exact_copy_share": privacy["exact_copy_share"],
            "detection": detection and detection["score"],
            "metrics_engine": engine,
            "subsampled": sampling["subsampled"],
            "seconds": timings["total_s"],
        }
    )
    return _clean(report)


def _check_limits(**limits: int) -> None:
    lowest = {"max_rows": 10, "dcr_rows": 10, "bins": 1, "top_k": 1}
    for name, value in limits.items():
        if isinstance(value, bool) or not isinstance(value, int) or value < lowest[name]:
            raise EngineError("invalid_arguments", f"--{name.replace('_', '-')} must be an integer of at least {lowest[name]} (got {value!r})")


def _read(real: str, synthetic: str, metadata: object, model: str | None, holdout: str | None, on_event: EventCallback) -> _Tables:
    """The three tables as read, checked against the schema (given, or inferred from the real rows)."""
    columns, model_holdout = _schema_from(metadata)
    if model is not None:
        model_holdout = ModelFolder.read(model).holdout_file()
    holdout = holdout or (str(model_holdout) if model_holdout and model_holdout.is_file() else None)
    on_event({"event": "started", "real": str(real), "synthetic": str(synthetic)})
    real_raw, _ = read_table(real, what="real data")
    synth_raw, _ = read_table(synthetic, what="synthetic data")
    holdout_raw = read_table(holdout, what="holdout data")[0] if holdout else None
    if columns is None:
        columns = infer_columns(real_raw)
        on_event({"event": "warning", "code": "schema_inferred", "message": "no --metadata given; column types were inferred from the real data"})
    declared = {c.name for c in columns}
    missing_real = [c.name for c in columns if c.name not in real_raw.columns]
    if missing_real:
        raise EngineError("column_missing", f"columns in the schema but not in the real data: {', '.join(missing_real)}")
    extra_real = [c for c in real_raw.columns if c not in declared]
    if extra_real:
        raise EngineError("column_not_in_schema", f"columns in the real data but not in the schema: {', '.join(extra_real)}")
    missing_synth = [c.name for c in columns if c.name not in synth_raw.columns]
    if missing_synth:
        raise EngineError("column_missing", f"columns of the real data missing from the synthetic data: {', '.join(missing_synth)}")
    ignored = [c for c in synth_raw.columns if c not in declared]
    if holdout_raw is not None and (missing_holdout := [c.name for c in columns if c.name not in holdout_raw.columns]):
        raise EngineError("column_missing", f"columns of the real data missing from the holdout data: {', '.join(missing_holdout)}")
    if ignored:
        on_event({"event": "warning", "code": "columns_ignored", "message": f"synthetic columns not in the real table are ignored: {', '.join(ignored)}"})
    used = [c for c in columns if c.type not in ("id", "text")]
    return _Tables(columns, used, real_raw, synth_raw, holdout_raw, real_raw, ignored)


def _sample(tables: _Tables, max_rows: int, dcr_rows: int, seed: int, on_event: EventCallback) -> dict:
    """Cap the real and synthetic rows the scores read (seeded); what was done, for the report."""
    sampling = {
        "real_rows": len(tables.real_raw),
        "synthetic_rows": len(tables.synth_raw),
        "cap": max_rows,
        "subsampled": len(tables.real_raw) > max_rows or len(tables.synth_raw) > max_rows,
        "dcr_rows": dcr_rows,
    }
    if sampling["subsampled"]:
        on_event({"event": "warning", "code": "subsampled", "message": f"inputs were sub-sampled to at most {max_rows} rows each (--max-rows)"})
    tables.real_raw = _subsample(tables.real_raw, max_rows, seed)
    tables.synth_raw = _subsample(tables.synth_raw, max_rows, seed + 1)
    return sampling


def _type(tables: _Tables) -> dict:
    """Type the scored columns of both samples; the sdmetrics metadata describing them."""
    tables.real_df = _typed(tables.real_raw, tables.used, tables.formats, ignore)
    tables.synth_df = _typed(tables.synth_raw[[c.name for c in tables.used]], tables.used, tables.formats, ignore)
    for name in tables.bools:  # sdmetrics wants a real boolean dtype
        tables.real_df[name] = tables.real_df[name].astype("boolean")
        tables.synth_df[name] = tables.synth_df[name].astype("boolean")
    sd_meta = {"tables": {_TABLE: {"columns": {c.name: {"sdtype": _sdtype(c)} for c in tables.used}}}}
    for col in tables.used:
        if col.type == "datetime":
            sd_meta["tables"][_TABLE]["columns"][col.name]["datetime_format"] = tables.formats.get(col.name) or "%Y-%m-%d %H:%M:%S"
    return sd_meta


def _scores(
    tables: _Tables, engine: str, privacy_engine: str, sd_meta: dict, dcr_rows: int, seed: int, clock, timings: dict, on_event
) -> tuple[dict, dict, dict]:
    """Quality and diagnostic by ``engine``, DCRBaselineProtection by ``privacy_engine``."""
    dcr_real = _categorical_booleans(_subsample(tables.real_df, dcr_rows, seed + 2), tables.bools)
    tables.dcr_synth = _categorical_booleans(_subsample(tables.synth_df, dcr_rows, seed + 3), tables.bools)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if engine == "sdmetrics":
            quality_part, diagnostic_part = _sdmetrics_scores(tables.real_df, tables.synth_df, sd_meta, clock, timings, on_event)
        else:
            quality_part, diagnostic_part = _own_scores(tables.real_df, tables.synth_df, tables.sdtypes, seed, clock, timings, on_event)
        on_event({"event": "progress", "stage": "privacy", "elapsed_s": clock.elapsed()})
        dcr = _dcr_baseline_protection(privacy_engine, dcr_real, tables.dcr_synth, tables.dcr_sdtypes, sd_meta, seed, on_event)
    return quality_part, diagnostic_part, dcr


def _privacy(
    tables: _Tables, dcr: dict, privacy_engine: str, max_rows: int, dcr_rows: int, seed: int, progress
) -> tuple[dict, pd.DataFrame, pd.DataFrame | None]:
    """The privacy section; the training rows (real rows not held out) and the holdout sample."""
    real_df, synth_df, bools = tables.real_df, tables.synth_df, tables.bools
    sample_hashes, synth_hashes = _row_hashes(real_df), _row_hashes(synth_df)
    # Copies are looked for among every real row, not only the sample the scores use.
    subsampled = len(tables.every_real_row) != len(tables.real_raw)
    real_hashes = set(_row_hashes(tables.typed(tables.every_real_row)) if subsampled else sample_hashes)
    exact_share = float(synth_hashes.isin(real_hashes).mean()) if len(synth_df) else 0.0
    holdout_df = None if tables.holdout_raw is None else tables.typed(tables.holdout_raw)
    holdout_hashes = set() if holdout_df is None else set(_row_hashes(holdout_df))
    training_df = real_df if holdout_df is None else real_df[~sample_hashes.isin(holdout_hashes)].reset_index(drop=True)
    holdout_df = None if holdout_df is None else _subsample(holdout_df, max_rows, seed + 4)
    training_hashes = real_hashes - holdout_hashes
    training_copy_share = float(synth_hashes.isin(training_hashes).mean()) if len(synth_df) else 0.0
    holdout_copy_share = float(_row_hashes(holdout_df).isin(training_hashes).mean()) if holdout_df is not None else None
    against_holdout = attacks = None
    if holdout_df is not None and len(training_df) and len(holdout_df):
        training, held = _categorical_booleans(training_df, bools), _categorical_booleans(holdout_df, bools)
        against_holdout = _realism.privacy_against_holdout(training, held, tables.dcr_synth, tables.dcr_sdtypes, seed=seed, rows=dcr_rows)
        progress({"event": "progress", "stage": "attacks"})
        attacks = _attacks.attacks(training, held, _categorical_booleans(synth_df, bools), tables.dcr_sdtypes, seed=seed, rows=dcr_rows)
    privacy = {
        "score": _score(dcr.get("score")),
        "computed_by": privacy_engine,
        "dcr_baseline_protection": _score(dcr.get("score")),
        "median_dcr_synthetic": _score(dcr.get("median_DCR_to_real_data", {}).get("synthetic_data")),
        "median_dcr_random_baseline": _score(dcr.get("median_DCR_to_real_data", {}).get("random_data_baseline")),
        "exact_copy_share": exact_share,
        "exact_copies_of_training": training_copy_share,
        "holdout_copies_of_training": holdout_copy_share,
        "holdout": against_holdout,
        "attacks": attacks,
        "verdict": _realism.privacy_verdict(training_copy_share, holdout_copy_share, against_holdout and against_holdout["dcr_share"], attacks),
    }
    return privacy, training_df, holdout_df


def _realism_and_utility(tables: _Tables, training_df, holdout_df, target, seed: int, clock, timings: dict, progress) -> tuple[dict, dict | None]:
    """Detection (against the holdout when there is one) and, with a holdout and a target, utility."""
    progress({"event": "progress", "stage": "detection"})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        detection = _realism.detection(holdout_df if holdout_df is not None else tables.real_df, tables.synth_df, tables.sdtypes, seed=seed)
    detection["real_rows"] = "holdout" if holdout_df is not None else "training"
    timings["detection_s"] = clock.elapsed()
    utility = None
    if holdout_df is not None and target is not None and len(training_df):
        progress({"event": "progress", "stage": "utility"})
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            utility = _realism.utility(training_df, holdout_df, tables.synth_df, tables.sdtypes, target, seed=seed)
    timings["utility_s"] = clock.elapsed()
    return detection, utility


def _charts(tables: _Tables, bins: int, top_k: int) -> dict:
    """Histograms of every column but ids, and the real and synthetic association matrices."""
    real_df, synth_df, formats = tables.real_df, tables.synth_df, tables.formats
    chart_cols = [c for c in tables.columns if c.type != "id"]
    texts = [c for c in chart_cols if c.type == "text"]
    real_texts = _typed(tables.real_raw, texts, formats, ignore)
    synth_texts = _typed(tables.synth_raw[[c.name for c in texts]], texts, formats, ignore)
    histograms = [
        _histogram(
            c,
            real_df[c.name] if c.name in real_df else real_texts[c.name],
            synth_df[c.name] if c.name in synth_df else synth_texts[c.name],
            bins,
            top_k,
            formats.get(f"{c.name}:tokens"),
        )
        for c in chart_cols
    ]
    corr_cols = [c for c in tables.used if real_df[c.name].nunique(dropna=True) > 1]
    real_objects = real_df.astype(dict.fromkeys(tables.bools, object))
    synth_objects = synth_df.astype(dict.fromkeys(tables.bools, object))
    correlation = {
        "method": "pearson for numeric pairs, correlation ratio (eta) for numeric-categorical, Cramér's V for categorical pairs",
        "columns": [c.name for c in corr_cols],
        "real": _association(real_objects, corr_cols),
        "synthetic": _association(synth_objects, corr_cols),
    }
    return {"histograms": histograms, "correlation": correlation}


def _write(report: dict, output: str | None) -> None:
    if output:
        try:
            Path(output).parent.mkdir(parents=True, exist_ok=True)
            write_json_file(Path(output), report)
        except OSError as exc:
            raise EngineError("output_unwritable", f"cannot write {output}: {exc.strerror}") from None
