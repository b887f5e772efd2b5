"""The database document (``--schema``): tables with their keys, and the relationships between them.

A child table has at most one *context* parent (the relationship with ``orderBy``, else the first
listed for it): it is learned and generated under that parent's rows. Its other relationships are
*links*, resolved at generation to a synthetic parent row. Anything the document gets wrong is an
``invalid_schema`` error naming the table and the column.
"""

from __future__ import annotations

from dataclasses import dataclass

from ._errors import EngineError
from ._schema import Column, parse_columns


def _invalid(message: str) -> EngineError:
    return EngineError("invalid_schema", message)


@dataclass(frozen=True)
class Table:
    name: str
    data: str
    primary_key: tuple[str, ...]
    columns: tuple[Column, ...] | None  # None: inferred from the data, as train.py does

    def to_json(self) -> dict:
        out = {"name": self.name, "data": self.data, "primaryKey": list(self.primary_key)}
        if self.columns is not None:
            out["columns"] = [c.to_json() for c in self.columns]
        return out


@dataclass(frozen=True)
class Relationship:
    parent: str
    parent_columns: tuple[str, ...]
    child: str
    child_columns: tuple[str, ...]
    order_by: tuple[str, ...] = ()

    def to_json(self) -> dict:
        out = {"parent": self.parent, "parentColumns": list(self.parent_columns), "child": self.child, "childColumns": list(self.child_columns)}
        if self.order_by:
            out["orderBy"] = list(self.order_by)
        return out

    def describe(self) -> str:
        return f"{self.parent}({', '.join(self.parent_columns)}) <- {self.child}({', '.join(self.child_columns)})"


@dataclass(frozen=True)
class Database:
    tables: tuple[Table, ...]
    relationships: tuple[Relationship, ...]

    def table(self, name: str) -> Table:
        return next(t for t in self.tables if t.name == name)

    def context_of(self, child: str) -> Relationship | None:
        """The relationship ``child`` is learned under: the one with orderBy, else the first listed."""
        own = [r for r in self.relationships if r.child == child]
        return next((r for r in own if r.order_by), own[0] if own else None)

    def links_of(self, child: str) -> list[Relationship]:
        context = self.context_of(child)
        return [r for r in self.relationships if r.child == child and r is not context]

    def key_columns(self, child: str) -> set[str]:
        """The columns of ``child`` that hold a parent's key (set from the parent at generation)."""
        return {c for r in self.relationships if r.child == child for c in r.child_columns}

    def in_order(self) -> list[Table]:
        """Every table after all its parents (context and links), otherwise in the document's order."""
        done: list[str] = []
        waiting = [t.name for t in self.tables]
        while waiting:
            ready = next(
                (name for name in waiting if all(r.parent in done for r in self.relationships if r.child == name)),
                None,
            )
            if ready is None:
                raise _invalid(f"the relationships form a cycle between the tables {', '.join(_cycle(self, waiting))}")
            done.append(ready)
            waiting.remove(ready)
        return [self.table(name) for name in done]

    def to_json(self) -> dict:
        return {"tables": [t.to_json() for t in self.tables], "relationships": [r.to_json() for r in self.relationships]}


def _cycle(database: Database, waiting: list[str]) -> list[str]:
    """The tables of one cycle among ``waiting`` (each of which has a parent still waiting)."""
    path = [waiting[0]]
    while True:
        parent = next(r.parent for r in database.relationships if r.child == path[-1] and r.parent in waiting)
        if parent in path:
            return [*path[path.index(parent) :], parent]
        path.append(parent)


def _names(raw: object, what: str, *, allow_empty: bool = False) -> tuple[str, ...]:
    if not isinstance(raw, list) or not all(isinstance(n, str) and n for n in raw) or (not raw and not allow_empty):
        raise _invalid(f"{what} must be a {'' if allow_empty else 'non-empty '}list of column names (got {raw!r})")
    if len(set(raw)) != len(raw):
        raise _invalid(f"{what} names a column twice: {raw!r}")
    return tuple(raw)


