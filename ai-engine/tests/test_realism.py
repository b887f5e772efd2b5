"""Holdout at training, classifier detection and privacy against the holdout (both installs)."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from conftest import dataset, requires_sdv, run_cli
from doppel_engine import _attacks, _realism, evaluate
from doppel_engine._errors import EngineError
from doppel_engine._train import HOLDOUT_FILE, parse_holdout, split_holdout

ADULT_SDTYPES = {
    "age": "numerical",
    "fnlwgt": "numerical",
    "workclass": "categorical",
    "education": "categorical",
    "hours_per_week": "numerical",
    "sex": "categorical",
    "class": "categorical",
}
TAXIS_SDTYPES = {"distance": "numerical", "fare": "numerical", "tip": "numerical", "total": "numerical", "payment": "categorical", "color": "categorical"}


@pytest.fixture(scope="module")
def adult_parts() -> list[pd.DataFrame]:
    """Three disjoint random thirds of 6,000 adult rows: same distribution, different rows."""
    rows = pd.read_csv(dataset("adult"), usecols=list(ADULT_SDTYPES)).sample(n=6_000, random_state=7).reset_index(drop=True)
    return [rows.iloc[i::3].reset_index(drop=True) for i in range(3)]


def test_detection_is_near_one_for_rows_of_the_same_distribution_and_near_zero_for_a_shifted_table(adult_parts):
    real, same, _ = adult_parts
    shifted = same.assign(age=same["age"] + 15, sex="unknown")

    alike = _realism.detection(real, same, ADULT_SDTYPES, rows=1_000)
    apart = _realism.detection(real, shifted, ADULT_SDTYPES, rows=1_000)

    assert alike["score"] > 0.85
    assert apart["score"] < 0.05
    assert {c["column"] for c in apart["columns"][:2]} == {"age", "sex"}  # what gives it away
    assert len(apart["pairs"]) == 10 and apart["pairs"][0]["auc"] > 0.99 and {"age", "sex"} & set(apart["pairs"][0]["columns"])
    assert {c["column"] for c in apart["columns"] if c["gives_away"]} >= {"age", "sex"}
    assert all(c["gives_away"] == (c["auc"] >= _realism.GIVES_AWAY_AUC) for c in alike["columns"] + apart["columns"] + apart["pairs"])
    assert alike["verdict"]["level"] == "excellent" and apart["verdict"]["level"] == "very_poor"
    assert "columns that give them away on their own: " in apart["verdict"]["text"] and "age (AUC" in apart["verdict"]["text"]


def _detected(score: float, columns: dict[str, float], pairs: dict[tuple[str, str], float] | None = None) -> dict:
    parts = [{"column": c, "auc": a, "gives_away": a >= _realism.GIVES_AWAY_AUC} for c, a in columns.items()]
    pairs = [{"columns": list(p), "auc": a, "gives_away": a >= _realism.GIVES_AWAY_AUC} for p, a in (pairs or {}).items()]
    return {"score": score, "columns": parts, "pairs": pairs}


@pytest.mark.parametrize(
    ("score", "level"), [(1.0, "excellent"), (0.8, "excellent"), (0.79, "good"), (0.6, "good"), (0.5, "fair"), (0.3, "poor"), (0.2, "poor"), (0.0, "very_poor")]
)
def test_detection_verdict_bands_the_score(score, level):
    assert _realism.detection_verdict(_detected(score, {"fare": 0.5}))["level"] == level


def test_detection_verdict_names_what_gives_rows_away_and_nothing_below_the_threshold():
    columns = {"fare": 0.94, "total": 0.7, "tip": 0.6, "tolls": 0.56, "color": 0.54}
    named = _realism.detection_verdict(_detected(0.29, columns))["text"]
    by_pairs = _realism.detection_verdict(_detected(0.7, {"fare": 0.52, "tip": 0.51}, {("fare", "tip"): 0.66}))["text"]
    at_chance = _realism.detection_verdict(_detected(0.95, {"fare": 0.52}, {("fare", "tip"): 0.53}))["text"]

    assert named.startswith("A classifier tells most synthetic rows from real ones;")
    assert "fare (AUC 0.94), total (AUC 0.70), tip (AUC 0.60) and 1 more." in named and "color" not in named
    assert "no single column gives them away, but these pairs together do: fare with tip (AUC 0.66)" in by_pairs
    assert "no single column gives them away" in at_chance and f"below AUC {_realism.GIVES_AWAY_AUC}" in at_chance


def test_detection_of_too_few_rows_is_unknown_and_says_why():
    tiny = pd.DataFrame({"age": [30, 40, 50], "sex": ["f", "m", "f"]})
    unmeasured = _realism.detection(tiny, tiny, {"age": "numerical", "sex": "categorical"})

    assert unmeasured["score"] is None and unmeasured["gives_away_auc"] == _realism.GIVES_AWAY_AUC
    assert unmeasured["verdict"]["level"] == "unknown" and "not measured" in unmeasured["verdict"]["text"]


def test_dcr_share_is_near_half_for_unseen_rows_and_near_one_for_copies_of_training_rows(adult_parts):
    train, holdout, unseen = adult_parts
    fresh = _realism.privacy_against_holdout(train, holdout, unseen, ADULT_SDTYPES, rows=1_000)
    copied = _realism.privacy_against_holdout(train, holdout, train, ADULT_SDTYPES, rows=len(train))

    assert abs(fresh["dcr_share"] - 0.5) < 0.05
    assert copied["dcr_share"] > 0.85
    assert copied["median_dcr_training"] == 0.0 and copied["median_nndr"] == 0.0


def test_privacy_verdict_never_speaks_of_copies_it_did_not_find():
    good = _realism.privacy_verdict(0.0, 0.0, 0.51)
    copies = _realism.privacy_verdict(0.2, 0.0, 0.51)
    memorised = _realism.privacy_verdict(0.0, 0.0, 0.8)
    unmeasured = _realism.privacy_verdict(0.0, None, None)

    assert good["level"] == "good" and "no sign of memorised rows" in good["text"] and "copies the real data" not in good["text"]
    assert copies["level"] == "poor" and "20.0% of synthetic rows are exact copies of training rows" in copies["text"]
    assert memorised["level"] == "poor" and "memorised" in memorised["text"]
    assert unmeasured["level"] == "unknown" and "cannot be measured" in unmeasured["text"]


def test_holdout_is_a_seeded_capped_share_and_off_for_tiny_tables():
    table = pd.DataFrame({"x": range(1_000)})
    train, held, summary = split_holdout(table, parse_holdout({"max_rows": 150}), seed=3)
    again = split_holdout(table, parse_holdout({"max_rows": 150}), seed=3)[1]

    assert len(held) == 150 and summary == {"rows": 150, "share": 0.2, "max_rows": 150, "file": HOLDOUT_FILE}
    assert set(train["x"]).isdisjoint(held["x"]) and len(train) + len(held) == 1_000
    assert held.equals(again)
    assert split_holdout(table.head(499), parse_holdout(None), seed=3)[1] is None
    assert "fewer than 500 rows" in split_holdout(table.head(499), parse_holdout(None), seed=3)[2]["reason"]
    assert split_holdout(table, parse_holdout(False), seed=3)[1] is None


@pytest.mark.parametrize("value", [0.2, {"share": 0.9}, {"share": "a"}, {"max_rows": -1}, {"rows": 5}])
def test_invalid_holdout_settings_are_refused_naming_the_setting(value):
    with pytest.raises(EngineError) as caught:
        parse_holdout(value)
    assert caught.value.code == "invalid_setting" and "holdout" in str(caught.value)


def test_own_metrics_report_detection_and_privacy_against_the_holdout(adult_parts, tmp_path):
    train, holdout, unseen = adult_parts
    paths = {}
    for name, frame in (("real", pd.concat([train, holdout])), ("holdout", holdout), ("synthetic", unseen)):
        paths[name] = tmp_path / f"{name}.csv"
        frame.to_csv(paths[name], index=False)
    columns = [{"name": n, "type": "integer" if t == "numerical" else "categorical"} for n, t in ADULT_SDTYPES.items()]

    report = evaluate(
        real=str(paths["real"]), synthetic=str(paths["synthetic"]), holdout=str(paths["holdout"]), metadata={"columns": columns}, metrics="doppel"
    )

    assert report["metrics_engine"] == "doppel"
    assert report["detection"]["score"] > 0.85 and report["detection"]["real_rows"] == "holdout"
    assert report["detection"]["verdict"]["level"] == "excellent" and report["detection"]["gives_away_auc"] == _realism.GIVES_AWAY_AUC
    assert abs(report["privacy"]["holdout"]["dcr_share"] - 0.5) < 0.05
    assert report["privacy"]["exact_copies_of_training"] < 0.05 and report["privacy"]["verdict"]["level"] == "good"
    assert report["sampling"]["holdout_rows"] == len(holdout)
    assert report["utility"]["target"] == "class" and report["utility"]["ratio"] > 0.9
    assert report["privacy"]["attacks"]["attacks"] == _attacks.ATTACKS and "anonymeter" in report["privacy"]["verdict"]["text"]
    assert {"score", "dcr_baseline_protection", "exact_copy_share"} <= set(report["privacy"])  # every field the platform reads stays


def test_tiny_table_trains_without_holdout_and_says_so(models):
    folder, run = models("TabularARGN", "penguins")
    meta = json.loads((folder / "metadata.json").read_text())

    assert meta["holdout"]["rows"] == 0 and "fewer than 500 rows" in meta["holdout"]["reason"]
    assert not (folder / HOLDOUT_FILE).exists()
    assert [e for e in run.of("warning") if e["code"] == "no_holdout"]
    assert run.last["holdout_rows"] == 0


@requires_sdv
def test_holdout_rows_are_kept_out_of_training_stored_and_used_by_the_evaluation(models, tmp_path):
    folder, run = models("GaussianCopula", "taxis")
    meta = json.loads((folder / "metadata.json").read_text())
    real = pd.read_csv(dataset("taxis"), dtype=str, keep_default_na=False)
    held = pd.read_parquet(folder / HOLDOUT_FILE)

    assert len(held) == meta["holdout"]["rows"] == run.last["holdout_rows"] == int(len(real) * 0.2)
    assert meta["rows"] == len(real) - len(held)
    assert held.fillna("").merge(real, how="left", indicator=True)["_merge"].eq("both").all()  # real rows, as read
    synth = tmp_path / "s.csv"
    assert run_cli("generate.py", "--model", folder, "--count", 500, "--output", synth, "--seed", 1).rc == 0
    out = tmp_path / "r.json"
    result = run_cli("evaluate.py", "--real", dataset("taxis"), "--synthetic", synth, "--output", out, "--metadata", folder)
    report = json.loads(out.read_text())

    assert result.rc == 0, result.stderr
    assert report["sampling"]["holdout_rows"] == len(held) and report["detection"]["real_rows"] == "holdout"
    assert 0 <= report["privacy"]["holdout"]["dcr_share"] <= 1 and report["privacy"]["verdict"]["text"]

    # As the platform calls it: its own schema as --metadata, the model folder as --model.
    platform_out = tmp_path / "platform.json"
    platform = run_cli(
        "evaluate.py",
        "--real",
        dataset("taxis"),
        "--synthetic",
        synth,
        "--output",
        platform_out,
        "--metadata",
        json.dumps({"columns": meta["columns"]}),
        "--model",
        folder,
    )
    assert platform.rc == 0, platform.stderr
    assert json.loads(platform_out.read_text())["sampling"]["holdout_rows"] == len(held)


def test_utility_of_rows_that_lost_the_target_relation_is_far_below_that_of_real_rows(adult_parts):
    train, holdout, unseen = adult_parts
    shuffled = unseen.assign(**{"class": unseen["class"].sample(frac=1, random_state=1).to_numpy()})

    faithful = _realism.utility(train, holdout, unseen, ADULT_SDTYPES, "class")
    broken = _realism.utility(train, holdout, shuffled, ADULT_SDTYPES, "class")

    assert _realism.default_target(ADULT_SDTYPES) == "class"
    assert faithful["training"] > 0.75 and faithful["ratio"] > 0.9
    assert broken["synthetic"] < 0.6 and broken["ratio"] < 0.8


@pytest.fixture(scope="module")
def taxis_parts() -> list[pd.DataFrame]:
    """Three disjoint random thirds of the taxi rides: same distribution, different rows."""
    rows = pd.read_csv(dataset("taxis"), usecols=list(TAXIS_SDTYPES)).sample(frac=1, random_state=7).reset_index(drop=True)
    return [rows.iloc[i::3].reset_index(drop=True) for i in range(3)]


def test_utility_of_a_numeric_target_is_r2_of_both_models_on_the_holdout(taxis_parts):
    train, holdout, unseen = taxis_parts
    shuffled = unseen.assign(total=unseen["total"].sample(frac=1, random_state=1).to_numpy())

    faithful = _realism.utility(train, holdout, unseen, TAXIS_SDTYPES, "total")
    broken = _realism.utility(train, holdout, shuffled, TAXIS_SDTYPES, "total")

    assert faithful["metric"] == "r2" and faithful["training"] > 0.9 and faithful["ratio"] > 0.95
    assert broken["synthetic"] < 0.1 and broken["ratio"] < 0.1
    assert _realism.default_target({"distance": "numerical", "fare": "numerical"}) == "fare"


def test_utility_target_must_be_a_scored_column_of_the_table(adult_parts, tmp_path):
    train, _, unseen = adult_parts
    for name, frame in (("real", train.assign(note="x")), ("synthetic", unseen.assign(note="x"))):
        frame.to_csv(tmp_path / f"{name}.csv", index=False)
    columns = [{"name": n, "type": "integer" if t == "numerical" else "categorical"} for n, t in ADULT_SDTYPES.items()]
    columns.append({"name": "note", "type": "text"})

    for target, words in (("salary", "'salary' is not a column of the table"), ("note", "'note' is a text column, which is not scored")):
        with pytest.raises(EngineError) as caught:
            evaluate(real=str(tmp_path / "real.csv"), synthetic=str(tmp_path / "synthetic.csv"), metadata={"columns": columns}, metrics="doppel", target=target)
        assert caught.value.code == "invalid_arguments" and words in str(caught.value)


def test_attacks_find_no_risk_in_unseen_rows_and_high_risk_in_copies_of_training_rows(adult_parts):
    train, holdout, unseen = adult_parts

    fresh = _attacks.attacks(train, holdout, unseen, ADULT_SDTYPES)
    copied = _attacks.attacks(train, holdout, train, ADULT_SDTYPES)

    kinds = ("singling_out", "linkability", "inference")
    assert fresh["attacks"] == copied["attacks"] == _attacks.ATTACKS
    for kind in kinds:
        low, high = fresh[kind]["ci"]
        assert low <= fresh[kind]["risk"] <= high and low < _realism.ATTACK_RISK_CAUTION, (kind, fresh[kind])
    assert copied["singling_out"]["risk"] > 0.9 and copied["inference"]["risk"] > 0.9
    assert copied["linkability"]["ci"][0] > fresh["linkability"]["ci"][1]  # linked well beyond unseen rows
    assert {c["column"] for c in fresh["inference"]["columns"]} == set(ADULT_SDTYPES)


def test_privacy_verdict_cites_the_attack_risks_and_cautions_on_a_risk_surely_above_the_threshold():
    def risk(value, low, high, **extra):
        return {"risk": value, "ci": [low, high], **extra}

    quiet = {"attacks": 200, "singling_out": risk(0.02, 0.0, 0.05), "linkability": risk(0.0, 0.0, 0.01), "inference": risk(0.04, 0.0, 0.09, column="sex")}
    loud = {**quiet, "singling_out": risk(0.3, 0.2, 0.4)}

    calm = _realism.privacy_verdict(0.0, 0.0, 0.51, quiet)
    alarmed = _realism.privacy_verdict(0.0, 0.0, 0.51, loud)

    assert calm["level"] == "good"
    assert "singling out 2% (95% CI 0%–5%), linkability 0% (95% CI 0%–1%), inference (worst column: sex) 4% (95% CI 0%–9%)" in calm["text"]
    assert alarmed["level"] == "caution" and "singling out 30% (95% CI 20%–40%)" in alarmed["text"]


def test_utility_of_rows_whose_classes_the_holdout_lacks_is_chance_not_an_error():
    rng = np.random.default_rng(0)
    x = rng.normal(size=300)
    real = pd.DataFrame({"x": x, "label": np.array(["a", "b", "d"])[(x > -0.4).astype(int) + (x > 0.4).astype(int)]})
    synthetic = pd.DataFrame({"x": x, "label": np.where(x > 0, "c", "e")})  # no class of the holdout

    result = _realism.utility(real, real, synthetic, {"x": "numerical", "label": "categorical"}, "label")

    assert result["training"] > 0.9 and result["synthetic"] == pytest.approx(0.5)
