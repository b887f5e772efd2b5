"""Conditional generation: fixed values, partial rows, rebalancing, imputation, and the errors of
impossible conditions. Runs in both profiles: on GaussianCopula where SDV is installed, else on
TabularARGN."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from test_generate import read_csv

from conftest import FAST_SETTINGS, HAS_SDV, dataset, requires_sdv, run_cli
from doppel_engine import EngineError, describe, generate, train
from doppel_engine._conditions import IMPUTE_DRAWS, KINDS, best_guess, conditioning
from doppel_engine._model_folder import ModelFolder
from doppel_engine._profile import profile_table, typed_rows
from doppel_engine._schema import parse_columns
from doppel_engine._sdv import GaussianCopulaAlgorithm

ALGORITHM = "GaussianCopula" if HAS_SDV else "TabularARGN"
NUMBERS = ["bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g", "year"]
# Six noisy readings of one hidden quantity (numbers, a boolean, a category), each as much noise
# as signal: the others explain under half of a reading's variance, so one draw given them misses
# by more than the column's mean does (squared error twice the conditional variance), and a best
# guess by less. These three are scored.
READINGS = ["reading", "count", "fives"]
TOY_COLUMNS = [
    {"name": "reading", "type": "float"},
    {"name": "count", "type": "integer"},
    {"name": "fives", "type": "integer"},
    {"name": "level", "type": "integer"},
    {"name": "flag", "type": "boolean"},
    {"name": "band", "type": "categorical"},
]


@pytest.fixture(scope="module")
def model(models):
    return models(ALGORITHM, "penguins")[0]


@pytest.fixture(scope="module")
def profile(model):
    return ModelFolder.read(model).metadata.profile


@pytest.fixture(scope="module")
def toy(tmp_path_factory):
    """A table of correlated readings on grids (one decimal, integers, multiples of 5, a boolean
    spelled yes/no), a model of it, and a copy of it with a fifth of its cells emptied."""
    rng = np.random.default_rng(4)
    hidden = rng.normal(size=(1000, 1))
    noisy = hidden + rng.normal(size=(1000, 6))
    real = pd.DataFrame(
        {
            "reading": [f"{v:.1f}" for v in 50 + 10 * noisy[:, 0]],
            "count": [f"{v:.0f}" for v in 100 + 20 * noisy[:, 1]],
            "fives": [f"{v:.0f}" for v in 5 * np.round((200 + 40 * noisy[:, 2]) / 5)],
            "level": [f"{v:.0f}" for v in 1000 + 100 * noisy[:, 3]],
            "flag": np.where(noisy[:, 4] > 0, "yes", "no"),
            "band": np.where(noisy[:, 5] > 0.8, "high", np.where(noisy[:, 5] < -0.8, "low", "mid")),
        }
    )
    root = tmp_path_factory.mktemp("toy")
    (data := root / "toy.csv").write_text(real.to_csv(index=False))
    settings = FAST_SETTINGS[ALGORITHM]
    train(data=str(data), config={"algorithm": ALGORITHM, "seed": 3, "columns": TOY_COLUMNS, **settings}, output=str(root / "model"))
    truth = real.tail(300).reset_index(drop=True)
    holes = truth.mask(np.random.default_rng(5).random(truth.shape) < 0.2)
    (source := root / "holes.csv").write_text(holes.to_csv(index=False, na_rep=""))
    return root / "model", real, truth, holes, source


# GaussianCopula conditions its Gaussian exactly; TabularARGN trained briefly learns too little of
# the toy for any guess to beat the mean (its imputation of penguins: BENCHMARKS.md).
@requires_sdv
def test_imputation_gives_the_best_guess_not_one_draw(toy, tmp_path, monkeypatch):
    model, _real, truth, holes, source = toy

    def error_over_the_mean_s(draws: int) -> dict[str, float]:
        monkeypatch.setattr("doppel_engine._conditions.IMPUTE_DRAWS", draws)
        out = tmp_path / f"imputed-{draws}.csv"
        generate(model=str(model), output=str(out), seed=8, impute=str(source))
        imputed = read_csv(out)
        ratios = {}
        for column in READINGS:
            emptied = holes[column].isna().to_numpy()
            want = truth[column][emptied].astype(float).to_numpy()
            mean = holes[column].dropna().astype(float).mean()
            got = imputed[column][emptied].astype(float).to_numpy()
            ratios[column] = float(np.sqrt(np.mean((got - want) ** 2) / np.mean((mean - want) ** 2)))
        return ratios

    assert IMPUTE_DRAWS == 20
    single, best = error_over_the_mean_s(1), error_over_the_mean_s(IMPUTE_DRAWS)
    assert np.mean(list(single.values())) > 1, single  # one draw: worse than the column's mean
    assert all(ratio < 0.95 for ratio in best.values()), best


def test_imputed_cells_keep_the_columns_grids_spellings_and_bounds(toy, tmp_path):
    model, real, _truth, holes, source = toy
    out = tmp_path / "imputed.csv"
    generate(model=str(model), output=str(out), seed=8, impute=str(source))
    imputed = read_csv(out)
    assert len(imputed) == len(holes) and imputed.notna().all().all()
    for column in holes.columns:
        given = holes[column].notna()
        assert (imputed[column][given] == holes[column][given]).all(), column
    filled = {column: imputed[column][holes[column].isna()] for column in holes.columns}
    assert filled["reading"].str.fullmatch(r"\d+\.\d").all()
    assert filled["count"].str.fullmatch(r"\d+").all() and filled["level"].str.fullmatch(r"\d+").all()
    assert filled["fives"].isin(set(real["fives"])).all()  # on the column's set of values, so on its step of 5
    for column in ("reading", "count", "fives", "level"):
        values, bounds = filled[column].astype(float), real[column].astype(float)
        assert values.between(bounds.min(), bounds.max()).all(), column
    assert set(filled["flag"]) <= {"yes", "no"} and set(filled["band"]) <= {"low", "mid", "high"}


def test_best_guess_is_the_draws_mean_on_the_columns_values_or_their_most_frequent_draw():
    raw = pd.DataFrame({"size": [f"{v}" for v in (10, 20, 30, 40) * 25], "weight": [f"{v / 10:.1f}" for v in range(100)], "kind": ["a", "b"] * 50})
    columns = parse_columns([{"name": "size", "type": "integer"}, {"name": "weight", "type": "float"}, {"name": "kind", "type": "categorical"}])
    _typed, profile = profile_table(raw, columns, max_categories=10, on_event=lambda e: None)
    # Three draws of two rows: draw j of row i at j * 2 + i.
    draws = pd.DataFrame({"size": [10.0, 40.0, 20.0, 40.0, 40.0, 30.0], "weight": [0.1, 9.9, 0.2, 9.9, 0.2, 9.9], "kind": ["a", "b", "b", "a", "b", "c"]})
    guess = best_guess(draws, profile, 3)
    assert guess["size"].tolist() == [20.0, 40.0]  # means 23.3 and 36.7, on the column's set of values
    assert guess["weight"].tolist() == [0.2, 9.9]  # 0.1667 to one decimal
    assert guess["kind"].tolist() == ["b", "b"]  # row 2: b, a, c equally often, the earliest draw's


def test_imputation_is_repeatable_with_its_seed(toy, tmp_path):
    model, _real, _truth, holes, _source = toy
    first, again, other = tmp_path / "first.csv", tmp_path / "again.csv", tmp_path / "other.csv"
    for out, seed in ((first, 8), (again, 8), (other, 9)):
        generate(model=str(model), output=str(out), seed=seed, impute=holes.head(60))
    assert first.read_text() == again.read_text()
    assert first.read_text() != other.read_text()


def typed(frame: pd.DataFrame, profile) -> pd.DataFrame:
    return typed_rows(frame.astype(object).where(frame.notna(), None), profile)


def test_catalogue_says_how_each_algorithm_conditions():
    for entry in describe()["algorithms"]:
        # An algorithm that learns only related tables together (HMA) conditions no single table.
        assert entry["conditioning"] == (list(KINDS) if entry["singleTable"] else []), entry["name"]


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
