"""evaluate_database.py: integrity, children per parent, sequences, pair trends and detection
on a small part of the Lahman database, compared with itself and with broken copies."""

from __future__ import annotations

import json
import re

import numpy as np
import pandas as pd
import pytest
from scipy.stats import ks_2samp

from conftest import DATASETS, run_cli
from doppel_engine import EngineError, evaluate, evaluate_database

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
    "Teams": [
        ("rownames", "id"),
        ("yearID", "integer"),
        ("lgID", "categorical"),
        ("teamID", "categorical"),
        ("franchID", "categorical"),
        ("W", "integer"),
        ("L", "integer"),
        ("attendance", "integer"),
    ],
    "People": [
        ("rownames", "id"),
        ("playerID", "id"),
        ("birthYear", "integer"),
        ("birthCountry", "categorical"),
        ("weight", "integer"),
        ("height", "integer"),
        ("bats", "categorical"),
    ],
    "Salaries": [
        ("rownames", "id"),
        ("yearID", "integer"),
        ("teamID", "categorical"),
        ("lgID", "categorical"),
        ("playerID", "categorical"),
        ("salary", "integer"),
    ],
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
            {"name": name, "data": str(folder / f"{name}.csv"), "primaryKey": PRIMARY_KEYS[name], "columns": [{"name": n, "type": t} for n, t in COLUMNS[name]]}
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
    report = evaluate_database(schema=str(real["schema"]), synthetic=str(tmp_path / "synthetic"), scope="scores", on_event=events.append)

    assert set(report["tables"]) == set(KEPT)
    assert all(table["quality"]["score"] == pytest.approx(1.0) for table in report["tables"].values())
    assert all(table["detection"] is None and table["charts"] is None for table in report["tables"].values())
    for rel in report["relationships"]:
        assert rel["integrity"] == {
            "childRows": rel["childrenPerParent"]["synthetic"]["children"],
            "orphans": 0,
            "share": 1.0,
            "nullKeys": 0,
            "duplicateParentKeys": 0,
        }
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
    assert report["detection"] is None and summary["detection"] is None  # no classifier in the "scores" scope
    assert {e["table"] for e in events if e.get("stage") == "table_evaluated"} == set(KEPT)


def test_pair_trends_join_each_child_row_with_its_parent(real, tmp_path):
    _write(tmp_path / "synthetic", _copy(real))
    report = evaluate_database(schema=str(real["schema"]), synthetic=str(tmp_path / "synthetic"), scope="relationships")
    pairs = {tuple(p["columns"]): p for p in _relationship(report, "People", "Salaries")["pairTrends"]["pairs"]}
    salaries, people = real["tables"]["Salaries"], real["tables"]["People"]
    joined = salaries.merge(people, on="playerID", suffixes=("", "_player"))
    expected = joined["birthYear"].astype(float).corr(joined["yearID"].astype(float))
    assert pairs[("People.birthYear", "Salaries.yearID")]["real"] == pytest.approx(expected)
    # keys (playerID) and ids (rownames) are not compared; every other parent column meets every other child column
    assert set(pairs) == {
        (f"People.{p}", f"Salaries.{c}") for p in ("birthYear", "birthCountry", "weight", "height", "bats") for c in ("yearID", "teamID", "lgID", "salary")
    }
    assert report["tables"] == {name: None for name in KEPT} and report["summary"]["quality"] is None


def test_full_scope_gives_each_table_its_evaluate_report_and_detects_on_parents_with_children(real, tmp_path):
    teams = real["tables"]["Teams"][real["tables"]["Teams"]["yearID"].astype(int) >= 2010]  # fewer rows: every section runs
    teams.to_csv(tmp_path / "Teams.csv", index=False)
    franchises, teams_table = (t for t in real["document"]["tables"] if t["name"] in ("TeamsFranchises", "Teams"))
    document = {"tables": [franchises, {**teams_table, "data": str(tmp_path / "Teams.csv")}], "relationships": RELATIONSHIPS[:1]}
    _write(tmp_path / "synthetic", {"TeamsFranchises": real["tables"]["TeamsFranchises"], "Teams": teams})
    report = evaluate_database(schema=json.dumps(document), synthetic=str(tmp_path / "synthetic"), seed=4)

    alone = evaluate(real=franchises["data"], synthetic=str(tmp_path / "synthetic" / "TeamsFranchises.csv"), metadata=franchises["columns"], seed=4)
    assert {k: v for k, v in report["tables"]["TeamsFranchises"].items() if k != "timings"} == {k: v for k, v in alone.items() if k != "timings"}
    assert report["tables"]["Teams"]["detection"]["score"] is not None
    detection = report["detection"]["tables"]["TeamsFranchises"]
    assert detection["childAggregates"] == [
        "Teams: rows",
        "Teams: mean yearID",
        "Teams: distinct lgID",
        "Teams: distinct teamID",
        "Teams: mean W",
        "Teams: mean L",
        "Teams: mean attendance",
    ]
    assert {c["column"] for c in detection["columns"]} == {"active", "NAassoc", *detection["childAggregates"]}
    assert detection["verdict"]["level"] in ("excellent", "good")  # a classifier cannot tell a table from itself
    assert report["detection"]["score"] == detection["score"] == report["summary"]["detection"]


