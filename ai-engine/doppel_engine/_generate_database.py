"""generate_database(): a database model folder -> one file per table, parents first.

Root tables get their real row count times ``scale``. A child table is sampled under the
synthetic rows of its context parent: each parent row gets the rows the model gives it (their
number and order learned), its foreign key set to that parent's key, and with ``orderBy`` the
rows sorted by it within each parent. Every other foreign key (a *link*) is resolved to a
synthetic parent row (``resolve_link``), so every key resolves. Primary keys are unique: a
single-column key is numbered afresh in the real key's style (an id column), a composite key's
repeats are moved to free values (``make_unique``). Anomalies (``--anomalies``) are injected
into a table's rows as they are written, never into its key or orderBy columns; its children are
sampled under its rows without them. Fixed values (``--conditions``) condition a root table's rows
as generate.py's ``--conditions`` conditions a single table's; its children follow them.
"""

from __future__ import annotations

import dataclasses
import json
from itertools import combinations
from pathlib import Path

import numpy as np
import pandas as pd

from . import _catalogue, _hma
from ._anomalies import anomaly_count, inject, parse_spec
from ._conditions import Conditioning, conditioning
from ._constants import OUTPUT_FORMATS
from ._database import Database, Relationship, Table, parse_database
from ._errors import EngineError
from ._events import EventCallback, Stopwatch, ignore
from ._generate import ENCODERS, SINKS, LoadedModel, RowsTally, drawn_seed, label_columns, load_model, sample_rows
from ._model_folder import ModelFolder
from ._restore import generate_ids, restore, training_frame
from ._rules import keep
from ._table_profile import Profile
from ._table_rules import SEED_MAX, SEED_MIN, is_seed
from ._train import load_json_argument
from ._train_database import DATABASE_FILE, sequence_order
from ._version import ENGINE_NAME, MODEL_FORMAT

CHUNK_SIZE = 50_000


