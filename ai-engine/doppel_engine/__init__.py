"""Doppel AI engine: train, generate and evaluate synthetic tabular data.

The public face is keyword-only functions; each reports progress through ``on_event``,
a callable receiving one event dict at a time (the CLIs print them as JSON lines). Heavy
libraries (sdv, mostlyai-engine, torch, sdmetrics) are imported only when a function needs them.
"""

from __future__ import annotations

from ._errors import EngineError
from ._events import EventCallback, ignore
from ._version import __version__

__all__ = ["EngineError", "__version__", "describe", "evaluate", "evaluate_database", "generate", "generate_database", "train", "train_database"]


def describe() -> dict:
    """The engine catalogue: algorithms, their settings and constraints."""
    from ._describe import describe as _describe

    return _describe()


def train(*, data: str, config: object, output: str, on_event: EventCallback = ignore, delimiter: str | None = None) -> dict:
    """Train a model folder from a table; see README.md for the config."""
    from ._train import train as _train

    return _train(data=data, config=config, output=output, on_event=on_event, delimiter=delimiter)


def generate(
    *,
    model: str,
    count: int | None = None,
    output: str,
    format: str | None = None,  # noqa: A002 - mirrors the --format option
    anomalies: object = None,
    seed: int | None = None,
    chunk_size: int = 50_000,
    part_rows: int | None = None,
    rules_off: list[str] | None = None,
    conditions: object = None,
    partial_rows: object = None,
    shares: object = None,
    impute: object = None,
    on_event: EventCallback = ignore,
) -> dict:
    """Sample ``count`` rows from a model folder into a CSV or Parquet file, keeping every rule
    of the model except the ids in ``rules_off``. At most one of: ``conditions`` (fixed values,
    ``{"class": ">50K"}``), ``partial_rows`` (a DataFrame or table path whose other cells the model
    fills in), ``shares`` (``{"class": {">50K": 0.5, "<=50K": 0.5}}``), ``impute`` (a table whose
    empty cells are filled); with a table, ``count`` defaults to its rows. The rows are sampled in
    parts of ``part_rows`` (default 100,000), each from a seed of its own; with the environment
    variable DOPPEL_ENGINE_FAN_OUT=ray the parts run as tasks on the Ray cluster (README.md)."""
    from ._generate import generate as _generate

    return _generate(
        model=model,
        count=count,
        output=output,
        format=format,
        anomalies=anomalies,
        seed=seed,
        chunk_size=chunk_size,
        part_rows=part_rows,
        rules_off=rules_off,
        conditions=conditions,
        partial_rows=partial_rows,
        shares=shares,
        impute=impute,
        on_event=on_event,
    )


def train_database(*, schema: object, config: object, output: str, on_event: EventCallback = ignore) -> dict:
    """Train one model per table of a database document (tables, keys, relationships; inline JSON,
    a file path or a dict) into the folder ``output``; see README.md."""
    from ._train_database import train_database as _train_database

    return _train_database(schema=schema, config=config, output=output, on_event=on_event)


def generate_database(
    *,
    model: str,
    output: str,
    seed: int | None = None,
    scale: float = 1.0,
    format: str = "csv",  # noqa: A002 - mirrors the --format option
    anomalies: object = None,
    conditions: object = None,
    on_event: EventCallback = ignore,
) -> dict:
    """Write ``<table>.<format>`` into the folder ``output`` for every table of a database model,
    parents first; ``scale`` multiplies the root tables' real row counts. ``anomalies`` maps table
    names to generate()'s anomalies spec, ``conditions`` the names of tables without a parent to
    generate()'s fixed conditions (each inline JSON, a file path or a dict)."""
    from ._generate_database import generate_database as _generate_database

    return _generate_database(model=model, output=output, seed=seed, scale=scale, format=format, anomalies=anomalies, conditions=conditions, on_event=on_event)


def evaluate(
    *,
    real: str,
    synthetic: str,
    output: str | None = None,
    metadata: object = None,
    max_rows: int = 20_000,
    dcr_rows: int = 2_000,
    seed: int = 0,
    metrics: str | None = None,
    model: str | None = None,
    holdout: str | None = None,
    target: str | None = None,
    on_event: EventCallback = ignore,
) -> dict:
    """Compare a synthetic table with the real one; returns (and optionally writes) the report.

    ``metrics``: "sdmetrics", "doppel" (the engine's own metrics) or None/"auto" (sdmetrics when
    installed). ``model``: the folder of the model the synthetic rows came from. ``holdout``: real
    rows kept out of training (default: those of ``model``, or of the model ``metadata`` names). ``target``: the column the
    utility test predicts (default: the last categorical/boolean one, else the last numeric one)."""
    from ._evaluate import evaluate as _evaluate

    return _evaluate(
        real=real,
        synthetic=synthetic,
        output=output,
        metadata=metadata,
        max_rows=max_rows,
        dcr_rows=dcr_rows,
        seed=seed,
        metrics=metrics,
        model=model,
        holdout=holdout,
        target=target,
        on_event=on_event,
    )


def evaluate_database(
    *,
    schema: object,
    synthetic: str | dict,
    output: str | None = None,
    seed: int = 0,
    max_rows: int = 20_000,
    metrics: str | None = None,
    scope: str = "full",
    on_event: EventCallback = ignore,
) -> dict:
    """Compare a synthetic database (the folder ``synthetic`` holding ``<table>.csv`` or
    ``<table>.parquet`` per table, or a mapping of each table to its file: a dict, inline JSON or a
    .json file) with the real one the database document ``schema`` describes;
    returns (and optionally writes) the report. ``scope``: "full" (each table's evaluate() report
    and the detection), "scores" (each table's quality, diagnostic and privacy; no classifier) or
    "relationships" (the relationships only)."""
    from ._evaluate_database import evaluate_database as _evaluate_database

    return _evaluate_database(
        schema=schema,
        synthetic=synthetic,
        output=output,
        seed=seed,
        max_rows=max_rows,
        metrics=metrics,
        scope=scope,
        on_event=on_event,
    )
