"""train_database(): a database document + config -> a model folder with one model per table.

Tables are trained parents first. A root table is a flat model as train.py trains it. A child table
is learned under its context parent's rows (mostlyai-engine's context data, the parent's training
frame): the number of rows each parent has and the rows themselves, ordered by ``orderBy`` when
the relationship has one. Key columns are not learned: a single-column primary key is numbered
afresh as an id column, a child's foreign keys are set from its parents at generation.

The folder: ``database.json`` (the document as trained, the config, each table's folder and
rows), ``training_log.jsonl``, and ``tables/<nn>-<name>/``, a model folder of train.py's layout
for each table (its metadata.json carries the profile the table is generated with).
"""

from __future__ import annotations

import dataclasses
import re
import shutil
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pandas as pd

from . import _hma
from ._algorithm import ParentRows
from ._database import Database, Relationship, Table, check_columns, parse_database
from ._errors import EngineError
from ._events import EventCallback, Stopwatch, ignore, to_json, write_json_file
from ._io import read_table
from ._model_folder import ModelFolder, ModelMetadata
from ._schema import Column, check_against_data, infer_columns
from ._table_profile import Profile
from ._train import fit_model, library_versions, load_json_argument, open_training_log, parse_config, prepare_frame
from ._version import ENGINE_NAME, MODEL_FORMAT, __version__

DATABASE_FILE = "database.json"
TABLES_DIR = "tables"
_NOT_FOR_DATABASES = {
    "columns": "each table's columns belong to the database document",
    "holdout": "a database trains on every row (no holdout)",
    "differential_privacy": "differential privacy is not offered for databases",
}


def table_folder(position: int, name: str) -> str:
    return f"{TABLES_DIR}/{position:02d}-{re.sub(r'[^A-Za-z0-9_.-]', '_', name)}"


def model_columns(database: Database, table: Table, columns: list[Column], *, links_learned: bool = True) -> list[Column]:
    """The schema a table is learned with: a single-column primary key and the context parent's
    key columns become id columns (not learned; numbered afresh, or set from the parent); so do
    the links' columns unless ``links_learned``."""
    context = database.context_of(table.name)
    ids = set(context.child_columns) if context else set()
    if not links_learned:
        ids |= database.key_columns(table.name)
    if len(table.primary_key) == 1:
        ids.add(table.primary_key[0])
    return [Column(c.name, "id") if c.name in ids else c for c in columns]


def _key_text(frame: pd.DataFrame, columns: tuple[str, ...]) -> pd.Series:
    """One text per row joining the values of ``columns`` (how a foreign key finds its parent row)."""
    text = frame[columns[0]].astype(str)
    for column in columns[1:]:
        text = text.str.cat(frame[column].astype(str), sep="\x1f")
    return text.where(frame[list(columns)].notna().all(axis=1), None)


def parent_positions(parent_raw: pd.DataFrame, child_raw: pd.DataFrame, relationship: Relationship) -> np.ndarray:
    """For each child row, the position of its parent row (-1: none, an orphan)."""
    parent_keys = _key_text(parent_raw, relationship.parent_columns)
    position = pd.Series(np.arange(len(parent_raw)), index=parent_keys.to_numpy()).groupby(level=0).first()
    found = _key_text(child_raw, relationship.child_columns).map(position)
    return found.fillna(-1).to_numpy(dtype=np.int64)


def _without_orphans(raw: pd.DataFrame, relationships: list[Relationship], parents: dict[str, pd.DataFrame], emit: EventCallback) -> tuple[pd.DataFrame, list]:
    """The child rows whose key finds a parent row in each of ``relationships`` (the others are not
    learned: warning ``orphan_rows``), and per relationship each row's parent position."""
    positions = [parent_positions(parents[r.parent], raw, r) for r in relationships]
    for r, parent_of in zip(relationships, positions, strict=True):
        orphans = int((parent_of < 0).sum())
        if orphans:
            message = f"{orphans} rows of {r.child} have no parent row in {r.parent}; they are not learned"
            emit({"event": "warning", "code": "orphan_rows", "message": message})
    kept = np.all([p >= 0 for p in positions], axis=0) if positions else np.ones(len(raw), dtype=bool)
    return raw[kept].reset_index(drop=True), [p[kept] for p in positions]


