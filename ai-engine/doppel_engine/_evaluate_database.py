"""evaluate_database(): a synthetic database (one file per table) against the real one.

Each table gets the single-table evaluation of _evaluate.py; each relationship its foreign-key
integrity, the distribution of children per parent, the trends between parent and child columns
on child rows joined with their parent and, for an ordered child, its sequences; and a classifier
tries to tell real parent rows from synthetic ones once each carries an aggregate of its children.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from . import _evaluate, _metrics, _realism
from ._database import Database, Relationship, Table, check_columns, parse_database
from ._errors import EngineError
from ._events import EventCallback, Stopwatch, _clean, ignore
from ._io import read_table
from ._schema import Column, check_against_data, infer_columns
from ._train import load_json_argument

# "full": each table's whole evaluate() report and the detection on parents with their children;
# "scores": each table's scores (evaluate()'s "scores" scope) and no classifier; "relationships":
# the relationships only. Each leaves out more of the slow parts (classifiers, charts).
SCOPES = ("full", "scores", "relationships")
HIST_BINS = 20
_UNSCORED_TYPES = ("id", "text")


@dataclass
class _TableData:
    """One table of the document: its columns and both sides as read and typed."""

    table: Table
    columns: list[Column]
    synthetic_file: Path
    real_raw: pd.DataFrame
    synthetic_raw: pd.DataFrame
    real: pd.DataFrame = None  # every column typed as its schema says
    synthetic: pd.DataFrame = None

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


@dataclass
class _Links:
    """How the child rows of one side find their parent rows."""

    parent_of: np.ndarray  # per child row: the position of its parent row, -1 when it has none
    null_keys: int  # child rows with an empty key column
    orphans: int  # child rows with a full key that no parent row has
    duplicate_parent_keys: int  # parent rows whose key an earlier parent row already has
    children: np.ndarray  # per parent row: how many child rows it has (0 for a repeated key)

    @property
    def resolved(self) -> np.ndarray:
        return self.parent_of >= 0


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
    clock = Stopwatch()
    if scope not in SCOPES:
        raise EngineError("invalid_arguments", f"--scope must be one of {', '.join(SCOPES)} (got {scope!r})")
    _evaluate._check_limits(max_rows=max_rows)
    document = parse_database(load_json_argument(schema, "schema", code="invalid_schema"))
    files = _synthetic_files(synthetic, document)
    given = synthetic if isinstance(synthetic, str) and Path(synthetic).is_dir() else {name: str(path) for name, path in files.items()}
    on_event({"event": "started", "synthetic": given, "tables": list(files), "relationships": len(document.relationships)})
    data = {table.name: _read(document, table, files[table.name], on_event) for table in document.tables}

    reports = {name: _table_report(table, scope, max_rows, seed, metrics, clock, on_event) for name, table in data.items()}
    for table in data.values():
        _type(table)

    identifiers = _identifier_columns(document)
    relationships, links = [], []  # links: per relationship, (real, synthetic)
    for rel in document.relationships:
        on_event({"event": "progress", "stage": "relationship", "parent": rel.parent, "child": rel.child, "elapsed_s": clock.elapsed()})
        parent, child = data[rel.parent], data[rel.child]
        real_links = _links(parent, child, rel, "real")
        synthetic_links = _links(parent, child, rel, "synthetic")
        links.append((real_links, synthetic_links))
        relationships.append(_relationship_report(rel, parent, child, real_links, synthetic_links, identifiers, max_rows, seed))

    detection = _detection(document, data, links, identifiers, seed, clock, on_event) if scope == "full" else None
    report = {
        "tables": reports,
        "relationships": relationships,
        "detection": detection,
        "summary": _summary(reports, relationships, detection),
        "scope": scope,
        "seconds": clock.elapsed(),
    }
    _evaluate._write(report, output)
    on_event({"event": "completed", "output": output, **report["summary"], "seconds": report["seconds"]})
    return _clean(report)


# ---------------------------------------------------------------------------------------------
# inputs


def _synthetic_files(synthetic: object, document: Database) -> dict[str, Path]:
    """Each table's synthetic file, in the document's order: ``synthetic`` is a folder holding
    ``<table>.csv`` or ``<table>.parquet``, or a mapping of table names to files (inline JSON, a
    .json file, or a dict)."""
    if isinstance(synthetic, str) and Path(synthetic).is_dir():
        return {table.name: _synthetic_file(Path(synthetic), table.name) for table in document.tables}
    if isinstance(synthetic, str) and not synthetic.strip().startswith("{") and not synthetic.endswith(".json"):
        raise EngineError("data_not_found", f"synthetic folder not found: {synthetic}")
    mapping = load_json_argument(synthetic, "--synthetic", code="invalid_arguments")
    if not isinstance(mapping, dict) or not all(isinstance(f, str) and f for f in mapping.values()):
        raise EngineError("invalid_arguments", "--synthetic must be a folder or a JSON object mapping each table name to its file")
    names = [table.name for table in document.tables]
    missing = [name for name in names if name not in mapping]
    if missing:
        raise EngineError("invalid_arguments", f"--synthetic gives no file for the table(s) {', '.join(missing)}")
    extra = [name for name in mapping if name not in names]
    if extra:
        raise EngineError("invalid_arguments", f"--synthetic names table(s) the document lacks: {', '.join(extra)}")
    for name in names:
        path = Path(mapping[name])
        if not path.is_file():
            raise EngineError("data_not_found", f"synthetic table '{name}' not found: {mapping[name]} is not a file")
    return {name: Path(mapping[name]) for name in names}


def _synthetic_file(folder: Path, table: str) -> Path:
    found = [folder / f"{table}.{suffix}" for suffix in ("csv", "parquet") if (folder / f"{table}.{suffix}").is_file()]
    if not found:
        raise EngineError("data_not_found", f"synthetic table '{table}' not found: expected {folder / table}.csv or {folder / table}.parquet")
    if len(found) > 1:
        raise EngineError("invalid_arguments", f"synthetic table '{table}' is there twice ({found[0].name} and {found[1].name}): keep one")
    return found[0]


def _read(document: Database, table: Table, synthetic_file: Path, on_event: EventCallback) -> _TableData:
    real_raw, _ = read_table(table.data, what=f"real table '{table.name}'")
    synthetic_raw, _ = read_table(str(synthetic_file), what=f"synthetic table '{table.name}'")
    columns = None if table.columns is None else list(table.columns)
    if columns is None:
        columns = infer_columns(real_raw)
        check_columns(document, table.name, [c.name for c in columns])
        on_event(
            {
                "event": "warning",
                "code": "schema_inferred",
                "table": table.name,
                "message": f"table '{table.name}' has no columns: their types were inferred from the real data",
            }
        )
    try:
        check_against_data(columns, list(real_raw.columns))
    except EngineError as err:
        raise EngineError(err.code, f"real table '{table.name}': {err.message}") from None
    missing = [c.name for c in columns if c.name not in synthetic_raw.columns]
    if missing:
        raise EngineError("column_missing", f"synthetic table '{table.name}' lacks columns of the real table: {', '.join(missing)}")
    return _TableData(table, columns, synthetic_file, real_raw, synthetic_raw)


def _type(table: _TableData) -> None:
    formats: dict = {}  # the real values' datetime formats read the synthetic ones too
    table.real = _evaluate._typed(table.real_raw, table.columns, formats, ignore)
    table.synthetic = _evaluate._typed(table.synthetic_raw[[c.name for c in table.columns]], table.columns, formats, ignore)


def _identifier_columns(document: Database) -> dict[str, set[str]]:
    """Per table, the columns that are a whole key on their own (a one-column primary or foreign
    key): they name rows and are left out of the trends and the detection. A part of a composite
    key (the yearID of (yearID, teamID)) is a value like any other."""
    out: dict[str, set[str]] = {table.name: set() for table in document.tables}
    for table in document.tables:
        if len(table.primary_key) == 1:
            out[table.name].add(table.primary_key[0])
    for rel in document.relationships:
        if len(rel.child_columns) == 1:
            out[rel.child].add(rel.child_columns[0])
    return out


# ---------------------------------------------------------------------------------------------
# tables


def _table_report(table: _TableData, scope: str, max_rows: int, seed: int, metrics: str | None, clock: Stopwatch, on_event: EventCallback) -> dict | None:
    """The single-table evaluation of one table, its events carrying the table's name; its own
    ``completed`` event becomes a ``table_evaluated`` progress event."""
    if scope not in _evaluate.SCOPES:
        return None
    on_event({"event": "progress", "stage": "table", "table": table.table.name, "elapsed_s": clock.elapsed()})

    def forward(event: dict) -> None:
        if event["event"] == "started":
            return
        if event["event"] == "completed":
            event = {**event, "event": "progress", "stage": "table_evaluated"}
            event.pop("output", None)
        on_event({**event, "table": table.table.name})

    try:
        return _evaluate.evaluate(
            real=table.table.data,
            synthetic=str(table.synthetic_file),
            metadata=[c.to_json() for c in table.columns],
            max_rows=max_rows,
            seed=seed,
            metrics=metrics,
            scope=scope,
            on_event=forward,
        )
    except EngineError as err:
        raise EngineError(err.code, f"table '{table.table.name}': {err.message}") from None


# ---------------------------------------------------------------------------------------------
# relationships


def _key_frame(table: _TableData, side: str, names: tuple[str, ...], key_columns: list[Column]) -> pd.DataFrame:
    """The key columns ``names`` of one side, typed as the parent's key columns are, so that a
    child's "1985" and a parent's 1985 are the same key."""
    raw = table.real_raw if side == "real" else table.synthetic_raw
    renamed = raw[list(names)].set_axis([c.name for c in key_columns], axis=1)
    return _evaluate._typed(renamed, key_columns, {}, ignore)


def _links(parent: _TableData, child: _TableData, rel: Relationship, side: str) -> _Links:
    key_columns = [parent.column(name) for name in rel.parent_columns]
    parent_keys = _key_frame(parent, side, rel.parent_columns, key_columns)
    child_keys = _key_frame(child, side, rel.child_columns, key_columns)
    parent_complete = parent_keys.notna().all(axis=1).to_numpy()
    parent_index = pd.MultiIndex.from_frame(parent_keys[parent_complete])
    first_row = pd.Series(np.flatnonzero(parent_complete), index=parent_index)
    repeated = first_row.index.duplicated()
    first_row = first_row[~repeated]
    child_complete = child_keys.notna().all(axis=1).to_numpy()
    parent_of = np.full(len(child_keys), -1)
    found = first_row.reindex(pd.MultiIndex.from_frame(child_keys[child_complete])).to_numpy()
    parent_of[child_complete] = np.where(np.isnan(found), -1, found).astype(int)
    resolved = parent_of >= 0
    return _Links(
        parent_of=parent_of,
        null_keys=int((~child_complete).sum()),
        orphans=int((child_complete & ~resolved).sum()),
        duplicate_parent_keys=int(repeated.sum()),
        children=np.bincount(parent_of[resolved], minlength=len(parent_keys)),
    )


def _relationship_report(
    rel: Relationship, parent: _TableData, child: _TableData, real: _Links, synthetic: _Links, identifiers: dict[str, set[str]], max_rows: int, seed: int
) -> dict:
    report = {
        "parent": rel.parent,
        "child": rel.child,
        "parentColumns": list(rel.parent_columns),
        "childColumns": list(rel.child_columns),
        **({"orderBy": list(rel.order_by)} if rel.order_by else {}),
        "integrity": _integrity(synthetic),
        "childrenPerParent": _children_per_parent(real.children, synthetic.children),
        "pairTrends": _pair_trends(rel, parent, child, real, synthetic, identifiers, max_rows, seed),
    }
    if rel.order_by:
        report["sequence"] = _sequence(child, rel, real, synthetic)
    return report


def _integrity(links: _Links) -> dict:
    keyed = len(links.parent_of) - links.null_keys
    return {
        "childRows": len(links.parent_of),
        "orphans": links.orphans,
        "share": 1 - links.orphans / keyed if keyed else None,
        "nullKeys": links.null_keys,
        "duplicateParentKeys": links.duplicate_parent_keys,
    }


def _count_edges(*counts: np.ndarray) -> np.ndarray:
    """Integer bin edges over 0..the largest count: one bin per count up to HIST_BINS counts,
    else HIST_BINS bins of about equal integer width."""
    top = max((int(c.max()) for c in counts if len(c)), default=0) + 1
    if top <= HIST_BINS:
        return np.arange(top + 1)
    return np.unique(np.linspace(0, top, HIST_BINS + 1).round().astype(int))


def _count_side(counts: np.ndarray, edges: np.ndarray) -> dict:
    shares = np.histogram(counts, bins=edges)[0] / max(len(counts), 1)
    return {
        "parents": len(counts),
        "children": int(counts.sum()),
        "mean": float(counts.mean()) if len(counts) else None,
        "max": int(counts.max()) if len(counts) else None,
        "childless": float((counts == 0).mean()) if len(counts) else None,
        "shares": shares.tolist(),
    }


def _ks_complement(real: np.ndarray, synthetic: np.ndarray) -> float | None:
    value = _metrics.ks_complement(pd.Series(real, dtype=float), pd.Series(synthetic, dtype=float))
    return None if np.isnan(value) else value


def _children_per_parent(real: np.ndarray, synthetic: np.ndarray) -> dict:
    edges = _count_edges(real, synthetic)
    return {
        "bins": edges.tolist(),
        "real": _count_side(real, edges),
        "synthetic": _count_side(synthetic, edges),
        "ksComplement": _ks_complement(real, synthetic),
    }


def _compared_columns(table: _TableData, keys: tuple[str, ...], identifiers: set[str]) -> list[Column]:
    return [c for c in table.columns if c.type not in _UNSCORED_TYPES and c.name not in keys and c.name not in identifiers]


def _joined(parent_frame, child_frame, links: _Links, parent_columns, child_columns, rel, max_rows: int, seed: int) -> pd.DataFrame:
    """Child rows that find their parent, each with its parent's columns (at most ``max_rows``)."""
    resolved = links.resolved
    joined = pd.concat(
        [
            parent_frame[[c.name for c in parent_columns]].iloc[links.parent_of[resolved]].reset_index(drop=True).add_prefix(f"{rel.parent}."),
            child_frame[[c.name for c in child_columns]][resolved].reset_index(drop=True).add_prefix(f"{rel.child}."),
        ],
        axis=1,
    )
    return _evaluate._subsample(joined, max_rows, seed)


