"""A database as one SDV HMASynthesizer (the catalogue's ``HMA``): trained by train_database(),
sampled by generate_database().

Each table is profiled and turned into its training frame as train.py does; its keys (the primary
key and every foreign key, one column each) are not learned as values but given to HMA as
``id`` columns holding row numbers: a parent row's position, and in a child row the position of
its parent row. HMA fits a Gaussian copula per table, each parent row extended with its children's
row count and distribution parameters. At generation HMA's tables are restored to the real values
and grids, and its keys turned back into the real keys' style through the parent rows they name,
so every foreign key resolves and every primary key is unique.

The model file (``model.pkl``, cloudpickle of the synthesizer) sits at the model folder's root;
database.json records its sha256, checked before it is unpickled. Each table's folder holds a
metadata.json with its profile (and the same model entry), as for the other algorithms.
"""

from __future__ import annotations

import pickle
from pathlib import Path

import numpy as np
import pandas as pd

from ._database import Database, Table
from ._errors import EngineError
from ._events import EventCallback
from ._model_folder import ModelFile
from ._restore import restore
from ._table_profile import Profile

MODEL_FILE = "model.pkl"  # the one model of the whole database, at the model folder's root


def _key_columns(database: Database, name: str) -> list[str]:
    return [*database.table(name).primary_key, *sorted(database.key_columns(name))]


def _metadata(database: Database, frames: dict[str, pd.DataFrame], sdtypes: dict[str, dict[str, str]]):
    from sdv.metadata import Metadata

    tables = {}
    for table in database.tables:
        keys = set(_key_columns(database, table.name))
        columns = {column: {"sdtype": "id" if column in keys else sdtypes[table.name][column]} for column in frames[table.name].columns}
        tables[table.name] = {"columns": columns, **({"primary_key": table.primary_key[0]} if table.primary_key else {})}
    relationships = [
        {"parent_table_name": r.parent, "parent_primary_key": r.parent_columns[0], "child_table_name": r.child, "child_foreign_key": r.child_columns[0]}
        for r in database.relationships
    ]
    return Metadata.load_from_dict({"tables": tables, "relationships": relationships})


def hma_frame(database: Database, table: Table, frame: pd.DataFrame, parent_of: dict[str, np.ndarray]) -> pd.DataFrame:
    """The table's training frame with its keys as row numbers: its own position for its primary
    key, the parent row's position for each foreign key (``parent_of``: per foreign key column)."""
    keyed = frame.copy()
    if table.primary_key:
        keyed[table.primary_key[0]] = np.arange(len(frame), dtype=np.int64)
    for column, positions in parent_of.items():
        keyed[column] = positions.astype(np.int64)
    return keyed


def fit(
    database: Database, frames: dict[str, pd.DataFrame], sdtypes: dict[str, dict[str, str]], settings: dict, seed: int, out_dir: Path, emit: EventCallback
) -> ModelFile:
    """Fit HMA on every table's keyed training frame and save it into ``out_dir``."""
    import cloudpickle
    from sdv.errors import InvalidDataError, SynthesizerInputError
    from sdv.multi_table import HMASynthesizer

    from ._sdv import _seed_everything

    _seed_everything(seed)
    synthesizer = HMASynthesizer(_metadata(database, frames, sdtypes), verbose=False)
    for table in database.tables:
        synthesizer.set_table_parameters(table.name, {"default_distribution": settings["default_distribution"]})
    emit({"event": "progress", "stage": "fit", "step": 1, "steps": 1, "elapsed_s": 0.0})
    try:
        synthesizer.fit(frames)
    except (InvalidDataError, SynthesizerInputError) as exc:
        raise EngineError("invalid_schema", f"HMA cannot learn this database: {exc}") from None
    path = out_dir / MODEL_FILE
    tmp = path.with_suffix(".pkl.tmp")
    with tmp.open("wb") as fh:
        cloudpickle.dump({"doppel_algorithm": "HMA", "synthesizer": synthesizer}, fh)
    tmp.replace(path)
    return ModelFile.of(path)


def load(folder: Path, model: dict):
    """The synthesizer of ``model.pkl``, once its sha256 is the one database.json recorded."""
    from ._algorithm import file_sha256

    path = folder / MODEL_FILE
    if not path.is_file():
        raise EngineError("model_not_found", f"model file missing: {path}")
    # A pickle runs code: only the file train wrote is loaded.
    if not isinstance(model, dict) or file_sha256(path) != model.get("sha256"):
        raise EngineError("model_invalid", f"{path} does not match its database.json (corrupt or replaced)")
    try:
        import torch  # noqa: F401 - unpickling SDV needs it importable

        with path.open("rb") as fh:
            payload = pickle.load(fh)
    except Exception as exc:  # noqa: BLE001 - any unpickling failure means a bad model file
        raise EngineError("model_invalid", f"cannot load {path}: {type(exc).__name__}: {exc}") from None
    if not isinstance(payload, dict) or payload.get("doppel_algorithm") != "HMA":
        raise EngineError("model_invalid", f"{path} does not hold a Doppel HMA model")
    return payload["synthesizer"]


def sample(synthesizer, database: Database, profiles: dict[str, Profile], rules: dict[str, list[dict]], seed: int, scale: float) -> dict[str, pd.DataFrame]:
    """Every table sampled (``scale`` times the real root rows, children as HMA gives them),
    restored, its rules kept; each foreign key takes the real-style key of the parent row HMA
    chose for it."""
    synthesizer._numpy_seed = seed % 2**32
    for table_synthesizer in synthesizer._table_synthesizers.values():
        table_synthesizer._set_random_state(seed)
    sampled = synthesizer.sample_scale(scale=float(scale))
    typed: dict[str, pd.DataFrame] = {}
    for position, table in enumerate(database.in_order()):
        rows = sampled[table.name].reset_index(drop=True)
        out = restore(rows, profiles[table.name], rng=np.random.default_rng([seed, position, 5]), row_offset=0, n=len(rows), rules=rules[table.name])
        for r in (r for r in database.relationships if r.child == table.name):
            parent_rows = sampled[r.parent][r.parent_columns[0]].reset_index(drop=True)
            at = pd.Series(np.arange(len(parent_rows)), index=parent_rows.to_numpy())
            out[r.child_columns[0]] = typed[r.parent][r.parent_columns[0]].to_numpy()[at.loc[rows[r.child_columns[0]].to_numpy()].to_numpy()]
        typed[table.name] = out
    return typed