def _refuse_unsupported(database: Database, algo_cls) -> None:
    """An algorithm that learns related tables, but not all this document has: ``invalid_schema``
    naming the relationship or table, and the algorithms that can."""

    def refuse(what: str, needs: str) -> EngineError:
        able = ", ".join(cls.name for cls in _able({needs: True, "linkedTables": True}))
        return EngineError("invalid_schema", f"{what}, which {algo_cls.name} cannot learn ({needs}): use {able or 'another algorithm'}")

    for r in database.relationships:
        if r.order_by and not algo_cls.relational["sequences"]:
            raise refuse(f"relationship {r.describe()} has orderBy ({', '.join(r.order_by)})", "sequences")
        if len(r.child_columns) > 1 and not algo_cls.relational["compositeKeys"]:
            raise refuse(f"relationship {r.describe()} has a key of several columns", "compositeKeys")
    for table in database.tables:
        if len(table.primary_key) > 1 and not algo_cls.relational["compositeKeys"]:
            raise refuse(f"table '{table.name}' has a primary key of several columns ({', '.join(table.primary_key)})", "compositeKeys")


def _read(table: Table, emit: EventCallback) -> tuple[pd.DataFrame, dict, list[Column]]:
    raw, source = read_table(table.data, what=f"table {table.name}")
    columns = list(table.columns) if table.columns is not None else None
    if columns is None:
        columns = infer_columns(raw)
        inferred = ", ".join(f"{c.name}={c.type}" for c in columns)
        emit({"event": "warning", "code": "schema_inferred", "message": f"table {table.name} has no 'columns'; column types were inferred: {inferred}"})
    try:
        check_against_data(columns, list(raw.columns))
    except EngineError as err:
        raise EngineError(err.code, f"table {table.name}: {err.message}") from None
    return raw, source, columns


def train_database(*, schema: object, config: object, output: str, on_event: EventCallback = ignore) -> dict:
    """Train every table of the database document ``schema`` as ``config`` says into the folder ``output``."""
    clock = Stopwatch()
    database = parse_database(load_json_argument(schema, "schema", code="invalid_schema"))
    cfg = load_json_argument(config, "config")
    if isinstance(cfg, dict):
        for key, why in _NOT_FOR_DATABASES.items():
            if key in cfg:
                raise EngineError("invalid_config", f"config key '{key}' is not taken by train_database.py: {why}")
    algo_cls, settings, seed, _columns, _dp = parse_config(cfg)
    needs = {
        "linkedTables": bool(database.relationships),
        "sequences": any(r.order_by for r in database.relationships),
        "compositeKeys": any(len(t.primary_key) > 1 for t in database.tables),
    }
    if algo_cls.relational["linkedTables"]:
        _refuse_unsupported(database, algo_cls)
    missing = [what for what, needed in needs.items() if needed and not algo_cls.relational[what]]
    if missing:
        able = [cls.name for cls in _able(needs)]
        raise EngineError(
            "invalid_config", f"{algo_cls.name} cannot learn this database ({', '.join(missing)}); algorithms that can: {', '.join(able) or 'none'}"
        )

    out_dir = Path(output)
    log, emit = open_training_log(out_dir, on_event)
    (out_dir / DATABASE_FILE).unlink(missing_ok=True)
    shutil.rmtree(out_dir / TABLES_DIR, ignore_errors=True)
    (out_dir / _hma.MODEL_FILE).unlink(missing_ok=True)

    try:
        names = [t.name for t in database.tables]
        emit(
            {
                "event": "started",
                "algorithm": algo_cls.name,
                "schema": schema if isinstance(schema, str) and not schema.lstrip().startswith("{") else None,
                "model": str(out_dir),
                "seed": seed,
                "tables": names,
            }
        )
        read = {}
        for table in database.tables:
            raw, source, columns = _read(table, emit)
            check_columns(database, table.name, columns=[c.name for c in columns])
            read[table.name] = (raw, source, columns)
        if algo_cls.single_table:
            summary, tables_doc = _train_per_table(database, read, algo_cls, settings, seed, out_dir, emit)
            model = None
        else:
            summary, tables_doc, model = _train_whole(database, read, settings, seed, out_dir, emit)
        write_json_file(
            out_dir / DATABASE_FILE,
            {
                "engine": ENGINE_NAME,
                "engineVersion": __version__,
                "format": MODEL_FORMAT,
                "algorithm": algo_cls.name,
                "settings": settings,
                "seed": seed,
                "tables": [next(t for t in tables_doc if t["name"] == name) for name in names],
                "relationships": [r.to_json() for r in database.relationships],
                **({"model": model} if model is not None else {}),
                "seconds": clock.elapsed(),
                "createdAt": datetime.now(UTC).isoformat(timespec="seconds"),
            },
        )
        completed = {"event": "completed", "algorithm": algo_cls.name, "model": str(out_dir), "seed": seed, "tables": summary, "total_seconds": clock.elapsed()}
        emit(completed)
        return completed
    except BaseException as exc:
        if isinstance(exc, EngineError):
            log.write(to_json(exc.to_event()) + "\n")
        shutil.rmtree(out_dir / TABLES_DIR, ignore_errors=True)
        (out_dir / _hma.MODEL_FILE).unlink(missing_ok=True)
        raise
    finally:
        log.close()