def _pair_trends(
    rel: Relationship, parent: _TableData, child: _TableData, real: _Links, synthetic: _Links, identifiers: dict[str, set[str]], max_rows: int, seed: int
) -> dict:
    """Column Pair Trends (the single-table metric) of every parent column with every child
    column, on child rows joined with their parent."""
    parent_columns = _compared_columns(parent, rel.parent_columns, identifiers[rel.parent])
    child_columns = _compared_columns(child, rel.child_columns, identifiers[rel.child])
    sdtypes = {f"{rel.parent}.{c.name}": _evaluate._sdtype(c) for c in parent_columns} | {f"{rel.child}.{c.name}": _evaluate._sdtype(c) for c in child_columns}
    pairs = [(f"{rel.parent}.{p.name}", f"{rel.child}.{c.name}") for p in parent_columns for c in child_columns]
    real_rows = _joined(parent.real, child.real, real, parent_columns, child_columns, rel, max_rows, seed)
    synthetic_rows = _joined(parent.synthetic, child.synthetic, synthetic, parent_columns, child_columns, rel, max_rows, seed + 1)
    if not pairs or real_rows.empty or synthetic_rows.empty:
        return {"score": None, "scored": 0, "pairs": []}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        scored = _metrics.pair_trends(real_rows, synthetic_rows, sdtypes, pairs, seed=seed)
    result = _metrics.QualityResult(pairs=[{**p, "score": _evaluate._score(p["score"])} for p in scored])
    return {
        "score": _evaluate._score(result.column_pair_trends),
        "scored": sum(p["score"] is not None for p in result.pairs),
        "pairs": [{**p, "real": _evaluate._score(p["real"]), "synthetic": _evaluate._score(p["synthetic"])} for p in result.pairs],
    }