def _read_model(model: str) -> tuple[Path, dict, Database]:
    folder = Path(model)
    doc_path = folder / DATABASE_FILE
    if not folder.is_dir():
        raise EngineError("model_not_found", f"model not found: {model}")
    if not doc_path.is_file():
        raise EngineError("model_invalid", f"{model} is not a database model: no {DATABASE_FILE}")
    try:
        doc = json.loads(doc_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise EngineError("model_invalid", f"{doc_path} is unreadable: {exc}") from None
    if not isinstance(doc, dict) or doc.get("engine") != ENGINE_NAME or not isinstance(doc.get("format"), int) or doc["format"] > MODEL_FORMAT:
        raise EngineError("model_invalid", f"{doc_path} was not written by this engine, or by a newer one")
    try:
        database = parse_database(doc)
    except EngineError as err:
        raise EngineError("model_invalid", f"{doc_path} is damaged: {err.message}") from None
    return folder, doc, database


def _learned_whole(doc: dict) -> bool:
    """Whether the model is one of the whole database (HMA), not one per table."""
    try:
        return not _catalogue.get(doc.get("algorithm")).single_table
    except EngineError as err:
        raise EngineError("model_invalid", f"the model cannot be loaded by this engine: {err.message}") from None


def _comparable(values: pd.Series) -> pd.Series:
    """Values as text that agrees across a parent's and a child's typing (1985, 1985.0 and '1985' alike)."""
    numbers = pd.to_numeric(values, errors="coerce")
    text = values.astype(object).map(str)
    return text.where(numbers.isna(), numbers.map("{:.12g}".format)).where(values.notna(), None)


def _joined(columns: list[pd.Series]) -> pd.Series:
    text = columns[0]
    for column in columns[1:]:
        text = text.str.cat(column, sep="\x1f")
    return text


def resolve_link(child: pd.DataFrame, parent: pd.DataFrame, link: Relationship, keep_first: list[str], rng: np.random.Generator) -> dict:
    """Point every child row's ``link`` columns at a synthetic parent row (in place).

    Each row takes a random parent row agreeing with all its link columns; when none agrees, one
    agreeing with the most of them, those in ``keep_first`` (columns the child's structure
    depends on: its context key, its orderBy) kept before the others, and then the link's own
    column order; with no agreeing row at all, any parent row. The link columns then take the
    chosen row's values, so a column that disagreed is changed, never left an orphan."""
    n = len(child)
    columns = list(link.child_columns)
    chosen = np.full(n, -1, dtype=np.int64)
    if not len(parent) or not n:
        return {"parent": link.parent, "columns": columns, "rows": n, "agreeing": 0, "changed": 0}
    to_parent = dict(zip(link.child_columns, link.parent_columns, strict=True))
    child_text = {c: _comparable(child[c]) for c in columns}
    parent_text = {c: _comparable(parent[to_parent[c]]) for c in columns}
    rank = {c: (keep_first.index(c) if c in keep_first else len(keep_first) + columns.index(c)) for c in columns}
    subsets = sorted((s for k in range(len(columns), 0, -1) for s in combinations(columns, k)), key=lambda s: (-len(s), sorted(rank[c] for c in s)))
    agreeing = 0
    for subset in subsets:
        open_rows = np.flatnonzero(chosen < 0)
        if not len(open_rows):
            break
        groups = pd.Series(np.arange(len(parent))).groupby(_joined([parent_text[c] for c in subset]).to_numpy()).indices
        wanted = _joined([child_text[c].iloc[open_rows].reset_index(drop=True) for c in subset])
        for key, rows in wanted.groupby(wanted.to_numpy()).indices.items():
            candidates = groups.get(key)
            if candidates is not None:
                chosen[open_rows[rows]] = candidates[rng.integers(len(candidates), size=len(rows))]
        if len(subset) == len(columns):
            agreeing = int((chosen >= 0).sum())
    open_rows = chosen < 0
    chosen[open_rows] = rng.integers(len(parent), size=int(open_rows.sum()))
    changed = np.zeros(n, dtype=bool)
    for c in columns:
        values = parent[to_parent[c]].to_numpy()[chosen]
        changed |= (child_text[c].to_numpy() != parent_text[c].to_numpy()[chosen]).astype(bool)
        child[c] = values
    return {"parent": link.parent, "columns": columns, "rows": n, "agreeing": agreeing, "changed": int(changed.sum())}


def make_unique(frame: pd.DataFrame, key: tuple[str, ...], fixed: set[str], profile: Profile) -> int:
    """Move repeats of a composite primary key to free values (in place): the last key column that
    is not a foreign key takes, in a repeated row, the first value that makes the key free (a real
    category, or the number one step further each time). Returns the rows changed."""
    repeated = np.flatnonzero(frame.duplicated(subset=list(key), keep="first").to_numpy())
    free = [c for c in key if c not in fixed]
    if not len(repeated) or not free:
        return 0
    column = free[-1]
    prof = profile.by_name()[column]
    used = set(map(tuple, frame[list(key)].astype(object).itertuples(index=False, name=None)))
    at = key.index(column)
    values = frame[column].to_numpy(dtype=object).copy()
    for row in repeated:
        current = tuple(frame[list(key)].iloc[row])
        for candidate in _candidates(prof, current[at]):
            probe = tuple(candidate if i == at else current[i] for i in range(len(key)))
            if probe not in used:
                used.add(probe)
                values[row] = candidate
                break
    frame[column] = values if prof.type in ("categorical", "text", "id") else values.astype(float)
    return len(repeated)


def _candidates(prof, value):
    if prof.type in ("categorical", "text"):
        yield from prof.categories or []
        step = 1
        while True:
            yield f"{value}-{step}"
            step += 1
    step = 10.0 ** -(prof.decimals or 0) if prof.type in ("integer", "float") else (prof.resolution or 1.0)
    k = 1
    while True:
        yield float(value) + k * step
        k += 1


def _output_profile(profile: Profile, database: Database, table: Table, profiles: dict[str, Profile]) -> Profile:
    """The child's profile with each foreign key column written as its parent's key column is."""
    replaced = {}
    for r in database.relationships:
        if r.child == table.name:
            parent = profiles[r.parent].by_name()
            for child_column, parent_column in zip(r.child_columns, r.parent_columns, strict=True):
                replaced[child_column] = dataclasses.replace(parent[parent_column], name=child_column)
    return dataclasses.replace(profile, columns=tuple(replaced.get(c.name, c) for c in profile.columns))


def _rules_kept(database: Database, name: str, profile: Profile) -> list[dict]:
    """The rules a table's rows keep: all of a root's; a child's once its keys are set from its
    parents, none that would change a key column."""
    if database.context_of(name) is None:
        return list(profile.rules)
    keys = database.key_columns(name)
    return [r for r in profile.rules if r["columns"][0] not in keys and not (r["kind"] == "order" and keys & set(r["columns"]))]


def _untouched(database: Database, name: str) -> frozenset[str]:
    """The columns an anomaly must leave alone so that keys, integrity and order hold."""
    ordered = (c for r in database.relationships if r.child == name for c in r.order_by)
    return frozenset({*database.table(name).primary_key, *database.key_columns(name), *ordered})


def _per_table(argument: object, what: str, example: str, code: str, database: Database) -> dict:
    """A per-table argument (``--anomalies``, ``--conditions``) read, its tables checked against the model's."""
    raw = load_json_argument(argument, what, code=code)
    if raw is None:
        return {}
    names = [t.name for t in database.tables]
    if not isinstance(raw, dict):
        raise EngineError(code, f"{what} must be a JSON object mapping table names to {example}")
    unknown = [name for name in raw if name not in names]
    if unknown:
        raise EngineError(code, f"{what} name table(s) the model lacks: {', '.join(unknown)} (its tables: {', '.join(names)})")
    return raw


def _anomaly_specs(anomalies: object, database: Database, profiles: dict[str, Profile]) -> dict[str, dict]:
    """``--anomalies`` checked: per table, generate.py's anomalies spec against that table."""
    raw = _per_table(anomalies, "anomalies", 'anomalies specs, such as {"People": {"ratio": 0.01}}', "invalid_anomalies", database)
    specs = {}
    for name, spec in raw.items():
        try:
            parsed = parse_spec(spec, profiles[name], _rules_kept(database, name, profiles[name]), _untouched(database, name))
        except EngineError as err:
            raise EngineError(err.code, f"anomalies of table '{name}': {err.message}") from None
        if parsed is not None:
            specs[name] = parsed
    return specs


def _conditionings(
    conditions: object, database: Database, profiles: dict[str, Profile], algorithm: type, counts: dict[str, int], seed: int
) -> dict[str, Conditioning]:
    """``--conditions`` checked: per root table, generate.py's fixed conditions against that table
    (never on its key, which the engine numbers), ``counts[table]`` rows of them."""
    raw = _per_table(conditions, "conditions", 'fixed values, such as {"People": {"bats": "L"}}', "invalid_condition", database)
    children = [name for name in raw if database.context_of(name) is not None]
    if children:
        raise EngineError("invalid_condition", f"conditions apply to tables without a parent; {', '.join(children)} has one")
    given = {}
    for name, values in raw.items():
        try:
            keys = [column for column in database.table(name).primary_key if isinstance(values, dict) and column in values]
            if keys:
                raise EngineError("invalid_condition", f"column '{keys[0]}': is a key; the engine makes its values, so rows cannot be conditioned on it")
            given[name] = conditioning(profiles[name], algorithm=algorithm, count=counts[name], seed=seed, conditions={} if values is None else values)
        except EngineError as err:
            raise EngineError(err.code, f"conditions of table '{name}': {err.message}") from None
    return given


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
    """Write one synthetic file per table of the database model ``model`` into the folder ``output``."""
    clock = Stopwatch()
    if format not in OUTPUT_FORMATS:
        raise EngineError("invalid_arguments", f"--format must be one of {', '.join(OUTPUT_FORMATS)} (got {format!r})")
    if isinstance(scale, bool) or not isinstance(scale, int | float) or not 0 < scale <= 1000:
        raise EngineError("invalid_arguments", f"--scale must be a number above 0 and at most 1000 (got {scale!r})")
    if seed is not None and not is_seed(seed):
        raise EngineError("invalid_arguments", f"--seed must be an integer between {SEED_MIN} and {SEED_MAX} (got {seed!r})")
    folder, doc, database = _read_model(model)
    seed = drawn_seed(seed)
    entries = {t["name"]: t for t in doc["tables"]}
    if _learned_whole(doc):
        loaded = {}
        profiles = {name: ModelFolder.read(folder / entry["folder"]).metadata.profile for name, entry in entries.items()}
        synthesizer = _hma.load(folder, doc.get("model"))
    else:
        loaded = {name: load_model(str(folder / entry["folder"])) for name, entry in entries.items()}
        profiles = {name: m.folder.metadata.profile for name, m in loaded.items()}
    specs = _anomaly_specs(anomalies, database, profiles)
    counts = {t.name: max(1, round(entries[t.name]["rows"] * scale)) for t in database.tables if database.context_of(t.name) is None}
    given = _conditionings(conditions, database, profiles, _catalogue.get(doc.get("algorithm")), counts, seed)
    out_dir = Path(output)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise EngineError("output_unwritable", f"cannot write the output folder {output}: {exc.strerror}") from None
    on_event({"event": "started", "model": str(model), "seed": seed, "scale": scale, "format": format, "tables": list(entries)})

    rules_of = {t.name: _rules_kept(database, t.name, profiles[t.name]) for t in database.tables}
    whole = None if loaded else _hma.sample(synthesizer, database, profiles, rules_of, seed, scale)
    rows: dict[str, pd.DataFrame] = {}
    summary: dict[str, dict] = {}
    for position, table in enumerate(database.in_order()):
        name = table.name
        rng = np.random.default_rng([seed, position, 3])
        rules = rules_of[name]
        info: dict = {}
        if whole is not None:
            typed = whole[name]
        elif database.context_of(name) is None:
            typed = _sample_root(loaded[name], counts[name], seed, rules, given.get(name))
        else:
            typed, info = _sample_child(loaded[name], database, table, rows, profiles, seed, rng, rules)
        if len(table.primary_key) > 1:
            moved = make_unique(typed, table.primary_key, database.key_columns(name), profiles[name])
            if moved:
                info["primary_key_moved"] = moved
        rows[name] = typed
        spec = specs.get(name)
        if spec is not None:
            typed = typed.copy()
            anomalous = anomaly_count(spec["ratio"], len(typed))
            kinds, _ = inject(typed, spec, anomalous, profiles[name], np.random.default_rng([seed, position, 4]), rules)
            info.update(anomalies=anomalous, anomaly_kinds=kinds)
        path = out_dir / f"{name}.{format}"
        _write(typed, path, format, _output_profile(profiles[name], database, table, profiles), label_columns(spec))
        summary[name] = {"rows": len(typed), "file": str(path), **info}
        on_event({"event": "progress", "stage": "sample", "table": name, "rows": len(typed), "elapsed_s": clock.elapsed()})
    completed = {"event": "completed", "model": str(model), "seed": seed, "scale": scale, "format": format, "tables": summary, "seconds": clock.elapsed()}
    on_event(completed)
    return completed


def _sample_root(loaded: LoadedModel, count: int, seed: int, rules: list[dict], given: Conditioning | None) -> pd.DataFrame:
    tally = RowsTally(anomaly_kinds={}, kept={r["id"]: [0, 0] for r in rules})
    chunks = sample_rows(loaded, count=count, seed=seed, chunk_size=CHUNK_SIZE, rules=rules, spec=None, tally=tally, given=given)
    return pd.concat(list(chunks), ignore_index=True)


def _sample_child(
    loaded: LoadedModel,
    database: Database,
    table: Table,
    rows: dict[str, pd.DataFrame],
    profiles: dict[str, Profile],
    seed: int,
    rng: np.random.Generator,
    rules: list[dict],
) -> tuple[pd.DataFrame, dict]:
    context = database.context_of(table.name)
    profile = profiles[table.name]
    parents = rows[context.parent]
    parent_frame, _ = training_frame(parents, profiles[context.parent])
    loaded.algorithm.reseed(seed)
    parent_of, sampled = loaded.algorithm.sample_children(parent_frame)
    typed = restore(sampled, profile, rng=rng, row_offset=0, n=len(sampled), rules=[])
    for child_column, parent_column in zip(context.child_columns, context.parent_columns, strict=True):
        typed[child_column] = parents[parent_column].to_numpy()[parent_of]
    keep_first = [*context.child_columns, *context.order_by]
    links = [resolve_link(typed, rows[link.parent], link, keep_first, rng) for link in database.links_of(table.name)]
    keep(typed, rules, profile, rng)
    typed = typed.iloc[sequence_order(typed, parent_of, context.order_by)].reset_index(drop=True)
    keys = database.key_columns(table.name)
    for prof in profile.columns:  # numbered again in the rows' final order
        if prof.role == "id" and prof.name not in keys:
            typed[prof.name] = generate_ids(prof, 0, len(typed))
    return typed, ({"links": links} if links else {})


def _write(typed: pd.DataFrame, path: Path, fmt: str, profile: Profile, extra: list[tuple]) -> None:
    partial = path.with_name(f".{path.name}.partial")
    try:
        encoder = ENCODERS[fmt](profile, extra)
        sink = SINKS[fmt](partial, encoder)
    except OSError as exc:
        raise EngineError("output_unwritable", f"cannot write {path}: {exc.strerror}") from None
    try:
        sink.write(encoder(typed, first=True))
        sink.close()
        partial.replace(path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