def _train_per_table(
    database: Database, read: dict, algo_cls, settings: dict, seed: int, out_dir: Path, emit: EventCallback
) -> tuple[dict[str, dict], list[dict]]:
    """One model per table, parents first, each child learned under its context parent's rows:
    the summary of each table and its entry of database.json."""
    learned: dict[str, tuple[pd.DataFrame, Profile]] = {}
    learned_raw: dict[str, pd.DataFrame] = {}
    summary: dict[str, dict] = {}
    tables_doc = []
    for position, table in enumerate(database.in_order(), start=1):
        table_clock = Stopwatch()
        raw, source, columns = read.pop(table.name)
        table_emit = _table_emitter(emit, table.name)
        folder = table_folder(position, table.name)
        context = database.context_of(table.name)
        parent_of = None
        if context is not None:
            raw, (parent_of,) = _without_orphans(raw, [context], learned_raw, table_emit)
        schema_columns = model_columns(database, table, columns)
        typed, profile, frame, sdtypes = prepare_frame(
            raw, schema_columns, max_categories=settings["max_categories"], source=source, emit=table_emit, clock=table_clock
        )
        algorithm = algo_cls(settings, seed)
        if context is not None:
            if not sdtypes:
                raise EngineError("invalid_schema", f"table '{table.name}' has no column to learn besides its keys")
            order = sequence_order(typed, parent_of, context.order_by)
            frame, parent_of = frame.iloc[order].reset_index(drop=True), parent_of[order]
            raw = raw.iloc[order].reset_index(drop=True)  # its own children find their parent row by position in this order
            parent_frame, parent_profile = learned[context.parent]
            algorithm.context = ParentRows(frame=parent_frame, profile=parent_profile, parent_of=parent_of)
        (out_dir / folder).mkdir(parents=True)
        metadata = fit_model(
            algorithm,
            frame,
            sdtypes,
            profile,
            out_dir=out_dir / folder,
            emit=table_emit,
            clock=table_clock,
            columns=schema_columns,
            source={**source, "file": Path(table.data).name},
            holdout={"rows": 0, "reason": "a database trains on every row"},
            read_s=0.0,
        )
        learned[table.name] = (frame, profile)
        learned_raw[table.name] = raw
        summary[table.name] = {"rows": len(frame), "seconds": table_clock.elapsed(), "epochs": algorithm.epochs_trained, **metadata.losses}
        tables_doc.append({**table.to_json(), "folder": folder, "rows": len(frame), "columns": [c.to_json() for c in schema_columns]})
        del typed
    return summary, tables_doc