def _table(raw: object, position: int) -> Table:
    if not isinstance(raw, dict) or not isinstance(raw.get("name"), str) or not raw["name"]:
        raise _invalid(f"tables[{position}] must be an object with a non-empty string 'name'")
    name = raw["name"]
    if not isinstance(raw.get("data"), str) or not raw["data"]:
        raise _invalid(f"table '{name}' has no 'data' (the path of its CSV or Parquet file)")
    primary_key = _names(raw.get("primaryKey", []), f"table '{name}': primaryKey", allow_empty=True)
    columns = None
    if raw.get("columns") is not None:
        try:
            columns = tuple(parse_columns(raw["columns"]))
        except EngineError as err:
            raise _invalid(f"table '{name}': {err.message}") from None
    return Table(name=name, data=raw["data"], primary_key=primary_key, columns=columns)


def _relationship(raw: object, position: int, tables: dict[str, Table]) -> Relationship:
    if not isinstance(raw, dict):
        raise _invalid(f"relationships[{position}] must be an object")
    for side in ("parent", "child"):
        if raw.get(side) not in tables:
            raise _invalid(f"relationships[{position}]: {side} {raw.get(side)!r} is not a table of the document")
    parent, child = tables[raw["parent"]], tables[raw["child"]]
    what = f"relationship {parent.name} <- {child.name}"
    parent_columns = _names(raw.get("parentColumns"), f"{what}: parentColumns")
    child_columns = _names(raw.get("childColumns"), f"{what}: childColumns")
    if len(parent_columns) != len(child_columns):
        raise _invalid(f"{what}: parentColumns and childColumns differ in length ({len(parent_columns)} and {len(child_columns)})")
    if parent_columns != parent.primary_key:
        raise _invalid(f"{what}: parentColumns {list(parent_columns)} must be the primary key of table '{parent.name}' ({list(parent.primary_key)})")
    order_by = _names(raw.get("orderBy") or [], f"{what}: orderBy", allow_empty=True)
    if parent.name == child.name:
        raise _invalid(f"{what}: a table cannot be its own parent (the relationships form a cycle)")
    return Relationship(parent=parent.name, parent_columns=parent_columns, child=child.name, child_columns=child_columns, order_by=order_by)


def parse_database(doc: object) -> Database:
    """The database document checked: tables, keys, relationships, no cycle; the column names are
    checked against each table's columns by ``check_columns`` once they are known."""
    if not isinstance(doc, dict) or not isinstance(doc.get("tables"), list) or not doc["tables"]:
        raise _invalid("the database document must be an object with a non-empty list 'tables'")
    tables: dict[str, Table] = {}
    for position, raw in enumerate(doc["tables"]):
        table = _table(raw, position)
        if table.name in tables:
            raise _invalid(f"table '{table.name}' is listed twice")
        tables[table.name] = table
    raw_relationships = doc.get("relationships") or []
    if not isinstance(raw_relationships, list):
        raise _invalid("'relationships' must be a list")
    relationships = tuple(_relationship(raw, position, tables) for position, raw in enumerate(raw_relationships))
    for child in tables:
        ordered = [r for r in relationships if r.child == child and r.order_by]
        if len(ordered) > 1:
            raise _invalid(f"table '{child}' has orderBy on {len(ordered)} relationships; a table is a sequence under one parent at most")
    database = Database(tables=tuple(tables.values()), relationships=relationships)
    database.in_order()  # refuses a cycle
    for table in database.tables:
        if table.columns is not None:
            check_columns(database, table.name, [c.name for c in table.columns])
    return database


def check_columns(database: Database, name: str, columns: list[str]) -> None:
    """Every key and orderBy column of table ``name`` must be one of its ``columns``."""
    present = set(columns)

    def need(column: str, role: str) -> None:
        if column not in present:
            raise _invalid(f"table '{name}' has no column '{column}' ({role})")

    for column in database.table(name).primary_key:
        need(column, "its primaryKey")
    for r in database.relationships:
        if r.child == name:
            for column in r.child_columns:
                need(column, f"childColumns of {r.describe()}")
            for column in r.order_by:
                need(column, f"orderBy of {r.describe()}")
        if r.parent == name:
            for column in r.parent_columns:
                need(column, f"parentColumns of {r.describe()}")
