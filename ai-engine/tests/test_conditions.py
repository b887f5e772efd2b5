"""Conditional generation: fixed values, partial rows, rebalancing, imputation, and the errors of
impossible conditions. Runs in both profiles: on GaussianCopula where SDV is installed, else on
TabularARGN."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from test_generate import read_csv

from conftest import HAS_SDV, dataset, run_cli
from doppel_engine import EngineError, describe, generate
from doppel_engine._conditions import KINDS, conditioning
from doppel_engine._model_folder import ModelFolder
from doppel_engine._profile import profile_table, typed_rows
from doppel_engine._schema import parse_columns
from doppel_engine._sdv import GaussianCopulaAlgorithm

ALGORITHM = "GaussianCopula" if HAS_SDV else "TabularARGN"
NUMBERS = ["bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g", "year"]


@pytest.fixture(scope="module")
def model(models):
    return models(ALGORITHM, "penguins")[0]


@pytest.fixture(scope="module")
def profile(model):
    return ModelFolder.read(model).metadata.profile


def typed(frame: pd.DataFrame, profile) -> pd.DataFrame:
    return typed_rows(frame.astype(object).where(frame.notna(), None), profile)


def test_catalogue_says_how_each_algorithm_conditions():
    for entry in describe()["algorithms"]:
        assert entry["conditioning"] == list(KINDS), entry["name"]


def test_fixed_values_are_carried_by_every_row(model, tmp_path):
    out = tmp_path / "fixed.csv"
    done = generate(model=str(model), count=300, output=str(out), seed=5, conditions={"species": "Gentoo", "body_mass_g": 5000})
    rows = read_csv(out)
    assert done["rows"] == len(rows) == 300
    assert set(rows["species"]) == {"Gentoo"} and set(rows["body_mass_g"]) == {"5000"}
    assert rows["island"].nunique() >= 1 and rows["bill_length_mm"].nunique() > 10  # the rest is sampled


def test_partial_rows_keep_their_given_cells(model, profile, tmp_path):
    partial = read_csv(dataset("penguins")).head(30)[["species", "island", "sex"]].copy()
    partial.loc[::3, "sex"] = None  # some rows leave sex to the model
    out = tmp_path / "partial.csv"
    generate(model=str(model), output=str(out), seed=5, partial_rows=partial.assign(year=2008))  # a cell may be a number
    rows = read_csv(out)
    assert len(rows) == len(partial) and set(rows["year"]) == {"2008"}
    given = partial.notna()
    for column in partial.columns:
        assert (rows[column][given[column]] == partial[column][given[column]]).all(), column
    assert rows["bill_depth_mm"].notna().all()


def test_rebalancing_gives_the_target_shares(model, tmp_path):
    out = tmp_path / "rebalanced.csv"
    generate(model=str(model), count=1000, output=str(out), seed=5, shares={"species": {"Chinstrap": 0.5, "Adelie": 0.3, "Gentoo": 0.2}})
    shares = read_csv(out)["species"].value_counts(normalize=True)
    assert abs(shares["Chinstrap"] - 0.5) <= 0.02 and abs(shares["Adelie"] - 0.3) <= 0.02 and abs(shares["Gentoo"] - 0.2) <= 0.02


def test_imputation_fills_every_empty_cell_and_keeps_the_others(model, profile, tmp_path):
    real = read_csv(dataset("penguins")).sample(40, random_state=1).reset_index(drop=True)
    holes = real.mask(np.random.default_rng(2).random(real.shape) < 0.2)
    assert holes.isna().sum().sum() > 20
    source = tmp_path / "holes.csv"
    holes.to_csv(source, index=False, na_rep="")
    out = tmp_path / "imputed.csv"
    generate(model=str(model), output=str(out), seed=5, impute=str(source))
    rows = read_csv(out)
    assert len(rows) == len(holes) and rows.notna().all().all()
    kept, given = typed(rows, profile), typed(holes, profile)
    for column in holes.columns:
        present = given[column].notna()
        if column in NUMBERS:
            assert np.allclose(kept[column][present].astype(float), given[column][present].astype(float)), column
        else:
            assert (kept[column][present] == given[column][present]).all(), column


@pytest.mark.parametrize(
    ("arguments", "column", "said"),
    [
        ({"conditions": {"beak_colour": "red"}}, "beak_colour", "species, island"),
        ({"conditions": {"species": "Dodo"}}, "species", "allowed: Adelie"),
        ({"conditions": {"body_mass_g": 99_999}}, "body_mass_g", "allowed: 2700 to 6300"),
        ({"conditions": {"year": "last year"}}, "year", "allowed: 2007 to 2009"),
        ({"shares": {"sex": {"male": 0.3, "female": 0.3}}}, "sex", "sum to 1"),
        ({"shares": {"sex": {"male": 0.5, "other": 0.5}}}, "sex", "allowed: male"),
        ({"shares": {"body_mass_g": {"5000": 1.0}}}, "body_mass_g", "categorical"),
        ({"partial_rows": pd.DataFrame({"species": ["Adelie"], "wings": ["2"]})}, "wings", "not a column"),
        ({"impute": pd.DataFrame({"species": ["Adelie"]})}, "island", "every column"),
    ],
)
def test_impossible_conditions_name_the_column(profile, arguments, column, said):
    with pytest.raises(EngineError) as err:
        conditioning(profile, algorithm=GaussianCopulaAlgorithm, count=10, seed=1, **arguments)
    assert err.value.code == "invalid_condition" and err.value.exit_code == 2
    assert f"column '{column}'" in err.value.message and said in err.value.message


def test_id_and_text_columns_cannot_be_conditioned_on():
    raw = pd.DataFrame({"ref": [f"R{i:03d}" for i in range(60)], "note": [f"free text number {i}" for i in range(60)], "size": ["s", "m", "l"] * 20})
    columns = parse_columns([{"name": "ref", "type": "id"}, {"name": "note", "type": "text"}, {"name": "size", "type": "categorical"}])
    _typed, profile = profile_table(raw, columns, max_categories=10, on_event=lambda e: None)
    for column, what in (("ref", "an id column"), ("note", "a text column")):
        with pytest.raises(EngineError) as err:
            conditioning(profile, algorithm=GaussianCopulaAlgorithm, count=10, seed=1, conditions={column: raw[column][0]})
        assert err.value.code == "invalid_condition" and f"column '{column}': is {what}" in err.value.message


def test_a_kind_the_algorithm_cannot_do_is_refused(profile):
    class FixedOnly(GaussianCopulaAlgorithm):
        conditioning = ("fixed",)

    with pytest.raises(EngineError) as err:
        conditioning(profile, algorithm=FixedOnly, count=10, seed=1, shares={"sex": {"male": 1.0}})
    assert err.value.code == "invalid_condition" and "cannot do rebalance conditioning (--shares); it supports: fixed" in err.value.message


def test_cli_flags(model, tmp_path):
    both = run_cli("generate.py", "--model", model, "--output", tmp_path / "x.csv", "--conditions", "{}", "--impute", "t.csv")
    assert both.rc == 2 and both.last["code"] == "invalid_arguments" and "--impute" in both.last["message"] and "--conditions" in both.last["message"]
    unseen = run_cli("generate.py", "--model", model, "--count", "5", "--output", tmp_path / "x.csv", "--conditions", json.dumps({"species": "Dodo"}))
    assert unseen.rc == 2 and unseen.last["code"] == "invalid_condition" and "'species'" in unseen.last["message"]
    fixed = run_cli("generate.py", "--model", model, "--count", "5", "--output", tmp_path / "y.csv", "--conditions", json.dumps({"sex": "female"}))
    assert fixed.rc == 0 and fixed.of("started")[0]["conditioning"] == "fixed"
    assert set(read_csv(tmp_path / "y.csv")["sex"]) == {"female"}