def _order_kept(child_frame: pd.DataFrame, order_by: tuple[str, ...], links: _Links) -> float | None:
    """Share of parents with two or more children whose children, in the order the file lists
    them, have non-decreasing ``order_by`` values (ties are in order; empty values sort last)."""
    resolved = links.resolved
    rank = child_frame[list(order_by)][resolved].groupby(list(order_by), dropna=False, sort=True).ngroup().to_numpy()
    parent_of = links.parent_of[resolved]
    steps = pd.Series(rank).groupby(parent_of).diff()
    in_order = (steps.fillna(0) >= 0).groupby(parent_of).all()
    sequences = in_order[links.children[in_order.index.to_numpy()] >= 2]
    return float(sequences.mean()) if len(sequences) else None


def _sequence(child: _TableData, rel: Relationship, real: _Links, synthetic: _Links) -> dict:
    return {
        "lengthKsComplement": _ks_complement(real.children[real.children > 0], synthetic.children[synthetic.children > 0]),
        "orderKept": _order_kept(child.synthetic, rel.order_by, synthetic),
        "realOrderKept": _order_kept(child.real, rel.order_by, real),
    }


# ---------------------------------------------------------------------------------------------
# detection on parent rows with their children


def _with_children(
    document: Database, data: dict[str, _TableData], links: list[tuple[_Links, _Links]], identifiers: dict[str, set[str]], name: str, side: str
) -> tuple[pd.DataFrame, dict[str, str]]:
    """A parent table's scored columns plus, for each child table, per parent row: the number of
    children, the mean of each numeric child column and the distinct values of each other one."""
    table = data[name]
    own = _compared_columns(table, (), identifiers[name])
    frame = (table.real if side == "real" else table.synthetic)[[c.name for c in own]].reset_index(drop=True)
    sdtypes = {c.name: _evaluate._sdtype(c) for c in own}
    parts = [frame]
    for rel, both_links in zip(document.relationships, links, strict=True):
        if rel.parent != name:
            continue
        rel_links = both_links[0 if side == "real" else 1]
        child = data[rel.child]
        label = (
            rel.child
            if sum(r.parent == name and r.child == rel.child for r in document.relationships) == 1
            else f"{rel.child} by {'+'.join(rel.child_columns)}"
        )
        aggregates = {f"{label}: rows": rel_links.children.astype(float)}
        resolved = rel_links.resolved
        rows = (child.real if side == "real" else child.synthetic)[resolved]
        parent_of = rel_links.parent_of[resolved]
        for col in _compared_columns(child, rel.child_columns, identifiers[rel.child]):
            values = rows[col.name].reset_index(drop=True)
            if _evaluate._sdtype(col) in _metrics.NUMERIC:
                per_parent, what = _metrics._numeric(values).groupby(parent_of).mean(), "mean"
            else:
                per_parent, what = values.astype(object).groupby(parent_of).nunique(), "distinct"
            aggregates[f"{label}: {what} {col.name}"] = per_parent.reindex(range(len(frame))).to_numpy(dtype=float)
        parts.append(pd.DataFrame(aggregates))
        sdtypes |= dict.fromkeys(aggregates, "numerical")
    return pd.concat(parts, axis=1), sdtypes


