"""The database document: tables (data file, primary key, column schema) and the relationships
between them, read and checked (ai-engine/README.md, "The database document")."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ._errors import EngineError
from ._schema import Column, parse_columns
from ._train import load_json_argument


@dataclass(frozen=True)
class Table:
    name: str
    data: str
    primary_key: tuple[str, ...]
    columns: list[Column] | None  # None: inferred from the data, as train.py does


@dataclass(frozen=True)
class Relationship:
    parent: str
    parent_columns: tuple[str, ...]
    child: str
    child_columns: tuple[str, ...]
    order_by: tuple[str, ...]  # empty: the children under one parent form no sequence


@dataclass(frozen=True)
class DatabaseDocument:
    tables: dict[str, Table]  # in the document's order
    relationships: list[Relationship]


def _invalid(message: str) -> EngineError:
    return EngineError("invalid_schema", message)


def _names(value: object, what: str, allow_empty: bool) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value) or (not value and not allow_empty):
        raise _invalid(f"{what} must be a {'' if allow_empty else 'non-empty '}list of column names (got {value!r})")
    if len(set(value)) != len(value):
        raise _invalid(f"{what} names a column twice: {value!r}")
    return tuple(value)


def _check_declared(table: Table, names: tuple[str, ...], what: str) -> None:
    if table.columns is None:
        return
    declared = {c.name for c in table.columns}
    missing = [n for n in names if n not in declared]
    if missing:
        raise _invalid(f"{what} names columns that table '{table.name}' does not declare: {', '.join(missing)}")


def _table(index: int, raw: object, folder: Path | None) -> Table:
    if not isinstance(raw, dict) or not isinstance(raw.get("name"), str) or not raw["name"]:
        raise _invalid(f"tables[{index}] must be an object with a non-empty string 'name'")
    name = raw["name"]
    data = raw.get("data")
    if not isinstance(data, str) or not data:
        raise _invalid(f"table '{name}': 'data' must be the path of its CSV or Parquet file")
    if folder is not None and not Path(data).is_absolute():
        data = str(folder / data)  # a relative path is read from the document's folder
    columns = None
    if raw.get("columns") is not None:
        try:
            columns = parse_columns(raw["columns"])
        except EngineError as err:
            raise _invalid(f"table '{name}': {err.message}") from None
    table = Table(name, data, _names(raw.get("primaryKey", []), f"table '{name}': primaryKey", allow_empty=True), columns)
    _check_declared(table, table.primary_key, f"table '{name}': primaryKey")
    return table


def _relationship(index: int, raw: object, tables: dict[str, Table]) -> Relationship:
    if not isinstance(raw, dict):
        raise _invalid(f"relationships[{index}] must be an object")
    ends = {}
    for end in ("parent", "child"):
        if raw.get(end) not in tables:
            raise _invalid(f"relationships[{index}]: {end} {raw.get(end)!r} is not a table of the document (tables: {', '.join(tables)})")
        ends[end] = tables[raw[end]]
    parent, child = ends["parent"], ends["child"]
    what = f"relationship {parent.name} <- {child.name}"
    parent_columns = _names(raw.get("parentColumns"), f"{what}: parentColumns", allow_empty=False)
    child_columns = _names(raw.get("childColumns"), f"{what}: childColumns", allow_empty=False)
    order_by = _names(raw.get("orderBy", []), f"{what}: orderBy", allow_empty=True)
    if len(parent_columns) != len(child_columns):
        raise _invalid(f"{what}: parentColumns and childColumns must pair up one to one (got {len(parent_columns)} and {len(child_columns)})")
    if set(parent_columns) != set(parent.primary_key):
        raise _invalid(f"{what}: parentColumns {list(parent_columns)} must be the primary key of '{parent.name}' ({list(parent.primary_key)})")
    _check_declared(child, child_columns, f"{what}: childColumns")
    _check_declared(child, order_by, f"{what}: orderBy")
    return Relationship(parent.name, parent_columns, child.name, child_columns, order_by)


def _refuse_cycles(relationships: list[Relationship]) -> None:
    parents: dict[str, set[str]] = {}
    for rel in relationships:
        parents.setdefault(rel.child, set()).add(rel.parent)
    done: set[str] = set()

    def visit(table: str, path: list[str]) -> None:
        if table in path:
            cycle = [*path[path.index(table) :], table][::-1]
            raise _invalid(f"the relationships form a cycle: {' -> '.join(cycle)} (parent -> child; a table cannot be its own ancestor)")
        if table in done:
            return
        for parent in sorted(parents.get(table, ())):
            visit(parent, [*path, table])
        done.add(table)

    for table in parents:
        visit(table, [])


def read_document(value: object) -> DatabaseDocument:
    """The document given inline, as a file path, or already parsed; relative ``data`` paths are
    read from the document file's folder. Anything wrong answers ``invalid_schema`` (exit 2)."""
    folder = Path(value).resolve().parent if isinstance(value, str) and not value.lstrip().startswith(("{", "[")) else None
    doc = load_json_argument(value, "database document", code="invalid_schema")
    if not isinstance(doc, dict) or not isinstance(doc.get("tables"), list) or not doc["tables"]:
        raise _invalid('the database document must be an object with a non-empty "tables" list')
    tables: dict[str, Table] = {}
    for index, raw in enumerate(doc["tables"]):
        table = _table(index, raw, folder)
        if table.name in tables:
            raise _invalid(f"table '{table.name}' appears twice in 'tables'")
        tables[table.name] = table
    raw_relationships = doc.get("relationships", [])
    if not isinstance(raw_relationships, list):
        raise _invalid("'relationships' must be a list")
    relationships = [_relationship(i, raw, tables) for i, raw in enumerate(raw_relationships)]
    _refuse_cycles(relationships)
    return DatabaseDocument(tables, relationships)
