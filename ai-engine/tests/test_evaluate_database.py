"""evaluate_database.py: integrity, children per parent, sequences, pair trends and detection
on a small part of the Lahman database, compared with itself and with broken copies."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from scipy.stats import ks_2samp

from conftest import DATASETS, run_cli
from doppel_engine import evaluate, evaluate_database

LAHMAN = DATASETS / "lahman"
# Few columns per table keep each evaluation to seconds; every table keeps its keys and rownames.
KEPT = {
    "TeamsFranchises": ["rownames", "franchID", "franchName", "active", "NAassoc"],
    "Teams": ["rownames", "yearID", "lgID", "teamID", "franchID", "W", "L", "attendance"],
    "People": ["rownames", "playerID", "birthYear", "birthCountry", "weight", "height", "bats"],
    "Salaries": ["rownames", "yearID", "teamID", "lgID", "playerID", "salary"],
}
COLUMNS = {
    "TeamsFranchises": [("rownames", "id"), ("franchID", "id"), ("franchName", "text"), ("active", "categorical"), ("NAassoc", "categorical")],
    "Teams": [("rownames", "id"), ("yearID", "integer"), ("lgID", "categorical"), ("teamID", "categorical"), ("franchID", "categorical"),
              ("W", "integer"), ("L", "integer"), ("attendance", "integer")],
    "People": [("rownames", "id"), ("playerID", "id"), ("birthYear", "integer"), ("birthCountry", "categorical"), ("weight", "integer"),
               ("height", "integer"), ("bats", "categorical")],
    "Salaries": [("rownames", "id"), ("yearID", "integer"), ("teamID", "categorical"), ("lgID", "categorical"), ("playerID", "categorical"),
                 ("salary", "integer")],
}
PRIMARY_KEYS = {"TeamsFranchises": ["franchID"], "Teams": ["yearID", "teamID"], "People": ["playerID"], "Salaries": []}
RELATIONSHIPS = [
    {"parent": "TeamsFranchises", "parentColumns": ["franchID"], "child": "Teams", "childColumns": ["franchID"], "orderBy": ["yearID"]},
    {"parent": "People", "parentColumns": ["playerID"], "child": "Salaries", "childColumns": ["playerID"], "orderBy": ["yearID"]},
    {"parent": "Teams", "parentColumns": ["yearID", "teamID"], "child": "Salaries", "childColumns": ["yearID", "teamID"]},
]


def _read(name: str) -> pd.DataFrame:
    return pd.read_csv(LAHMAN / f"{name}.csv", dtype=str, keep_default_na=False)[KEPT[name]]


@pytest.fixture(scope="module")
def real(tmp_path_factory):
    """300 players (240 with salaries, 60 without), their salaries, the teams of those years and
    every franchise, written with the database document that describes them."""
    folder = tmp_path_factory.mktemp("lahman")
    salaries_all = _read("Salaries")
    people = _read("People")
    paid = sorted(salaries_all["playerID"].unique())
    unpaid = sorted(set(people["playerID"]) - set(paid))
    rng = np.random.default_rng(3)
    players = set(rng.choice(paid, 240, replace=False)) | set(rng.choice(unpaid, 60, replace=False))
    teams = _read("Teams")
    tables = {
        "TeamsFranchises": _read("TeamsFranchises"),
        "Teams": teams[teams["yearID"].astype(int).between(1985, 2016)],
        "People": people[people["playerID"].isin(players)],
        "Salaries": salaries_all[salaries_all["playerID"].isin(players)],
    }
    for name, frame in tables.items():
        frame.to_csv(folder / f"{name}.csv", index=False)
    document = {
        "tables": [
            {"name": name, "data": str(folder / f"{name}.csv"), "primaryKey": PRIMARY_KEYS[name],
             "columns": [{"name": n, "type": t} for n, t in COLUMNS[name]]}
            for name in tables
        ],
        "relationships": RELATIONSHIPS,
    }
    schema = folder / "database.json"
    schema.write_text(json.dumps(document))
    return {"schema": schema, "tables": {name: frame.reset_index(drop=True) for name, frame in tables.items()}, "document": document}


def _write(folder, tables: dict[str, pd.DataFrame], parquet: tuple[str, ...] = ()) -> None:
    folder.mkdir(exist_ok=True)
    for name, frame in tables.items():
        if name in parquet:
            frame.to_parquet(folder / f"{name}.parquet", index=False)
        else:
            frame.to_csv(folder / f"{name}.csv", index=False)


def _relationship(report: dict, parent: str, child: str) -> dict:
    return next(r for r in report["relationships"] if r["parent"] == parent and r["child"] == child)


def _copy(real) -> dict[str, pd.DataFrame]:
    return {name: frame.copy() for name, frame in real["tables"].items()}


def test_the_real_database_against_itself_scores_full_marks(real, tmp_path):
    copy = _copy(real)
    copy["Teams"] = copy["Teams"].astype({"yearID": int, "W": int, "L": int})  # Parquet with numbers: keys still meet "1985" in Salaries.csv
    _write(tmp_path / "synthetic", copy, parquet=("Teams",))
    events = []
    report = evaluate_database(schema=str(real["schema"]), synthetic=str(tmp_path / "synthetic"), table_reports="scores", on_event=events.append)

    assert set(report["tables"]) == set(KEPT)
    assert all(table["quality"]["score"] == pytest.approx(1.0) for table in report["tables"].values())
    assert all(table["detection"] is None and table["charts"] is None for table in report["tables"].values())
    for rel in report["relationships"]:
        assert rel["integrity"] == {"childRows": rel["childrenPerParent"]["synthetic"]["children"], "orphans": 0, "share": 1.0,
                                    "nullKeys": 0, "duplicateParentKeys": 0}
        assert rel["childrenPerParent"]["ksComplement"] == 1.0
        assert rel["childrenPerParent"]["real"] == rel["childrenPerParent"]["synthetic"]
        assert rel["pairTrends"]["score"] in (1.0, None)
    players = _relationship(report, "People", "Salaries")
    assert players["childrenPerParent"]["real"]["parents"] == 300
    assert players["childrenPerParent"]["real"]["children"] == len(real["tables"]["Salaries"])
    assert players["childrenPerParent"]["real"]["childless"] == pytest.approx(60 / 300)
    assert players["sequence"] == {"lengthKsComplement": 1.0, "orderKept": 1.0, "realOrderKept": 1.0}
    assert _relationship(report, "TeamsFranchises", "Teams")["sequence"]["orderKept"] == 1.0
    assert "sequence" not in _relationship(report, "Teams", "Salaries")
    summary = report["summary"]
    assert summary["integrity"] == 1.0 and summary["orphans"] == 0
    assert summary["childrenPerParentKsComplement"] == summary["sequenceLengthKsComplement"] == summary["orderKept"] == 1.0
    assert set(report["detection"]["tables"]) == {"TeamsFranchises", "People", "Teams"}
    assert report["detection"]["tables"]["People"]["childAggregates"] == [
        "Salaries: rows", "Salaries: mean yearID", "Salaries: distinct teamID", "Salaries: distinct lgID", "Salaries: mean salary"
    ]
    assert summary["detection"] >= 0.8  # a classifier cannot tell a table from itself
    assert {e["table"] for e in events if e.get("stage") == "table_evaluated"} == set(KEPT)


def test_pair_trends_join_each_child_row_with_its_parent(real, tmp_path):
    _write(tmp_path / "synthetic", _copy(real))
    report = evaluate_database(schema=str(real["schema"]), synthetic=str(tmp_path / "synthetic"), table_reports="none")
    pairs = {tuple(p["columns"]): p for p in _relationship(report, "People", "Salaries")["pairTrends"]["pairs"]}
    salaries, people = real["tables"]["Salaries"], real["tables"]["People"]
    joined = salaries.merge(people, on="playerID", suffixes=("", "_player"))
    expected = joined["birthYear"].astype(float).corr(joined["yearID"].astype(float))
    assert pairs[("People.birthYear", "Salaries.yearID")]["real"] == pytest.approx(expected)
    # keys (playerID) and ids (rownames) are not compared; every other parent column meets every other child column
    assert set(pairs) == {(f"People.{p}", f"Salaries.{c}") for p in ("birthYear", "birthCountry", "weight", "height", "bats")
                          for c in ("yearID", "teamID", "lgID", "salary")}
    assert report["tables"] == {name: None for name in KEPT} and report["summary"]["quality"] is None