def test_broken_keys_are_counted_exactly(real, tmp_path):
    copy = _copy(real)
    salaries = copy["Salaries"]
    salaries.loc[[3, 40, 41, 100, 150, 151, 200], "playerID"] = "nobody01"
    salaries.loc[[5, 6, 7], "playerID"] = ""  # empty: a null key, not an orphan
    salaries.loc[[10, 60, 61, 62, 300], "teamID"] = "XXX"
    copy["People"] = pd.concat([copy["People"], copy["People"].iloc[[0]]], ignore_index=True)  # a repeated primary key
    _write(tmp_path / "synthetic", copy)
    out = tmp_path / "report.json"
    run = run_cli("evaluate_database.py", "--schema", real["schema"], "--synthetic", tmp_path / "synthetic", "--output", out, "--scope", "relationships")

    assert run.rc == 0, run.stderr[-2000:]
    assert run.events[0]["event"] == "started" and run.last["event"] == "completed"
    assert [(e["parent"], e["child"]) for e in run.of("progress") if e["stage"] == "relationship"] == [(r["parent"], r["child"]) for r in RELATIONSHIPS]
    report = json.loads(out.read_text())
    rows = len(salaries)
    players = _relationship(report, "People", "Salaries")["integrity"]
    assert players == {"childRows": rows, "orphans": 7, "share": pytest.approx(1 - 7 / (rows - 3)), "nullKeys": 3, "duplicateParentKeys": 1}
    teams = _relationship(report, "Teams", "Salaries")["integrity"]
    assert teams == {"childRows": rows, "orphans": 5, "share": pytest.approx(1 - 5 / rows), "nullKeys": 0, "duplicateParentKeys": 0}
    assert report["summary"]["orphans"] == run.last["orphans"] == 12
    assert report["summary"]["integrity"] == pytest.approx(1 - 12 / (len(copy["Teams"]) + (rows - 3) + rows))


def test_shuffled_salaries_lose_their_order(real, tmp_path):
    copy = _copy(real)
    copy["Salaries"] = copy["Salaries"].sample(frac=1, random_state=5).reset_index(drop=True)
    _write(tmp_path / "synthetic", copy)
    report = evaluate_database(schema=str(real["schema"]), synthetic=str(tmp_path / "synthetic"), scope="relationships")

    years = copy["Salaries"].assign(year=copy["Salaries"]["yearID"].astype(int)).groupby("playerID", sort=False)["year"]
    in_order = years.apply(lambda y: bool((np.diff(y.to_numpy()) >= 0).all()))[years.size() >= 2]
    sequence = _relationship(report, "People", "Salaries")["sequence"]
    assert sequence == {"lengthKsComplement": 1.0, "orderKept": pytest.approx(in_order.mean()), "realOrderKept": 1.0}
    assert sequence["orderKept"] < 0.5
    assert _relationship(report, "People", "Salaries")["childrenPerParent"]["ksComplement"] == 1.0  # the same children, in another order


def _children(parents: pd.Series, child_keys: pd.Series) -> np.ndarray:
    return child_keys.value_counts().reindex(parents, fill_value=0).to_numpy()


def test_reassigned_children_change_the_children_per_parent(real, tmp_path):
    copy = _copy(real)
    people = copy["People"]["playerID"]
    copy["Salaries"]["playerID"] = np.random.default_rng(8).choice(people, len(copy["Salaries"]))  # every player equally likely
    _write(tmp_path / "synthetic", copy)
    report = evaluate_database(schema=str(real["schema"]), synthetic=str(tmp_path / "synthetic"), scope="relationships")

    real_counts = _children(people, real["tables"]["Salaries"]["playerID"])
    synthetic_counts = _children(people, copy["Salaries"]["playerID"])
    per_parent = _relationship(report, "People", "Salaries")["childrenPerParent"]
    assert per_parent["ksComplement"] == pytest.approx(1 - ks_2samp(real_counts, synthetic_counts).statistic)
    assert per_parent["ksComplement"] < 0.9
    assert per_parent["synthetic"]["childless"] == pytest.approx((synthetic_counts == 0).mean())
    bins = per_parent["bins"]
    assert per_parent["real"]["shares"] == pytest.approx((np.histogram(real_counts, bins=bins)[0] / len(real_counts)).tolist())
    sequence = _relationship(report, "People", "Salaries")["sequence"]
    assert sequence["lengthKsComplement"] == pytest.approx(1 - ks_2samp(real_counts[real_counts > 0], synthetic_counts[synthetic_counts > 0]).statistic)