def _detection(document: Database, data: dict[str, _TableData], links: list[tuple[_Links, _Links]], identifiers, seed: int, clock, on_event) -> dict:
    """_realism's detection on each parent table's rows with an aggregate of their children; the
    score is the mean of the parent tables' scores."""
    tables = {}
    for name in dict.fromkeys(rel.parent for rel in document.relationships):
        on_event({"event": "progress", "stage": "detection", "table": name, "elapsed_s": clock.elapsed()})
        real, sdtypes = _with_children(document, data, links, identifiers, name, "real")
        synthetic, _ = _with_children(document, data, links, identifiers, name, "synthetic")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tables[name] = _realism.detection(real, synthetic, sdtypes, seed=seed)
        tables[name]["childAggregates"] = [c for c in real.columns if c not in data[name].real.columns]
    scores = [t["score"] for t in tables.values() if t["score"] is not None]
    return {"score": float(np.mean(scores)) if scores else None, "tables": tables}


# ---------------------------------------------------------------------------------------------
# summary


def _mean(values) -> float | None:
    present = [v for v in values if v is not None]
    return float(np.mean(present)) if present else None


def _summary(reports: dict, relationships: list[dict], detection: dict | None) -> dict:
    keyed = sum(r["integrity"]["childRows"] - r["integrity"]["nullKeys"] for r in relationships)
    orphans = sum(r["integrity"]["orphans"] for r in relationships)
    sequences = [r["sequence"] for r in relationships if "sequence" in r]
    return {
        "tables": len(reports),
        "relationships": len(relationships),
        "integrity": 1 - orphans / keyed if keyed else None,
        "orphans": orphans,
        "childrenPerParentKsComplement": _mean(r["childrenPerParent"]["ksComplement"] for r in relationships),
        "sequenceLengthKsComplement": _mean(s["lengthKsComplement"] for s in sequences),
        "orderKept": _mean(s["orderKept"] for s in sequences),
        "pairTrends": _mean(r["pairTrends"]["score"] for r in relationships),
        "quality": _mean(r["quality"]["score"] for r in reports.values() if r is not None),
        "detection": detection and detection["score"],
    }