def _table_emitter(emit: EventCallback, name: str) -> EventCallback:
    return lambda event: emit({"event": event["event"], "table": name, **{k: v for k, v in event.items() if k != "event"}})


def _train_whole(database: Database, read: dict, settings: dict, seed: int, out_dir: Path, emit: EventCallback) -> tuple[dict[str, dict], list[dict], dict]:
    """One HMA model of the whole database (see _hma.py): each table profiled and keyed, rows whose
    foreign keys find no parent left out, then one fit; the summary, the tables' entries of
    database.json and the model file's entry."""

    frames, sdtypes, prepared, learned_raw = {}, {}, {}, {}
    for table in database.in_order():
        table_clock = Stopwatch()
        table_emit = _table_emitter(emit, table.name)
        raw, source, columns = read.pop(table.name)
        relationships = [r for r in database.relationships if r.child == table.name]
        raw, positions = _without_orphans(raw, relationships, learned_raw, table_emit)
        schema_columns = model_columns(database, table, columns, links_learned=False)
        _typed, profile, frame, sdtypes[table.name] = prepare_frame(
            raw, schema_columns, max_categories=settings["max_categories"], source=source, emit=table_emit, clock=table_clock
        )
        frames[table.name] = _hma.hma_frame(database, table, frame, {r.child_columns[0]: p for r, p in zip(relationships, positions, strict=True)})
        learned_raw[table.name] = raw
        prepared[table.name] = (schema_columns, profile, source, table_clock.elapsed())
    fit_clock = Stopwatch()
    model = _hma.fit(database, frames, sdtypes, settings, seed, out_dir, emit)
    fit_s = fit_clock.elapsed()
    summary, tables_doc = {}, []
    for position, table in enumerate(database.in_order(), start=1):
        schema_columns, profile, source, prepare_s = prepared[table.name]
        folder = table_folder(position, table.name)
        (out_dir / folder).mkdir(parents=True)
        ModelFolder(
            out_dir / folder,
            ModelMetadata(
                algorithm="HMA",
                settings=settings,
                seed=seed,
                columns=tuple(schema_columns),
                profile=profile,
                source={**source, "file": Path(table.data).name},
                rows=len(frames[table.name]),
                holdout={"rows": 0, "reason": "a database trains on every row"},
                libraries=library_versions(),
                model=dataclasses.replace(model, file=f"../../{model.file}"),
                losses={},
                timings={"prepare_s": prepare_s, "fit_s": fit_s},
                created_at=datetime.now(UTC).isoformat(timespec="seconds"),
            ),
        ).write()
        summary[table.name] = {"rows": len(frames[table.name]), "seconds": prepare_s, "epochs": None}
        tables_doc.append({**table.to_json(), "folder": folder, "rows": len(frames[table.name]), "columns": [c.to_json() for c in schema_columns]})
    return summary, tables_doc, dataclasses.asdict(model)


def sequence_order(typed: pd.DataFrame, parent_of: np.ndarray, order_by: tuple[str, ...]) -> np.ndarray:
    """Child rows grouped by parent, each parent's rows by ``order_by`` (else as read)."""
    keys = pd.DataFrame({"__parent": parent_of, **{c: typed[c].to_numpy() for c in order_by}})
    return keys.sort_values(["__parent", *order_by], kind="stable", na_position="last").index.to_numpy()


def _able(needs: dict[str, bool]) -> list:
    from . import _catalogue

    return [cls for cls in _catalogue.algorithms() if all(cls.relational[what] for what, needed in needs.items() if needed)]