def _document(real, edit=None) -> str:
    document = json.loads(json.dumps(real["document"]))
    if edit is not None:
        edit(document)
    return json.dumps(document)


def test_an_invalid_document_exits_2(real, tmp_path):
    document = _document(real, lambda d: d["relationships"][0].update(parentColumns=["franchName"]))
    run = run_cli("evaluate_database.py", "--schema", document, "--synthetic", tmp_path, "--output", tmp_path / "r.json")
    assert run.rc == 2 and run.last["code"] == "invalid_schema", run.last
    assert (
        run.last["message"]
        == "relationship TeamsFranchises <- Teams: parentColumns ['franchName'] must be the primary key of table 'TeamsFranchises' (['franchID'])"
    )
    assert not (tmp_path / "r.json").exists()


@pytest.mark.parametrize(
    ("edit", "names"),
    [
        (lambda d: d["relationships"].append({"parent": "Salaries", "parentColumns": [], "child": "People", "childColumns": []}), "parentColumns must be"),
        (lambda d: d["tables"].append({"name": "People", "data": "p.csv"}), "table 'People' is listed twice"),
        (lambda d: d["tables"][0].update(columns=[{"name": "franchID", "type": "key"}]), "table 'TeamsFranchises': column 'franchID' has type 'key'"),
        (
            lambda d: d["tables"][3].update(primaryKey=["salaryID"]),
            "table 'Salaries' has no column 'salaryID' (its primaryKey)",
        ),
        (lambda d: d["relationships"][0].update(parent="Leagues"), "parent 'Leagues' is not a table of the document"),
        (
            lambda d: d["relationships"][0].update(orderBy=["season"]),
            "table 'Teams' has no column 'season' (orderBy of TeamsFranchises(franchID) <- Teams(franchID))",
        ),
        (lambda d: d["relationships"][0].update(childColumns=["franchID", "yearID"]), "parentColumns and childColumns differ in length (1 and 2)"),
    ],
)
def test_an_invalid_document_names_what_is_wrong(real, tmp_path, edit, names):
    with pytest.raises(EngineError, match=re.escape(names)) as raised:
        evaluate_database(schema=_document(real, edit), synthetic=str(tmp_path))
    assert raised.value.code == "invalid_schema"


def test_cycles_are_refused(real, tmp_path):
    tables = [{"name": n, "data": "x.csv", "primaryKey": ["id"]} for n in ("A", "B", "C")]
    cycle = [{"parent": p, "parentColumns": ["id"], "child": c, "childColumns": ["id"]} for p, c in (("A", "B"), ("B", "C"), ("C", "A"))]
    with pytest.raises(EngineError, match=re.escape("the relationships form a cycle between the tables A, C, B, A")) as raised:
        evaluate_database(schema={"tables": tables, "relationships": cycle}, synthetic=str(tmp_path))
    assert raised.value.code == "invalid_schema"


def test_a_missing_synthetic_table_or_column_exits_3_naming_the_table(real, tmp_path):
    copy = _copy(real)
    _write(tmp_path / "no_people", {name: frame for name, frame in copy.items() if name != "People"})
    run = run_cli("evaluate_database.py", "--schema", real["schema"], "--synthetic", tmp_path / "no_people", "--output", tmp_path / "r.json")
    assert run.rc == 3 and run.last["code"] == "data_not_found" and "synthetic table 'People' not found" in run.last["message"]

    _write(tmp_path / "no_salary", {**copy, "Salaries": copy["Salaries"].drop(columns=["salary"])})
    with pytest.raises(EngineError, match=re.escape("synthetic table 'Salaries' lacks columns of the real table: salary")) as raised:
        evaluate_database(schema=str(real["schema"]), synthetic=str(tmp_path / "no_salary"))
    assert raised.value.exit_code == 3


def test_columns_are_inferred_when_the_document_has_none(real, tmp_path):
    document = _document(real, lambda d: [table.pop("columns") for table in d["tables"]])
    _write(tmp_path / "synthetic", _copy(real), parquet=("People",))
    events = []
    report = evaluate_database(schema=document, synthetic=str(tmp_path / "synthetic"), scope="relationships", on_event=events.append)
    assert [e["table"] for e in events if e.get("code") == "schema_inferred"] == list(KEPT)
    assert report["summary"]["integrity"] == 1.0 and report["summary"]["orderKept"] == 1.0
    # an inferred table still needs its key columns
    no_key = _document(real, lambda d: [table.pop("columns") for table in d["tables"]] and d["relationships"][2].update(childColumns=["yearID", "team"]))
    with pytest.raises(EngineError, match=re.escape("table 'Salaries' has no column 'team' (childColumns of Teams(yearID, teamID) <- Salaries(yearID, team))")):
        evaluate_database(schema=no_key, synthetic=str(tmp_path / "synthetic"), scope="relationships")


def test_a_real_table_unlike_its_columns_or_a_bad_row_cap_is_refused(real, tmp_path):
    _write(tmp_path / "synthetic", _copy(real))
    without_weight = _document(real, lambda d: d["tables"][2].update(columns=[c for c in d["tables"][2]["columns"] if c["name"] != "weight"]))
    with pytest.raises(EngineError, match=re.escape("real table 'People': columns in the data but not in the schema: weight")) as raised:
        evaluate_database(schema=without_weight, synthetic=str(tmp_path / "synthetic"), scope="relationships")
    assert raised.value.code == "column_not_in_schema"
    with pytest.raises(EngineError, match=re.escape("--max-rows must be an integer of at least 10 (got 5)")):
        evaluate_database(schema=str(real["schema"]), synthetic=str(tmp_path / "synthetic"), max_rows=5)


def _neutral_files(folder, tables: dict[str, pd.DataFrame]) -> dict[str, str]:
    """The tables written under neutral names (table-<index>.csv), as the platform stores a batch."""
    folder.mkdir(exist_ok=True)
    files = {}
    for index, (name, frame) in enumerate(tables.items()):
        files[name] = str(folder / f"table-{index}.csv")
        frame.to_csv(files[name], index=False)
    return files


def test_synthetic_tables_can_be_named_by_a_mapping_inline_or_in_a_json_file(real, tmp_path):
    files = _neutral_files(tmp_path / "batch", _copy(real))
    out = tmp_path / "r.json"
    inline = run_cli("evaluate_database.py", "--schema", real["schema"], "--synthetic", json.dumps(files), "--output", out, "--scope", "relationships")
    assert inline.rc == 0, inline.stderr[-2000:]
    assert inline.events[0]["synthetic"] == files
    assert json.loads(out.read_text())["summary"]["integrity"] == 1.0

    mapping = tmp_path / "synthetic.json"
    mapping.write_text(json.dumps({"Salaries": files["Salaries"], **files}))  # the document's order, not the mapping's, is kept
    report = evaluate_database(schema=str(real["schema"]), synthetic=str(mapping), scope="relationships")
    assert report["summary"]["orderKept"] == 1.0 and report["summary"]["orphans"] == 0
    assert evaluate_database(schema=str(real["schema"]), synthetic=files, scope="relationships")["relationships"] == report["relationships"]


@pytest.mark.parametrize(
    ("edit", "code", "message"),
    [
        (lambda files: files.pop("People"), "invalid_arguments", "--synthetic gives no file for the table(s) People"),
        (lambda files: files.update(Managers=files["People"]), "invalid_arguments", "--synthetic names table(s) the document lacks: Managers"),
        (lambda files: files.update(Teams="/nowhere/table-9.csv"), "data_not_found", "synthetic table 'Teams' not found: /nowhere/table-9.csv is not a file"),
        (lambda files: files.update(Teams=7), "invalid_arguments", "--synthetic must be a folder or a JSON object mapping each table name to its file"),
    ],
)
def test_a_mapping_that_misses_a_table_names_an_unknown_one_or_a_missing_file_is_refused(real, tmp_path, edit, code, message):
    files = _neutral_files(tmp_path / "batch", _copy(real))
    edit(files)
    run = run_cli("evaluate_database.py", "--schema", real["schema"], "--synthetic", json.dumps(files), "--output", tmp_path / "r.json")
    assert run.rc == (3 if code == "data_not_found" else 2) and run.last["code"] == code, run.last
    assert run.last["message"] == message
    assert not (tmp_path / "r.json").exists()


def test_a_synthetic_argument_that_is_neither_a_folder_nor_json_is_refused(real, tmp_path):
    with pytest.raises(EngineError, match=re.escape("synthetic folder not found: /nowhere/batch")) as raised:
        evaluate_database(schema=str(real["schema"]), synthetic="/nowhere/batch")
    assert raised.value.code == "data_not_found"
    with pytest.raises(EngineError, match=re.escape("--synthetic is not valid JSON")) as raised:
        evaluate_database(schema=str(real["schema"]), synthetic='{"People": ')
    assert raised.value.code == "invalid_arguments"
    with pytest.raises(EngineError, match=re.escape("--synthetic is neither inline JSON nor an existing file: /nowhere/files.json")):
        evaluate_database(schema=str(real["schema"]), synthetic="/nowhere/files.json")
